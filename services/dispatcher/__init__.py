"""The dispatcher: routes alerts by the rules and delivers signed webhooks, with retries."""

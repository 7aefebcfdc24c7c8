"""Webhook requests: Standard Webhooks signing and what a response means for the alert.

httpx's exceptions are mapped to Parley's error tree here and nowhere else.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from parley.services.alerting.settings import WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable

USER_AGENT = "Parley-Webhooks/1"


@dataclass(frozen=True)
class SignedRequest:
    url: str
    headers: dict[str, str]
    body: bytes


def slack_payload(alert: dict[str, Any]) -> dict[str, Any]:
    data = alert.get("data", {})
    talks = data.get("talks", {})
    parties = ", ".join(talks.get("parties", []))
    when = talks.get("start_date") or talks.get("date_text") or "date not given"
    where = talks.get("location") or "place not given"
    kind = "New talks" if alert.get("type", "").startswith("parley.talks.announced") else "Talks updated"
    text = f"{kind}: {parties} — {where}, {when} ({talks.get('status')})"
    return {
        "text": text,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*{kind}*: {parties}"}},
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"{where} · {when} · {talks.get('status')}"},
            },
        ],
    }


def sign(endpoint: WebhookEndpoint, message_id: str, alert: dict[str, Any], now: datetime) -> SignedRequest:
    """Body and headers for one attempt; the same `webhook-id` on every retry of an alert."""
    payload = slack_payload(alert) if endpoint.format == "slack" else alert
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
    }
    signatures = [
        Webhook(secret.get_secret_value()).sign(message_id, now, body) for secret in endpoint.secrets
    ]
    if signatures:
        headers["webhook-signature"] = " ".join(signatures)
    return SignedRequest(endpoint.url, headers, body.encode("utf-8"))


def classify(response: httpx.Response) -> None:
    """Return on 2xx; raise WebhookRetryable (5xx, 408, 429) or DeliveryRejected (other 4xx)."""
    status = response.status_code
    if 200 <= status < 300:
        return
    if status >= 500 or status in (408, 429):
        raise WebhookRetryable(f"HTTP {status}", retry_after=_retry_after(response))
    raise DeliveryRejected(f"HTTP {status}", status=status)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
        except (TypeError, ValueError):
            return None


async def send(client: httpx.AsyncClient, request: SignedRequest, timeout_s: float) -> int:
    """One attempt. Returns the HTTP status on success; raises from the error tree otherwise."""
    try:
        response = await client.post(
            request.url, content=request.body, headers=request.headers, timeout=timeout_s
        )
    except httpx.TimeoutException as exc:
        raise WebhookRetryable(f"timeout: {type(exc).__name__}") from exc
    except httpx.HTTPError as exc:
        raise WebhookRetryable(f"connection: {type(exc).__name__}") from exc
    classify(response)
    return response.status_code


def backoff(attempt: int, base_s: float, max_s: float, retry_after: float | None = None) -> float:
    """Exponential backoff with full jitter; a receiver's Retry-After wins when it is longer."""
    delay = random.uniform(0, min(max_s, base_s * (2 ** (attempt - 1))))
    if retry_after is not None:
        delay = max(delay, min(retry_after, max_s))
    return delay

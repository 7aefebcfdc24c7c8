"""The `PARLEY_ALERTING_…` section: webhook endpoints, matching windows, rules file, retry schedule.

Two processes read this one section, which is why it lives here: alerting needs the matching
windows, the dispatcher the endpoints, the rules file and the retry schedule. Each has its own
settings object (`AlertingSettings`, `DispatcherSettings`) built on it.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from parley.shared.netguard import EVERY_ADDRESS
from parley.shared.settings import PrivateAllowlistSection
from parley.shared.webhook_addresses import check_url, display_url

# Standard Webhooks' schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
DEFAULT_RETRY_SCHEDULE_S: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)
# Standard Webhooks: a secret is `whsec_` + base64 of 24 to 64 random bytes.
SECRET_PREFIX = "whsec_"
SECRET_BYTES = (24, 64)


def secret_problem(secret: str) -> str | None:
    """Why `secret` cannot sign Standard Webhooks requests, or None; never quotes the secret."""
    if not secret.startswith(SECRET_PREFIX):
        return f"does not start with {SECRET_PREFIX}"
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        return f"is not {SECRET_PREFIX} followed by base64"
    low, high = SECRET_BYTES
    if not low <= len(key) <= high:
        return f"decodes to {len(key)} bytes; a key has {low} to {high} random bytes"
    return None


class WebhookEndpoint(BaseModel):
    """One subscriber. Secrets are Standard Webhooks keys (`whsec_<base64>`); several = rotation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    url: SecretStr  # may carry credentials: only `display` (no user info, no query) is ever shown
    secrets: tuple[SecretStr, ...] = ()
    format: str = Field(default="cloudevents", pattern=r"^(cloudevents|slack)$")
    timeout_s: float = Field(default=5.0, gt=0, le=60)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: SecretStr) -> SecretStr:
        problem = check_url(value.get_secret_value(), allowlist=EVERY_ADDRESS)
        if problem:
            raise ValueError(problem)
        return value

    @property
    def target(self) -> str:
        return self.url.get_secret_value()

    @property
    def display(self) -> str:
        return display_url(self.target)


class AlertingSection(PrivateAllowlistSection):
    model_config = ConfigDict(frozen=True, extra="forbid")

    webhooks: tuple[WebhookEndpoint, ...] = ()
    # `private_allowlist` (PrivateAllowlistSection): receivers on non-public addresses webhooks
    # may still go to (the local stack and the tests list 127.0.0.0/8; compose its demo sink).
    renamed_from = ("alerting", "allow_private_webhooks")
    # Subscription rules (YAML); unset: one rule sending every alert to every webhook.
    rules_file: Path | None = None
    rules_poll_s: float = Field(default=2.0, gt=0)
    # Two reports of the same parties are one meeting when their dates are this close...
    same_event_days: int = Field(default=7, ge=0, le=60)
    # ...or when they name the same place and their dates are this close.
    same_place_days: int = Field(default=14, ge=0, le=90)
    # A report without a date joins the parties' latest upcoming event seen this recently.
    undated_match_days: int = Field(default=30, ge=0, le=365)
    # Bumping it gives alerting a fresh app id (state rebuilt from the topics); the dispatcher's
    # deliveries table keeps already delivered alerts from being sent again.
    state_version: int = Field(default=1, ge=1, le=999)
    # Delays before the 2nd, 3rd, ... attempt; its length + 1 is the number of attempts.
    retry_schedule_s: tuple[float, ...] = DEFAULT_RETRY_SCHEDULE_S
    retry_jitter: float = Field(default=0.2, ge=0, le=1)
    retry_after_max_s: float = Field(default=36000.0, gt=0)
    # Requests in flight per endpoint; a slow endpoint never holds up another.
    endpoint_concurrency: int = Field(default=4, ge=1, le=100)

    @field_validator("webhooks")
    @classmethod
    def _secrets(cls, value: tuple[WebhookEndpoint, ...]) -> tuple[WebhookEndpoint, ...]:
        # Checked here, not per endpoint, so that the error names the variable and the webhook.
        problems = [
            f"webhook {webhook.name!r}: secret {n} {problem}"
            for webhook in value
            for n, secret in enumerate(webhook.secrets, start=1)
            if (problem := secret_problem(secret.get_secret_value()))
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return value

    @field_validator("retry_schedule_s")
    @classmethod
    def _schedule(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        if len(value) > 50 or any(v < 0 for v in value):
            raise ValueError("at most 50 delays, none negative")
        return value

    @model_validator(mode="after")
    def _endpoints(self) -> AlertingSection:
        names = [w.name for w in self.webhooks]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"webhook names must be unique: {', '.join(duplicates)}")
        for webhook in self.webhooks:
            problem = check_url(webhook.target, allowlist=self.allowlist)
            if problem:
                raise ValueError(f"webhook {webhook.name!r}: {problem}")
        return self

    def endpoint(self, name: str) -> WebhookEndpoint | None:
        return next((w for w in self.webhooks if w.name == name), None)

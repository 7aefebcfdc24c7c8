"""Facts about webhook deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from parley.shared.events.base import Event

# One vocabulary for deliveries, in events, in the dispatcher's state and in its metrics.
# Where a delivery ends up, or stands when it is recorded:
DeliveryOutcome = Literal["delivered", "retrying", "rejected", "exhausted"]
# A delivery's state also knows `pending`: recorded, not yet attempted.
DeliveryState = Literal["pending", "delivered", "retrying", "rejected", "exhausted"]
# What one HTTP attempt gave:
AttemptOutcome = Literal["delivered", "retrying", "rejected"]
FINAL_OUTCOMES = frozenset({"delivered", "rejected", "exhausted"})
# Older dispatchers wrote `retryable` for a retryable attempt in their state.
_LEGACY_ATTEMPT_OUTCOMES = {"retryable": "retrying"}


def attempt_outcome(value: Any) -> Any:
    """An attempt's outcome in today's words (a validator for fields typed `AttemptOutcome`)."""
    return _LEGACY_ATTEMPT_OUTCOMES.get(value, value) if isinstance(value, str) else value


class DeliveryAttempt(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    at: datetime
    outcome: str
    status: int | None = None
    detail: str = ""


class AlertDeliveryRecorded(Event):
    """Where delivery of one alert to one endpoint stands (compacted, key = alert id + endpoint)."""

    subject_kind = "alert"
    verb = "delivery_recorded"
    version = 1

    alert_id: str
    endpoint: str
    outcome: DeliveryOutcome
    attempts: tuple[DeliveryAttempt, ...] = ()
    alert: dict[str, object] | None = None

    def subject(self) -> str:
        return f"{self.alert_id}@{self.endpoint}"


class AlertRedeliveryRequested(Event):
    """An operator asked to send an alert again, whatever its delivery state (`parley alerts redeliver`).

    Published on the alerts topic with the alert's own key, so the dispatcher owning the alert's
    partition handles it and records the outcome in its deliveries table.
    """

    subject_kind = "alert"
    verb = "redelivery_requested"
    version = 1

    alert_id: str
    endpoints: tuple[str, ...] = ()  # empty: every endpoint the alert was routed to
    # Ignored by the dispatcher, which re-sends the alert as it recorded it; kept so that the
    # event's shape does not change.
    alert: dict[str, Any]
    requested_at: datetime
    requested_by: str = "cli"

    def subject(self) -> str:
        return self.alert_id


class WebhookTested(Event):
    """A signed test event sent by `parley webhooks test NAME` (never published to Kafka)."""

    subject_kind = "webhook"
    verb = "tested"
    version = 1

    endpoint: str
    message: str = "Parley webhook test: if you can read this, signature verification works."
    sent_at: datetime

    def subject(self) -> str:
        return self.endpoint

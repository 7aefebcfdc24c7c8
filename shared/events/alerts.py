"""Facts about webhook deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from parley.shared.events.base import Event

DeliveryOutcome = Literal["delivered", "retrying", "rejected", "exhausted"]


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

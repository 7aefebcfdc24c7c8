"""Delivery state of one alert at one endpoint: a frozen record and pure transitions.

One `Delivery` per `alert_id@endpoint` lives in the dispatcher's `deliveries` table, whose
changelog is the compacted `<ns>.alerts.deliveries` topic. The table holds each as its JSON form
(`to_table`), the same fields as before the record was typed, so a changelog written by an
older dispatcher reads back unchanged (`from_table`).

The outcome words are those of the delivery events (`parley.shared.events.alerts`): a delivery
is `pending` until its first attempt, `retrying` after a retryable failure, and ends
`delivered`, `rejected` or `exhausted`. Unfinished ones are resumed after a restart or a
rebalance (at least once); finished ones are never sent again unless an operator asks
(`parley alerts redeliver`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from parley.shared.events.alerts import FINAL_OUTCOMES, AttemptOutcome, DeliveryState, attempt_outcome

MAX_KEPT_ATTEMPTS = 50
MAX_DETAIL_CHARS = 500


def delivery_key(alert_id: str, endpoint: str) -> str:
    return f"{alert_id}@{endpoint}"


def parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


class Attempt(BaseModel):
    """One HTTP attempt; `round` counts the redeliveries before it (0: the first delivery)."""

    model_config = ConfigDict(frozen=True)

    at: datetime
    outcome: AttemptOutcome
    status: int | None = None
    detail: str = ""
    seconds: float = 0.0
    round: int = 0

    _outcome = field_validator("outcome", mode="before")(attempt_outcome)

    @classmethod
    def made(
        cls,
        at: datetime,
        outcome: AttemptOutcome,
        status: int | None,
        detail: str,
        seconds: float,
        round_: int,
    ) -> Attempt:
        return cls(
            at=at.astimezone(UTC),
            outcome=outcome,
            status=status,
            detail=detail[:MAX_DETAIL_CHARS],
            seconds=round(seconds, 3),
            round=round_,
        )


class Delivery(BaseModel):
    model_config = ConfigDict(frozen=True)

    alert_id: str
    endpoint: str
    partition: int
    outcome: DeliveryState = "pending"
    attempts: tuple[Attempt, ...] = ()
    next_at: datetime | None = None
    alert: dict[str, Any]
    alert_time: datetime | None = None
    created_at: datetime | None = None
    redeliveries: int = 0

    @classmethod
    def new(
        cls,
        alert_id: str,
        endpoint: str,
        partition: int,
        alert: dict[str, Any],
        alert_time: datetime,
        now: datetime,
    ) -> Delivery:
        return cls(
            alert_id=alert_id,
            endpoint=endpoint,
            partition=partition,
            next_at=now.astimezone(UTC),
            alert=alert,
            alert_time=alert_time.astimezone(UTC),
            created_at=now.astimezone(UTC),
        )

    @classmethod
    def from_table(cls, value: Any) -> Delivery | None:
        """The delivery a table value holds (None for none); raises ValidationError if unreadable."""
        return None if value is None else cls.model_validate(value)

    def to_table(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @property
    def key(self) -> str:
        return delivery_key(self.alert_id, self.endpoint)

    @property
    def final(self) -> bool:
        return self.outcome in FINAL_OUTCOMES

    def attempts_in_round(self) -> int:
        """Attempts made since the delivery was last (re)started: what the retry schedule counts."""
        return sum(1 for a in self.attempts if a.round == self.redeliveries)

    def wait_seconds(self, now: datetime) -> float:
        return 0.0 if self.next_at is None else max(0.0, (self.next_at - now).total_seconds())

    def after(self, attempt: Attempt, next_delay: float | None, now: datetime) -> Delivery:
        """The delivery once `attempt` is recorded; `next_delay` is the wait before the next one
        (None: the schedule is used up)."""
        attempts = (*self.attempts, attempt)[-MAX_KEPT_ATTEMPTS:]
        if attempt.outcome == "retrying":
            if next_delay is None:
                return self.model_copy(update={"attempts": attempts, "outcome": "exhausted", "next_at": None})
            next_at = now.astimezone(UTC) + timedelta(seconds=next_delay)
            return self.model_copy(update={"attempts": attempts, "outcome": "retrying", "next_at": next_at})
        return self.model_copy(update={"attempts": attempts, "outcome": attempt.outcome, "next_at": None})

    def redelivered(self, now: datetime) -> Delivery:
        """Started again whatever its state, keeping its history."""
        return self.model_copy(
            update={
                "outcome": "pending",
                "next_at": now.astimezone(UTC),
                "redeliveries": self.redeliveries + 1,
            }
        )


def is_final(delivery: Delivery | None) -> bool:
    return delivery is not None and delivery.final

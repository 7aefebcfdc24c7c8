"""Delivery state of one alert at one endpoint: plain JSON dicts and pure transitions.

One entry per `alert_id@endpoint` lives in the dispatcher's `deliveries` table, whose changelog
is the compacted `<ns>.alerts.deliveries` topic:

    {"alert_id", "endpoint", "partition", "outcome": pending|delivered|rejected|exhausted,
     "attempts": [{"at", "outcome", "status", "detail", "seconds"}...], "next_at", "alert",
     "alert_time", "created_at", "redeliveries"}

`pending` entries are resumed after a restart or rebalance (at least once); final ones are
never sent again unless an operator asks (`parley alerts redeliver`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

FINAL = frozenset({"delivered", "rejected", "exhausted"})
MAX_KEPT_ATTEMPTS = 50

Entry = dict[str, Any]


def delivery_key(alert_id: str, endpoint: str) -> str:
    return f"{alert_id}@{endpoint}"


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat()


def parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def new_entry(
    alert_id: str, endpoint: str, partition: int, alert: dict[str, Any], alert_time: datetime, now: datetime
) -> Entry:
    return {
        "alert_id": alert_id,
        "endpoint": endpoint,
        "partition": partition,
        "outcome": "pending",
        "attempts": [],
        "next_at": _iso(now),
        "alert": alert,
        "alert_time": _iso(alert_time),
        "created_at": _iso(now),
        "redeliveries": 0,
    }


def is_final(entry: Entry | None) -> bool:
    return entry is not None and entry.get("outcome") in FINAL


def attempt_record(
    now: datetime, outcome: str, status: int | None, detail: str, seconds: float
) -> dict[str, Any]:
    return {
        "at": _iso(now),
        "outcome": outcome,
        "status": status,
        "detail": detail[:500],
        "seconds": round(seconds, 3),
    }


def after_attempt(entry: Entry, attempt: dict[str, Any], next_delay: float | None, now: datetime) -> Entry:
    """The entry once `attempt` is recorded. `attempt["outcome"]` is delivered, rejected or retryable;
    `next_delay` is the wait before the next attempt (None: the schedule is used up)."""
    attempts = [*entry.get("attempts", []), attempt][-MAX_KEPT_ATTEMPTS:]
    outcome = attempt["outcome"]
    if outcome == "retryable":
        if next_delay is None:
            return {**entry, "attempts": attempts, "outcome": "exhausted", "next_at": None}
        return {**entry, "attempts": attempts, "next_at": _iso(now + timedelta(seconds=next_delay))}
    final = "delivered" if outcome == "delivered" else "rejected"
    return {**entry, "attempts": attempts, "outcome": final, "next_at": None}


def attempts_in_round(entry: Entry) -> int:
    """Attempts made since the entry was last (re)started: what the retry schedule counts."""
    return sum(1 for a in entry.get("attempts", []) if a.get("round", 0) == entry.get("redeliveries", 0))


def redeliver(entry: Entry | None, fallback: Entry, now: datetime) -> Entry:
    """Start the delivery again whatever its state, keeping its history."""
    base = entry or fallback
    return {
        **base,
        "outcome": "pending",
        "next_at": _iso(now),
        "redeliveries": int(base.get("redeliveries", 0)) + 1,
    }


def wait_seconds(entry: Entry, now: datetime) -> float:
    at = parse_time(entry.get("next_at"))
    return 0.0 if at is None else max(0.0, (at - now).total_seconds())

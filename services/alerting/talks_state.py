"""Which real-world talks event a report belongs to, and what changed: pure functions, no I/O.

State is kept per *party key* (the sorted core parties, mediators left out, so an outlet that
omits "US-brokered" lands on the same key). Under one key live the parties' known events.
A report joins a known event when
  - both have dates and they overlap or start within `same_event_days` of each other, or
  - the report says the meeting was rescheduled / postponed / cancelled / denied / held and
    the parties have an event still to come (the report is about that one), or
  - the report has no date and the parties' latest event was seen within `undated_match_days`.
Otherwise a report of planned talks starts a new event (e.g. a summit a month after a
ministers' meeting of the same parties is a second event, not an update).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from parley.shared.events import FieldChange, TalksState
from parley.shared.events.talks import StatusChange
from parley.shared.extraction import UPCOMING_STATUSES, TalksRecord
from parley.shared.ids import alert_id, talks_id

MAX_EVENTS_PER_KEY = 50
# Status words that refer back to a meeting already known rather than announce a new one.
REFERS_BACK = frozenset({"rescheduled", "postponed", "cancelled", "denied", "held"})
TRACKED_FIELDS = ("start_date", "end_date", "location", "format", "delegation_heads", "status")


@dataclass(frozen=True)
class Report:
    """One talks record as reported by one article."""

    record: TalksRecord
    article_id: str
    story_id: str
    source: str | None
    title: str
    url: str | None
    published: datetime
    ingested_at: datetime


@dataclass(frozen=True)
class Decision:
    """What one report does: the key's new event list, and the events/alerts to publish."""

    events: tuple[TalksState, ...]
    changed: TalksState | None
    alert_type: str | None  # "announced" | "updated" | None
    alert_id: str | None
    changes: tuple[FieldChange, ...] = ()


def party_key(record: TalksRecord) -> tuple[str, ...]:
    core = {p for p in record.parties if p not in record.mediators}
    return tuple(sorted(core))


def is_alertable(record: TalksRecord) -> bool:
    """Enough to identify a meeting: at least two sides (a mediator counts as one)."""
    sides = set(record.parties) | set(record.mediators)
    return len(sides) >= 2 and len(party_key(record)) >= 1


def key_string(key: tuple[str, ...]) -> str:
    return "|".join(key)


def _dates_close(state: TalksState, record: TalksRecord, days: int) -> bool:
    assert state.start_date is not None and record.start_date is not None
    s_end = state.end_date or state.start_date
    r_end = record.end_date or record.start_date
    overlap = state.start_date <= r_end and record.start_date <= s_end
    return overlap or abs((state.start_date - record.start_date).days) <= days


def find_event(
    events: tuple[TalksState, ...], report: Report, same_event_days: int, undated_match_days: int
) -> int | None:
    record = report.record
    latest_first = sorted(range(len(events)), key=lambda i: events[i].last_seen, reverse=True)
    if record.start_date is not None:
        for i in latest_first:
            if events[i].start_date is not None and _dates_close(events[i], record, same_event_days):
                return i
    if record.status in REFERS_BACK:
        for i in latest_first:
            if events[i].status in UPCOMING_STATUSES or events[i].status == "postponed":
                return i
    if record.start_date is None:
        horizon = report.published - timedelta(days=undated_match_days)
        for i in latest_first:
            if events[i].last_seen >= horizon:
                return i
    return None


def _new_state(report: Report, key: tuple[str, ...], index: int) -> TalksState:
    record = report.record
    return TalksState(
        talks_id=talks_id(key, report.article_id, index),
        revision=1,
        parties=tuple(sorted(set(record.parties) | set(key))),
        mediators=record.mediators,
        location=record.location,
        start_date=record.start_date,
        end_date=record.end_date,
        date_text=record.date_text,
        format=record.format,
        round=record.round,
        delegation_heads=record.delegation_heads,
        status=record.status,
        status_history=(
            StatusChange(status=record.status, at=report.published, article_id=report.article_id),
        ),
        confidence=record.confidence,
        evidence=record.evidence,
        first_seen=report.published,
        last_seen=report.published,
        sources=(report.source,) if report.source else (),
        article_ids=(report.article_id,),
        story_ids=(report.story_id,),
    )


def _changes(state: TalksState, record: TalksRecord) -> tuple[FieldChange, ...]:
    """Fields a report changes. A plain corroborating report changes nothing: only a report that
    says the meeting moved (or a field still unknown) alters date or place."""
    moves = record.status in ("rescheduled", "postponed")
    out: list[FieldChange] = []
    new_values: dict[str, Any] = {
        "start_date": record.start_date,
        "end_date": record.end_date,
        "location": record.location,
        "format": record.format,
        "delegation_heads": record.delegation_heads or None,
    }
    for name, new in new_values.items():
        old = getattr(state, name)
        if new is None or new == old or (name == "delegation_heads" and set(new) <= set(old)):
            continue
        if name in ("start_date", "end_date", "location") and old is not None and not moves:
            continue
        if name == "format" and old is not None:
            continue
        out.append(FieldChange(field=name, old=_json(old), new=_json(new)))
    if record.status != state.status and _status_moves(state.status, record.status):
        out.append(FieldChange(field="status", old=state.status, new=record.status))
    return tuple(out)


def _status_moves(old: str, new: str) -> bool:
    if new in ("announced", "proposed"):
        return False  # a repeat of the announcement, or talk about talks, changes no status
    if new == "rescheduled":
        return old != "rescheduled"
    return True


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def decide(
    events: tuple[TalksState, ...],
    report: Report,
    *,
    same_event_days: int = 7,
    undated_match_days: int = 30,
) -> Decision:
    """Fold one report into the events of its party key."""
    record = report.record
    key = party_key(record)
    index = find_event(events, report, same_event_days, undated_match_days)
    if index is None:
        if record.status not in UPCOMING_STATUSES:
            return Decision(events, None, None, None)
        state = _new_state(report, key, len(events))
        kept = (*events, state)[-MAX_EVENTS_PER_KEY:]
        return Decision(kept, state, "announced", alert_id(state.talks_id, 1))

    state = events[index]
    if report.article_id in state.article_ids:
        return Decision(events, None, None, None)  # the same article again: nothing new
    changes = _changes(state, record)
    updates: dict[str, Any] = {
        "last_seen": max(state.last_seen, report.published),
        "article_ids": (*state.article_ids, report.article_id)[-200:],
        "sources": tuple(sorted({*state.sources, *([report.source] if report.source else [])})),
        "story_ids": tuple(dict.fromkeys((*state.story_ids, report.story_id))),
        "mediators": tuple(dict.fromkeys((*state.mediators, *record.mediators))),
        "confidence": max(state.confidence, record.confidence),
    }
    for change in changes:
        if change.field == "status":
            updates["status"] = record.status
            updates["status_history"] = (
                *state.status_history,
                StatusChange(status=record.status, at=report.published, article_id=report.article_id),
            )
        else:
            updates[change.field] = getattr(record, change.field)
    if changes:
        updates["revision"] = state.revision + 1
        updates["evidence"] = record.evidence
        if record.date_text and any(c.field in ("start_date", "end_date") for c in changes):
            updates["date_text"] = record.date_text
    new_state = state.model_copy(update=updates)
    new_events = (*events[:index], new_state, *events[index + 1 :])
    if not changes:
        return Decision(new_events, new_state, None, None)
    return Decision(
        new_events, new_state, "updated", alert_id(new_state.talks_id, new_state.revision), changes
    )

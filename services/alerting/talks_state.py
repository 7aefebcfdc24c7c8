"""Which real-world talks event a report belongs to, and what changed: pure functions, no I/O.

State is kept per *party key* (the sorted core parties, mediators left out, so an outlet that
omits "US-brokered" lands on the same key). Under one key live the parties' known events; which
one a report is about is decided in `matching`. A report of planned talks that matches none
starts a new event (`talks.announced`). A report that matches one:
  - changes date, place, format, delegation or status -> `talks.updated` naming old -> new;
  - comes from one more independent outlet -> `talks.corroborated` (the count is in the alert;
    only rules with `min_sources` send it on), up to `MAX_CORROBORATION` outlets;
  - otherwise only updates the state (sources, article ids, last seen), which is still
    published to the `talks` topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from parley.services.alerting.matching import Windows, find_event
from parley.shared.events import FieldChange, TalksState
from parley.shared.events.talks import StatusChange
from parley.shared.extraction import UPCOMING_STATUSES, TalksRecord
from parley.shared.ids import alert_id, normalise_text, talks_id

MAX_EVENTS_PER_KEY = 50
MAX_CORROBORATION = 5
TRACKED_FIELDS = ("start_date", "end_date", "location", "format", "delegation_heads", "status")
AlertType = Literal["announced", "updated", "corroborated"]


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
    # The article was routed before (a replay, or the same article enriched again by a newer
    # extraction): a record of it that matches no event starts none (see `decide`).
    rerun: bool = False

    @property
    def outlet(self) -> str | None:
        """The outlet's name, or the host of the article's URL when the name is not given."""
        if self.source and self.source.strip():
            return self.source.strip()
        if self.url:
            host = (urlsplit(self.url).hostname or "").removeprefix("www.")
            return host or None
        return None


@dataclass(frozen=True)
class PlannedAlert:
    type: AlertType
    alert_id: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Decision:
    """What one report does: the key's new event list, the changed event and the alerts to raise."""

    events: tuple[TalksState, ...]
    changed: TalksState | None
    alerts: tuple[PlannedAlert, ...] = ()

    @property
    def alert_types(self) -> list[str]:
        return [a.type for a in self.alerts]


def party_key(record: TalksRecord) -> tuple[str, ...]:
    core = {p for p in record.parties if p not in record.mediators}
    return tuple(sorted(core))


def is_alertable(record: TalksRecord) -> bool:
    """Enough to identify a meeting: at least two sides (a mediator counts as one)."""
    sides = set(record.parties) | set(record.mediators)
    return len(sides) >= 2 and len(party_key(record)) >= 1


def key_string(key: tuple[str, ...]) -> str:
    return "|".join(key)


def route_key(key: str, previous: list[str]) -> str:
    """The party key a record is decided under. An article routed before under other keys keeps
    them: a newer extraction that reads its sides differently (a mediator no longer a party, a
    side named only in the headline) must reach the events that already count the article, or
    it would open a second event for the same meeting. The earlier key sharing the most parties
    wins; a record sharing none with any is a meeting the article was not read for before."""
    if not previous or key in previous:
        return key
    mine = set(key.split("|"))
    overlap = max(previous, key=lambda k: (len(mine & set(k.split("|"))), k))
    return overlap if mine & set(overlap.split("|")) else key


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
        sources=(report.outlet,) if report.outlet else (),
        article_ids=(report.article_id,),
        story_ids=(report.story_id,),
        independent_sources=1,
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


def _with_outlet(sources: tuple[str, ...], outlet: str | None) -> tuple[str, ...]:
    """Distinct outlets, compared case- and space-insensitively, first spelling kept."""
    if outlet is None or normalise_text(outlet) in {normalise_text(s) for s in sources}:
        return sources
    return tuple(sorted((*sources, outlet)))


def _independent(state: TalksState, report: Report) -> int:
    """The independent-outlet count once this report is in: a new outlet with a story not yet
    counted adds one; another outlet's copy of a story already seen (syndication) adds none."""
    count = max(state.independent_sources, 1)
    outlet = report.outlet
    known = {normalise_text(s) for s in state.sources}
    if outlet is None or normalise_text(outlet) in known or report.story_id in state.story_ids:
        return count
    return count + 1


def decide(events: tuple[TalksState, ...], report: Report, windows: Windows | None = None) -> Decision:
    """Fold one report into the events of its party key."""
    record = report.record
    key = party_key(record)
    index = find_event(events, record, report.published, windows or Windows())
    if index is None:
        if record.status not in UPCOMING_STATUSES:
            return Decision(events, None)
        if report.rerun and any(report.article_id in e.article_ids for e in events):
            # An article these events already count, read again (a newer extraction may give it
            # another date or place): the meeting it reported was announced once already.
            return Decision(events, None)
        state = _new_state(report, key, len(events))
        kept = (*events, state)[-MAX_EVENTS_PER_KEY:]
        return Decision(kept, state, (PlannedAlert("announced", alert_id(state.talks_id, 1)),))

    state = events[index]
    if report.article_id in state.article_ids:
        return Decision(events, None)  # the same article again: nothing new
    changes = _changes(state, record)
    outlet = report.outlet
    updates: dict[str, Any] = {
        "last_seen": max(state.last_seen, report.published),
        "article_ids": (*state.article_ids, report.article_id)[-200:],
        "sources": _with_outlet(state.sources, outlet),
        "story_ids": tuple(dict.fromkeys((*state.story_ids, report.story_id)))[-200:],
        "mediators": tuple(dict.fromkeys((*state.mediators, *record.mediators))),
        "confidence": max(state.confidence, record.confidence),
        "independent_sources": _independent(state, report),
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
    alerts: list[PlannedAlert] = []
    count = new_state.independent_sources
    if count > max(state.independent_sources, 1) and count <= MAX_CORROBORATION:
        alerts.append(PlannedAlert("corroborated", f"{new_state.talks_id}.c{count}"))
    if changes:
        alerts.append(PlannedAlert("updated", alert_id(new_state.talks_id, new_state.revision), changes))
    return Decision(new_events, new_state, tuple(alerts))


def retract(
    events: tuple[TalksState, ...], article_id: str
) -> tuple[tuple[TalksState, ...], tuple[TalksState, ...], tuple[str, ...]]:
    """Forget a taken-down article: (kept events, events that changed, ids of events left with no
    article at all). Retraction raises no alert; the changed states are re-published."""
    kept: list[TalksState] = []
    changed: list[TalksState] = []
    removed: list[str] = []
    for state in events:
        if article_id not in state.article_ids:
            kept.append(state)
            continue
        remaining = tuple(a for a in state.article_ids if a != article_id)
        if not remaining:
            removed.append(state.talks_id)
            continue
        new_state = state.model_copy(
            update={
                "article_ids": remaining,
                "status_history": tuple(h for h in state.status_history if h.article_id != article_id),
            }
        )
        kept.append(new_state)
        changed.append(new_state)
    return tuple(kept), tuple(changed), tuple(removed)

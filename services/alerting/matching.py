"""Which known talks event of the same parties a report is about: pure functions, no I/O.

A report joins a known event when
  - both have dates that overlap or start within `same_event_days` of each other, or
  - both name the same place and their dates are within `same_place_days`, or
  - the report says the meeting was rescheduled / postponed / cancelled / denied / held and the
    parties have an event still to come (the one at the report's place first, then the nearest), or
  - the report has no date and the parties' latest event was seen within `undated_match_days`
    (one at the report's place first).
Otherwise the report is about another meeting (a summit a month after a ministers' meeting of
the same parties is a second event, not an update).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from parley.shared.events import TalksState
from parley.shared.extraction import UPCOMING_STATUSES, TalksRecord
from parley.shared.ids import normalise_text

# Status words that refer back to a meeting already known rather than announce a new one.
REFERS_BACK = frozenset({"rescheduled", "postponed", "cancelled", "denied", "held"})
STILL_TO_COME = frozenset({*UPCOMING_STATUSES, "postponed"})


@dataclass(frozen=True)
class Windows:
    same_event_days: int = 7
    same_place_days: int = 14
    undated_match_days: int = 30


def same_place(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and normalise_text(a) == normalise_text(b)


def _span(start: date, end: date | None) -> tuple[date, date]:
    return start, end or start


def dates_within(state: TalksState, record: TalksRecord, days: int) -> bool:
    if state.start_date is None or record.start_date is None:
        return False
    s0, s1 = _span(state.start_date, state.end_date)
    r0, r1 = _span(record.start_date, record.end_date)
    return (s0 <= r1 and r0 <= s1) or abs((s0 - r0).days) <= days


def _latest_first(events: Sequence[TalksState]) -> list[int]:
    return sorted(range(len(events)), key=lambda i: events[i].last_seen, reverse=True)


def _place_first(events: Sequence[TalksState], order: list[int], location: str | None) -> list[int]:
    return sorted(order, key=lambda i: not same_place(events[i].location, location))


def _upcoming_nearest(events: Sequence[TalksState], candidates: list[int], published: datetime) -> list[int]:
    """Events still to come, the one whose date is nearest the report's publication first."""

    def distance(i: int) -> int:
        start = events[i].start_date
        return abs((start - published.date()).days) if start else 10_000

    return sorted((i for i in candidates if events[i].status in STILL_TO_COME), key=distance)


def find_event(
    events: Sequence[TalksState], record: TalksRecord, published: datetime, windows: Windows
) -> int | None:
    order = _latest_first(events)
    if record.start_date is not None:
        dated = [i for i in order if dates_within(events[i], record, windows.same_event_days)]
        if dated:
            return _place_first(events, dated, record.location)[0]
        placed = [
            i
            for i in order
            if same_place(events[i].location, record.location)
            and dates_within(events[i], record, windows.same_place_days)
        ]
        if placed:
            return placed[0]
    if record.status in REFERS_BACK:
        upcoming = _upcoming_nearest(events, _place_first(events, order, record.location), published)
        at_place = [i for i in upcoming if same_place(events[i].location, record.location)]
        if at_place or upcoming:
            return (at_place or upcoming)[0]
    if record.start_date is None:
        horizon = published - timedelta(days=windows.undated_match_days)
        recent = [i for i in order if events[i].last_seen >= horizon]
        if recent:
            return _place_first(events, recent, record.location)[0]
    return None

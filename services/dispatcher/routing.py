"""Which rules an alert matches and which endpoints it goes to: pure functions, no I/O.

Corroboration: a rule with `min_sources: N` (N >= 2) is not sent `talks.announced` (one outlet);
the `talks.corroborated` alert raised when the N-th independent outlet reports the talks stands
in for the announcement, once. Updates go to it only once N outlets reported the talks.
A rule listing `corroborated` in `events` gets every corroboration at or above its N.

Quiet period: after a rule sent an alert about a talks event, further updates and
corroborations about it within `quiet_period` are held back, except status changes
(postponed, cancelled, held, ...), which always go out. Rate limit: at most `count` alerts per
`per` seconds per rule (per dispatcher process); the excess is held back and counted.
All times are the alerts' own publication times, so a replay decides the same way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parley.services.dispatcher.rules import Rule
from parley.shared.ids import normalise_text


@dataclass(frozen=True)
class AlertFacts:
    """What routing needs to know about one alert."""

    type: str  # announced | updated | corroborated
    alert_id: str
    talks_id: str
    talks: Mapping[str, Any]
    time: datetime
    sources: int = 1  # corroborated: the new independent-outlet count
    changed_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Route:
    sent: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (rule, endpoints)
    held: tuple[tuple[str, str], ...] = ()  # (rule, reason)

    @property
    def endpoints(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for _, names in self.sent for e in names))


@dataclass
class RateLimiter:
    """Sliding-window counts per rule, in alert time."""

    windows: dict[str, deque[float]] = field(default_factory=dict)

    def allow(self, rule: str, count: int, per_s: float, at: float) -> bool:
        window = self.windows.setdefault(rule, deque())
        while window and window[0] <= at - per_s:
            window.popleft()
        if len(window) >= count:
            return False
        window.append(at)
        return True


def _norm(values: Sequence[str]) -> set[str]:
    return {normalise_text(v) for v in values if v}


def filters_match(rule: Rule, talks: Mapping[str, Any]) -> bool:
    """The rule's talks filters (parties, any_of, countries, places, statuses, min_confidence)."""
    sides = _norm([*talks.get("parties", ()), *talks.get("mediators", ())])
    location = normalise_text(talks.get("location") or "")
    if rule.parties and not _norm(rule.parties) <= sides:
        return False
    if rule.any_of and not _norm(rule.any_of) & sides:
        return False
    if rule.countries and not _norm(rule.countries) & (sides | {location}):
        return False
    if rule.places and location not in _norm(rule.places):
        return False
    if rule.statuses and talks.get("status") not in rule.statuses:
        return False
    return float(talks.get("confidence") or 0.0) >= rule.min_confidence


def type_matches(rule: Rule, facts: AlertFacts) -> bool:
    """Whether the alert's type is one this rule sends, given its corroboration threshold."""
    have = int(facts.talks.get("independent_sources") or 1)
    need = rule.min_sources
    if facts.type == "corroborated":
        if "corroborated" in rule.events and facts.sources >= need:
            return True
        return need >= 2 and facts.sources == need and "announced" in rule.events
    if facts.type not in rule.events:
        return False
    return have >= need


def route(
    rules: Sequence[Rule],
    facts: AlertFacts,
    all_endpoints: Sequence[str],
    last_sent: Mapping[str, datetime],
    limiter: RateLimiter,
) -> Route:
    """Match every rule; `last_sent[rule]` is when the rule last sent an alert about this talks."""
    sent: list[tuple[str, tuple[str, ...]]] = []
    held: list[tuple[str, str]] = []
    for rule in rules:
        if not type_matches(rule, facts) or not filters_match(rule, facts.talks):
            continue
        previous = last_sent.get(rule.name)
        quiet = (
            rule.quiet_period_s > 0
            and previous is not None
            and facts.type != "announced"
            and "status" not in facts.changed_fields
            and (facts.time - previous).total_seconds() < rule.quiet_period_s
        )
        if quiet:
            held.append((rule.name, "quiet_period"))
            continue
        limit = rule.rate_limit
        if limit and not limiter.allow(rule.name, limit.count, limit.per_s, facts.time.timestamp()):
            held.append((rule.name, "rate_limited"))
            continue
        endpoints = rule.webhooks if rule.webhooks is not None else tuple(all_endpoints)
        sent.append((rule.name, tuple(e for e in endpoints if e in all_endpoints)))
    return Route(tuple(sent), tuple(held))

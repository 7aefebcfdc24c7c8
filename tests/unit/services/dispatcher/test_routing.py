from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from parley.services.dispatcher.routing import AlertFacts, RateLimiter, filters_match, route
from parley.services.dispatcher.rules import RateLimit, Rule

T0 = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)
TALKS: dict[str, Any] = {
    "parties": ["Iran", "United States"],
    "mediators": ["Oman"],
    "location": "Muscat",
    "status": "announced",
    "confidence": 0.8,
    "independent_sources": 1,
}
ENDPOINTS = ("ops", "slack")


def facts(
    kind: str = "announced", minutes: float = 0, sources: int = 1, changed: tuple[str, ...] = (), **talks: Any
) -> AlertFacts:
    state = {**TALKS, "independent_sources": sources, **talks}
    return AlertFacts(
        kind, f"t-1.{kind}{minutes}", "t-1", state, T0 + timedelta(minutes=minutes), sources, changed
    )


def sent(
    rules: list[Rule],
    f: AlertFacts,
    last: dict[str, datetime] | None = None,
    limiter: RateLimiter | None = None,
) -> list[str]:
    return [name for name, _ in route(rules, f, ENDPOINTS, last or {}, limiter or RateLimiter()).sent]


def test_filters() -> None:
    assert filters_match(Rule("r", parties=("iran", "United States")), TALKS)
    assert not filters_match(Rule("r", parties=("Iran", "Israel")), TALKS)
    assert filters_match(Rule("r", any_of=("Israel", "Oman")), TALKS)
    assert filters_match(Rule("r", countries=("Muscat",)), TALKS)
    assert filters_match(Rule("r", places=("muscat",)), TALKS)
    assert not filters_match(Rule("r", places=("Geneva",)), TALKS)
    assert not filters_match(Rule("r", statuses=frozenset({"postponed"})), TALKS)
    assert not filters_match(Rule("r", min_confidence=0.9), TALKS)


def test_default_rule_goes_to_every_endpoint_and_skips_corroboration() -> None:
    decision = route([Rule("default")], facts(), ENDPOINTS, {}, RateLimiter())
    assert decision.endpoints == ENDPOINTS
    assert sent([Rule("default")], facts("corroborated", sources=2)) == []


def test_min_sources_defers_the_announcement_to_the_corroboration() -> None:
    rule = Rule("confirmed", min_sources=2, webhooks=("ops",))
    assert sent([rule], facts("announced")) == []
    assert sent([rule], facts("updated", sources=1)) == []
    assert sent([rule], facts("corroborated", sources=2)) == ["confirmed"]
    assert sent([rule], facts("corroborated", sources=3)) == []
    assert sent([rule], facts("updated", sources=2)) == ["confirmed"]
    every = Rule("counts", events=frozenset({"corroborated"}))
    assert sent([every], facts("corroborated", sources=3)) == ["counts"]


def test_quiet_period_holds_updates_but_not_status_changes() -> None:
    rule = Rule("calm", quiet_period_s=600)
    last = {"calm": T0}
    decision = route([rule], facts("updated", minutes=5), ENDPOINTS, last, RateLimiter())
    assert decision.sent == () and decision.held == (("calm", "quiet_period"),)
    assert sent([rule], facts("updated", minutes=5, changed=("status",)), last) == ["calm"]
    assert sent([rule], facts("updated", minutes=11), last) == ["calm"]


def test_rate_limit_per_rule_in_alert_time() -> None:
    rule = Rule("few", rate_limit=RateLimit(2, 3600))
    limiter = RateLimiter()
    results = [sent([rule], facts(minutes=m), limiter=limiter) for m in (0, 1, 2, 61)]
    assert results == [["few"], ["few"], [], ["few"]]


def test_endpoints_are_deduplicated_across_rules() -> None:
    decision = route([Rule("a", webhooks=("ops",)), Rule("b")], facts(), ENDPOINTS, {}, RateLimiter())
    assert decision.endpoints == ("ops", "slack")

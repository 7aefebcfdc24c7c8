"""What alerting sends, in which order, and the state it writes, for each kind of input
(no Kafka: the agents only carry out these steps)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from parley.services.alerting.matching import Windows
from parley.services.alerting.steps import (
    Decision,
    Step,
    parse_report,
    parse_reports_message,
    report_payload,
    route_article,
)
from parley.shared.errors import InvalidEvent
from parley.shared.events import ArticleDeleted, ArticleEnriched, decode_event
from tests.support.alerting import T0, record

DECISION = Decision(Windows(7, 14, 30))


def article(article_id: str = "a1", *records: object, hours: float = 0) -> ArticleEnriched:
    at = T0 + timedelta(hours=hours)
    return ArticleEnriched(
        article_id=article_id,
        title="talks",
        published=at,
        ingested_at=at,
        enriched_at=at,
        source=f"outlet-{article_id}",
        text="...",
        story_id=f"s-{article_id}",
        talks=tuple(records) or (record(),),  # type: ignore[arg-type]
    )


def test_an_article_is_routed_once_per_alertable_record_under_its_party_key() -> None:
    other = record(parties=["Serbia", "Kosovo"], mediators=["European Union"], location="Brussels")
    lone = record(parties=["Chad"], mediators=[])  # one side: nothing to identify a meeting by
    step = route_article(article("a1", record(), other, lone), previous=[])
    assert [s.topic for s in step.sends] == ["reports", "reports"]
    keys = [s.key.decode() for s in step.sends]
    assert step.state == sorted(keys) and len(set(keys)) == 2
    reports = [parse_report(s.value or b"") for s in step.sends]
    assert [r.rerun for r in reports] == [False, False]
    assert {tuple(r.record.parties) for r in reports} == {
        ("Armenia", "Azerbaijan", "Norway"),
        ("Serbia", "Kosovo"),
    }


def test_an_article_routed_before_keeps_its_keys_and_is_marked_a_rerun() -> None:
    first = route_article(article(), previous=[])
    again = route_article(article(), previous=first.state)
    assert [s.key for s in again.sends] == [s.key for s in first.sends]
    assert parse_report(again.sends[0].value or b"").rerun is True


def test_nothing_alertable_sends_nothing_and_writes_nothing() -> None:
    assert route_article(article("a1", record(parties=["Chad"], mediators=[])), previous=[]) == Step()


def test_a_takedown_retracts_the_article_under_every_key_it_had_and_forgets_them() -> None:
    takedown = ArticleDeleted(article_id="a1", reason="legal", deleted_at=T0)
    step = route_article(takedown, previous=["k1", "k2"])
    assert [(s.key, parse_reports_message(s.value or b"")) for s in step.sends] == [
        (b"k1", "a1"),
        (b"k2", "a1"),
    ]
    assert step.forget


def test_a_new_meeting_sends_its_record_then_its_alert_and_only_then_the_state() -> None:
    report = parse_report(report_payload(article(), record()))
    step = DECISION.report([], report)
    assert [s.topic for s in step.sends] == ["talks", "alerts"]
    assert step.sends[0].key == step.sends[1].key  # both by talks id
    alert = decode_event(step.sends[1].value or b"")
    assert alert.type.endswith("talks.announced.v1")
    assert [a.type for a in step.alerts] == ["announced"]
    assert len(step.state) == 1 and step.state[0]["talks_id"] == step.sends[0].key.decode()
    # The same report decided again (a crash before the state was written) gives the same ids.
    again = DECISION.report([], report)
    assert [decode_event(s.value or b"").id for s in again.sends] == [
        decode_event(s.value or b"").id for s in step.sends
    ]
    # Decided against the state it wrote: already counted, nothing to send or write.
    assert DECISION.report(step.state, report) == Step()


def test_a_second_outlet_corroborates_and_a_new_date_updates() -> None:
    first = DECISION.report([], parse_report(report_payload(article("a1"), record())))
    second = DECISION.report(first.state, parse_report(report_payload(article("a2", hours=1), record())))
    assert [a.type for a in second.alerts] == ["corroborated"]
    moved = record(start_date=datetime(2026, 3, 12, tzinfo=UTC).date(), end_date=None, status="rescheduled")
    third = DECISION.report(second.state, parse_report(report_payload(article("a3", moved, hours=2), moved)))
    assert [a.type for a in third.alerts] == ["corroborated", "updated"]
    assert {c.field for c in third.alerts[1].changes} >= {"start_date", "status"}


def test_retracting_the_only_source_tombstones_the_event() -> None:
    first = DECISION.report([], parse_report(report_payload(article(), record())))
    step = DECISION.retraction(first.state, "a1")
    assert [(s.topic, s.value) for s in step.sends] == [("talks", None)]
    assert step.state == []
    assert DECISION.retraction(first.state, "never-routed") == Step()


def test_a_reports_message_that_cannot_be_read_is_refused() -> None:
    assert parse_reports_message(json.dumps({"retract": "a9"}).encode()) == "a9"
    for bad in (b"not json", b"{}", b'{"record": 1}'):
        with pytest.raises(InvalidEvent):
            parse_reports_message(bad)

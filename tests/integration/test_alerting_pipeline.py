"""Alerting + dispatcher as processes on the real Kafka, with scripted HTTP receivers.

Articles enter as hand-built `ArticleEnriched` events on `<ns>.articles.enriched` (enrichment is
bypassed), so each scenario states exactly which talks records the outlets reported.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from parley.shared.events import encode, wrap
from parley.shared.kafka import ensure_topics, make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import new_namespace, wait_until
from tests.support.alerting import SECRET, Receiver, Services, endpoint, publish, read_topic, record


@pytest.fixture
def ns() -> str:
    name = new_namespace()
    ensure_topics(KafkaSettings(), name)
    return name


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()


@pytest.fixture
def services(ns: str, receiver: Receiver, tmp_path: Path) -> Iterator[Services]:
    s = Services(ns, [endpoint("ops", receiver)], tmp_path)
    try:
        yield s
    finally:
        s.stop()


def by_type(receiver: Receiver) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for d in receiver.delivered():
        out.setdefault(d["payload"]["type"], []).append(d)
    return out


def test_one_announcement_then_updates_then_a_second_meeting(
    services: Services, receiver: Receiver, ns: str
) -> None:
    services.start("alerting")
    services.start("dispatcher")
    for i, outlet in enumerate(("Reuters", "AP", "AFP")):
        publish(ns, f"a-oslo-{i}", outlet, record(location="Oslo" if i != 2 else None), hours=i)
    wait_until(lambda: len(receiver.delivered()) >= 1, 90, what="announcement")
    publish(
        ns,
        "a-oslo-moved",
        "Reuters",
        record(status="rescheduled", start_date=date(2026, 3, 17), end_date=date(2026, 3, 18)),
        hours=10,
    )
    wait_until(lambda: len(receiver.delivered()) >= 2, 60, what="date update")
    publish(
        ns, "a-oslo-postponed", "AP", record(status="postponed", start_date=None, end_date=None), hours=20
    )
    wait_until(lambda: len(receiver.delivered()) >= 3, 60, what="status update")
    publish(
        ns,
        "a-summit",
        "AFP",
        record(location="Brussels", start_date=date(2026, 4, 20), end_date=None),
        hours=30,
    )
    wait_until(lambda: len(receiver.delivered()) >= 4, 60, what="second meeting")

    kinds = by_type(receiver)
    assert len(kinds["parley.talks.announced.v1"]) == 2
    assert "parley.talks.corroborated.v1" not in kinds  # the default rule does not ask for it
    first, summit = (d["payload"]["data"]["talks"] for d in kinds["parley.talks.announced.v1"])
    assert first["talks_id"] != summit["talks_id"] and summit["location"] == "Brussels"
    updates = [d["payload"]["data"] for d in kinds["parley.talks.updated.v1"]]
    assert {"field": "start_date", "old": "2026-03-10", "new": "2026-03-17"} in updates[0]["changes"]
    assert {"field": "status", "old": "rescheduled", "new": "postponed"} in updates[1]["changes"]
    assert updates[1]["talks"]["independent_sources"] == 3
    assert [h["status"] for h in updates[1]["talks"]["status_history"]] == [
        "announced",
        "rescheduled",
        "postponed",
    ]
    assert len(set(receiver.ids())) == 4 and all(i.startswith(first["talks_id"]) for i in receiver.ids()[:3])
    request = receiver.delivered()[0]
    with pytest.raises(WebhookVerificationError):
        Webhook(SECRET).verify(request["body"].replace(b"Oslo", b"Baku"), request["headers"])

    # The talks topic holds every change of the state, with sources and article ids.
    states = [json.loads(r.value)["data"]["talks"] for r in read_topic(Names(ns).talks)]
    oslo = [s for s in states if s["talks_id"] == first["talks_id"]]
    assert oslo[-1]["sources"] == ["AFP", "AP", "Reuters"] and len(oslo[-1]["article_ids"]) == 5


def test_a_fresh_alerting_state_replaying_every_article_sends_nothing_again(
    services: Services, receiver: Receiver, ns: str
) -> None:
    services.start("alerting")
    services.start("dispatcher")
    for i, outlet in enumerate(("Reuters", "AP", "AFP")):
        publish(ns, f"r-oslo-{i}", outlet, record(), hours=i)
    publish(
        ns, "r-oslo-moved", "Reuters", record(status="rescheduled", start_date=date(2026, 3, 17)), hours=10
    )
    wait_until(lambda: len(receiver.delivered()) >= 2, 90, what="announcement and update")
    services.kill("alerting", signal.SIGTERM)
    services.start("alerting", PARLEY_ALERTING_STATE_VERSION="2")
    publish(
        ns,
        "r-barrier",
        "AFP",
        record(parties=["Serbia", "Kosovo", "EU"], mediators=["EU"], location="Brussels"),
        hours=40,
    )
    wait_until(lambda: len(receiver.delivered()) >= 3, 90, what="barrier alert after the replay")
    ids = receiver.ids()
    assert len(ids) == len(set(ids)) == 3, ids


def test_articles_read_again_by_a_newer_extraction_announce_nothing_twice(
    services: Services, receiver: Receiver, ns: str
) -> None:
    """The upgrade path: the old extraction counted the broker as a side, the new one reads it as
    the mediator and moves the day. Replaying the articles, into the same state and then into a
    fresh one, must not announce the meeting a second time."""
    services.start("alerting")
    services.start("dispatcher")
    old = record(mediators=[])  # key Armenia|Azerbaijan|Norway
    new = record(start_date=date(2026, 3, 11), end_date=None)  # key Armenia|Azerbaijan
    for i, outlet in enumerate(("Reuters", "AP")):
        publish(ns, f"u-oslo-{i}", outlet, old, hours=i)
    wait_until(lambda: len(receiver.delivered()) >= 1, 90, what="the first announcement")

    def replay_then_barrier(barrier: str, parties: list[str], expected: int) -> None:
        for i, outlet in enumerate(("Reuters", "AP")):
            publish(ns, f"u-oslo-{i}", outlet, new, hours=i)
        # A barrier: an unrelated meeting published after the replay; once its alert is in,
        # every report of the replay has been decided (same route agent, in order per article).
        publish(ns, barrier, "AFP", record(parties=parties, mediators=[], location="Brussels"), hours=40)
        wait_until(lambda: len(receiver.delivered()) >= expected, 90, what=f"barrier {barrier}")

    replay_then_barrier("u-barrier-1", ["Serbia", "Kosovo"], 2)
    services.kill("alerting", signal.SIGTERM)
    services.start("alerting", PARLEY_ALERTING_STATE_VERSION="2")  # a fresh state replays too
    replay_then_barrier("u-barrier-2", ["Greece", "Turkey"], 3)

    kinds = by_type(receiver)
    announced = [d["payload"]["data"]["talks"] for d in kinds["parley.talks.announced.v1"]]
    assert sorted(tuple(t["parties"]) for t in announced) == [
        ("Armenia", "Azerbaijan", "Norway"),
        ("Greece", "Turkey"),
        ("Kosovo", "Serbia"),
    ]
    ids = receiver.ids()
    assert len(ids) == len(set(ids)) == 3, ids


def test_a_takedown_removes_the_article_from_its_talks_events(services: Services, ns: str) -> None:
    from parley.shared.events import ArticleDeleted, decode_event

    services.start("alerting")
    publish(ns, "k-oslo-1", "Reuters", record(), hours=0)
    publish(ns, "k-oslo-2", "AP", record(), hours=1)
    publish(
        ns,
        "k-nicosia",
        "AFP",
        record(
            parties=["Greece", "Turkey", "United Nations"], mediators=["United Nations"], location="Nicosia"
        ),
        hours=2,
    )

    def states() -> dict[str, Any]:
        latest: dict[str, Any] = {}
        for r in read_topic(Names(ns).talks):
            latest[r.key.decode()] = None if r.value is None else decode_event(r.value).data.talks
        return latest

    def two_events() -> bool:
        s = states()
        return len(s) == 2 and any(v is not None and len(v.article_ids) == 2 for v in s.values())

    wait_until(two_events, 90, what="two talks events recorded")
    producer = make_producer(KafkaSettings(), "test")
    for article_id in ("k-oslo-1", "k-nicosia"):
        deleted = ArticleDeleted(
            article_id=article_id, reason="takedown request", deleted_at=datetime.now(UTC)
        )
        producer.send(
            Names(ns).enriched, key=article_id.encode(), value=encode(wrap(deleted, service="test"))
        )
        producer.send(Names(ns).enriched, key=article_id.encode(), value=None)  # compaction tombstone
    producer.flush(timeout=30)
    producer.close()

    def retracted() -> bool:
        s = states()
        remaining = [v for v in s.values() if v is not None]
        return len(remaining) == 1 and remaining[0].article_ids == ("k-oslo-2",) and None in s.values()

    wait_until(retracted, 90, what="Oslo event keeps one article; Nicosia event tombstoned")
    # Deletions and tombstones are understood, never dead-lettered.
    assert read_topic(Names(ns).deadletter) == []

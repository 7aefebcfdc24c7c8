"""Alerting + dispatcher as processes on the real Kafka, with scripted HTTP receivers.

Articles enter as hand-built `ArticleEnriched` events on `<ns>.articles.enriched` (enrichment is
bypassed), so each scenario states exactly which talks records the outlets reported.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from parley.services.cli.stack import free_port
from parley.shared.events import ArticleEnriched, encode, wrap
from parley.shared.extraction import TalksRecord
from parley.shared.kafka import ensure_topics, make_consumer, make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import new_namespace, wait_until

SECRET = "whsec_" + base64.b64encode(b"parley-integration-secret-24").decode()
T0 = datetime(2026, 2, 10, 8, 0, tzinfo=UTC)


@dataclass
class Receiver:
    """An HTTP receiver whose answers are scripted: `script` is consumed one status per request
    (per webhook-id when `per_id`), then `then` is answered for ever."""

    script: list[int] = field(default_factory=list)
    then: int = 200
    per_id: bool = True
    requests: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, port: int = 0) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                status = receiver.answer(headers.get("webhook-id", ""))
                with receiver._lock:
                    receiver.requests.append({"headers": headers, "body": body, "status": status})
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def answer(self, webhook_id: str) -> int:
        with self._lock:
            seen = sum(1 for r in self.requests if r["headers"].get("webhook-id") == webhook_id)
            index = seen if self.per_id else len(self.requests)
            return self.script[index] if index < len(self.script) else self.then

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def delivered(self) -> list[dict[str, Any]]:
        """2xx requests, each with the parsed payload, verified against the endpoint's secret."""
        out = []
        with self._lock:
            items = list(self.requests)
        for item in items:
            if 200 <= item["status"] < 300:
                payload = Webhook(SECRET).verify(item["body"], item["headers"])
                out.append({"id": item["headers"]["webhook-id"], "payload": payload, **item})
        return out

    def ids(self) -> list[str]:
        return [d["id"] for d in self.delivered()]


@dataclass
class Services:
    namespace: str
    webhooks: list[dict[str, Any]]
    log_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)

    def env(self, service: str) -> dict[str, str]:
        return {
            **os.environ,
            "PARLEY_NAMESPACE": self.namespace,
            "PARLEY_HTTP_PORT": str(self.ports[service]),
            "PARLEY_ALERTING_WEBHOOKS": json.dumps(self.webhooks),
            "PARLEY_ALERTING_ALLOW_PRIVATE_WEBHOOKS": "true",
            "PARLEY_ALERTING_RETRY_SCHEDULE_S": "[0.3, 0.6, 1.0]",
            "PARLEY_ALERTING_RETRY_JITTER": "0.1",
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }

    def start(self, service: str, **env: str) -> None:
        self.ports.setdefault(service, free_port())
        log = (self.log_dir / f"{service}.log").open("ab")
        self.procs[service] = subprocess.Popen(
            [sys.executable, "-m", "parley.services", service, "run"],
            env={**self.env(service), **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(lambda: self.ready(service), 120, what=f"{service} ready")

    def ready(self, service: str) -> bool:
        proc = self.procs[service]
        if proc.poll() is not None:
            raise AssertionError(f"{service} exited {proc.returncode}: see {self.log_dir}/{service}.log")
        try:
            return httpx.get(f"http://127.0.0.1:{self.ports[service]}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def kill(self, service: str, sig: int = signal.SIGKILL) -> None:
        proc = self.procs[service]
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=60)

    def stop(self) -> None:
        for service in list(self.procs):
            self.kill(service, signal.SIGTERM)


@pytest.fixture
def ns() -> str:
    name = new_namespace()
    ensure_topics(KafkaSettings(), name)
    return name


def endpoint(name: str, receiver: Receiver, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "url": f"http://127.0.0.1:{receiver.port}/hooks/{name}",
        "secrets": [SECRET],
        **extra,
    }


def record(**fields: Any) -> TalksRecord:
    base: dict[str, Any] = {
        "parties": ["Armenia", "Azerbaijan", "Norway"],
        "mediators": ["Norway"],
        "location": "Oslo",
        "start_date": date(2026, 3, 10),
        "end_date": date(2026, 3, 11),
        "status": "announced",
        "confidence": 0.9,
        "evidence": "talks will be held",
    }
    return TalksRecord.model_validate({**base, **fields})


def publish(ns: str, article_id: str, source: str, talks: TalksRecord, hours: float = 0) -> None:
    at = T0 + timedelta(hours=hours)
    article = ArticleEnriched(
        article_id=article_id,
        title=f"{source}: talks",
        published=at,
        ingested_at=datetime.now(UTC),
        enriched_at=datetime.now(UTC),
        source=source,
        text="...",
        story_id=f"s-{article_id}",
        talks=(talks,),
    )
    producer = make_producer(KafkaSettings(), "test")
    producer.send(
        Names(ns).enriched, key=article_id.encode(), value=encode(wrap(article, service="enrichment"))
    )
    producer.flush(timeout=30)
    producer.close()


def read_topic(topic: str) -> list[Any]:
    """Every record of a topic, from the beginning to its current end."""
    from kafka import TopicPartition

    consumer = make_consumer(KafkaSettings(), "test", None)  # type: ignore[arg-type]
    parts = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
    consumer.assign(parts)
    consumer.seek_to_beginning(*parts)
    ends = consumer.end_offsets(parts)
    out: list[Any] = []
    while any(consumer.position(tp) < ends[tp] for tp in parts):
        for records in consumer.poll(timeout_ms=500).values():
            out.extend(records)
    consumer.close()
    return out


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

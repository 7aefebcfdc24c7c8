"""The whole pipeline as processes, on the real local Kafka and Elasticsearch, in a namespace of its own."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from elasticsearch import Elasticsearch
from prometheus_client.parser import text_string_to_metric_families

from parley.services.cli.stack import SERVICES, Stack, free_port
from parley.shared.events import decode_event
from parley.shared.events.deadletter import MessageDeadLettered
from parley.shared.kafka import make_consumer, make_producer
from parley.shared.settings import ElasticsearchSettings, KafkaSettings
from parley.shared.topics import Names
from tests.conftest import new_namespace, wait_until
from tests.support.processes import launch, stop

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "articles" / "oslo-talks.txt"
EXAMPLE_JSON = ROOT / "examples" / "articles" / "oslo-talks.json"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    ns = new_namespace()
    ports = {name: free_port() for name in (*SERVICES, "webhook-sink")}
    stack = Stack(namespace=ns, ports=ports, log_dir=tmp_path_factory.mktemp("logs"))
    os.environ["PARLEY_INGEST_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    stack.start()
    try:
        stack.wait_ready()
        yield stack
    finally:
        stack.stop()
        es = Elasticsearch(ElasticsearchSettings().url)
        es.indices.delete(index=f"{ns}-*", ignore_unavailable=True, allow_no_indices=True)


def received(stack: Stack) -> list[dict[str, Any]]:
    return list(httpx.get(f"http://127.0.0.1:{stack.ports['webhook-sink']}/received", timeout=5).json())


def alerts_for(stack: Stack, article_id: str) -> list[dict[str, Any]]:
    return [r for r in received(stack) if r["payload"]["data"]["article_id"] == article_id]


def es_docs(stack: Stack, query: dict[str, Any]) -> list[dict[str, Any]]:
    es = Elasticsearch(ElasticsearchSettings().url)
    alias = Names(stack.namespace).alias("articles")
    if not es.indices.exists_alias(name=alias):
        return []
    es.indices.refresh(index=alias)
    return list(es.search(index=alias, query=query, size=20)["hits"]["hits"])


def ingest(stack: Stack, path: Path) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "parley.services", "ingest", str(path)],
        env=stack.env("ingest"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def article_id_of(output: str) -> str:
    for line in output.splitlines():
        if line.startswith(("published ", "duplicate ")):
            return line.rsplit(": ", 1)[1].strip()
    raise AssertionError(output)


def restart(stack: Stack, service: str) -> None:
    stop(stack.processes[service])
    stack.processes[service] = launch([service, "run"], stack.env(service), stack.log_dir / f"{service}.log")
    wait_until(lambda: _ready(stack.ports[service]), 90, what=f"{service} ready again")


def _ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_example_article_becomes_document_and_one_webhook(stack: Stack) -> None:
    code, output = ingest(stack, EXAMPLE)
    assert code == 0, output
    article_id = article_id_of(output)
    hits = wait_until(
        lambda: es_docs(stack, {"match": {"text": "Oslo draft peace treaty"}}), 60, what="document searchable"
    )
    assert [h["_id"] for h in hits] == [article_id]
    talks = hits[0]["_source"]["talks"]
    assert any(
        t["location"] == "Oslo" and t["start_date"] == "2026-03-10" and t["status"] == "announced"
        for t in talks
    )
    alerts = wait_until(lambda: alerts_for(stack, article_id), 60, what="webhook")
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert["verified"] is True  # signed with the endpoint's secret, checked by the receiver
    assert alert["payload"]["type"] == "parley.talks.announced.v1"
    state = alert["payload"]["data"]["talks"]
    assert {"Armenia", "Azerbaijan"} <= set(state["parties"])
    assert state["mediators"] == ["Norway"]
    assert (state["location"], state["start_date"], state["end_date"]) == ("Oslo", "2026-03-10", "2026-03-11")

    # The same article again (the JSON form, with a tracking parameter on its URL): a duplicate.
    code, output = ingest(stack, EXAMPLE_JSON)
    assert code == 0 and output.startswith("duplicate"), output
    # Even if a copy slips past ingest's seen-set, downstream ids keep it one document, one alert.
    _republish_raw(stack, article_id)
    restart(stack, "alerting")
    # A new article after the restart is a barrier: once its alert arrived, the old one had its chance.
    code, output = ingest(stack, ROOT / "tests" / "fixtures" / "articles" / "nicosia-talks.txt")
    assert code == 0, output
    other = article_id_of(output)
    wait_until(lambda: alerts_for(stack, other), 90, what="alert after restart")
    assert len(alerts_for(stack, article_id)) == 1
    assert len(es_docs(stack, {"ids": {"values": [article_id]}})) == 1


def _republish_raw(stack: Stack, article_id: str) -> None:
    names = Names(stack.namespace)
    consumer = make_consumer(KafkaSettings(), "test", names.group("e2e-reader"))
    consumer.subscribe([names.raw])
    found: list[Any] = []

    def look() -> bool:
        for records in consumer.poll(timeout_ms=500).values():
            found.extend(r for r in records if r.key == article_id.encode())
        return bool(found)

    wait_until(look, 30, what="raw event")
    consumer.close()
    producer = make_producer(KafkaSettings(), "test")
    producer.send(names.raw, key=found[0].key, value=found[0].value).get(timeout=10)
    producer.close()


def test_seed_gives_the_announced_geneva_talks(stack: Stack, seed_path: Path) -> None:
    code, output = ingest(stack, seed_path)
    assert code == 0, output
    article_id = article_id_of(output)
    alerts = wait_until(lambda: alerts_for(stack, article_id), 60, what="seed webhook")
    state = alerts[0]["payload"]["data"]["talks"]
    assert set(state["parties"]) == {"Russia", "Ukraine", "United States"}
    assert state["mediators"] == ["United States"]
    assert state["location"] == "Geneva"
    assert (state["start_date"], state["end_date"]) == ("2026-02-17", "2026-02-18")
    assert state["format"] == "trilateral"
    docs = wait_until(lambda: es_docs(stack, {"ids": {"values": [article_id]}}), 60, what="seed document")
    text = docs[0]["_source"]["text"]
    assert "Geneva" in text and "ALSO READ" not in text and "NOW READ" not in text


def test_poison_on_every_input_topic_is_dead_lettered_and_the_stream_goes_on(stack: Stack) -> None:
    names = Names(stack.namespace)
    producer = make_producer(KafkaSettings(), "test")
    planted = {
        names.raw: b"\xff\xfenot utf-8",
        names.enriched: b"{not json",
        names.talks: b"[]",
        names.alerts: json.dumps(
            {
                "specversion": "1.0",
                "id": "x",
                "source": "s",
                "type": "parley.talks.announced.v99",
                "time": "2026-01-01T00:00:00Z",
                "data": {},
            }
        ).encode(),
    }
    for topic, value in planted.items():
        producer.send(topic, key=b"poison", value=value).get(timeout=10)
    producer.close()
    code, output = ingest(stack, ROOT / "tests" / "fixtures" / "articles" / "doha-talks.txt")
    assert code == 0, output
    wait_until(lambda: alerts_for(stack, article_id_of(output)), 90, what="alert after poison")

    consumer = make_consumer(KafkaSettings(), "test", names.group("e2e-dlq"))
    consumer.subscribe([names.deadletter])
    letters: list[MessageDeadLettered] = []

    def collect() -> bool:
        for records in consumer.poll(timeout_ms=500).values():
            for r in records:
                event = decode_event(r.value).data
                assert isinstance(event, MessageDeadLettered)
                letters.append(event)
        origins = {(d.origin_topic, d.service) for d in letters}
        return {
            (names.raw, "enrichment"),
            (names.enriched, "indexer"),
            (names.enriched, "alerting"),
            (names.talks, "indexer"),
            (names.alerts, "dispatcher"),
        } <= origins

    wait_until(collect, 60, what="dead letters from every input topic")
    consumer.close()
    for letter in letters:
        assert letter.reason and letter.error
        assert letter.original_value() == planted[letter.origin_topic]


def test_metrics_parse_and_counters_moved(stack: Stack) -> None:
    body = json.loads(EXAMPLE_JSON.read_text())
    body["url"] = "https://example.org/news/api-copy"
    response = httpx.post(f"http://127.0.0.1:{stack.ports['ingest']}/articles", json=body, timeout=30)
    assert response.status_code == 202, response.text
    expected = {
        "ingest": "parley_articles_ingested_total",
        "enrichment": "parley_messages_consumed_total",
        "indexer": "parley_documents_indexed_total",
        "alerting": "parley_messages_consumed_total",
        "dispatcher": "parley_webhook_deliveries_total",
        "search": "parley_search_requests_total",
    }
    httpx.get(f"http://127.0.0.1:{stack.ports['search']}/search", params={"q": "talks"}, timeout=10)

    def moved(service: str) -> bool:
        text = httpx.get(f"http://127.0.0.1:{stack.ports[service]}/metrics", timeout=5).text
        families = {f.name: f for f in text_string_to_metric_families(text)}
        name = expected[service].removesuffix("_total")
        return (
            name in families and sum(s.value for s in families[name].samples if s.name.endswith("_total")) > 0
        )

    for service in SERVICES:
        wait_until(lambda s=service: moved(s), 60, what=f"{service} counters")  # type: ignore[misc]


def test_readyz_is_false_until_kafka_is_reachable(tmp_path: Path) -> None:
    """A service pointed at a port with no Kafka answers /readyz 503; once a path to Kafka opens, 200."""
    gate = free_port()
    port = free_port()
    env = {
        **os.environ,
        "PARLEY_NAMESPACE": new_namespace(),
        "PARLEY_HTTP_PORT": str(port),
        "PARLEY_KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{gate}",
    }
    proc = launch(["enrichment", "run"], env, tmp_path / "log")
    forwarder: _Forwarder | None = None
    try:
        wait_until(lambda: _status(port) == 503, 60, what="/readyz 503 while Kafka is unreachable")
        forwarder = _Forwarder(gate, 9092)
        wait_until(lambda: _status(port) == 200, 120, what="/readyz 200 once Kafka is reachable")
    finally:
        stop(proc)
        if forwarder:
            forwarder.close()


def _status(port: int) -> int | None:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code
    except httpx.HTTPError:
        return None


class _Forwarder:
    """A TCP relay from `listen` to `target` on loopback: the path to Kafka that opens late."""

    def __init__(self, listen: int, target: int) -> None:
        self.server = socket.create_server(("127.0.0.1", listen))
        self.target = target
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            dst.close()

    def close(self) -> None:
        self.server.close()

"""Indexer and search helpers: local Elasticsearch and Kafka, events to produce, results to read back."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaConsumer, TopicPartition
from prometheus_client import REGISTRY

from parley.services.indexer.bulk import Source, build_pending, bulk_body
from parley.services.indexer.consumer import Indexer
from parley.services.indexer.index_admin import ensure_indices
from parley.services.indexer.settings import IndexerSection, IndexerSettings
from parley.shared.elasticsearch import make_client, reachable
from parley.shared.events import (
    ArticleEnriched,
    Event,
    MessageDeadLettered,
    TalksRecorded,
    TalksState,
    decode_event,
    encode,
    wrap,
)
from parley.shared.extraction import Entity, TalksRecord
from parley.shared.kafka import client_config, ensure_topics, make_producer
from parley.shared.settings import ElasticsearchSettings, KafkaSettings
from parley.shared.topics import Names


@contextlib.contextmanager
def es_session() -> Iterator[Elasticsearch]:
    """A client of the shared local Elasticsearch (fails the test when it is not running)."""
    client = make_client(ElasticsearchSettings())
    if not reachable(client):
        pytest.fail("Elasticsearch is not running on 127.0.0.1:9200 (python3 deploy/local/infra.py up)")
    try:
        yield client
    finally:
        client.close()


@contextlib.contextmanager
def namespace_topics(namespace: str, es: Elasticsearch) -> Iterator[str]:
    """The namespace's topics created; its indices and templates deleted afterwards."""
    ensure_topics(KafkaSettings(), namespace)
    try:
        yield namespace
    finally:
        es.indices.delete(index=f"{namespace}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).indices.delete_index_template(name=f"{namespace}-*")


def article(
    article_id: str, title: str = "Ukraine and Russia to hold talks in Geneva", **changes: Any
) -> ArticleEnriched:
    now = datetime.now(UTC)
    data: dict[str, Any] = {
        "article_id": article_id,
        "url": f"https://news.example/{article_id}",
        "title": title,
        "published": datetime(2026, 2, 1, 8, 0, tzinfo=UTC),
        "ingested_at": now - timedelta(seconds=2),
        "enriched_at": now - timedelta(seconds=1),
        "language": "en",
        "text": "Delegations from Ukraine and Russia will meet in Geneva next week, officials said.",
        "story_id": f"story-{article_id}",
        "entities": (Entity(kind="country", text="Ukraine", name="Ukraine", start=17, end=24),),
        "talks": (TalksRecord(parties=("Ukraine", "Russia"), status="announced", confidence=0.9),),
    }
    data.update(changes)
    return ArticleEnriched.model_validate(data)


def produce(topic: str, messages: Sequence[tuple[bytes, bytes | None]], partition: int | None = 0) -> None:
    """Send in order; to one partition, or (`partition=None`) to the key's as services do."""
    producer = make_producer(KafkaSettings(), "test-producer")
    try:
        for key, value in messages:
            producer.send(topic, key=key, value=value, partition=partition).get(timeout=30)
    finally:
        producer.close()


def message(event: Event) -> tuple[bytes, bytes]:
    return event.subject().encode(), encode(wrap(event, service="test"))


def settings(ns: str, **indexer: Any) -> IndexerSettings:
    options = {"flush_interval_s": 0.2, "retry_backoff_base_s": 0.05, "retry_backoff_max_s": 0.2, **indexer}
    return IndexerSettings(namespace=ns, indexer=IndexerSection(**options))


@contextlib.contextmanager
def indexer_threads() -> Iterator[Callable[..., Indexer]]:
    """`start(settings, **kwargs)` runs an Indexer in a thread; all are stopped at the end."""
    started: list[tuple[Indexer, threading.Thread]] = []

    def start(cfg: IndexerSettings, **kwargs: Any) -> Indexer:
        indexer = Indexer(cfg, **kwargs)
        thread = threading.Thread(target=indexer.run, name="indexer", daemon=True)
        thread.start()
        started.append((indexer, thread))
        return indexer

    yield start
    for indexer, thread in started:
        indexer.stop()
        thread.join(timeout=30)
        assert not thread.is_alive(), "the indexer did not stop"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def doc(es: Elasticsearch, index: str, doc_id: str) -> dict[str, Any] | None:
    # 404: no such document (or index yet); 503: a just-created index still recovering.
    found = es.options(ignore_status=(404, 503)).get(index=index, id=doc_id)
    return dict(found.body) if found.body.get("found") else None


def metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def committed(ns: str, topic: str) -> int:
    """Sum of the indexer group's committed offsets over the topic's partitions."""
    consumer = KafkaConsumer(
        **client_config(KafkaSettings(), "test-offsets"),
        group_id=Names(ns).group("indexer"),
        enable_auto_commit=False,
    )
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        return sum(consumer.committed(TopicPartition(topic, p)) or 0 for p in partitions)
    finally:
        consumer.close()


def dead_letters(topic: str) -> list[MessageDeadLettered]:
    consumer = KafkaConsumer(**client_config(KafkaSettings(), "test-reader"), group_id=None)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        consumer.seek_to_beginning()
        end = consumer.end_offsets(partitions)
        out: list[MessageDeadLettered] = []
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            for records in consumer.poll(timeout_ms=500).values():
                out += [decode_event(r.value).data for r in records]  # type: ignore[misc]
        return out
    finally:
        consumer.close()


def talks(
    talks_id: str, parties: tuple[str, ...], start: date | None, status: str, **more: Any
) -> TalksRecorded:
    now = datetime.now(UTC)
    state = TalksState(
        talks_id=talks_id,
        revision=1,
        parties=parties,
        start_date=start,
        status=status,  # type: ignore[arg-type]
        first_seen=now,
        last_seen=now,
        **more,
    )
    return TalksRecorded(talks=state)


def seed(es: Elasticsearch, ns: str) -> None:
    """A few articles and talks states, written as the indexer writes them, refreshed."""
    ensure_indices(es, ns)
    today = date.today()
    events: list[Event] = [
        article("a1", "Ukraine and Russia to hold talks in Geneva"),
        article("a2", "Sudan ceasefire talks stall", text="Talks in Jeddah stalled again.", entities=()),
        article("a3", "Geneva hosts a film festival", text="Nothing diplomatic here.", talks=()),
        article("a4", "Geneva talks resume", published=datetime(2026, 3, 10, tzinfo=UTC)),
        talks("k1", ("Ukraine", "Russia"), today + timedelta(days=2), "announced", location="Geneva"),
        talks("k2", ("Sudan",), today - timedelta(days=20), "announced"),
        talks("k3", ("Serbia", "Kosovo"), None, "rescheduled", mediators=("Ukraine",)),
        talks("k4", ("Armenia", "Azerbaijan"), today + timedelta(days=9), "postponed"),
    ]
    names = Names(ns)
    now = datetime.now(UTC)
    pendings = [
        build_pending(wrap(e, service="t"), Source("t", 0, i, None, None), names, now)
        for i, e in enumerate(events)
    ]
    result = es.bulk(operations=bulk_body(pendings), refresh=True)
    assert not result["errors"], json.dumps(result["items"])[:500]

"""The indexer's pipeline (next batch polled while the previous one is in flight) through rebalances."""

from __future__ import annotations

import time
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaConsumer

from parley.shared.kafka import make_consumer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import wait_until
from tests.support.indexing import (
    article,
    committed,
    dead_letters,
    message,
    metric,
    produce,
    settings,
)

pytestmark = pytest.mark.integration


class RevokingConsumer:
    """The real consumer, returning at most 5 messages a poll, whose group listener hears of the
    revocation of every partition at the start of the poll after the third one with messages (the
    partitions staying assigned, as when they come straight back in the same rebalance)."""

    def __init__(self, real: KafkaConsumer) -> None:
        self.real = real
        self.listener: Any = None
        self.polls_with_messages = 0
        self.revoked = False

    def subscribe(self, topics: list[str], listener: Any) -> None:
        self.listener = listener
        self.real.subscribe(topics, listener=listener)

    def poll(self, timeout_ms: int = 0, max_records: int | None = None) -> Any:
        if self.polls_with_messages == 3 and not self.revoked:
            self.revoked = True
            self.listener.on_partitions_revoked(set(self.real.assignment()))
        polled = self.real.poll(timeout_ms=timeout_ms, max_records=min(max_records or 5, 5))
        self.polls_with_messages += bool(polled)
        return polled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def versions(es: Elasticsearch, index: str) -> dict[str, int]:
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=10_000, version=True, query={"match_all": {}})["hits"]["hits"]
    return {hit["_id"]: hit["_version"] for hit in hits}


def test_messages_polled_but_not_sent_when_partitions_are_revoked_are_read_again(
    ns: str, es: Elasticsearch, run_indexer: Any
) -> None:
    names = Names(ns)
    produce(names.enriched, [message(article(f"r{i:02d}")) for i in range(30)])
    consumed_before = metric("parley_messages_consumed_total", service="indexer", topic="articles.enriched")
    group = names.group("indexer")
    consumer = RevokingConsumer(make_consumer(KafkaSettings(), f"{group}-consumer", group))
    run_indexer(settings(ns, batch_size=10, flush_interval_s=0.5), consumer=consumer)

    wait_until(lambda: committed(ns, names.enriched) == 30, what="every offset committed")
    assert consumer.revoked, "the revocation was never simulated"
    # With batches of 10, the third poll starts the second batch, polled while the first is in
    # flight: the revocation drops it unsent. Every document still carries the offset of its
    # message as version: nothing was skipped.
    assert versions(es, names.alias("articles")) == {f"r{i:02d}": i for i in range(30)}
    consumed = metric("parley_messages_consumed_total", service="indexer", topic="articles.enriched")
    assert consumed - consumed_before > 30  # the dropped messages were read a second time
    assert dead_letters(names.deadletter) == []


class SlowES:
    """The real client, bulk requests taking 0.1 s longer, so a backlog lasts through a rebalance."""

    def __init__(self, real: Elasticsearch) -> None:
        self.real = real
        self.bulks = 0

    def bulk(self, **kwargs: Any) -> Any:
        self.bulks += 1
        time.sleep(0.1)
        return self.real.bulk(**kwargs)

    def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_a_second_member_joining_mid_stream_loses_nothing(
    ns: str, es: Elasticsearch, run_indexer: Any
) -> None:
    names = Names(ns)
    count = 1200
    produce(names.enriched, [message(article(f"m{i:04d}")) for i in range(count)], partition=None)
    cfg = settings(ns, batch_size=20)
    first, second = SlowES(es), SlowES(es)
    run_indexer(cfg, es=first)
    wait_until(lambda: committed(ns, names.enriched) > 0, what="the first member indexing")
    run_indexer(cfg, es=second)  # same group: the partitions are rebalanced between the two

    wait_until(lambda: committed(ns, names.enriched) == count, timeout=120, what="every offset committed")
    assert second.bulks > 0, "the second member never took over partitions"
    found = versions(es, names.alias("articles"))
    assert sorted(found) == [f"m{i:04d}" for i in range(count)]
    assert dead_letters(names.deadletter) == []

"""Consumer lag per partition (shared/lag.py) against the real local Kafka."""

from __future__ import annotations

import socket

from kafka import TopicPartition
from kafka.structs import OffsetAndMetadata
from prometheus_client import REGISTRY

from parley.shared.kafka import ensure_topics, make_consumer, make_producer
from parley.shared.lag import LagExporter, consumer_lag
from parley.shared.settings import KafkaSettings, ParleySettings
from parley.shared.topics import ARTICLES_RAW, Names
from tests.conftest import new_namespace


def test_lag_counts_from_the_committed_offset_or_the_start_of_the_log() -> None:
    settings = ParleySettings(namespace=new_namespace())
    names = Names(settings.namespace)
    ensure_topics(settings.kafka, settings.namespace, (ARTICLES_RAW,))
    producer = make_producer(settings.kafka, "test")
    for i in range(5):
        producer.send(names.raw, key=f"k{i}".encode(), value=b"v", partition=0)
    for _ in range(2):
        producer.send(names.raw, key=b"other", value=b"v", partition=1)
    producer.flush(timeout=10)
    producer.close()
    consumer = make_consumer(settings.kafka, "test", names.group("enrichment"))
    consumer.commit({TopicPartition(names.raw, 0): OffsetAndMetadata(2, "", -1)})
    consumer.close()

    lags = {p.partition: p for p in consumer_lag(settings, "enrichment")}

    assert set(lags) == set(range(ARTICLES_RAW.partitions))
    assert (lags[0].committed, lags[0].end, lags[0].lag) == (2, 5, 3)
    assert (lags[1].committed, lags[1].lag) == (None, 2)  # never committed: counted from the start
    assert all(lags[p].lag == 0 for p in range(2, ARTICLES_RAW.partitions))

    exporter = LagExporter(settings, "enrichment")
    try:
        exporter.export_once()
    finally:
        exporter.stop()
    labels = {"service": "enrichment", "topic": "articles.raw", "partition": "0"}
    assert REGISTRY.get_sample_value("parley_consumer_lag_messages", labels) == 3


def test_kafka_up_says_whether_the_last_round_reached_kafka() -> None:
    reachable = LagExporter(ParleySettings(namespace=new_namespace()), "indexer")
    with socket.socket() as sock:  # a port nobody listens on once the socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    away = ParleySettings(
        namespace=new_namespace(), kafka=KafkaSettings(bootstrap_servers=f"127.0.0.1:{port}")
    )
    unreachable = LagExporter(away, "dispatcher")
    try:
        assert reachable.export_round() is True
        assert unreachable.export_round() is False
    finally:
        reachable.stop()
        unreachable.stop()
    assert REGISTRY.get_sample_value("parley_kafka_up", {"service": "indexer"}) == 1
    assert REGISTRY.get_sample_value("parley_kafka_up", {"service": "dispatcher"}) == 0

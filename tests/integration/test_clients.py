"""The Python clients Parley uses, against the real local Kafka and Elasticsearch."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from elasticsearch import Elasticsearch, helpers
from kafka import KafkaConsumer
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic

from parley.shared.kafka import ensure_topics, make_admin, make_consumer, make_producer
from parley.shared.settings import ElasticsearchSettings, KafkaSettings
from parley.shared.topics import ALL_TOPICS, Names
from tests.conftest import wait_until

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_topics_are_created_idempotently_with_their_configs(namespace: str) -> None:
    kafka = KafkaSettings()
    created = ensure_topics(kafka, namespace)
    assert sorted(created) == sorted(spec.name(namespace) for spec in ALL_TOPICS)
    assert ensure_topics(kafka, namespace) == []
    admin = make_admin(kafka, "test")
    try:
        described = {
            t["name"]: t for t in admin.describe_topics([Names(namespace).raw, Names(namespace).talks])
        }
        assert len(described[Names(namespace).raw]["partitions"]) == 6
        configs = admin.describe_configs(
            [
                ConfigResource(ConfigResourceType.TOPIC, Names(namespace).talks),
                ConfigResource(ConfigResourceType.TOPIC, Names(namespace).raw),
            ]
        )
        assert configs["topic"][Names(namespace).talks]["cleanup.policy"]["value"] == "compact"
        assert configs["topic"][Names(namespace).raw]["retention.ms"]["value"] == "-1"
    finally:
        admin.close()


def _consume_all(consumer: KafkaConsumer, count: int, timeout: float = 30) -> list[bytes]:
    seen: list[bytes] = []
    deadline = time.monotonic() + timeout
    while len(seen) < count and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            seen.extend(r.value for r in records)
    return seen


def test_namespaces_do_not_see_each_other(namespace: str) -> None:
    kafka, es_settings = KafkaSettings(), ElasticsearchSettings()
    other = namespace + "b"
    producer = make_producer(kafka, "test")
    for ns in (namespace, other):
        ensure_topics(kafka, ns)
        for i in range(5):
            producer.send(Names(ns).raw, key=f"{ns}-{i}".encode(), value=f"{ns}:{i}".encode())
    producer.flush()
    producer.close()
    es = Elasticsearch(es_settings.url)
    for ns in (namespace, other):
        helpers.bulk(
            es,
            ({"_index": Names(ns).index("articles", 1), "_id": str(i), "ns": ns} for i in range(3)),
            refresh=True,
        )
    for ns in (namespace, other):
        consumer = make_consumer(kafka, "test", Names(ns).group("probe"))
        consumer.subscribe([Names(ns).raw])
        values = _consume_all(consumer, 5)
        consumer.close()
        assert sorted(values) == sorted(f"{ns}:{i}".encode() for i in range(5))
        hits = es.search(index=Names(ns).index_pattern("articles"), size=10)["hits"]["hits"]
        assert len(hits) == 3 and {h["_source"]["ns"] for h in hits} == {ns}
    es.indices.delete(index=f"{namespace}-*,{other}-*")


def test_kafka_python_acks_all_and_manual_commit(namespace: str) -> None:
    kafka = KafkaSettings()
    ensure_topics(kafka, namespace)
    topic = Names(namespace).raw
    producer = make_producer(kafka, "test")
    for i in range(20):
        producer.send(topic, key=str(i).encode(), value=str(i).encode()).get(timeout=10)
    producer.close()
    group = Names(namespace).group("manual")
    first = make_consumer(kafka, "test", group)
    first.subscribe([topic])
    assert len(_consume_all(first, 20)) == 20
    first.commit()
    first.close()
    second = make_consumer(kafka, "test", group)
    second.subscribe([topic])
    assert _consume_all(second, 1, timeout=5) == []  # committed: nothing left to read
    second.close()


def test_elasticsearch_client_template_bulk_search(namespace: str) -> None:
    es = Elasticsearch(ElasticsearchSettings().url)
    info = es.info()
    assert info["version"]["number"].startswith("8.")
    raw = httpx.get(ElasticsearchSettings().url)
    assert raw.headers["x-elastic-product"] == "Elasticsearch"
    es.indices.put_index_template(
        name=f"{namespace}-smoke",
        index_patterns=[f"{namespace}-smoke-*"],
        template={
            "mappings": {
                "dynamic": "strict",
                "properties": {
                    "text": {"type": "text", "analyzer": "standard"},
                    "country": {"type": "keyword"},
                    "talks": {"type": "nested", "properties": {"status": {"type": "keyword"}}},
                },
            }
        },
    )
    index = f"{namespace}-smoke-v1"
    docs = [
        {
            "_index": index,
            "_id": str(i),
            "text": f"talks in Geneva number {i}",
            "country": "Ukraine",
            "talks": [{"status": "announced" if i % 2 else "held"}],
        }
        for i in range(10)
    ]
    assert helpers.bulk(es, docs, refresh=True)[0] == 10
    hits = es.search(index=index, query={"match": {"text": "geneva"}}, highlight={"fields": {"text": {}}})
    assert hits["hits"]["total"]["value"] == 10
    assert "<em>Geneva</em>" in hits["hits"]["hits"][0]["highlight"]["text"][0]
    nested = es.search(
        index=index, query={"nested": {"path": "talks", "query": {"term": {"talks.status": "announced"}}}}
    )
    assert nested["hits"]["total"]["value"] == 5
    es.indices.delete(index=index)
    es.indices.delete_index_template(name=f"{namespace}-smoke")


def count_words_across_a_restart(
    namespace: str, datadir: Path, new: list[str], *, slow: bool = False
) -> None:
    """Count three words, stop the worker with SIGTERM, restart it, send the `new` words at once,
    and require that the restarted worker counts every one of them."""
    kafka = KafkaSettings()
    port = free_port()
    producer = make_producer(kafka, "test")
    admin = make_admin(kafka, "test")
    admin.create_topics([NewTopic(f"{namespace}.words", 2, 1)])
    admin.close()
    args = [sys.executable, str(HERE / "faust_counter_app.py"), namespace, str(port), str(datadir)]

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            args + (["slow"] if slow else []), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def counts() -> dict[str, int]:
        try:
            return dict(httpx.get(f"http://127.0.0.1:{port}/counts", timeout=2).json())
        except (httpx.HTTPError, ValueError):
            return {}

    def send(words: list[str]) -> None:
        for w in words:
            producer.send(f"{namespace}.words", key=w.encode(), value=w.encode())
        producer.flush()

    first = {"geneva": 2, "oslo": 1}
    proc = start()
    try:
        send(["geneva", "geneva", "oslo"])
        wait_until(lambda: counts() == first, 60, what="first counts")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) is not None
        proc = start()
        # Sent while the new worker starts: they are fetched right after its recovery's seek.
        send(new)
        # The table was rebuilt from its changelog topic: the counts go on from the first ones (a
        # lost table would restart at 0). Delivery is at least once: a worker stopped before its
        # periodic commit re-reads its three words, which the recovered table counts again.
        bounds = {
            w: (first.get(w, 0) + new.count(w), 2 * first.get(w, 0) + new.count(w)) for w in {*first, *new}
        }
        seen: list[dict[str, int]] = [{}]

        def recovered() -> bool:
            seen[0] = counts()
            return all(low <= seen[0].get(w, 0) <= high for w, (low, high) in bounds.items())

        try:
            wait_until(recovered, 180, what="counts after restart")
        except AssertionError as exc:
            raise AssertionError(f"{exc}; last counts seen: {seen[0]}, wanted within {bounds}") from None
    finally:
        proc.kill()
        proc.wait()
        producer.close()


def test_faust_agent_and_table_survive_a_restart(namespace: str, tmp_path: Path) -> None:
    count_words_across_a_restart(namespace, tmp_path, ["geneva"])


def test_records_fetched_as_a_restarted_worker_ends_its_recovery_are_all_processed(
    namespace: str, tmp_path: Path
) -> None:
    # faust empties the stream queues when its recovery ends. Records the fetcher queued after
    # the recovery's seek and before that moment were dropped, their offsets already read: a
    # restarted worker skipped them for good (about one restart in eight, by timing). The slow
    # app makes that moment 50 ms long and keeps records queued behind a busy agent.
    count_words_across_a_restart(namespace, tmp_path, ["geneva", "bern", "lima", "rome", "quito"], slow=True)

"""Kafka benchmarks: the plain kafka-python baseline and Parley's ingest path on the same articles.

Each measurement gets a namespace of its own (`bench-<random>`), so its topic starts empty and
its consumer group has no committed offsets. Topics are created before the clock starts and
carry the configuration Parley's raw topic has (`parley.shared.topics.ARTICLES_RAW`). The
`Workspace` remembers every namespace it handed out and deletes their topics, consumer groups and
Elasticsearch indices when the run ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kafka import ConsumerRebalanceListener

from bench.result import ROOT
from parley.services.ingest.publisher import Publisher
from parley.services.ingest.seen import SeenSet
from parley.services.ingest.settings import IngestSection
from parley.shared.article_input import ArticleInput, validate_article
from parley.shared.kafka import ensure_topics, make_admin, make_consumer, make_producer
from parley.shared.settings import ParleySettings
from parley.shared.topics import ALL_TOPICS, ARTICLES_RAW, Names

RAW_TOPICS = (ARTICLES_RAW,)
CONSUME_TIMEOUT_S = 300.0


def new_namespace() -> str:
    return f"bench-{uuid.uuid4().hex[:10]}"


@dataclass
class Workspace:
    """Namespaces, consumer groups and scratch folders of one run, removed by `cleanup`.

    Cleaning a namespace deletes its topics, the consumer groups handed out by `group`, its
    Elasticsearch indices and index templates, and the scratch folder.
    """

    settings: ParleySettings
    namespaces: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    scratch: Path | None = None

    def namespace(self) -> str:
        ns = new_namespace()
        self.namespaces.append(ns)
        return ns

    def group(self, name: str) -> str:
        self.groups.append(name)
        return name

    def scratch_dir(self) -> Path:
        # Under build/ (same disk as Parley's default state folder), not a tmpfs: the seen-set's
        # SQLite commits cost what they cost in production.
        if self.scratch is None:
            (ROOT / "build").mkdir(exist_ok=True)
            self.scratch = Path(tempfile.mkdtemp(prefix="bench-", dir=ROOT / "build"))
        return self.scratch

    def cleanup(self) -> list[str]:
        """Delete everything the run created; return what could not be deleted (as messages)."""
        problems: list[str] = []
        if self.namespaces:
            problems += self._delete_topics_and_groups()
            problems += self._delete_indices()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        return problems

    def _owned(self, name: str) -> bool:
        return any(name.startswith((f"{ns}.", f"{ns}-")) for ns in self.namespaces)

    def _delete_topics_and_groups(self) -> list[str]:
        problems: list[str] = []
        try:
            admin = make_admin(self.settings.kafka, "bench-cleanup")
        except Exception as exc:
            return [f"cleanup: Kafka admin client: {exc}"]
        try:
            topics = sorted(t for t in admin.list_topics() if self._owned(t))
            if topics:
                admin.delete_topics(topics, timeout_ms=60_000)
            if self.groups:
                outcome = admin.delete_groups(self.groups)  # {group: "OK" or an error name}
                pairs = outcome.items() if isinstance(outcome, dict) else outcome
                for group, error in pairs:
                    if str(error) not in ("OK", "None", "NoError", "GroupIdNotFoundError"):
                        problems.append(f"cleanup: consumer group {group}: {error}")
        except Exception as exc:
            problems.append(f"cleanup: Kafka: {type(exc).__name__}: {exc}")
        finally:
            admin.close()
        return problems

    def _delete_indices(self) -> list[str]:
        from parley.shared.elasticsearch import make_client

        client = make_client(self.settings.es)
        try:
            for ns in self.namespaces:
                found = client.indices.get(index=f"{ns}-*", allow_no_indices=True, expand_wildcards="all")
                if found:
                    client.indices.delete(index=",".join(sorted(found)))
                # The indexer's composable templates (`<ns>-articles`, `<ns>-talks`) outlive their indices.
                templates = client.options(ignore_status=404).indices.get_index_template(name=f"{ns}-*")
                for template in templates.get("index_templates", []):
                    client.indices.delete_index_template(name=template["name"])
        except Exception as exc:
            return [f"cleanup: Elasticsearch: {type(exc).__name__}: {exc}"]
        finally:
            client.close()
        return []


def _warm(producer: Any, topic: str) -> None:
    """Fetch the topic's metadata before the clock starts (both paths pay it equally, untimed)."""
    deadline = time.monotonic() + 30
    while not producer.partitions_for(topic):
        if time.monotonic() > deadline:
            raise RuntimeError(f"no metadata for {topic}")
        time.sleep(0.1)


def raw_produce(ws: Workspace, values: Sequence[bytes], keys: Sequence[bytes]) -> tuple[float, str]:
    """Send every value with make_producer's settings; return (messages/s, topic)."""
    ns = ws.namespace()
    ensure_topics(ws.settings.kafka, ns, RAW_TOPICS)
    topic = Names(ns).raw
    producer = make_producer(ws.settings.kafka, "bench-raw-producer")
    try:
        _warm(producer, topic)
        started = time.perf_counter()
        for key, value in zip(keys, values, strict=True):
            producer.send(topic, key=key, value=value)
        producer.flush()
        elapsed = time.perf_counter() - started
    finally:
        producer.close()
    return len(values) / elapsed, topic


class _AssignedAt(ConsumerRebalanceListener):
    def __init__(self) -> None:
        self.at: float | None = None

    def on_partitions_revoked(self, revoked: Any) -> None:
        pass

    def on_partitions_assigned(self, assigned: Any) -> None:
        if assigned and self.at is None:
            self.at = time.perf_counter()


def raw_consume(ws: Workspace, topic: str, expected: int) -> float:
    """Read `expected` messages from `topic` with a fresh group; return messages/s.

    The clock starts when the group hands the consumer its partitions (joining a new group waits
    for the broker's initial rebalance delay, which is not throughput) and stops at the last message.
    """
    group = ws.group(f"{topic}-bench-consume")
    consumer = make_consumer(ws.settings.kafka, "bench-raw-consumer", group)
    listener = _AssignedAt()
    consumer.subscribe([topic], listener=listener)
    seen = 0
    deadline = time.monotonic() + CONSUME_TIMEOUT_S
    try:
        while seen < expected:
            if time.monotonic() > deadline:
                raise RuntimeError(f"read {seen} of {expected} messages from {topic} before timing out")
            for records in consumer.poll(timeout_ms=500).values():
                seen += len(records)
        finished = time.perf_counter()
    finally:
        consumer.close()
    if listener.at is None:
        raise RuntimeError("consumer was never assigned partitions")
    return seen / (finished - listener.at)


def ingest_publish(ws: Workspace, articles: Sequence[dict[str, Any]], batch: int | None = None) -> float:
    """Parley's ingest: validate each article, then `Publisher.publish_many` in API-sized batches.

    Returns articles/s. The clock covers validation, event and envelope building, the seen-set
    (SQLite) checks and inserts, and waiting for every acknowledgement (acks=all).
    """
    ns = ws.namespace()
    ensure_topics(ws.settings.kafka, ns, RAW_TOPICS)
    size = batch or IngestSection().max_batch
    seen = SeenSet(ws.scratch_dir() / f"{ns}-seen.sqlite3", ns)
    producer = make_producer(ws.settings.kafka, "parley-ingest")
    publisher = Publisher(producer, Names(ns).raw, seen)
    created = 0
    try:
        _warm(producer, publisher.topic)
        started = time.perf_counter()
        for i in range(0, len(articles), size):
            inputs: list[ArticleInput] = [validate_article(a) for a in articles[i : i + size]]
            created += sum(1 for _, outcome in publisher.publish_many(inputs, "api") if outcome == "created")
        producer.flush()
        elapsed = time.perf_counter() - started
    finally:
        producer.close()
        seen.close()
    if created != len(articles):
        raise RuntimeError(f"ingest published {created} of {len(articles)} articles (duplicates in input?)")
    return len(articles) / elapsed


@dataclass(frozen=True)
class CliTiming:
    articles: int
    wall_s: float
    startup_s: float

    @property
    def per_s(self) -> float:
        return self.articles / self.wall_s

    @property
    def per_s_without_startup(self) -> float:
        return self.articles / max(self.wall_s - self.startup_s, 1e-9)


def _parley_command() -> list[str]:
    return [sys.executable, "-m", "parley.services"]


def cli_ingest(ws: Workspace, jsonl: Path, articles: int) -> CliTiming:
    """`parley ingest FILE.jsonl` as a subprocess (one article per acknowledged send), wall time.

    The namespace's topics are created first so the command only lists them; the command's own
    start-up is measured separately with `parley --help` and reported alongside.
    """
    ns = ws.namespace()
    ensure_topics(ws.settings.kafka, ns, ALL_TOPICS)
    env = {
        **os.environ,
        "PARLEY_NAMESPACE": ns,
        "PARLEY_INGEST_STATE_DIR": str(ws.scratch_dir() / f"{ns}-state"),
    }
    started = time.perf_counter()
    subprocess.run([*_parley_command(), "--help"], env=env, check=True, capture_output=True)
    startup = time.perf_counter() - started
    started = time.perf_counter()
    done = subprocess.run(
        [*_parley_command(), "ingest", str(jsonl)], env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"parley ingest exited {done.returncode}: {done.stderr.strip()[-500:]}")
    if f"published {articles}," not in done.stderr:
        raise RuntimeError(f"parley ingest: unexpected summary: {done.stderr.strip()[-300:]}")
    return CliTiming(articles, wall, startup)

"""The indexer loop: articles.enriched + talks -> Elasticsearch, committing only what ES acknowledged.

One batch at a time: poll (up to batch_size / batch_bytes / flush_interval), decode (poison ->
dead-letter; a tombstone deletes its key's document), one bulk request, retry what Elasticsearch could not take yet (backing off with
jitter while the partitions are paused, so nothing is dropped and the group membership is
kept), dead-letter what it refused for good, then commit last offset + 1 per partition.

The running service writes through the aliases; a reindex runs the same loop with its own
consumer group, only the topic of one kind, and the new versioned index as target.
"""

from __future__ import annotations

import functools
import random
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from elasticsearch import Elasticsearch
from kafka import KafkaConsumer, KafkaProducer
from kafka.consumer.subscription_state import ConsumerRebalanceListener
from kafka.errors import CommitFailedError
from kafka.structs import OffsetAndMetadata, TopicPartition

from parley.services.indexer.bulk import (
    DONE,
    Pending,
    Source,
    build_pending,
    build_tombstone,
    bulk_body,
    classify,
    latest_per_document,
)
from parley.services.indexer.index_admin import KINDS, ensure_indices
from parley.services.indexer.settings import IndexerSettings
from parley.shared.deadletter import dead_letter
from parley.shared.elasticsearch import es_errors, make_client, reachable
from parley.shared.errors import ElasticsearchUnavailable, KafkaUnavailable, PoisonMessage, RetryableError
from parley.shared.events import ArticleDeleted, ArticleEnriched, Event, TalksRecorded, decode_event
from parley.shared.kafka import broker_reachable, kafka_errors, make_consumer, make_producer
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    DEADLETTERED,
    DOCUMENTS_INDEXED,
    ES_BULK_SECONDS,
    ES_ERRORS,
    MESSAGES_CONSUMED,
    MESSAGES_FAILED,
    MESSAGES_PRODUCED,
    STAGE_LATENCY_SECONDS,
    topic_label,
)
from parley.shared.topics import Names

SERVICE = "indexer"
log = get_logger(__name__)
T = TypeVar("T")
Batch = dict[TopicPartition, list[Any]]


class StopRequested(Exception):
    """Stop was asked for while waiting on a dependency: leave the batch uncommitted."""


class _Joined(ConsumerRebalanceListener):
    def __init__(self) -> None:
        self.joined = False

    def on_partitions_revoked(self, revoked: Any) -> None:
        return None

    def on_partitions_assigned(self, assigned: Any) -> None:
        self.joined = True


class Indexer:
    def __init__(
        self,
        settings: IndexerSettings,
        *,
        stop_event: threading.Event | None = None,
        es: Elasticsearch | None = None,
        consumer: KafkaConsumer | None = None,
        producer: KafkaProducer | None = None,
        kinds: tuple[str, ...] = KINDS,
        targets: Mapping[str, str] | None = None,
        group: str | None = None,
        dead_letters: bool = True,
    ) -> None:
        """`kinds` limits the topics read; `targets` maps a kind to the index written (else its alias).

        A reindex passes `dead_letters=False`: the running indexer already dead-lettered what it
        cannot use, so a rebuild only logs it.
        """
        self.settings = settings
        self.names = Names(settings.namespace)
        self.stop_event = stop_event or threading.Event()
        self.es = es or make_client(settings.es)
        group = group or self.names.group(SERVICE)
        self.consumer = consumer or make_consumer(settings.kafka, f"{group}-consumer", group)
        self.producer = producer or make_producer(settings.kafka, f"{group}-producer")
        self.targets = dict(targets or {})
        self.dead_letters = dead_letters
        everything: dict[str, tuple[str, tuple[type[Event], ...]]] = {
            self.names.enriched: ("articles", (ArticleEnriched, ArticleDeleted)),
            self.names.talks: ("talks", (TalksRecorded,)),
        }
        self.kind_of = {topic: kind for topic, (kind, _) in everything.items() if kind in kinds}
        self.expected = {topic: classes for topic, (kind, classes) in everything.items() if kind in kinds}
        self._listener = _Joined()

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        self._retry("preparing indices", lambda: ensure_indices(self.es, self.settings.namespace))
        self.consumer.subscribe(list(self.expected), listener=self._listener)

    def stop(self) -> None:
        self.stop_event.set()

    def close(self) -> None:
        try:
            self.producer.close(timeout=10)  # flushes what is still buffered
        finally:
            self.consumer.close(autocommit=False)
            self.es.close()

    def run(self) -> None:
        """Start, loop until stop, close: a stop lets the current batch finish and commit."""
        try:
            self.start()
            while not self.stop_event.is_set():
                self.run_once()
        except StopRequested:
            log.info("stopped_while_waiting", detail="the current batch stays uncommitted")
        finally:
            self.close()
        log.info("indexer_stopped")

    def readiness(self) -> dict[str, bool]:
        return {
            "kafka": broker_reachable(self.settings.kafka),
            "group_joined": self._listener.joined,
            "elasticsearch": reachable(self.es),
        }

    # -- one batch --------------------------------------------------------------------------
    def run_once(self) -> int:
        """Poll one batch, index it, commit it; return the number of messages handled."""
        batch = self._poll_batch()
        if not batch:
            return 0
        self.process(batch)
        self._retry("committing offsets", lambda: self._commit(batch))
        return sum(len(records) for records in batch.values())

    def _poll_batch(self) -> Batch:
        cfg = self.settings.indexer
        batch: Batch = {}
        count = size = 0
        deadline = time.monotonic() + cfg.flush_interval_s
        while not self.stop_event.is_set() and count < cfg.batch_size and size < cfg.batch_bytes:
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0:
                break
            polled = self.consumer.poll(timeout_ms=min(remaining_ms, 200), max_records=cfg.batch_size - count)
            for tp, records in polled.items():
                batch.setdefault(tp, []).extend(records)
                count += len(records)
                size += sum(len(r.value or b"") + len(r.key or b"") for r in records)
        return batch

    def process(self, batch: Batch) -> None:
        now = datetime.now(UTC)
        pendings: list[Pending] = []
        dead: list[tuple[Source, str, str]] = []
        for records in batch.values():
            for record in records:
                source = Source(record.topic, record.partition, record.offset, record.key, record.value)
                MESSAGES_CONSUMED.labels(SERVICE, self._label(source.topic)).inc()
                if source.value is None:  # a tombstone: forget the key's document
                    self._tombstone(source, pendings)
                    continue
                try:
                    envelope = decode_event(source.value, expected=self.expected[source.topic])
                    pendings.append(build_pending(envelope, source, self.names, now, self.targets))
                except PoisonMessage as exc:
                    dead.append((source, exc.reason, str(exc)))
                except Exception as exc:  # a bug on one message must not stop the others
                    log.exception("document_failed", topic=source.topic, offset=source.offset)
                    dead.append((source, "processing_error", f"{type(exc).__name__}: {exc}"))
        send, superseded = latest_per_document(pendings)
        for pending in superseded:
            DOCUMENTS_INDEXED.labels(pending.kind, "superseded").inc()
        dead.extend(self._index(send))
        if dead and not self.dead_letters:
            for source, reason, error in dead:
                log.warning(
                    "message_skipped", reason=reason, error=error, topic=source.topic, offset=source.offset
                )
        elif dead:
            self._retry("dead-lettering", lambda: self._dead_letter(dead))

    def _tombstone(self, source: Source, pendings: list[Pending]) -> None:
        pending = build_tombstone(self.kind_of[source.topic], source, self.names, self.targets)
        if pending is None:
            log.warning("tombstone_skipped", detail="no key", topic=source.topic, offset=source.offset)
        else:
            pendings.append(pending)

    def _index(self, pendings: list[Pending]) -> list[tuple[Source, str, str]]:
        """Bulk until every operation is done or refused; return the refused ones."""
        refused: list[tuple[Source, str, str]] = []
        attempt = 0
        while pendings:
            items = self._retry("bulk indexing", functools.partial(self._bulk, pendings))
            again: list[Pending] = []
            now = datetime.now(UTC)
            for pending, item in zip(pendings, items, strict=True):
                result = classify(item)
                if result.outcome in DONE:
                    DOCUMENTS_INDEXED.labels(pending.kind, result.outcome).inc()
                    if result.outcome == "indexed" and pending.ingested_at is not None:
                        latency = (now - pending.ingested_at).total_seconds()
                        STAGE_LATENCY_SECONDS.labels("indexed").observe(max(0.0, latency))
                elif result.outcome == "retry":
                    ES_ERRORS.labels("item_retry").inc()
                    again.append(pending)
                else:
                    ES_ERRORS.labels("rejected").inc()
                    DOCUMENTS_INDEXED.labels(pending.kind, "rejected").inc()
                    refused.append(
                        (pending.source, "es_rejected", f"{pending.kind}/{pending.doc_id}: {result.error}")
                    )
            pendings = again
            if pendings:
                log.warning("bulk_items_retrying", count=len(pendings), attempt=attempt)
                self._backoff(attempt)
                attempt += 1
        return refused

    def _bulk(self, pendings: list[Pending]) -> list[dict[str, Any]]:
        started = time.perf_counter()
        try:
            with es_errors("bulk request"):
                response = self.es.bulk(operations=bulk_body(pendings))
        finally:
            ES_BULK_SECONDS.observe(time.perf_counter() - started)
        items: list[dict[str, Any]] = response["items"]
        return items

    def _dead_letter(self, dead: list[tuple[Source, str, str]]) -> None:
        futures = []
        for source, reason, error in dead:
            key, value = dead_letter(
                service=SERVICE,
                reason=reason,
                error=error,
                topic=source.topic,
                partition=source.partition,
                offset=source.offset,
                key=source.key,
                value=source.value,
            )
            log.warning(
                "message_deadlettered", reason=reason, error=error, topic=source.topic, offset=source.offset
            )
            with kafka_errors("dead-lettering"):
                futures.append(self.producer.send(self.names.deadletter, key=key, value=value))
        with kafka_errors("dead-lettering"):
            for future in futures:
                future.get(timeout=30)
        for source, reason, _ in dead:
            MESSAGES_FAILED.labels(SERVICE, self._label(source.topic), reason).inc()
            DEADLETTERED.labels(SERVICE, reason).inc()
            MESSAGES_PRODUCED.labels(SERVICE, "deadletter").inc()

    def _commit(self, batch: Batch) -> None:
        offsets = {tp: OffsetAndMetadata(records[-1].offset + 1, "", -1) for tp, records in batch.items()}
        try:
            with kafka_errors("committing offsets"):
                self.consumer.commit(offsets)
        except KafkaUnavailable as exc:
            if not isinstance(exc.__cause__, CommitFailedError):
                raise
            # The partitions moved to another member, which redoes this work; writes are idempotent.
            log.warning("commit_failed_after_rebalance", error=str(exc))

    # -- waiting on dependencies ----------------------------------------------------------------
    def _retry(self, action: str, call: Callable[[], T]) -> T:
        attempt = 0
        while True:
            try:
                return call()
            except RetryableError as exc:
                if isinstance(exc, ElasticsearchUnavailable):
                    ES_ERRORS.labels("unavailable").inc()
                log.warning("dependency_unavailable", action=action, error=str(exc), attempt=attempt)
                self._backoff(attempt)
                attempt += 1

    def _backoff(self, attempt: int) -> None:
        """Sleep with full jitter while the partitions are paused (polling keeps group membership)."""
        cfg = self.settings.indexer
        delay = random.uniform(0.5, 1.0) * min(cfg.retry_backoff_max_s, cfg.retry_backoff_base_s * 2**attempt)
        if not self.consumer.subscription():  # not consuming yet (preparing indices at start)
            if self.stop_event.wait(delay):
                raise StopRequested()
            return
        paused = set(self.consumer.assignment())
        self.consumer.pause(*paused)
        deadline = time.monotonic() + delay
        try:
            while time.monotonic() < deadline:
                if self.stop_event.is_set():
                    raise StopRequested()
                polled = self.consumer.poll(timeout_ms=100)
                for tp, records in polled.items():  # newly assigned partitions: read them again later
                    self.consumer.seek(tp, records[0].offset)
                    self.consumer.pause(tp)
                    paused.add(tp)
        finally:
            self.consumer.resume(*(paused & set(self.consumer.assignment())))

    def _label(self, topic: str) -> str:
        return topic_label(topic, self.settings.namespace)

"""The indexer loop: articles.enriched, talks, alerts and desk.feeds -> Elasticsearch, committing only what ES acknowledged.

A pipeline two batches deep: while one batch's bulk request is in flight (on a worker thread,
Elasticsearch doing the indexing), the next batch is polled and decoded (up to batch_size /
batch_bytes / flush_interval; poison -> dead-letter; a tombstone deletes its key's document).
Then the batch in flight is finished: what Elasticsearch could not take yet is retried
(backing off with jitter while the partitions are paused, so nothing is dropped and the group
membership is kept), what it refused for good is dead-lettered, and last offset + 1 per
partition is committed. Only then is the next batch sent, so at most one bulk request is in
flight and a document's writes reach Elasticsearch in offset order.

A rebalance never costs work: the batch in flight is finished and committed (for the partitions
still assigned; a partition that moved is redone by its new owner, writes being idempotent),
and the polled but unsent records of a revoked partition are dropped uncommitted (and read again
if the partition stays here).

The running service writes through the aliases; a reindex runs the same loop with its own
consumer group, only the topic of one kind, and the new versioned index as target.
"""

from __future__ import annotations

import functools
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from elasticsearch import Elasticsearch
from kafka import KafkaConsumer, KafkaProducer
from kafka.consumer.fetcher import ConsumerRecord
from kafka.consumer.subscription_state import ConsumerRebalanceListener
from kafka.errors import CommitFailedError
from kafka.structs import OffsetAndMetadata, TopicPartition

from parley.services.indexer.bulk import (
    DONE,
    Pending,
    Source,
    build_pending,
    build_tombstone,
    classify,
    encoded_bulk_body,
    latest_per_document,
)
from parley.services.indexer.index_admin import ensure_indices
from parley.services.indexer.settings import IndexerSettings
from parley.shared.deadletter import dead_letter
from parley.shared.elasticsearch import es_errors, make_client, reachable
from parley.shared.errors import ElasticsearchUnavailable, KafkaUnavailable, PoisonMessage, RetryableError
from parley.shared.events import (
    AlertRedeliveryRequested,
    ArticleDeleted,
    ArticleEnriched,
    Event,
    FeedCreated,
    FeedRevoked,
    TalksAnnounced,
    TalksCorroborated,
    TalksRecorded,
    TalksUpdated,
)
from parley.shared.events.fast_decoding import EventDecoder
from parley.shared.kafka import BrokerProbe, kafka_errors, make_consumer, make_producer
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
from parley.shared.topics import INDEX_KINDS, Names

SERVICE = "indexer"
log = get_logger(__name__)
T = TypeVar("T")
Dead = tuple[Source, str, str]  # message, dead-letter reason, error
# While a bulk request is in flight, polls are short so its answer is noticed soon.
IN_FLIGHT_POLL_MS = 20
IDLE_POLL_MS = 200


class StopRequested(Exception):
    """Stop was asked for while waiting on a dependency: leave the batch uncommitted."""


class _Joined(ConsumerRebalanceListener):
    """Notes the first assignment, and the partitions revoked since the loop last looked.

    kafka-python calls this from its network thread, where no blocking consumer call is allowed;
    the loop acts on the revocation itself.
    """

    def __init__(self) -> None:
        self.joined = False
        self._revoked: set[TopicPartition] = set()
        self._lock = threading.Lock()

    def on_partitions_revoked(self, revoked: Any) -> None:
        with self._lock:
            self._revoked.update(revoked)

    def on_partitions_assigned(self, assigned: Any) -> None:
        self.joined = True

    def take_revoked(self) -> set[TopicPartition]:
        with self._lock:
            revoked, self._revoked = self._revoked, set()
        return revoked


@dataclass
class _Share:
    """One partition's part of a batch: its offsets, and its decoded and unusable messages."""

    first: int
    next: int  # the offset to commit: highest + 1
    records: int = 0
    pendings: list[Pending] = field(default_factory=list)
    dead: list[Dead] = field(default_factory=list)


@dataclass
class _Batch:
    """Polled messages, decoded as they arrive, kept per partition so a revoked one can be dropped."""

    shares: dict[TopicPartition, _Share] = field(default_factory=dict)
    count: int = 0
    size: int = 0

    def pendings(self) -> list[Pending]:
        return [pending for share in self.shares.values() for pending in share.pendings]

    def dead(self) -> list[Dead]:
        return [entry for share in self.shares.values() for entry in share.dead]

    def drop(self, tp: TopicPartition) -> _Share | None:
        share = self.shares.pop(tp, None)
        if share is not None:
            self.count -= share.records
        return share


@dataclass(frozen=True)
class _InFlight:
    """A batch whose first bulk request has been sent (`reply`, from the worker thread)."""

    batch: _Batch
    send: list[Pending]
    reply: Future[list[dict[str, Any]]]


class Indexer:
    def __init__(
        self,
        settings: IndexerSettings,
        *,
        stop_event: threading.Event | None = None,
        es: Elasticsearch | None = None,
        consumer: KafkaConsumer | None = None,
        producer: KafkaProducer | None = None,
        kinds: tuple[str, ...] = INDEX_KINDS,
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
        events: dict[str, tuple[type[Event], ...]] = {
            "articles": (ArticleEnriched, ArticleDeleted),
            "talks": (TalksRecorded,),
            # Redelivery requests share the alerts topic and make no document.
            "alerts": (TalksAnnounced, TalksUpdated, TalksCorroborated, AlertRedeliveryRequested),
            "feeds": (FeedCreated, FeedRevoked),
        }
        everything = {self.names.index_topic(kind): (kind, classes) for kind, classes in events.items()}
        self.kind_of = {topic: kind for topic, (kind, _) in everything.items() if kind in kinds}
        self.expected = {topic: classes for topic, (kind, classes) in everything.items() if kind in kinds}
        self.decoders = {topic: EventDecoder(classes) for topic, classes in self.expected.items()}
        self._listener = _Joined()
        self._bulk_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"{SERVICE}-bulk")
        self._in_flight: _InFlight | None = None
        self._broker_probe = BrokerProbe(settings.kafka)

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
            self._bulk_worker.shutdown(wait=True)  # a request in flight ends before its client closes
            self.consumer.close(autocommit=False)
            self._broker_probe.close()
            self.es.close()

    def run(self) -> None:
        """Start, loop until stop, close: a stop lets the polled batches finish and commit."""
        try:
            self.start()
            while not self.stop_event.is_set():
                self.run_once()
            self.drain()
        except StopRequested:
            log.info("stopped_while_waiting", detail="the current batch stays uncommitted")
        finally:
            self.close()
        log.info("indexer_stopped")

    def readiness(self) -> dict[str, bool]:
        return {
            "kafka": self._broker_probe(),
            "group_joined": self._listener.joined,
            "elasticsearch": reachable(self.es),
        }

    # -- the pipeline -----------------------------------------------------------------------
    def run_once(self) -> int:
        """Poll and decode the next batch, finish the one in flight, send the next one.

        Returns the number of messages finished and committed by this call (those of the batch
        that was in flight); `drain()` finishes the last batch sent.
        """
        batch = self._poll_batch()
        handled = self.drain()
        self._drop_revoked(batch)  # a rebalance may have happened while finishing
        if batch.shares:
            self._send(batch)
        return handled

    def drain(self) -> int:
        """Finish the batch in flight (retries, dead letters, commit); return its message count."""
        flight, self._in_flight = self._in_flight, None
        if flight is None:
            return 0
        dead = flight.batch.dead() + self._index(flight.send, flight.reply)
        if dead:
            self._handle_dead(dead)
        self._retry("committing offsets", lambda: self._commit(flight.batch))
        return flight.batch.count

    def _poll_batch(self) -> _Batch:
        """Poll and decode until the batch is full or the flush interval is over.

        With a bulk request in flight the batch is cut short once that request is answered and
        nothing more is waiting in Kafka, so the answered batch is committed without delay.
        """
        cfg = self.settings.indexer
        batch = _Batch()
        deadline = time.monotonic() + cfg.flush_interval_s
        while not self.stop_event.is_set() and batch.count < cfg.batch_size and batch.size < cfg.batch_bytes:
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0:
                break
            flight = self._in_flight
            wait_ms = IN_FLIGHT_POLL_MS if flight is not None else IDLE_POLL_MS
            polled = self.consumer.poll(
                timeout_ms=min(remaining_ms, wait_ms), max_records=cfg.batch_size - batch.count
            )
            self._drop_revoked(batch)
            now = datetime.now(UTC)
            for tp, records in polled.items():
                self._decode(batch, tp, records, now)
            if not polled and flight is not None and flight.reply.done():
                break
        return batch

    def _decode(
        self, batch: _Batch, tp: TopicPartition, records: list[ConsumerRecord], now: datetime
    ) -> None:
        if not records:
            return
        share = batch.shares.get(tp)
        if share is None:
            share = batch.shares[tp] = _Share(first=records[0].offset, next=records[0].offset)
        MESSAGES_CONSUMED.labels(SERVICE, self._label(tp.topic)).inc(len(records))
        decoder = self.decoders[tp.topic]
        for record in records:
            source = Source(record.topic, record.partition, record.offset, record.key, record.value)
            share.first = min(share.first, source.offset)
            share.next = max(share.next, source.offset + 1)
            batch.size += len(source.value or b"") + len(source.key or b"")
            if source.value is None:  # a tombstone: forget the key's document
                self._tombstone(source, share.pendings)
                continue
            try:
                envelope = decoder.decode(source.value)
                pending = build_pending(envelope, source, self.names, now, self.targets)
                if pending is not None:
                    share.pendings.append(pending)
            except PoisonMessage as exc:
                share.dead.append((source, exc.reason, str(exc)))
            except Exception as exc:  # a bug on one message must not stop the others
                log.exception("document_failed", topic=source.topic, offset=source.offset)
                share.dead.append((source, "processing_error", f"{type(exc).__name__}: {exc}"))
        share.records += len(records)
        batch.count += len(records)

    def _drop_revoked(self, batch: _Batch) -> None:
        """Forget the unsent messages of revoked partitions; one still assigned is read again."""
        revoked = self._listener.take_revoked()
        if not revoked:
            return
        assigned = self.consumer.assignment()
        for tp in revoked:
            share = batch.drop(tp)
            if share is None:
                continue
            log.info("revoked_messages_dropped", topic=tp.topic, partition=tp.partition, count=share.records)
            if tp in assigned:  # assigned again already: its position may be past what was dropped
                self.consumer.seek(tp, share.first)

    def _send(self, batch: _Batch) -> None:
        send, superseded = latest_per_document(batch.pendings())
        for kind, count in Counter(pending.kind for pending in superseded).items():
            DOCUMENTS_INDEXED.labels(kind, "superseded").inc(count)
        reply: Future[list[dict[str, Any]]]
        if send:
            reply = self._bulk_worker.submit(self._bulk, send)
        else:  # only dead letters
            reply = Future()
            reply.set_result([])
        self._in_flight = _InFlight(batch, send, reply)

    def _tombstone(self, source: Source, pendings: list[Pending]) -> None:
        pending = build_tombstone(self.kind_of[source.topic], source, self.names, self.targets)
        if pending is None:
            log.warning("tombstone_skipped", detail="no key", topic=source.topic, offset=source.offset)
        else:
            pendings.append(pending)

    def _index(self, pendings: list[Pending], reply: Future[list[dict[str, Any]]]) -> list[Dead]:
        """Read the bulk reply, re-send until every operation is done or refused; return the refused."""
        refused: list[Dead] = []
        attempt = 0
        first: Callable[[], list[dict[str, Any]]] | None = reply.result
        while pendings:
            items = self._retry("bulk indexing", functools.partial(self._bulk, pendings), first=first)
            first = None
            pendings = self._settle(pendings, items, refused)
            if pendings:
                log.warning("bulk_items_retrying", count=len(pendings), attempt=attempt)
                self._backoff(attempt)
                attempt += 1
        return refused

    def _settle(
        self, pendings: list[Pending], items: list[dict[str, Any]], refused: list[Dead]
    ) -> list[Pending]:
        """Count each item's outcome, add the refused ones to `refused`; return those to retry."""
        again: list[Pending] = []
        outcomes: Counter[tuple[str, str]] = Counter()
        now = datetime.now(UTC)
        for pending, item in zip(pendings, items, strict=True):
            result = classify(item)
            if result.outcome in DONE:
                outcomes[pending.kind, result.outcome] += 1
                if result.outcome == "indexed" and pending.ingested_at is not None:
                    latency = (now - pending.ingested_at).total_seconds()
                    STAGE_LATENCY_SECONDS.labels("indexed").observe(max(0.0, latency))
            elif result.outcome == "retry":
                ES_ERRORS.labels("blocked" if result.blocked else "item_retry").inc()
                again.append(pending)
            else:
                ES_ERRORS.labels("rejected").inc()
                outcomes[pending.kind, "rejected"] += 1
                refused.append(
                    (pending.source, "es_rejected", f"{pending.kind}/{pending.doc_id}: {result.error}")
                )
        for (kind, outcome), count in outcomes.items():
            DOCUMENTS_INDEXED.labels(kind, outcome).inc(count)
        return again

    def _bulk(self, pendings: list[Pending]) -> list[dict[str, Any]]:
        started = time.perf_counter()
        try:
            with es_errors("bulk request"):
                # The client forwards encoded lines as they are (its type hint knows only mappings).
                response = self.es.bulk(operations=cast(Any, encoded_bulk_body(pendings)))
        finally:
            ES_BULK_SECONDS.observe(time.perf_counter() - started)
        items: list[dict[str, Any]] = response["items"]
        return items

    def _handle_dead(self, dead: list[Dead]) -> None:
        if self.dead_letters:
            self._retry("dead-lettering", lambda: self._dead_letter(dead))
            return
        for source, reason, error in dead:
            log.warning(
                "message_skipped", reason=reason, error=error, topic=source.topic, offset=source.offset
            )

    def _dead_letter(self, dead: list[Dead]) -> None:
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

    def _commit(self, batch: _Batch) -> None:
        # A partition that moved to another member is left to it: it redoes the work (writes are
        # idempotent), and an older offset committed now could only move its progress back.
        assigned = self.consumer.assignment()
        offsets = {
            tp: OffsetAndMetadata(share.next, "", -1) for tp, share in batch.shares.items() if tp in assigned
        }
        if not offsets:
            return
        try:
            with kafka_errors("committing offsets"):
                self.consumer.commit(offsets)
        except KafkaUnavailable as exc:
            if not isinstance(exc.__cause__, CommitFailedError):
                raise
            # The partitions moved to another member, which redoes this work; writes are idempotent.
            log.warning("commit_failed_after_rebalance", error=str(exc))

    # -- waiting on dependencies ----------------------------------------------------------------
    def _retry(self, action: str, call: Callable[[], T], first: Callable[[], T] | None = None) -> T:
        """`call` until it succeeds, backing off while a dependency is unavailable.

        `first`, if given, stands in for the first call (the answer to a request already sent).
        """
        attempt = 0
        while True:
            try:
                return first() if first is not None and attempt == 0 else call()
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

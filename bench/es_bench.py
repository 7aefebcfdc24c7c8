"""Elasticsearch benchmarks: Parley's indexer against plain bulk indexing of the same documents.

Both sides work on the same `ArticleEnriched` events, built once from the generated articles by
running them through enrichment's own `enrich_article` (so they carry real entities and talks
records). The baseline sends exactly the documents the indexer would write
(`parley.services.indexer.documents.article_document`) with `elasticsearch.helpers.bulk` into a
new index made from Parley's template (`index_admin.ensure_indices`). The indexer side
pre-produces the encoded events into a new `<ns>.articles.enriched` topic, then runs Parley's
`Indexer.run_once()` in a loop in this process until every event is indexed and its offset
committed. Every namespace comes from the run's `Workspace`, which deletes it afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from elasticsearch import helpers

from bench.kafka_bench import Workspace, _warm
from parley.services.indexer.consumer import Indexer, _Joined
from parley.services.indexer.documents import article_document
from parley.services.indexer.index_admin import ensure_indices, has_english_analyzer
from parley.services.indexer.settings import IndexerSection, IndexerSettings
from parley.shared.elasticsearch import make_client
from parley.shared.events import ArticleEnriched, encode, wrap
from parley.shared.kafka import ensure_topics, make_producer
from parley.shared.settings import load_settings
from parley.shared.topics import ARTICLES_ENRICHED, DEADLETTER, TALKS, Names

INDEXER_TOPICS = (ARTICLES_ENRICHED, TALKS, DEADLETTER)
INDEX_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class EnrichedInput:
    """The events both sides index, and their encoded form for Kafka."""

    events: list[ArticleEnriched]
    keys: list[bytes]
    values: list[bytes]
    enrich_s: float


def enriched_events(articles: Sequence[dict[str, Any]]) -> EnrichedInput:
    """Run every article through ingest's event builder and enrichment (untimed preparation)."""
    from parley.services.enrichment.extract import StoryIndex
    from parley.services.enrichment.pipeline import enrich_article, story_text
    from parley.services.ingest.publisher import received_event
    from parley.shared.article_input import validate_article

    started = time.perf_counter()
    stories = StoryIndex()
    events: list[ArticleEnriched] = []
    for raw in articles:
        received = received_event(validate_article(raw), "api", datetime.now(UTC))
        event = enrich_article(received, datetime.now(UTC))
        story = stories.assign(event.article_id, story_text(event), event.published)
        events.append(event.model_copy(update={"story_id": story}))
    keys = [e.article_id.encode() for e in events]
    values = [encode(wrap(e, service="enrichment", id_parts=(e.article_id,))) for e in events]
    return EnrichedInput(events, keys, values, time.perf_counter() - started)


def raw_bulk(ws: Workspace, data: EnrichedInput, chunk_size: int | None = None) -> float:
    """`helpers.bulk` of the indexer's documents into a fresh templated index; docs/s.

    The clock covers building the documents from the events (as the indexer does per batch) and
    the bulk requests until the last one is answered; index creation is untimed.
    """
    ns = ws.namespace()
    client = make_client(ws.settings.es)
    size = chunk_size or IndexerSection().batch_size
    try:
        ensure_indices(client, ns, has_english_analyzer(client))
        alias = Names(ns).alias("articles")
        started = time.perf_counter()
        now = datetime.now(UTC)
        actions = (
            {"_index": alias, "_id": e.article_id, "_source": article_document(e, now)} for e in data.events
        )
        ok, errors = helpers.bulk(
            client, actions, chunk_size=size, max_chunk_bytes=IndexerSection().batch_bytes
        )
        elapsed = time.perf_counter() - started
        if ok != len(data.events) or errors:
            raise RuntimeError(f"bulk indexed {ok} of {len(data.events)}: {errors!r:.300}")
        client.indices.refresh(index=alias)
        count = int(client.count(index=alias)["count"])
        if count != len(data.events):
            raise RuntimeError(f"bulk: the index holds {count} of {len(data.events)} documents")
    finally:
        client.close()
    return len(data.events) / elapsed


class _TimedJoin(_Joined):
    """The indexer's own join listener, also noting when the partitions were first assigned."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def on_partitions_assigned(self, assigned: Any) -> None:
        if assigned and self.at is None:
            self.at = time.perf_counter()
        super().on_partitions_assigned(assigned)


def indexer_run(ws: Workspace, data: EnrichedInput) -> float:
    """Parley's indexer over the pre-produced events, `run_once()` in a loop in-process; docs/s.

    The clock starts when the new consumer group assigns the partitions (the group join waits
    for the broker's initial rebalance delay, which is not throughput) and stops when the batch
    holding the last event has been indexed and its offsets committed.
    """
    ns = ws.namespace()
    names = Names(ns)
    ensure_topics(ws.settings.kafka, ns, INDEXER_TOPICS)
    producer = make_producer(ws.settings.kafka, "bench-enriched-producer")
    try:
        _warm(producer, names.enriched)
        for key, value in zip(data.keys, data.values, strict=True):
            producer.send(names.enriched, key=key, value=value)
        producer.flush()
    finally:
        producer.close()
    ws.group(names.group("indexer"))
    settings = load_settings(IndexerSettings, namespace=ns)
    indexer = Indexer(settings)
    listener = _TimedJoin()
    indexer._listener = listener
    handled = 0
    deadline = time.monotonic() + INDEX_TIMEOUT_S
    try:
        indexer.start()  # templates and indices (untimed: done before the group joins)
        while handled < len(data.events):
            if time.monotonic() > deadline:
                raise RuntimeError(f"indexer handled {handled} of {len(data.events)} before timing out")
            handled += indexer.run_once()
        finished = time.perf_counter()
        alias = names.alias("articles")
        indexer.es.indices.refresh(index=alias)
        count = int(indexer.es.count(index=alias)["count"])
    finally:
        indexer.stop()
        indexer.close()
    if count != len(data.events):
        raise RuntimeError(f"indexer: the index holds {count} of {len(data.events)} documents")
    if listener.at is None:
        raise RuntimeError("the indexer's consumer was never assigned partitions")
    return len(data.events) / (finished - listener.at)

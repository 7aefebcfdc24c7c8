"""The enrichment faust app:

    articles.raw --enrich--> <app>-stories (faust-internal, one partition)
        --assign_story (table stories)--> articles.enriched

`enrich` runs on every replica, one per partition of articles.raw: it extracts, and cuts the
article into LSH band keys. Story ids need one view of every article seen, whichever replica
read it, so `assign_story` reads them all from one partition and keeps its story book in a
table whose changelog survives restarts (`story.py`). Takedowns take the same path, so they
stay in order with the articles. The agents stay thin; `settle` retries, dead-letters and
acknowledges (`shared.faust_agents`)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from functools import partial
from typing import Any

import faust

from parley.services.enrichment.pipeline import StoryRequest, enrich_article, story_request, with_story
from parley.services.enrichment.settings import EnrichmentSettings
from parley.services.enrichment.story import Signer, StoryBook
from parley.shared.events import ArticleDeleted, ArticleReceived, decode_event, encode, wrap
from parley.shared.faust_agents import DeadLetters, settle
from parley.shared.faust_app import flush_table_writes, internal_topic, make_app, raw_topic
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    MESSAGES_CONSUMED,
    MESSAGES_PRODUCED,
    PROCESSING_SECONDS,
    STAGE_LATENCY_SECONDS,
    TALKS_RECORDS,
)
from parley.shared.topics import (
    ARTICLES_ENRICHED,
    ARTICLES_RAW,
    COMPACTED,
    DEADLETTER,
    LARGE_MESSAGES,
    SERIAL_PARTITIONS,
)

SERVICE = "enrichment"
log = get_logger(__name__)


def create_app(settings: EnrichmentSettings) -> faust.App:
    ns = settings.namespace
    app = make_app(settings, SERVICE)
    source = raw_topic(app, ARTICLES_RAW, ns)
    enriched = raw_topic(app, ARTICLES_ENRICHED, ns)
    dead = DeadLetters(raw_topic(app, DEADLETTER, ns), SERVICE, ns)
    signer = Signer(threshold=settings.enrichment.story_threshold)
    # Requests carry whole articles, and one is never dropped before it is read: compacted by
    # article id (a later request for an article supersedes the earlier), as large as
    # articles.raw allows.
    requests = internal_topic(app, "stories", SERIAL_PARTITIONS, {**COMPACTED, **LARGE_MESSAGES})
    table = app.Table("stories", partitions=SERIAL_PARTITIONS)
    book = StoryBook(table, capacity=settings.enrichment.story_capacity)

    @app.agent(source)
    async def enrich(stream: Any) -> None:
        events = stream.noack()
        async for event in events.events():
            MESSAGES_CONSUMED.labels(SERVICE, "articles.raw").inc()
            await settle(events, event, partial(_enrich_one, event.value), dead, "articles.raw")

    async def _enrich_one(value: bytes) -> None:
        started = time.perf_counter()
        envelope = decode_event(value, expected=(ArticleReceived, ArticleDeleted))
        received = envelope.data
        if isinstance(received, ArticleDeleted):  # a takedown: passed on for indexer and alerting
            request = StoryRequest(received.article_id, "", (), value, deleted=True)
            await (await requests.send(key=received.article_id.encode(), value=request.encode()))
            return
        assert isinstance(received, ArticleReceived)
        result = enrich_article(received, datetime.now(UTC))
        out = encode(
            wrap(result, service=SERVICE, id_parts=(received.article_id,), traceparent=envelope.traceparent)
        )
        # Wait for Kafka's acknowledgement so the source offset is committed only after it.
        await (
            await requests.send(
                key=result.article_id.encode(), value=story_request(result, out, signer).encode()
            )
        )
        PROCESSING_SECONDS.labels(SERVICE, "enrich").observe(time.perf_counter() - started)
        for record in result.talks:
            TALKS_RECORDS.labels(record.status).inc()
        log.info("article_enriched", article_id=result.article_id, talks=len(result.talks))

    @app.agent(requests)
    async def assign_story(stream: Any) -> None:
        events = stream.noack()
        async for event in events.events():
            await settle(events, event, partial(_assign_one, event.value), dead, "stories")

    async def _assign_one(value: bytes) -> None:
        request = StoryRequest.decode(value)
        key = request.article_id.encode()
        if request.deleted:
            book.forget(request.article_id)  # a takedown: no later copy joins its story through it
            await (await enriched.send(key=key, value=request.envelope))
            await flush_table_writes(app)
            MESSAGES_PRODUCED.labels(SERVICE, "articles.enriched").inc()
            log.info("article_deletion_forwarded", article_id=request.article_id)
            return
        out = with_story(request, book)
        await (await enriched.send(key=key, value=out))
        # The book's new entries must be in the changelog before the request counts as done:
        # lost on a crash, the next copy of the story would start a story of its own.
        await flush_table_writes(app)
        MESSAGES_PRODUCED.labels(SERVICE, "articles.enriched").inc()
        if request.ingested_at:
            waited = datetime.now(UTC) - datetime.fromisoformat(request.ingested_at)
            STAGE_LATENCY_SECONDS.labels("enriched").observe(max(0.0, waited.total_seconds()))
        log.info("story_assigned", article_id=request.article_id, story_id=book.story_of(request.article_id))

    return app

"""The enrichment faust app: articles.raw -> articles.enriched. The agent stays thin; `settle`
retries, dead-letters and acknowledges (`shared.faust_agents`)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from functools import partial
from typing import Any

import faust

from parley.services.enrichment.extract import StoryIndex
from parley.services.enrichment.pipeline import enrich_article
from parley.services.enrichment.settings import EnrichmentSettings
from parley.shared.events import ArticleDeleted, ArticleReceived, decode_event, encode, wrap
from parley.shared.faust_agents import DeadLetters, settle
from parley.shared.faust_app import make_app, raw_topic
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    MESSAGES_CONSUMED,
    MESSAGES_PRODUCED,
    PROCESSING_SECONDS,
    STAGE_LATENCY_SECONDS,
    TALKS_RECORDS,
)
from parley.shared.topics import ARTICLES_ENRICHED, ARTICLES_RAW, DEADLETTER

SERVICE = "enrichment"
log = get_logger(__name__)


def create_app(settings: EnrichmentSettings) -> faust.App:
    ns = settings.namespace
    app = make_app(settings, SERVICE)
    source = raw_topic(app, ARTICLES_RAW, ns)
    enriched = raw_topic(app, ARTICLES_ENRICHED, ns)
    dead = DeadLetters(raw_topic(app, DEADLETTER, ns), SERVICE, ns)
    stories = StoryIndex(threshold=settings.enrichment.story_threshold)

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
            await (await enriched.send(key=received.article_id.encode(), value=value))
            MESSAGES_PRODUCED.labels(SERVICE, "articles.enriched").inc()
            log.info("article_deletion_forwarded", article_id=received.article_id)
            return
        assert isinstance(received, ArticleReceived)
        result = enrich_article(received, stories, datetime.now(UTC))
        out = wrap(result, service=SERVICE, id_parts=(received.article_id,), traceparent=envelope.traceparent)
        # Wait for Kafka's acknowledgement so the source offset is committed only after it.
        await (await enriched.send(key=result.article_id.encode(), value=encode(out)))
        MESSAGES_PRODUCED.labels(SERVICE, "articles.enriched").inc()
        PROCESSING_SECONDS.labels(SERVICE, "enrich").observe(time.perf_counter() - started)
        STAGE_LATENCY_SECONDS.labels("enriched").observe(
            max(0.0, (datetime.now(UTC) - received.ingested_at).total_seconds())
        )
        for record in result.talks:
            TALKS_RECORDS.labels(record.status).inc()
        log.info("article_enriched", article_id=result.article_id, talks=len(result.talks))

    return app

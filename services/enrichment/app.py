"""The enrichment faust app: articles.raw -> articles.enriched. The agent stays thin."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import faust

from parley.services.enrichment.extract import StoryIndex
from parley.services.enrichment.pipeline import enrich_article
from parley.services.enrichment.settings import EnrichmentSettings
from parley.shared.errors import PoisonMessage
from parley.shared.events import ArticleDeleted, ArticleReceived, decode_event, encode, wrap
from parley.shared.faust_app import make_app, raw_topic, send_dead_letter
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    MESSAGES_CONSUMED,
    MESSAGES_FAILED,
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
    deadletter = raw_topic(app, DEADLETTER, ns)
    stories = StoryIndex(threshold=settings.enrichment.story_threshold)

    @app.agent(source)
    async def enrich(stream: Any) -> None:
        async for event in stream.events():
            MESSAGES_CONSUMED.labels(SERVICE, "articles.raw").inc()
            started = time.perf_counter()
            try:
                envelope = decode_event(event.value, expected=(ArticleReceived, ArticleDeleted))
                received = envelope.data
                if isinstance(received, ArticleDeleted):
                    deleted: ArticleDeleted | None = received
                else:
                    deleted = None
                    assert isinstance(received, ArticleReceived)
                    result = enrich_article(received, stories, datetime.now(UTC))
            except PoisonMessage as exc:
                await _dead_letter(deadletter, ns, exc.reason, str(exc), event)
                continue
            except Exception as exc:  # a bug on one article must not stop the stream
                log.exception("enrichment_failed", topic=event.message.topic, offset=event.message.offset)
                await _dead_letter(deadletter, ns, "processing_error", f"{type(exc).__name__}: {exc}", event)
                continue
            if deleted is not None:  # a takedown: passed on unchanged for the indexer and alerting
                await (await enriched.send(key=deleted.article_id.encode(), value=event.value))
                MESSAGES_PRODUCED.labels(SERVICE, "articles.enriched").inc()
                log.info("article_deletion_forwarded", article_id=deleted.article_id)
                continue
            assert isinstance(received, ArticleReceived)
            out = wrap(
                result, service=SERVICE, id_parts=(received.article_id,), traceparent=envelope.traceparent
            )
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


async def _dead_letter(topic: Any, ns: str, reason: str, error: str, event: Any) -> None:
    MESSAGES_FAILED.labels(SERVICE, "articles.raw", reason).inc()
    log.warning("message_deadlettered", reason=reason, error=error, offset=event.message.offset)
    await send_dead_letter(
        topic, service=SERVICE, namespace=ns, reason=reason, error=error, message=event.message
    )

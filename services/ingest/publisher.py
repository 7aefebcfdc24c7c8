"""Publish accepted articles as `parley.article.received.v1`, once per article id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from parley.services.ingest.seen import SeenSet
from parley.shared.article_input import ArticleInput
from parley.shared.events import ArticleReceived, encode, wrap
from parley.shared.events.articles import Channel
from parley.shared.kafka import kafka_errors
from parley.shared.metrics import ARTICLES_INGESTED, MESSAGES_PRODUCED

SERVICE = "ingest"
Outcome = Literal["created", "duplicate"]


def received_event(article: ArticleInput, channel: Channel, now: datetime) -> ArticleReceived:
    return ArticleReceived(
        article_id=article.article_id,
        url=article.url,
        canonical_url=article.canonical_url,
        title=article.title,
        published=article.published,
        text=article.body,
        content_type="text" if article.content_type == "text" else "html",
        source=article.source,
        language=article.language,
        tags=article.tags,
        channel=channel,
        ingested_at=now,
    )


@dataclass
class Publisher:
    """Sends to the raw topic keyed by article id; duplicates are dropped before Kafka."""

    producer: Any
    topic: str
    seen: SeenSet
    send_timeout_s: float = 30.0

    def publish(self, article: ArticleInput, channel: Channel) -> tuple[str, Outcome]:
        article_id = article.article_id
        if article_id in self.seen:
            ARTICLES_INGESTED.labels(channel, "duplicate").inc()
            return article_id, "duplicate"
        event = received_event(article, channel, datetime.now(UTC))
        envelope = wrap(event, service=SERVICE, id_parts=(article_id,))
        with kafka_errors("publishing article"):
            future = self.producer.send(self.topic, key=article_id.encode(), value=encode(envelope))
            future.get(timeout=self.send_timeout_s)  # acknowledged by all in-sync replicas
        self.seen.add(article_id)
        ARTICLES_INGESTED.labels(channel, "published").inc()
        MESSAGES_PRODUCED.labels(SERVICE, "articles.raw").inc()
        return article_id, "created"

    def publish_many(self, articles: list[ArticleInput], channel: Channel) -> list[tuple[str, Outcome]]:
        """Send a batch pipelined, then wait for every acknowledgement."""
        results: list[tuple[str, Outcome]] = []
        pending: list[tuple[str, Any]] = []
        batch_ids: set[str] = set()
        now = datetime.now(UTC)
        with kafka_errors("publishing articles"):
            for article in articles:
                article_id = article.article_id
                if article_id in batch_ids or article_id in self.seen:
                    ARTICLES_INGESTED.labels(channel, "duplicate").inc()
                    results.append((article_id, "duplicate"))
                    continue
                batch_ids.add(article_id)
                envelope = wrap(
                    received_event(article, channel, now), service=SERVICE, id_parts=(article_id,)
                )
                future = self.producer.send(self.topic, key=article_id.encode(), value=encode(envelope))
                pending.append((article_id, future))
                results.append((article_id, "created"))
            for article_id, future in pending:
                future.get(timeout=self.send_timeout_s)
                self.seen.add(article_id)
                ARTICLES_INGESTED.labels(channel, "published").inc()
                MESSAGES_PRODUCED.labels(SERVICE, "articles.raw").inc()
        return results

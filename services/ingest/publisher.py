"""Publish accepted articles as `parley.article.received.v1`, once per article id."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
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


def received_event(
    article: ArticleInput, channel: Channel, now: datetime, summary_only: bool = False
) -> ArticleReceived:
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
        summary_only=summary_only,
        ingested_at=now,
    )


@dataclass
class Publisher:
    """Sends to the raw topic keyed by article id; duplicates are dropped before Kafka.

    Safe to share between threads (the HTTP API, the feed poller): an id being published is
    claimed first, so two channels offering the same article at once publish it once.
    """

    producer: Any
    topic: str
    seen: SeenSet
    send_timeout_s: float = 30.0
    _claims: set[str] = field(default_factory=set, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _claim(self, article_id: str) -> bool:
        with self._lock:
            if article_id in self._claims or article_id in self.seen:
                return False
            self._claims.add(article_id)
            return True

    def _release(self, article_id: str) -> None:
        with self._lock:
            self._claims.discard(article_id)

    def publish(
        self, article: ArticleInput, channel: Channel, summary_only: bool = False
    ) -> tuple[str, Outcome]:
        return self.publish_many([article], channel, summary_only)[0]

    def publish_many(
        self, articles: list[ArticleInput], channel: Channel, summary_only: bool = False
    ) -> list[tuple[str, Outcome]]:
        """Send a batch pipelined, then wait for every acknowledgement (all in-sync replicas)."""
        results: list[tuple[str, Outcome]] = []
        pending: list[tuple[str, Any]] = []
        claimed: list[str] = []
        now = datetime.now(UTC)
        try:
            with kafka_errors("publishing articles"):
                for article in articles:
                    article_id = article.article_id
                    if not self._claim(article_id):
                        ARTICLES_INGESTED.labels(channel, "duplicate").inc()
                        results.append((article_id, "duplicate"))
                        continue
                    claimed.append(article_id)
                    event = received_event(article, channel, now, summary_only)
                    envelope = wrap(event, service=SERVICE, id_parts=(article_id,))
                    future = self.producer.send(self.topic, key=article_id.encode(), value=encode(envelope))
                    pending.append((article_id, future))
                    results.append((article_id, "created"))
                for article_id, future in pending:
                    future.get(timeout=self.send_timeout_s)
                    self.seen.add(article_id)
                    ARTICLES_INGESTED.labels(channel, "published").inc()
                    MESSAGES_PRODUCED.labels(SERVICE, "articles.raw").inc()
        finally:
            for article_id in claimed:
                self._release(article_id)
        return results

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

    def _claim_new(self, article_ids: list[str]) -> set[str]:
        """Claim the ids neither published (seen-set) nor in flight in another thread.

        Publishers record ids in the seen-set before releasing their claims, so under this lock an
        id is either claimed, or seen, or new: one batched look-up suffices.
        """
        with self._lock:
            known = self.seen.existing(article_ids)
            claimed: set[str] = set()
            for article_id in article_ids:
                if article_id not in self._claims and article_id not in known:
                    self._claims.add(article_id)
                    claimed.add(article_id)
            return claimed

    def _release(self, article_ids: set[str]) -> None:
        with self._lock:
            self._claims.difference_update(article_ids)

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
        claimed = self._claim_new([article.article_id for article in articles])
        unsent = set(claimed)
        now = datetime.now(UTC)
        try:
            with kafka_errors("publishing articles"):
                for article in articles:
                    article_id = article.article_id
                    if article_id not in unsent:  # published before, in flight elsewhere, or twice here
                        ARTICLES_INGESTED.labels(channel, "duplicate").inc()
                        results.append((article_id, "duplicate"))
                        continue
                    unsent.discard(article_id)
                    event = received_event(article, channel, now, summary_only)
                    envelope = wrap(event, service=SERVICE, id_parts=(article_id,))
                    future = self.producer.send(self.topic, key=article_id.encode(), value=encode(envelope))
                    pending.append((article_id, future))
                    results.append((article_id, "created"))
                for _, future in pending:
                    future.get(timeout=self.send_timeout_s)
                self.seen.add_many([article_id for article_id, _ in pending])
                ARTICLES_INGESTED.labels(channel, "published").inc(len(pending))
                MESSAGES_PRODUCED.labels(SERVICE, "articles.raw").inc(len(pending))
        finally:
            self._release(claimed)
        return results

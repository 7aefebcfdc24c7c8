"""Publish accepted articles as `parley.article.received.v1`, once per article id."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from parley.services.ingest.seen import SeenSet
from parley.shared.article_input import ArticleInput
from parley.shared.errors import MessageRejected
from parley.shared.events import ArticleReceived, encode, wrap
from parley.shared.events.articles import Channel
from parley.shared.kafka import MAX_REQUEST_BYTES, produce_errors
from parley.shared.metrics import ARTICLES_INGESTED, MESSAGES_PRODUCED

SERVICE = "ingest"
RECORD_OVERHEAD_BYTES = 1024  # a record's framing and headers, over its key and value
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
    # Builds a fresh producer: kafka-python's idempotent producer treats a broker's refusal of a
    # record (MessageSizeTooLarge) as fatal and then fails every later send the same way.
    renew_producer: Callable[[], Any] | None = None
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
        """Send a batch pipelined, then wait for every acknowledgement (all in-sync replicas).

        MessageRejected (with the article's index) when Kafka refuses one for good: found before
        anything is sent when it is over the producer's size cap; otherwise the other articles'
        acknowledgements are still recorded, so sending the batch again without it is harmless.
        """
        results: list[tuple[str, Outcome]] = []
        claimed = self._claim_new([article.article_id for article in articles])
        unsent = set(claimed)
        now = datetime.now(UTC)
        try:
            messages: list[tuple[int, str, bytes]] = []
            for index, article in enumerate(articles):
                article_id = article.article_id
                if article_id not in unsent:  # published before, in flight elsewhere, or twice here
                    ARTICLES_INGESTED.labels(channel, "duplicate").inc()
                    results.append((article_id, "duplicate"))
                    continue
                unsent.discard(article_id)
                event = received_event(article, channel, now, summary_only)
                envelope = wrap(event, service=SERVICE, id_parts=(article_id,))
                messages.append((index, article_id, encode(envelope)))
                results.append((article_id, "created"))
            self._check_sizes(messages)
            self._send(messages, channel)
        finally:
            self._release(claimed)
        return results

    def _check_sizes(self, messages: list[tuple[int, str, bytes]]) -> None:
        config = getattr(self.producer, "config", None) or {}
        limit = int(config.get("max_request_size", MAX_REQUEST_BYTES)) - RECORD_OVERHEAD_BYTES
        for index, article_id, value in messages:
            if len(article_id) + len(value) > limit:
                raise MessageRejected(
                    f"publishing an article: its event of {len(value)} bytes is over the Kafka message "
                    f"cap of {limit} bytes",
                    index,
                    too_large=True,
                )

    def _send(self, messages: list[tuple[int, str, bytes]], channel: Channel) -> None:
        pending: list[tuple[int, str, Any]] = []
        for index, article_id, value in messages:
            with produce_errors("publishing an article", index):
                future = self.producer.send(self.topic, key=article_id.encode(), value=value)
            pending.append((index, article_id, future))
        acked: list[str] = []
        refused: list[tuple[int, str, bytes, MessageRejected]] = []
        values = {index: value for index, _, value in messages}
        for index, article_id, future in pending:
            try:
                with produce_errors("publishing an article", index):
                    future.get(timeout=self.send_timeout_s)
                acked.append(article_id)
            except MessageRejected as exc:  # that article only; the others' acks still count
                refused.append((index, article_id, values[index], exc))
        try:
            if refused:
                # A refusal fails the whole produce batch of its partition and leaves the producer
                # unusable: on a fresh one, each refused article is tried alone, so only the
                # articles Kafka refuses themselves are rejected.
                self._renew()
                refused = self._alone(refused, acked) if self.renew_producer is not None else refused
        finally:  # Kafka unavailable meanwhile: what was acknowledged still counts
            self.seen.add_many(acked)
            ARTICLES_INGESTED.labels(channel, "published").inc(len(acked))
            MESSAGES_PRODUCED.labels(SERVICE, "articles.raw").inc(len(acked))
        if refused:
            first = refused[0][3]
            raise MessageRejected(str(first), first.index, first.too_large, frozenset(acked))

    def _alone(
        self, refused: list[tuple[int, str, bytes, MessageRejected]], acked: list[str]
    ) -> list[tuple[int, str, bytes, MessageRejected]]:
        still: list[tuple[int, str, bytes, MessageRejected]] = []
        for index, article_id, value, _ in refused:
            try:
                with produce_errors("publishing an article", index):
                    self.producer.send(self.topic, key=article_id.encode(), value=value).get(
                        timeout=self.send_timeout_s
                    )
                acked.append(article_id)
            except MessageRejected as again:
                still.append((index, article_id, value, again))
                self._renew()
        return still

    def _renew(self) -> None:
        if self.renew_producer is None:
            return
        old, self.producer = self.producer, self.renew_producer()
        with contextlib.suppress(Exception):  # a producer in a fatal state may not close cleanly
            old.close(timeout=5)

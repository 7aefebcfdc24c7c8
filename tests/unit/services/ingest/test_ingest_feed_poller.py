from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from parley.services.ingest.feed_config import FeedConfig
from parley.services.ingest.feed_state import StateStore
from parley.services.ingest.feeds import FeedPoller
from parley.services.ingest.fetch import FetchResult
from parley.services.ingest.settings import IngestSection
from parley.shared.article_input import ArticleInput
from parley.shared.errors import MessageRejected

FULL = "<p>" + "Envoys will meet in Geneva next week for talks. " * 20 + "</p>"
FEED = (
    '<rss version="2.0"><channel><title>Desk</title>'
    + "".join(
        f"<item><title>Talks {i}</title><guid>g{i}</guid><pubDate>Mon, 09 Feb 2026 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[{FULL}]]></description></item>"
        for i in range(3)
    )
    + "</channel></rss>"
).encode()


class OneFeed:
    """Serves the feed for any URL: the poller's logic is under test here, not the network."""

    user_agent = "test"

    async def get(self, url: str, target: str, **kwargs: Any) -> FetchResult:
        return FetchResult(url, 200, FEED, {"content-type": "application/rss+xml"})


def test_an_item_kafka_refuses_for_good_is_rejected_and_remembered(tmp_path: Path) -> None:
    published: list[str] = []

    def publish(article: ArticleInput, summary_only: bool) -> tuple[str, str]:
        if article.title == "Talks 1":
            raise MessageRejected("publishing an article: over the Kafka message cap", 0, too_large=True)
        published.append(article.title)
        return article.article_id, "created"

    state = StateStore.in_dir(tmp_path, "ns")
    poller = FeedPoller(IngestSection(fetch_articles=False), state, OneFeed(), publish)  # type: ignore[arg-type]
    feed = FeedConfig(name="desk", url="https://desk.example/rss")
    first = asyncio.run(poller.poll(feed))
    assert (first.status, first.rejected, published) == ("ok", 1, ["Talks 0", "Talks 2"])
    again = asyncio.run(poller.poll(feed))  # not retried for ever: the item was remembered
    assert (again.status, again.seen, again.rejected) == ("ok", 3, 0)

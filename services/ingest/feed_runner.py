"""Wiring for feed polling: in the background of `parley ingest run`, or once (`parley feeds poll-now`)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from parley.services.ingest.feed_config import FeedConfig, load_feeds
from parley.services.ingest.feed_state import StateStore
from parley.services.ingest.feeds import FeedPoller, PollReport, PublishFn
from parley.services.ingest.fetch import Fetcher
from parley.services.ingest.publisher import Outcome, Publisher
from parley.services.ingest.settings import IngestSettings
from parley.shared.article_input import ArticleInput
from parley.shared.errors import InputError
from parley.shared.logging import get_logger

log = get_logger(__name__)


class FeedsFile:
    """The feeds file, re-read when it changes; a bad edit keeps the last good list (and is logged)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._feeds: list[FeedConfig] = []

    def load(self) -> list[FeedConfig]:
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            stamp = (0, 0)
        if stamp != self._stamp:
            self._stamp = stamp
            try:
                self._feeds = load_feeds(self.path)
                log.info("feeds_loaded", path=str(self.path), feeds=len(self._feeds))
            except InputError as exc:
                log.error("feeds_file_invalid", path=str(self.path), reason=str(exc))
        return self._feeds


def _publish_fn(publisher: Publisher) -> PublishFn:
    def publish(article: ArticleInput, summary_only: bool) -> tuple[str, Outcome]:
        return publisher.publish(article, "feed", summary_only=summary_only)

    return publish


def state_store(settings: IngestSettings) -> StateStore:
    cfg = settings.ingest
    return StateStore.in_dir(cfg.state_dir, settings.namespace, cfg.feed_items_kept)


async def poll_once(
    settings: IngestSettings, publisher: Publisher, feeds: list[FeedConfig]
) -> list[PollReport]:
    """Poll the given feeds now, whatever their schedule."""
    state = state_store(settings)
    fetcher = Fetcher(settings.ingest)
    try:
        poller = FeedPoller(settings.ingest, state, fetcher, _publish_fn(publisher))
        return await poller.poll_all(feeds)
    finally:
        await fetcher.aclose()
        state.close()


def start_polling(settings: IngestSettings, publisher: Publisher, path: Path) -> threading.Event:
    """Poll the feeds of `path` on their schedules in a background thread; set the event to stop."""
    stop = threading.Event()
    feeds_file = FeedsFile(path)

    async def main() -> None:
        state = state_store(settings)
        fetcher = Fetcher(settings.ingest)
        try:
            await FeedPoller(settings.ingest, state, fetcher, _publish_fn(publisher)).run(
                feeds_file.load, stop
            )
        finally:
            await fetcher.aclose()
            state.close()

    threading.Thread(target=lambda: asyncio.run(main()), name="feed-poller", daemon=True).start()
    log.info("feed_polling_started", path=str(path))
    return stop

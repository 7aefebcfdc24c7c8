"""Feed polling: conditional GET, parse, complete each new item's text, publish, remember.

Per feed: a 304 publishes nothing; a 200 is parsed and each item not seen before (by its
id/guid, kept in the state store) becomes an article. An item with only a summary and a link
gets the linked page's main text (robots.txt respected); when that fails the summary is
published, marked `summary_only`. Validators (ETag / Last-Modified) are saved only after every
new item was handled, so an interrupted poll is repeated rather than lost. Errors back off per
feed (doubling the interval, up to `max_backoff_s`, or the server's Retry-After); one feed's
trouble never stops the others.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from parley.services.ingest.feed_config import FeedConfig
from parley.services.ingest.feed_parse import FeedEntry, FeedParseError, ParsedFeed, parse_feed, plain_text
from parley.services.ingest.feed_state import StateStore
from parley.services.ingest.fetch import Fetcher, FetchError
from parley.services.ingest.pages import PageError, PageFetcher
from parley.services.ingest.publisher import Outcome
from parley.services.ingest.settings import IngestSection
from parley.shared.article_input import ArticleInput, validate_article
from parley.shared.errors import InputError, MessageRejected, RetryableError
from parley.shared.logging import get_logger
from parley.shared.metrics import FEED_ERRORS, FEED_ITEMS, FEED_POLLS
from parley.shared.urls import redact_urls

log = get_logger(__name__)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
MIN_FULL_TEXT_CHARS = 500  # feed content at least this long is taken as the article's text

PublishFn = Callable[[ArticleInput, bool], tuple[str, Outcome]]


@dataclass
class PollReport:
    feed: str
    status: str = "ok"  # ok, not_modified, error
    published: list[str] = field(default_factory=list)
    duplicates: int = 0
    rejected: int = 0
    seen: int = 0
    error: str | None = None


class FeedPoller:
    def __init__(
        self,
        cfg: IngestSection,
        state: StateStore,
        fetcher: Fetcher,
        publish: PublishFn,
        pages: PageFetcher | None = None,
    ) -> None:
        self._cfg = cfg
        self._state = state
        self._fetcher = fetcher
        self._publish = publish
        self._pages = (
            pages if pages is not None or not cfg.fetch_articles else PageFetcher(fetcher, cfg.max_page_bytes)
        )

    async def poll(self, feed: FeedConfig) -> PollReport:
        report = PollReport(feed.name)
        record = self._state.feed(feed.url)
        try:
            result = await self._fetcher.get(
                feed.url,
                "feed",
                max_bytes=self._cfg.max_feed_bytes,
                accept=FEED_ACCEPT,
                etag=record.etag,
                last_modified=record.last_modified,
            )
            if result.status == 304:
                FEED_POLLS.labels(feed.name, "not_modified").inc()
                self._state.feed_not_modified(feed.url, time.time() + feed.interval_s)
                report.status = "not_modified"
                log.info("feed_not_modified", feed=feed.name)
                return report
            now = datetime.now(UTC)
            parsed = await asyncio.to_thread(
                parse_feed, result.body, result.headers.get("content-type"), result.url, now
            )
            if parsed.problem:
                FEED_ERRORS.labels(feed.name, "malformed").inc()
                log.warning(
                    "feed_malformed",
                    feed=feed.name,
                    reason=redact_urls(parsed.problem),
                    items=len(parsed.entries),
                )
            await self._handle_items(feed, parsed, now, report)
        except (FetchError, FeedParseError, RetryableError) as exc:
            kind = exc.kind if isinstance(exc, FetchError | FeedParseError) else "kafka"
            retry = exc.retry_after_s if isinstance(exc, FetchError) else None
            return self._failed(feed, record.failures + 1, kind, str(exc), retry, report)
        self._state.feed_succeeded(
            feed.url,
            result.headers.get("etag"),
            result.headers.get("last-modified"),
            time.time() + feed.interval_s,
        )
        self._state.prune_items(feed.url)
        FEED_POLLS.labels(feed.name, "ok").inc()
        log.info(
            "feed_polled",
            feed=feed.name,
            published=len(report.published),
            duplicates=report.duplicates,
            rejected=report.rejected,
            seen=report.seen,
        )
        return report

    def _failed(
        self,
        feed: FeedConfig,
        failures: int,
        kind: str,
        reason: str,
        retry_after_s: float | None,
        report: PollReport,
    ) -> PollReport:
        reason = redact_urls(reason)
        delay = min(feed.interval_s * 2 ** min(failures, 20), self._cfg.max_backoff_s)
        if retry_after_s is not None:
            delay = min(max(delay, retry_after_s), self._cfg.max_backoff_s)
        self._state.feed_failed(feed.url, f"{kind}: {reason}", failures, time.time() + delay)
        FEED_POLLS.labels(feed.name, "error").inc()
        FEED_ERRORS.labels(feed.name, kind).inc()
        log.warning(
            "feed_poll_failed",
            feed=feed.name,
            kind=kind,
            reason=reason,
            failures=failures,
            retry_in_s=round(delay),
        )
        report.status, report.error = "error", f"{kind}: {reason}"
        return report

    async def _handle_items(
        self, feed: FeedConfig, parsed: ParsedFeed, now: datetime, report: PollReport
    ) -> None:
        known = self._state.known_items(feed.url, [e.key for e in parsed.entries])
        fresh: list[FeedEntry] = []
        for entry in parsed.entries:
            if entry.key in known:
                report.seen += 1
                FEED_ITEMS.labels(feed.name, "seen").inc()
            elif entry.key not in {e.key for e in fresh}:
                fresh.append(entry)
        completed = await asyncio.gather(*(self._article(feed, parsed, e, now) for e in fresh))
        for entry, (article, summary_only, problem) in zip(fresh, completed, strict=True):
            if article is None:
                kind, reason = problem or ("invalid_item", "")
                report.rejected += 1
                FEED_ITEMS.labels(feed.name, "rejected").inc()
                FEED_ERRORS.labels(feed.name, kind).inc()
                log.warning("feed_item_rejected", feed=feed.name, item=redact_urls(entry.key), kind=kind,
                            reason=redact_urls(reason))  # fmt: skip
            else:
                try:
                    article_id, outcome = await asyncio.to_thread(self._publish, article, summary_only)
                except MessageRejected as exc:  # for good: remember the item rather than retry it
                    report.rejected += 1
                    FEED_ITEMS.labels(feed.name, "rejected").inc()
                    FEED_ERRORS.labels(feed.name, "invalid_item").inc()
                    log.warning("feed_item_rejected", feed=feed.name, item=redact_urls(entry.key),
                                kind="invalid_item", reason=redact_urls(str(exc)[:300]))  # fmt: skip
                    self._state.add_item(feed.url, entry.key)
                    continue
                if outcome == "duplicate":
                    report.duplicates += 1
                    FEED_ITEMS.labels(feed.name, "duplicate").inc()
                else:
                    report.published.append(article_id)
                    FEED_ITEMS.labels(feed.name, "summary_only" if summary_only else "published").inc()
            self._state.add_item(feed.url, entry.key)

    async def _article(
        self, feed: FeedConfig, parsed: ParsedFeed, entry: FeedEntry, now: datetime
    ) -> tuple[ArticleInput | None, bool, tuple[str, str] | None]:
        """The article for an entry (and whether it is a summary only), or None, a kind and a reason."""
        if entry.title is None:
            return None, False, ("missing_title", "the item has no title")
        if entry.date_problem:
            FEED_ERRORS.labels(feed.name, entry.date_problem).inc()
            log.info("feed_item_date_defaulted", feed=feed.name, item=redact_urls(entry.key),
                     reason=entry.date_problem)  # fmt: skip
        doc: dict[str, object] = {
            "url": entry.link,
            "title": entry.title[:1000],
            "published": (entry.published or now).isoformat(),
            "source": (parsed.title or feed.name)[:200],
            "language": (parsed.language or None),
            "tags": list(feed.tags),
        }
        summary_only = False
        if entry.content_html and len(plain_text(entry.content_html)) >= MIN_FULL_TEXT_CHARS:
            doc["html"] = entry.content_html
        else:
            text = await self._page_text(feed, entry)
            if text is not None:
                doc["text"] = text
            elif entry.content_html or entry.summary_html:
                doc["html"], summary_only = entry.content_html or entry.summary_html, True
            else:
                return None, False, ("no_text", "no summary, content or readable linked page")
        if isinstance(doc.get("language"), str) and len(str(doc["language"])) > 16:
            doc["language"] = None
        try:
            return validate_article(doc), summary_only, None
        except InputError as exc:
            return None, False, ("invalid_item", str(exc)[:300])

    async def _page_text(self, feed: FeedConfig, entry: FeedEntry) -> str | None:
        if self._pages is None or entry.link is None:
            return None
        try:
            return await self._pages.article_text(entry.link)
        except PageError as exc:
            log.info("article_page_not_used", feed=feed.name, item=redact_urls(entry.key), kind=exc.kind,
                     reason=str(exc))  # fmt: skip
            return None

    async def poll_due(self, feeds: list[FeedConfig]) -> list[PollReport]:
        now = time.time()
        due = [f for f in feeds if self._state.feed(f.url).next_poll_at <= now]
        return list(await asyncio.gather(*(self.poll(f) for f in due)))

    async def poll_all(self, feeds: list[FeedConfig]) -> list[PollReport]:
        return list(await asyncio.gather(*(self.poll(f) for f in feeds)))

    async def run(
        self, load: Callable[[], list[FeedConfig]], stop: threading.Event, tick_s: float = 1.0
    ) -> None:
        """Poll due feeds until `stop` is set; `load` is called each round (the file may change).

        Each feed's poll is a task of its own, so a slow feed never delays the others.
        """
        running: dict[str, asyncio.Task[PollReport]] = {}
        while not stop.is_set():
            now = time.time()
            for feed in load():
                task = running.get(feed.url)
                if (task is None or task.done()) and self._state.feed(feed.url).next_poll_at <= now:
                    running[feed.url] = asyncio.create_task(self._poll_logged(feed))
            await asyncio.sleep(tick_s)
        for task in running.values():
            task.cancel()

    async def _poll_logged(self, feed: FeedConfig) -> PollReport:
        try:
            return await self.poll(feed)
        except Exception as exc:  # a bug in one feed's handling must not end the polling of all
            log.exception("feed_poll_crashed", feed=feed.name, error=redact_urls(str(exc)[:300]))
            return self._failed(
                feed,
                self._state.feed(feed.url).failures + 1,
                "internal",
                str(exc),
                None,
                PollReport(feed.name),
            )

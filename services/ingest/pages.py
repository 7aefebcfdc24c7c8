"""Fetch a linked article page and extract its main text (robots.txt respected for our agent).

Extraction is trafilatura's, run on the bytes fetched here; it never downloads anything itself.
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from parley.services.ingest.fetch import Fetcher, FetchError
from parley.shared.article_input import MAX_ARTICLE_BYTES
from parley.shared.metrics import FETCH_ERRORS
from parley.shared.urls import redact_urls

ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_TTL_S = 3600.0
ROBOTS_RETRY_S = 600.0  # after a failed robots.txt fetch: disallow for this long, then try again
MIN_TEXT_CHARS = 200


class PageError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(redact_urls(message))  # it is logged: no URL credentials
        self.kind = kind


class RobotsCache:
    """robots.txt per origin: 2xx is obeyed, 401/403 or an unreachable file disallow, other 4xx allow."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._cache: dict[str, tuple[float, RobotFileParser]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self._locks.setdefault(origin, asyncio.Lock()):
            cached = self._cache.get(origin)
            if cached is None or cached[0] < time.monotonic():
                cached = await self._load(origin)
                self._cache[origin] = cached
        return cached[1].can_fetch(self._fetcher.user_agent, url)

    async def _load(self, origin: str) -> tuple[float, RobotFileParser]:
        parser = RobotFileParser(origin + "/robots.txt")
        ttl = ROBOTS_TTL_S
        try:
            result = await self._fetcher.get(
                origin + "/robots.txt", "robots", max_bytes=ROBOTS_MAX_BYTES, accept="text/plain"
            )
            parser.parse(result.body.decode("utf-8", errors="replace").splitlines())
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status not in (401, 403):
                parser.parse([])  # no robots.txt: everything allowed
            else:
                parser.parse(["User-agent: *", "Disallow: /"])
                ttl = ROBOTS_TTL_S if exc.status in (401, 403) else ROBOTS_RETRY_S
        return time.monotonic() + ttl, parser


class PageFetcher:
    def __init__(self, fetcher: Fetcher, max_bytes: int) -> None:
        self._fetcher = fetcher
        self._robots = RobotsCache(fetcher)
        self._max_bytes = max_bytes

    async def article_text(self, url: str) -> str:
        """The page's main text, or PageError with the reason (kind is a metrics label)."""
        if not await self._robots.allowed(url):
            FETCH_ERRORS.labels("page", "robots_disallowed").inc()
            raise PageError("robots_disallowed", f"robots.txt disallows {url[:200]}")
        try:
            result = await self._fetcher.get(
                url,
                "page",
                max_bytes=self._max_bytes,
                accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            )
        except FetchError as exc:
            raise PageError(exc.kind, str(exc)) from None
        if result.content_type not in ("text/html", "application/xhtml+xml", ""):
            FETCH_ERRORS.labels("page", "not_html").inc()
            raise PageError("not_html", f"page is {result.content_type}, not HTML")
        text = await asyncio.to_thread(extract_text, result.body, result.url)
        if text is None or len(text) < MIN_TEXT_CHARS:
            FETCH_ERRORS.labels("page", "no_text").inc()
            raise PageError("no_text", "no article text found on the page")
        if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:  # never truncated: the summary is used instead
            FETCH_ERRORS.labels("page", "too_large").inc()
            raise PageError("too_large", f"page text over the article cap of {MAX_ARTICLE_BYTES} bytes")
        return text


def extract_text(html: bytes, url: str) -> str | None:
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, deduplicate=False)
    return None if text is None else str(text).strip()

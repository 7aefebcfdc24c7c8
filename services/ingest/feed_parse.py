"""Feed bytes to entries: RSS 0.9x/1.0/2.0 and Atom through feedparser, after an XML safety check.

feedparser is handed bytes only (given a string that looks like a URL it would fetch it). Before
it sees them, a feed that declares entities or a DTD subset (billion laughs, external entities)
is refused whole, whether or not it parses (`xml_safety.py`).
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from parley.services.ingest.xml_safety import UnsafeXml, check_xml_safety
from parley.shared.article_input import MAX_FUTURE

_TAG = re.compile(r"<[^>]+>")
# What a browser could read as markup once entities are decoded: `<` then a letter, `/`, `!` or
# `?`, up to the next `>`. `[^>]*` spans inner `<`s, so one pass leaves no such pair behind.
_MARKUP = re.compile(r"<[A-Za-z/!?][^>]*>")
_SPACE = re.compile(r"\s+")


class FeedParseError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class FeedEntry:
    key: str  # stable per item: its id/guid, else its link, else a hash of its text
    title: str | None
    link: str | None
    published: datetime | None
    date_problem: str | None  # "missing_date", "invalid_date" or "future_date" when `published` is None
    content_html: str | None
    summary_html: str | None


@dataclass(frozen=True)
class ParsedFeed:
    version: str
    title: str | None
    language: str | None
    entries: list[FeedEntry]
    problem: str | None = None  # what was wrong with a feed whose entries could still be read


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment (titles): tags dropped, entities decoded once, and any markup the
    decoding spelt (`&lt;img onerror=…&gt;`) dropped too, so stored text never carries markup.
    A lone `<` or `>` (`a < b`, `<3`) stays."""
    text = html.unescape(_TAG.sub(" ", fragment))
    return _SPACE.sub(" ", _MARKUP.sub(" ", text)).strip()


def parse_feed(data: bytes, content_type: str | None, base_url: str, now: datetime) -> ParsedFeed:
    # The same headers for the safety check and for feedparser, so both decode the same text.
    headers = {"content-location": base_url, **({"content-type": content_type} if content_type else {})}
    try:
        check_xml_safety(data, headers)
    except UnsafeXml as exc:
        raise FeedParseError("unsafe_xml", str(exc)) from None
    parsed: Any = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    problem = str(parsed.get("bozo_exception"))[:300] if parsed.get("bozo") else None
    if not parsed.get("version") and not parsed.entries:
        raise FeedParseError("not_a_feed", f"not an RSS or Atom feed ({problem or 'no items'})")
    if problem and not parsed.entries:
        raise FeedParseError("malformed", f"malformed feed, no item could be read: {problem}")
    feed = parsed.get("feed", {})
    entries = [_entry(raw, now) for raw in parsed.entries]
    title = plain_text(feed.get("title", "")) or None
    return ParsedFeed(parsed.get("version") or "unknown", title, feed.get("language"), entries, problem)


def _entry(raw: Any, now: datetime) -> FeedEntry:
    title = plain_text(raw.get("title", "")) or None
    link = raw.get("link") or None
    if link and not re.match(r"^https?://", link, re.IGNORECASE):
        link = None
    contents = [c.get("value", "") for c in raw.get("content", []) if c.get("value")]
    content = max(contents, key=len) if contents else None
    summary = raw.get("summary") or None
    if summary and content and plain_text(summary) == plain_text(content):
        summary = content
    published, problem = _published(raw, now)
    key = raw.get("id") or link
    if not key:
        digest = hashlib.blake2b(f"{title}\x1f{summary}".encode(), digest_size=16).hexdigest()
        key = f"hash:{digest}"
    return FeedEntry(str(key)[:2000], title, link, published, problem, content, summary)


def _published(raw: Any, now: datetime) -> tuple[datetime | None, str | None]:
    for field in ("published", "updated", "created"):
        parsed = raw.get(f"{field}_parsed")
        if parsed:
            try:
                when = datetime.fromtimestamp(timegm(parsed), UTC)
            except (OverflowError, ValueError, OSError):
                return None, "invalid_date"
            if when > now + MAX_FUTURE:
                return None, "future_date"
            return when, None
    if any(raw.get(field) for field in ("published", "updated", "created")):
        return None, "invalid_date"
    return None, "missing_date"

"""The article input schema, the same for every channel (file, JSON, feed, HTTP).

Fields: `url` (optional), `title`, `published` (a date, meaning that day at 00:00 UTC, or an
RFC 3339 datetime), `text` or `html`, `source` (outlet), `language`, `tags`.
Each article is capped at `MAX_ARTICLE_BYTES` of text (UTF-8) so one huge input can't stall
the pipeline; larger articles are rejected with a reason, never truncated silently.

The plain-text format: first line `date YYYY-MM-DD <lede>` (leading whitespace allowed), an
optional line `url <URL>`, then the body. The lede becomes the title.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from parley.shared.errors import InputError
from parley.shared.ids import article_id
from parley.shared.urls import canonical_url

MAX_ARTICLE_BYTES = 1_000_000
MAX_TITLE_CHARS = 1_000

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*\S))?\s*$")
_URL_LINE = re.compile(r"^\s*url\s+(\S+)\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ArticleInput(BaseModel):
    """One article as a user or a feed gives it to Parley."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)

    url: str | None = Field(default=None, max_length=4096)
    title: str = Field(min_length=1, max_length=MAX_TITLE_CHARS)
    published: datetime
    text: str | None = None
    html: str | None = None
    source: str | None = Field(default=None, max_length=200)
    language: str | None = Field(default=None, max_length=16)
    tags: tuple[str, ...] = Field(default=(), max_length=50)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not re.match(r"^https?://[^\s/]+", value, re.IGNORECASE):
            raise ValueError("must be an http(s) URL")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _date_means_midnight_utc(cls, value: Any) -> Any:
        if isinstance(value, date) and not isinstance(value, datetime):
            return datetime.combine(value, time(0), tzinfo=UTC)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return datetime.combine(date.fromisoformat(value.strip()), time(0), tzinfo=UTC)
        return value

    @field_validator("published")
    @classmethod
    def _aware_utc(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("a datetime needs a time zone offset (RFC 3339), or give a date alone")
        return value.astimezone(UTC)

    @field_validator("title", "text", "html", "source")
    @classmethod
    def _no_control_characters(cls, value: str | None) -> str | None:
        return None if value is None else _CONTROL.sub("", value)

    @model_validator(mode="after")
    def _has_body_within_cap(self) -> ArticleInput:
        body = self.text if self.text is not None else self.html
        if not body:
            raise ValueError("an article needs a non-empty `text` or `html`")
        size = len(body.encode("utf-8"))
        if size > MAX_ARTICLE_BYTES:
            raise ValueError(f"article body is {size} bytes, over the cap of {MAX_ARTICLE_BYTES}")
        return self

    @property
    def body(self) -> str:
        return self.text if self.text is not None else (self.html or "")

    @property
    def content_type(self) -> str:
        return "text" if self.text is not None else "html"

    @cached_property
    def canonical_url(self) -> str | None:
        return canonical_url(self.url) if self.url else None

    @cached_property
    def article_id(self) -> str:
        return article_id(self.canonical_url, self.title, self.body)


def validate_article(doc: object) -> ArticleInput:
    """Validate a decoded JSON object; InputError lists each bad field."""
    if not isinstance(doc, dict):
        raise InputError("an article must be a JSON object")
    try:
        return ArticleInput.model_validate(doc)
    except ValidationError as exc:
        raise InputError("; ".join(_describe(err) for err in exc.errors())) from None


def _describe(err: Any) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "article"
    return f"{where}: {err['msg']}"


def parse_text_article(raw: str) -> ArticleInput:
    """Parse the plain-text format (`date YYYY-MM-DD <lede>`, optional `url` line, body)."""
    if not raw.strip():
        raise InputError("empty article")
    lines = raw.splitlines()
    first = lines[0]
    match = _DATE_LINE.match(first)
    if not match:
        raise InputError("first line must be 'date YYYY-MM-DD <lede>'")
    day, lede = match.group(1), (match.group(2) or "").strip()
    try:
        published = date.fromisoformat(day)
    except ValueError:
        raise InputError(f"invalid date {day!r} on the first line") from None
    rest = lines[1:]
    url = None
    for i, line in enumerate(rest):
        if not line.strip():
            continue
        url_match = _URL_LINE.match(line)
        if url_match:
            url = url_match.group(1)
            rest = rest[:i] + rest[i + 1 :]
        break
    body = "\n".join(rest).strip()
    if not lede:
        raise InputError("the first line has no lede to use as the title")
    return validate_article({"title": lede, "published": published.isoformat(), "text": body, "url": url})

"""The article input schema, the same for every channel (file, JSON, feed, HTTP).

Fields: `url` (optional), `title`, `published` (a date, meaning that day at 00:00 UTC, or an
RFC 3339 datetime), `text` or `html`, `source` (outlet), `language`, `tags`.
Each article is capped at `MAX_ARTICLE_BYTES` of text (UTF-8) so one huge input can't stall
the pipeline; larger articles are rejected with a reason, never truncated silently. Tags are
capped in number and length, and the whole article as published in `MAX_EVENT_BYTES`, so a
valid article always fits one Kafka message and Elasticsearch's keyword limit.

Bad input always becomes an InputError with a reason, never another exception: JSON nested too
deeply or with a huge integer, a datetime that overflows when converted to UTC or lies more than
`MAX_FUTURE` ahead, a URL that can't be canonicalised. Control characters are stripped from
the title, the text and the source (they carry no meaning there), and refused in `url` and
`tags` (which identify and filter: a silent change would alter what they match).

The plain-text format: first line `date YYYY-MM-DD <lede>` (leading whitespace allowed), an
optional line `url <URL>`, then the body. The lede becomes the title.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from parley.shared.errors import InputError
from parley.shared.ids import article_id
from parley.shared.urls import canonical_url

MAX_ARTICLE_BYTES = 1_000_000
MAX_TITLE_CHARS = 1_000
MAX_TAGS = 50
MAX_TAG_CHARS = 100
# The published fields, JSON-encoded: half the 4 MiB Kafka message cap (shared/kafka.py), leaving
# the other half for the envelope and for what enrichment adds. Only a body that escaping nearly
# doubles (`"`, `\\`, newlines) comes near it.
MAX_EVENT_BYTES = 2_000_000
MAX_FUTURE = timedelta(days=2)  # clocks differ and some outlets post-date; years ahead is an error

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*\S))?\s*$")
_URL_LINE = re.compile(r"^\s*url\s+(\S+)\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]")
_CONTROL_ANY = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def load_json(text: str | bytes) -> object:
    """Decode JSON, or InputError("invalid JSON: …"): also for nesting deeper than Python's
    recursion limit and integers over its 4,300-digit conversion limit, which raise otherwise."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # an integer over the digit limit
        raise InputError(f"invalid JSON: {str(exc)[:120]}") from None


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
    tags: tuple[str, ...] = Field(default=(), max_length=MAX_TAGS)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if _CONTROL_OR_SPACE.search(value):
            raise ValueError("must not contain spaces or control characters")
        if not re.match(r"^https?://[^\s/]+", value, re.IGNORECASE):
            raise ValueError("must be an http(s) URL")
        try:  # the article id is made from it: a URL that can't be canonicalised fails here, not later
            canonical_url(value)
        except ValueError as exc:
            raise ValueError(f"not a valid URL ({str(exc)[:100]})") from None
        return value

    @field_validator("tags")
    @classmethod
    def _short_plain_tags(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for tag in value:
            if not tag:
                raise ValueError("a tag must not be empty")
            if len(tag) > MAX_TAG_CHARS:
                raise ValueError(f"a tag is {len(tag)} characters, over the cap of {MAX_TAG_CHARS}")
            if _CONTROL_ANY.search(tag):
                raise ValueError("a tag must not contain control characters")
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
    def _aware_utc_not_far_ahead(cls, value: datetime, info: ValidationInfo) -> datetime:
        if value.tzinfo is None:
            raise ValueError("a datetime needs a time zone offset (RFC 3339), or give a date alone")
        try:
            utc = value.astimezone(UTC)
        except OverflowError:  # 9999-12-31T23:00-05:00, 0001-01-01T00:30+01:00
            raise ValueError("out of range once converted to UTC") from None
        now = (info.context or {}).get("now") or datetime.now(UTC)
        if utc > now + MAX_FUTURE:
            raise ValueError(f"more than {MAX_FUTURE.days} days in the future")
        return utc

    # Before the length checks: a title of control characters alone used to pass `min_length`
    # and then be stored empty.
    @field_validator("title", "text", "html", "source", mode="before")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return _CONTROL.sub("", value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _has_body_within_cap(self) -> ArticleInput:
        body = self.text if self.text is not None else self.html
        if not body:
            raise ValueError("an article needs a non-empty `text` or `html`")
        size = len(body.encode("utf-8"))
        if size > MAX_ARTICLE_BYTES:
            raise ValueError(f"article body is {size} bytes, over the cap of {MAX_ARTICLE_BYTES}")
        published = (self.url, self.canonical_url, self.title, body, self.source, self.language, self.tags)
        encoded = len(json.dumps(published, ensure_ascii=False).encode("utf-8"))
        if encoded > MAX_EVENT_BYTES:  # escaping can double a body: `"`, `\\` and newlines
            raise ValueError(f"article is {encoded} bytes once encoded, over the cap of {MAX_EVENT_BYTES}")
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


def validate_article(doc: object, now: datetime | None = None) -> ArticleInput:
    """Validate a decoded JSON object; InputError lists each bad field.

    `now` bounds `published` (at most MAX_FUTURE ahead); the clock's time when not given.
    """
    if not isinstance(doc, dict):
        raise InputError("an article must be a JSON object")
    try:
        return ArticleInput.model_validate(doc, context={"now": now})
    except ValidationError as exc:
        raise InputError("; ".join(_describe(err) for err in field_errors(exc))) from None


def field_errors(exc: ValidationError) -> list[dict[str, str]]:
    """Each bad field and why, without the input (it may be huge or hold control characters)."""
    return [
        {"field": ".".join(str(p) for p in err["loc"]) or "article", "message": err["msg"]}
        for err in exc.errors(include_url=False, include_input=False)
    ]


def _describe(err: dict[str, str]) -> str:
    return f"{err['field']}: {err['message']}"


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

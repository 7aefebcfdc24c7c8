"""Properties of the article input schema: any input is an ArticleInput within the caps, or an
InputError with a reason; never another exception, never unbounded time or memory."""

from __future__ import annotations

import json
import re
import string
from datetime import timedelta
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from parley.shared.article_input import (
    MAX_ARTICLE_BYTES,
    MAX_EVENT_BYTES,
    MAX_FUTURE,
    MAX_TAG_CHARS,
    MAX_TAGS,
    ArticleInput,
    load_json,
    parse_text_article,
    validate_article,
)
from parley.shared.errors import InputError
from tests.fuzzing import fuzz_settings, within_memory
from tests.support.article_inputs import NOW, near_valid, odd_text, tags, urls

MAX_INPUT_CHARS = 20_000  # generated inputs; the caps themselves are tested with fixed cases

# JSON values of every kind, nested a little.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),  # naive: refused
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?\Z"),
    odd_text,
)
articles = st.fixed_dictionaries(
    {},
    optional={
        "url": urls | json_values,
        "title": odd_text | json_values,
        "published": dates | json_values,
        "text": odd_text | json_values,
        "html": odd_text,
        "source": odd_text | json_values,
        "language": odd_text,
        "tags": tags | json_values,
        "extra": json_values,
    },
)


def _check_accepted(article: ArticleInput) -> None:
    assert article.title and len(article.title) <= 1000
    assert article.body and len(article.body.encode()) <= MAX_ARTICLE_BYTES
    assert article.published.tzinfo is not None and article.published.utcoffset() == timedelta(0)
    assert article.published <= NOW + MAX_FUTURE
    assert len(article.tags) <= MAX_TAGS
    assert all(
        t and len(t) <= MAX_TAG_CHARS and not re.search(r"[\x00-\x1f\x7f-\x9f]", t) for t in article.tags
    )
    assert article.article_id.startswith("a-")
    if article.url:
        assert article.canonical_url and article.canonical_url.startswith(("http://", "https://"))
        assert not re.search(r"[\x00-\x20\x7f-\x9f]", article.url)
    fields = (article.url, article.canonical_url, article.title, article.body, article.source, article.tags)
    assert len(json.dumps(fields, ensure_ascii=False).encode()) <= MAX_EVENT_BYTES


def _validate(doc: object) -> ArticleInput | None:
    try:
        return within_memory(lambda: validate_article(doc, now=NOW), ceiling_mb=64)
    except InputError as exc:
        assert str(exc)  # a reason, always
        return None


@fuzz_settings(250)
@given(st.one_of(articles, near_valid))
@example({"title": "t", "published": "2026-02-12", "text": "x", "url": "http://[::1"})
@example({"title": "t", "published": "9999-12-31T23:00-05:00", "text": "x"})
@example({"title": "t", "published": "2026-02-12", "text": "x", "url": "https://a.example/%zz?x=%ff"})
@example({"title": "\x00", "published": "2026-02-12", "text": "x"})  # found: stored with an empty title
def test_any_article_object_is_accepted_within_the_caps_or_refused_with_a_reason(doc: dict[str, Any]) -> None:
    article = _validate(doc)
    if article is not None:
        _check_accepted(article)


@fuzz_settings(200)
@given(json_values)
def test_anything_but_an_object_is_refused(doc: object) -> None:
    if not isinstance(doc, dict):
        assert _validate(doc) is None


@fuzz_settings(300)
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000), json_values.map(json.dumps)))
@example(b"\xff\xfe{")
@example("[" * 100_000)
@example('{"a": ' + "9" * 5000 + "}")
@example("1e999999")
def test_load_json_returns_a_value_or_an_input_error(raw: str | bytes) -> None:
    try:
        within_memory(lambda: load_json(raw), ceiling_mb=64)
    except InputError as exc:
        assert str(exc).startswith(("invalid JSON", "not UTF-8"))


first_lines = st.one_of(
    st.from_regex(r"\A\s*date\s+\d{4}-\d{2}-\d{2}( [^\n]{0,40})?\Z"),
    st.text(alphabet=string.printable, max_size=60),
)


@fuzz_settings(300)
@given(first_lines, st.lists(st.one_of(odd_text, st.from_regex(r"\A\s*url\s+\S{0,40}\Z")), max_size=5))
@example("date 2026-02-30 Talks", [])
@example("date 2026-02-12", ["url http://[::1", "body"])
def test_the_plain_text_format_is_an_article_or_an_input_error(first: str, rest: list[str]) -> None:
    raw = "\n".join([first, *rest])[:MAX_INPUT_CHARS]
    try:
        within_memory(lambda: parse_text_article(raw), ceiling_mb=64)
    except InputError as exc:
        assert str(exc)

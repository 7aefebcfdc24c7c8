"""Properties of the feed parser: any bytes give a ParsedFeed or a FeedParseError of a known kind,
entries hold text titles, http(s) links and dates no further ahead than ingest allows."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from hypothesis import example, given
from hypothesis import strategies as st

from parley.services.ingest.feed_parse import FeedParseError, ParsedFeed, parse_feed, plain_text
from parley.shared.article_input import MAX_FUTURE
from tests.fuzzing import fuzz_settings, within_memory

NOW = datetime(2026, 2, 12, tzinfo=UTC)
KINDS = {"unsafe_xml", "not_a_feed", "malformed"}
MARKUP = re.compile(r"<[A-Za-z/!?][^>]*>")

text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=80)
markup_text = st.one_of(
    text,
    st.sampled_from(
        ["&lt;img src=x onerror=alert(1)&gt;", "&amp;lt;b&amp;gt;", "<b>bold</b>", "&#60;i&#62;"]
    ),
    st.lists(st.sampled_from(["&lt;", "&gt;", "<", ">", "a", " ", "&amp;", "script", "/"]), max_size=12).map(
        "".join
    ),
)
dates = st.one_of(
    st.datetimes(timezones=st.just(UTC)).map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S +0000")),
    st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat()),
    text,
)
links = st.one_of(st.just("https://news.example.org/a"), st.just("javascript:alert(1)"), text)
items = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "title": markup_text,
            "link": links,
            "pubDate": dates,
            "description": markup_text,
            "guid": text,
        },
    ),
    max_size=5,
)
prologs = st.sampled_from(
    [
        "",
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="utf-7"?>',
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd">',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>',
        "<!-- a -- b --><!DOCTYPE r [<!ENTITY e 'x'>]>",
    ]
)


def _field(name: str, value: str, raw: bool) -> str:
    return f"<{name}>{value if raw else escape(value)}</{name}>"


@st.composite
def rss(draw: st.DrawFn) -> bytes:
    raw = draw(st.booleans())  # unescaped values: broken XML half the time
    body = "".join(
        "<item>" + "".join(_field(k, v, raw) for k, v in item.items()) + "</item>" for item in draw(items)
    )
    feed = f'{draw(prologs)}<rss version="2.0"><channel><title>{escape(draw(text))}</title>{body}</channel></rss>'
    cut = draw(st.integers(min_value=0, max_value=len(feed)))
    return feed[: cut if draw(st.booleans()) else len(feed)].encode("utf-8", "surrogatepass")


def _parse(data: bytes, content_type: str | None) -> ParsedFeed | None:
    try:
        return within_memory(
            lambda: parse_feed(data, content_type, "https://feeds.example.org/", NOW), ceiling_mb=128
        )
    except FeedParseError as exc:
        assert exc.kind in KINDS and str(exc)
        return None


def _check(feed: ParsedFeed) -> None:
    for entry in [*feed.entries]:
        assert entry.key and len(entry.key) <= 2000
        assert entry.title is None or (entry.title.strip() and not MARKUP.search(entry.title))
        assert entry.link is None or re.match(r"^https?://", entry.link, re.IGNORECASE)
        assert (entry.published is None) == (entry.date_problem is not None)
        assert entry.published is None or entry.published <= NOW + MAX_FUTURE
    assert feed.title is None or not MARKUP.search(feed.title)


content_types = st.sampled_from([None, "application/rss+xml", "text/html", "text/xml; charset=utf-16", "x/y"])


@fuzz_settings(150)
@given(rss(), content_types)
def test_generated_feeds_parse_to_checked_entries_or_a_known_refusal(
    data: bytes, content_type: str | None
) -> None:
    feed = _parse(data, content_type)
    if feed is not None:
        _check(feed)


@fuzz_settings(150)
@given(st.binary(max_size=3000), content_types)
@example(b"\xff\xfe<\x00r\x00s\x00s\x00", "application/xml")
@example(b"<html><body>not a feed</body></html>", "text/html")
def test_any_bytes_parse_or_fail_with_a_known_kind(data: bytes, content_type: str | None) -> None:
    feed = _parse(data, content_type)
    if feed is not None:
        _check(feed)


@fuzz_settings(300)
@given(markup_text)
def test_plain_text_never_spells_markup(fragment: str) -> None:
    assert not MARKUP.search(plain_text(fragment))

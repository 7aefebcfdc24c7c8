from __future__ import annotations

import resource
from datetime import UTC, datetime
from pathlib import Path

import pytest

from parley.services.ingest.feed_parse import FeedParseError, parse_feed

FEEDS = Path(__file__).resolve().parents[4] / "tests" / "fixtures" / "feeds"
NOW = datetime(2026, 2, 12, tzinfo=UTC)


def parse(name: str, content_type: str = "application/xml"):  # type: ignore[no-untyped-def]
    return parse_feed((FEEDS / name).read_bytes(), content_type, "https://feeds.example.org/", NOW)


def test_rss_091_10_20_and_atom_give_entries() -> None:
    versions = {name: parse(name) for name in ("rss091.xml", "rss10.rdf", "rss20.xml", "atom.xml")}
    assert {n: f.version for n, f in versions.items()} == {
        "rss091.xml": "rss091u",
        "rss10.rdf": "rss10",
        "rss20.xml": "rss20",
        "atom.xml": "atom10",
    }
    rdf = versions["rss10.rdf"].entries[0]
    assert rdf.title == "Mediators announce Doha round"
    assert rdf.published == datetime(2026, 2, 10, 7, 30, tzinfo=UTC)
    atom = versions["atom.xml"].entries[0]
    assert atom.title == "Talks in Oslo"  # HTML in titles becomes text
    assert atom.content_html and "Norway offered" in atom.content_html
    assert versions["rss091.xml"].entries[0].date_problem == "missing_date"


def test_rss20_keys_dates_and_missing_titles() -> None:
    entries = parse("rss20.xml").entries
    assert [e.key for e in entries] == ["desk-1", "desk-2", "desk-3"]
    assert entries[0].published == datetime(2026, 2, 9, 10, tzinfo=UTC)
    assert (entries[1].published, entries[1].date_problem) == (None, "invalid_date")
    assert entries[2].title is None


def test_billion_laughs_is_refused_without_expanding() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(FeedParseError) as caught:
        parse("billion-laughs.xml")
    assert caught.value.kind == "unsafe_xml"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB: nothing blew up


def test_external_entities_are_refused() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>'
    with pytest.raises(FeedParseError) as caught:
        parse_feed(xxe, "application/rss+xml", "https://x.example/", NOW)
    assert caught.value.kind == "unsafe_xml"


def test_html_served_as_rss_is_not_a_feed() -> None:
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"
    with pytest.raises(FeedParseError) as caught:
        parse_feed(page, "application/rss+xml", "https://x.example/", NOW)
    assert caught.value.kind == "not_a_feed"


def test_truncated_feed_keeps_the_items_it_has_and_says_so() -> None:
    data = (FEEDS / "rss20.xml").read_bytes()
    cut = data[: data.index(b"</item>") + len(b"</item>")]
    feed = parse_feed(cut, "application/rss+xml", "https://x.example/", NOW)
    assert [e.key for e in feed.entries] == ["desk-1"]
    assert feed.problem


def test_future_dates_are_not_trusted() -> None:
    rss = b'<rss version="2.0"><channel><title>t</title><item><title>x</title><guid>g</guid><pubDate>Mon, 01 Jan 2099 00:00:00 GMT</pubDate></item></channel></rss>'
    entry = parse_feed(rss, None, "https://x.example/", NOW).entries[0]
    assert (entry.published, entry.date_problem) == (None, "future_date")

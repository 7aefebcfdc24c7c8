from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from parley.shared.article_input import (
    MAX_ARTICLE_BYTES,
    MAX_TAG_CHARS,
    load_json,
    parse_text_article,
    validate_article,
)
from parley.shared.errors import InputError
from parley.shared.ids import article_id
from parley.shared.urls import canonical_url
from tests.bad_inputs import BAD_ARTICLES

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "articles" / "oslo-talks.txt"


def test_seed_format_gives_title_date_and_body(seed_path: Path) -> None:
    article = parse_text_article(seed_path.read_text(encoding="utf-8"))
    assert article.title.startswith("Russia continues to press")
    assert article.published == datetime(2026, 2, 13, tzinfo=UTC)
    assert "Geneva" in article.body
    assert article.url is None


def test_optional_url_line_is_read() -> None:
    article = parse_text_article(EXAMPLE.read_text(encoding="utf-8"))
    assert article.url is not None and article.url.startswith("https://example.org/")
    assert not article.body.startswith("url ")
    assert article.article_id == article_id(article.canonical_url, "", "")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("Russia and Ukraine will meet.\n", "first line"),
        ("date 2026-13-45 Lede\nbody", "invalid date"),
        ("date 2026-02-13\nbody", "lede"),
        ("date 2026-02-13 Lede only\n", "text"),
    ],
)
def test_bad_text_articles_are_rejected_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_text_article(text)


def test_a_date_alone_means_that_day_in_utc_and_offsets_are_converted() -> None:
    a = validate_article({"title": "t", "published": "2026-02-13", "text": "x"})
    b = validate_article({"title": "t", "published": "2026-02-13T03:00:00+03:00", "text": "x"})
    assert a.published == b.published == datetime(2026, 2, 13, tzinfo=UTC)


def test_naive_datetimes_and_missing_fields_are_named() -> None:
    with pytest.raises(InputError) as info:
        validate_article({"published": "2026-02-13T03:00:00", "text": "x", "url": "javascript:alert(1)"})
    message = str(info.value)
    assert "title" in message and "published" in message and "url" in message


def test_size_cap() -> None:
    with pytest.raises(InputError, match="over the cap"):
        validate_article({"title": "t", "published": "2026-02-13", "text": "x" * (MAX_ARTICLE_BYTES + 1)})


def test_control_characters_are_dropped() -> None:
    article = validate_article({"title": "a\x00b", "published": "2026-02-13", "text": "c\x07d"})
    assert article.title == "ab" and article.body == "cd"


@pytest.mark.parametrize("title", ["\x00", "\x00 \x01", " \x7f\t"])
def test_a_title_of_control_characters_alone_is_refused(title: str) -> None:
    # found by fuzzing: it passed the length check and was stored as an empty title
    with pytest.raises(InputError, match="title"):
        validate_article({"title": title, "published": "2026-02-13", "text": "x"})
    with pytest.raises(InputError, match="text"):
        validate_article({"title": "t", "published": "2026-02-13", "text": title})


def test_id_from_canonical_url_ignores_tracking_and_case() -> None:
    a = validate_article(
        {
            "title": "t",
            "published": "2026-02-13",
            "text": "x",
            "url": "HTTPS://Example.org:443/a?utm_source=x&fbclid=1#top",
        }
    )
    b = validate_article(
        {"title": "other", "published": "2026-02-14", "text": "y", "url": "https://example.org/a"}
    )
    assert a.article_id == b.article_id


def test_id_without_url_uses_normalised_title_and_body() -> None:
    a = validate_article({"title": "Talks  in Geneva", "published": "2026-02-13", "text": "Body\n text"})
    b = validate_article({"title": "talks in geneva", "published": "2026-02-13", "text": "body text"})
    c = validate_article({"title": "talks in geneva", "published": "2026-02-13", "text": "other body"})
    assert a.article_id == b.article_id != c.article_id


def test_canonical_url_keeps_meaningful_query() -> None:
    assert canonical_url("http://x.org/p?id=3&utm_medium=m&gclid=z") == "http://x.org/p?id=3"


@pytest.mark.parametrize("name", sorted(BAD_ARTICLES))
def test_inputs_that_used_to_crash_are_rejected_with_a_reason(name: str) -> None:
    raw, reason = BAD_ARTICLES[name]
    with pytest.raises(InputError, match=reason):
        validate_article(load_json(raw))


def test_published_may_be_at_most_two_days_ahead_of_now() -> None:
    now = datetime(2026, 2, 13, 12, tzinfo=UTC)
    doc = {"title": "t", "text": "x"}
    assert validate_article({**doc, "published": "2026-02-15T12:00:00Z"}, now=now)
    with pytest.raises(InputError, match="in the future"):
        validate_article({**doc, "published": "2026-02-15T12:00:01Z"}, now=now)


def test_tags_are_capped_in_number_and_length() -> None:
    doc = {"title": "t", "published": "2026-02-13", "text": "x"}
    assert validate_article({**doc, "tags": ["x" * MAX_TAG_CHARS] * 50}).tags[0] == "x" * MAX_TAG_CHARS
    with pytest.raises(InputError, match="tags"):
        validate_article({**doc, "tags": ["x"] * 51})
    with pytest.raises(InputError, match="empty"):
        validate_article({**doc, "tags": [" "]})

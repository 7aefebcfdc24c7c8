"""Hypothesis strategies of article input objects, shared by the property tests."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from parley.shared.article_input import MAX_TAG_CHARS, MAX_TAGS

NOW = datetime(2026, 2, 12, 9, 30, tzinfo=UTC)
odd_text = st.text(st.characters(codec="utf-8"), max_size=200)  # control characters, surrogates excluded
urls = st.one_of(
    st.from_regex(r"\Ahttps?://[a-zA-Z0-9.\-\[\]:%@]{0,30}(/[^\s]{0,40})?(\?[^\s#]{0,30})?(#\S{0,10})?\Z"),
    st.builds(lambda host, path: f"https://{host}/{path}", st.text(max_size=20), odd_text),
    odd_text,
)
tags = st.lists(st.one_of(st.text(max_size=MAX_TAG_CHARS + 5), odd_text), max_size=MAX_TAGS + 3)

# Mostly valid articles with odd values in the optional fields, so acceptance is exercised too.
near_valid = st.fixed_dictionaries(
    {
        "title": st.text(min_size=1, max_size=60),
        "published": st.dates(max_value=NOW.date()).map(lambda d: d.isoformat()),
        "text": st.text(min_size=1, max_size=200),
    },
    optional={"url": urls, "source": odd_text, "language": odd_text, "tags": tags, "html": odd_text},
)

"""Properties of `extract_article`: any title, text and date give an Extraction (it "never raises
on odd input"), in bounded time and memory."""

from __future__ import annotations

import datetime

from hypothesis import example, given
from hypothesis import strategies as st

from parley.services.enrichment.cleaning import MAX_CLEAN_CHARS
from parley.services.enrichment.extract import extract_article
from parley.shared.extraction import Extraction
from tests.fuzzing import fuzz_settings, within_memory

words = st.sampled_from(
    [
        "Russia", "Ukraine", "Iran", "Oman", "talks", "will", "hold", "in", "Geneva", "on", "Monday",
        "next", "week", "postponed", "mediated", "by", "Qatar", "20", "March", "2026", "the", ".", ",",
        "<p>", "</p>", "<script>", "&amp;", "&lt;b&gt;", "\u200b", "\x00", "\n\n", "Mr.", "U.S.", "—",
        "25-26", "1/2/2026", "9999", "0000-00-00", "between", "and",
    ]
)  # fmt: skip
texts = st.one_of(
    st.lists(words, max_size=120).map(" ".join),
    st.text(max_size=2000),
    st.text(alphabet="<>/&;#x0123456789abp \n", max_size=2000),
)
published = st.one_of(st.dates(), st.datetimes(timezones=st.sampled_from([datetime.UTC, None])))


@fuzz_settings(60, deadline_ms=20_000)
@given(texts, texts, published, st.booleans())
@example("", "", datetime.date.min, True)
@example("Talks", "Russia and Ukraine will hold talks in Geneva on Monday.", datetime.date.max, False)
@example("", "<" * 5000 + "p>" * 5000, datetime.date(2026, 2, 12), True)
def test_any_article_gives_an_extraction(
    title: str, text: str, day: datetime.date | datetime.datetime, html: bool
) -> None:
    result = within_memory(
        lambda: extract_article(title=title, text=text, published=day, html=html), ceiling_mb=256
    )
    assert isinstance(result, Extraction)
    assert len(result.clean_text) <= MAX_CLEAN_CHARS
    assert result.clean_text or any("empty text" in n for n in result.notes)

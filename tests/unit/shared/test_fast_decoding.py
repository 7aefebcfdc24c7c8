"""The indexer's decoder gives exactly what `decode_event` gives: the same envelope or the same error."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from parley.shared.errors import PoisonMessage
from parley.shared.events import (
    ArticleDeleted,
    ArticleEnriched,
    ArticleReceived,
    Event,
    TalksRecorded,
    decode_event,
    encode,
    wrap,
)
from parley.shared.events import fast_decoding as decoding
from parley.shared.events.fast_decoding import EventDecoder
from parley.shared.extraction import Entity, TalksRecord
from tests.support.talks import talks_state

NOW = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)
ARTICLES = (ArticleEnriched, ArticleDeleted)


def enriched(article_id: str = "a1") -> ArticleEnriched:
    return ArticleEnriched(
        article_id=article_id,
        url="https://news.example/geneva",
        title="Ukraine and Russia to hold talks in Geneva",
        published=datetime(2026, 2, 1, 8, 0, tzinfo=UTC),
        ingested_at=datetime(2026, 2, 1, 8, 1, tzinfo=UTC),
        enriched_at=datetime(2026, 2, 1, 8, 2, tzinfo=UTC),
        source="example",
        language="en",
        tags=("world",),
        text="Delegations from Ukraine and Russia will meet in Geneva next week.",
        story_id="s1",
        entities=(Entity(kind="country", text="Ukraine", name="Ukraine", start=17, end=24),),
        talks=(
            TalksRecord(
                parties=("Ukraine", "Russia"),
                location="Geneva",
                start_date=date(2026, 2, 10),
                status="announced",
                evidence="will meet in Geneva next week",
                confidence=0.9,
            ),
        ),
    )


def talks() -> TalksRecorded:
    return TalksRecorded(talks=talks_state())


def raw(event: Event, **envelope: object) -> bytes:
    """The event as produced, with envelope attributes replaced (None removes one)."""
    doc = json.loads(encode(wrap(event, service="test", time=NOW, traceparent="00-ab-cd-01")))
    for key, value in envelope.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("expected", "value"),
    [
        (ARTICLES, raw(enriched())),
        (ARTICLES, raw(ArticleDeleted(article_id="a1", reason="takedown", deleted_at=NOW))),
        ((TalksRecorded,), raw(talks())),
        (ARTICLES, raw(enriched(), subject=None, traceparent=None, time="2026-02-03T12:00:00+00:00")),
        (ARTICLES, raw(enriched(), id=42, source=["odd", "but", "accepted"])),
    ],
)
def test_a_usable_message_decodes_to_the_same_envelope_in_one_pass(
    expected: tuple[type[Event], ...], value: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = decode_event(value, expected=expected)

    def no_fallback(raw: bytes | None, expected: object = None) -> None:
        raise AssertionError("a usable message went the slow way")

    monkeypatch.setattr(decoding, "decode_event", no_fallback)
    assert EventDecoder(expected).decode(value) == reference


@pytest.mark.parametrize(
    "value",
    [
        None,
        b"not json at all",
        b"\xff\xfe",
        b"[1, 2]",
        raw(enriched(), specversion="0.3"),
        raw(enriched(), time=None),
        raw(enriched(), time="yesterday"),
        raw(enriched(), type="parley.article.enriched.v9"),
        raw(talks()),  # a known event type, but not one of this topic's
        raw(
            ArticleReceived(
                article_id="a1", title="t", published=NOW, text="x", ingested_at=NOW, channel="api"
            )
        ),
        raw(enriched(), data={"article_id": "a1"}),
        raw(enriched(), data={**json.loads(raw(enriched()))["data"], "unexpected": 1}),
        raw(enriched(), data="not an object"),
    ],
)
def test_an_unusable_message_fails_with_the_same_reason_and_message(value: bytes | None) -> None:
    with pytest.raises(PoisonMessage) as expected:
        decode_event(value, expected=ARTICLES)
    with pytest.raises(PoisonMessage) as got:
        EventDecoder(ARTICLES).decode(value)
    assert type(got.value) is type(expected.value)
    assert (got.value.reason, str(got.value)) == (expected.value.reason, str(expected.value))

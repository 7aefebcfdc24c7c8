from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from parley.shared.errors import InvalidEvent, UndecodableMessage, UnsupportedEvent
from parley.shared.events import ArticleEnriched, ArticleReceived, decode_event, encode, wrap
from parley.shared.events.registry import EVENT_CLASSES
from parley.shared.extraction import TalksRecord

NOW = datetime(2026, 2, 13, 12, 0, tzinfo=UTC)


def received() -> ArticleReceived:
    return ArticleReceived(article_id="a-1", title="T", published=NOW, text="body", ingested_at=NOW)


def test_round_trip_keeps_type_subject_and_data() -> None:
    raw = encode(wrap(received(), service="ingest", id_parts=("a-1",)))
    doc = json.loads(raw)
    assert doc["specversion"] == "1.0"
    assert doc["type"] == "parley.article.received.v1"
    assert doc["source"] == "parley/ingest"
    assert doc["subject"] == "a-1"
    envelope = decode_event(raw)
    assert envelope.data == received()


def test_ids_are_deterministic_for_re_emits() -> None:
    first = wrap(received(), service="ingest", id_parts=("a-1",))
    second = wrap(received(), service="ingest", id_parts=("a-1",), time=NOW)
    assert first.id == second.id


def test_event_types_follow_the_naming_rule() -> None:
    for cls in EVENT_CLASSES:
        parts = cls.event_type().split(".")
        assert parts[0] == "parley" and parts[-1] == f"v{cls.version}" and len(parts) == 4


def test_events_are_frozen() -> None:
    event = received()
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError
        event.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b"\xff\xfe", UndecodableMessage),
        (b"not json", UndecodableMessage),
        (b"[1, 2]", UndecodableMessage),
        (b'{"specversion": "0.3"}', UndecodableMessage),
        (None, UndecodableMessage),
    ],
)
def test_undecodable_bytes_are_poison(raw: bytes | None, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_event(raw)


def _doc(**changes: object) -> bytes:
    doc = json.loads(encode(wrap(received(), service="ingest")))
    doc.update(changes)
    return json.dumps(doc).encode()


def test_unknown_or_newer_version_is_unsupported() -> None:
    with pytest.raises(UnsupportedEvent):
        decode_event(_doc(type="parley.article.received.v9"))


def test_wrong_event_for_the_topic_is_unsupported() -> None:
    with pytest.raises(UnsupportedEvent):
        decode_event(_doc(), expected=(ArticleEnriched,))


def test_invalid_data_is_reported_with_the_field() -> None:
    with pytest.raises(InvalidEvent, match="published"):
        decode_event(
            _doc(data={"article_id": "a", "title": "t", "text": "x", "ingested_at": NOW.isoformat()})
        )


def test_talks_records_survive_the_round_trip() -> None:
    record = TalksRecord(
        parties=("Russia", "Ukraine"),
        mediators=("United States",),
        location="Geneva",
        start_date=date(2026, 2, 17),
        status="announced",
        confidence=0.9,
    )
    event = ArticleEnriched(
        article_id="a-1",
        title="T",
        published=NOW,
        ingested_at=NOW,
        enriched_at=NOW,
        text="x",
        story_id="a-1",
        talks=(record,),
    )
    decoded = decode_event(encode(wrap(event, service="enrichment"))).data
    assert isinstance(decoded, ArticleEnriched)
    assert decoded.talks[0] == record

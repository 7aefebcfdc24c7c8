"""Events -> documents and bulk operations (no servers)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from elastic_transport import NdjsonSerializer

from parley.services.indexer.bulk import (
    ItemResult,
    Pending,
    Source,
    build_pending,
    bulk_body,
    classify,
    encoded_bulk_body,
    latest_per_document,
)
from parley.services.indexer.documents import article_document, entity_fields, talks_document
from parley.shared.events import ArticleDeleted, ArticleEnriched, TalksRecorded, wrap
from parley.shared.extraction import Entity, TalksRecord
from parley.shared.topics import Names
from tests.support.talks import NOW, talks_state


def article(article_id: str = "a1", **changes: object) -> ArticleEnriched:
    data: dict[str, object] = {
        "article_id": article_id,
        "url": "https://news.example/geneva",
        "title": "Ukraine and Russia to hold talks in Geneva",
        "published": datetime(2026, 2, 1, 8, 0, tzinfo=UTC),
        "ingested_at": datetime(2026, 2, 1, 8, 1, tzinfo=UTC),
        "enriched_at": datetime(2026, 2, 1, 8, 2, tzinfo=UTC),
        "source": "example",
        "language": "en",
        "text": "Delegations from Ukraine and Russia will meet in Geneva next week.",
        "story_id": "s1",
        "entities": (
            Entity(kind="country", text="Ukraine", name="Ukraine", start=17, end=24),
            Entity(kind="country", text="Russia", name="Russia", start=29, end=35),
            Entity(kind="country", text="Ukrainian", name="Ukraine", start=40, end=49),
            Entity(kind="place", text="Geneva", name="Geneva", start=50, end=56, country="Switzerland"),
            Entity(kind="person", text="Mr Smith", name="John Smith", start=60, end=68),
            Entity(kind="organisation", text="UN", name="United Nations", start=70, end=72),
            Entity(kind="armed_group", text="Wagner", name="Wagner Group", start=80, end=86),
        ),
        "talks": (
            TalksRecord(
                parties=("Ukraine", "Russia"),
                location="Geneva",
                start_date=date(2026, 2, 10),
                status="announced",
                evidence="will meet in Geneva next week",
                confidence=0.9,
            ),
        ),
    }
    data.update(changes)
    return ArticleEnriched.model_validate(data)


def source(offset: int, topic: str = "ns.articles.enriched") -> Source:
    return Source(topic, 0, offset, b"a1", b"{}")


def test_entities_are_grouped_by_kind_once_each_in_order() -> None:
    fields = entity_fields(article().entities)
    assert fields == {
        "countries": ["Ukraine", "Russia"],
        "places": ["Geneva"],
        "people": ["John Smith"],
        "organisations": ["United Nations"],
        "armed_groups": ["Wagner Group"],
    }


def test_article_document_has_the_mapped_fields_only() -> None:
    doc = article_document(article(), NOW)
    assert doc["article_id"] == "a1"
    assert doc["published"] == "2026-02-01T08:00:00Z"
    assert doc["indexed_at"] == "2026-02-03T12:00:00Z"
    assert doc["entities"]["countries"] == ["Ukraine", "Russia"]
    assert doc["talks_count"] == 1
    assert doc["talks"][0] == {
        "parties": ["Ukraine", "Russia"],
        "location": "Geneva",
        "start_date": "2026-02-10",
        "status": "announced",
        "evidence": "will meet in Geneva next week",
        "confidence": 0.9,
    }
    assert "canonical_url" not in doc  # None values are left out
    assert "dates" not in doc and "notes" not in doc


def test_talks_document_is_the_state() -> None:
    doc = talks_document(TalksRecorded(talks=talks_state()), NOW)
    assert doc["talks_id"] == "k1"
    assert doc["mediators"] == ["Switzerland"]
    assert doc["start_date"] == "2026-02-10"
    assert doc["first_seen"] == "2026-02-03T12:00:00Z"
    assert "end_date" not in doc


def test_operations_use_the_alias_id_and_offset_as_external_version() -> None:
    names = Names("ns")
    enriched = build_pending(wrap(article(), service="t"), source(7), names, NOW)
    assert enriched.operation == {
        "index": {"_index": "ns-articles", "_id": "a1", "version": 7, "version_type": "external"}
    }
    assert enriched.ingested_at == datetime(2026, 2, 1, 8, 1, tzinfo=UTC)
    deleted = ArticleDeleted(article_id="a1", reason="taken down", deleted_at=NOW)
    delete = build_pending(wrap(deleted, service="t"), source(9), names, NOW)
    assert delete.operation == {
        "delete": {"_index": "ns-articles", "_id": "a1", "version": 9, "version_type": "external"}
    }
    talks = build_pending(
        wrap(TalksRecorded(talks=talks_state()), service="t"), source(3, "ns.talks"), names, NOW
    )
    assert talks.operation["index"]["_index"] == "ns-talks"
    assert talks.operation["index"]["_id"] == "k1"
    assert bulk_body([enriched, delete]) == [enriched.operation, enriched.document, delete.operation]


def test_the_encoded_bulk_body_is_what_the_client_would_send() -> None:
    names = Names("ns")
    pendings = [
        build_pending(wrap(article(title="Genève: talks — «soon»"), service="t"), source(7), names, NOW),
        build_pending(
            wrap(TalksRecorded(talks=talks_state()), service="t"), source(3, "ns.talks"), names, NOW
        ),
        Pending(source(8), "articles", "a9", {"index": {"_id": "a9"}}, {"score": float("nan")}),
    ]
    client = NdjsonSerializer()
    assert client.dumps(encoded_bulk_body(pendings)) == client.dumps(bulk_body(pendings))


def test_a_line_pydantic_cannot_encode_is_left_to_the_client() -> None:
    odd = Pending(source(1), "articles", "a1", {"index": {"_id": "a1"}}, {"title": "lone \ud800 surrogate"})
    assert encoded_bulk_body([odd]) == [b'{"index":{"_id":"a1"}}', {"title": "lone \ud800 surrogate"}]


def test_only_the_newest_event_per_document_is_sent() -> None:
    names = Names("ns")
    old = build_pending(wrap(article(), service="t"), source(1), names, NOW)
    new = build_pending(wrap(article(title="Updated"), service="t"), source(5), names, NOW)
    other = build_pending(wrap(article("a2"), service="t"), source(2), names, NOW)
    kept, superseded = latest_per_document([old, other, new])
    assert kept == [new, other] or kept == [other, new]
    assert superseded == [old]


def test_bulk_items_are_classified() -> None:
    assert classify({"index": {"status": 201}}).outcome == "indexed"
    assert classify({"delete": {"status": 200}}).outcome == "deleted"
    assert classify(
        {"index": {"status": 409, "error": {"type": "version_conflict_engine_exception"}}}
    ).outcome == ("stale")
    assert classify({"delete": {"status": 404}}).outcome == "not_found"
    assert classify(
        {"index": {"status": 429, "error": {"type": "es_rejected_execution_exception"}}}
    ).outcome == ("retry")
    assert (
        classify({"index": {"status": 503, "error": {"type": "unavailable_shards_exception"}}}).outcome
        == "retry"
    )
    flood = {
        "type": "cluster_block_exception",
        "reason": "index [x] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark]",
    }
    assert classify({"index": {"status": 429, "error": flood}}) == ItemResult(
        "retry", 429, f"cluster_block_exception: {flood['reason']}", blocked=True
    )
    assert not classify(
        {"index": {"status": 429, "error": {"type": "es_rejected_execution_exception"}}}
    ).blocked
    refused = classify(
        {
            "index": {
                "status": 400,
                "error": {
                    "type": "document_parsing_exception",
                    "reason": "failed to parse field [published]",
                    "caused_by": {"type": "illegal_argument_exception", "reason": "bad date"},
                },
            }
        }
    )
    assert refused.outcome == "rejected"
    assert "document_parsing_exception" in refused.error and "bad date" in refused.error


def test_an_alert_becomes_a_document_under_its_id_with_its_changes() -> None:
    from parley.shared.events import AlertRedeliveryRequested, FieldChange, TalksUpdated

    state = talks_state()
    updated = TalksUpdated(
        alert_id="t-1.r2",
        talks=state,
        changes=(FieldChange(field="start_date", old="2026-02-17", new="2026-03-02"),),
        article_id="a2",
        article_title="Talks moved",
        article_url="https://news.example/moved",
        ingested_at=NOW,
    )
    envelope = wrap(updated, service="alerting", time=NOW)
    pending = build_pending(envelope, Source("ns.alerts", 0, 7, b"k", b"v"), Names("ns"), NOW)
    assert pending is not None
    assert pending.operation == {
        "index": {"_index": "ns-alerts", "_id": "t-1.r2", "version": 7, "version_type": "external"}
    }
    doc = pending.document or {}
    assert doc["type"] == "updated" and doc["talks_id"] == state.talks_id
    assert doc["changes"] == [{"field": "start_date", "old": "2026-02-17", "new": "2026-03-02"}]
    assert doc["article_url"] == "https://news.example/moved" and doc["time"] == NOW.isoformat().replace(
        "+00:00", "Z"
    )
    assert pending.ingested_at is None  # the `indexed` stage latency counts articles only
    request = AlertRedeliveryRequested(alert_id="t-1.r2", alert={}, requested_at=NOW)
    assert (
        build_pending(wrap(request, service="cli"), Source("ns.alerts", 0, 8, b"k", b"v"), Names("ns"), NOW)
        is None
    )


def test_a_feed_is_indexed_with_its_hash_only_and_deleted_when_revoked() -> None:
    from parley.shared.events import FeedCreated, FeedRevoked

    created = FeedCreated(feed_id="f1", name="desk", secret_sha256="a" * 64, created_at=NOW)
    pending = build_pending(
        wrap(created, service="cli"), Source("ns.desk.feeds", 0, 3, b"f1", b"v"), Names("ns"), NOW
    )
    assert pending is not None and pending.operation["index"]["_index"] == "ns-feeds"
    assert pending.document is not None and pending.document["secret_sha256"] == "a" * 64
    revoked = FeedRevoked(feed_id="f1", revoked_at=NOW)
    gone = build_pending(
        wrap(revoked, service="cli"), Source("ns.desk.feeds", 0, 4, b"f1", b"v"), Names("ns"), NOW
    )
    assert gone is not None and gone.operation == {
        "delete": {"_index": "ns-feeds", "_id": "f1", "version": 4, "version_type": "external"}
    }

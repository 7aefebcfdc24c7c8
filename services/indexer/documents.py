"""Events -> Elasticsearch documents (pure functions, no I/O)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parley.shared.events import (
    ArticleEnriched,
    FeedCreated,
    TalksAnnounced,
    TalksCorroborated,
    TalksRecorded,
    TalksUpdated,
)
from parley.shared.extraction import Entity, TalksRecord

ENTITY_FIELDS: dict[str, str] = {
    "country": "countries",
    "place": "places",
    "person": "people",
    "organisation": "organisations",
    "armed_group": "armed_groups",
}


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def entity_fields(entities: tuple[Entity, ...]) -> dict[str, list[str]]:
    """Normalised entity names grouped by kind, each once, in order of first mention."""
    out: dict[str, list[str]] = {name: [] for name in ENTITY_FIELDS.values()}
    for entity in entities:
        names = out[ENTITY_FIELDS[entity.kind]]
        if entity.name and entity.name not in names:
            names.append(entity.name)
    return out


def talks_record(record: TalksRecord) -> dict[str, Any]:
    data = record.model_dump(mode="json")
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def article_document(event: ArticleEnriched, indexed_at: datetime) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "article_id": event.article_id,
        "url": event.url,
        "canonical_url": event.canonical_url,
        "title": event.title,
        "text": event.text,
        "published": _iso(event.published),
        "ingested_at": _iso(event.ingested_at),
        "enriched_at": _iso(event.enriched_at),
        "indexed_at": _iso(indexed_at),
        "source": event.source,
        "tags": list(event.tags),
        "channel": event.channel,
        "language": event.language,
        "story_id": event.story_id,
        "entities": entity_fields(event.entities),
        "talks_count": len(event.talks),
        "talks": [talks_record(record) for record in event.talks],
    }
    return {key: value for key, value in doc.items() if value is not None}


def talks_document(event: TalksRecorded, indexed_at: datetime) -> dict[str, Any]:
    doc = event.talks.model_dump(mode="json")
    doc["indexed_at"] = _iso(indexed_at)
    return {key: value for key, value in doc.items() if value is not None}


def alert_document(
    event: TalksAnnounced | TalksUpdated | TalksCorroborated, time: datetime, indexed_at: datetime
) -> dict[str, Any]:
    """One alert as sent: what happened to which talks event, because of which article.

    The talks fields are those the alert carried (the state after it), so a talks event's alerts
    in time order are its history, changes included (old -> new)."""
    talks = event.talks
    doc: dict[str, Any] = {
        "alert_id": event.alert_id,
        "type": event.verb,
        "talks_id": talks.talks_id,
        "revision": talks.revision,
        "time": _iso(time),
        "status": talks.status,
        "parties": list(talks.parties),
        "mediators": list(talks.mediators),
        "location": talks.location,
        "start_date": talks.start_date.isoformat() if talks.start_date else None,
        "end_date": talks.end_date.isoformat() if talks.end_date else None,
        "date_text": talks.date_text,
        "confidence": talks.confidence,
        "sources": talks.independent_sources,
        "changes": [c.model_dump(mode="json") for c in event.changes]
        if isinstance(event, TalksUpdated)
        else [],
        "article_id": event.article_id,
        "article_title": event.article_title,
        "article_url": event.article_url,
        "indexed_at": _iso(indexed_at),
    }
    return {key: value for key, value in doc.items() if value is not None}


def feed_document(event: FeedCreated, indexed_at: datetime) -> dict[str, Any]:
    doc = event.model_dump(mode="json")
    doc["indexed_at"] = _iso(indexed_at)
    return {key: value for key, value in doc.items() if value is not None}

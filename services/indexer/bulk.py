"""Bulk actions built from decoded events, and the reading of per-item bulk results (pure).

Every write carries `version_type=external` with the Kafka offset as version. Events about one
document share a key, hence a partition, hence increasing offsets: an older event can never
overwrite a newer one, and a replayed event is answered with 409, which counts as done.

Writes go to the alias `<ns>-<kind>` unless `targets` names another index per kind (a reindex
fills `<ns>-<kind>-v<N+1>` that way). A tombstone (a record with a key and no value, as written
by a takedown to the compacted topics) deletes the document of that key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import pydantic_core

from parley.services.indexer.documents import alert_document, article_document, feed_document, talks_document
from parley.shared.events import (
    AlertRedeliveryRequested,
    ArticleDeleted,
    ArticleEnriched,
    Envelope,
    FeedCreated,
    FeedRevoked,
    TalksAnnounced,
    TalksCorroborated,
    TalksRecorded,
    TalksUpdated,
)
from parley.shared.topics import Names

Outcome = Literal["indexed", "deleted", "stale", "not_found", "retry", "rejected"]
DONE: frozenset[str] = frozenset({"indexed", "deleted", "stale", "not_found"})


@dataclass(frozen=True)
class Source:
    """Where a message came from (a Kafka record, reduced to what the indexer needs)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


@dataclass(frozen=True)
class Pending:
    """One bulk operation waiting for Elasticsearch's answer."""

    source: Source
    kind: str
    doc_id: str
    operation: dict[str, Any]
    document: dict[str, Any] | None
    ingested_at: datetime | None = None

    def lines(self) -> list[dict[str, Any]]:
        return [self.operation] if self.document is None else [self.operation, self.document]


@dataclass(frozen=True)
class ItemResult:
    outcome: Outcome
    status: int
    error: str = ""
    # A write block (flood-stage watermark, a read-only index) retries like an overload, but
    # waits on an operator, not on time: it is counted as `parley_es_errors_total{reason="blocked"}`.
    blocked: bool = False


def target(kind: str, names: Names, targets: Mapping[str, str] | None = None) -> str:
    """The index (or alias) the documents of `kind` are written to."""
    return (targets or {}).get(kind) or names.alias(kind)


def build_pending(
    envelope: Envelope,
    source: Source,
    names: Names,
    now: datetime,
    targets: Mapping[str, str] | None = None,
) -> Pending | None:
    """The bulk operation for one decoded event; the Kafka offset is the external version.

    None for an event that makes no document (a redelivery request on the alerts topic)."""
    event = envelope.data
    meta = {"version": source.offset, "version_type": "external"}
    if isinstance(event, ArticleEnriched):
        op = {"index": {"_index": target("articles", names, targets), "_id": event.article_id, **meta}}
        doc = article_document(event, now)
        return Pending(source, "articles", event.article_id, op, doc, event.ingested_at)
    if isinstance(event, ArticleDeleted):
        op = {"delete": {"_index": target("articles", names, targets), "_id": event.article_id, **meta}}
        return Pending(source, "articles", event.article_id, op, None)
    if isinstance(event, TalksRecorded):
        talks_id = event.talks.talks_id
        op = {"index": {"_index": target("talks", names, targets), "_id": talks_id, **meta}}
        return Pending(source, "talks", talks_id, op, talks_document(event, now))
    if isinstance(event, TalksAnnounced | TalksUpdated | TalksCorroborated):
        # An alert is written once under its id; one re-sent after a crash (same id) overwrites it.
        op = {"index": {"_index": target("alerts", names, targets), "_id": event.alert_id, **meta}}
        doc = alert_document(event, envelope.time, now)
        return Pending(source, "alerts", event.alert_id, op, doc)
    if isinstance(event, FeedCreated):
        op = {"index": {"_index": target("feeds", names, targets), "_id": event.feed_id, **meta}}
        return Pending(source, "feeds", event.feed_id, op, feed_document(event, now))
    if isinstance(event, FeedRevoked):
        op = {"delete": {"_index": target("feeds", names, targets), "_id": event.feed_id, **meta}}
        return Pending(source, "feeds", event.feed_id, op, None)
    if isinstance(event, AlertRedeliveryRequested):
        return None
    raise TypeError(f"the indexer has no document for {type(event).__name__}")


def build_tombstone(
    kind: str, source: Source, names: Names, targets: Mapping[str, str] | None = None
) -> Pending | None:
    """A tombstone deletes the document of its key (versioned by offset); None without a key."""
    if not source.key:
        return None
    doc_id = source.key.decode("utf-8", errors="replace")
    meta = {"version": source.offset, "version_type": "external"}
    op = {"delete": {"_index": target(kind, names, targets), "_id": doc_id, **meta}}
    return Pending(source, kind, doc_id, op, None)


def latest_per_document(pendings: list[Pending]) -> tuple[list[Pending], list[Pending]]:
    """(operations to send, superseded ones): only the newest event per document is sent."""
    newest: dict[tuple[str, str], Pending] = {}
    for pending in pendings:
        key = (pending.kind, pending.doc_id)
        current = newest.get(key)
        if current is None or pending.source.offset >= current.source.offset:
            newest[key] = pending
    kept = list(newest.values())
    kept_ids = {id(p) for p in kept}
    return kept, [p for p in pendings if id(p) not in kept_ids]


def bulk_body(pendings: list[Pending]) -> list[dict[str, Any]]:
    return [line for pending in pendings for line in pending.lines()]


def encoded_bulk_body(pendings: list[Pending]) -> list[bytes | dict[str, Any]]:
    """`bulk_body` with each line already JSON, which the client sends as it is.

    pydantic-core encodes about three times faster than the client's `json.dumps`, and the
    request is encoded while the next batch is being decoded. Non-finite floats are written as
    `json.dumps` writes them; a line it cannot encode is left to the client.
    """
    return [_encoded(line) for line in bulk_body(pendings)]


def _encoded(line: dict[str, Any]) -> bytes | dict[str, Any]:
    try:
        return pydantic_core.to_json(line, inf_nan_mode="constants")
    except (pydantic_core.PydanticSerializationError, ValueError):
        return line


def classify(item: dict[str, Any]) -> ItemResult:
    """Read one entry of a bulk response's `items`."""
    op, result = next(iter(item.items()))
    status = int(result.get("status", 0))
    if 200 <= status < 300:
        return ItemResult("deleted" if op == "delete" else "indexed", status)
    if status == 409:
        return ItemResult("stale", status)
    if status == 404 and op == "delete":
        return ItemResult("not_found", status)
    error = result.get("error") or {}
    text = (
        f"{error.get('type', 'error')}: {error.get('reason', '')}" if isinstance(error, dict) else str(error)
    )
    caused = error.get("caused_by") if isinstance(error, dict) else None
    if isinstance(caused, dict) and caused.get("reason"):
        text += f" (caused by {caused.get('type')}: {caused.get('reason')})"
    if status == 429 or status >= 500 or status == 0:
        blocked = isinstance(error, dict) and error.get("type") == "cluster_block_exception"
        return ItemResult("retry", status, text, blocked=blocked)
    return ItemResult("rejected", status, f"HTTP {status} {text}")

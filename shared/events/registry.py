"""Turn bytes from Kafka into a validated, current-version event, or raise a PoisonMessage."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from parley.shared.errors import InvalidEvent, UndecodableMessage, UnsupportedEvent
from parley.shared.events.alerts import AlertDeliveryRecorded, AlertRedeliveryRequested, WebhookTested
from parley.shared.events.articles import ArticleDeleted, ArticleEnriched, ArticleReceived
from parley.shared.events.base import Event
from parley.shared.events.deadletter import MessageDeadLettered
from parley.shared.events.envelope import SPECVERSION, Envelope
from parley.shared.events.feeds import FeedCreated, FeedRevoked
from parley.shared.events.talks import TalksAnnounced, TalksCorroborated, TalksRecorded, TalksUpdated
from parley.shared.events.upcasters import UPCASTERS, Upcaster

EVENT_CLASSES: tuple[type[Event], ...] = (
    ArticleReceived,
    ArticleEnriched,
    ArticleDeleted,
    TalksRecorded,
    TalksAnnounced,
    TalksUpdated,
    TalksCorroborated,
    AlertDeliveryRecorded,
    AlertRedeliveryRequested,
    WebhookTested,
    MessageDeadLettered,
    FeedCreated,
    FeedRevoked,
)
CURRENT: dict[str, type[Event]] = {cls.event_type(): cls for cls in EVENT_CLASSES}
MAX_MESSAGE_BYTES = 8 * 1024 * 1024


def upcast(event_type: str, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Apply upcasters until the type is a current one (or no step applies)."""
    seen = 0
    while event_type not in CURRENT and event_type in UPCASTERS:
        event_type, step = _step(event_type)
        data = step(data)
        seen += 1
        if seen > 50:  # a cycle in the table is a programming error, not a message's fault
            raise RuntimeError(f"upcaster cycle at {event_type}")
    return event_type, data


def _step(event_type: str) -> tuple[str, Upcaster]:
    return UPCASTERS[event_type]


def decode_event(raw: bytes | None, expected: tuple[type[Event], ...] | None = None) -> Envelope:
    """Decode a structured CloudEvent; raise a PoisonMessage subclass if it can't be used."""
    if raw is None:
        raise UndecodableMessage("empty message value")
    if len(raw) > MAX_MESSAGE_BYTES:
        raise UndecodableMessage(f"message of {len(raw)} bytes exceeds {MAX_MESSAGE_BYTES}")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UndecodableMessage(f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise UndecodableMessage(f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(doc, dict):
        raise UndecodableMessage("not a JSON object")
    if doc.get("specversion") != SPECVERSION:
        raise UndecodableMessage(f"not a CloudEvents {SPECVERSION} event")
    missing = [k for k in ("id", "source", "type", "time", "data") if k not in doc]
    if missing:
        raise UndecodableMessage("CloudEvent lacks " + ", ".join(missing))
    event_type = doc["type"]
    data = doc["data"]
    if not isinstance(event_type, str) or not isinstance(data, dict):
        raise UndecodableMessage("CloudEvent type must be a string and data an object")
    event_type, data = upcast(event_type, data)
    cls = CURRENT.get(event_type)
    if cls is None:
        raise UnsupportedEvent(f"unknown or newer event type {event_type!r}")
    if expected is not None and cls not in expected:
        raise UnsupportedEvent(f"event type {event_type!r} does not belong on this topic")
    try:
        event = cls.model_validate(data)
        time = datetime.fromisoformat(str(doc["time"]).replace("Z", "+00:00"))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidEvent(f"{event_type}: {where}: {first['msg']} ({exc.error_count()} errors)") from None
    except ValueError as exc:
        raise InvalidEvent(f"{event_type}: bad time: {exc}") from None
    return Envelope(
        id=str(doc["id"]),
        source=str(doc["source"]),
        type=event_type,
        subject=str(doc.get("subject") or event.subject()),
        time=time,
        data=event,
        traceparent=doc.get("traceparent"),
    )

"""CloudEvents 1.0 structured-mode JSON envelope around an `Event`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from parley.shared.events.base import Event
from parley.shared.ids import event_id

SPECVERSION = "1.0"


@dataclass(frozen=True)
class Envelope:
    id: str
    source: str
    type: str
    subject: str
    time: datetime
    data: Event
    traceparent: str | None = None


def wrap(
    event: Event,
    *,
    service: str,
    id_parts: tuple[str, ...] = (),
    time: datetime | None = None,
    traceparent: str | None = None,
) -> Envelope:
    """Put an event in an envelope; the id is derived from type, subject and `id_parts`."""
    subject = event.subject()
    event_type = event.event_type()
    return Envelope(
        id=event_id(event_type, subject, *id_parts),
        source=f"parley/{service}",
        type=event_type,
        subject=subject,
        time=time or datetime.now(UTC),
        data=event,
        traceparent=traceparent,
    )


def to_dict(envelope: Envelope) -> dict[str, Any]:
    out: dict[str, Any] = {
        "specversion": SPECVERSION,
        "id": envelope.id,
        "source": envelope.source,
        "type": envelope.type,
        "subject": envelope.subject,
        "time": envelope.time.isoformat().replace("+00:00", "Z"),
        "datacontenttype": "application/json",
        "data": envelope.data.model_dump(mode="json"),
    }
    if envelope.traceparent:
        out["traceparent"] = envelope.traceparent
    return out


def encode(envelope: Envelope) -> bytes:
    return json.dumps(to_dict(envelope), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

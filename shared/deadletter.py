"""Build the dead-letter record for a message no service can use."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from parley.shared.events import MessageDeadLettered, encode, wrap

# The record must fit the dead-letter topic's 4 MiB (and the producers' max request size) once the
# value is base64-encoded (4/3 larger) and wrapped in its envelope: 3,000,000 bytes become 4,000,000
# characters, leaving about 190 KB for the envelope.
MAX_KEPT_BYTES = 3_000_000


def dead_letter(
    *,
    service: str,
    reason: str,
    error: str,
    topic: str,
    partition: int | None,
    offset: int | None,
    key: bytes | None,
    value: bytes | None,
) -> tuple[bytes, bytes]:
    """Return (key, value) to produce to the dead-letter topic; the original bytes are kept."""
    raw = value or b""
    note = ""
    if len(raw) > MAX_KEPT_BYTES:
        # Kafka can't carry it whole; keep the head so the record still shows what it was.
        note = f" (original {len(raw)} bytes, first {MAX_KEPT_BYTES} kept)"
        raw = raw[:MAX_KEPT_BYTES]
    event = MessageDeadLettered(
        reason=reason,
        error=(error + note)[:2000],
        service=service,
        origin_topic=topic,
        origin_partition=partition,
        origin_offset=offset,
        key_b64=base64.b64encode(key).decode() if key is not None else None,
        value_b64=base64.b64encode(raw).decode(),
        dead_lettered_at=datetime.now(UTC),
    )
    envelope = wrap(event, service=service, id_parts=(topic, str(partition), str(offset)))
    return envelope.subject.encode(), encode(envelope)

"""A message that could not be used, kept whole with the reason and where it came from."""

from __future__ import annotations

import base64
from datetime import datetime

from parley.shared.events.base import Event


class MessageDeadLettered(Event):
    subject_kind = "message"
    verb = "deadlettered"
    version = 1

    reason: str
    error: str
    service: str
    origin_topic: str
    origin_partition: int | None = None
    origin_offset: int | None = None
    key_b64: str | None = None
    value_b64: str
    dead_lettered_at: datetime

    def subject(self) -> str:
        return f"{self.origin_topic}/{self.origin_partition}/{self.origin_offset}"

    def original_value(self) -> bytes:
        return base64.b64decode(self.value_b64)

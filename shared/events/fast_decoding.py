"""`decode_event`'s result, with a one-pass fast path (used by the indexer, where it matters most).

`decode_event` parses the JSON into Python objects and validates those, which is most of the
indexer's CPU time per message. Here the envelope and its data are validated straight from the
bytes by pydantic, against the event types the topic may carry. Only a message that passes in
full is answered this way; anything else (an older type to upcast, a poison message) goes
through `decode_event`, so its errors and dead-letter reasons stay exactly the same.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Field, TypeAdapter, ValidationError, create_model

from parley.shared.events.base import Event
from parley.shared.events.envelope import SPECVERSION, Envelope
from parley.shared.events.registry import MAX_MESSAGE_BYTES, decode_event


class _EnvelopeFields(BaseModel):
    """The CloudEvents attributes as `decode_event` reads them (it stringifies id and source)."""

    specversion: str
    id: Any
    source: Any
    time: Any
    subject: Any = None
    traceparent: Any = None


def _envelope_model(cls: type[Event]) -> type[_EnvelopeFields]:
    # Types built at run time are `Any` to mypy; the type is the discriminator between models.
    event_type: Any = Literal[cls.event_type()]
    return create_model(
        f"{cls.__name__}Envelope", __base__=_EnvelopeFields, type=(event_type, ...), data=(cls, ...)
    )


def _adapter(expected: tuple[type[Event], ...]) -> TypeAdapter[Any]:
    models = tuple(_envelope_model(cls) for cls in expected)
    if len(models) == 1:
        return TypeAdapter(models[0])
    tagged: Any = Annotated[Union[models], Field(discriminator="type")]  # noqa: UP007
    return TypeAdapter(tagged)


class EventDecoder:
    """Decode the messages of one topic, which may carry only the `expected` event types."""

    def __init__(self, expected: tuple[type[Event], ...]) -> None:
        self.expected = expected
        self._adapter = _adapter(expected)

    def decode(self, raw: bytes | None) -> Envelope:
        """The envelope `decode_event(raw, expected)` returns; raises its PoisonMessage otherwise."""
        envelope = self._fast(raw)
        return envelope if envelope is not None else decode_event(raw, expected=self.expected)

    def _fast(self, raw: bytes | None) -> Envelope | None:
        if raw is None or len(raw) > MAX_MESSAGE_BYTES:
            return None
        try:
            parsed = self._adapter.validate_json(raw)
            if parsed.specversion != SPECVERSION:
                return None
            time = datetime.fromisoformat(str(parsed.time).replace("Z", "+00:00"))
        except (ValidationError, ValueError):
            return None
        event: Event = parsed.data
        return Envelope(
            id=str(parsed.id),
            source=str(parsed.source),
            type=parsed.type,
            subject=str(parsed.subject or event.subject()),
            time=time,
            data=event,
            traceparent=parsed.traceparent,
        )

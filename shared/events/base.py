"""Events: small, frozen, versioned facts. The CloudEvents `type` is derived from the class."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Event(BaseModel):
    """Base of every event's data. Subclasses set `subject_kind`, `verb` and `version`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject_kind: ClassVar[str]
    verb: ClassVar[str]
    version: ClassVar[int] = 1

    @classmethod
    def event_type(cls) -> str:
        return f"parley.{cls.subject_kind}.{cls.verb}.v{cls.version}"

    def subject(self) -> str:
        """The CloudEvents subject: the article id or talks id this event is about."""
        raise NotImplementedError

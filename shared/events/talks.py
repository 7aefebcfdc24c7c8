"""Facts about talks events: their current state and the alerts they raise."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from parley.shared.events.base import Event
from parley.shared.extraction import TalksFormat, TalksStatus


class StatusChange(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    status: TalksStatus
    at: datetime
    article_id: str


class TalksState(BaseModel):
    """What Parley currently knows about one real-world talks event."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    talks_id: str
    revision: int
    parties: tuple[str, ...]
    mediators: tuple[str, ...] = ()
    location: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    date_text: str | None = None
    format: TalksFormat | None = None
    round: str | None = None
    delegation_heads: tuple[str, ...] = ()
    status: TalksStatus
    status_history: tuple[StatusChange, ...] = ()
    confidence: float = 0.0
    evidence: str = ""
    first_seen: datetime
    last_seen: datetime
    sources: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    story_ids: tuple[str, ...] = ()
    # Outlets that reported it on their own: distinct outlets, a syndicated copy of a story
    # already counted (same story id) adding nothing.
    independent_sources: int = 0


class FieldChange(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str
    old: Any = None
    new: Any = None


class TalksRecorded(Event):
    """The current state of a talks event (the compacted `talks` topic, key = talks id)."""

    subject_kind = "talks"
    verb = "recorded"
    version = 1

    talks: TalksState

    def subject(self) -> str:
        return self.talks.talks_id


class TalksAnnounced(Event):
    """First credible report of planned talks."""

    subject_kind = "talks"
    verb = "announced"
    version = 1

    alert_id: str
    talks: TalksState
    article_id: str
    article_title: str = ""
    article_url: str | None = None
    ingested_at: datetime | None = None

    def subject(self) -> str:
        return self.talks.talks_id


class TalksCorroborated(Event):
    """One more independent outlet reported a known talks event (`sources` is the new count).

    Only subscribers whose rule asks for corroboration (`min_sources`) are sent it; for them the
    alert at their threshold stands in for the announcement.
    """

    subject_kind = "talks"
    verb = "corroborated"
    version = 1

    alert_id: str
    talks: TalksState
    sources: int
    article_id: str
    article_title: str = ""
    article_url: str | None = None
    ingested_at: datetime | None = None

    def subject(self) -> str:
        return self.talks.talks_id


class TalksUpdated(Event):
    """A later report changed a known talks event; `changes` says what (old -> new)."""

    subject_kind = "talks"
    verb = "updated"
    version = 1

    alert_id: str
    talks: TalksState
    changes: tuple[FieldChange, ...]
    article_id: str
    article_title: str = ""
    article_url: str | None = None
    ingested_at: datetime | None = None

    def subject(self) -> str:
        return self.talks.talks_id

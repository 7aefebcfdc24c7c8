"""What enrichment finds in an article: entities, dates and talks records.

These are plain frozen value objects shared by the enrichment service (which produces them),
the events that carry them, the indexer (which maps them to documents) and alerting.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TalksStatus = Literal["announced", "rescheduled", "postponed", "cancelled", "held", "proposed", "denied"]
TalksFormat = Literal["bilateral", "trilateral", "multilateral"]
EntityKind = Literal["country", "place", "person", "organisation", "armed_group"]

TALKS_STATUSES: tuple[str, ...] = (
    "announced",
    "rescheduled",
    "postponed",
    "cancelled",
    "held",
    "proposed",
    "denied",
)
# Statuses that describe a meeting still to come: what subscribers are alerted about first.
UPCOMING_STATUSES: frozenset[str] = frozenset({"announced", "rescheduled"})


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Entity(_Frozen):
    """A mention of a named thing, with its normalised name and character offsets in the text."""

    kind: EntityKind
    text: str
    name: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    role: str | None = None  # e.g. "Kremlin spokesman" for a person
    country: str | None = None  # the state a person, place or institution belongs to


class DateMention(_Frozen):
    """A date expression resolved against the publication date (null dates when undetermined)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    start_date: date | None = None
    end_date: date | None = None


class TalksRecord(_Frozen):
    """One talks / negotiations / summit / meeting round reported by an article."""

    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    location: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    date_text: str | None = None
    format: TalksFormat | None = None
    round: str | None = None
    delegation_heads: tuple[str, ...] = ()
    status: TalksStatus
    cameo_code: str | None = None
    evidence: str = ""
    confidence: float = Field(ge=0.0, le=1.0)


class Extraction(_Frozen):
    """Everything enrichment extracts from one article."""

    language: str | None = None
    clean_text: str = ""
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    talks: tuple[TalksRecord, ...] = ()
    notes: tuple[str, ...] = ()

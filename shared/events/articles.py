"""Facts about articles."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from parley.shared.events.base import Event
from parley.shared.extraction import DateMention, Entity, TalksRecord

Channel = Literal["file", "api", "feed", "stdin"]


class ArticleReceived(Event):
    """An article entered Parley through one of its channels."""

    subject_kind = "article"
    verb = "received"
    version = 1

    article_id: str
    url: str | None = None
    canonical_url: str | None = None
    title: str
    published: datetime
    text: str
    content_type: Literal["text", "html"] = "text"
    source: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    channel: Channel = "file"
    summary_only: bool = False
    ingested_at: datetime

    def subject(self) -> str:
        return self.article_id


class ArticleEnriched(Event):
    """An article was cleaned and its entities, dates and talks records extracted."""

    subject_kind = "article"
    verb = "enriched"
    version = 1

    article_id: str
    url: str | None = None
    canonical_url: str | None = None
    title: str
    published: datetime
    ingested_at: datetime
    enriched_at: datetime
    source: str | None = None
    tags: tuple[str, ...] = ()
    channel: Channel = "file"
    language: str | None = None
    text: str
    story_id: str
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    talks: tuple[TalksRecord, ...] = ()
    notes: tuple[str, ...] = ()

    def subject(self) -> str:
        return self.article_id


class ArticleDeleted(Event):
    """An article was taken down; every derived copy must forget it."""

    subject_kind = "article"
    verb = "deleted"
    version = 1

    article_id: str
    reason: str = Field(min_length=1, max_length=500)
    deleted_at: datetime

    def subject(self) -> str:
        return self.article_id

"""Facts about calendar subscriptions: read-only capability URLs for the talks calendar feed.

Only a hash of a subscription's secret is ever recorded: the secret itself is shown once, in the
URL handed to the operator, and lives in no topic, index or log.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from parley.shared.events.base import Event


class FeedCreated(Event):
    """A calendar subscription exists (compacted topic `desk.feeds`, key = feed id)."""

    subject_kind = "feed"
    verb = "created"
    version = 1

    feed_id: str = Field(min_length=1, max_length=64)
    name: str = Field(default="", max_length=200)
    # Limits the feed to the talks of one country (a party or mediator), as `?country=` does.
    country: str | None = Field(default=None, max_length=100)
    secret_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    created_at: datetime
    created_by: str = "cli"

    def subject(self) -> str:
        return self.feed_id


class FeedRevoked(Event):
    """A calendar subscription no longer works: its URL answers 401 from now on."""

    subject_kind = "feed"
    verb = "revoked"
    version = 1

    feed_id: str = Field(min_length=1, max_length=64)
    revoked_at: datetime
    revoked_by: str = "cli"

    def subject(self) -> str:
        return self.feed_id

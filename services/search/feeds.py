"""Calendar subscriptions (`parley desk feeds create|list|revoke`): read-only capability URLs.

Calendar apps send neither headers nor cookies, so a subscription is a URL holding a key,
`<feed id>.<secret>`. Only the secret's SHA-256 is recorded (topic `desk.feeds`, then the feeds
index); the URL is printed once, at creation. Revoking records FeedRevoked: the indexer deletes
the feed's document and its URL answers 401 from then on.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from parley.services.search import backend
from parley.services.search.desk.access import FEED_KEY_SEPARATOR, secret_hash
from parley.services.search.settings import SearchSettings
from parley.shared.elasticsearch import make_client
from parley.shared.errors import InputError
from parley.shared.events import FeedCreated, FeedRevoked, encode, wrap
from parley.shared.kafka import kafka_errors, make_producer
from parley.shared.topics import Names

SERVICE = "cli"


@dataclass(frozen=True)
class CreatedFeed:
    feed_id: str
    key: str  # shown once: `<feed id>.<secret>`
    url: str


def feed_url(base: str | None, key: str) -> str:
    path = "/talks/upcoming.ics?" + urlencode({"key": key})
    return (base or "http://127.0.0.1:8086") + path


def _send(settings: SearchSettings, feed_id: str, event: FeedCreated | FeedRevoked) -> None:
    producer = make_producer(settings.kafka, f"{settings.namespace}-desk-feeds")
    try:
        with kafka_errors("recording the calendar subscription"):
            envelope = wrap(event, service=SERVICE, id_parts=(event.event_type(), feed_id))
            producer.send(Names(settings.namespace).feeds, key=feed_id.encode(), value=encode(envelope)).get(
                timeout=30
            )
    finally:
        producer.close()


def create(settings: SearchSettings, name: str = "", country: str | None = None) -> CreatedFeed:
    if len(name) > 200:
        raise InputError("name: at most 200 characters")
    if country is not None and not (0 < len(country.strip()) <= 100):
        raise InputError("country: 1 to 100 characters")
    feed_id = "f" + secrets.token_hex(8)
    secret = secrets.token_urlsafe(24)
    event = FeedCreated(
        feed_id=feed_id,
        name=name,
        country=country.strip() if country else None,
        secret_sha256=secret_hash(secret),
        created_at=datetime.now(UTC),
    )
    _send(settings, feed_id, event)
    key = f"{feed_id}{FEED_KEY_SEPARATOR}{secret}"
    return CreatedFeed(feed_id, key, feed_url(settings.desk.public_url, key))


def revoke(settings: SearchSettings, feed_id: str) -> None:
    """Revoke a subscription in force; InputError for an id that names none (a typo must not
    read as a revocation while the real URL keeps working)."""
    if not feed_id or len(feed_id) > 64 or FEED_KEY_SEPARATOR in feed_id:
        raise InputError("give the feed id (as `parley desk feeds list` shows it), not its URL")
    es = make_client(settings.es)
    try:
        found = backend.get_feed(es, Names(settings.namespace), feed_id)
    finally:
        es.close()
    if found is None:
        raise InputError(f"no calendar subscription {feed_id!r} is in force (see `parley desk feeds list`)")
    _send(settings, feed_id, FeedRevoked(feed_id=feed_id, revoked_at=datetime.now(UTC)))

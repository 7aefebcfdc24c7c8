"""Parley's events and their CloudEvents envelope."""

from parley.shared.events.alerts import (
    AlertDeliveryRecorded,
    AlertRedeliveryRequested,
    DeliveryAttempt,
    WebhookTested,
)
from parley.shared.events.articles import ArticleDeleted, ArticleEnriched, ArticleReceived
from parley.shared.events.base import Event
from parley.shared.events.deadletter import MessageDeadLettered
from parley.shared.events.envelope import Envelope, encode, to_dict, wrap
from parley.shared.events.feeds import FeedCreated, FeedRevoked
from parley.shared.events.registry import decode_event
from parley.shared.events.talks import (
    FieldChange,
    TalksAnnounced,
    TalksCorroborated,
    TalksRecorded,
    TalksState,
    TalksUpdated,
)

__all__ = [
    "AlertDeliveryRecorded",
    "AlertRedeliveryRequested",
    "ArticleDeleted",
    "ArticleEnriched",
    "ArticleReceived",
    "DeliveryAttempt",
    "Envelope",
    "Event",
    "FeedCreated",
    "FeedRevoked",
    "FieldChange",
    "MessageDeadLettered",
    "TalksAnnounced",
    "TalksCorroborated",
    "TalksRecorded",
    "TalksState",
    "TalksUpdated",
    "WebhookTested",
    "decode_event",
    "encode",
    "to_dict",
    "wrap",
]

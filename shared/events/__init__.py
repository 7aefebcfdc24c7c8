"""Parley's events and their CloudEvents envelope."""

from parley.shared.events.alerts import AlertDeliveryRecorded, DeliveryAttempt
from parley.shared.events.articles import ArticleDeleted, ArticleEnriched, ArticleReceived
from parley.shared.events.base import Event
from parley.shared.events.deadletter import MessageDeadLettered
from parley.shared.events.envelope import Envelope, encode, to_dict, wrap
from parley.shared.events.registry import decode_event
from parley.shared.events.talks import FieldChange, TalksAnnounced, TalksRecorded, TalksState, TalksUpdated

__all__ = [
    "AlertDeliveryRecorded",
    "ArticleDeleted",
    "ArticleEnriched",
    "ArticleReceived",
    "DeliveryAttempt",
    "Envelope",
    "Event",
    "FieldChange",
    "MessageDeadLettered",
    "TalksAnnounced",
    "TalksRecorded",
    "TalksState",
    "TalksUpdated",
    "decode_event",
    "encode",
    "to_dict",
    "wrap",
]

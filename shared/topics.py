"""Every Kafka topic Parley owns, declared once, named under the namespace.

Faust's own changelog and repartition topics (`<namespace>-<app>-...`) are the only others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

DAY_MS = 24 * 60 * 60 * 1000
PARTITIONS = 6
# A decision that needs one view of everything seen (story ids) is made on one partition.
SERIAL_PARTITIONS = 1


class IndexKind(StrEnum):
    """The Elasticsearch index kinds: each has an alias `<ns>-<kind>` (`Names.alias`)."""

    ARTICLES = "articles"
    TALKS = "talks"
    # Every alert sent (the Desk's timelines and recent alerts), rebuilt from the alerts topic.
    ALERTS = "alerts"
    # Calendar subscriptions (hashes of their secrets), rebuilt from desk.feeds.
    FEEDS = "feeds"


INDEX_KINDS: tuple[str, ...] = tuple(kind.value for kind in IndexKind)


@dataclass(frozen=True)
class TopicSpec:
    suffix: str
    partitions: int
    config: dict[str, str] = field(default_factory=dict)
    doc: str = ""

    def name(self, namespace: str) -> str:
        return f"{namespace}.{self.suffix}"


FOREVER = {"cleanup.policy": "delete", "retention.ms": "-1", "retention.bytes": "-1"}
COMPACTED = {"cleanup.policy": "compact", "min.compaction.lag.ms": "60000"}
THIRTY_DAYS = {"cleanup.policy": "delete", "retention.ms": str(30 * DAY_MS)}
# Articles can be up to the input cap; leave room for the envelope.
LARGE_MESSAGES = {"max.message.bytes": str(4 * 1024 * 1024)}

ARTICLES_RAW = TopicSpec(
    "articles.raw", PARTITIONS, {**FOREVER, **LARGE_MESSAGES}, "article received: the source of truth"
)
ARTICLES_ENRICHED = TopicSpec(
    "articles.enriched", PARTITIONS, {**COMPACTED, **LARGE_MESSAGES}, "latest enrichment per article id"
)
TALKS = TopicSpec("talks", PARTITIONS, COMPACTED, "current state of each talks event, by talks id")
ALERTS = TopicSpec("alerts", PARTITIONS, FOREVER, "talks announced / updated alerts")
ALERTS_DELIVERIES = TopicSpec("alerts.deliveries", PARTITIONS, COMPACTED, "delivery state per alert+endpoint")
DEADLETTER = TopicSpec("deadletter", PARTITIONS, {**THIRTY_DAYS, **LARGE_MESSAGES}, "unusable messages")
ALERTS_DEADLETTER = TopicSpec(
    "alerts.deadletter", PARTITIONS, THIRTY_DAYS, "alerts that could not be delivered"
)

DESK_FEEDS = TopicSpec(
    "desk.feeds", PARTITIONS, COMPACTED, "calendar subscriptions, by feed id (hashes only)"
)

ALL_TOPICS: tuple[TopicSpec, ...] = (
    ARTICLES_RAW,
    ARTICLES_ENRICHED,
    TALKS,
    ALERTS,
    ALERTS_DELIVERIES,
    DEADLETTER,
    ALERTS_DEADLETTER,
    DESK_FEEDS,
)


@dataclass(frozen=True)
class Names:
    """Topic, index and consumer-group names of one namespace."""

    namespace: str

    @property
    def raw(self) -> str:
        return ARTICLES_RAW.name(self.namespace)

    @property
    def enriched(self) -> str:
        return ARTICLES_ENRICHED.name(self.namespace)

    @property
    def talks(self) -> str:
        return TALKS.name(self.namespace)

    @property
    def alerts(self) -> str:
        return ALERTS.name(self.namespace)

    @property
    def deliveries(self) -> str:
        return ALERTS_DELIVERIES.name(self.namespace)

    @property
    def deadletter(self) -> str:
        return DEADLETTER.name(self.namespace)

    @property
    def alerts_deadletter(self) -> str:
        return ALERTS_DEADLETTER.name(self.namespace)

    @property
    def feeds(self) -> str:
        return DESK_FEEDS.name(self.namespace)

    def index_topic(self, kind: str) -> str:
        """The topic an index kind is built from (the indexer reads it; a reindex replays it)."""
        return {
            IndexKind.ARTICLES: self.enriched,
            IndexKind.TALKS: self.talks,
            IndexKind.ALERTS: self.alerts,
            IndexKind.FEEDS: self.feeds,
        }[IndexKind(kind)]

    def group(self, service: str) -> str:
        """Consumer group / faust app id of a service."""
        return f"{self.namespace}-{service}"

    def index(self, kind: str, version: int) -> str:
        return f"{self.namespace}-{kind}-v{version}"

    def alias(self, kind: str) -> str:
        return f"{self.namespace}-{kind}"

    def index_pattern(self, kind: str) -> str:
        return f"{self.namespace}-{kind}-v*"

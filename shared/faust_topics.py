"""Every topic a faust app reads or writes exists, with the partitions it expects, before it runs.

faust creates internal and changelog topics lazily, after its consumer has fetched its first
metadata. On a young broker that metadata can lack a topic created a moment earlier; aiokafka
then believes the topic has no partitions until its next periodic refresh (five minutes by
default), and every table write from an agent fails with `PartitionsMismatch` meanwhile. So the
topics are created here first, and the worker starts only once a metadata request shows each of
them with the right number of partitions, all with a leader. The worker's own consumer checks
its metadata once more before it joins its group (`faust_transport`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import faust
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from parley.shared.errors import KafkaUnavailable, ParleyError
from parley.shared.kafka import kafka_errors, make_admin
from parley.shared.logging import get_logger
from parley.shared.settings import ParleySettings
from parley.shared.topics import ALL_TOPICS

log = get_logger(__name__)

COMPACTED = {"cleanup.policy": "compact"}
VISIBLE_TIMEOUT_S = 120.0


class TopicsNotReady(ParleyError):
    """Topics a worker needs are missing or have the wrong partition count; it must not start."""


@dataclass(frozen=True)
class TopicNeed:
    name: str
    partitions: int
    config: Mapping[str, str] = field(default_factory=dict)


def topic_needs(app: faust.App, settings: ParleySettings) -> tuple[TopicNeed, ...]:
    """The namespace's topics, the agents' source topics and every table's changelog topic."""
    ns = settings.namespace
    default = int(app.conf.topic_partitions)
    needs: dict[str, TopicNeed] = {
        spec.name(ns): TopicNeed(spec.name(ns), spec.partitions, dict(spec.config)) for spec in ALL_TOPICS
    }
    for agent in app.agents.values():
        channel: Any = agent.channel
        for name in getattr(channel, "topics", ()):
            config = dict(getattr(channel, "config", None) or {})
            needs.setdefault(name, TopicNeed(name, int(channel.partitions or default), config))
    for table in app.tables.values():
        name = table.changelog_topic.get_topic_name()
        needs.setdefault(name, TopicNeed(name, int(table.partitions or default), COMPACTED))
    return tuple(sorted(needs.values(), key=lambda n: n.name))


def problems(needs: Iterable[TopicNeed], described: Mapping[str, Any]) -> list[str]:
    """What is not ready yet, from a metadata answer (`{name: kafka-python topic description}`)."""
    found: list[str] = []
    for need in needs:
        topic = described.get(need.name)
        if topic is None or topic.get("error_code", 0) != 0:
            found.append(f"{need.name}: not in the cluster's metadata")
            continue
        partitions = topic.get("partitions") or []
        if len(partitions) != need.partitions:
            found.append(f"{need.name}: {len(partitions)} partitions, expected {need.partitions}")
        elif any(p.get("leader_id", p.get("leader", -1)) < 0 for p in partitions):
            found.append(f"{need.name}: a partition has no leader yet")
    return found


def wrong_partition_counts(needs: Iterable[TopicNeed], described: Mapping[str, Any]) -> list[str]:
    """Existing topics whose partition count differs: no amount of waiting mends those."""
    out = []
    for need in needs:
        topic = described.get(need.name)
        if topic is not None and topic.get("error_code", 0) == 0:
            count = len(topic.get("partitions") or [])
            if count and count != need.partitions:
                out.append(f"{need.name} has {count} partitions, expected {need.partitions}")
    return out


def _describe(admin: KafkaAdminClient, names: list[str]) -> dict[str, Any]:
    with kafka_errors("describing topics"):
        return {t["name"]: t for t in admin.describe_topics(names)}


def _create_missing(admin: KafkaAdminClient, needs: Iterable[TopicNeed], replication: int) -> list[str]:
    with kafka_errors("listing topics"):
        existing = set(admin.list_topics())
    created = []
    for need in needs:
        if need.name in existing:
            continue
        topic = NewTopic(need.name, need.partitions, replication, topic_configs=dict(need.config))
        with kafka_errors(f"creating {need.name}"), contextlib.suppress(TopicAlreadyExistsError):
            admin.create_topics([topic])
            created.append(need.name)
    return created


def prepare_topics(
    app: faust.App, settings: ParleySettings, timeout_s: float = VISIBLE_TIMEOUT_S
) -> tuple[TopicNeed, ...]:
    """Create what is missing, then wait (bounded) until the cluster's metadata shows every
    topic the app needs with its partitions led. Raises TopicsNotReady when that never comes
    or a topic exists with another partition count; KafkaUnavailable only past the bound."""
    needs = topic_needs(app, settings)
    names = [n.name for n in needs]
    deadline = time.monotonic() + timeout_s
    delay = 0.2
    last: list[str] = []
    while True:
        try:
            admin = make_admin(settings.kafka, f"{app.conf.id}-setup")
            try:
                created = _create_missing(admin, needs, settings.kafka.replication_factor)
                if created:
                    log.info("topics_created", topics=created)
                described = _describe(admin, names)
            finally:
                admin.close()
            wrong = wrong_partition_counts(needs, described)
            if wrong:
                raise TopicsNotReady("; ".join(wrong) + " (delete the topic or use another namespace)")
            last = problems(needs, described)
            if not last:
                return needs
        except (KafkaUnavailable, KafkaError, OSError) as exc:
            last = [f"Kafka: {exc}"]
        if time.monotonic() > deadline:
            raise TopicsNotReady(f"topics not ready after {timeout_s:.0f}s: " + "; ".join(last[:5]))
        log.info("topics_not_visible_yet", waiting_for=last[:5], retry_in_s=round(delay, 1))
        time.sleep(delay)
        delay = min(delay * 2, 5.0)

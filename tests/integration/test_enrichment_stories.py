"""Story ids on the real Kafka: the same story id for two outlets' copies of one story, whatever
restart or replica of enrichment read them."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from parley.shared.events import ArticleReceived, encode, wrap
from parley.shared.kafka import make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import PARTITIONS, Names
from tests.conftest import wait_until
from tests.support.alerting import Services, read_topic

T0 = datetime(2026, 5, 4, 6, 0, tzinfo=UTC)
STORY = (
    "Delegations of the two neighbouring republics will sit down in a lakeside city next week to settle "
    "a dispute over water rights, border crossings and grazing land that has soured their relations "
    "for years, officials on both sides said, adding that the foreign ministers would lead the talks "
    "and that a mediator from a third country had offered to chair the opening session."
)
COPY = STORY.replace("next week", "on Monday") + " The report was updated with the ministers' names."
OTHER = (
    "The city council voted on Thursday to rebuild the old tram depot as a public library, after a "
    "long campaign by residents who wanted the listed building saved from demolition by developers."
)


@pytest.fixture
def services(ns: str, tmp_path: Path) -> Iterator[Services]:
    s = Services(ns, [], tmp_path)
    yield s
    s.stop()


def publish_raw(ns: str, article_id: str, source: str, text: str, minutes: int) -> None:
    at = T0 + timedelta(minutes=minutes)
    article = ArticleReceived(
        article_id=article_id,
        title=f"{source}: water talks",
        published=at,
        text=text,
        source=source,
        ingested_at=datetime.now(UTC),
    )
    producer = make_producer(KafkaSettings(), "test")
    producer.send(Names(ns).raw, key=article_id.encode(), value=encode(wrap(article, service="ingest")))
    producer.flush(timeout=30)
    producer.close()


def story_ids(ns: str) -> dict[str, str]:
    out = {}
    for message in read_topic(Names(ns).enriched):
        data = json.loads(message.value)["data"]
        out[data["article_id"]] = data["story_id"]
    return out


def partition_of(article_id: str) -> int:
    """Where the producer puts an article id (kafka-python's murmur2 partitioner)."""
    from kafka.partitioner.default import murmur2

    return (murmur2(article_id.encode()) & 0x7FFFFFFF) % PARTITIONS


def ids_on_different_partitions(prefix: str) -> tuple[str, str]:
    first = f"{prefix}-0"
    for i in range(1, 100):
        other = f"{prefix}-{i}"
        if partition_of(other) != partition_of(first):
            return first, other
    raise AssertionError("no two ids on different partitions")


def test_a_restart_between_two_copies_keeps_their_story(ns: str, services: Services) -> None:
    first, second = ids_on_different_partitions("wire")
    services.start("enrichment")
    publish_raw(ns, first, "Outlet One", STORY, minutes=0)
    wait_until(lambda: first in story_ids(ns), 60, what="the first copy enriched")
    services.kill("enrichment", signal.SIGKILL)  # no graceful shutdown: the changelog is all there is
    services.start("enrichment")
    publish_raw(ns, second, "Outlet Two", COPY, minutes=30)
    publish_raw(ns, "unrelated", "Outlet Two", OTHER, minutes=31)
    wait_until(lambda: {second, "unrelated"} <= set(story_ids(ns)), 60, what="the second copy enriched")
    ids = story_ids(ns)
    assert ids[first] == first
    assert ids[second] == first  # the restarted process still knew the first copy
    assert ids["unrelated"] == "unrelated"


def ids_on_every_partition(prefix: str) -> list[str]:
    found: dict[int, str] = {}
    for i in range(1000):
        found.setdefault(partition_of(f"{prefix}-{i}"), f"{prefix}-{i}")
        if len(found) == PARTITIONS:
            return [found[p] for p in sorted(found)]
    raise AssertionError("some partition got no id")


def enriched_by(services: Services, names: tuple[str, ...]) -> dict[str, set[str]]:
    """Which replica's log says it enriched which article."""
    out: dict[str, set[str]] = {name: set() for name in names}
    for name in names:
        for line in (services.log_dir / f"{name}.log").read_text(encoding="utf-8").splitlines():
            if "article_enriched" in line:
                out[name].update(part for part in line.replace('"', " ").split() if part.startswith("copy-"))
    return out


def test_two_replicas_give_copies_on_their_partitions_one_story(ns: str, services: Services) -> None:
    first, *others = ids_on_every_partition("copy")
    replicas = ("enrichment-1", "enrichment-2")
    for name in replicas:
        services.start("enrichment", name=name)
    publish_raw(ns, first, "Outlet 0", STORY, minutes=0)
    wait_until(lambda: first in story_ids(ns), 60, what="the first copy enriched")
    for i, article in enumerate(others, 1):  # one copy on every other partition of articles.raw
        publish_raw(ns, article, f"Outlet {i}", COPY + f" Outlet {i} adds nothing new.", minutes=i)
    wait_until(lambda: set(others) <= set(story_ids(ns)), 60, what="every copy enriched")
    ids = story_ids(ns)
    assert {ids[a] for a in (first, *others)} == {first}
    # The copies were read by both replicas (each owns half of the partitions), and still agree.
    readers = enriched_by(services, replicas)
    assert all(readers.values()), readers
    assert set().union(*readers.values()) == {first, *others}


def test_replicas_joining_one_after_another_leave_no_partition_unread(ns: str, services: Services) -> None:
    """Scaling out from one replica to three: two rebalances in quick succession, the second while
    the story table's owner may still be recovering from the first. Every article gets enriched."""
    first, *others = ids_on_every_partition("scale")
    services.start("enrichment", name="enrichment-1")
    publish_raw(ns, first, "Outlet 0", STORY, minutes=0)
    wait_until(lambda: first in story_ids(ns), 60, what="the first copy enriched")
    services.start("enrichment", name="enrichment-2", wait=False)
    services.start("enrichment", name="enrichment-3", wait=False)
    wait_until(
        lambda: services.ready("enrichment-2") and services.ready("enrichment-3"), 120, what="replicas ready"
    )
    for i, article in enumerate(others, 1):
        publish_raw(ns, article, f"Outlet {i}", COPY + f" Outlet {i} adds nothing new.", minutes=i)
    wait_until(lambda: set(others) <= set(story_ids(ns)), 90, what="every copy enriched")
    assert set(story_ids(ns)[a] for a in others) == {first}

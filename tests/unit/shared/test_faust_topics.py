"""Deciding from metadata whether a faust worker's topics are ready."""

from __future__ import annotations

from typing import Any

from aiokafka.cluster import ClusterMetadata

from parley.shared.faust_topics import TopicNeed, problems, wrong_partition_counts
from parley.shared.faust_transport import missing_from

NEEDS = (TopicNeed("ns.alerts", 3), TopicNeed("ns-dispatcher-marks-changelog", 2))


def described(name: str, leaders: list[int], error_code: int = 0) -> dict[str, Any]:
    partitions = [{"partition_index": i, "leader_id": leader} for i, leader in enumerate(leaders)]
    return {"name": name, "error_code": error_code, "partitions": partitions}


def test_ready_when_every_topic_has_its_partitions_each_with_a_leader() -> None:
    answer = {
        "ns.alerts": described("ns.alerts", [1, 1, 1]),
        "ns-dispatcher-marks-changelog": described("ns-dispatcher-marks-changelog", [1, 1]),
    }
    assert problems(NEEDS, answer) == []


def test_a_topic_missing_from_metadata_or_without_leaders_is_not_ready() -> None:
    answer = {
        "ns.alerts": described("ns.alerts", [1, -1, 1]),
        "ns-dispatcher-marks-changelog": described("ns-dispatcher-marks-changelog", [], error_code=3),
    }
    found = problems(NEEDS, answer)
    assert found == [
        "ns.alerts: a partition has no leader yet",
        "ns-dispatcher-marks-changelog: not in the cluster's metadata",
    ]
    assert wrong_partition_counts(NEEDS, answer) == []  # waiting can mend these


def test_an_existing_topic_with_another_partition_count_is_refused() -> None:
    answer = {"ns.alerts": described("ns.alerts", [1] * 6)}
    assert wrong_partition_counts(NEEDS, answer) == ["ns.alerts has 6 partitions, expected 3"]


def test_the_consumers_own_metadata_must_show_each_topic_with_its_partitions() -> None:
    cluster = ClusterMetadata()
    assert missing_from(cluster, NEEDS) == [
        "ns.alerts (0 of 3 partitions)",
        "ns-dispatcher-marks-changelog (0 of 2 partitions)",
    ]

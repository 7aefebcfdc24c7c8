"""The dispatcher's own progress checks (pure)."""

from __future__ import annotations

import asyncio

import pytest

from parley.services.dispatcher.progress import advanced, first_unprocessed, skipped_range
from parley.shared.errors import KafkaUnavailable, PoisonMessage
from parley.shared.faust_transport import uncommitted_stream_partitions
from parley.shared.partition_reader import Record
from parley.shared.retrying import until_done
from parley.shared.stall import StallWatch


def test_a_jump_ahead_gives_the_range_jumped_over() -> None:
    assert skipped_range(expected=3, begin=0, offset=3) is None
    assert skipped_range(expected=3, begin=0, offset=5) == (3, 5)
    # Nothing processed yet on the partition: from its first stored offset.
    assert skipped_range(expected=None, begin=0, offset=0) is None
    assert skipped_range(expected=None, begin=0, offset=2) == (0, 2)
    assert skipped_range(expected=None, begin=7, offset=9) == (7, 9)
    # Records already removed by retention cannot be read again.
    assert skipped_range(expected=2, begin=6, offset=8) == (6, 8)
    # A re-read (a rewind after a rebalance) is not a gap.
    assert skipped_range(expected=9, begin=0, offset=4) is None


def test_progress_never_moves_back() -> None:
    assert advanced(None, 0) == 1
    assert advanced(4, 4) == 5
    assert advanced(9, 4) == 9
    assert first_unprocessed(None, 3) == 3
    assert first_unprocessed(5, 3) == 5


def test_a_partition_is_read_again_only_after_it_stalls() -> None:
    watch = StallWatch(stall_s=15)
    assert watch.check(1, start=2, end=3, now=0) is None  # first sight: start the clock
    assert watch.check(1, start=2, end=3, now=10) is None
    assert watch.check(1, start=2, end=3, now=16) == 2  # no progress for 16 s
    assert watch.check(1, start=2, end=3, now=20) is None  # the clock restarts after a re-read
    assert watch.check(1, start=2, end=3, now=31) == 2


def test_progress_or_a_caught_up_partition_resets_the_clock() -> None:
    watch = StallWatch(stall_s=15)
    watch.check(1, start=2, end=9, now=0)
    assert watch.check(1, start=5, end=9, now=16) is None  # it moved: busy, not stalled
    assert watch.check(1, start=5, end=9, now=30) is None
    assert watch.check(1, start=9, end=9, now=40) is None  # caught up
    assert watch.check(1, start=9, end=10, now=41) is None
    assert watch.check(1, start=9, end=10, now=50) is None
    watch.forget(keep={2})
    assert watch.check(1, start=9, end=10, now=70) is None  # revoked and back: a fresh clock


def test_only_never_committed_stream_partitions_are_rewound() -> None:
    tp = Record  # any object with topic and partition
    committed = {
        tp("alerts", 0, 0, None, None): None,
        tp("alerts", 1, 0, None, None): 0,
        tp("alerts", 2, 0, None, None): 7,
        tp("app-table-changelog", 0, 0, None, None): None,
    }
    rewound = uncommitted_stream_partitions(committed, {"app-table-changelog"})
    assert [(r.topic, r.partition) for r in rewound] == [("alerts", 0), ("alerts", 1)]


def test_reading_a_skipped_range_waits_for_kafka_instead_of_failing() -> None:
    calls: list[int] = []

    async def flaky(partition: int) -> tuple[int, int]:
        calls.append(partition)
        if len(calls) < 3:
            raise KafkaUnavailable("broker down")
        return (0, 7)

    assert asyncio.run(until_done("bounds", flaky, 4)) == (0, 7)
    assert calls == [4, 4, 4]

    async def broken(partition: int) -> tuple[int, int]:
        raise PoisonMessage("invalid", "not a Kafka outage")

    with pytest.raises(PoisonMessage):  # anything else is not retried
        asyncio.run(until_done("bounds", broken, 4))

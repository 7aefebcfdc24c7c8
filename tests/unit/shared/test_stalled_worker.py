"""The stalled-worker watch: which partitions count, and when the worker leaves (pure logic; the
faust app is a stand-in with the attributes the watch reads)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import pytest
from pydantic import ValidationError

from parley.shared.lag import LagExporter, PartitionLag
from parley.shared.retrying import until_done, waiting, waiting_now
from parley.shared.settings import ParleySettings
from parley.shared.stall import StallWatch
from parley.shared.stalled_worker import EXIT_STALLED, StalledWorker, stalled_partitions

RAW = "p.articles.raw"


def lag(partition: int, committed: int | None, end: int, topic: str = RAW) -> PartitionLag:
    return PartitionLag(topic, partition, committed, 0, end)


@dataclass(frozen=True)
class TP:
    topic: str
    partition: int


@dataclass
class Recovery:
    in_recovery: bool = False
    remaining: int = 0

    def active_remaining_total(self) -> int:
        return self.remaining


@dataclass
class Consumer:
    partitions: set[TP] = field(default_factory=set)
    started: bool = True

    def assignment(self) -> set[TP]:
        return set(self.partitions)


@dataclass
class Tables:
    _recovery: Recovery | None = None


class App:
    """faust's `app.tables` is a cached property that makes the table manager, whose `recovery`
    makes the recovery service: the watch may only read what the worker already made."""

    def __init__(self, *partitions: int, topic: str = RAW) -> None:
        self.rebalancing = False
        self.__dict__["tables"] = Tables(Recovery())
        self._consumer = Consumer({TP(topic, p) for p in partitions})

    @property
    def tables(self) -> Tables:
        raise AssertionError("the watch must not make faust's table manager")

    @property
    def recovery(self) -> Recovery:
        recovery = self.__dict__["tables"]._recovery
        assert recovery is not None
        return recovery


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def worker(app: Any, stall_s: float = 60, waiting: bool = False) -> tuple[StalledWorker, list[int], Clock]:
    left: list[int] = []
    clock = Clock()
    watch = StalledWorker(app, stall_s, round_s=30, leave=left.append, clock=clock, waiting=lambda: waiting)
    return watch, left, clock


def rounds(watch: StalledWorker, clock: Clock, every: float, *lags_of_each: list[PartitionLag]) -> None:
    for lags in lags_of_each:
        watch.observe(lags)
        clock.now += every


def test_only_own_partitions_with_messages_waiting_and_no_progress_stall() -> None:
    watch: StallWatch[tuple[str, int]] = StallWatch(stall_s=60)
    own = {(RAW, 0), (RAW, 1), (RAW, 2)}
    first = [lag(0, 5, 9), lag(1, 7, 7), lag(2, 3, 8), lag(4, 0, 9)]
    assert stalled_partitions(watch, own, first, now=0) == []
    later = [lag(0, 5, 12), lag(1, 7, 7), lag(2, 6, 8), lag(4, 0, 9)]
    # 0 waits and has not moved; 1 is caught up; 2 moved on; 4 is another worker's.
    assert stalled_partitions(watch, own, later, now=61) == [(RAW, 0)]


def test_a_never_committed_partition_with_messages_stalls_at_its_start() -> None:
    watch: StallWatch[tuple[str, int]] = StallWatch(stall_s=60)
    own = {(RAW, 3)}
    assert stalled_partitions(watch, own, [PartitionLag(RAW, 3, None, 4, 6)], now=0) == []
    assert stalled_partitions(watch, own, [PartitionLag(RAW, 3, None, 4, 6)], now=60) == [(RAW, 3)]


def test_the_worker_leaves_once_nothing_it_holds_has_moved_for_the_stall_time() -> None:
    watch, left, clock = worker(App(0, 1))
    rounds(
        watch,
        clock,
        20,
        [lag(0, 5, 9), lag(1, 2, 2)],
        [lag(0, 5, 9), lag(1, 2, 4)],
        [lag(0, 5, 9), lag(1, 2, 4)],
    )
    assert left == []  # 40 s
    rounds(watch, clock, 20, [lag(0, 5, 9), lag(1, 2, 4)])
    assert left == [EXIT_STALLED]  # 60 s


def test_a_partition_waiting_behind_another_that_moves_is_no_stall() -> None:
    # one agent takes its partitions one message at a time: 0 waits while 1 is worked through
    watch, left, clock = worker(App(0, 1))
    rounds(watch, clock, 20, *[[lag(0, 5, 9), lag(1, 100 + 10 * i, 900)] for i in range(10)])
    assert left == []
    rounds(watch, clock, 20, *[[lag(0, 5, 9), lag(1, 190, 900)] for _ in range(4)])
    assert left == [EXIT_STALLED]


def test_an_internal_topic_counts_and_a_table_changelog_does_not() -> None:
    app = App(0, topic="p-enrichment-stories")
    app._consumer.partitions.add(TP("p-enrichment-stories-changelog", 0))
    watch, left, clock = worker(app)
    changelog = lag(0, None, 50, topic="p-enrichment-stories-changelog")
    rounds(watch, clock, 20, *[[changelog] for _ in range(5)])
    assert left == []  # positioned by faust's recovery, never committed
    rounds(watch, clock, 20, *[[changelog, lag(0, 3, 8, topic="p-enrichment-stories")] for _ in range(4)])
    assert left == [EXIT_STALLED]


def test_a_worker_waiting_on_a_dependency_is_not_wedged() -> None:
    watch, left, clock = worker(App(0), waiting=True)
    rounds(watch, clock, 20, *[[lag(0, 5, 9)] for _ in range(10)])
    assert left == []


def test_until_done_says_while_it_retries() -> None:
    seen: list[bool] = []
    attempts = iter([ConnectionError("away"), ConnectionError("away"), None])

    async def work() -> str:
        seen.append(waiting_now())
        error = next(attempts)
        if error is not None:
            raise error
        return "done"

    assert not waiting_now()
    assert asyncio.run(until_done("probe", work, max_wait_s=0.01)) == "done"
    assert seen == [False, True, True] and not waiting_now()

    async def broken() -> None:
        raise ValueError("not transient")

    with pytest.raises(ValueError):
        asyncio.run(until_done("probe", broken))
    assert not waiting_now()


def test_a_state_read_in_whole_counts_as_waiting_on_a_dependency() -> None:
    assert not waiting_now()
    with waiting():
        assert waiting_now()
    assert not waiting_now()


def test_a_table_recovery_that_moves_on_is_progress_and_one_that_does_not_is_a_stall() -> None:
    app = App(0)
    app.rebalancing = True  # faust rebalances until its recovery has ended
    app.recovery.in_recovery, app.recovery.remaining = True, 500
    watch, left, clock = worker(app)
    for _ in range(5):
        app.recovery.remaining -= 100
        rounds(watch, clock, 25, [lag(0, 5, 9)])
    assert left == []  # a long recovery, but moving: the stream waits on it
    rounds(watch, clock, 25, *[[lag(0, 5, 9)] for _ in range(3)])
    assert left == []  # 50 s without recovery progress
    rounds(watch, clock, 25, [lag(0, 5, 9)])
    assert left == [EXIT_STALLED]  # 75 s: it no longer moves


def test_no_clock_runs_before_the_worker_runs() -> None:
    app = App(0)
    app._consumer.started = False
    app.__dict__["tables"] = Tables(None)  # no recovery made yet
    watch, left, clock = worker(app)
    rounds(watch, clock, 25, *[[lag(0, 5, 9)] for _ in range(5)])
    assert left == []
    assert app.__dict__["tables"]._recovery is None


def test_a_late_or_failed_round_restarts_every_clock() -> None:
    watch, left, clock = worker(App(0))
    rounds(watch, clock, 25, [lag(0, 5, 9)], [lag(0, 5, 9)])
    clock.now += 300  # the lag thread was held up: no clock runs across the gap
    rounds(watch, clock, 25, [lag(0, 5, 9)], [lag(0, 5, 9)])
    assert left == []
    watch.reset()  # Kafka was away
    rounds(watch, clock, 25, [lag(0, 5, 9)], [lag(0, 5, 9)])
    assert left == []


def test_the_lag_exporter_tells_its_listeners_of_each_round_with_internal_topics() -> None:
    rounds_seen: list[list[PartitionLag]] = []
    failures: list[bool] = []
    exporter = LagExporter(
        ParleySettings(), "enrichment", on_round=rounds_seen.append, on_failure=lambda: failures.append(True)
    )
    read = [lag(0, 1, 2, topic="parley.articles.raw"), lag(0, 3, 3, topic="parley-enrichment-stories")]
    answers: list[Any] = [read, OSError("broker away")]

    def reply(topics: Any) -> Any:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    exporter._reader.read = reply  # type: ignore[method-assign]
    assert exporter.export_round() is True
    assert rounds_seen == [read]
    assert exporter.export_round() is False
    assert failures == [True]


def test_a_listener_that_fails_does_not_stop_lag_reporting() -> None:
    def broken(_: list[PartitionLag]) -> None:
        raise ValueError("listener bug")

    exporter = LagExporter(ParleySettings(), "enrichment", on_round=broken)
    exporter._reader.read = lambda topics: []  # type: ignore[method-assign]
    assert exporter.export_round() is True


def test_the_stall_time_is_a_setting_and_zero_turns_the_watch_off(monkeypatch: Any) -> None:
    assert ParleySettings().worker.stall_exit_s == 90
    monkeypatch.setenv("PARLEY_WORKER_STALL_EXIT_S", "0")
    assert ParleySettings().worker.stall_exit_s == 0
    for bad in ("-1", "soon"):
        monkeypatch.setenv("PARLEY_WORKER_STALL_EXIT_S", bad)
        with pytest.raises(ValidationError, match="worker"):
            ParleySettings()

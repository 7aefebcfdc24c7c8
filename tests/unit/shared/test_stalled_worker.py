"""The stalled-worker watch: which partitions count, and when the worker leaves (pure logic; the
faust app is a stand-in with the attributes the watch reads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.shared.lag import LagExporter, PartitionLag
from parley.shared.settings import ParleySettings
from parley.shared.stall import StallWatch
from parley.shared.stalled_worker import EXIT_STALLED, StalledWorker, stalled_partitions


def lag(partition: int, committed: int | None, end: int, topic: str = "p.articles.raw") -> PartitionLag:
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


class Tables:
    def __init__(self) -> None:
        self._recovery: Recovery | None = Recovery()

    @property
    def recovery(self) -> Recovery:
        raise AssertionError("faust makes its recovery service lazily: the watch must not")


class App:
    def __init__(self, *partitions: int) -> None:
        self.rebalancing = False
        self.tables = Tables()
        self._consumer = Consumer({TP("p.articles.raw", p) for p in partitions})


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def worker(app: Any, stall_s: float = 60) -> tuple[StalledWorker, list[int], Clock]:
    left: list[int] = []
    clock = Clock()
    return StalledWorker(app, stall_s, leave=left.append, clock=clock), left, clock


def test_only_own_partitions_with_messages_waiting_and_no_progress_stall() -> None:
    watch: StallWatch[tuple[str, int]] = StallWatch(stall_s=60)
    own = {("p.articles.raw", 0), ("p.articles.raw", 1), ("p.articles.raw", 2)}
    first = [lag(0, 5, 9), lag(1, 7, 7), lag(2, 3, 8), lag(4, 0, 9)]
    assert stalled_partitions(watch, own, first, now=0) == []
    later = [lag(0, 5, 12), lag(1, 7, 7), lag(2, 6, 8), lag(4, 0, 9)]
    # 0 waits and has not moved; 1 is caught up; 2 moved on; 4 is another worker's.
    assert stalled_partitions(watch, own, later, now=61) == [("p.articles.raw", 0)]


def test_a_never_committed_partition_with_messages_stalls_at_its_start() -> None:
    watch: StallWatch[tuple[str, int]] = StallWatch(stall_s=60)
    own = {("p.articles.raw", 3)}
    assert stalled_partitions(watch, own, [PartitionLag("p.articles.raw", 3, None, 4, 6)], now=0) == []
    assert stalled_partitions(watch, own, [PartitionLag("p.articles.raw", 3, None, 4, 6)], now=60) == [
        ("p.articles.raw", 3)
    ]


def test_a_partition_that_moves_here_starts_a_fresh_clock() -> None:
    watch: StallWatch[tuple[str, int]] = StallWatch(stall_s=60)
    stalled_partitions(watch, {("p.articles.raw", 0)}, [lag(0, 5, 9)], now=0)
    stalled_partitions(watch, set(), [lag(0, 5, 9)], now=30)  # revoked
    assert stalled_partitions(watch, {("p.articles.raw", 0)}, [lag(0, 5, 9)], now=70) == []


def test_the_worker_leaves_once_a_partition_has_stalled_for_the_stall_time() -> None:
    watch, left, clock = worker(App(0, 1))
    watch.observe([lag(0, 5, 9), lag(1, 2, 2)])
    clock.now = 59
    watch.observe([lag(0, 5, 9), lag(1, 2, 4)])
    assert left == []
    clock.now = 61
    watch.observe([lag(0, 5, 9), lag(1, 4, 4)])
    assert left == [EXIT_STALLED]


def test_no_clock_runs_while_the_worker_rebalances() -> None:
    app = App(0)
    watch, left, clock = worker(app)
    watch.observe([lag(0, 5, 9)])
    app.rebalancing = True
    clock.now = 61
    watch.observe([lag(0, 5, 9)])
    app.rebalancing = False
    clock.now = 100
    watch.observe([lag(0, 5, 9)])
    assert left == []  # the clock started again after the rebalance, 39 s ago
    clock.now = 160
    watch.observe([lag(0, 5, 9)])
    assert left == [EXIT_STALLED]


def test_a_table_recovery_that_moves_on_is_progress_and_one_that_does_not_is_a_stall() -> None:
    app = App(0)
    recovery = app.tables._recovery
    assert recovery is not None
    recovery.in_recovery, recovery.remaining = True, 500
    watch, left, clock = worker(app)
    for step in range(1, 6):
        clock.now = 61 * step
        recovery.remaining -= 100
        watch.observe([lag(0, 5, 9)])
    assert left == []  # a long recovery, but moving: the stream waits on it
    clock.now += 10
    watch.observe([lag(0, 5, 9)])  # recovery no longer moves: the clock starts
    clock.now += 61
    watch.observe([lag(0, 5, 9)])
    assert left == [EXIT_STALLED]


def test_no_clock_runs_before_the_worker_runs_and_nothing_of_faust_is_made() -> None:
    app = App(0)
    app._consumer.started = False
    app.tables._recovery = None  # not made yet
    watch, left, clock = worker(app)
    for clock.now in (0, 61, 122):
        watch.observe([lag(0, 5, 9)])
    assert left == []
    assert app.tables._recovery is None


def test_a_round_that_could_not_read_offsets_restarts_every_clock() -> None:
    watch, left, clock = worker(App(0))
    watch.observe([lag(0, 5, 9)])
    clock.now = 300
    watch.reset()  # Kafka was away for a while
    watch.observe([lag(0, 5, 9)])
    assert left == []


def test_the_lag_exporter_tells_its_listeners_of_each_round() -> None:
    rounds: list[list[PartitionLag]] = []
    failures: list[bool] = []
    exporter = LagExporter(
        ParleySettings(), "enrichment", on_round=rounds.append, on_failure=lambda: failures.append(True)
    )
    answers: list[Any] = [[lag(0, 1, 2, topic="parley.articles.raw")], OSError("broker away")]

    def read(topics: Any) -> Any:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    exporter._reader.read = read  # type: ignore[method-assign]
    assert exporter.export_round() is True
    assert rounds == [[lag(0, 1, 2, topic="parley.articles.raw")]]
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

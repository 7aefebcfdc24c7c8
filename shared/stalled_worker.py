"""A faust worker that holds partitions with messages waiting and moves none of them is stuck:
it leaves, so that its partitions go to a worker that reads them.

faust can wedge a worker after a rebalance (a table recovery that never ends, a stream left
paused) while the worker keeps its group membership with heartbeats: nothing times it out, and
its partitions wait for ever. The lag exporter's rounds already read the group's committed and
end offsets; after each round this watch checks the partitions assigned to this worker. One
with messages waiting whose committed offset has not moved for `stall_s` seconds, while the
worker is neither rebalancing nor recovering a table with progress, makes the worker exit with
`EXIT_STALLED`. Whatever runs it (Docker's restart policy, `parley run`, a Kubernetes
deployment) starts it again; the group gives it, or another member, the partitions, and they are
read from their committed offsets, as after a crash (nothing acknowledged is lost).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

from parley.shared.lag import PartitionLag
from parley.shared.logging import get_logger
from parley.shared.stall import StallWatch

EXIT_STALLED = 75  # EX_TEMPFAIL: try again
log = get_logger(__name__)
Partition = tuple[str, int]


def stalled_partitions(
    watch: StallWatch[Partition], own: set[Partition], lags: Iterable[PartitionLag], now: float
) -> list[Partition]:
    """The partitions of `own` that `watch` finds stalled in this round of `lags` (pure)."""
    watch.forget(own)
    stalled = []
    for lag in lags:
        key = (lag.topic, lag.partition)
        if key in own and watch.check(key, lag.end - lag.lag, lag.end, now) is not None:
            stalled.append(key)
    return stalled


class StalledWorker:
    """Called by the lag exporter after each round (`observe`) or failed round (`reset`)."""

    def __init__(
        self,
        app: Any,
        stall_s: float,
        *,
        leave: Callable[[int], None] = os._exit,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.watch: StallWatch[Partition] = StallWatch(stall_s=stall_s)
        self._leave = leave
        self._clock = clock
        self._recovery: int | None = None

    def reset(self) -> None:
        """A round that could not read the offsets: no clock may run across the gap."""
        self.watch.forget()

    def own_partitions(self) -> set[Partition] | None:
        """This worker's partitions, or None before it runs, while it rebalances, or while its
        table recovery moves on.

        Called from the lag exporter's thread: it only reads what the worker made (faust creates
        its table manager's recovery service lazily, and one made here would belong to no loop)."""
        app = self.app
        consumer = getattr(app, "_consumer", None)
        if consumer is None or not getattr(consumer, "started", False) or getattr(app, "rebalancing", False):
            self._recovery = None
            return None
        manager = vars(app).get("tables")  # (a cached property: absent until the app made it)
        recovery = getattr(manager, "_recovery", None)
        if recovery is not None and getattr(recovery, "in_recovery", False):
            try:
                remaining = int(recovery.active_remaining_total())
            except RuntimeError:  # its offsets changed under us (another thread): next round
                return None
            moved, self._recovery = remaining != self._recovery, remaining
            if moved:
                return None
        else:
            self._recovery = None
        try:
            return {(tp.topic, tp.partition) for tp in consumer.assignment()}
        except RuntimeError:  # the set changed under us: try at the next round
            return None

    def observe(self, lags: list[PartitionLag]) -> None:
        own = self.own_partitions()
        if own is None:
            self.watch.forget()
            return
        stalled = stalled_partitions(self.watch, own, lags, self._clock())
        if stalled:
            waiting = {
                f"{t}[{p}]": lag.lag
                for lag in lags
                for (t, p) in stalled
                if (lag.topic, lag.partition) == (t, p)
            }
            log.error(
                "worker_stalled",
                stall_s=self.watch.stall_s,
                waiting=waiting,
                remedy="leaving the group; the process is restarted and the partitions read again",
            )
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            self._leave(EXIT_STALLED)

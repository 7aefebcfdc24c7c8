"""A faust worker that holds partitions with messages waiting and moves none of them is stuck:
it leaves, so that its partitions go to a worker that reads them.

faust can wedge a worker after a rebalance (a table recovery that never ends, a stream left
paused) while the worker keeps its group membership with heartbeats: nothing times it out, and
its partitions wait for ever. The lag exporter's rounds already read the group's committed and
end offsets (of Parley's topics and of the app's internal ones); after each round this watch
looks at the partitions assigned to this worker. When one has messages waiting and no assigned
partition's committed offset has moved for `stall_s` seconds, the worker logs `worker_stalled`
and exits with `EXIT_STALLED`. Whatever runs it (Docker's restart policy, `parley run`, a
Kubernetes deployment) starts it again; its partitions go to it or another member after the
session timeout, and are read from their committed offsets, as after a crash (nothing
acknowledged is lost).

The clocks stop while the worker is not wedged but waiting or busy elsewhere:
* any assigned partition moved (an agent takes its partitions one message at a time, so a
  backlog on one delays the others);
* some work waits on a dependency (`retrying.waiting_now`: a transient failure being retried, a
  state being read in whole; a restart would not make either faster);
* its table recovery moves on (faust holds the streams until it ends);
* a round could not read the offsets, or came late (the clock must not run across a gap);
* the worker has not started its consumer yet.
Table changelogs are left out: faust's recovery positions them, nothing commits them.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

from parley.shared.lag import PartitionLag
from parley.shared.logging import get_logger
from parley.shared.retrying import waiting_now
from parley.shared.stall import StallWatch

EXIT_STALLED = 75  # EX_TEMPFAIL: try again
log = get_logger(__name__)
Partition = tuple[str, int]


def stalled_partitions(
    watch: StallWatch[Partition], own: set[Partition], lags: list[PartitionLag], now: float
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
        round_s: float = 15.0,
        leave: Callable[[int], None] = os._exit,
        clock: Callable[[], float] = time.monotonic,
        waiting: Callable[[], bool] = waiting_now,
    ) -> None:
        self.app = app
        self.watch: StallWatch[Partition] = StallWatch(stall_s=stall_s)
        self._max_gap_s = 2.5 * round_s
        self._leave = leave
        self._clock = clock
        self._waiting = waiting
        self._recovery: int | None = None
        self._last_round: float | None = None
        self._positions: dict[Partition, int] = {}

    def reset(self) -> None:
        """A round that could not read the offsets: no clock may run across the gap."""
        self.watch.forget()
        self._positions = {}

    def own_partitions(self) -> set[Partition] | None:
        """This worker's partitions, or None before it runs or while its table recovery moves on.

        Called from the lag exporter's thread: it only reads what the worker made (faust creates
        its table manager's recovery service lazily, and one made here would belong to no loop)."""
        app = self.app
        consumer = getattr(app, "_consumer", None)
        if consumer is None or not getattr(consumer, "started", False):
            return None
        manager = vars(app).get("tables")  # (a cached property: absent until the app made it)
        recovery = getattr(manager, "_recovery", None)
        if recovery is not None and getattr(recovery, "in_recovery", False):
            try:
                remaining = int(recovery.active_remaining_total())
            except Exception:  # its offsets changed under us (another thread): next round
                return None
            moved, self._recovery = remaining != self._recovery, remaining
            if moved:
                return None
        else:
            self._recovery = None
        try:
            return {(tp.topic, tp.partition) for tp in consumer.assignment()}
        except Exception:  # not started yet after all, or the set changed under us: next round
            return None

    def observe(self, lags: list[PartitionLag]) -> None:
        now = self._clock()
        late = self._last_round is not None and now - self._last_round > self._max_gap_s
        self._last_round = now
        own = self.own_partitions()
        if own is None or late or self._waiting():
            self.reset()
            return
        lags = [p for p in lags if not p.topic.endswith("-changelog")]
        positions = {(p.topic, p.partition): p.end - p.lag for p in lags if (p.topic, p.partition) in own}
        if positions != self._positions:
            self.watch.forget()  # something moved (or the assignment changed): every clock restarts
        self._positions = positions
        stalled = stalled_partitions(self.watch, own, lags, now)
        if stalled:
            waiting = {f"{p.topic}[{p.partition}]": p.lag for p in lags if (p.topic, p.partition) in stalled}
            log.error(
                "worker_stalled",
                stall_s=self.watch.stall_s,
                waiting=waiting,
                remedy="exiting to be restarted; the partitions are read again from their committed offsets",
            )
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            self._leave(EXIT_STALLED)

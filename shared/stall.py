"""A clock per partition that fires when the partition's end stays ahead of what was processed,
with no progress for a while (pure: the caller passes the clock)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass
class StallWatch(Generic[K]):
    """Partitions whose end stays ahead of what was processed, with no progress for `stall_s`."""

    stall_s: float
    _since: dict[K, tuple[int, float]] = field(default_factory=dict)

    def check(self, partition: K, start: int, end: int, now: float) -> int | None:
        """`start` when `partition` has stalled there before `end`; the clock then starts again."""
        if end <= start:
            self._since.pop(partition, None)
            return None
        seen = self._since.get(partition)
        if seen is None or seen[0] != start:
            self._since[partition] = (start, now)
            return None
        if now - seen[1] >= self.stall_s:
            self._since[partition] = (start, now)  # give the remedy time before the next one
            return start
        return None

    def forget(self, keep: set[K] | frozenset[K] = frozenset()) -> None:
        """Drop partitions no longer assigned here (all of them by default: every clock restarts)."""
        for partition in set(self._since) - set(keep):
            del self._since[partition]

"""Which offsets of an alerts partition the dispatcher has not processed (pure functions).

faust's consumer can drop records it fetched during a rebalance or table recovery and count
them as done, so its committed offsets alone do not prove that every alert was dispatched. The
dispatcher therefore keeps, per alerts partition, the next offset it expects (in a
changelog-backed table, flushed with the delivery entries) and checks it two ways:

* the stream jumps ahead (an offset above the expected one): the range in between is read
  directly from the partition and dispatched before the new record;
* the partition's end stays ahead of the expected offset with no progress for a while (the
  skipped record was the last one): the consumer is sent back to the expected offset.

Alerts are plain records on a delete-policy, non-transactional topic, so every offset below
the end holds a record; routing is idempotent (an alert with delivery entries is never routed
again), so reading a record twice is harmless.
"""

from __future__ import annotations


def first_unprocessed(expected: int | None, begin: int) -> int:
    """The first offset not yet processed: `expected`, or the partition's first stored offset."""
    return begin if expected is None else max(expected, begin)


def skipped_range(expected: int | None, begin: int, offset: int) -> tuple[int, int] | None:
    """The offsets `[start, offset)` the stream jumped over to reach `offset`, if any."""
    start = first_unprocessed(expected, begin)
    return (start, offset) if offset > start else None


def advanced(expected: int | None, offset: int) -> int:
    """The expected offset after processing `offset` (a re-read never moves it back)."""
    return offset + 1 if expected is None else max(expected, offset + 1)

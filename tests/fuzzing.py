"""Budgets for the property-based tests (Hypothesis, schemathesis): fixed seeds, bounded time
and memory.

`make test` runs each property with its example budget and a fixed seed (`derandomize=True`, no
example database), so two runs try the same inputs and a failure reproduces. `make fuzz` sets
`PARLEY_FUZZ=long`: 50 times the examples, the same seeding, so a failure it finds also
reproduces. The per-example deadline is generous (an input that takes seconds is the bug, not a
busy machine); memory is checked with tracemalloc against a ceiling well above what any input
the caps allow should need.
"""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

from hypothesis import HealthCheck, settings

T = TypeVar("T")
SCALE = 50 if os.environ.get("PARLEY_FUZZ") == "long" else 1
DEADLINE_MS = 5_000


def fuzz_settings(examples: int, deadline_ms: int | None = DEADLINE_MS) -> settings:
    """`examples` per run in `make test` (× SCALE in `make fuzz`), derandomized, no database."""
    return settings(
        max_examples=examples * SCALE,
        deadline=deadline_ms,
        derandomize=True,
        database=None,
        print_blob=True,
        # Generation may be slow or filter much for large structured inputs; that is not a bug.
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def within_memory(call: Callable[[], T], ceiling_mb: float) -> T:
    """`call()` (its result or its exception), failing when the Python memory it allocates at its
    peak passes `ceiling_mb`."""
    tracemalloc.start()
    try:
        return call()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak <= ceiling_mb * 1024 * 1024, f"peak {peak / 1e6:.1f} MB over {ceiling_mb} MB"

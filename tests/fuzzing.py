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
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import HealthCheck, settings

T = TypeVar("T")
SCALE_LONG = 50
SCALE = SCALE_LONG if os.environ.get("PARLEY_FUZZ") == "long" else 1
DEADLINE_MS = 5_000


@dataclass(frozen=True)
class Budget:
    test: str  # file::function
    examples: int  # in `make test`; SCALE_LONG times as many in `make fuzz`
    deadline_ms: int | None = DEADLINE_MS
    memory_mb: int | None = None


_F = "tests/fuzz"
# What each property test runs with; tests/unit/test_bad_input_table.py checks these against the
# tests' own settings, and docs/reliability.md lists them.
BUDGETS: tuple[Budget, ...] = (
    Budget(f"{_F}/test_article_input_properties.py::test_any_article_object_is_accepted_within_the_caps_or_refused_with_a_reason", 250, memory_mb=64),
    Budget(f"{_F}/test_article_input_properties.py::test_anything_but_an_object_is_refused", 200, memory_mb=64),
    Budget(f"{_F}/test_article_input_properties.py::test_load_json_returns_a_value_or_an_input_error", 300, memory_mb=64),
    Budget(f"{_F}/test_article_input_properties.py::test_the_plain_text_format_is_an_article_or_an_input_error", 300, memory_mb=64),
    Budget(f"{_F}/test_feed_parse_properties.py::test_generated_feeds_parse_to_checked_entries_or_a_known_refusal", 150, memory_mb=128),
    Budget(f"{_F}/test_feed_parse_properties.py::test_any_bytes_parse_or_fail_with_a_known_kind", 150, memory_mb=128),
    Budget(f"{_F}/test_feed_parse_properties.py::test_plain_text_never_spells_markup", 300),
    Budget(f"{_F}/test_urls_properties.py::test_canonical_url_is_a_stable_http_url_without_tracking_or_fragment", 200, memory_mb=16),
    Budget(f"{_F}/test_urls_properties.py::test_redacted_text_holds_no_credential", 300),
    Budget(f"{_F}/test_urls_properties.py::test_redaction_stays_linear_on_adversarial_text", 100, memory_mb=16),
    Budget(f"{_F}/test_rules_properties.py::test_any_rules_document_loads_checked_or_names_each_bad_line", 300, memory_mb=64),
    Budget(f"{_F}/test_rules_properties.py::test_any_text_loads_or_names_each_bad_line", 200, memory_mb=64),
    Budget(f"{_F}/test_extract_properties.py::test_any_article_gives_an_extraction", 60, 20_000, memory_mb=256),
    Budget("tests/integration/test_ingest_api_schema.py::test_no_input_gets_a_server_error_and_every_acknowledged_article_is_in_kafka", 100, None),
    Budget("tests/integration/test_ingest_api_schema.py::test_mostly_valid_articles_are_acknowledged_only_once_in_kafka", 40, None),
    Budget("tests/integration/test_ingest_api_schema.py::test_without_the_token_nothing_is_published", 20, None),
    Budget("tests/integration/test_search_api_schema.py::test_no_input_gets_a_server_error", 150, None),
    Budget("tests/integration/test_search_api_schema.py::test_without_the_token_every_route_answers_401", 25, None),
)  # fmt: skip


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

"""The reliability table of the chaos suite: repeated runs of a scenario show the worst one.

No fault is injected here: the rows are made-up samples.
"""

from __future__ import annotations

from pathlib import Path

from tests.chaos.harness import Row
from tests.chaos.report import worst_runs, write_reliability


def passed(scenario: str, recover_s: float) -> Row:
    return Row(scenario, sent=72, indexed=72, alerts_expected=18, alerts_delivered=18, recover_s=recover_s)


def late_alerts(scenario: str) -> Row:
    """Alerts that had not arrived when the bound ran out count as missing: no recovery."""
    return Row(scenario, sent=72, indexed=72, alerts_expected=18, alerts_delivered=10, alerts_missing=8)


def test_the_slowest_recovery_of_passing_runs_is_the_worst() -> None:
    rows = [passed("kill -9 alerting", 11), passed("kill -9 alerting", 54), passed("kill -9 alerting", 12)]

    [(worst, runs)] = worst_runs(rows)

    assert worst.recover_s == 54
    assert runs == rows


def test_a_failed_run_is_worse_than_any_slow_one() -> None:
    rows = [passed("kill -9 alerting", 250), late_alerts("kill -9 alerting"), passed("kill -9 alerting", 11)]

    [(worst, _)] = worst_runs(rows)

    assert not worst.holds()
    assert worst.alerts_missing == 8


def test_scenarios_keep_the_order_of_their_first_run() -> None:
    rows = [passed("kill -9 ingest", 11), passed("kill -9 enrichment", 12), passed("kill -9 ingest", 13)]

    assert [worst.scenario for worst, _ in worst_runs(rows)] == ["kill -9 ingest", "kill -9 enrichment"]


def test_the_table_shows_one_row_per_scenario_and_every_run_in_the_notes(tmp_path: Path) -> None:
    path = tmp_path / "reliability.md"
    rows = [
        passed("kill -9 alerting", 11),
        late_alerts("kill -9 alerting"),
        passed("kill -9 alerting", 12),
        passed("Kafka stopped 30 s", 24),
    ]

    write_reliability(rows, path)

    text = path.read_text()
    table = [line for line in text.splitlines() if line.startswith("| kill -9") or line.startswith("| Kafka")]
    assert table == [
        "| kill -9 alerting | 3 | 72 | 72 | 0 | 18 | 10 | 8 | 0 | 0 | 0 | — | FAIL |",
        "| Kafka stopped 30 s | 1 | 72 | 72 | 0 | 18 | 18 | 0 | 0 | 0 | 0 | 24 | pass |",
    ]
    assert "- kill -9 alerting: 3 runs, recovered in (s): 11, not within the bound, 12" in text
    assert "Kafka stopped 30 s: 1 runs" not in text

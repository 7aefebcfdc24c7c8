"""docs/reliability.md: the table of the full chaos run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests import bad_input_table
from tests.chaos.harness import Row, machine_line

COLUMNS = (
    "scenario",
    "runs",
    "articles sent",
    "indexed",
    "missing",
    "alert ids expected",
    "delivered",
    "missing alerts",
    "unexpected alerts",
    "redeliveries",
    "dead-lettered",
    "recovered in (s)",
    "result",
)

INTRO = """\
# Reliability: the chaos suite

`make chaos` runs every Parley service as processes on a private Kafka + Elasticsearch pair
(started by `deploy/local/infra.py` in a scratch folder on free ports), streams generated
articles at a steady rate into the ingest API (one in four announces talks between a pair of
countries no other article uses, so it must raise exactly one `talks.announced` alert with a
known id), and injects one fault at a time. After each fault it polls until these invariants
hold (or a bound of a few minutes passes):

- every article the ingest API acknowledged with 202 is in Elasticsearch exactly once;
- the webhook receiver got every expected alert id at least once, and no other id
  (redeliveries of the same id are counted, not failures);
- the dead-letter topic holds every poison message planted, once per consuming service, and
  nothing else; the alerts dead-letter topic is empty;
- every service (and replica still running) answers `/readyz` 200, without a hand.

"Recovered in" runs from the end of the fault (process restarted, server back, receiver fast
again, replica killed, limit lifted) to the moment all invariants hold; an alert that arrives
after the bound counts as missing. `make chaos CHAOS_REPEAT=N` runs each `kill -9` scenario N
times: its row shows the worst run (a failed one, else the slowest recovery) and the notes list
every run's recovery. `make test` runs a short subset (kill -9 of enrichment and of the indexer,
poison messages) and leaves this file alone. The scenarios are in `tests/chaos/test_chaos.py`.

A real Prometheus (the Debian package) scrapes every service during the run and evaluates
Parley's rules (`deploy/prometheus/rules/`). The two disk scenarios wait until the alert a
desk would get is firing there before space returns: `ParleyElasticsearchWritesBlocked` when
Elasticsearch passes its flood-stage watermark (turned on through cluster settings, every
watermark at 1 % used; space returns as the default watermarks), and `ParleyKafkaUnreachable`
when Kafka's log folder, a 1 GiB tmpfs, is filled by a ballast file and the broker stops
itself; space returns by deleting the ballast, and the broker is started again as a
supervisor would. Their notes give each step's time; "recovered in" counts from the return
of space (and, for Kafka, the broker's restart).
"""


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def worst_runs(rows: list[Row]) -> list[tuple[Row, list[Row]]]:
    """Runs grouped by scenario (first-run order), each with its worst run: a failed run (the
    one missing most alerts, then most articles), else the slowest recovery."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.scenario, []).append(row)
    return [(max(runs, key=_badness), runs) for runs in groups.values()]


def _badness(row: Row) -> tuple[bool, int, int, float]:
    recovered = row.recover_s if row.recover_s is not None else float("inf")
    return (not row.holds(), row.alerts_missing, row.missing, recovered)


def _recoveries(runs: list[Row]) -> str:
    times = ", ".join("not within the bound" if r.recover_s is None else f"{r.recover_s:.0f}" for r in runs)
    return f"{len(runs)} runs, recovered in (s): {times}"


def write_reliability(rows: list[Row], path: Path) -> None:
    lines = [
        INTRO,
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {machine_line()}",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    groups = worst_runs(rows)
    for row, runs in groups:
        cells = (
            row.scenario,
            len(runs),
            row.sent,
            row.indexed,
            row.missing,
            row.alerts_expected,
            row.alerts_delivered,
            row.alerts_missing,
            row.alerts_unexpected,
            row.redeliveries,
            row.dead_lettered,
            None if row.recover_s is None else f"{row.recover_s:.0f}",
            "pass" if row.holds() else "FAIL",
        )
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    notes = []
    for row, runs in groups:
        parts = [_recoveries(runs)] if len(runs) > 1 else []
        parts += [row.notes] if row.notes else []
        if parts:
            notes.append(f"- {row.scenario}: {'; '.join(parts)}")
    if notes:
        lines += ["", "Notes:", "", *notes]
    lines += ["", *bad_input_table.render()]  # kept on every run; `python -m tests.bad_input_table` alone
    path.write_text("\n".join(lines) + "\n")

"""docs/reliability.md: the table of the full chaos run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.chaos.harness import Row, machine_line

COLUMNS = (
    "scenario",
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
again, replica killed, limit lifted) to the moment all invariants hold. `make test` runs a short
subset (kill -9 of enrichment and of the indexer, poison messages) and leaves this file alone.
The scenarios are in `tests/chaos/test_chaos.py`.
"""


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def write_reliability(rows: list[Row], path: Path) -> None:
    lines = [
        INTRO,
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {machine_line()}",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    for row in rows:
        cells = (
            row.scenario,
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
    notes = [f"- {row.scenario}: {row.notes}" for row in rows if row.notes]
    if notes:
        lines += ["", "Notes:", "", *notes]
    path.write_text("\n".join(lines) + "\n")

"""Check a `score_talks.py --json` summary against the extraction targets (exit 1 when below).

Usage: python -m parley.services.enrichment.eval_targets SUMMARY.json
"""

from __future__ import annotations

import json
import sys

TARGETS = {"f1": 0.90, "precision": 0.92}
FIELD_TARGETS = {"location": 0.90, "start_date": 0.85, "parties": 0.85}


def shortfalls(summary: dict[str, object]) -> list[str]:
    """Human-readable lines for each metric below its target."""
    missing = []
    for key, target in TARGETS.items():
        value = float(summary.get(key, 0.0))  # type: ignore[arg-type]
        if value < target:
            missing.append(f"{key} {value:.3f} < {target:.2f}")
    fields = summary.get("field_accuracy") or {}
    for key, target in FIELD_TARGETS.items():
        value = float(fields.get(key, 0.0)) if isinstance(fields, dict) else 0.0
        if value < target:
            missing.append(f"{key} accuracy {value:.3f} < {target:.2f}")
    return missing


def main(argv: list[str]) -> int:
    with open(argv[1], encoding="utf-8") as handle:
        summary = json.load(handle)
    missing = shortfalls(summary)
    for line in missing:
        print(f"below target: {line}", file=sys.stderr)
    if not missing:
        print("all extraction targets met")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

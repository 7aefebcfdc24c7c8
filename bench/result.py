"""The results file: figure catalogue, summary statistics, machine description, schema check."""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
KAFKA_POM = ROOT / "deploy" / "local" / "kafka" / "pom.xml"
SCHEMA_VERSION = 1
MODES = ("quick", "full")


@dataclass(frozen=True)
class Figure:
    unit: str
    meaning: str


# Every stable figure name, in report order. Names never change meaning; a new measurement gets a new name.
FIGURES: dict[str, Figure] = {
    "ingest_articles_per_s": Figure(
        "articles/s", "Parley's ingest path (validate, envelope, de-duplicate, publish_many, acks=all)"
    ),
    "kafka_raw_produce_per_s": Figure(
        "messages/s", "plain kafka-python producer, same settings, same articles, first send to flush"
    ),
    "kafka_raw_consume_per_s": Figure(
        "messages/s", "plain kafka-python consumer, fresh group, from earliest, assignment to last message"
    ),
    "ingest_vs_raw_ratio": Figure("ratio", "ingest_articles_per_s / kafka_raw_produce_per_s, per repetition"),
    "extract_articles_per_s": Figure("articles/s", "extract_article on one core, one process"),
    "indexer_docs_per_s": Figure("docs/s", "Parley's indexer from Kafka into Elasticsearch"),
    "raw_bulk_docs_per_s": Figure("docs/s", "plain Elasticsearch bulk indexing of the same documents"),
    "indexer_vs_raw_ratio": Figure("ratio", "indexer_docs_per_s / raw_bulk_docs_per_s, per repetition"),
    "e2e_articles_per_s": Figure("articles/s", "ingest to searchable, whole pipeline"),
    "alert_latency_p50_ms": Figure("ms", "article published to alert delivered, 50th percentile"),
    "alert_latency_p95_ms": Figure("ms", "article published to alert delivered, 95th percentile"),
    "alert_latency_p99_ms": Figure("ms", "article published to alert delivered, 99th percentile"),
    "elastalert2_latency_10s_ms": Figure("ms", "ElastAlert 2 with a 10 s run interval, same articles"),
    "elastalert2_latency_60s_ms": Figure("ms", "ElastAlert 2 with a 60 s run interval, same articles"),
    "desk_page_p95_ms": Figure(
        "ms", "Parley Desk's upcoming page and an event page, the worse p95 (target 150)"
    ),
}


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def validate(result: Mapping[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `result` matches bench/schema.json."""
    jsonschema.validate(
        dict(result), load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def summarise(samples: Sequence[float], unit: str) -> dict[str, Any]:
    """Median, min, max and count of one figure's repetitions."""
    if not samples:
        raise ValueError("a figure needs at least one sample")
    return {
        "median": round(float(statistics.median(samples)), 3),
        "min": round(float(min(samples)), 3),
        "max": round(float(max(samples)), 3),
        "n": len(samples),
        "unit": unit,
    }


def rfc3339_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build_result(
    mode: str,
    samples: Mapping[str, Sequence[float]],
    *,
    machine: Mapping[str, Any],
    git_commit: str,
    not_measured: Mapping[str, str] | None = None,
    notes: Sequence[str] = (),
    generated_at: str | None = None,
) -> dict[str, Any]:
    """The results document for one run.

    `samples` maps figure names to their per-repetition values. Each figure name that has no
    samples is listed in the notes as "NAME: not yet measured (reason)", the reason taken from
    `not_measured` when given.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    unknown = sorted(set(samples) - set(FIGURES))
    if unknown:
        raise ValueError(f"unknown figure names: {', '.join(unknown)}")
    reasons = dict(not_measured or {})
    figures = {name: summarise(samples[name], FIGURES[name].unit) for name in FIGURES if samples.get(name)}
    all_notes = list(notes)
    for name in FIGURES:
        if name not in figures:
            reason = reasons.get(name, "no benchmark for it in the harness yet")
            all_notes.append(f"{name}: not yet measured ({reason})")
    result = {
        "schema_version": SCHEMA_VERSION,
        "mode": mode,
        "generated_at": generated_at or rfc3339_now(),
        "git_commit": git_commit,
        "machine": dict(machine),
        "figures": figures,
        "notes": all_notes,
    }
    validate(result)
    return result


def kafka_version(pom: Path = KAFKA_POM) -> str:
    """The Kafka version the local broker is built from (`<kafka.version>` in its pom.xml)."""
    match = re.search(r"<kafka\.version>\s*([^<\s]+)\s*</kafka\.version>", pom.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{pom}: no <kafka.version>")
    return match.group(1)


def machine_info(elasticsearch_version: str, kafka: str | None = None) -> dict[str, Any]:
    import psutil

    return {
        "cpus": os.cpu_count() or 1,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "kafka": kafka or kafka_version(),
        "elasticsearch": elasticsearch_version,
    }


def git_state(root: Path = ROOT) -> tuple[str, bool]:
    """(HEAD commit, whether the working tree differs from it, untracked files included)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown", False
    return commit or "unknown", bool(status.strip())


def write_result(result: Mapping[str, Any], directory: Path = RESULTS_DIR) -> Path:
    """Write `<directory>/<mode>.json` atomically (through a .tmp file) and return its path."""
    validate(result)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{result['mode']}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path

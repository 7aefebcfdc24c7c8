"""The benchmark results format: build_result's output matches bench/schema.json; the report renders it.

No benchmark runs here: the figures are made-up samples.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bench.articles import encode_article, generate_articles
from bench.report import render, write_doc
from bench.result import FIGURES, build_result, kafka_version, load_schema, validate, write_result

MACHINE = {"cpus": 2, "memory_gb": 23.4, "python": "3.11.9", "kafka": "4.4.0", "elasticsearch": "8.19.21"}


def sample_result(mode: str = "full") -> dict[str, Any]:
    return build_result(
        mode,
        {
            "kafka_raw_produce_per_s": [2700.0, 2650.5, 2810.25],
            "ingest_articles_per_s": [900.0, 1010.0, 950.0],
            "ingest_vs_raw_ratio": [0.333, 0.381, 0.338],
        },
        machine=MACHINE,
        git_commit="b3bce19" + "0" * 33,
        not_measured={"extract_articles_per_s": "enrichment is not installed"},
        notes=["method: made-up samples"],
        generated_at="2026-01-05T06:00:00Z",
    )


def test_build_result_matches_the_schema() -> None:
    result = sample_result()
    jsonschema.Draft202012Validator.check_schema(load_schema())
    validate(result)
    assert result["schema_version"] == 1
    assert result["figures"]["kafka_raw_produce_per_s"] == {
        "median": 2700.0,
        "min": 2650.5,
        "max": 2810.25,
        "n": 3,
        "unit": "messages/s",
    }
    assert json.loads(json.dumps(result)) == result


def test_every_figure_not_measured_is_named_in_the_notes() -> None:
    result = sample_result()
    missing = [name for name in FIGURES if name not in result["figures"]]
    assert "extract_articles_per_s" in missing and "alert_latency_p99_ms" in missing
    for name in missing:
        assert sum(note.startswith(f"{name}: not yet measured (") for note in result["notes"]) == 1
    assert "extract_articles_per_s: not yet measured (enrichment is not installed)" in result["notes"]


def test_schema_rejects_what_the_format_does_not_allow() -> None:
    good = sample_result()
    broken: list[dict[str, Any]] = []
    for change in (
        lambda r: r.update(schema_version=2),
        lambda r: r.update(mode="nightly"),
        lambda r: r.update(generated_at="yesterday"),
        lambda r: r["figures"].update(made_up_per_s=dict(r["figures"]["ingest_articles_per_s"])),
        lambda r: r["figures"]["ingest_articles_per_s"].pop("unit"),
        lambda r: r["figures"]["ingest_articles_per_s"].update(n=2.5),
        lambda r: r["machine"].pop("kafka"),
        lambda r: r.update(extra=True),
    ):
        result = copy.deepcopy(good)
        change(result)
        broken.append(result)
    for result in broken:
        with pytest.raises(jsonschema.ValidationError):
            validate(result)


def test_build_result_refuses_unknown_names_and_modes() -> None:
    with pytest.raises(ValueError):
        build_result("full", {"made_up_per_s": [1.0]}, machine=MACHINE, git_commit="x")
    with pytest.raises(ValueError):
        build_result("nightly", {}, machine=MACHINE, git_commit="x")


def test_write_result_names_the_file_after_the_mode(tmp_path: Path) -> None:
    path = write_result(sample_result("quick"), tmp_path)
    assert path.name == "quick.json"
    assert json.loads(path.read_text())["mode"] == "quick"
    assert not list(tmp_path.glob("*.tmp"))


def test_report_renders_a_table(tmp_path: Path) -> None:
    result = sample_result()
    page = render(result)
    assert "| figure | median | min | max | n | unit |" in page
    assert "| `kafka_raw_produce_per_s` | 2,700 | 2,650 | 2,810 | 3 | messages/s |" in page
    assert "| `ingest_vs_raw_ratio` | 0.338 | 0.333 | 0.381 | 3 | ratio |" in page
    assert "2 CPUs, 23.4 GB memory" in page and "Kafka 4.4.0" in page and "Elasticsearch 8.19.21" in page
    assert "2026-01-05T06:00:00Z" in page
    assert "- extract_articles_per_s: not yet measured (enrichment is not installed)" in page
    doc = write_doc(result, tmp_path / "benchmarks.md")
    assert doc.read_text() == page


def test_kafka_version_comes_from_the_pom() -> None:
    assert kafka_version() == "4.4.0"


def test_generated_articles_are_deterministic_and_about_3_kb() -> None:
    first = generate_articles(50)
    assert first == generate_articles(50)
    sizes = sorted(len(encode_article(a)) for a in first)
    assert 2800 <= sizes[len(sizes) // 2] <= 3400
    assert len({a["url"] for a in first}) == 50
    assert all(a["title"] and a["published"].endswith("Z") for a in first)

"""End-to-end: the seed article, the CLI and its schema, the development corpus, odd inputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from parley.services.enrichment.cleaning import MAX_CLEAN_CHARS, MAX_INPUT_CHARS
from parley.services.enrichment.extract import extract_app, extract_article

ROOT = Path(__file__).resolve().parents[4]
SHARED = Path(os.environ.get("PARLEY_SHARED_DIR", ROOT.parent / "shared"))
SCHEMA = json.loads((ROOT / "docs/schemas/extract-output.v1.json").read_text())


def _shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing (set PARLEY_SHARED_DIR)")
        pytest.skip(f"{path} is missing (set PARLEY_SHARED_DIR)")
    return path


def test_seed_article() -> None:
    raw = _shared("seeds/000_5ae30231f70ce2f0.txt").read_text(encoding="utf-8").strip()
    first, _, body = raw.partition("\n")
    _, day, lede = first.split(" ", 2)
    result = extract_article(title="", text=f"{lede}\n{body}", published=date.fromisoformat(day))
    assert result.language == "en"
    assert "ALSO READ" not in result.clean_text and "NOW READ" not in result.clean_text
    upcoming = [t for t in result.talks if t.status == "announced"]
    assert len(upcoming) == 1
    record = upcoming[0]
    assert set(record.parties) == {"Russia", "Ukraine", "United States"}
    assert record.mediators == ("United States",)
    assert record.location == "Geneva"
    assert (record.start_date, record.end_date) == (date(2026, 2, 17), date(2026, 2, 18))
    assert record.format == "trilateral"
    people = {e.name: e for e in result.entities if e.kind == "person"}
    assert people["Dmitry Peskov"].role == "Kremlin spokesman"
    assert people["Dmitry Peskov"].country == "Russia"
    for e in result.entities:
        assert result.clean_text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01\x02", "<script>alert('talks will be held on Monday')</script>", "a" * 1_000_000],
)
def test_odd_inputs_never_crash(text: str) -> None:
    result = extract_article(title="", text=text, published=date(2030, 1, 1), html=True)
    assert result.talks == ()
    # Work is bounded by the caps, not by luck: the clean text never exceeds them.
    assert len(result.clean_text) <= MAX_CLEAN_CHARS
    if len(text) > MAX_INPUT_CHARS:
        assert any("cut" in note or "cap" in note or "truncat" in note for note in result.notes), result.notes


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31), datetime(2030, 5, 1, 12, 0)])
def test_extreme_publication_dates(published: date) -> None:
    result = extract_article(
        title="", text="Chile and Peru will hold talks in Lima on Monday.", published=published
    )
    assert result.language == "en"


def _cli(input_text: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(extract_app, ["-", *args], input=input_text)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_lines_errors_and_schema(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "ok",
                "published": "2031-03-12",
                "title": "t",
                "text": "Chile and Peru will hold talks in Lima on Monday.",
                "extra": 1,
            }
        ),
        "{not json",
        json.dumps({"id": "nodate", "title": "t", "text": "x"}),
        json.dumps({"id": 7, "published": "2031-03-12T08:00:00Z", "text": ""}),
    ]
    rows = _cli("\n".join(lines) + "\n")
    assert [r.get("id") for r in rows] == ["ok", None, "nodate", "7"]
    assert rows[1]["line"] == 2 and "error" in rows[1]
    assert "published" in rows[2]["error"]
    assert rows[0]["talks"][0]["mediator"] is None
    assert rows[0]["talks"][0]["location"] == "Lima"
    for row in rows:
        jsonschema.validate(row, SCHEMA)
    out = tmp_path / "out" / "p.jsonl"
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(extract_app, [str(source), "-o", str(out)])
    assert result.exit_code == 0
    assert len(out.read_text().splitlines()) == 4


def test_dev_corpus_meets_targets(tmp_path: Path) -> None:
    corpus = _shared("corpus/talks_dev.jsonl")
    scorer = _shared("eval/score_talks.py")
    predictions = tmp_path / "predictions.jsonl"
    result = CliRunner().invoke(extract_app, [str(corpus), "-o", str(predictions)])
    assert result.exit_code == 0
    for line in predictions.read_text().splitlines():
        jsonschema.validate(json.loads(line), SCHEMA)
    scored = subprocess.run(
        [sys.executable, str(scorer), str(corpus), str(predictions), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(scored.stdout)
    assert summary["f1"] >= 0.90 and summary["precision"] >= 0.92, summary
    assert summary["field_accuracy"]["location"] >= 0.90, summary
    assert summary["field_accuracy"]["start_date"] >= 0.85, summary
    assert summary["field_accuracy"]["parties"] >= 0.85, summary


def test_module_entry_point() -> None:
    line = json.dumps({"id": "m", "published": "2031-03-12", "title": "", "text": "Hello there, world."})
    done = subprocess.run(
        [sys.executable, "-m", "parley.services.enrichment.extract"],
        input=line,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["id"] == "m"

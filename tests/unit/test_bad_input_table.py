"""The bad-input table and the fuzzing budgets in docs/reliability.md name real tests, cover every
channel, and are what the generator writes."""

from __future__ import annotations

import ast
import importlib
from functools import cache
from pathlib import Path

import pytest

from tests.bad_input_table import HEADING, ROWS, render, rewrite
from tests.conftest import ROOT
from tests.fuzzing import BUDGETS, SCALE

CHANNELS = {"ingest API", "search API", "files", "feeds", "pages", "rules", "settings", "Kafka messages"}


@cache
def _functions(path: str) -> frozenset[str]:
    tree = ast.parse((ROOT / path).read_text(), filename=path)
    return frozenset(n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef))


@pytest.mark.parametrize("test", sorted({r.test for r in ROWS} | {b.test for b in BUDGETS}))
def test_every_named_test_exists(test: str) -> None:
    path, _, name = test.partition("::")
    assert (ROOT / path).is_file(), path
    assert name in _functions(path), f"{path} has no test {name}"


def test_at_least_thirty_kinds_across_every_channel() -> None:
    assert len(ROWS) >= 30 and len({r.kind for r in ROWS}) == len(ROWS)
    channels = {c.strip() for r in ROWS for c in r.channel.split(",")}
    assert channels >= CHANNELS


@pytest.mark.parametrize("budget", BUDGETS, ids=lambda b: b.test.rsplit("::", 1)[1])
def test_the_budgets_listed_are_the_ones_the_tests_run(budget: object) -> None:
    path, _, name = budget.test.partition("::")  # type: ignore[attr-defined]
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    settings = getattr(module, name)._hypothesis_internal_use_settings
    assert settings.max_examples == budget.examples * SCALE  # type: ignore[attr-defined]
    assert settings.derandomize and settings.database is None
    deadline = settings.deadline
    assert (None if deadline is None else deadline.total_seconds() * 1000) == budget.deadline_ms  # type: ignore[attr-defined]


def test_the_committed_reliability_doc_holds_the_generated_section() -> None:
    text = (ROOT / "docs" / "reliability.md").read_text()
    assert f"\n{HEADING}\n" in text
    assert text.split(f"\n{HEADING}\n", 1)[1] == "\n".join(render()[1:]) + "\n"


def test_the_chaos_report_writes_the_same_section(tmp_path: Path) -> None:
    from tests.chaos.report import write_reliability

    path = tmp_path / "reliability.md"
    write_reliability([], path)
    assert path.read_text().split(f"\n{HEADING}\n", 1)[1] == "\n".join(render()[1:]) + "\n"
    rewrite(path)  # the command run on a generated file changes nothing
    assert path.read_text().split(f"\n{HEADING}\n", 1)[1] == "\n".join(render()[1:]) + "\n"

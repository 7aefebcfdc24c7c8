"""Fixtures of the chaos suite: one private Kafka + Elasticsearch pair and one stack per session."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chaos.harness import Chaos, Row, chaos_mode, private_pair
from tests.chaos.report import write_reliability
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def chaos_rows() -> list[Row]:
    return []


@pytest.fixture(scope="session")
def chaos(chaos_rows: list[Row]) -> Iterator[Chaos]:
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="chaos-", dir=build))
    passed = False
    with private_pair(workdir / "local", small_kafka_disk=chaos_mode() == "full") as infra:
        stack = Chaos(workdir, infra)
        try:
            stack.start()
            yield stack
            passed = all(row.holds() for row in chaos_rows)
        finally:
            stack.stop()
    if chaos_mode() == "full" and chaos_rows:
        write_reliability(chaos_rows, ROOT / "docs" / "reliability.md")
    if passed:
        shutil.rmtree(workdir, ignore_errors=True)

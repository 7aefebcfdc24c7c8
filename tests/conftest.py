"""Shared test helpers. The folder sets the marker: tests/integration -> integration, tests/e2e -> e2e."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if parts and parts[0] in ("integration", "e2e", "chaos", "bench"):
            item.add_marker(getattr(pytest.mark, parts[0]))


def wait_until(predicate: Callable[[], T], timeout: float = 30.0, interval: float = 0.2, what: str = "") -> T:
    """Poll until `predicate()` is truthy and return it; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last: T = predicate()
    while not last:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what or predicate}")
        time.sleep(interval)
        last = predicate()
    return last


def new_namespace() -> str:
    return f"t{uuid.uuid4().hex[:12]}"


@pytest.fixture
def namespace() -> str:
    """A namespace of its own, so tests never see each other's topics, indices or groups."""
    return new_namespace()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Material outside the repository (corpus, seeds), found through PARLEY_SHARED_DIR."""
    path = Path(os.environ.get("PARLEY_SHARED_DIR", ROOT.parent / "shared"))
    if not path.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"PARLEY_SHARED_DIR {path} is missing")
        pytest.skip(f"PARLEY_SHARED_DIR {path} is missing; set it to run this test")
    return path


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / "000_5ae30231f70ce2f0.txt"

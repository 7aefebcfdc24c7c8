"""Shared test helpers. The folder sets the marker: tests/integration -> integration, tests/e2e -> e2e,
tests/fuzz -> fuzz, tests/browser -> browser."""

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
# Services started by tests keep faust's data folders under .local/ (removed by `make clean`),
# not in the working directory.
os.environ.setdefault("PARLEY_DATA_DIR", str(ROOT / ".local" / "test-data"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if parts and parts[0] in ("integration", "e2e", "chaos", "bench", "fuzz", "browser"):
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


_CREATED: list[str] = []


def new_namespace() -> str:
    namespace = f"t{uuid.uuid4().hex[:12]}"
    _CREATED.append(namespace)
    return namespace


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove what the session's namespaces created, so repeated runs don't grow the broker."""
    if _CREATED and os.environ.get("PARLEY_KEEP_TEST_DATA") != "1":
        _remove_namespaces(tuple(_CREATED))


def _remove_namespaces(namespaces: tuple[str, ...]) -> None:
    import contextlib

    from elasticsearch import Elasticsearch

    from parley.shared.kafka import make_admin
    from parley.shared.settings import ElasticsearchSettings, KafkaSettings

    prefixes = tuple(p for ns in namespaces for p in (f"{ns}.", f"{ns}-"))
    with contextlib.suppress(Exception):
        admin = make_admin(KafkaSettings(), "test-cleanup")
        try:
            topics = [t for t in admin.list_topics() if t.startswith(prefixes)]
            for i in range(0, len(topics), 100):
                with contextlib.suppress(Exception):
                    admin.delete_topics(topics[i : i + 100], timeout_ms=30_000)
        finally:
            admin.close()
    with contextlib.suppress(Exception):
        es = Elasticsearch(ElasticsearchSettings().url, request_timeout=30)
        for i in range(0, len(namespaces), 50):
            pattern = ",".join(f"{ns}-*" for ns in namespaces[i : i + 50])
            with contextlib.suppress(Exception):
                es.indices.delete(index=pattern, ignore_unavailable=True, allow_no_indices=True)
            with contextlib.suppress(Exception):
                es.indices.delete_index_template(name=pattern)


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

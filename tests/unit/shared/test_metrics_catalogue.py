from __future__ import annotations

import re
from pathlib import Path

from prometheus_client import REGISTRY

import parley.services.alerting.app
import parley.services.indexer.consumer
import parley.services.search.app  # noqa: F401 - importing registers each service's metrics
from parley.shared import metrics  # noqa: F401

DOC = Path(__file__).resolve().parents[3] / "docs" / "metrics.md"


def registered() -> set[str]:
    names = set()
    for collector in list(REGISTRY._collector_to_names):  # the registry's own index of collectors
        for name in REGISTRY._collector_to_names[collector]:
            if name.startswith("parley_"):
                names.add(name)
    families = {re.sub(r"_(total|created|bucket|count|sum|info)$", "", n) for n in names}
    return families


def documented() -> set[str]:
    rows = re.findall(r"^\| `(parley_[a-z_]+)`", DOC.read_text(), flags=re.MULTILINE)
    return {re.sub(r"_(total|info)$", "", r) for r in rows}


def test_every_metric_is_documented_and_every_documented_metric_exists() -> None:
    assert registered() == documented()


def test_names_follow_the_convention() -> None:
    for name in registered():
        assert re.fullmatch(r"parley_[a-z]+(_[a-z]+)*", name), name

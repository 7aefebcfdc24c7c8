"""The throw-away Prometheus of deploy/prometheus/local_prometheus.py, for tests that scrape services.

deploy/ is not a package (it is copied into images as files), so the module is loaded by path.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _local_prometheus() -> ModuleType:
    path = ROOT / "deploy" / "prometheus" / "local_prometheus.py"
    spec = importlib.util.spec_from_file_location("local_prometheus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def local_prometheus(targets: dict[str, int], workdir: Path) -> Any:
    """A `LocalPrometheus` scraping `job -> port` on 127.0.0.1 every second with Parley's rules."""
    return _local_prometheus().LocalPrometheus(targets, workdir)


def firing(prometheus: Any, alertname: str) -> bool:
    """Whether Prometheus has `alertname` firing now (pending does not count)."""
    return bool(prometheus.query(f'ALERTS{{alertname="{alertname}",alertstate="firing"}}'))

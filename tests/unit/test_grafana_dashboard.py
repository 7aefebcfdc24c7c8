"""The provisioned Grafana dashboard: valid JSON, PromQL that Prometheus parses, catalogued metrics.

Each panel expression becomes a recording rule in a temporary rules file checked by
`promtool check rules` (Debian package `prometheus`, installed by `make setup`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GRAFANA = ROOT / "deploy" / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "parley.json"
CATALOGUE = ROOT / "docs" / "metrics.md"
# Grafana's built-in variables, replaced by a plain duration so Prometheus can parse the query.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "1m", "$__range": "1h"}


def panels(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for panel in dashboard["panels"]:
        found.append(panel)
        found.extend(panel.get("panels", []))  # panels inside collapsed rows
    return found


def expressions(dashboard: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (panel["title"], target["expr"])
        for panel in panels(dashboard)
        for target in panel.get("targets", [])
        if "expr" in target
    ]


def promql(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    assert "$" not in expr, f"unknown Grafana variable in {expr!r}"
    return expr


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    data = json.loads(DASHBOARD.read_text())
    assert isinstance(data, dict)
    return data


def test_dashboard_is_a_provisionable_dashboard(dashboard: dict[str, Any]) -> None:
    assert dashboard["uid"] and dashboard["title"]
    ids = [p["id"] for p in panels(dashboard)]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    datasource = yaml.safe_load((GRAFANA / "provisioning" / "datasources" / "prometheus.yml").read_text())
    uids = {d["uid"] for d in datasource["datasources"]}
    for panel in panels(dashboard):
        if panel["type"] == "row":
            continue
        assert panel["datasource"]["uid"] in uids, panel["title"]
        assert panel.get("targets"), panel["title"]
    provider = yaml.safe_load((GRAFANA / "provisioning" / "dashboards" / "parley.yml").read_text())
    assert provider["providers"][0]["type"] == "file"


def test_the_main_panels_are_there(dashboard: dict[str, Any]) -> None:
    text = "\n".join(expr for _, expr in expressions(dashboard))
    for metric in (
        "parley_articles_ingested_total",
        "parley_stage_latency_seconds_bucket",
        "parley_consumer_lag_messages",
        "parley_alerts_total",
        "parley_webhook_deliveries_total",
        "parley_deadlettered_total",
        "parley_es_bulk_seconds_bucket",
    ):
        assert metric in text, metric


def test_every_panel_expression_parses(dashboard: dict[str, Any], tmp_path: Path) -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.fail("promtool is not installed: run `make setup` (deploy/local/setup-system.sh)")
    rules = [
        {"record": f"dashboard:panel_{i}", "expr": promql(expr)}
        for i, (_, expr) in enumerate(expressions(dashboard))
    ]
    assert rules
    path = tmp_path / "dashboard.rules.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, sort_keys=False))
    result = subprocess.run(
        [promtool, "check", "rules", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_metric_is_in_the_catalogue(dashboard: dict[str, Any]) -> None:
    documented = set(re.findall(r"^\| `(parley_[a-z_]+)`", CATALOGUE.read_text(), flags=re.MULTILINE))
    for title, expr in expressions(dashboard):
        for name in re.findall(r"\bparley_[a-z_]+", expr):
            family = re.sub(r"_(bucket|count|sum)$", "", name)
            assert family in documented, f"{title}: {name} is not in docs/metrics.md"

"""The Prometheus alerting and recording rules: valid, unit-tested, and each alert documented.

Needs `promtool` (Debian package `prometheus`, installed by `make setup` through
deploy/local/setup-system.sh).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "deploy" / "prometheus" / "rules" / "parley.rules.yml"
RULE_TESTS = ROOT / "deploy" / "prometheus" / "tests" / "parley.rules.test.yml"
RUNBOOK = ROOT / "docs" / "runbook.md"
CATALOGUE = ROOT / "docs" / "metrics.md"


def promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.fail(
            "promtool is not installed: run `make setup` (deploy/local/setup-system.sh installs the "
            "Debian package `prometheus`, which ships promtool)"
        )
    return path


def run_promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([promtool(), *args], capture_output=True, text=True, timeout=120, check=False)


def alerts() -> list[dict[str, Any]]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def test_rules_pass_promtool_check() -> None:
    result = run_promtool("check", "rules", str(RULES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_rule_unit_tests_pass() -> None:
    result = run_promtool("test", "rules", str(RULE_TESTS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_has_a_firing_and_a_silent_case() -> None:
    cases = yaml.safe_load(RULE_TESTS.read_text())["tests"]
    firing: set[str] = set()
    silent: set[str] = set()
    for case in cases:
        for check in case.get("alert_rule_test", []):
            (firing if check.get("exp_alerts") else silent).add(check["alertname"])
    names = {rule["alert"] for rule in alerts()}
    assert names - firing == set(), "alerts without a firing test"
    assert names - silent == set(), "alerts without a not-firing test"


def test_every_alert_links_to_its_runbook_section() -> None:
    runbook = RUNBOOK.read_text()
    anchors = {_anchor(h) for h in re.findall(r"^#{2,3} (.+)$", runbook, flags=re.MULTILINE)}
    for rule in alerts():
        notes = rule["annotations"]
        assert {"summary", "description", "runbook_url"} <= set(notes), rule["alert"]
        assert rule["labels"]["severity"] in ("warning", "critical"), rule["alert"]
        page, _, anchor = notes["runbook_url"].partition("#")
        assert page == "docs/runbook.md", rule["alert"]
        assert anchor == rule["alert"].lower() and anchor in anchors, rule["alert"]


def test_rules_only_use_catalogued_metrics() -> None:
    documented = set(re.findall(r"^\| `(parley_[a-z_]+)`", CATALOGUE.read_text(), flags=re.MULTILINE))
    text = RULES.read_text()
    used = {re.sub(r"_(bucket|count|sum)$", "", m) for m in re.findall(r"\bparley_[a-z_]+", text)}
    assert used - documented == set()


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower-case, punctuation dropped, spaces to dashes."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")

"""`parley doctor` against the real local Kafka and Elasticsearch, in namespaces of its own."""

from __future__ import annotations

import os
import subprocess
import sys

from kafka.admin import NewTopic

from parley.services.cli.stack import free_port
from parley.shared.kafka import make_admin
from parley.shared.settings import KafkaSettings
from tests.conftest import new_namespace


def doctor(namespace: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley.services", "doctor", *args],
        env={**os.environ, "PARLEY_NAMESPACE": namespace, "COLUMNS": "400", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def row(output: str, check: str) -> str:
    """The table row of one check as `check status detail fix` (the table is wide enough not to wrap)."""
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) > 2 and cells[1] == check:
            return " ".join(c for c in cells if c)
    raise AssertionError(f"no row {check!r} in:\n{output}")


def test_fresh_namespace_after_topics_create_has_topics_but_no_aliases() -> None:
    ns = new_namespace()
    created = subprocess.run(
        [sys.executable, "-m", "parley.services", "topics", "create"],
        env={**os.environ, "PARLEY_NAMESPACE": ns},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert created.returncode == 0, created.stderr

    result = doctor(ns)

    assert result.returncode != 0, result.stdout
    out = result.stdout
    assert row(out, "kafka").split()[1] == "ok"
    assert row(out, "topics").split()[1] == "ok", row(out, "topics")
    assert row(out, "elasticsearch").split()[1] == "ok"
    articles = row(out, "index articles")
    assert articles.split()[2] == "fail" and f"{ns}-articles" in articles and "missing" in articles
    assert "parley indexer" in articles  # how to fix
    assert row(out, "index talks").split()[2] == "fail"
    assert "failed" in result.stderr


def test_unreachable_elasticsearch_is_reported_with_a_fix() -> None:
    port = free_port()  # nothing listens there
    result = doctor(new_namespace(), PARLEY_ES_URL=f"http://127.0.0.1:{port}")

    assert result.returncode != 0
    es = row(result.stdout, "elasticsearch")
    assert es.split()[1] == "fail"
    assert "unreachable" in es and f"127.0.0.1:{port}" in es
    assert "PARLEY_ES_URL" in es and "make infra-up" in es
    assert row(result.stdout, "indices").split()[1] == "skip"


def test_wrong_partitions_and_policy_are_named() -> None:
    ns = new_namespace()
    admin = make_admin(KafkaSettings(), "test")
    try:
        admin.create_topics([NewTopic(f"{ns}.alerts", 2, 1, topic_configs={"cleanup.policy": "compact"})])
    finally:
        admin.close()

    result = doctor(ns)

    assert result.returncode != 0
    alerts = row(result.stdout, "topic alerts")
    assert "fail" in alerts and "2 partitions, expected 6" in alerts
    assert "cleanup.policy=compact, expected delete" in alerts
    assert "missing" in row(result.stdout, "topics")


def test_webhook_endpoints_are_shown_by_name_without_credentials() -> None:
    port = free_port()
    hooks = f'[{{"name": "ops", "url": "https://bob:s3cret@127.0.0.1:{port}/hook?token=abc"}}]'
    result = doctor(
        new_namespace(), PARLEY_ALERTING_WEBHOOKS=hooks, PARLEY_ALERTING_PRIVATE_ALLOWLIST='["127.0.0.0/8"]'
    )

    ops = row(result.stdout, "webhook ops")
    assert "fail" in ops and "unreachable" in ops
    assert "s3cret" not in result.stdout + result.stderr
    assert "token=abc" not in result.stdout + result.stderr

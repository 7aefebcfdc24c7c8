"""Acceptance: a real Prometheus scraping the whole local stack sees every stage's metrics move.

The stack runs as processes on the real local Kafka and Elasticsearch in a namespace of its own
(as in test_pipeline.py); Prometheus (Debian package) scrapes each service every second, loads
Parley's rules, keeps its TSDB in a temporary folder and is stopped at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from elasticsearch import Elasticsearch

from parley.services.cli.stack import SERVICES, Stack, free_port
from parley.shared.article_input import parse_text_article
from parley.shared.settings import ElasticsearchSettings
from tests.conftest import new_namespace, wait_until
from tests.support.prometheus import local_prometheus

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "articles").glob("*.txt")
)
# One metric per stage that only moves when that stage did its work.
STAGE_SIGNALS = {
    "ingest": 'sum(parley_articles_ingested_total{job="ingest",outcome="published"})',
    "enrichment": 'sum(parley_messages_produced_total{job="enrichment",topic="articles.enriched"})',
    "indexer": 'sum(parley_documents_indexed_total{job="indexer",outcome!="rejected"})',
    "alerting": 'sum(parley_alerts_raised_total{job="alerting"})',
    "dispatcher": 'sum(parley_webhook_deliveries_total{job="dispatcher",outcome="delivered"})',
    "search": 'sum(parley_search_requests_total{job="search"})',
}


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, Any]]:
    ns = new_namespace()
    ports = {name: free_port() for name in (*SERVICES, "webhook-sink")}
    stack = Stack(namespace=ns, ports=ports, log_dir=tmp_path_factory.mktemp("logs"))
    os.environ["PARLEY_INGEST_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    prometheus = local_prometheus(
        {service: ports[service] for service in SERVICES}, tmp_path_factory.mktemp("prometheus")
    )
    stack.start()
    try:
        prometheus.start()
        stack.wait_ready()
        yield stack, prometheus
    finally:
        prometheus.stop()
        stack.stop()
        es = Elasticsearch(ElasticsearchSettings().url)
        es.indices.delete(index=f"{ns}-*", ignore_unavailable=True, allow_no_indices=True)


def value(prometheus: Any, expr: str) -> float:
    result = prometheus.query(expr)
    return float(result[0]["value"][1]) if result else 0.0


def test_prometheus_sees_every_stage_and_the_delivery_latency(observed: tuple[Stack, Any]) -> None:
    stack, prometheus = observed
    wait_until(
        lambda: (
            set(prometheus.targets_health().values()) == {"up"}
            and len(prometheus.targets_health()) == len(SERVICES)
        ),
        60,
        what="every service scraped",
    )
    assert len(ARTICLES) >= 3
    body = [
        parse_text_article(path.read_text()).model_dump(mode="json", exclude_none=True) for path in ARTICLES
    ]
    response = httpx.post(f"http://127.0.0.1:{stack.ports['ingest']}/articles", json=body, timeout=60)
    assert response.status_code == 202, response.text
    search = f"http://127.0.0.1:{stack.ports['search']}/search"
    assert httpx.get(search, params={"q": "talks"}, timeout=10).status_code == 200

    for stage, expr in STAGE_SIGNALS.items():
        wait_until(lambda e=expr: value(prometheus, e) > 0, 120, interval=1, what=f"{stage} in Prometheus")  # type: ignore[misc]
    delivered = 'sum(parley_stage_latency_seconds_count{job="dispatcher",stage="delivered"})'
    wait_until(lambda: value(prometheus, delivered) > 0, 120, interval=1, what="publish-to-webhook histogram")
    for stage in ("enriched", "indexed", "alerted"):
        expr = f'sum(parley_stage_latency_seconds_count{{stage="{stage}"}})'
        wait_until(lambda e=expr: value(prometheus, e) > 0, 60, interval=1, what=f"{stage} latency")  # type: ignore[misc]
    # The dashboard's latency query gives a number once the histogram has observations.
    p95 = 'histogram_quantile(0.95, sum by (le) (rate(parley_stage_latency_seconds_bucket{stage="delivered"}[5m])))'
    wait_until(lambda: prometheus.query(p95), 30, interval=1, what="delivered p95")


def test_consumer_lag_is_exported_by_the_faust_services(observed: tuple[Stack, Any]) -> None:
    _, prometheus = observed
    for service, topic in (
        ("enrichment", "articles.raw"),
        ("alerting", "articles.enriched"),
        ("dispatcher", "alerts"),
    ):
        expr = f'count(parley_consumer_lag_messages{{service="{service}",topic="{topic}"}})'
        # one series per partition of the topic, refreshed every 15 s
        wait_until(lambda e=expr: value(prometheus, e) == 6, 90, interval=1, what=f"{service} lag series")  # type: ignore[misc]


def test_every_rule_evaluates_and_nothing_fires_on_a_healthy_stack(observed: tuple[Stack, Any]) -> None:
    _, prometheus = observed
    health = wait_until(lambda: prometheus.rules_health() or None, 30, interval=1, what="rules loaded")
    wait_until(
        lambda: set(prometheus.rules_health().values()) == {"ok"}, 30, interval=1, what="every rule evaluated"
    )
    assert "ParleyServiceDown" in health
    firing = [a for a in prometheus.query("ALERTS") if a["metric"].get("alertstate") == "firing"]
    assert firing == []


def test_doctor_is_green_against_the_running_stack(observed: tuple[Stack, Any]) -> None:
    stack, _ = observed
    ports = [f"--port={service}={stack.ports[service]}" for service in SERVICES]
    result = subprocess.run(
        [sys.executable, "-m", "parley.services", "doctor", "--services", *ports],
        env={**stack.env("dispatcher"), "COLUMNS": "400"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for service in SERVICES:
        assert f"service {service}" in result.stdout

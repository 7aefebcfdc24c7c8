"""The indexer through an Elasticsearch outage and a kill -9: exactly the expected documents, in the end.

The outage test runs an Elasticsearch node of its own (same launcher as the shared one, other
ports, its own home), since the shared node is in use by others.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from bench.articles import generate_articles
from parley.services.indexer.settings import IndexerSection, IndexerSettings
from parley.shared.elasticsearch import make_client
from parley.shared.events import ArticleEnriched, ArticleReceived, encode, wrap
from parley.shared.kafka import make_consumer
from parley.shared.settings import ElasticsearchSettings, KafkaSettings
from parley.shared.topics import Names
from tests.conftest import ROOT, wait_until
from tests.support.indexing import (
    committed,
    dead_letters,
    free_port,
    message,
    metric,
    produce,
    settings,
)
from tests.support.processes import launch, stop

pytestmark = pytest.mark.integration

ES_LIB = Path(os.environ.get("PARLEY_LOCAL_DIR", ROOT / ".local")) / "elasticsearch" / "lib"
OUTAGE_S = 20


def enriched(i: int, generated: dict[str, Any], title: str | None = None) -> ArticleEnriched:
    now = datetime.now(UTC)
    return ArticleEnriched(
        article_id=f"a-{i:05d}",
        url=generated["url"],
        title=title or generated["title"],
        published=datetime.fromisoformat(generated["published"]),
        ingested_at=now,
        enriched_at=now,
        source=generated["source"],
        language=generated["language"],
        text=generated["text"],
        story_id=f"s-{i:05d}",
    )


def all_ids(client: Elasticsearch, index: str) -> set[str]:
    client.indices.refresh(index=index)
    hits = client.search(index=index, size=10_000, source=False, query={"match_all": {}})["hits"]["hits"]
    return {hit["_id"] for hit in hits}


def indexed_ops(client: Elasticsearch, index: str) -> int:
    """Index operations done so far (real time: no refresh needed)."""
    found = client.options(ignore_status=(404, 503)).indices.stats(index=index, metric="indexing")
    total = found.body.get("_all", {}).get("primaries", {}).get("indexing", {}).get("index_total", 0)
    return int(total)


class OwnNode:
    """An Elasticsearch node for one test: its own home, ports and cluster name."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.http_port, self.transport_port = free_port(), free_port()
        self.cluster = f"parley-test-{uuid.uuid4().hex[:8]}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = f"http://127.0.0.1:{self.http_port}"

    def start(self) -> None:
        command = [
            "java",
            "-Xms256m",
            "-Xmx512m",
            "-cp",
            f"{ES_LIB}/*",
            "org.elasticsearch.node.ParleyLocalNode",
            "--home",
            str(self.home),
            "--http-port",
            str(self.http_port),
            "--transport-port",
            str(self.transport_port),
            "--cluster-name",
            self.cluster,
        ]
        log = (self.home.parent / "es-node.log").open("ab")
        self.proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        client = Elasticsearch(self.url, request_timeout=5)
        try:
            wait_until(lambda: self._healthy(client), timeout=90, interval=0.5, what="own Elasticsearch node")
        finally:
            client.close()

    def _healthy(self, client: Elasticsearch) -> bool:
        assert self.proc is not None and self.proc.poll() is None, "the node exited; see es-node.log"
        try:
            return client.cluster.health(wait_for_status="yellow", timeout="1s")["status"] != "red"
        except Exception:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


@pytest.fixture
def own_node(tmp_path: Path) -> Iterator[OwnNode]:
    if not ES_LIB.is_dir():
        pytest.skip(f"{ES_LIB} missing: build the local node (deploy/local/elasticsearch/README.md)")
    node = OwnNode(tmp_path / "es")
    node.start()
    try:
        yield node
    finally:
        node.stop()


def test_an_elasticsearch_node_stopped_mid_indexing_loses_nothing(
    ns: str, own_node: OwnNode, run_indexer: Any
) -> None:
    names = Names(ns)
    articles = [message(enriched(i, g)) for i, g in enumerate(generate_articles(2000))]
    received = ArticleReceived(
        article_id="a-wrong-topic",
        title="t",
        published=datetime.now(UTC),
        text="x",
        ingested_at=datetime.now(UTC),
    )
    poison: list[tuple[bytes, bytes | None]] = [
        (b"p-1", b"not json at all"),
        (b"p-2", b'{"specversion": "1.0"}'),
        (b"p-3", encode(wrap(received, service="test"))),  # a valid event, but not for this topic
    ]
    produce(names.enriched, [*articles[:1000], poison[0]], partition=None)
    own_es = make_client(ElasticsearchSettings(url=own_node.url))
    cfg = IndexerSettings(
        namespace=ns,
        es=ElasticsearchSettings(url=own_node.url, request_timeout=10),
        indexer=IndexerSection(
            batch_size=50, flush_interval_s=0.2, retry_backoff_base_s=0.2, retry_backoff_max_s=2
        ),
    )
    run_indexer(cfg)
    alias = names.alias("articles")
    wait_until(lambda: indexed_ops(own_es, alias) > 0, timeout=60, interval=0.05, what="indexing started")

    own_node.stop()
    produce(names.enriched, [*articles[1000:], *poison[1:]], partition=None)  # arrives during the outage
    time.sleep(OUTAGE_S)  # the outage itself
    assert committed(ns, names.enriched) < len(articles) + len(poison)
    own_node.start()

    total = len(articles) + len(poison)
    wait_until(lambda: committed(ns, names.enriched) == total, timeout=90, what="everything committed")
    assert all_ids(own_es, alias) == {f"a-{i:05d}" for i in range(2000)}
    assert own_es.count(index=alias)["count"] == 2000
    dead = dead_letters(names.deadletter)
    assert sorted(d.original_value() for d in dead) == sorted(v for _, v in poison if v is not None)
    assert {d.reason for d in dead} == {"undecodable", "unsupported"}
    own_es.close()


def start_indexer(ns: str, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PARLEY_NAMESPACE": ns,
        "PARLEY_HTTP_PORT": str(free_port()),
        "PARLEY_INDEXER_BATCH_SIZE": "50",
        "PARLEY_INDEXER_FLUSH_INTERVAL_S": "0.2",
    }
    return launch(["indexer", "run"], env, log, new_session=False)


def test_a_killed_indexer_restarts_to_exactly_the_expected_documents(
    ns: str, es: Elasticsearch, run_indexer: Any, tmp_path: Path
) -> None:
    names = Names(ns)
    alias = names.alias("articles")
    generated = generate_articles(1500)
    first = [message(enriched(i, g)) for i, g in enumerate(generated)]
    corrected = [message(enriched(i, g, title=f"Corrected {i}")) for i, g in enumerate(generated[:500])]
    produce(names.enriched, first + corrected, partition=None)
    total = len(first) + len(corrected)

    proc = start_indexer(ns, tmp_path / "indexer.log")
    try:
        wait_until(lambda: indexed_ops(es, alias) > 0, timeout=60, interval=0.02, what="indexing started")
    finally:
        stop(proc, signal.SIGKILL, timeout=30)
    assert committed(ns, names.enriched) < total, "killed too late: everything was already committed"

    proc = start_indexer(ns, tmp_path / "indexer.log")
    try:
        wait_until(lambda: committed(ns, names.enriched) == total, timeout=90, what="the restart caught up")
    finally:
        stop(proc, timeout=30)
    assert proc.returncode == 0
    expected = {f"a-{i:05d}" for i in range(1500)}
    assert all_ids(es, alias) == expected
    titles = {d["_id"]: d["_source"]["title"] for d in es.mget(index=alias, ids=sorted(expected))["docs"]}
    assert all(titles[f"a-{i:05d}"] == f"Corrected {i}" for i in range(500))
    assert all(titles[f"a-{i:05d}"] == generated[i]["title"] for i in range(500, 1500))

    # Replaying everything (another group): each older version arrives after the newer one is indexed.
    def replayed() -> float:
        return sum(
            metric("parley_documents_indexed_total", kind="articles", outcome=outcome)
            for outcome in ("stale", "superseded", "indexed")
        )

    before, stale = replayed(), metric("parley_documents_indexed_total", kind="articles", outcome="stale")
    replay = make_consumer(KafkaSettings(), "replay", f"{ns}-replay")
    run_indexer(settings(ns, batch_size=50), consumer=replay)
    wait_until(lambda: replayed() - before >= total, timeout=90, what="every event replayed")
    assert metric("parley_documents_indexed_total", kind="articles", outcome="stale") - stale >= 1000
    after = {d["_id"]: d["_source"]["title"] for d in es.mget(index=alias, ids=sorted(expected))["docs"]}
    assert after == titles

"""The indexer and the search API against the real local Kafka and Elasticsearch.

Each test has a namespace of its own (topics, consumer group, indices), so they never collide.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from elastic_transport import ConnectionError as TransportConnectionError
from elasticsearch import Elasticsearch
from pydantic import SecretStr

from parley.services.indexer.consumer import Indexer
from parley.services.indexer.index_admin import ensure_indices
from parley.services.indexer.settings import IndexerSection, IndexerSettings
from parley.services.search.app import create_app
from parley.services.search.settings import SearchSection, SearchSettings
from parley.shared.events import (
    ArticleDeleted,
    Event,
    TalksRecorded,
    TalksState,
    wrap,
)
from parley.shared.health import HealthServer
from parley.shared.settings import ElasticsearchSettings, KafkaSettings
from parley.shared.topics import Names
from tests.conftest import wait_until
from tests.support.indexing import (
    article,
    committed,
    dead_letters,
    doc,
    free_port,
    message,
    metric,
    produce,
    settings,
)

pytestmark = pytest.mark.integration
TOKEN = "search-test-token-123"


def test_articles_are_indexed_once_and_an_older_offset_never_wins(
    ns: str, es: Elasticsearch, run_indexer: Any
) -> None:
    names = Names(ns)
    older = article("a1", "Talks planned in Geneva")
    newer = article("a1", "Geneva talks confirmed for Monday")
    produce(names.enriched, [message(older), message(newer), message(newer), message(article("a2"))])
    indexed_before = metric("parley_documents_indexed_total", kind="articles", outcome="indexed")
    latency_before = metric("parley_stage_latency_seconds_count", stage="indexed")
    run_indexer(settings(ns, batch_size=1))

    wait_until(lambda: committed(ns, names.enriched) == 4, what="offsets committed after indexing")
    current = doc(es, names.alias("articles"), "a1")
    assert current is not None and current["_version"] == 2  # the offset of the last copy
    assert current["_source"]["title"] == "Geneva talks confirmed for Monday"
    es.indices.refresh(index=names.alias("articles"))
    hits = es.search(index=names.alias("articles"), query={"match": {"title": "confirmed"}})["hits"]
    assert [h["_id"] for h in hits["hits"]] == ["a1"]
    assert es.count(index=names.alias("articles"))["count"] == 2
    assert metric("parley_documents_indexed_total", kind="articles", outcome="indexed") - indexed_before == 4
    assert metric("parley_stage_latency_seconds_count", stage="indexed") > latency_before

    # Replaying the topic from the start (another group, one message per batch) changes nothing.
    stale_before = metric("parley_documents_indexed_total", kind="articles", outcome="stale")
    from parley.shared.kafka import make_consumer

    replay = make_consumer(KafkaSettings(), "replay", f"{ns}-replay")
    run_indexer(settings(ns, batch_size=1), consumer=replay)
    wait_until(
        lambda: (
            metric("parley_documents_indexed_total", kind="articles", outcome="stale") - stale_before >= 4
        ),
        what="the replayed events answered as stale",
    )
    current = doc(es, names.alias("articles"), "a1")
    assert current is not None and current["_version"] == 2
    assert current["_source"]["title"] == "Geneva talks confirmed for Monday"


def test_poison_and_refused_messages_are_dead_lettered_and_the_next_is_indexed(
    ns: str, es: Elasticsearch, run_indexer: Any
) -> None:
    names = Names(ns)
    refused = article("big", story_id="x" * 40_000)  # a keyword term Lucene cannot hold
    produce(names.enriched, [(b"bad", b"not json at all"), message(refused), message(article("good"))])
    before = metric("parley_deadlettered_total", service="indexer", reason="undecodable")
    run_indexer(settings(ns))

    wait_until(lambda: doc(es, names.alias("articles"), "good"), what="the good article indexed")
    records = wait_until(lambda: dead_letters(names.deadletter) if committed(ns, names.enriched) == 3 else [])
    by_reason = {r.reason: r for r in records}
    assert set(by_reason) == {"undecodable", "es_rejected"}
    assert by_reason["undecodable"].origin_offset == 0
    assert by_reason["undecodable"].original_value() == b"not json at all"
    assert "not JSON" in by_reason["undecodable"].error
    assert by_reason["es_rejected"].origin_offset == 1
    assert "HTTP 400" in by_reason["es_rejected"].error
    assert doc(es, names.alias("articles"), "big") is None
    assert metric("parley_deadlettered_total", service="indexer", reason="undecodable") - before == 1


def test_deletes_and_talks_states(ns: str, es: Elasticsearch, run_indexer: Any) -> None:
    names = Names(ns)
    now = datetime.now(UTC)
    state = TalksState(
        talks_id="k1",
        revision=1,
        parties=("Ukraine", "Russia"),
        location="Geneva",
        start_date=date.today() + timedelta(days=3),
        status="announced",
        first_seen=now,
        last_seen=now,
    )
    deleted = ArticleDeleted(article_id="gone", reason="taken down", deleted_at=now)
    produce(
        names.enriched,
        [
            message(article("gone")),
            message(deleted),
            message(ArticleDeleted(article_id="never-seen", reason="taken down", deleted_at=now)),
        ],
    )
    produce(names.talks, [message(TalksRecorded(talks=state))])
    run_indexer(settings(ns))
    wait_until(lambda: doc(es, names.alias("talks"), "k1"), what="talks state indexed")
    wait_until(lambda: committed(ns, names.enriched) == 3, what="deletes committed")
    assert doc(es, names.alias("articles"), "gone") is None
    assert doc(es, names.alias("talks"), "k1")["_source"]["location"] == "Geneva"  # type: ignore[index]


@pytest.fixture
def api(ns: str, es: Elasticsearch) -> Iterator[httpx.Client]:
    ensure_indices(es, ns)
    names = Names(ns)
    from parley.services.indexer.bulk import Source, build_pending, bulk_body

    now = datetime.now(UTC)
    events: list[Event] = [
        article("a1", "Ukraine and Russia to hold talks in Geneva"),
        article("a2", "Sudan ceasefire talks stall", text="Talks in Jeddah stalled again.", entities=()),
        article("a3", "Geneva hosts a film festival", text="Nothing diplomatic here.", talks=()),
        TalksRecorded(
            talks=TalksState(
                talks_id="k1",
                revision=1,
                parties=("Ukraine", "Russia"),
                start_date=date.today() + timedelta(days=2),
                status="announced",
                first_seen=now,
                last_seen=now,
            )
        ),
        TalksRecorded(
            talks=TalksState(
                talks_id="k2",
                revision=1,
                parties=("Sudan",),
                start_date=date.today() - timedelta(days=20),
                status="announced",
                first_seen=now,
                last_seen=now,
            )
        ),
    ]
    pendings = [
        build_pending(wrap(e, service="t"), Source("t", 0, i, None, None), names, now)
        for i, e in enumerate(events)
    ]
    result = es.bulk(operations=bulk_body(pendings), refresh=True)
    assert not result["errors"], json.dumps(result["items"])[:500]
    app = create_app(SearchSettings(namespace=ns, search=SearchSection(api_token=SecretStr(TOKEN))), es=es)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, name="search-api", daemon=True)
    thread.start()
    wait_until(lambda: server.started, what="the search API listening")
    with httpx.Client(base_url=f"http://127.0.0.1:{server.config.port}", timeout=30) as client:
        yield client
    server.should_exit = True
    thread.join(timeout=30)


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_search_api_auth_and_input_errors(api: httpx.Client) -> None:
    assert api.get("/search", params={"q": "talks"}).status_code == 401
    wrong = api.get("/search", params={"q": "talks"}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    bad: list[dict[str, str | int]] = [
        {"q": "talks", "limit": 101},
        {"limit": "many"},
        {"from": "last week"},
        {"cursor": "!!"},
        {"status": "happening"},
        {"q": "talks", "cursor": "WyJhIiwiYiIsImMiXQ"},  # a cursor of the wrong shape: ES says 400
    ]
    for params in bad:
        response = api.get("/search", params=params, headers=AUTH)
        assert response.status_code == 400, (params, response.text)
        assert response.json()["error"] and "Traceback" not in response.text
    assert api.get("/healthz").status_code == 200
    assert api.get("/readyz").json() == {"ready": True, "checks": {"elasticsearch": True}}
    assert "parley_search_requests_total" in api.get("/metrics").text
    assert "/search" in api.get("/openapi.json").json()["paths"]


def test_search_api_hits_filters_pages_and_talks(api: httpx.Client) -> None:
    body = api.get("/search", params={"q": "geneva talks"}, headers=AUTH).json()
    assert body["hits"][0]["article_id"] == "a1"
    assert "<em>Geneva</em>" in body["hits"][0]["highlight"]["title"][0]
    assert {h["article_id"] for h in body["hits"]} == {"a1", "a2", "a3"}

    only = api.get("/search", params={"q": "talks", "country": "ukraine"}, headers=AUTH).json()
    assert [h["article_id"] for h in only["hits"]] == ["a1"]
    assert (
        api.get("/search", params={"q": "geneva", "status": "announced"}, headers=AUTH).json()["total"] == 1
    )
    assert api.get("/search", params={"q": "talks", "from": "2026-03-01"}, headers=AUTH).json()["total"] == 0

    seen: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"q": "geneva talks", "limit": 1}
        if cursor:
            params["cursor"] = cursor
        page = api.get("/search", params=params, headers=AUTH).json()
        seen += [h["article_id"] for h in page["hits"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == ["a1", "a2", "a3"]

    upcoming = api.get("/talks/upcoming", params={"country": "Ukraine"}, headers=AUTH).json()["talks"]
    assert [t["talks_id"] for t in upcoming] == ["k1"]
    assert [t["talks_id"] for t in api.get("/talks/upcoming", headers=AUTH).json()["talks"]] == ["k1"]
    assert api.get("/talks/k2", headers=AUTH).json()["parties"] == ["Sudan"]
    assert api.get("/talks/nope", headers=AUTH).status_code == 404


class FlakyES:
    """The real client, except that bulk requests fail with a connection error while `broken` is set."""

    def __init__(self, real: Elasticsearch) -> None:
        self.real = real
        self.broken = threading.Event()
        self.failed = 0

    def bulk(self, **kwargs: Any) -> Any:
        if self.broken.is_set():
            self.failed += 1
            raise TransportConnectionError("connection refused (simulated)")
        return self.real.bulk(**kwargs)

    def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_an_elasticsearch_outage_pauses_without_committing_or_dropping(
    ns: str, es: Elasticsearch, run_indexer: Any
) -> None:
    names = Names(ns)
    flaky = FlakyES(es)
    flaky.broken.set()
    produce(names.enriched, [message(article("o1")), message(article("o2"))])
    before = metric("parley_es_errors_total", reason="unavailable")
    indexer = run_indexer(settings(ns), es=flaky)
    health = HealthServer("127.0.0.1", 0, indexer.readiness).start()
    try:
        wait_until(lambda: flaky.failed >= 3, what="bulk retried with back-off")
        assert committed(ns, names.enriched) == 0
        assert doc(es, names.alias("articles"), "o1") is None
        assert metric("parley_es_errors_total", reason="unavailable") - before >= 3

        flaky.broken.clear()
        wait_until(
            lambda: committed(ns, names.enriched) == 2, what="the batch indexed once Elasticsearch is back"
        )
        assert doc(es, names.alias("articles"), "o1") and doc(es, names.alias("articles"), "o2")
        ready = httpx.get(f"http://127.0.0.1:{health.port}/readyz", timeout=10)
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"] == {"kafka": True, "group_joined": True, "elasticsearch": True}
    finally:
        health.stop()


def test_stop_finishes_the_batch_and_commits(ns: str, es: Elasticsearch) -> None:
    names = Names(ns)
    produce(names.enriched, [message(article(f"s{i}")) for i in range(20)])
    indexer = Indexer(settings(ns, flush_interval_s=0.5))
    thread = threading.Thread(target=indexer.run, daemon=True)
    thread.start()
    wait_until(
        lambda: es.options(ignore_status=(404, 503)).count(index=names.alias("articles")).get("count"),
        timeout=60,
    )
    indexer.stop()
    thread.join(timeout=30)
    assert not thread.is_alive()
    es.indices.refresh(index=names.alias("articles"))
    # Whatever was indexed is committed, and nothing committed is missing from the index.
    assert committed(ns, names.enriched) == es.count(index=names.alias("articles"))["count"] == 20


def test_elasticsearch_down_at_start_is_waited_for_until_stop(ns: str) -> None:
    dead = ElasticsearchSettings(url=f"http://127.0.0.1:{free_port()}")
    before = metric("parley_es_errors_total", reason="unavailable")
    indexer = Indexer(
        IndexerSettings(namespace=ns, es=dead, indexer=IndexerSection(retry_backoff_base_s=0.05))
    )
    thread = threading.Thread(target=indexer.run, daemon=True)
    thread.start()
    wait_until(
        lambda: metric("parley_es_errors_total", reason="unavailable") - before >= 2, what="start-up retries"
    )
    assert thread.is_alive()
    indexer.stop()
    thread.join(timeout=30)
    assert not thread.is_alive()

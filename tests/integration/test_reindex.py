"""`parley reindex`: a new versioned index filled from the topics, the alias switched, searches never fail."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from parley.services.indexer.index_admin import alias_indices
from parley.services.search import backend, queries
from parley.shared.elasticsearch import make_client
from parley.shared.events import TalksRecorded, TalksState
from parley.shared.settings import ElasticsearchSettings
from parley.shared.topics import Names
from tests.conftest import wait_until
from tests.support.indexing import (
    article,
    committed,
    doc,
    message,
    produce,
    settings,
)

pytestmark = pytest.mark.integration

ARTICLES = 400


def parley(ns: str, *args: str) -> str:
    """Run a `parley` command in the namespace; return its standard output (exit 0 expected)."""
    env = {**os.environ, "PARLEY_NAMESPACE": ns}
    done = subprocess.run(
        [sys.executable, "-m", "parley.services", *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


class SearchLoop:
    """Searches the articles alias as fast as it can, in a thread, recording every answer."""

    def __init__(self, ns: str) -> None:
        self.names = Names(ns)
        self.es = make_client(ElasticsearchSettings())
        self.stop = threading.Event()
        self.totals: list[int] = []
        self.failures: list[str] = []
        self.thread = threading.Thread(target=self._run, name="search-loop", daemon=True)

    def _run(self) -> None:
        words = ("geneva", None)
        while not self.stop.is_set():
            params = queries.search_params(words[len(self.totals) % 2], limit=5)
            try:
                self.totals.append(backend.search_articles(self.es, self.names, params)["total"])
            except Exception as exc:
                self.failures.append(f"{type(exc).__name__}: {exc}")

    def __enter__(self) -> SearchLoop:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join(timeout=30)
        self.es.close()


def talks(talks_id: str) -> TalksRecorded:
    now = datetime.now(UTC)
    state = TalksState(
        talks_id=talks_id,
        revision=1,
        parties=("Serbia", "Kosovo"),
        start_date=date.today() + timedelta(days=5),
        status="announced",
        first_seen=now,
        last_seen=now,
    )
    return TalksRecorded(talks=state)


def test_reindex_switches_the_aliases_while_searches_keep_working(
    ns: str, es: Elasticsearch, run_indexer: Any
) -> None:
    names = Names(ns)
    updates = [message(article(f"a-{i}", title=f"Geneva talks, update {i}")) for i in range(0, ARTICLES, 10)]
    produce(names.enriched, [message(article(f"a-{i}")) for i in range(ARTICLES)] + updates, partition=None)
    produce(names.talks, [message(talks(f"k-{i}")) for i in range(5)], partition=None)
    run_indexer(settings(ns, batch_size=100))  # the running indexer, through the aliases
    total = ARTICLES + len(updates)
    wait_until(lambda: committed(ns, names.enriched) == total, timeout=60, what="articles indexed")
    wait_until(lambda: committed(ns, names.talks) == 5, what="talks indexed")
    es.indices.refresh(index=names.alias("articles"))

    with SearchLoop(ns) as loop:
        wait_until(lambda: len(loop.totals) >= 5, what="searches running")
        result = parley(ns, "reindex")
        seen = len(loop.totals)
        wait_until(lambda: len(loop.totals) >= seen + 5, what="searches after the switch")
    assert loop.failures == []
    assert set(loop.totals) == {ARTICLES}  # never an empty or half-filled index

    assert f"articles: {ARTICLES} document(s) in {names.index('articles', 2)}" in result
    assert f"talks: 5 document(s) in {names.index('talks', 2)}" in result
    assert alias_indices(es, names.alias("articles")) == [names.index("articles", 2)]
    assert alias_indices(es, names.alias("talks")) == [names.index("talks", 2)]
    aliases = es.indices.get_alias(name=names.alias("articles"))
    assert aliases[names.index("articles", 2)]["aliases"][names.alias("articles")]["is_write_index"] is True
    assert es.count(index=names.index("articles", 1))["count"] == ARTICLES  # the old index is kept
    rebuilt = doc(es, names.index("articles", 2), "a-10")
    assert rebuilt is not None and rebuilt["_source"]["title"] == "Geneva talks, update 10"
    assert rebuilt["_version"] == doc(es, names.index("articles", 1), "a-10")["_version"]  # type: ignore[index]

    # The running indexer now writes through the alias into the new index.
    produce(names.enriched, [message(article("a-after"))], partition=None)
    wait_until(lambda: doc(es, names.index("articles", 2), "a-after"), what="a new article in v2")
    assert doc(es, names.index("articles", 1), "a-after") is None

    # Once more: v3, from the same topics, only for talks.
    assert f"talks: 5 document(s) in {names.index('talks', 3)}" in parley(ns, "reindex", "--kind", "talks")
    assert alias_indices(es, names.alias("talks")) == [names.index("talks", 3)]
    assert alias_indices(es, names.alias("articles")) == [names.index("articles", 2)]

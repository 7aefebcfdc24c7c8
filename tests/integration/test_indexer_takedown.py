"""Takedown (`parley articles delete`): the deletion reaches the index and search, nothing is dead-lettered."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaConsumer, TopicPartition
from typer.testing import CliRunner

from parley.services.cli import app as parley
from parley.services.search import backend, queries
from parley.shared.events import ArticleDeleted, ArticleReceived, decode_event, encode, wrap
from parley.shared.kafka import client_config
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import wait_until
from tests.support.indexing import (
    article,
    committed,
    dead_letters,
    doc,
    free_port,
    message,
    produce,
    settings,
)
from tests.support.processes import launch, stop

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def records(topic: str) -> list[tuple[bytes | None, bytes | None]]:
    """Every (key, value) of a topic, partition by partition."""
    consumer = KafkaConsumer(**client_config(KafkaSettings(), "test-reader"), group_id=None)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        consumer.seek_to_beginning()
        end = consumer.end_offsets(partitions)
        out: list[tuple[bytes | None, bytes | None]] = []
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            for batch in consumer.poll(timeout_ms=500).values():
                out += [(r.key, r.value) for r in batch]
        return out
    finally:
        consumer.close()


def found(es: Elasticsearch, ns: str, text: str) -> list[str]:
    es.indices.refresh(index=Names(ns).alias("articles"))
    result = backend.search_articles(es, Names(ns), queries.search_params(text, limit=100))
    return sorted(hit["article_id"] for hit in result["hits"])


def delete_article(ns: str, article_id: str, reason: str = "court order") -> str:
    result = CliRunner().invoke(
        parley, ["articles", "delete", article_id, "--reason", reason], env={"PARLEY_NAMESPACE": ns}
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_delete_publishes_the_event_and_a_tombstone_and_the_indexer_forgets_the_article(
    ns: str, es: Elasticsearch, run_indexer: Any
) -> None:
    names = Names(ns)
    produce(names.enriched, [message(article("a-keep")), message(article("a-gone"))], partition=None)
    run_indexer(settings(ns))
    wait_until(lambda: committed(ns, names.enriched) == 2, what="both articles indexed")
    assert found(es, ns, "geneva") == ["a-gone", "a-keep"]

    assert "a-gone: deletion published" in delete_article(ns, "a-gone")

    raw = [(key, decode_event(value).data) for key, value in records(names.raw) if value is not None]
    assert len(raw) == 1 and raw[0][0] == b"a-gone"
    event = raw[0][1]
    assert isinstance(event, ArticleDeleted) and event.reason == "court order"
    assert records(names.enriched)[-1] == (b"a-gone", None)  # the tombstone, last for its key

    wait_until(lambda: committed(ns, names.enriched) == 3, what="the tombstone handled")
    assert doc(es, names.alias("articles"), "a-gone") is None
    assert found(es, ns, "geneva") == ["a-keep"]

    # What enrichment forwards later, and a tombstone without a key: both taken, neither dead-lettered.
    forwarded = encode(wrap(event, service="enrichment"))
    produce(names.enriched, [(b"a-gone", forwarded), (b"", None)], partition=None)
    wait_until(lambda: committed(ns, names.enriched) == 5, what="the forwarded deletion handled")
    assert found(es, ns, "geneva") == ["a-keep"]
    assert dead_letters(names.deadletter) == []


def test_delete_refuses_bad_input(ns: str) -> None:
    for args in (["", "--reason", "x"], ["a-1", "--reason", ""], ["a-1", "--reason", "x" * 501]):
        result = CliRunner().invoke(parley, ["articles", "delete", *args], env={"PARLEY_NAMESPACE": ns})
        assert result.exit_code == 1, (args, result.output)
    assert records(Names(ns).raw) == []


@pytest.fixture
def enrichment(ns: str, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "PARLEY_NAMESPACE": ns, "PARLEY_HTTP_PORT": str(free_port())}
    # faust keeps its data directory in the working directory
    proc = launch(["enrichment", "run"], env, tmp_path / "enrichment.log", new_session=False, cwd=tmp_path)
    yield proc
    stop(proc, timeout=30)


def test_a_takedown_goes_through_enrichment_to_search(
    ns: str, es: Elasticsearch, run_indexer: Any, enrichment: subprocess.Popen[bytes]
) -> None:
    names = Names(ns)
    received = ArticleReceived(
        article_id="a-taken-down",
        title="Armenia and Azerbaijan to hold peace talks in Vienna",
        published=datetime(2026, 3, 2, tzinfo=UTC),
        text="Armenia and Azerbaijan will hold peace talks in Vienna next Monday, officials said.",
        ingested_at=datetime.now(UTC),
    )
    produce(names.raw, [(b"a-taken-down", encode(wrap(received, service="test")))], partition=None)
    run_indexer(settings(ns))
    wait_until(lambda: doc(es, names.alias("articles"), "a-taken-down"), timeout=90, what="article enriched")
    assert found(es, ns, "vienna") == ["a-taken-down"]

    delete_article(ns, "a-taken-down")

    def forwarded() -> bool:
        values = [v for k, v in records(names.enriched) if k == b"a-taken-down" and v is not None]
        return any(isinstance(decode_event(v).data, ArticleDeleted) for v in values)

    wait_until(forwarded, timeout=60, what="enrichment forwarding the deletion")
    wait_until(lambda: doc(es, names.alias("articles"), "a-taken-down") is None, what="document deleted")
    assert found(es, ns, "vienna") == []
    assert dead_letters(names.deadletter) == []
    assert enrichment.poll() is None, "enrichment exited"

"""Fixtures shared by the indexer, search, reindex and takedown tests (modules may override them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from tests.support.indexing import es_session, indexer_threads, namespace_topics


@pytest.fixture(scope="module")
def es() -> Iterator[Elasticsearch]:
    with es_session() as client:
        yield client


@pytest.fixture
def ns(namespace: str, es: Elasticsearch) -> Iterator[str]:
    """A namespace with its topics, whose indices and templates are removed afterwards."""
    with namespace_topics(namespace, es) as name:
        yield name


@pytest.fixture
def run_indexer() -> Iterator[Any]:
    with indexer_threads() as start:
        yield start

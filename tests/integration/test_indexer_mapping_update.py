"""The articles template on the real Elasticsearch: an oversize tag doesn't cost the document."""

from __future__ import annotations

import copy

import pytest

from parley.services.indexer.index_admin import build_template, ensure_indices
from parley.shared.topics import Names
from tests.conftest import new_namespace
from tests.support.indexing import es_session

pytestmark = pytest.mark.integration


def test_an_index_made_before_tags_had_ignore_above_gets_it_at_start_and_takes_a_40kb_tag() -> None:
    ns = new_namespace()
    names = Names(ns)
    with es_session() as es:
        try:
            old = copy.deepcopy(build_template("articles", ns, has_english=False)["template"])
            del old["mappings"]["properties"]["tags"]["ignore_above"]
            index, alias = names.index("articles", 1), names.alias("articles")
            es.indices.create(index=index, aliases={alias: {"is_write_index": True}}, **old)
            ensure_indices(es, ns, has_english=False)  # what every indexer start does
            mapping = es.indices.get_mapping(index=index)[index]["mappings"]["properties"]["tags"]
            assert mapping["ignore_above"] == 1024
            es.index(index=alias, id="a-1", document={"article_id": "a-1", "tags": ["x" * 40_000, "un"]})
            es.indices.refresh(index=alias)
            found = es.search(index=alias, query={"term": {"tags": "un"}})["hits"]["hits"]
            assert [hit["_id"] for hit in found] == ["a-1"]
        finally:
            es.indices.delete(index=f"{ns}-*", ignore_unavailable=True, allow_no_indices=True)
            es.options(ignore_status=404).indices.delete_index_template(name=f"{ns}-*")

"""Index templates, with and without the server's `english` analyzer (no servers)."""

from __future__ import annotations

from typing import Any

import pytest

from parley.services.indexer.index_admin import build_template
from parley.shared.topics import INDEX_KINDS


def props(template: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = template["template"]["mappings"]["properties"]
    return result


@pytest.mark.parametrize("kind", INDEX_KINDS)
def test_template_is_strict_and_targets_the_versioned_pattern(kind: str) -> None:
    template = build_template(kind, "ns", has_english=False)
    assert template["index_patterns"] == [f"ns-{kind}-v*"]
    assert template["template"]["mappings"]["dynamic"] == "strict"
    assert template["_meta"]["namespace"] == "ns"


def test_articles_mapping_without_english_uses_standard_only() -> None:
    p = props(build_template("articles", "ns", has_english=False))
    assert p["title"]["analyzer"] == "standard"
    assert p["title"]["fields"] == {"keyword": {"type": "keyword", "ignore_above": 512}}
    assert p["text"] == {"type": "text", "analyzer": "standard"}
    assert "english" not in repr(p)
    for field in ("published", "ingested_at", "enriched_at"):
        assert p[field]["type"] == "date"
    for field in ("countries", "places", "people", "organisations", "armed_groups"):
        assert p["entities"]["properties"][field]["type"] == "keyword"
    assert p["talks"]["type"] == "nested"
    talks = p["talks"]["properties"]
    assert talks["status"]["type"] == "keyword" and talks["start_date"]["type"] == "date"
    assert {
        "parties",
        "mediators",
        "location",
        "end_date",
        "date_text",
        "format",
        "confidence",
        "evidence",
    } <= set(talks)
    for field in ("story_id", "language", "source", "url", "article_id"):
        assert p[field]["type"] == "keyword"


def test_articles_mapping_with_english_adds_subfields() -> None:
    p = props(build_template("articles", "ns", has_english=True))
    assert p["title"]["analyzer"] == "standard"
    assert p["title"]["fields"]["english"] == {"type": "text", "analyzer": "english"}
    assert p["title"]["fields"]["keyword"]["type"] == "keyword"
    assert p["text"]["fields"]["english"]["analyzer"] == "english"
    assert p["talks"]["properties"]["evidence"]["fields"]["english"]["analyzer"] == "english"


def test_building_does_not_leak_between_calls() -> None:
    build_template("articles", "ns", has_english=True)
    assert "fields" not in props(build_template("articles", "ns", has_english=False))["text"]


def test_talks_mapping() -> None:
    p = props(build_template("talks", "ns", has_english=True))
    assert p["talks_id"]["type"] == "keyword"
    assert p["start_date"]["type"] == "date" and p["status"]["type"] == "keyword"
    assert p["evidence"]["fields"]["english"]["analyzer"] == "english"


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        build_template("people", "ns", has_english=False)


def test_tags_over_the_keyword_limit_are_kept_unindexed_rather_than_refusing_the_document() -> None:
    # Elasticsearch refuses a whole document with a keyword term over 32,766 bytes; a character
    # is at most 4 bytes in UTF-8. Ingest caps tags at 100 characters, events from before did not.
    tags = props(build_template("articles", "ns", has_english=False))["tags"]
    assert tags["type"] == "keyword" and 100 <= tags["ignore_above"] <= 32_766 // 4


@pytest.mark.parametrize("kind", INDEX_KINDS)
def test_every_index_kind_is_built_from_one_topic_the_indexer_reads_and_reindex_replays(kind: str) -> None:
    from parley.services.indexer.consumer import Indexer
    from parley.services.indexer.reindex import topic_of
    from parley.services.indexer.settings import IndexerSettings
    from parley.shared.topics import ALL_TOPICS, Names

    names = Names("ns")
    topic = topic_of(names, kind)
    assert topic in {spec.name("ns") for spec in ALL_TOPICS}
    # Only the topic table is looked at: no client is made or used.
    indexer = Indexer(IndexerSettings(namespace="ns"), consumer=object(), producer=object(), es=object())  # type: ignore[arg-type]
    assert indexer.kind_of[topic] == kind

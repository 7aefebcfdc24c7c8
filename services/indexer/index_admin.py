"""Index templates, versioned indices and their aliases; every step is safe to repeat.

Each kind (`articles`, `talks`, `alerts`, `feeds`) has a composable index template for `<ns>-<kind>-v*`, a
versioned index `<ns>-<kind>-v1` and an alias `<ns>-<kind>` pointing at it as the write index.
Readers and writers only ever use the alias, so a later `v2` can be filled and switched to.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

from elasticsearch import BadRequestError, Elasticsearch

from parley.shared.elasticsearch import es_errors
from parley.shared.logging import get_logger
from parley.shared.topics import INDEX_KINDS, Names

VERSION = 1
TEMPLATE_PRIORITY = 200
# Full-text fields that gain an `english` sub-field when the server has the analyzer.
ENGLISH_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "articles": (("title",), ("text",), ("talks", "evidence")),
    "talks": (("evidence",),),
    "alerts": (("article_title",),),
    "feeds": (),
}

log = get_logger(__name__)


def load_mapping_file(kind: str, version: int = VERSION) -> dict[str, Any]:
    if kind not in INDEX_KINDS:
        raise ValueError(f"unknown index kind {kind!r}")
    text = (
        resources.files("parley.services.indexer").joinpath(f"templates/{kind}.v{version}.json").read_text()
    )
    data: dict[str, Any] = json.loads(text)
    return data


def build_template(kind: str, namespace: str, has_english: bool) -> dict[str, Any]:
    """The body of `PUT _index_template/<ns>-<kind>` (pure: no server needed)."""
    base = load_mapping_file(kind)
    mappings = copy.deepcopy(base["mappings"])
    if has_english:
        for path in ENGLISH_FIELDS[kind]:
            field = _field(mappings, path)
            field.setdefault("fields", {})["english"] = {"type": "text", "analyzer": "english"}
    meta = {**base.get("_meta", {}), "namespace": namespace, "english": has_english}
    return {
        "index_patterns": [Names(namespace).index_pattern(kind)],
        "priority": TEMPLATE_PRIORITY,
        "template": {"settings": copy.deepcopy(base["settings"]), "mappings": mappings},
        "_meta": meta,
    }


def _field(mappings: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    node: dict[str, Any] = mappings
    for part in path:
        node = node["properties"][part]
    return node


def has_english_analyzer(client: Elasticsearch) -> bool:
    """True when the server knows the built-in `english` analyzer (analysis-common module)."""
    try:
        with es_errors("probing the english analyzer"):
            client.indices.analyze(analyzer="english", text="talks")
        return True
    except BadRequestError:
        return False


def ensure_indices(client: Elasticsearch, namespace: str, has_english: bool | None = None) -> dict[str, str]:
    """Put templates, create missing indices and aliases; return alias -> write index."""
    if has_english is None:
        has_english = has_english_analyzer(client)
    names = Names(namespace)
    out: dict[str, str] = {}
    for kind in INDEX_KINDS:
        body = build_template(kind, namespace, has_english)
        alias, index = names.alias(kind), names.index(kind, VERSION)
        with es_errors(f"putting index template for {kind}"):
            client.indices.put_index_template(name=alias, **body)
            if not client.indices.exists_alias(name=alias):
                _create_index(client, index, alias)
            else:
                _add_new_fields(client, alias, body["template"]["mappings"])
        out[alias] = index
    log.info("indices_ready", namespace=namespace, english=has_english, aliases=sorted(out))
    return out


def _add_new_fields(client: Elasticsearch, alias: str, mappings: dict[str, Any]) -> None:
    """Fields added to a template reach the live index too; anything else needs `parley reindex`."""
    try:
        client.indices.put_mapping(index=alias, **mappings)
    except BadRequestError as exc:
        log.warning("mapping_outdated", alias=alias, error=str(exc)[:500], fix="parley reindex")


def _create_index(client: Elasticsearch, index: str, alias: str) -> None:
    try:
        client.indices.create(index=index, aliases={alias: {"is_write_index": True}})
        # Let the primary shard finish recovering so the first bulk is not answered with 503.
        client.cluster.health(index=index, wait_for_status="yellow", timeout="30s")
    except BadRequestError as exc:
        if exc.error != "resource_already_exists_exception":
            raise
        # The index is there (a concurrent start, or an alias removed by hand): just point the alias.
        client.indices.put_alias(index=index, name=alias, is_write_index=True)


def alias_indices(client: Elasticsearch, alias: str) -> list[str]:
    """The indices the alias points at (none when it is missing)."""
    with es_errors(f"reading alias {alias}"):
        found = client.options(ignore_status=404).indices.get_alias(name=alias)
    if found.meta.status == 404:
        return []
    return sorted(index for index in found.body if isinstance(found.body.get(index), dict))


def index_versions(client: Elasticsearch, namespace: str, kind: str) -> list[int]:
    """Version numbers of the existing `<ns>-<kind>-v<N>` indices, ascending."""
    prefix = Names(namespace).index(kind, 0)[:-1]
    with es_errors(f"listing {kind} indices"):
        found = client.indices.get(index=Names(namespace).index_pattern(kind), allow_no_indices=True)
    return sorted(int(name[len(prefix) :]) for name in found.body if name[len(prefix) :].isdigit())


def create_version(client: Elasticsearch, index: str) -> None:
    """Create a versioned index without alias (the template gives its settings and mappings)."""
    with es_errors(f"creating index {index}"):
        client.indices.create(index=index)
        client.cluster.health(index=index, wait_for_status="yellow", timeout="30s")


def swap_alias(client: Elasticsearch, alias: str, new_index: str) -> list[str]:
    """Point the alias (reads and writes) at `new_index` in one atomic step; return the old indices."""
    old = [index for index in alias_indices(client, alias) if index != new_index]
    actions: list[dict[str, Any]] = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    with es_errors(f"switching alias {alias}"):
        client.indices.update_aliases(actions=actions)
    log.info("alias_switched", alias=alias, index=new_index, previous=old)
    return old

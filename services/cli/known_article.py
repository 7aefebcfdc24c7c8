"""What Parley already knows about an article seen before: the talks events it is evidence for.

Used by `parley run` when its article is a duplicate (the second `make run` on a machine): the
stored talks events come from the talks index (by article id) and are shown as the search API
serves them (`GET /talks/{id}`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import httpx

from parley.shared.elasticsearch import es_errors, make_client
from parley.shared.errors import ElasticsearchUnavailable
from parley.shared.settings import ElasticsearchSettings
from parley.shared.topics import Names

LOOKUP_TIMEOUT_S = 30.0


def es_settings(env: Mapping[str, str]) -> ElasticsearchSettings:
    """The `es` section from a service environment (`PARLEY_ES_URL`, credentials, TLS)."""
    given = {
        name: env[f"PARLEY_ES_{name.upper()}"]
        for name in ElasticsearchSettings.model_fields
        if f"PARLEY_ES_{name.upper()}" in env
    }
    return ElasticsearchSettings.model_validate(given)


def talks_ids_for(
    es: ElasticsearchSettings, namespace: str, article_id: str, timeout_s: float = LOOKUP_TIMEOUT_S
) -> list[str]:
    """Ids of the stored talks events citing `article_id`; waits a little, as the article may be
    still on its way to the index (a first run stopped early)."""
    client = make_client(es)
    alias = Names(namespace).alias("talks")
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                with es_errors("looking up talks"):
                    response = client.search(
                        index=alias,
                        query={"term": {"article_ids": article_id}},
                        size=10,
                        source_includes=["talks_id"],
                        ignore_unavailable=True,
                        allow_no_indices=True,
                    )
                ids = [str(hit["_source"]["talks_id"]) for hit in response["hits"]["hits"]]
            except ElasticsearchUnavailable:
                ids = []
            if ids or time.monotonic() > deadline:
                return ids
            time.sleep(1.0)
    finally:
        client.close()


def talks_from_search_api(search_port: int, talks_id: str) -> dict[str, Any]:
    response = httpx.get(f"http://127.0.0.1:{search_port}/talks/{talks_id}", timeout=10)
    response.raise_for_status()
    return dict(response.json())

"""Running the queries of `queries.py` against Elasticsearch, with errors mapped to ours.

An Elasticsearch 400 (say a cursor of the wrong shape) becomes an InputError carrying only
the root-cause reason; unavailability becomes ElasticsearchUnavailable; a missing index is
an empty result (nothing has been indexed yet).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from elasticsearch import BadRequestError, Elasticsearch, NotFoundError

from parley.services.search import queries
from parley.shared.elasticsearch import es_errors
from parley.shared.errors import InputError
from parley.shared.topics import Names

EMPTY: dict[str, Any] = {"hits": {"total": {"value": 0}, "hits": []}}
MAX_REASON_CHARS = 300


def _reason(exc: BadRequestError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error", {})
    if isinstance(error, dict):
        causes = error.get("root_cause") or [error]
        reason = str(causes[0].get("reason") or error.get("type") or "bad request")
    else:
        reason = str(error or "bad request")
    return reason[:MAX_REASON_CHARS]


def _search(es: Elasticsearch, index: str, body: dict[str, Any]) -> dict[str, Any]:
    try:
        with es_errors("search"):
            response = es.search(index=index, body=body)
    except BadRequestError as exc:
        raise InputError(f"query rejected: {_reason(exc)}") from None
    except NotFoundError:
        return EMPTY
    result: dict[str, Any] = response.body
    return result


def search_articles(es: Elasticsearch, names: Names, params: queries.SearchParams) -> dict[str, Any]:
    response = _search(es, names.alias("articles"), queries.build_search(params))
    return queries.search_results(response, params.limit)


def upcoming_talks(
    es: Elasticsearch, names: Names, country: str | None, today: date, limit: int = 50
) -> list[dict[str, Any]]:
    response = _search(es, names.alias("talks"), queries.build_upcoming(country, today, limit))
    return queries.talks_results(response)


def get_talks(es: Elasticsearch, names: Names, talks_id: str) -> dict[str, Any] | None:
    """One talks state by id, or None."""
    body = {"query": {"ids": {"values": [talks_id]}}, "size": 1}
    hits = queries.talks_results(_search(es, names.alias("talks"), body))
    return hits[0] if hits else None

"""Running the queries of `queries.py` against Elasticsearch, with errors mapped to ours.

An Elasticsearch 400 (say a cursor of the wrong shape) becomes an InputError carrying only
the root-cause reason; unavailability becomes ElasticsearchUnavailable; a missing index is
an empty result (nothing has been indexed yet).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from elasticsearch import BadRequestError, Elasticsearch, NotFoundError

from parley.services.search import queries, regions, talks_queries
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
    es: Elasticsearch,
    names: Names,
    params: talks_queries.UpcomingParams,
    today: date,
    region: str | None = None,
) -> list[dict[str, Any]]:
    """Talks still to come, nearest first; `region` (an M49 region) keeps those whose parties or
    mediator lie in it, by the names the talks index holds."""
    if region and region.strip():
        if region.strip().casefold() not in {r.casefold() for r in regions.regions()}:
            raise InputError(f"region: one of {', '.join(regions.regions())}")
        known = talks_queries.names_results(_search(es, names.alias("talks"), talks_queries.build_names()))
        params = dataclasses.replace(params, names=tuple(regions.in_region(known, region)))
    response = _search(es, names.alias("talks"), talks_queries.build_upcoming(params, today))
    return queries.talks_results(response)


def calendar_talks(
    es: Elasticsearch, names: Names, country: str | None, now: datetime, limit: int = 1000
) -> list[dict[str, Any]]:
    body = talks_queries.build_calendar(country, now.date(), now, limit)
    return queries.talks_results(_search(es, names.alias("talks"), body))


def talks_alerts(es: Elasticsearch, names: Names, talks_id: str) -> list[dict[str, Any]]:
    """Every alert sent about one talks event, oldest first."""
    return _sources(_search(es, names.alias("alerts"), talks_queries.build_alerts_of(talks_id)))


def recent_alerts(
    es: Elasticsearch, names: Names, after: str | None, limit: int = 20
) -> list[dict[str, Any]]:
    return _sources(_search(es, names.alias("alerts"), talks_queries.build_recent_alerts(after, limit)))


def articles_by_id(es: Elasticsearch, names: Names, ids: list[str]) -> list[dict[str, Any]]:
    """The articles with these ids (those still indexed), without their text."""
    if not ids:
        return []
    fields = ["article_id", "title", "url", "source", "published", "story_id", "language"]
    return _sources(_search(es, names.alias("articles"), talks_queries.build_by_ids(ids, fields)))


def talks_of_articles(es: Elasticsearch, names: Names, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """article id -> the talks events it reported."""
    if not ids:
        return {}
    out: dict[str, list[dict[str, Any]]] = {}
    for talks in _sources(_search(es, names.alias("talks"), talks_queries.build_talks_of_articles(ids))):
        for article_id in set(talks.get("article_ids", ())) & set(ids):
            out.setdefault(article_id, []).append(talks)
    return out


def last_changes(es: Elasticsearch, names: Names, talks_ids: list[str]) -> dict[str, str]:
    """talks id -> when it last changed (its latest announced or updated alert)."""
    if not talks_ids:
        return {}
    body = talks_queries.build_last_changes(talks_ids)
    return talks_queries.last_changes_results(_search(es, names.alias("alerts"), body))


def get_feed(es: Elasticsearch, names: Names, feed_id: str) -> dict[str, Any] | None:
    hits = _sources(_search(es, names.alias("feeds"), talks_queries.build_by_ids([feed_id])))
    return hits[0] if hits else None


def list_feeds(es: Elasticsearch, names: Names) -> list[dict[str, Any]]:
    body = {"query": {"match_all": {}}, "sort": [{"created_at": "asc"}], "size": 1000}
    return _sources(_search(es, names.alias("feeds"), body))


def _sources(response: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(hit.get("_source", {})) for hit in response.get("hits", {}).get("hits", [])]


def get_talks(es: Elasticsearch, names: Names, talks_id: str) -> dict[str, Any] | None:
    """One talks state by id, or None."""
    body = {"query": {"ids": {"values": [talks_id]}}, "size": 1}
    hits = queries.talks_results(_search(es, names.alias("talks"), body))
    return hits[0] if hits else None

"""Request bodies over the talks, alerts and feeds indices (pure: the API, the Desk and the
calendar feed share them). Every value a user gives reaches Elasticsearch as a term or a range
bound, never as query syntax."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from parley.services.search.queries import MAX_LIMIT, parse_date
from parley.shared.errors import InputError
from parley.shared.extraction import TALKS_STATUSES, UPCOMING_STATUSES

UPCOMING_SORT: list[Any] = [
    {"start_date": {"order": "asc", "missing": "_last"}},
    {"last_seen": "desc"},
    {"talks_id": "asc"},
]
# A cancelled or postponed event stays in the calendar this long after it last changed, so that
# subscribers' calendars show the change instead of the event silently vanishing.
WITHDRAWN_DAYS = 30
WITHDRAWN_STATUSES = ("cancelled", "postponed")
# Talks in the calendar: to come, under way, and held; each stays while its last day is at most
# this many days past, so that calendars keep events that are happening or just happened.
CALENDAR_STATUSES = ("announced", "rescheduled", "held")
PAST_DAYS = 30


@dataclass(frozen=True)
class UpcomingParams:
    """Filters of the upcoming talks list. `names` is a region already turned into country names."""

    country: str | None = None
    names: tuple[str, ...] | None = None
    statuses: tuple[str, ...] = tuple(sorted(UPCOMING_STATUSES))
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 50


def upcoming_params(
    country: str | None = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
) -> UpcomingParams:
    """Validate the filters a user gave (InputError with the reason)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit: must be between 1 and {MAX_LIMIT}")
    if status and status not in UPCOMING_STATUSES:
        raise InputError(f"status: one of {', '.join(sorted(UPCOMING_STATUSES))}")
    text = country.strip() if country else ""
    if len(text) > 100:
        raise InputError("country: at most 100 characters")
    start, end = _day(date_from, "from"), _day(date_to, "to")
    if start and end and start > end:
        raise InputError("from: after to")
    return UpcomingParams(
        country=text or None,
        statuses=(status,) if status else tuple(sorted(UPCOMING_STATUSES)),
        date_from=start,
        date_to=end,
        limit=limit,
    )


def _day(value: str | None, name: str) -> str | None:
    parsed = parse_date(value, name)
    return parsed.removesuffix("||/d")[:10] if parsed else None


def _party(value: str) -> dict[str, Any]:
    """Talks where `value` is a party or the mediator (case-insensitive exact name)."""
    return {
        "bool": {
            "should": [
                {"term": {"parties": {"value": value, "case_insensitive": True}}},
                {"term": {"mediators": {"value": value, "case_insensitive": True}}},
            ],
            "minimum_should_match": 1,
        }
    }


def _any_of(names: tuple[str, ...]) -> dict[str, Any]:
    return {
        "bool": {
            "should": [{"terms": {"parties": list(names)}}, {"terms": {"mediators": list(names)}}],
            "minimum_should_match": 1,
        }
    }


def build_upcoming(params: UpcomingParams, today: date) -> dict[str, Any]:
    """Talks still to come (from today, or undated unless a date range is asked), nearest first."""
    start = params.date_from if params.date_from and params.date_from > today.isoformat() else None
    start = start or today.isoformat()
    dated: dict[str, Any] = {
        "range": {"start_date": {"gte": start, **({"lte": params.date_to} if params.date_to else {})}}
    }
    when: dict[str, Any] = dated
    if not params.date_from and not params.date_to:
        undated = {"bool": {"must_not": {"exists": {"field": "start_date"}}}}
        when = {"bool": {"should": [dated, undated], "minimum_should_match": 1}}
    filters: list[dict[str, Any]] = [{"terms": {"status": list(params.statuses)}}, when]
    if params.country:
        filters.append(_party(params.country))
    if params.names is not None:
        filters.append(_any_of(params.names) if params.names else {"bool": {"must_not": {"match_all": {}}}})
    return {"query": {"bool": {"filter": filters}}, "sort": UPCOMING_SORT, "size": params.limit}


def build_calendar(country: str | None, today: date, now: datetime, limit: int) -> dict[str, Any]:
    """The calendar feed: talks to come, under way or held whose last day is at most 30 days past,
    and those cancelled or postponed in the last 30 days."""
    since_day = (today - timedelta(days=PAST_DAYS)).isoformat()
    last_day = {
        "bool": {
            "should": [
                {"range": {"end_date": {"gte": since_day}}},
                {
                    "bool": {
                        "must_not": {"exists": {"field": "end_date"}},
                        "filter": {"range": {"start_date": {"gte": since_day}}},
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    to_come = {"bool": {"filter": [{"terms": {"status": list(CALENDAR_STATUSES)}}, last_day]}}
    since = (now - timedelta(days=WITHDRAWN_DAYS)).isoformat()
    withdrawn = {
        "bool": {
            "filter": [
                {"terms": {"status": list(WITHDRAWN_STATUSES)}},
                {"range": {"last_seen": {"gte": since}}},
                {"exists": {"field": "start_date"}},
            ]
        }
    }
    filters: list[dict[str, Any]] = [{"bool": {"should": [to_come, withdrawn], "minimum_should_match": 1}}]
    if country and country.strip():
        filters.append(_party(country.strip()))
    return {"query": {"bool": {"filter": filters}}, "sort": UPCOMING_SORT, "size": limit}


def build_names(limit: int = 5000) -> dict[str, Any]:
    """Every party and mediator name in the talks index (to turn a region into names)."""
    return {
        "size": 0,
        "aggs": {
            "parties": {"terms": {"field": "parties", "size": limit}},
            "mediators": {"terms": {"field": "mediators", "size": limit}},
        },
    }


def names_results(response: dict[str, Any]) -> list[str]:
    aggs = response.get("aggregations", {})
    names = {b["key"] for agg in ("parties", "mediators") for b in aggs.get(agg, {}).get("buckets", [])}
    return sorted(names)


def build_alerts_of(talks_id: str, limit: int = 200) -> dict[str, Any]:
    """A talks event's alerts, oldest first: its history."""
    return {
        "query": {"bool": {"filter": [{"term": {"talks_id": talks_id}}]}},
        "sort": [{"time": "asc"}, {"revision": "asc"}, {"alert_id": "asc"}],
        "size": limit,
    }


def build_recent_alerts(after: str | None, limit: int) -> dict[str, Any]:
    """The latest announced and updated alerts, newest first; `after`: those at that time or later
    (inclusive: two alerts can share a millisecond, and the page drops the ones it already shows)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit: must be between 1 and {MAX_LIMIT}")
    filters: list[dict[str, Any]] = [{"terms": {"type": ["announced", "updated"]}}]
    bound = parse_date(after, "after") if after else None
    if bound:
        filters.append({"range": {"time": {"gte": bound}}})
    return {
        "query": {"bool": {"filter": filters}},
        "sort": [{"time": "desc"}, {"alert_id": "asc"}],
        "size": limit,
    }


def build_by_ids(ids: list[str], fields: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "query": {"ids": {"values": ids[: MAX_LIMIT * 5]}},
        "size": min(len(ids), MAX_LIMIT * 5),
    }
    if fields is not None:
        body["_source"] = fields
    return body


def build_talks_of_articles(article_ids: list[str]) -> dict[str, Any]:
    """The talks events each of these articles reported (for links from search results)."""
    return {
        "query": {"bool": {"filter": [{"terms": {"article_ids": article_ids}}]}},
        "_source": ["talks_id", "parties", "location", "start_date", "status", "article_ids"],
        "size": MAX_LIMIT,
    }


def check_status(status: str | None) -> None:
    if status is not None and status not in TALKS_STATUSES:
        raise InputError(f"status: one of {', '.join(TALKS_STATUSES)}")


def build_last_changes(talks_ids: list[str]) -> dict[str, Any]:
    """When each talks event last changed: the time of its latest announced or updated alert."""
    return {
        "size": 0,
        "query": {
            "bool": {
                "filter": [{"terms": {"talks_id": talks_ids}}, {"terms": {"type": ["announced", "updated"]}}]
            }
        },
        "aggs": {
            "talks": {
                "terms": {"field": "talks_id", "size": len(talks_ids)},
                "aggs": {"last": {"max": {"field": "time"}}},
            }
        },
    }


def last_changes_results(response: dict[str, Any]) -> dict[str, str]:
    buckets = response.get("aggregations", {}).get("talks", {}).get("buckets", [])
    return {
        b["key"]: b["last"]["value_as_string"] for b in buckets if b.get("last", {}).get("value_as_string")
    }

from datetime import UTC, date, datetime

import pytest

from parley.services.search import talks_queries as tq
from parley.shared.errors import InputError

TODAY = date(2026, 2, 3)


def test_upcoming_keeps_talks_to_come_or_undated_nearest_first() -> None:
    body = tq.build_upcoming(tq.upcoming_params("Ukraine"), TODAY)
    filters = body["query"]["bool"]["filter"]
    assert filters[0] == {"terms": {"status": ["announced", "rescheduled"]}}
    should = filters[1]["bool"]["should"]
    assert {"range": {"start_date": {"gte": "2026-02-03"}}} in should
    assert {"bool": {"must_not": {"exists": {"field": "start_date"}}}} in should
    assert filters[2]["bool"]["should"][0] == {
        "term": {"parties": {"value": "Ukraine", "case_insensitive": True}}
    }
    assert body["sort"][0] == {"start_date": {"order": "asc", "missing": "_last"}}
    assert len(tq.build_upcoming(tq.upcoming_params(), TODAY)["query"]["bool"]["filter"]) == 2


def test_a_date_range_keeps_only_dated_talks_inside_it_and_never_the_past() -> None:
    body = tq.build_upcoming(tq.upcoming_params(date_from="2026-01-01", date_to="2026-03-01"), TODAY)
    assert body["query"]["bool"]["filter"][1] == {
        "range": {"start_date": {"gte": "2026-02-03", "lte": "2026-03-01"}}
    }
    later = tq.build_upcoming(tq.upcoming_params(date_from="2026-02-10"), TODAY)
    assert later["query"]["bool"]["filter"][1] == {"range": {"start_date": {"gte": "2026-02-10"}}}


def test_status_and_limits_are_checked() -> None:
    assert tq.upcoming_params(status="rescheduled").statuses == ("rescheduled",)
    for bad in (
        {"status": "held"},
        {"limit": 500},
        {"country": "x" * 101},
        {"date_from": "next week"},
        {"date_from": "2026-03-01", "date_to": "2026-02-01"},
    ):
        with pytest.raises(InputError):
            tq.upcoming_params(**bad)  # type: ignore[arg-type]


def test_a_region_with_no_known_country_matches_nothing() -> None:
    params = tq.UpcomingParams(names=())
    assert tq.build_upcoming(params, TODAY)["query"]["bool"]["filter"][-1] == {
        "bool": {"must_not": {"match_all": {}}}
    }
    named = tq.build_upcoming(tq.UpcomingParams(names=("Kenya", "Ethiopia")), TODAY)
    assert named["query"]["bool"]["filter"][-1]["bool"]["should"][0] == {
        "terms": {"parties": ["Kenya", "Ethiopia"]}
    }


def test_the_calendar_keeps_withdrawn_talks_for_thirty_days() -> None:
    now = datetime(2026, 2, 3, 12, tzinfo=UTC)
    body = tq.build_calendar(None, TODAY, now, 100)
    to_come, withdrawn = body["query"]["bool"]["filter"][0]["bool"]["should"]
    assert {"terms": {"status": ["announced", "rescheduled", "held"]}} in to_come["bool"]["filter"]
    last_day = to_come["bool"]["filter"][1]["bool"]["should"]
    assert {"range": {"end_date": {"gte": "2026-01-04"}}} in last_day  # under way or just held: kept
    assert {"terms": {"status": ["cancelled", "postponed"]}} in withdrawn["bool"]["filter"]
    assert {"range": {"last_seen": {"gte": "2026-01-04T12:00:00+00:00"}}} in withdrawn["bool"]["filter"]


def test_recent_alerts_are_announcements_and_changes_newest_first() -> None:
    body = tq.build_recent_alerts("2026-02-03T10:00:00Z", 20)
    assert {"terms": {"type": ["announced", "updated"]}} in body["query"]["bool"]["filter"]
    assert {"range": {"time": {"gte": "2026-02-03T10:00:00+00:00"}}} in body["query"]["bool"]["filter"]
    assert body["sort"][0] == {"time": "desc"}
    with pytest.raises(InputError):
        tq.build_recent_alerts("yesterday", 20)


def test_names_come_from_both_aggregations_once() -> None:
    response = {
        "aggregations": {
            "parties": {"buckets": [{"key": "Kenya"}, {"key": "Ethiopia"}]},
            "mediators": {"buckets": [{"key": "Kenya"}, {"key": "Qatar"}]},
        }
    }
    assert tq.names_results(response) == ["Ethiopia", "Kenya", "Qatar"]

from datetime import UTC, date, datetime

from parley.services.search.desk import views

TODAY = date(2026, 2, 3)


def test_talks_are_grouped_by_day_nearest_first_and_undated_last() -> None:
    talks = [
        {"talks_id": "c", "parties": ["Kenya"], "start_date": None, "date_text": "later this month"},
        {"talks_id": "b", "parties": ["Qatar"], "start_date": "2026-02-10"},
        {"talks_id": "a", "parties": ["Norway"], "start_date": "2026-02-04"},
        {"talks_id": "d", "parties": ["Chile"], "start_date": "2026-02-04", "end_date": "2026-02-05"},
    ]
    days = views.by_day(talks, TODAY)
    assert [d.label for d in days] == [
        "Tomorrow, Wednesday 4 February 2026",
        "Tuesday 10 February 2026",
        "Day not yet known",
    ]
    assert [t["talks_id"] for t in days[0].talks] == ["a", "d"]
    assert days[0].talks[1]["when"] == "4–5 February 2026"
    assert days[2].talks[0]["when"] == "later this month"
    assert days[1].talks[0]["regions"] == ["Western Asia"]


def test_the_timeline_shows_each_change_old_to_new_with_its_article() -> None:
    alerts = [
        {
            "type": "announced",
            "time": "2026-02-01T10:00:00Z",
            "status": "announced",
            "article_id": "a1",
            "article_title": "P and Q to meet",
            "article_url": "https://news.example/1",
        },
        {
            "type": "updated",
            "time": "2026-02-02T10:00:00Z",
            "article_id": "a2",
            "article_title": "Moved",
            "changes": [
                {"field": "status", "old": "announced", "new": "rescheduled"},
                {"field": "start_date", "old": "2026-02-17", "new": "2026-03-02"},
                {"field": "parties", "old": ["P"], "new": ["P", "Q"]},
            ],
        },
    ]
    first, second = views.timeline(alerts)
    assert first.changes == [("Status", "—", "announced")]
    assert first.article_url == "https://news.example/1"
    assert second.changes == [
        ("Status", "announced", "rescheduled"),
        ("Start", "2026-02-17", "2026-03-02"),
        ("Parties", "P", "P, Q"),
    ]
    assert second.article_url is None and second.article_title == "Moved"


def test_articles_are_grouped_by_story_earliest_first() -> None:
    articles = [
        {"article_id": "a3", "story_id": "s2", "published": "2026-02-02T08:00:00Z"},
        {"article_id": "a2", "story_id": "s1", "published": "2026-02-01T12:00:00Z"},
        {"article_id": "a1", "story_id": "s1", "published": "2026-02-01T08:00:00Z"},
    ]
    stories = views.by_story(articles)
    assert [s.story_id for s in stories] == ["s1", "s2"]
    assert [a["article_id"] for a in stories[0].articles] == ["a1", "a2"]


def test_ages_read_naturally() -> None:
    now = datetime(2026, 2, 3, 12, tzinfo=UTC)
    assert views.ago("2026-02-03T11:59:30Z", now) == "just now"
    assert views.ago("2026-02-03T09:00:00Z", now) == "3 h ago"
    assert views.ago("2026-01-31T12:00:00Z", now) == "3 d ago"
    assert views.ago("not a time", now) == ""
    assert views.ago("2026-02-03T09:00:00", now) == "3 h ago"  # no zone: read as UTC, no TypeError


def test_only_http_links_reach_an_href() -> None:
    assert views.link("https://news.example/a") == "https://news.example/a"
    assert views.link("HTTP://news.example/a") == "HTTP://news.example/a"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "//evil.example",
        None,
        "",
    ):
        assert views.link(bad) is None


def test_what_changed_since_yesterday_is_marked() -> None:
    now = datetime(2026, 2, 3, 12, tzinfo=UTC)
    talks = [
        {"talks_id": "a", "last_seen": "2026-01-20T10:00:00Z"},
        {"talks_id": "b", "last_seen": "2026-01-20T10:00:00Z"},
        {"talks_id": "c", "last_seen": "2026-02-03T08:00:00Z"},
    ]
    marked = views.with_changes(talks, {"a": "2026-02-03T11:00:00Z"}, now)
    assert [(t["changed"], t["fresh"]) for t in marked] == [
        ("2026-02-03T11:00:00Z", True),
        ("2026-01-20T10:00:00Z", False),
        ("2026-02-03T08:00:00Z", True),
    ]

from datetime import UTC, datetime

from icalendar import Calendar

from parley.services.search import calendar

NOW = datetime(2026, 2, 3, 12, tzinfo=UTC)


def talks(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "talks_id": "t-1",
        "revision": 1,
        "parties": ["Borduria", "Syldavia"],
        "mediators": ["Ruritania"],
        "location": "Lakeport",
        "start_date": "2026-02-17",
        "end_date": "2026-02-18",
        "status": "announced",
        "last_seen": "2026-02-01T09:00:00Z",
        "article_ids": ["a1", "a2"],
    }
    return {**base, **fields}


ARTICLES = {
    "a1": {
        "article_id": "a1",
        "title": "First report",
        "url": "https://news.example/1",
        "source": "news.example",
    },
    "a2": {
        "article_id": "a2",
        "title": "Second report",
        "url": "https://wire.example/2",
        "source": "wire.example",
    },
}


def parse(body: bytes) -> list[dict[str, object]]:
    cal = Calendar.from_ical(body)
    return [
        {key.lower(): component.get(key) for key in component}
        | {"dtstart": component.decoded("dtstart"), "dtend": component.decoded("dtend")}
        for component in cal.walk("VEVENT")
    ]


def test_round_trip_gives_an_all_day_event_per_talks_event() -> None:
    body = calendar.calendar([talks()], ARTICLES, NOW, lambda i: f"https://desk.example/desk/talks/{i}")
    (event,) = parse(body)
    assert str(event["uid"]) == "t-1"
    assert event["sequence"] == 1
    assert str(event["dtstart"]) == "2026-02-17"
    assert str(event["dtend"]) == "2026-02-19"  # exclusive
    assert str(event["location"]) == "Lakeport"
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["url"]) == "https://desk.example/desk/talks/t-1"
    description = str(event["description"])
    assert "Borduria, Syldavia" in description and "Mediator: Ruritania" in description
    assert "https://news.example/1" in description and "https://wire.example/2" in description


def test_a_rescheduled_event_keeps_its_uid_and_gets_a_higher_sequence() -> None:
    before = parse(calendar.calendar([talks()], ARTICLES, NOW, lambda _: None))[0]
    moved = talks(revision=2, status="rescheduled", start_date="2026-03-02", end_date=None)
    after = parse(calendar.calendar([moved], ARTICLES, NOW, lambda _: None))[0]
    assert str(after["uid"]) == str(before["uid"])
    assert int(str(after["sequence"])) > int(str(before["sequence"]))
    assert (str(after["dtstart"]), str(after["dtend"])) == ("2026-03-02", "2026-03-03")


def test_cancelled_and_postponed_events_are_sent_as_cancelled() -> None:
    events = parse(
        calendar.calendar(
            [talks(status="cancelled"), talks(talks_id="t-2", status="postponed")],
            ARTICLES,
            NOW,
            lambda _: None,
        )
    )
    assert [str(e["status"]) for e in events] == ["CANCELLED", "CANCELLED"]
    assert str(events[0]["summary"]).startswith("Cancelled:")


def test_talks_without_a_day_are_left_out_and_text_is_escaped() -> None:
    odd = talks(talks_id="t-3", location="Lake; port, North\nside")
    body = calendar.calendar([talks(talks_id="t-2", start_date=None), odd], ARTICLES, NOW, lambda _: None)
    (event,) = parse(body)
    assert str(event["uid"]) == "t-3"
    assert str(event["location"]) == "Lake; port, North\nside"


def test_only_http_source_links_go_into_the_description() -> None:
    articles = {**ARTICLES, "a2": {"article_id": "a2", "title": "Odd", "url": "javascript:alert(1)"}}
    (event,) = parse(calendar.calendar([talks()], articles, NOW, lambda _: None))
    assert "javascript:" not in str(event["description"]) and "https://news.example/1" in str(
        event["description"]
    )

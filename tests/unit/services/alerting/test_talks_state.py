from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from parley.services.alerting.talks_state import Report, decide, is_alertable, party_key
from parley.shared.events import TalksState
from parley.shared.extraction import TalksRecord

T0 = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)


def record(**fields: object) -> TalksRecord:
    base: dict[str, object] = {
        "parties": ("Russia", "Ukraine", "United States"),
        "mediators": ("United States",),
        "location": "Geneva",
        "start_date": date(2026, 2, 17),
        "end_date": date(2026, 2, 18),
        "status": "announced",
        "confidence": 0.9,
    }
    base.update(fields)
    return TalksRecord.model_validate(base)


def report(rec: TalksRecord, article: str, source: str = "Outlet A", hours: float = 0) -> Report:
    at = T0 + timedelta(hours=hours)
    return Report(rec, article, article, source, "title", None, at, at)


def fold(*reports: Report) -> tuple[tuple[TalksState, ...], list[tuple[str | None, str | None]]]:
    events: tuple[TalksState, ...] = ()
    alerts: list[tuple[str | None, str | None]] = []
    for r in reports:
        decision = decide(events, r)
        events = decision.events
        if decision.alert_type:
            alerts.append((decision.alert_type, decision.alert_id))
    return events, alerts


def test_mediators_do_not_split_an_event() -> None:
    with_mediator = record()
    without = record(parties=("Russia", "Ukraine"), mediators=())
    assert party_key(with_mediator) == party_key(without) == ("Russia", "Ukraine")


def test_three_outlets_give_one_announcement_and_count_sources() -> None:
    events, alerts = fold(
        report(record(), "a1", "Outlet A"),
        report(record(parties=("Russia", "Ukraine"), mediators=()), "a2", "Outlet B", 1),
        report(record(location=None), "a3", "Outlet C", 2),
    )
    assert [a[0] for a in alerts] == ["announced"]
    assert len(events) == 1
    assert events[0].sources == ("Outlet A", "Outlet B", "Outlet C")
    assert events[0].article_ids == ("a1", "a2", "a3")
    assert events[0].revision == 1


def test_the_same_article_again_changes_nothing() -> None:
    first = decide((), report(record(), "a1"))
    again = decide(first.events, report(record(), "a1"))
    assert again.changed is None and again.alert_type is None


def test_rescheduled_date_is_an_update_naming_old_and_new() -> None:
    moved = record(start_date=date(2026, 2, 24), end_date=date(2026, 2, 25), status="rescheduled")
    events, alerts = fold(report(record(), "a1"), report(moved, "a2", hours=30))
    assert [a[0] for a in alerts] == ["announced", "updated"]
    assert alerts[1][1] is not None and alerts[1][1].endswith(".r2")
    decision = decide(fold(report(record(), "a1"))[0], report(moved, "a2", hours=30))
    changes = {c.field: (c.old, c.new) for c in decision.changes}
    assert changes["start_date"] == ("2026-02-17", "2026-02-24")
    assert events[0].start_date == date(2026, 2, 24)


def test_postponed_is_an_update_with_the_status_change() -> None:
    postponed = record(start_date=None, end_date=None, status="postponed")
    events, alerts = fold(report(record(), "a1"), report(postponed, "a2", hours=5))
    assert [a[0] for a in alerts] == ["announced", "updated"]
    assert events[0].status == "postponed"
    assert [h.status for h in events[0].status_history] == ["announced", "postponed"]


def test_a_different_meeting_a_month_later_is_a_second_event() -> None:
    later = record(start_date=date(2026, 3, 20), end_date=None, location="Istanbul")
    events, alerts = fold(report(record(), "a1"), report(later, "a2", hours=48))
    assert [a[0] for a in alerts] == ["announced", "announced"]
    assert len(events) == 2 and events[0].talks_id != events[1].talks_id


def test_held_or_proposed_talks_never_start_an_event() -> None:
    for status in ("held", "proposed", "denied", "cancelled"):
        decision = decide((), report(record(status=status), "a1"))
        assert decision.alert_type is None and decision.events == ()


def test_a_single_side_is_not_alertable() -> None:
    assert not is_alertable(record(parties=("Iran",), mediators=()))
    assert is_alertable(record(parties=("Iran",), mediators=("Oman",)))


def test_replay_gives_the_same_ids() -> None:
    reports = (report(record(), "a1"), report(record(status="postponed", start_date=None, end_date=None), "a2", hours=3))
    assert fold(*reports)[1] == fold(*reports)[1]

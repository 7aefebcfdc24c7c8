from __future__ import annotations

from datetime import date

from parley.services.alerting.talks_state import Report, decide, is_alertable, party_key, retract
from parley.shared.events import TalksState
from tests.support.talks import T0, record, report


def fold(*reports: Report) -> tuple[tuple[TalksState, ...], list[tuple[str, str]]]:
    events: tuple[TalksState, ...] = ()
    alerts: list[tuple[str, str]] = []
    for r in reports:
        decision = decide(events, r)
        events = decision.events
        alerts.extend((a.type, a.alert_id) for a in decision.alerts)
    return events, alerts


def kinds(alerts: list[tuple[str, str]]) -> list[str]:
    return [a[0] for a in alerts if a[0] != "corroborated"]


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
    assert [a[0] for a in alerts] == ["announced", "corroborated", "corroborated"]
    assert [a[1] for a in alerts][1:] == [f"{events[0].talks_id}.c2", f"{events[0].talks_id}.c3"]
    assert len(events) == 1
    assert events[0].sources == ("Outlet A", "Outlet B", "Outlet C")
    assert events[0].independent_sources == 3
    assert events[0].article_ids == ("a1", "a2", "a3")
    assert events[0].revision == 1


def test_the_same_article_again_changes_nothing() -> None:
    first = decide((), report(record(), "a1"))
    again = decide(first.events, report(record(), "a1"))
    assert again.changed is None and again.alerts == ()


def test_rescheduled_date_is_an_update_naming_old_and_new() -> None:
    moved = record(start_date=date(2026, 2, 24), end_date=date(2026, 2, 25), status="rescheduled")
    events, alerts = fold(report(record(), "a1"), report(moved, "a2", hours=30))
    assert kinds(alerts) == ["announced", "updated"]
    assert alerts[-1][1].endswith(".r2")
    decision = decide(fold(report(record(), "a1"))[0], report(moved, "a2", hours=30))
    changes = {c.field: (c.old, c.new) for c in decision.alerts[-1].changes}
    assert changes["start_date"] == ("2026-02-17", "2026-02-24")
    assert events[0].start_date == date(2026, 2, 24)


def test_postponed_is_an_update_with_the_status_change() -> None:
    postponed = record(start_date=None, end_date=None, status="postponed")
    events, alerts = fold(report(record(), "a1"), report(postponed, "a2", hours=5))
    assert kinds(alerts) == ["announced", "updated"]
    assert events[0].status == "postponed"
    assert [h.status for h in events[0].status_history] == ["announced", "postponed"]


def test_a_different_meeting_a_month_later_is_a_second_event() -> None:
    later = record(start_date=date(2026, 3, 20), end_date=None, location="Istanbul")
    events, alerts = fold(report(record(), "a1"), report(later, "a2", hours=48))
    assert kinds(alerts) == ["announced", "announced"]
    assert len(events) == 2 and events[0].talks_id != events[1].talks_id


def test_held_or_proposed_talks_never_start_an_event() -> None:
    for status in ("held", "proposed", "denied", "cancelled"):
        decision = decide((), report(record(status=status), "a1"))
        assert decision.alerts == () and decision.events == ()


def test_a_single_side_is_not_alertable() -> None:
    assert not is_alertable(record(parties=("Iran",), mediators=()))
    assert is_alertable(record(parties=("Iran",), mediators=("Oman",)))


def test_replay_gives_the_same_ids() -> None:
    reports = (
        report(record(), "a1"),
        report(record(status="postponed", start_date=None, end_date=None), "a2", hours=3),
    )
    assert fold(*reports)[1] == fold(*reports)[1]


def test_ministers_meeting_then_summit_of_the_same_parties_are_two_events_updated_apart() -> None:
    ministers = record(location="Geneva", start_date=date(2026, 2, 17), end_date=None, format="bilateral")
    summit = record(location="Istanbul", start_date=date(2026, 3, 19), end_date=date(2026, 3, 20))
    summit_again = record(location="Istanbul", start_date=date(2026, 3, 19), end_date=None)
    ministers_postponed = record(location="Geneva", start_date=None, end_date=None, status="postponed")
    events, alerts = fold(
        report(ministers, "m1", "Outlet A"),
        report(summit, "s1", "Outlet B", 24),
        report(summit_again, "s2", "Outlet C", 25),
        report(ministers_postponed, "m2", "Outlet A", 26),
    )
    assert len(events) == 2
    by_place = {e.location: e for e in events}
    assert by_place["Geneva"].status == "postponed" and by_place["Istanbul"].status == "announced"
    assert by_place["Istanbul"].article_ids == ("s1", "s2")
    assert kinds(alerts) == ["announced", "announced", "updated"]
    assert alerts[-1][1].startswith(by_place["Geneva"].talks_id)


def test_same_place_joins_within_the_wider_window_only() -> None:
    base = record(location="Doha", start_date=date(2026, 2, 17), end_date=None)
    ten_days = record(location="Doha", start_date=date(2026, 2, 27), end_date=None)
    elsewhere = record(location="Muscat", start_date=date(2026, 2, 27), end_date=None)
    assert len(fold(report(base, "a1"), report(ten_days, "a2", "B", 1))[0]) == 1
    assert len(fold(report(base, "a1"), report(elsewhere, "a2", "B", 1))[0]) == 2


def test_cancelled_refers_back_to_the_upcoming_event_at_its_place() -> None:
    geneva = record(location="Geneva", start_date=date(2026, 2, 17), end_date=None)
    istanbul = record(location="Istanbul", start_date=date(2026, 3, 19), end_date=None)
    cancelled = record(location="Istanbul", start_date=None, end_date=None, status="cancelled")
    events, _alerts = fold(
        report(geneva, "a1"), report(istanbul, "a2", hours=1), report(cancelled, "a3", hours=2)
    )
    assert {e.location: e.status for e in events} == {"Geneva": "announced", "Istanbul": "cancelled"}
    decision_changes = (
        decide(
            (*events[:1], events[1].model_copy(update={"status": "announced"})),
            report(cancelled, "a4", hours=3),
        )
        .alerts[-1]
        .changes
    )
    assert [(c.field, c.old, c.new) for c in decision_changes] == [("status", "announced", "cancelled")]


def test_held_after_the_meeting_is_a_status_update() -> None:
    held = record(status="held", start_date=date(2026, 2, 17), end_date=date(2026, 2, 18))
    events, alerts = fold(report(record(), "a1"), report(held, "a2", hours=120))
    assert kinds(alerts) == ["announced", "updated"] and events[0].status == "held"


def test_syndicated_copy_and_same_outlet_do_not_corroborate() -> None:
    first = report(record(), "a1", "Outlet A")
    same_outlet = report(record(), "a2", "outlet a", 1)
    copy = Report(record(), "a3", "a1", "Outlet B", "title", None, T0, T0)  # same story id as a1
    events, alerts = fold(first, same_outlet, copy)
    assert [a[0] for a in alerts] == ["announced"]
    assert events[0].independent_sources == 1 and len(events[0].sources) == 2


def test_outlet_falls_back_to_the_url_host() -> None:
    r = Report(record(), "a1", "a1", None, "t", "https://www.example.org/x", T0, T0)
    assert r.outlet == "example.org"


def test_moved_report_from_a_new_outlet_both_corroborates_and_updates() -> None:
    moved = record(start_date=date(2026, 2, 24), end_date=None, status="rescheduled")
    _, alerts = fold(report(record(), "a1", "A"), report(moved, "a2", "B", 5))
    assert [a[0] for a in alerts] == ["announced", "corroborated", "updated"]


def test_retracting_an_article_keeps_events_other_articles_support() -> None:
    events, _ = fold(report(record(), "a1"), report(record(), "a2", "Outlet B", 1))
    kept, changed, removed = retract(events, "a1")
    assert removed == () and [s.article_ids for s in changed] == [("a2",)]
    assert kept[0].article_ids == ("a2",)
    kept, changed, removed = retract(kept, "a2")
    assert kept == () and changed == () and removed == (events[0].talks_id,)
    assert retract(events, "unknown") == (events, (), ())

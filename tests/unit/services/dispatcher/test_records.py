"""What the dispatcher records for alerts and redelivery requests, with dicts for its tables."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from parley.services.dispatcher.delivery_state import Delivery
from parley.services.dispatcher.records import Recorder
from parley.services.dispatcher.rules import Rule
from parley.shared.errors import InvalidEvent
from parley.shared.events import AlertRedeliveryRequested, Envelope, TalksAnnounced, TalksState, wrap

T0 = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)


class Table:
    """A faust Table's surface: `data` to read, assignment to write (faust also writes the changelog)."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.writes: list[str] = []

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = value
        self.writes.append(key)


def announced(alert_id: str = "t-1.r1", parties: tuple[str, ...] = ("Ruritania", "Freedonia")) -> Envelope:
    state = TalksState(
        talks_id=alert_id.split(".")[0],
        revision=1,
        parties=parties,
        status="announced",
        first_seen=T0,
        last_seen=T0,
    )
    return wrap(TalksAnnounced(alert_id=alert_id, talks=state, article_id="a1"), service="test", time=T0)


def recorder(*rules: Rule, endpoints: tuple[str, ...] = ("ops", "crm")) -> tuple[Recorder, Table, Table]:
    deliveries, last_sent = Table(), Table()
    chosen = rules or (Rule(name="default"),)
    return Recorder(endpoints, lambda: chosen, deliveries, last_sent), deliveries, last_sent


def test_an_alert_becomes_one_pending_delivery_per_endpoint_once() -> None:
    rec, deliveries, last_sent = recorder()
    keys = rec.record(announced(), partition=2, offset=7, now=T0)
    assert keys == ["t-1.r1@ops", "t-1.r1@crm"]
    stored = [Delivery.from_table(deliveries.data[k]) for k in keys]
    assert all(d is not None and d.outcome == "pending" and d.partition == 2 for d in stored)
    assert last_sent.data == {"default|t-1": T0.isoformat()}
    # The same alert again (a replay, a restart): nothing new recorded or started.
    assert rec.record(announced(), partition=2, offset=7, now=T0 + timedelta(minutes=1)) == []
    assert deliveries.writes == keys


def test_rules_decide_the_endpoints_and_are_read_on_every_alert() -> None:
    rules: list[Rule] = [Rule(name="crm-only", webhooks=("crm",))]
    deliveries = Table()
    rec = Recorder(("ops", "crm"), lambda: rules, deliveries, Table())
    assert rec.record(announced("t-1.r1"), 0, 1, T0) == ["t-1.r1@crm"]
    rules[:] = [Rule(name="ops-only", webhooks=("ops",))]  # the rules file was reloaded
    assert rec.record(announced("t-2.r1", ("Elbonia", "Latveria")), 0, 2, T0) == ["t-2.r1@ops"]


def test_redelivery_restarts_what_was_recorded_and_ignores_the_carried_alert() -> None:
    rec, deliveries, _ = recorder()
    rec.record(announced(), 1, 3, T0)
    recorded_alert = deliveries.data["t-1.r1@ops"]["alert"]
    request = AlertRedeliveryRequested(
        alert_id="t-1.r1", endpoints=("ops",), alert={"forged": True}, requested_at=T0
    )
    later = T0 + timedelta(hours=1)
    assert rec.record(wrap(request, service="cli"), 1, 4, later) == ["t-1.r1@ops"]
    again = Delivery.from_table(deliveries.data["t-1.r1@ops"])
    assert again is not None and again.redeliveries == 1 and again.alert == recorded_alert
    assert again.next_at == later


def test_redelivery_of_an_unknown_alert_is_refused() -> None:
    rec, _, _ = recorder()
    request = AlertRedeliveryRequested(alert_id="t-9.r1", alert={}, requested_at=T0)
    with pytest.raises(InvalidEvent, match="no delivery of it is recorded"):
        rec.record(wrap(request, service="cli"), 0, 0, T0)


def test_unfinished_deliveries_of_the_given_partitions_are_resumed() -> None:
    rec, deliveries, _ = recorder()
    rec.record(announced("t-1.r1"), 0, 1, T0)
    rec.record(announced("t-2.r1", ("Elbonia", "Latveria")), 1, 1, T0)
    done = Delivery.from_table(deliveries.data["t-1.r1@crm"])
    assert done is not None
    deliveries["t-1.r1@crm"] = done.model_copy(update={"outcome": "delivered"}).to_table()
    deliveries["garbage@ops"] = {"outcome": "lost"}  # unreadable: logged and skipped
    resumed = rec.unfinished([0], running=lambda key: False)
    assert [d.key for d in resumed] == ["t-1.r1@ops"]
    assert rec.unfinished([0, 1], running=lambda key: key.startswith("t-2")) == resumed


def test_with_a_public_desk_url_the_alert_links_to_its_page_as_an_extension_attribute() -> None:
    from parley.shared.settings import DeskLinkSettings

    desk = DeskLinkSettings(public_url="https://desk.example.org/")
    deliveries = Table()
    rec = Recorder(("ops",), lambda: (Rule(name="default"),), deliveries, Table(), page_url=desk.talks_page)
    (key,) = rec.record(announced(), 0, 1, T0)
    alert = deliveries.data[key]["alert"]
    assert alert["deskurl"] == "https://desk.example.org/desk/talks/t-1"
    assert alert["type"] == "parley.talks.announced.v1"  # the event and its version unchanged
    plain, plain_deliveries, _ = recorder(endpoints=("ops",))
    (key,) = plain.record(announced(), 0, 1, T0)
    assert "deskurl" not in plain_deliveries.data[key]["alert"]


def test_the_desk_url_setting_takes_only_an_http_base() -> None:
    from pydantic import ValidationError

    from parley.shared.settings import DeskLinkSettings

    assert DeskLinkSettings(public_url=" ").public_url is None
    assert DeskLinkSettings(public_url="http://10.0.0.5:8086/parley/").talks_page("t/1") == (
        "http://10.0.0.5:8086/parley/desk/talks/t%2F1"
    )
    for bad in ("desk.example.org", "ftp://desk.example.org", "https://desk.example.org/?x=1"):
        with pytest.raises(ValidationError):
            DeskLinkSettings(public_url=bad)

"""An article read again by a newer extraction reaches the events that already count it."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from typing import Any

from parley.services.alerting.known_talks import KnownTalks, articles_by_key
from parley.services.alerting.talks_state import decide, key_string, party_key, route_key
from tests.support.talks import record, report


def test_a_new_key_keeps_the_earlier_key_it_shares_parties_with() -> None:
    assert route_key("Russia|Ukraine", []) == "Russia|Ukraine"  # never routed before
    assert route_key("Russia|Ukraine", ["Russia|Ukraine"]) == "Russia|Ukraine"
    # the old extraction counted the broker as a side; the new one does not
    assert route_key("Russia|Ukraine", ["Russia|Ukraine|United States"]) == "Russia|Ukraine|United States"
    # several earlier keys: the one sharing the most parties
    assert route_key("Armenia|Azerbaijan", ["Armenia|Turkey", "Armenia|Azerbaijan|Russia"]) == (
        "Armenia|Azerbaijan|Russia"
    )
    # no party in common: another meeting, decided under its own key
    assert route_key("India|Pakistan", ["Russia|Ukraine"]) == "India|Pakistan"


def test_a_rerun_of_a_counted_article_starts_no_second_event() -> None:
    old = record(parties=("Russia", "Ukraine", "United States"), mediators=())
    first = decide((), report(old, "a1"))
    assert [a.type for a in first.alerts] == ["announced"]
    # The newer extraction reads another day for the same article (no match by date any more).
    new = record(parties=("Russia", "Ukraine"), mediators=("United States",), start_date=date(2026, 3, 30))
    again = decide(first.events, replace(report(new, "a1"), rerun=True))
    assert again.changed is None and again.alerts == ()
    # Without the rerun mark the same report would open a second event: the guard is what stops it.
    assert [a.type for a in decide(first.events, report(new, "a1")).alerts] == ["announced"]


def test_a_rerun_still_announces_a_meeting_no_event_counts_it_for() -> None:
    first = decide((), report(record(), "a1"))
    other = record(location="Vienna", start_date=date(2026, 6, 1), end_date=None)
    later = decide(first.events, replace(report(other, "a2"), rerun=True))  # a2 is in no event yet
    assert [a.type for a in later.alerts] == ["announced"]


def test_known_events_tell_which_keys_count_an_article() -> None:
    state = decide((), report(record(), "a1")).changed
    assert state is not None
    key = key_string(party_key(record()))
    known = {key: [state.model_dump(mode="json")]}
    assert articles_by_key(known) == {"a1": [key]}

    loads: list[int] = []

    def load() -> dict[str, list[dict[str, Any]]]:
        loads.append(1)
        return {k: list(v) for k, v in known.items()}

    async def run() -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]], list[str]]:
        talks = KnownTalks(load)
        keys = await talks.keys_of("a1")
        taken = await talks.take(key)
        again = await talks.take(key)  # handed over once: the state owns it now
        return keys, taken, again, await talks.keys_of("a1")

    keys, taken, again, still = asyncio.run(run())
    assert keys == [key] and len(taken) == 1 and again == [] and still == [key]
    assert loads == [1]

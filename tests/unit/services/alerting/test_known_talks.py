from __future__ import annotations

from datetime import UTC, datetime

from parley.services.alerting.known_talks import fold_known, party_key_of
from parley.shared.events import TalksState

T0 = datetime(2026, 2, 13, tzinfo=UTC)


def state(
    talks_id: str, revision: int, parties: tuple[str, ...], mediators: tuple[str, ...] = ()
) -> TalksState:
    return TalksState(
        talks_id=talks_id,
        revision=revision,
        parties=parties,
        mediators=mediators,
        status="announced",
        first_seen=T0,
        last_seen=T0,
    )


def test_mediators_are_left_out_of_the_key() -> None:
    assert (
        party_key_of(state("t1", 1, ("Russia", "Ukraine", "United States"), ("United States",)))
        == "Russia|Ukraine"
    )


def test_latest_revision_wins_and_events_group_by_parties() -> None:
    known = fold_known(
        [
            state("t1", 1, ("Russia", "Ukraine")),
            state("t1", 3, ("Russia", "Ukraine")),
            state("t1", 2, ("Russia", "Ukraine")),
            state("t2", 1, ("Armenia", "Azerbaijan")),
            state("t3", 1, ("Russia", "Ukraine")),
        ]
    )
    assert sorted(known) == ["Armenia|Azerbaijan", "Russia|Ukraine"]
    by_id = {e["talks_id"]: e["revision"] for e in known["Russia|Ukraine"]}
    assert by_id == {"t1": 3, "t3": 1}

"""Meetings of a multilateral body's own members, on sentences written for these tests."""

from datetime import date

import pytest

from parley.services.enrichment.extract import extract_article
from parley.services.enrichment.talks_bodies import membership_meeting

WEDNESDAY = date(2031, 3, 12)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("The annual ASEAN summit will open in the capital on Friday.", "ASEAN"),
        ("The WTO's Thirteenth Ministerial Conference will take place in the port city.", "WTO"),
        (
            "An extraordinary summit of heads of state of the Southern African Development Community is set.",
            "SADC",
        ),
        ("Asean foreign ministers will gather for a retreat next month.", "ASEAN"),
        ("Delegates at COP41 will meet for two weeks in November.", "UNFCCC"),
        ("G20 leaders meet next week.", "G20"),
        ("ECOWAS defers extraordinary summit on the crisis", "ECOWAS"),
        (
            "The Pacific Islands Forum (PIF) has postponed by a month its annual leaders meeting.",
            "Pacific Islands Forum",
        ),
        ("ASEAN called on Japan to hold a summit.", None),
        # Two sides: the body meets someone else, which the side rules read.
        ("An ASEAN-Japan summit will be held in the capital.", None),
        ("A summit between ASEAN and Japan will be held in the capital.", None),
        ("Japan and ASEAN will hold a ministerial meeting in the capital.", None),
        ("Japan and the East African Community will hold a ministerial meeting.", None),
        ("The United Nations summit opens on Monday.", None),  # not a membership body
        ("The wto summit opens on Monday.", None),  # an acronym in its own case only
    ],
)
def test_membership_meeting(sentence: str, body: str | None) -> None:
    assert membership_meeting([sentence]) == body


def test_the_body_is_the_party_not_the_host() -> None:
    text = (
        "Leaders of the Association of Southeast Asian Nations will meet on March 20 in Kuala Lumpur, "
        "Malaysia said on Tuesday. Malaysia will host the ASEAN summit as this year's chair."
    )
    records = [
        r for r in extract_article(title="", text=text, published=WEDNESDAY).talks if r.status == "announced"
    ]
    assert records, "the summit is announced"
    assert records[0].parties == ("ASEAN",)
    assert records[0].location == "Kuala Lumpur"
    assert records[0].start_date == date(2031, 3, 20)


def test_two_named_sides_stand() -> None:
    text = "Serbia and Kosovo will hold talks in Brussels on March 20 on the sidelines of a NATO summit."
    [record] = [
        r for r in extract_article(title="", text=text, published=WEDNESDAY).talks if r.status == "announced"
    ]
    assert set(record.parties) == {"Serbia", "Kosovo"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The two presidents will hold talks on the sidelines of the G20 summit in the port city on Saturday.",
        "The ministers are to meet on the margins of the annual ASEAN summit next week.",
    ],
)
def test_a_bodys_summit_that_only_sets_another_meeting_is_no_members_meeting(sentence: str) -> None:
    assert membership_meeting([sentence]) is None


def test_a_bodys_summit_named_after_a_sidelines_meeting_is_still_its_members_meeting() -> None:
    sentence = "The leaders met on the sidelines of a forum last year; the G20 summit opens on Saturday."
    assert membership_meeting([sentence]) == "G20"

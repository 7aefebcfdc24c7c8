"""Talks patterns on sentences written for these tests."""

from dataclasses import replace
from datetime import date

import pytest

from parley.services.enrichment.dates import find_dates
from parley.services.enrichment.entities import extract_entities
from parley.services.enrichment.extract import extract_article
from parley.services.enrichment.gazetteer import named_on, names_of
from parley.services.enrichment.talks_cues import HEADLINE_ONGOING, LEAD_ACTORS
from parley.services.enrichment.talks_events import _history, _primary, _with_roles, candidates, extract_talks
from parley.services.enrichment.talks_extraction import (
    _Draft,
    _others_meet,
    _same_table,
    dateline_credits,
    dateline_end,
    find_drafts,
    headline_draft,
)
from parley.services.enrichment.talks_model import LinearModel
from parley.shared.extraction import TalksRecord

WEDNESDAY = date(2031, 3, 12)


def _talks(text: str, title: str = "", published: date = WEDNESDAY) -> list[TalksRecord]:
    return list(extract_article(title=title, text=text, published=published).talks)


def _drafts(text: str) -> tuple[list[_Draft], list[str]]:
    """The sentence mentions of `text` published on WEDNESDAY, and its mediators."""
    return find_drafts(text, WEDNESDAY, extract_entities(text), find_dates(text, WEDNESDAY))


def _upcoming(text: str, **kwargs: object) -> list[TalksRecord]:
    return [t for t in _talks(text, **kwargs) if t.status in {"announced", "rescheduled"}]  # type: ignore[arg-type]


def test_brokered_announcement_with_range() -> None:
    [record] = _upcoming(
        "Serbia and Kosovo will hold EU-brokered talks on March 20-21 in Brussels, officials said on Tuesday."
    )
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert record.mediators == ("European Union",)
    assert (record.location, record.start_date, record.end_date) == (
        "Brussels",
        date(2031, 3, 20),
        date(2031, 3, 21),
    )
    assert record.format == "bilateral"
    assert record.cameo_code == "036"
    assert 0 <= record.confidence <= 1


def test_weekday_and_host_country_refined_to_city() -> None:
    text = (
        "Egyptian and Ethiopian officials will meet in Kenya on Saturday to discuss the dam on the Nile. "
        "The delegations are expected to arrive in Nairobi on Friday."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Egypt", "Ethiopia"}
    assert record.location == "Nairobi"
    assert record.start_date == date(2031, 3, 15)


def test_mediated_by_and_between() -> None:
    text = "Talks between the Sudanese army and the Rapid Support Forces, mediated by Saudi Arabia, are set to resume next Monday in Jeddah."
    [record] = _upcoming(text)
    assert set(record.parties) == {"Sudanese Armed Forces", "RSF"}
    assert record.mediators == ("Saudi Arabia",)
    assert record.location == "Jeddah"
    assert record.start_date == date(2031, 3, 17)


def test_armed_group_talks_hosted_by_a_mediator() -> None:
    text = "Colombia's government and the ELN will begin a new round of peace talks on Monday, hosted by Cuba in Havana."
    [record] = _upcoming(text)
    assert set(record.parties) == {"Colombia", "ELN"}
    assert "Cuba" in record.mediators
    assert record.location == "Havana"
    assert record.round == "new"


def test_trilateral_stated_and_delegation_head() -> None:
    text = (
        "The next round will be held in the trilateral Japan-China-South Korea format on April 3 and 4 in Seoul. "
        "Tokyo's delegation will be headed by Deputy Foreign Minister Kenji Sample."
    )
    [record] = _upcoming(text)
    assert record.format == "trilateral"
    assert set(record.parties) == {"Japan", "China", "South Korea"}
    assert (record.start_date, record.end_date) == (date(2031, 4, 3), date(2031, 4, 4))
    assert record.location == "Seoul"


def test_later_this_month_keeps_null_date() -> None:
    [record] = _upcoming(
        "Indian and Chinese commanders will meet later this month at the border, the army said."
    )
    assert record.start_date is None
    assert record.date_text == "later this month"
    assert set(record.parties) == {"India", "China"}


def test_rescheduled_with_new_date() -> None:
    text = "The talks between Armenia and Azerbaijan, originally set for last week, were postponed to March 24 in Vienna."
    [record] = _talks(text)
    assert record.status == "rescheduled"
    assert record.start_date == date(2031, 3, 24)


def test_past_talks_are_held() -> None:
    assert [
        t.status
        for t in _talks("Greece and Turkey held talks in Athens on Monday and agreed to keep talking.")
    ] == ["held"]
    assert not _upcoming("The talks between Peru and Chile ended without a deal on Tuesday.")


def test_calls_for_talks_are_proposed() -> None:
    records = _talks("The UN chief urged Eritrea and Djibouti to return to the negotiating table.")
    assert [t.status for t in records] == ["proposed"]


def test_postponed_without_a_date() -> None:
    records = _talks(
        "Talks between Mali and Algeria will not take place as planned this week. No new date was given."
    )
    assert [t.status for t in records] == ["postponed"]


def test_denial() -> None:
    records = _talks(
        "There are no talks planned between Venezuela and Guyana, the foreign ministry in Caracas said."
    )
    assert [t.status for t in records] == ["denied"]


def test_denial_overrides_an_earlier_reported_plan() -> None:
    text = (
        "Brazil's president has no plans to meet Argentina's president, an aide said, days after reports "
        "that the two would meet in Montevideo."
    )
    assert not _upcoming(text)


def test_cancelled() -> None:
    assert [
        t.status for t in _talks("Nepal and Bhutan called off talks that had been planned for Friday.")
    ] == ["cancelled"]


def test_contract_talks_are_not_diplomatic() -> None:
    text = (
        "The club and the striker's agent will meet on Friday to resume contract talks. "
        "The player wants a new deal before the season, the club's coach said."
    )
    assert _talks(text) == []


def test_union_wage_talks_are_not_diplomatic() -> None:
    text = "The union and the company will hold wage talks on Thursday in Seoul, workers said."
    assert _talks(text) == []


def test_two_events_in_one_article() -> None:
    text = (
        "Foreign ministers of Bolivia and Paraguay will meet in Asuncion on March 18. "
        "Their presidents will hold a summit in La Paz on April 9."
    )
    records = _upcoming(text)
    assert {(r.location, r.start_date) for r in records} == {
        ("Asuncion", date(2031, 3, 18)),
        ("La Paz", date(2031, 4, 9)),
    }


def test_non_english_marks_language_without_talks() -> None:
    result = extract_article(
        title="",
        text="Die Regierungen von Russland und der Ukraine werden nächste Woche in Genf verhandeln.",
        published=WEDNESDAY,
    )
    assert result.language == "de"
    assert result.talks == ()
    assert any("English" in n for n in result.notes)


def test_attributive_venue_beats_a_past_meeting_place() -> None:
    text = (
        "Officials announced the Lisbon talks, scheduled for March 20, right after last week's meeting of "
        "Croatian and Serbian leaders that took place in Slovenia's capital Ljubljana."
    )
    [record] = _upcoming(text)
    assert record.location == "Lisbon"
    assert record.start_date == date(2031, 3, 20)
    assert set(record.parties) == {"Croatia", "Serbia"}


def test_the_war_between_two_states_is_the_topic() -> None:
    text = "Canada and Mexico will hold talks next week on ending the war between Eritrea and Ethiopia, officials said."
    [record] = _upcoming(text)
    assert set(record.parties) == {"Canada", "Mexico"}


def test_headline_style_host_sentence() -> None:
    [record] = _upcoming("Oman to host talks between Iran and the United States in Muscat on Saturday.")
    assert set(record.parties) == {"Iran", "United States"}
    assert "Oman" in record.mediators
    assert record.start_date == date(2031, 3, 15)


def test_postponed_without_a_new_date_is_not_a_reschedule() -> None:
    text = (
        "A planned meeting between the leaders of Serbia and Kosovo in Brussels has been postponed, "
        "the EU said on Wednesday, without giving a new date."
    )
    result = extract_article(title="Leaders' meeting put off", text=text, published=date(2026, 1, 14))
    assert [t.status for t in result.talks] == ["postponed"]


def test_long_form_congo_name_is_a_party() -> None:
    text = (
        "Foreign ministers from the Democratic Republic of Congo and Rwanda will meet in Washington on "
        "June 27 to sign a peace agreement brokered by the United States, the State Department said."
    )
    (record,) = extract_article(title="Peace deal signing set", text=text, published=date(2025, 6, 20)).talks
    assert set(record.parties) >= {"Democratic Republic of the Congo", "Rwanda"}
    assert record.mediators == ("United States",)
    assert (record.location, record.start_date, record.status) == (
        "Washington",
        date(2025, 6, 27),
        "announced",
    )


THURSDAY = date(2031, 3, 13)
ANNOUNCES = LinearModel("always", bias=5.0, threshold=0.5, weights={})
NEVER = LinearModel("never", bias=-5.0, threshold=0.5, weights={})


def test_held_round_that_sets_the_next_one_gives_both() -> None:
    # The article-level decision is the learned model's; here it is fixed to "announces" so the
    # test reads only how mentions become events.
    text = "Serbia and Kosovo met on Saturday in Brussels and agreed to meet again next week."
    entities = extract_entities(text)
    dates = find_dates(text, THURSDAY)
    records = extract_talks(text, "", THURSDAY, entities, dates, model=ANNOUNCES)
    assert [r.status for r in records] == ["announced", "held"]  # the event still to come first
    assert set(records[0].parties) == {"Serbia", "Kosovo"}
    # a next round agreed in so many words, with a time, is a plan whatever the decision says ...
    said = extract_talks(text, "", THURSDAY, entities, dates, model=NEVER)
    assert [r.status for r in said] == ["announced", "held"]
    # ... while a next meeting with neither time nor place is the decision's to judge
    text = "Serbia and Kosovo met on Saturday in Brussels and will meet again."
    said = extract_talks(text, "", THURSDAY, extract_entities(text), find_dates(text, THURSDAY), model=NEVER)
    assert [r.status for r in said] == ["held"]  # judged not to announce: nothing upcoming


def test_brokers_in_a_relative_clause_are_mediators_not_parties() -> None:
    [record] = _upcoming(
        "Egypt and Qatar, which brokered the last round, said Israel and Hamas would meet in Cairo on Monday.",
        published=THURSDAY,
    )
    assert set(record.parties) == {"Israel", "Hamas"}
    assert set(record.mediators) == {"Egypt", "Qatar"}
    assert record.location == "Cairo"


def test_headline_gives_the_venue_the_body_leaves_out() -> None:
    [record] = _upcoming(
        "The two sides will meet next week, officials said.",
        title="Serbia and Kosovo to reopen talks in Brussels",
        published=THURSDAY,
    )
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert record.location == "Brussels"


def test_the_publication_weekday_is_that_day() -> None:
    [record] = _upcoming("Envoys of Serbia and Kosovo will meet on Thursday in Brussels.", published=THURSDAY)
    assert record.start_date == THURSDAY


def test_a_venue_the_gazetteer_lacks_is_kept_as_written() -> None:
    [record] = _upcoming("Serbia and Kosovo will hold talks in Lakeport on March 20.", published=THURSDAY)
    assert record.location == "Lakeport"
    # a month after "in" is a date, not a place
    [later] = _upcoming("Serbia and Kosovo will hold talks in March in Brussels.", published=THURSDAY)
    assert later.location == "Brussels"


def test_rejected_reports_of_a_plan_announce_nothing() -> None:
    text = "Serbia rejected reports that it had agreed to meet Kosovo in Brussels next week."
    assert _upcoming(text, published=THURSDAY) == []
    assert [t.status for t in _talks(text, published=THURSDAY)] == ["denied"]


def test_called_off_until_further_notice_is_not_upcoming() -> None:
    text = "The round of talks between Serbia and Kosovo in Brussels was called off until further notice."
    assert _upcoming(text, published=THURSDAY) == []


def test_an_old_plan_mentioned_in_passing_is_no_event() -> None:
    text = "Norway was to have hosted the meeting between Serbia and Kosovo in March, officials recalled."
    assert _upcoming(text, published=THURSDAY) == []


def test_a_country_that_is_only_the_topic_is_no_party() -> None:
    [record] = _upcoming(
        "Leaders will hold a summit on ending the war in Sudan in Geneva on Monday, with Chad and Egypt attending.",
        published=THURSDAY,
    )
    assert "Sudan" not in record.parties
    assert record.location == "Geneva"


def test_postponed_with_the_new_date_still_to_be_set_is_no_announcement() -> None:
    text = (
        "Talks between Serbia and Kosovo set for Monday in Brussels will now take place later, officials said. "
        "The meeting was postponed. A new date will be announced later, the mediators said."
    )
    assert _upcoming(text, published=THURSDAY) == []


def test_a_headline_reporting_talks_under_way_is_no_announcement() -> None:
    body = "Serbia and Kosovo will hold talks in Brussels on Thursday, officials said."
    assert _upcoming(body, title="Serbia and Kosovo talks begin in Brussels", published=THURSDAY) == []
    # a headline with a day still ahead reports a plan
    assert _upcoming(body, title="Serbia and Kosovo talks begin in Brussels on Friday", published=THURSDAY)


def test_a_headline_worded_as_a_denial_outweighs_a_plan_in_the_body() -> None:
    body = "Serbia and Kosovo would meet in Brussels on Friday, an official had said earlier."
    title = "Serbia has no plans to meet Kosovo in Brussels, officials say"
    assert _upcoming(body, title=title, published=THURSDAY) == []


def test_an_agreed_next_round_after_a_held_one_is_announced_without_the_last_rounds_day_or_venue() -> None:
    text = (
        "Armenia and Azerbaijan held a round of talks in Vienna on Wednesday. "
        "The two delegations agreed to continue negotiations, and the date and venue of the next round "
        "will be set through diplomatic channels."
    )
    records = _upcoming(text, title="Armenia and Azerbaijan end talks in Vienna")
    assert records, "an agreed next round is an announcement even with its time and venue open"
    assert set(records[0].parties) == {"Armenia", "Azerbaijan"}
    assert records[0].location is None  # Vienna is where the last round met
    assert records[0].start_date is None  # and Wednesday is when


def test_talks_scheduled_to_take_place_without_an_auxiliary() -> None:
    text = (
        "Qatar invited Sudan and South Sudan to border talks scheduled to take place in Doha on March 20, "
        "a foreign ministry statement said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) >= {"Sudan", "South Sudan"}
    assert (record.location, record.start_date) == ("Doha", date(2031, 3, 20))


def test_postponed_to_a_vague_time_is_an_update_without_the_old_day() -> None:
    text = "The meeting of the foreign ministers of Serbia and Kosovo set for Friday has been postponed to early May."
    [record] = _upcoming(text, published=WEDNESDAY)
    assert record.status == "rescheduled"
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert record.start_date is None  # Friday was the old plan; "early May" names no day


def test_moved_to_a_new_day_takes_the_new_day() -> None:
    text = (
        "The summit between Sudan and South Sudan, scheduled for March 20, has been moved to April 2 in Juba."
    )
    [record] = _upcoming(text, published=WEDNESDAY)
    assert record.status == "rescheduled"
    assert record.start_date == date(2031, 4, 2)


def test_scheduled_to_return_to_the_table() -> None:
    text = "Armenia and Azerbaijan are scheduled to return to the negotiating table in Vienna on March 20."
    [record] = _upcoming(text, published=WEDNESDAY)
    assert (record.location, record.start_date) == ("Vienna", date(2031, 3, 20))


def test_talks_at_an_institution_meet_in_its_city() -> None:
    [record] = _upcoming("Serbia and Kosovo will hold talks at the White House on March 20.")
    assert (record.location, record.start_date) == ("Washington", date(2031, 3, 20))
    assert set(record.parties) == {"Serbia", "Kosovo"}


def test_a_venue_described_as_a_countrys_city_or_capital() -> None:
    [record] = _upcoming("Russia and Ukraine will hold talks in the Turkish city of Istanbul on March 20.")
    assert record.location == "Istanbul"
    [record] = _upcoming("Serbia and Kosovo will meet in the capital of Belgium on March 20.")
    assert record.location == "Brussels"
    assert set(record.parties) == {"Serbia", "Kosovo"}  # the venue's country is no side


def test_met_and_agreed_to_meet_again_gives_the_next_round_without_the_last_venue() -> None:
    text = "Russia and Ukraine held talks in Istanbul on Monday and agreed to meet again next week."
    [record] = _upcoming(text)
    assert set(record.parties) == {"Russia", "Ukraine"}
    assert record.location is None  # Istanbul is where they met


def test_the_two_koreas_are_both_sides() -> None:
    [record] = _upcoming("The two Koreas will hold military talks on Friday at the truce village.")
    assert set(record.parties) == {"North Korea", "South Korea"}


def test_a_capital_that_will_host_is_the_venue_not_where_it_was_said() -> None:
    text = (
        "Nairobi will host the next round of talks between Ethiopia and Eritrea on Friday, "
        "Kenya's foreign minister told reporters at a conference in Doha."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Ethiopia", "Eritrea"}
    assert record.location == "Nairobi"
    assert record.start_date == date(2031, 3, 14)


def test_a_host_country_is_refined_to_the_city_named() -> None:
    [record] = _upcoming("Turkey will host talks between Armenia and Azerbaijan in Istanbul on Saturday.")
    assert record.location == "Istanbul"
    assert set(record.parties) == {"Armenia", "Azerbaijan"}


def test_where_a_statement_was_made_is_not_the_venue() -> None:
    text = (
        "Chile and Peru will hold talks on fishing rights next Tuesday, "
        "Chile's foreign minister said at a press briefing in Santiago."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Peru"}
    assert record.location is None
    assert record.start_date == date(2031, 3, 18)


def test_a_past_host_is_not_the_venue() -> None:
    text = "Qatar hosted the previous round. Egypt and Sudan will meet in Cairo on March 20."
    [record] = _upcoming(text)
    assert record.location == "Cairo"


def test_a_present_tense_headline_over_a_meeting_dated_ahead_is_a_plan() -> None:
    title = "Nile dam talks kick off in Kinshasa"
    text = (
        "Foreign ministers of Egypt, Ethiopia and Sudan will meet in Kinshasa on Saturday to discuss the dam."
    )
    [record] = _upcoming(text, title=title)
    assert set(record.parties) == {"Egypt", "Ethiopia", "Sudan"}
    assert (record.location, record.start_date) == ("Kinshasa", date(2031, 3, 15))


def test_a_present_tense_headline_over_talks_of_the_day_is_not_a_plan() -> None:
    title = "Nile dam talks kick off in Kinshasa"
    text = "Foreign ministers of Egypt, Ethiopia and Sudan met in Kinshasa on Wednesday to discuss the dam."
    assert _upcoming(text, title=title) == []


def test_a_country_under_another_of_its_names_is_the_venue() -> None:
    [record] = _upcoming("Russia and Ukraine will hold talks in Türkiye on March 20.")
    assert record.location == "Turkey"
    assert set(record.parties) == {"Russia", "Ukraine"}


def test_sending_a_delegation_for_talks_is_a_plan() -> None:
    text = (
        "Israel will send a delegation to Doha on Sunday for talks on a ceasefire with Hamas, officials said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Israel", "Hamas"}
    assert (record.location, record.start_date) == ("Doha", date(2031, 3, 16))


def test_a_minister_due_in_a_capital_for_talks_is_a_plan() -> None:
    text = "Pakistan's foreign minister is due in New Delhi on Friday for talks with his Indian counterpart."
    [record] = _upcoming(text)
    assert set(record.parties) == {"Pakistan", "India"}
    assert (record.location, record.start_date) == ("New Delhi", date(2031, 3, 14))


def test_a_host_receiving_two_leaders_is_a_meeting_of_their_states() -> None:
    text = (
        "Brazil's president will host the leaders of Chile and Peru in Brasilia on Friday for talks "
        "on their maritime dispute."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Peru"}
    assert (record.location, record.start_date) == ("Brasilia", date(2031, 3, 14))


def test_a_headline_in_the_infinitive_states_the_event() -> None:
    title = "Chile's foreign minister to visit Peru on March 20"
    text = "Chile and Bolivia will also hold talks in Quito on March 28, officials said."
    [record, *_] = _upcoming(text, title=title)
    assert {"Chile", "Peru"} <= set(record.parties)
    assert (record.location, record.start_date) == ("Peru", date(2031, 3, 20))


def test_the_sides_listed_after_talks_with_are_named_sides() -> None:
    text = "Chile will hold talks with Peru, Bolivia, and Ecuador in Lima on Friday."
    [draft], _ = _drafts(text)
    assert draft.explicit == {"Peru", "Bolivia", "Ecuador"}
    assert set(draft.parties) == {"Chile", "Peru", "Bolivia", "Ecuador"}


def test_agreed_to_start_talks_is_a_plan() -> None:
    [record] = _upcoming("Chile and Peru said they agreed to start formal talks in Lima on Friday.")
    assert set(record.parties) == {"Chile", "Peru"}
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))


def test_a_leading_in_place_frames_the_sentence() -> None:
    text = (
        "In Lima, Chile's president will meet Peru's president on Friday, after a visit to Quito last month."
    )
    [record] = _upcoming(text)
    assert record.location == "Lima"


def test_the_conflict_in_a_country_quoted_is_no_venue() -> None:
    text = 'Chile and Peru will hold talks on Friday to "end the conflict" in Bolivia.'
    [record] = _upcoming(text)
    assert record.location is None


def test_a_day_of_something_already_done_is_not_the_talks_day() -> None:
    text = (
        "Chile and Peru will hold more talks in Lima once their meeting in Quito, which ended on "
        "Wednesday, is assessed, officials said."
    )
    [record] = _upcoming(text)
    assert (record.location, record.start_date) == ("Lima", None)


def test_talks_after_a_day_do_not_start_on_it() -> None:
    text = "Chile and Peru will hold talks in Lima after March 20, once the national holiday is over."
    [record] = _upcoming(text)
    assert record.start_date is None


def test_a_dateline_day_inside_the_text_is_the_report_s_day() -> None:
    text = (
        "A photo caption comes first.\n\nLIMA, March 12 (Wire) - The presidents of Chile and Peru "
        "will hold talks in Lima, officials said."
    )
    [record] = _upcoming(text)
    assert (record.location, record.start_date) == ("Lima", None)


def test_a_statement_day_with_its_date_in_brackets_is_not_the_talks_day() -> None:
    text = "Talks with Peru will be held in Lima, Chile's foreign minister on Wednesday (March 12) stated."
    [record] = _upcoming(text)
    assert record.start_date is None


def test_rescheduled_at_a_convenient_date_is_a_postponement() -> None:
    text = (
        "Chile and Peru have decided to reschedule the proposed meeting of their negotiators in Lima. "
        "The two sides will reschedule the talks at a later date, officials said."
    )
    [draft], _ = _drafts(text)
    assert draft.status == "postponed"
    assert set(draft.parties) == {"Chile", "Peru"}


def test_a_present_tense_resume_headline_reports_talks_under_way() -> None:
    assert HEADLINE_ONGOING.search("Chile and Peru Resume Fishing Talks")
    assert not HEADLINE_ONGOING.search("Chile and Peru to Resume Fishing Talks")


def test_a_list_of_mediators_is_no_side() -> None:
    text = (
        "Chile and Peru will meet in Lima on Friday, with the Brazilian, Argentine and Uruguayan "
        "mediators present."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Peru"}
    assert set(record.mediators) == {"Brazil", "Argentina", "Uruguay"}


def test_going_to_a_city_to_meet_is_a_plan() -> None:
    text = "Chile's foreign minister will go to Lima on Friday for a meeting with Peru's foreign minister."
    [record] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Peru"}
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))


def test_a_country_venue_is_not_refined_to_where_the_last_round_met() -> None:
    text = (
        "Chile and Peru agreed on Wednesday that their next fishing meeting will take place in Peru. "
        "Their previous round in Arequipa produced nothing."
    )
    [record] = _upcoming(text)
    assert record.location == "Peru"


def test_a_meeting_that_was_intended_for_a_month_and_moved_to_next_year() -> None:
    text = "The fishing talks, which were intended for Lima in the spring, have now been rescheduled for next year."
    [draft], _ = _drafts(text)
    assert draft.status == "rescheduled"


def test_government_and_opposition_talks() -> None:
    [record] = _upcoming(
        "The Chilean government and the Chilean opposition will resume talks in Oslo on Friday."
    )
    assert set(record.parties) == {"Chile", "Chilean opposition"}


def test_a_border_between_two_states_is_a_venue_not_a_side() -> None:
    [record] = _upcoming("Chile and Argentina will hold talks on Friday on the Bolivia-Peru border.")
    assert set(record.parties) == {"Chile", "Argentina"}
    assert record.location == "Bolivia-Peru border"


def test_an_invitation_to_talks_on_a_day_ahead_is_an_announcement() -> None:
    text = "Norway has invited Chile and Peru to a new round of talks in Oslo on March 20."
    [draft], _ = _drafts(text)
    assert draft.status == "announced"
    assert draft.start == date(2031, 3, 20)


def test_british_and_headline_forms_of_a_plan() -> None:
    for text in (
        "Chile and Peru are to meet in Lima on Friday for talks on fishing rights.",
        "The Chilean and Peruvian presidents, set to meet in Lima on Friday, will discuss fishing rights.",
        "Chile is planning to host talks with Peru in Santiago on Friday.",
    ):
        [draft], _ = _drafts(text)
        assert draft.status == "announced", text


def test_a_meeting_moved_to_a_new_day_is_an_update_though_the_sentence_names_no_side() -> None:
    title = "Andean Community postpones its summit"
    text = (
        "The Andean Community has postponed its summit. "
        "The summit that was scheduled to be held in Lima on March 14 has been moved to April 20."
    )
    [record, *_] = _upcoming(text, title=title)
    assert record.status == "rescheduled"
    assert record.start_date == date(2031, 4, 20)


def test_a_venue_described_by_its_region_and_kind() -> None:
    text = (
        "Chile and Peru are expected to meet on Friday on the Caribbean island of St. Lucia, officials said."
    )
    [record] = _upcoming(text)
    assert record.location == "Saint Lucia"
    assert set(record.parties) == {"Chile", "Peru"}


def test_a_venue_the_gazetteer_lacks_after_at() -> None:
    [record] = _upcoming("Chile and Peru will hold the next round of talks at Tacnorra on Friday.")
    assert record.location == "Tacnorra"


def test_an_agreed_round_whose_day_is_being_fixed_or_expected_soon_is_a_plan() -> None:
    for text in (
        "Chile and Peru are working out the dates for the next round of border talks.",
        "The next round between Chile and Peru is expected in the coming weeks.",
    ):
        [draft], _ = _drafts(text)
        assert draft.status == "announced", text


def test_wordings_close_to_a_plan_that_announce_nothing() -> None:
    for text in (
        "Qatar will host France and Argentina in the World Cup final on March 20, organisers said.",
        "Analysts doubt that the talks between Iran and the United States will go anywhere without sanctions relief.",
        "The aim of the summit between India and China is to resume border patrols, officials said.",
        "The only way to end the war is to hold talks between Russia and Ukraine, the Pope said on Sunday.",
        "Russia invited Ukraine to talks in Istanbul on March 20, but Kyiv rejected the offer.",
    ):
        assert _upcoming(text) == [], text


def test_a_quoted_source_and_a_border_dispute_are_not_roles_or_venues() -> None:
    [record] = _upcoming("Israel and Hamas, the mediators said, will resume talks in Cairo on March 20.")
    assert set(record.parties) == {"Israel", "Hamas"}
    [record] = _upcoming("Talks on the Armenia-Azerbaijan border dispute will be held in Moscow on March 20.")
    assert record.location == "Moscow"


def test_a_leading_place_where_a_speaker_talked_is_not_the_venue() -> None:
    text = (
        "In Moscow, the Kremlin spokesman told reporters that Russia's president would meet "
        "Turkey's president in Sochi on March 20."
    )
    [record] = _upcoming(text)
    assert record.location == "Sochi"


def test_a_moved_meeting_the_headline_does_not_name_makes_no_announcement() -> None:
    text = (
        "Russian and Ukrainian delegations held talks in Istanbul on Monday. Separately, a parliamentary "
        "meeting in Kyiv on the budget has been moved to March 20."
    )
    assert not [t for t in _upcoming(text, title="Delegations meet in Istanbul") if t.parties]


def test_a_passive_future_keeps_its_day() -> None:
    [record] = _upcoming(
        "Chile and Peru will hold talks in Lima, where they are expected to be concluded on March 20."
    )
    assert record.start_date == date(2031, 3, 20)


def test_a_region_of_a_country_is_a_venue_but_the_war_there_is_a_topic() -> None:
    [record] = _upcoming("Peace talks between Chile and Peru will resume on Friday in northern Bolivia.")
    assert record.location == "Bolivia"
    [record] = _upcoming("Russia and Ukraine will hold talks on Friday to end the war in eastern Ukraine.")
    assert record.location is None


def test_a_same_day_word_for_something_done_is_not_the_talks_day() -> None:
    text = "After a phone call this morning, the presidents of Chile and Peru agreed to meet in Lima on March 20."
    [record] = _upcoming(text)
    assert record.start_date == date(2031, 3, 20)


def test_a_region_named_for_the_war_is_no_venue() -> None:
    text = (
        "Russia and Ukraine will resume talks next week, officials said, as Russian forces pressed an "
        "offensive in eastern Ukraine."
    )
    [record] = _upcoming(text)
    assert record.location is None


def test_headlines_refusing_or_wishing_to_meet_are_no_plan() -> None:
    for title in (
        "Chile's president refuses to meet Peru's president",
        "Chile unlikely to meet Peru this year",
    ):
        entities, dates = extract_entities(title), find_dates(title, WEDNESDAY, headline=True)
        draft = headline_draft(title, WEDNESDAY, entities, dates)
        assert draft is None or draft.status != "announced" or draft.weak, title


def test_a_new_round_of_sanctions_is_no_talks() -> None:
    assert (
        _upcoming("A new round of EU sanctions on Russia is expected next week, diplomats in Brussels said.")
        == []
    )


def test_the_states_naming_a_border_venue_are_ruled_out_as_sides() -> None:
    title = "Chile, Argentina talks to be held Friday on Bolivia-Peru border"
    draft = headline_draft(
        title, WEDNESDAY, extract_entities(title), find_dates(title, WEDNESDAY, headline=True)
    )
    assert draft is not None
    assert set(draft.parties) == {"Chile", "Argentina"}
    assert {"Bolivia", "Peru"} <= draft.ruled_out
    [record] = _upcoming(
        "The ceasefire talks will be the second round, and Peru will provide security at the crossing, "
        "officials said.",
        title=title,
    )
    assert set(record.parties) == {"Chile", "Argentina"}


def test_the_state_whose_warring_factions_meet_is_not_a_side() -> None:
    [draft], _ = _drafts("Talks between Libya's warring factions will be held in Geneva on March 20.")
    assert "Libya" not in draft.parties
    assert "Libya" in draft.ruled_out
    [draft], _ = _drafts("The Libyan rival factions will meet in Geneva on March 20, officials said.")
    assert "Libya" not in draft.parties
    # a state's own name as a side stands, and "A and B factions" or "A and B generals" name sides
    [draft], _ = _drafts("Talks between Libya and Tunisia will be held in Geneva on March 20.")
    assert set(draft.parties) == {"Libya", "Tunisia"}
    [draft], _ = _drafts("Talks between Chile and Peruvian factions will be held in Lima on March 20.")
    assert set(draft.parties) == {"Chile", "Peru"}
    [draft], _ = _drafts(
        "Chilean and Peruvian generals will meet in Lima on March 20 for talks on the border."
    )
    assert set(draft.parties) == {"Chile", "Peru"}


def test_the_states_a_report_is_attributed_to_are_not_sides_or_venues() -> None:
    for text in [
        "Chile and Peru will hold talks in Lima on March 20, according to Norway and the United States.",
        "According to Norway and Qatar, talks between Chile and Peru will be held in Lima on March 20.",
        "Chile and Peru will hold talks in Lima on March 20, according to the United Arab Emirates and Oman.",
    ]:
        [record] = _upcoming(text)
        assert set(record.parties) == {"Chile", "Peru"}, text
        assert record.location == "Lima", text
    # a source that is the only other state named stays a side
    [record] = _upcoming("According to Chile, it will hold talks with Peru in Lima on March 20.")
    assert set(record.parties) == {"Chile", "Peru"}


def test_a_hyphenated_pair_before_war_is_the_subject_not_the_sides() -> None:
    [draft], _ = _drafts("Chile and Norway will meet in Oslo on March 20 to discuss the Peru-Bolivia war.")
    assert set(draft.parties) == {"Chile", "Norway"}
    assert {"Peru", "Bolivia"} <= draft.ruled_out
    for text in [
        "Peru-Bolivia talks will be held in Oslo on March 20, officials said.",
        "Peru-Bolivia war talks will be held in Oslo on March 20, officials said.",
        "Peru-Bolivia border dispute talks will open in Oslo on March 20.",
    ]:
        [draft], _ = _drafts(text)
        assert set(draft.parties) == {"Peru", "Bolivia"}, text


def test_a_host_receiving_its_counterpart_is_a_side_not_a_mediator() -> None:
    [record] = _upcoming(
        "Chile's president will host his Peruvian counterpart in Santiago on Friday for talks."
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert record.mediators == ()
    [record] = _upcoming("Norway will host talks between Chile and Peru in Oslo on Friday.")
    assert set(record.parties) == {"Chile", "Peru"}
    assert record.mediators == ("Norway",)


def test_where_a_war_is_fought_is_not_a_side() -> None:
    [draft], _ = _drafts("Leaders will hold a summit on ending the war in Bolivia in Lima on March 20.")
    assert "Bolivia" not in draft.parties
    assert "Bolivia" in draft.ruled_out
    # a side named as one stays, and a mention never rules out its own sides
    [draft], _ = _drafts("Chile and Peru will hold talks in Lima on March 20 on the war in Peru.")
    assert set(draft.parties) == {"Chile", "Peru"}
    assert not draft.ruled_out & set(draft.parties)


def test_a_journey_for_talks_in_the_present_tense_on_a_day_ahead_is_a_plan() -> None:
    [record] = _upcoming(
        "Chile's foreign minister arrives in Lima on Thursday for two days of talks with Peru."
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 13))
    # the past tense, or no day ahead, is no plan
    assert (
        _upcoming("Chile's foreign minister arrived in Lima on Thursday for two days of talks with Peru.")
        == []
    )
    assert _upcoming("Chile's foreign minister arrives in Lima for talks with Peru, officials said.") == []


def test_a_headline_stating_a_plan_in_full_announces_it_whatever_the_body_opens_with() -> None:
    title = "Chile, Peru to reopen talks in Lima"
    [record] = _upcoming(
        "The two sides last met two years ago. Officials said the new round would start on March 20.",
        title=title,
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 20))
    # ... but not a conditional one
    assert (
        _upcoming(
            "The two sides last met two years ago.", title="Chile, Peru to reopen talks when calm returns"
        )
        == []
    )


def test_the_two_sides_of_a_headline_meet_on_the_day_the_body_gives() -> None:
    [record] = _upcoming(
        "The two sides will meet on March 20, the Norwegian foreign ministry said.",
        title="Chile, Peru to meet in Oslo",
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert (record.location, record.start_date) == ("Oslo", date(2031, 3, 20))
    [draft], _ = _drafts("The two sides will meet on March 20, the Norwegian foreign ministry said.")
    assert draft.parties == []
    assert "Norway" in draft.ruled_out


def test_sides_named_far_from_the_talks_word_after_between() -> None:
    [draft], _ = _drafts(
        "The talks will take place in Geneva, Switzerland, on March 20 between Chile and Peru."
    )
    assert set(draft.parties) == {"Chile", "Peru"}
    assert "Switzerland" in draft.ruled_out  # the venue's country, set off by a comma
    # ... but a war between two states is still the subject
    [draft], _ = _drafts(
        "Talks will be held in Lima on March 20, focusing on the war between Bolivia and Ecuador."
    )
    assert draft.parties == []
    assert {"Bolivia", "Ecuador"} <= draft.ruled_out
    # a state named as a side keeps its place, whatever comma follows a venue
    [draft], _ = _drafts("Chile will meet Peru in Lima, Peru, on March 20.")
    assert set(draft.parties) == {"Chile", "Peru"}


def test_where_and_whom_a_past_meeting_met_are_no_venue_and_no_side() -> None:
    [record] = _upcoming(
        "The US envoy, who met Qatar's emir in Doha on Monday, will hold talks with Iranian officials "
        "in Muscat on Friday."
    )
    assert set(record.parties) == {"United States", "Iran"}
    assert (record.location, record.start_date) == ("Muscat", date(2031, 3, 14))


def test_an_unlisted_venue_keeps_its_particles() -> None:
    for place in ["Port el-Marsa", "Puerto de la Lago"]:
        [record] = _upcoming(f"Chile and Peru will hold talks in {place} on March 20.")
        assert record.location == place


def test_the_rules_of_this_round_do_not_overreach() -> None:
    body = "Chile and Peru held talks in Geneva in 2029. Analysts said the relationship has since soured."
    for title in [
        "Why Chile and Peru need to reopen talks in Geneva",
        "Chile rejects Peru call to reopen talks in Geneva",
        "Chile and Peru were to reopen talks in Geneva",
        "Chile and Peru to reopen talks in Geneva? Not so fast",
        "Chile and Peru football federations to hold talks in Geneva",
    ]:
        assert _upcoming(body, title=title) == [], title
    # a headline in the present tense also reports a trip made
    assert (
        _upcoming(
            "Chile's foreign minister arrived in Lima on Tuesday for talks with Peruvian envoys.",
            title="Chile's minister arrives in Peru Tuesday for talks",
        )
        == []
    )
    # a journey's day is ahead only right after the journey verb
    assert _upcoming("The minister arrives in Quito today after talks in Lima on Monday.") == []
    [record] = _upcoming(
        "Envoys from Chile and Norway will meet in Oslo on Friday to discuss the truce between Peru and Bolivia."
    )
    assert set(record.parties) == {"Chile", "Norway"}
    [record] = _upcoming("The next round of talks will be held in Santiago, Chile and Peru said on Tuesday.")
    assert set(record.parties) == {"Chile", "Peru"}
    [record] = _upcoming(
        "Norway's king will host his counterparts from Chile and Peru in Oslo on Friday for peace talks."
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert record.mediators == ("Norway",)
    [record] = _upcoming(
        "Negotiators will meet on Friday to discuss ending the war in Peru, Norwegian officials said.",
        title="Chile, Peru to hold talks in Oslo",
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert record.start_date == date(2031, 3, 14)
    [record] = _upcoming("The talks will be held in Lakeport as Chile and Peru seek a deal on water.")
    assert record.location == "Lakeport"
    assert set(record.parties) == {"Chile", "Peru"}


def test_a_reported_plan_keeps_its_venue_and_a_journey_its_talks_day() -> None:
    # "said the leaders would meet in X": the statement's words do not make X where it was said
    [record] = _upcoming("Officials said the leaders of Chile and Peru would meet in Lima on Monday.")
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 17))
    assert (
        _talks("The minister said on Tuesday in Lima that Chile and Peru had held talks.")[0].location
        != "Lima"
    )
    # plural journeys, and the arrival's day is not the talks' day
    [record] = _upcoming("Delegations from Chile and Peru arrive in Lima on Sunday ahead of talks on Monday.")
    assert (set(record.parties), record.location, record.start_date) == (
        {"Chile", "Peru"},
        "Lima",
        date(2031, 3, 17),
    )
    [record] = _upcoming(
        "Chile said on Wednesday it would send a delegation to Lima on Monday for talks with Peru."
    )
    assert (set(record.parties), record.start_date) == ({"Chile", "Peru"}, date(2031, 3, 17))


def test_an_offer_to_host_is_no_plan() -> None:
    text = "Oman said it was ready to host a new round of talks between Chile and Peru in Muscat on Friday."
    assert _upcoming(text) == []
    assert _upcoming(text.replace("was ready to host", "has offered to host")) == []
    [record] = _upcoming(text.replace("was ready to host", "will host"))
    assert record.mediators == ("Oman",)


def test_sport_chambers_and_carriers_are_not_diplomacy() -> None:
    body = (
        "Officials from the two federations will meet in Geneva on Friday to discuss the ban on away fans, "
        "the ministry said. The governments of both countries back the talks."
    )
    assert _upcoming(body, title="Chile, Peru football federations to meet in Geneva on Friday") == []
    assert (
        _upcoming(body.replace("federations", "cricket boards"), title="Chile, Peru cricket boards to meet")
        == []
    )
    assert (
        _upcoming(
            "The two chambers of commerce will meet in Lima on Friday to discuss border trade, businesses said.",
            title="Chile, Peru business chambers to meet in Lima",
        )
        == []
    )
    # a government's own talks keep the words "trade" and "company" in passing
    [record] = _upcoming(
        "The foreign ministers of Chile and Peru will meet in Lima on Friday to discuss trade, a company of "
        "diplomats said.",
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_the_next_round_agreed_at_the_end_of_the_last() -> None:
    body = (
        "Delegations from Chile and Peru met on Saturday in Quito and agreed to meet again next week in Lima, "
        "the mediators said on Monday.\n\nThe two sides discussed the border for six hours."
    )
    [record] = _upcoming(body, title="Chile, Peru end talks in Quito", published=date(2031, 3, 10))
    assert (set(record.parties), record.location) == ({"Chile", "Peru"}, "Lima")
    # with neither time nor place the next round is not yet a plan the decision is forced to take
    assert (
        _upcoming(
            "Chile and Peru held talks on Saturday and agreed to keep in touch.", published=date(2031, 3, 10)
        )
        == []
    )


def test_sides_topics_and_qualifiers_in_a_list() -> None:
    body = "The leaders will meet on Monday, officials said on Wednesday."
    [record] = _upcoming(body, title="Chile, Peru, Bolivia leaders to hold Ecuador summit in Lima on Monday")
    assert set(record.parties) == {"Chile", "Peru", "Bolivia"}
    # a state listed with the others is one of them, and a pair is always two sides
    [record] = _upcoming(body, title="Chile, Peru, Bolivia and Ecuador talks to open in Lima on Monday")
    assert set(record.parties) == {"Chile", "Peru", "Bolivia", "Ecuador"}
    [record] = _upcoming(body, title="Chile, Peru peace talks to resume in Quito on Monday")
    assert set(record.parties) == {"Chile", "Peru"}
    # "the Afghan Taliban" is one side: since August 2021, Afghanistan's government
    [record] = _upcoming(
        body.replace("Monday", "Saturday"),
        title="Pakistan, Afghan Taliban to resume talks in Istanbul on Saturday",
    )
    assert set(record.parties) == {"Pakistan", "Afghanistan"}


def test_a_government_and_its_opposition_and_listed_members() -> None:
    [record] = _upcoming(
        "Venezuela's government and the opposition will resume talks in Mexico City on Friday, Norway said."
    )
    assert set(record.parties) == {"Venezuela", "Venezuelan opposition"}
    said = extract_entities("Venezuela's government and opposition leader Ana Soto met.")
    assert {e.name for e in said if e.kind != "person"} == {"Venezuela"}
    [record] = _upcoming(
        "Foreign ministers of the United States, Chile, Peru and Bolivia will meet in Washington on Friday.",
        title="US to host Andean ministers",
    )
    assert set(record.parties) == {"United States", "Chile", "Peru", "Bolivia"}


def test_venues_the_city_table_misses() -> None:
    for place in ["New York", "Camp David", "Sharm el-Sheikh", "Zurich", "Sao Paulo"]:
        [record] = _upcoming(f"Chile and Peru will hold talks in {place} on Friday, officials said.")
        assert record.location is not None and record.location.replace("ü", "u").replace("ã", "a") == place
    [record] = _upcoming("Envoys of Chile and Peru will meet on Friday at the border village of Tacna.")
    assert record.location == "Tacna"


def test_a_move_both_headline_and_body_report_is_an_update() -> None:
    [record] = _upcoming(
        "A meeting of the committee overseeing the accord, which had been due on Thursday, has been postponed "
        "to next month, the ministry said.",
        title="Chile-Peru oversight meeting in Lima pushed back to April",
    )
    assert record.status == "rescheduled"


def test_an_invitation_naming_many_guests_before_its_meeting() -> None:
    [record] = _upcoming(
        "The UN chief has invited the leaders of Chile and Peru, together with the foreign ministers of "
        "Bolivia, Ecuador and Colombia, to an informal meeting in New York on the 28th and 29th."
    )
    assert (record.location, record.start_date, record.end_date) == (
        "New York",
        date(2031, 3, 28),
        date(2031, 3, 29),
    )


def test_denials_offers_and_experts() -> None:
    assert (
        _upcoming("Some media floated a false report that Chile and Peru will hold secret talks in Lima.")
        == []
    )
    assert (
        _upcoming("Bolivia's president offered on Wednesday to host talks between Chile and Peru in La Paz.")
        == []
    )
    assert (
        _upcoming(
            "More than 200 researchers, activists and NGOs from Chile and Peru will meet in Lima on Friday for "
            "a forum on the border, organisers said. Think tanks and civil society groups back it.",
        )
        == []
    )


def test_a_second_round_agreed_as_the_first_ends() -> None:
    [record] = _upcoming(
        "Chile and Peru have agreed to hold the second round of formal negotiations in Utrecht, the Netherlands, "
        "after wrapping up a first round in Oslo on Sunday, the Norwegian government, which facilitates the "
        "talks, said.",
        title="Chile, Peru wrap up first round in Oslo",
    )
    assert (set(record.parties), record.mediators, record.location) == (
        {"Chile", "Peru"},
        ("Norway",),
        "Utrecht",
    )


def test_seas_and_press_releases() -> None:
    [record] = _upcoming(
        "Officials of Chile and Peru will hold consultations on fishing in the South China Sea in Lima, Peru, "
        "from March 23 to 25, the ministry said."
    )
    assert (set(record.parties), record.location) == ({"Chile", "Peru"}, "Lima")
    [record] = _upcoming(
        "According to a press release issued by the Foreign Office here on Wednesday, the minister will hold "
        "talks with his Peruvian counterpart in Lima."
    )
    assert record.start_date is None


def test_this_rounds_rules_do_not_overreach() -> None:
    upcoming = [
        # sport, carriers, NGOs and experts named in passing
        (
            "Airlines halt flights as Chile and Peru agree to talks in Quito",
            "Chile and Peru will hold talks in Quito on Sunday, Ecuadorean officials said. Several airlines "
            "suspended flights this week. Chile's foreign minister will lead the delegation.",
        ),
        (
            "Chile and Peru leaders to meet at football qualifier in Lima",
            "The presidents of Chile and Peru will meet in Lima on Saturday before watching a football qualifier "
            "between their national teams, officials said.",
        ),
        (
            "Chile, Peru to hold border talks in Quito",
            "Chile and Peru negotiators will resume talks in Quito on Sunday, officials said. Aid NGOs said "
            "the situation was dire, and researchers and think tanks urged both sides to agree.",
        ),
        # an offer taken up
        (
            "Peru accepts Bolivia offer to host talks with Chile",
            "Peru has accepted Bolivia's offer to host talks with Chile in La Paz on Sunday, the ministry said.",
        ),
        # "false" that is not about the talks
        (
            "Chile to confront Peru at Quito talks",
            "Chile will hold talks with Peru in Quito on Monday to rebut Peru's false claims about the river, "
            "the minister said. The talks are hosted by Ecuador.",
        ),
        # a day of the month in other senses, a round counted, a plan "rather than ... as previously planned"
        (
            "Next round of Chile-Peru talks moved to Quito",
            "The next round of talks between Chile and Peru will take place in Quito next Tuesday rather than "
            "in Lima as previously planned, officials said on Wednesday.",
        ),
    ]
    for title, text in upcoming:
        assert _upcoming(text, title=title), title
    not_upcoming = [
        (
            "Quito meeting called off after clashes",
            "Chilean and Peruvian negotiators met in Lima on Saturday and agreed to meet again next week in "
            "Quito. On Tuesday, however, officials said the Quito meeting had been called off.",
        ),
        (
            "Second round of Chile-Peru talks ends in Quito without a deal",
            "The second round of talks between Chile and Peru ended in Quito on Tuesday without a deal. In "
            "January, the two sides had agreed to hold the second round in Quito after a first round in Lima.",
        ),
        (
            "",
            "In 2029, the foreign ministers of Chile and Peru met in Geneva and agreed to hold a second round "
            "in Vienna, but that round never took place. Relations have since soured.",
        ),
        (
            "",
            "Peru would send a delegation to the talks in Quito on Sunday if Chile formally invited it, a "
            "spokesman said. No invitation has been received.",
        ),
    ]
    for title, text in not_upcoming:
        assert _upcoming(text, title=title) == [], title or text
    # the arrival's day gives way only to the talks' own day, not to a later trip
    [record] = _upcoming(
        "The Chilean envoy travels to Lima on Monday for talks with Peruvian officials, and will return to "
        "Santiago on Friday, the ministry said."
    )
    assert record.start_date == date(2031, 3, 17)
    [record] = _upcoming(
        "A statement issued by Ecuador said talks between Chile and Peru will resume on Sunday in Quito."
    )
    assert record.start_date == date(2031, 3, 16)
    # a deadline is not the talks' day
    [record] = _upcoming(
        "Chile gave Peru until the 15th to accept the proposal, adding that negotiators will travel to Quito "
        "on Sunday for talks."
    )
    assert record.start_date == date(2031, 3, 16)
    # "<state> talks" is still talks with that state; a summit on a state is not
    [record] = _upcoming(
        "Chile, Peru and Bolivia will hold Ecuador talks in Quito on Friday, diplomats said."
    )
    assert set(record.parties) == {"Chile", "Peru", "Bolivia", "Ecuador"}
    # a government and its opposition that only welcome the news are not sides
    [record] = _upcoming(
        "Chile's government and the opposition both welcomed the news that Peru and Bolivia will meet in "
        "Quito on Friday."
    )
    assert "Chilean opposition" not in record.parties
    # a first name is not an armed group's acronym
    assert "Oromo Liberation Army" not in {e.name for e in extract_entities("Envoy Ola Nordmann said so.")}


def test_the_narrowed_rules_keep_plain_plans() -> None:
    upcoming = [
        # carriers of aircraft, business leaders in a leader's party, clauses joined by "and"
        (
            "Chile, Peru to hold talks in Quito",
            "Chilean and Peruvian negotiators will hold talks in Quito on Saturday, officials said. Chile has sent "
            "two aircraft carriers to the region and the two delegations will meet in separate rooms.",
        ),
        (
            "Chile's president to meet Peru's in Lima on Friday",
            "Chile's president, accompanied by business leaders, will meet Peru's president in Lima on Friday, "
            "the palace said. The two leaders will discuss trade.",
        ),
        # a round that fell through before this one, a leader never met before, reported agreements
        (
            "",
            "Chilean and Peruvian delegations will resume talks in Quito on Monday, after a round planned for "
            "January fell through, the Ecuadorean ministry said. Ecuador has hosted three rounds.",
        ),
        (
            "",
            "Chile's president will meet Peru's president in Quito on Thursday, a leader he has never met in "
            "person, Ecuadorean officials said. Ecuador will mediate.",
        ),
        (
            "",
            "Ecuador said on Wednesday that Chile and Peru had agreed to resume talks in Quito on Thursday. "
            "Bolivia will also take part, a spokesman said.",
        ),
        # a false report denied while the plan stands
        (
            "",
            "The ministry said there were false reports about a summit, but Chilean and Peruvian delegations "
            "will meet in Quito on Monday for technical talks.",
        ),
        # a counted meeting, not a day of the month
        (
            "",
            "Chilean and Peruvian negotiators will meet for the 12th, and possibly final, time in Quito on "
            "Saturday, officials said. The talks began last year.",
        ),
    ]
    for title, text in upcoming:
        assert _upcoming(text, title=title), text
    [record] = _upcoming(upcoming[-1][1])
    assert record.start_date == date(2031, 3, 15)
    not_upcoming = [
        # an agreed round whose day is behind us, or that waits on a condition
        (
            "",
            "Chilean and Peruvian delegations met in Lima on February 18 and agreed to meet again in Quito on "
            "February 27. Both sides said the process would take time.",
        ),
        (
            "",
            "Chile and Peru met in Quito on Monday and agreed to meet again in Quito if the truce holds, "
            "officials said. No date was set.",
        ),
        # moves that are history
        (
            "",
            "Talks between Chile and Peru, which had been postponed a week because of weather, opened in Quito "
            "on Tuesday, officials said.",
        ),
        (
            "",
            "A summit between Chile and Peru, postponed a month ago amid border clashes, remains on hold, "
            "officials said. No new date has been set.",
        ),
    ]
    for title, text in not_upcoming:
        assert _upcoming(text, title=title) == [], text
    # a month named before a bare day makes it that month's, not this one's
    [record] = _upcoming(
        "The next round of talks between Chile and Peru will be held in April, officials said. The delegations "
        "will arrive in Quito on the 14th, with talks on the 15th and 16th."
    )
    assert record.start_date is None
    # a list of sides after a venue is not the venue's address
    [record] = _upcoming(
        "The next round of talks will be held in Quito, the United States, Chile and Peru said on Tuesday. "
        "The talks will start on Monday."
    )
    assert set(record.parties) == {"United States", "Chile", "Peru"}


def test_sides_named_by_their_people_hosts_and_go_betweens() -> None:
    # "the leaders of the X and Y communities" are sides, though "of" often opens a topic
    [record] = _upcoming(
        "The UN chief has invited the leaders of the Greek Cypriot and Turkish Cypriot communities to an "
        "informal meeting in Geneva on March 20."
    )
    assert set(record.parties) == {"Greek Cypriots", "Turkish Cypriots"}
    # "Congo" alone is the Democratic Republic in news style
    [record] = _upcoming("Congo and M23 rebels will meet in Doha on Friday, Qatari officials said.")
    assert set(record.parties) == {"Democratic Republic of the Congo", "M23"}
    assert {e.name for e in extract_entities("the Republic of Congo said")} == {"Republic of the Congo"}
    # the government and the opposition of a country
    [record] = _upcoming(
        "Talks between the government and the opposition of Chile will resume in Lima on Friday."
    )
    assert set(record.parties) == {"Chile", "Chilean opposition"}
    # go-betweens listed before their role are not the sides met with
    [record] = _upcoming(
        "A Chilean team will travel to Quito on Sunday for talks with Peruvian and Bolivian mediators on a "
        "truce, officials said."
    )
    assert "Peru" not in record.parties and "Bolivia" not in record.parties
    # a host at its own table, and a host between two others
    [record] = _upcoming(
        "Chile will host the next round of tripartite negotiations with Peru and Bolivia in Santiago on "
        "March 20, the ministry said."
    )
    assert set(record.parties) == {"Chile", "Peru", "Bolivia"}
    [record] = _upcoming("Ecuador will host talks with Chile and Peru in Quito on Friday, diplomats said.")
    assert (set(record.parties), record.mediators) == ({"Chile", "Peru"}, ("Ecuador",))


def test_the_party_rules_keep_to_their_shapes() -> None:
    # a host between one side's ministers and the other's stays a go-between
    [record] = _upcoming(
        "Ecuador will host talks with Chile's foreign minister and Peru's foreign minister in Quito on "
        "Thursday, officials said."
    )
    assert (set(record.parties), record.mediators) == ({"Chile", "Peru"}, ("Ecuador",))
    [record] = _upcoming(
        "Ecuador will host talks with Chile's government and the ELN rebels in Quito on Friday."
    )
    assert "Ecuador" not in record.parties
    [record] = _upcoming(
        "Ecuador will host a new round of bilateral talks with Chile and Peru in Quito on March 24, the "
        "ministry said."
    )
    assert (set(record.parties), record.mediators) == ({"Chile", "Peru"}, ("Ecuador",))
    # states named before a mediator noun are sides unless named by their demonyms
    [record] = _upcoming("Chile will hold talks with Peru and US mediators in Lima on Monday, Santiago said.")
    assert {"Chile", "Peru"} <= set(record.parties)
    # far words are not a mediator's role; observers are not sides
    [record] = _upcoming(
        "Chile and Peru negotiators will resume discussions previously hosted by Ecuador in Quito on Monday, "
        "officials said."
    )
    assert (set(record.parties), record.mediators) == ({"Chile", "Peru"}, ("Ecuador",))
    [record] = _upcoming(
        "Chilean and Peruvian delegations will resume talks in Quito on Monday, with representatives of "
        "Bolivia attending as observers."
    )
    assert set(record.parties) == {"Chile", "Peru"}
    # "the opposition in X" may be the venue's name, not the country's opposition
    [record] = _upcoming(
        "Chile's president agreed to resume talks between the government and the opposition in Lima on "
        "Friday, mediators said."
    )
    assert "Peruvian opposition" not in record.parties
    # "Congo" in a story about the Republic of the Congo, and without its hyphen
    said = extract_entities("The Republic of Congo said Congo's president will host talks in Brazzaville.")
    assert {e.name for e in said if e.text == "Congo"} == {"Republic of the Congo"}
    assert {e.name for e in extract_entities("Congo Brazzaville and Angola will meet.")} == {
        "Republic of the Congo",
        "Angola",
    }


def test_meetings_of_unions_and_sport_bodies_are_not_diplomacy() -> None:
    assert not _upcoming(
        "Leaders of Chile's main transport unions will meet officials of the labour ministry on Thursday to "
        "negotiate over fuel prices, a union leader said.",
        title="Chile transport unions to meet government Thursday over fuel prices",
    )
    assert not _upcoming(
        "The Chile Football Association (CFA) said on Thursday it would hold talks with its Peruvian "
        "counterpart next week in Lima on travel arrangements for the qualifier.",
        title="Chile, Peru football bodies to discuss qualifier arrangements",
    )
    # named in passing, a union does not make talks between governments a labour story
    [record] = _upcoming(
        "Chile and Peru will hold talks in Lima on Friday on the border, as trade unions in both countries "
        "threatened strikes over fuel prices, officials said."
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_no_date_set_is_no_plan_and_adjourned_talks_are_over() -> None:
    assert not _upcoming(
        "Negotiators from Chile and Peru ended the sixth round of talks on Sunday, with no date set for a "
        "seventh round, the mediators said.",
        title="Chile, Peru talks adjourn in Lima; no date set for next round",
    )
    # a date set is a plan
    [record] = _upcoming(
        "A date has been set for the next round of talks between Chile and Peru in Lima on Friday."
    )
    assert record.start_date == date(2031, 3, 14)


def test_a_delay_keeps_the_new_time_and_drops_the_old_day() -> None:
    [record] = _upcoming(
        "Peace talks between Chile's government and the ELN, which Brazil had planned to convene in Lima this "
        "weekend, have been delayed and are now expected to take place later this month, diplomats said.",
        title="Chile peace talks in Lima delayed, diplomats say",
    )
    assert (record.status, record.start_date, record.location) == ("rescheduled", None, "Lima")
    # a venue moved, the day kept
    [record] = _upcoming(
        "The talks between Chile and Peru, originally set for Saturday in Quito, will now take place in Lima."
    )
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 15))


def test_a_minister_sent_for_talks_and_a_page_stamp() -> None:
    [record] = _upcoming(
        "World | Wed Mar 12, 2031 | 5:47pm EDT  LIMA (Wire) - Peru will send its foreign minister at the head "
        "of a delegation to Santiago for talks with Chilean officials on Friday, the government said.",
        title="Peru's top diplomat heads to Santiago for talks",
    )
    assert (set(record.parties), record.location, record.start_date) == (
        {"Peru", "Chile"},
        "Santiago",
        date(2031, 3, 14),
    )


def test_a_patron_is_not_a_side() -> None:
    [record] = _upcoming(
        "Yemen's government and the Iran-aligned Houthi movement will resume talks in Muscat on Sunday, the "
        "UN envoy's office said."
    )
    assert set(record.parties) == {"Yemen", "Houthis"}
    [record] = _upcoming(
        "Congo's government and M23 rebels backed by Rwanda will meet in Doha on Sunday, Qatar said."
    )
    assert "Rwanda" not in record.parties
    # a state that backs the talks themselves is no patron of a side: it stays what the rules read
    [record] = _upcoming("Rwanda-backed talks between Congo and Burundi will take place in Kigali on Sunday.")
    assert {"Democratic Republic of the Congo", "Burundi"} <= set(record.parties)


def test_named_formats_give_their_members() -> None:
    [record] = _upcoming(
        "Political advisers to the leaders of the Normandy Four countries will hold a meeting in Berlin on "
        "Friday, the Kremlin said."
    )
    assert (set(record.parties), set(record.mediators)) == ({"Russia", "Ukraine"}, {"Germany", "France"})
    [record] = _upcoming(
        "Negotiators from Iran and world powers will resume talks in Vienna on Friday on reviving the nuclear "
        "deal, diplomats said."
    )
    assert set(record.parties) == {"Iran", "United Kingdom", "France", "Germany", "China", "Russia"}
    # the European trio named first is the format, whatever the article recalls of the nuclear deal
    [record] = _upcoming(
        "Iran and the E3 will hold talks in Geneva on Friday, the foreign ministry said. The Joint "
        "Commission of the nuclear deal last met in Vienna.",
        title="Iran, European powers to hold talks in Geneva on Friday",
    )
    assert set(record.parties) == {"Iran", "United Kingdom", "France", "Germany"}
    # "world powers" outside an Iran story is no format
    [record] = _upcoming("Chile and Peru will meet in Lima on Friday, as world powers watch the dispute.")
    assert set(record.parties) == {"Chile", "Peru"}


def test_labour_and_sport_bodies_named_in_the_lead() -> None:
    assert not _upcoming(
        "ABUJA (Wire) -- Negotiations between the Federal Government and organised labour on a new minimum "
        "wage will resume on Thursday in Abuja, the Labour Congress said, after talks broke down last week. "
        "The government and the ministers said the president would attend.",
        title="Minimum wage talks to resume Thursday in Abuja",
    )
    assert not _upcoming(
        "Chile's cricket board and its Peruvian counterpart will hold talks in Lima on Friday to settle the "
        "tournament schedule, officials said, amid tensions between the two governments over a military "
        "incident. The two governments have not held bilateral talks since the incident."
    )
    assert not _upcoming(
        "More than 200 researchers, activists and representatives of non-governmental organisations from "
        "across the region will meet in Lima next week for a forum on security. No government delegations "
        "were invited, and armed groups and military authorities will not attend."
    )


def test_one_side_under_two_names_and_a_plan_as_it_stands() -> None:
    [record] = _upcoming(
        "The UN chief will host an informal meeting on Cyprus with the Greek Cypriot and Turkish Cypriot "
        "leaders and Greece, Turkey and the United Kingdom in Geneva on Friday, his spokesman said."
    )
    assert "Cyprus" not in record.parties and "Greek Cypriots" in record.parties
    # "has been set for" is the plan as it stands, not an old one
    [record] = _upcoming("The next round of talks between Chile and Peru has been set for Friday in Lima.")
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))


def test_a_weekday_far_from_its_future_verb() -> None:
    [found] = find_dates(
        "Peru will send its foreign minister at the head of a delegation of trade officials to Santiago "
        "for talks with Chilean officials on Friday.",
        WEDNESDAY,
    )
    assert found.start_date == date(2031, 3, 14)
    # a past verb between them keeps the day behind
    friday, _ = find_dates(
        "Peru will review in detail the accord on fisheries and border trade that its trade officials and "
        "customs negotiators signed with Chilean officials on Friday, the minister said on Wednesday.",
        WEDNESDAY,
    )
    assert (friday.text, friday.start_date) == ("Friday", date(2031, 3, 7))


def test_go_betweens_bodies_and_the_uninvited_are_not_sides() -> None:
    [record] = _upcoming(
        "Mediators from Qatar, Egypt and the United States are due to open a new round of talks between "
        "Israel and Hamas in Doha on Thursday, officials said."
    )
    assert set(record.parties) == {"Israel", "Hamas"}
    assert set(record.mediators) == {"Qatar", "Egypt", "United States"}
    # "the UN Support Mission in Libya" names a body, not the venue nor a side
    [record] = _upcoming(
        "The fourth round of talks between the Government of National Accord and the Libyan National Army "
        "will open on Monday, the UN Support Mission in Libya said.",
        title="Libya's rival commanders to meet in Geneva on Monday",
    )
    assert (set(record.parties), record.location) == (
        {"Government of National Accord", "Libyan National Army"},
        "Geneva",
    )
    # "neither X nor Y has been invited": not at the table
    [record] = _upcoming(
        "The presidents of Russia, Turkey and Iran will hold a summit in Baku on Monday. Neither the Syrian "
        "government nor the opposition has been invited to the meeting, an aide said.",
        title="Russia, Turkey, Iran leaders to hold summit in Baku on Monday",
    )
    assert set(record.parties) == {"Russia", "Turkey", "Iran"}


def test_one_side_each_for_a_government_and_its_rivals() -> None:
    # since August 2021 the Taliban govern Afghanistan: one side
    [record] = _upcoming(
        "Pakistan and Afghan Taliban delegations will resume talks in Istanbul on Saturday, officials of "
        "Afghanistan and Pakistan said.",
        published=date(2025, 10, 29),
    )
    assert set(record.parties) in ({"Pakistan", "Afghanistan"}, {"Pakistan", "Taliban"})
    # ... before then, two
    [record] = _upcoming(
        "The Afghan government and the Taliban will hold talks in Doha on Saturday, Afghanistan's "
        "negotiators said.",
        published=date(2020, 9, 9),
    )
    assert set(record.parties) == {"Afghanistan", "Taliban"}
    # "the opposition Unitary Platform" is the opposition, named
    [record] = _upcoming(
        "Venezuela's government and the opposition Unitary Platform will resume talks in Mexico City on "
        "Friday, Norway said."
    )
    assert set(record.parties) == {"Venezuela", "Unitary Platform"}
    [record] = _upcoming("The GRP and the NDFP will meet in Oslo on Friday, Norway said.")
    assert set(record.parties) == {"Philippines", "NDFP"}
    [record] = _upcoming("Mali and the Confederation of Sahel States will hold talks in Niamey on Friday.")
    assert "Alliance of Sahel States" in record.parties


def test_cyprus_formats() -> None:
    [record] = _upcoming(
        "The UN secretary-general has invited the leaders of the two Cypriot communities to an informal "
        "meeting in Geneva on March 17-18, his spokesman said.",
        title="UN to host informal meeting on Cyprus in Geneva",
    )
    assert set(record.parties) == {"Greek Cypriots", "Turkish Cypriots"}
    [record] = _upcoming(
        "The UN chief will convene an enlarged informal meeting on Cyprus in Geneva on Friday, with the "
        "guarantor powers attending, his spokesman said."
    )
    assert set(record.parties) == {"Greek Cypriots", "Turkish Cypriots", "Greece", "Turkey", "United Kingdom"}


def test_headlines_that_report_summon_or_join() -> None:
    # a headline in the present tense reports talks held
    assert not _upcoming(
        "The leaders of Chile and Peru held their first bilateral meeting on Tuesday in Lima, agreeing to "
        "continue negotiations on a border treaty, both governments said.",
        title="Chilean, Peruvian leaders hold first bilateral talks in Lima",
    )
    # summoned to a city for talks on a day: a plan stated by the headline alone
    [record] = _upcoming(
        "The European Union is stepping up pressure on both capitals, diplomats said. The EU envoy said the "
        "meeting would be about de-escalation first.",
        title="Serbian, Kosovo leaders summoned to Brussels for EU crisis talks on Thursday",
    )
    assert (set(record.parties), record.location, record.start_date) == (
        {"Serbia", "Kosovo"},
        "Brussels",
        date(2031, 3, 13),
    )
    # an invitation to "quoted" talks starting on a day ahead
    [record] = _upcoming(
        'Chile and Brazil have invited envoys of Peru and Bolivia to direct "pre-negotiation" talks in Lima '
        "starting on Saturday, the two governments said."
    )
    assert (set(record.parties), record.start_date) == ({"Peru", "Bolivia"}, date(2031, 3, 15))


def test_working_people_and_learned_bodies_are_not_diplomacy() -> None:
    assert not _upcoming(
        "Chile's air traffic controllers' union and the ministry of transport will hold talks on Friday to "
        "avert a strike, both sides said. The government said ministers would attend.",
        title="Air traffic controllers and ministry to hold talks on Friday",
    )
    assert not _upcoming(
        "Members of the Chilean Academy of Sciences and the Peruvian academy will meet in Lima on Thursday for "
        "a joint session, organisers said.",
        title="Chilean and Peruvian academies of sciences to meet in Lima",
    )


def test_formats_named_aside_or_beside_other_sides_leave_the_sides_alone() -> None:
    for body in (
        "Chile and Peru will hold talks in Lima on Friday, the first since the six-party talks collapsed.",
        "Iran and Chile will resume talks in Lima on Saturday, as world powers watch the nuclear file.",
        "Chile and Peru will hold talks in Lima on Friday, days after Quad foreign ministers met in Tokyo.",
        "Chile and Peru will hold talks in Lima on Friday, separate from the Geneva International Discussions.",
    ):
        [record] = _upcoming(body)
        assert set(record.parties) >= {"Chile"} and not {"Japan", "Russia", "Georgia"} & set(
            record.parties
        ), body
        assert not {"OSCE", "European Union"} & set(record.mediators), body
    # a side that is also one of the format's go-betweens stays a side when the format is aside
    [record] = _upcoming(
        "Moldova and Ukraine will hold talks in Chisinau on Friday on border security, with the 5+2 format "
        "talks still frozen."
    )
    assert set(record.parties) == {"Moldova", "Ukraine"}
    # "Iran and Oman ... their Joint Commission" is no nuclear format
    [record] = _upcoming("Iran and Oman will hold a meeting of their Joint Commission in Muscat on Sunday.")
    assert set(record.parties) == {"Iran", "Oman"}
    # hyphenated and "5+1" spellings are the formats themselves
    [record] = _upcoming("Political advisers will hold Normandy-format talks in Berlin on Friday.")
    assert set(record.parties) == {"Russia", "Ukraine"}
    [record] = _upcoming("Iran and the 5+1 group will hold nuclear talks in Vienna on Tuesday, the EU said.")
    assert set(record.parties) >= {"Iran", "China", "Russia", "United States"}


def test_background_strikes_and_labour_do_not_unmake_diplomacy() -> None:
    for body in (
        "Chile and Peru will hold talks in Lima on Thursday on border security, the foreign ministry said. "
        "Organised labour in Chile has threatened a strike over the cost of living.",
        "The leaders of Chile and Peru will meet in Lima on Monday under OAS mediation, where teachers will "
        "hold a strike the same day over unpaid salaries.",
        "The presidents of Chile and Peru will meet in Lima on Thursday, despite air traffic controllers who "
        "will hold a walkout that day.",
    ):
        assert _upcoming(body), body


def test_narrowed_status_and_date_cues() -> None:
    # a past day inside a clause of its own is not the talks' day
    [record] = _upcoming(
        "Chile will host talks with Peru in Santiago to consolidate the ceasefire that Brazilian and "
        "Argentine mediators brokered in the Argentine capital on Sunday, officials said."
    )
    assert record.start_date is None
    # an hour after the day is no web page stamp
    [record] = _upcoming("Chile and Peru will hold talks in Lima on Saturday 10:00 GMT, officials said.")
    assert record.start_date == date(2031, 3, 15)
    # "will be adjourned ... and resume" is no talks held
    assert not [
        t
        for t in _talks("Talks between Chile and Peru will be adjourned for Easter, officials said.")
        if t.status == "held"
    ]
    # "will join forces" is no meeting; a trip to a funeral is no talks
    assert not _upcoming(
        "Chilean and Peruvian leaders met in Lima on Tuesday for talks and said the two countries will join "
        "forces to seek a trade pact."
    )
    assert not _upcoming(
        "Chile will send its foreign minister to the funeral in Lima on Friday, and he met his Peruvian "
        "counterpart for talks last week."
    )
    # "will join the talks" and "will send its foreign minister ... for talks" are plans
    [record] = _upcoming("Chile's president will join talks with Peru in Lima on Thursday, his office said.")
    assert set(record.parties) == {"Chile", "Peru"}


def test_narrowed_side_cues() -> None:
    # a spaced dash is an aside, not a patron's hyphen
    [record] = _upcoming("Chile and Peru – supported by the UN – will hold talks in Lima on Friday.")
    assert set(record.parties) == {"Chile", "Peru"}
    # "which officials would take part" is not "not invited"
    [record] = _upcoming(
        "Chilean and Peruvian delegations will meet in Lima on Friday, Brazil said, adding that it did not yet "
        "know which officials from Peru would take part."
    )
    assert {"Chile", "Peru"} <= set(record.parties)
    # intra-Afghan talks keep both sides
    [record] = _upcoming(
        "Former Afghan government officials and the Taliban will meet in Doha on Friday, Qatar said.",
        published=date(2025, 3, 12),
    )
    assert {"Afghanistan", "Taliban"} <= set(record.parties)
    # a state and a body in a hyphenated pair are the sides; two bodies are a joint mission
    [record] = _upcoming("The prime minister will host the first Chile-EU summit in Lima on Friday.")
    assert set(record.parties) == {"Chile", "European Union"}


def test_the_next_rounds_venue_and_a_past_summits() -> None:
    [record] = _upcoming(
        "Negotiators for Chile and the ELN wrapped up the sixth round of talks in Lima on Saturday and agreed "
        "to meet again in Quito on the 20th of this month, the mediators said."
    )
    assert (record.location, record.start_date) == ("Quito", date(2031, 3, 20))
    # a plan with no round behind it keeps its nearest venue
    [record] = _upcoming(
        "Chile and Peru agreed to meet in Lima on Friday, after talks in Quito, officials said."
    )
    assert record.location == "Lima"
    [record] = _upcoming(
        "Chile and Peru have agreed to hold talks on Saturday, the first since a summit in Lima collapsed in "
        "February, a diplomat said. The talks will take place in Quito."
    )
    assert record.location == "Quito"


def test_a_round_named_by_its_number_or_alone_is_the_storys_round() -> None:
    [record] = _upcoming(
        "The 12th round of talks between Chile and Peru, which had been set for late June, has been moved to the "
        "autumn, the co-chairs said on Wednesday. The co-chairs said the round would take place in Lima as soon as "
        "travel allows."
    )
    assert record.location == "Lima"
    [record] = _upcoming("Chile and Peru said on Wednesday that the 12th round would open in Lima on Friday.")
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile and Peru said on Wednesday that the talks would open in Lima on Friday.",
        "Talks between Chile and Peru are to open in Lima on Friday.",
        "Chile and Peru said the talks would get under way in Lima on Friday.",
        "Talks between Chile and Peru will kick off in Lima on Friday.",
        "Talks between Chile and Peru will be hosted by Brazil in Lima on Friday.",
        "Chile and Peru have agreed to a meeting in Lima on Friday.",
        "Brazil has invited Chile and Peru to talks in Lima on Friday.",
        "Brazil invited the foreign ministers of Chile and Peru to Lima on Friday for talks.",
        "Chile and Peru accepted an invitation to talks in Lima on Friday.",
        "Chile and Peru confirmed they would attend talks in Lima on Friday.",
        "Chile and Peru will launch negotiations in Lima on Friday.",
        "Chile is sending a delegation to Lima on Friday for talks with Peru.",
        "A Chile-Peru summit is planned in Lima on Friday.",
        "The leaders of Chile and Peru meet in Lima on Friday.",
        "Talks between Chile and Peru resume in Lima on Friday.",
        "Talks between Chile and Peru get under way in Lima on Friday.",
        "Talks between Chile and Peru kick off in Lima on Friday, officials said.",
    ],
)
def test_plans_worded_many_ways(sentence: str) -> None:
    [record] = _upcoming(sentence)
    assert (set(record.parties), record.location, record.start_date) == (
        {"Chile", "Peru"},
        "Lima",
        date(2031, 3, 14),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile and Peru said on Wednesday that the deal would open the way to talks in Lima.",
        "Talks with Peru would open only if all prisoners are released first, Chilean officials said on Wednesday.",
        "Chile and Peru agreed to end security talks and move to talks between their ministers.",
        "The ministers agreed at a meeting in Lima on Friday to extend the truce.",
        # the present tense of teams, a negated or doubted intention, a crossing that opens
        "Chile and Peru meet in Lima on Saturday for a World Cup qualifier, with both coaches under pressure.",
        "Chile does not intend to meet Peruvian officials in Lima on Friday, its minister said.",
        "Analysts doubt that the leaders of Chile and Peru intend to meet any time soon.",
        "Border crossings between Chile and Peru are to open on Friday following an agreement reached at talks in "
        "Quito last week.",
        # a round said to be set, then called off by one side
        "Officials had said the round would take place in Lima on Sunday, but Peru pulled out on Saturday.",
    ],
)
def test_not_plans(sentence: str) -> None:
    assert _upcoming(sentence) == []


def test_speculation_alone_announces_nothing() -> None:
    text = (
        "Reports of a possible meeting between the intelligence chiefs of Chile and Peru in Lima drew cautious "
        "reactions on Wednesday. A newspaper reported that the two men could meet in the Peruvian capital in the "
        'coming weeks. Asked whether Brazil was preparing a meeting, its envoy said: "We do not rule anything out."'
    )
    assert _upcoming(text) == []


def test_a_football_body_summoning_federations_is_sport() -> None:
    text = (
        "UEFA summons Chilean and Peruvian federations to talks\n\n"
        "UEFA has invited officials of the football federations of Chile and Peru to its headquarters on Monday for "
        "talks on where to stage a youth qualifier. Both federations said they would send delegations. Clubs from the "
        "two countries have met before, and players have been kept apart in the draw since the league was founded."
    )
    assert _upcoming(text) == []


def test_a_new_round_agreed_for_next_week_said_yesterday_is_a_plan() -> None:
    # published on a Wednesday: "said on Tuesday" dates the statement, not a round behind us
    records = _upcoming(
        "Chile and Peru met on Monday in Lima and agreed to hold a new round of talks there next week, Brazil's "
        "foreign ministry said on Tuesday. The two delegations discussed a prisoner exchange, the ministry said."
    )
    assert records and {"Chile", "Peru"} <= set(records[0].parties)


def test_a_go_between_convening_the_sides_and_sides_awaited() -> None:
    [record] = _upcoming(
        "Brazil will convene delegations of the Chilean government and the Peruvian opposition in Lima on Friday "
        "to unblock the security arrangements, its envoy said."
    )
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))
    [record] = _upcoming(
        "The delegations of Chile and Peru are awaited in Lima on Friday for a new session of negotiations under "
        "the mediation of Brazil."
    )
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))


@pytest.mark.parametrize(
    "text",
    [
        # an offer with an aside is still an offer
        "Brazil said on Wednesday it stands ready, as always, to host and facilitate any dialogue between Chile "
        "and Peru, but no invitation has been issued.",
        # a date set for an election is not the talks'
        "Analysts said neither Chile nor Peru had an incentive to talk before the election, scheduled for November.",
        # sport boards and a strike's talks
        "Chile, Peru cricket chiefs to meet in Lima\n\nThe heads of the cricket boards of Chile and Peru are due "
        "to meet in Lima on Friday to settle a dispute over venues for the tournament, officials said. The squads "
        "have not played a series since the World Cup.",
        "Chile's health ministry and the association of nurses are due to resume talks in Lima on Friday in a bid "
        "to end a strike that has disrupted hospitals, the ministry said.",
    ],
)
def test_offers_other_events_sport_and_strikes_announce_nothing(text: str) -> None:
    assert _upcoming(text) == []


def test_a_convener_is_a_go_between_and_qualifying_participles_are_no_past() -> None:
    [record] = _upcoming(
        "Brazil will convene delegations of the Chilean government and the main armed opposition in the Peruvian "
        "capital on Friday to unblock stalled security arrangements, the envoy's office said on Wednesday."
    )
    assert "Brazil" in record.mediators and "Brazil" not in record.parties
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))
    # "self-declared" is no statement; Somaliland negotiates as a side of its own
    [record] = _upcoming(
        "Djibouti will host a new round of talks between Somalia's federal government and the self-declared "
        "republic of Somaliland next Wednesday, the ministry said on Wednesday."
    )
    assert set(record.parties) == {"Somalia", "Somaliland"}
    assert record.start_date == date(2031, 3, 19)


def test_remits_postponements_to_a_season_and_plans_without_sides() -> None:
    # "talks between A and B hosted by C": C is the go-between, not A or B
    [record] = _talks(
        "Talks between Chile and Peru hosted by Brazil in Quito ended their third round on Monday."
    )
    assert "Chile" not in record.mediators and "Brazil" in record.mediators
    # "the UN envoy for X has invited ...": X is the envoy's remit, not a go-between
    [record] = _upcoming(
        "The UN envoy for Chile has invited the Chilean government and the Peruvian opposition to talks in Lima on "
        "Friday."
    )
    assert "Chile" not in record.mediators
    # postponed until after a holiday: a new time, without a day
    records = _talks(
        "Chile-Peru border meeting postponed until after Eid\n\nA meeting of the Chilean-Peruvian joint committee, "
        "which had been scheduled for Sunday in Lima, has been postponed until after the Eid al-Adha holiday, an "
        'official said on Wednesday. The meeting will still be held in Lima, and the new date will be fixed "in the '
        'days following the Eid", he added.'
    )
    assert records[0].status == "rescheduled" and records[0].location == "Lima"
    # a plan stated in full but for its sides is the event, not a round held elsewhere
    records = _upcoming(
        "The UN mission will convene the joint military commission in Lima between 10 and 12 April, the mission "
        "said on Wednesday. Separately, talks between Chile and Peru hosted by Brazil in Quito ended their third "
        "round on Monday without a final agreement."
    )
    assert (records[0].location, records[0].start_date) == ("Lima", date(2031, 4, 10))
    # "informed on Wednesday" dates a statement
    [record] = _upcoming(
        "Delegations of Chile and Peru are due to meet in Lima later this month, the press service informed on "
        "Wednesday."
    )
    assert record.start_date is None


@pytest.mark.parametrize(
    ("sentence", "venue"),
    [
        ("Chile and Peru will hold talks in the Saudi city of Jeddah on Friday.", "Jeddah"),
        (
            "Chile and Peru will hold talks in the Egyptian resort of Sharm el-Sheikh on Friday.",
            "Sharm el-Sheikh",
        ),
        ("Chile and Peru will hold talks in the Swiss city on Friday.", None),
        ("Chile and Peru will hold talks in neutral Switzerland on Friday.", "Switzerland"),
        ("Chile and Peru will hold talks in the Kazakh capital on Friday.", "Astana"),
        ("The negotiators of Santiago and Lima will meet in Quito on Friday.", "Quito"),
    ],
)
def test_a_demonym_placing_the_venue_is_no_side(sentence: str, venue: str | None) -> None:
    [record] = _upcoming(sentence)
    assert (set(record.parties), record.location) == ({"Chile", "Peru"}, venue)


@pytest.mark.parametrize(
    "text",
    [
        "The finance committee will convene next year to review the budget, the speaker of Chile's parliament said.",
        "The electoral commission will convene on Friday to certify the results of the election in Chile.",
        "The football teams of Chile and Peru meet in Lima on Friday, as diplomats from both countries remain in "
        "talks about the border.",
    ],
)
def test_domestic_bodies_and_teams_announce_nothing(text: str) -> None:
    assert _upcoming(text) == []


def test_go_betweens_listed_after_by() -> None:
    [record] = _upcoming(
        "Talks between Chile and Peru hosted by Brazil and Ecuador will open in Quito on Friday."
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert set(record.mediators) == {"Brazil", "Ecuador"}
    [record] = _upcoming(
        "Brazil will convene Chilean and Peruvian delegations in Quito on Friday for a new round."
    )
    assert set(record.parties) == {"Chile", "Peru"} and "Brazil" in record.mediators


@pytest.mark.parametrize(
    "text",
    [
        # consultations about holding a summit are no summit; nor is a meeting neither side agreed to
        "The deputy ministers of Chile and Peru agreed to continue consultations on holding a summit at a "
        "mutually convenient time, the ministry said.",
        "The envoy said he intended to bring Chile and Peru back to the table, but neither side had yet agreed "
        "to a meeting.",
        # a parliament convening, a coalition being formed, a business forum, a readiness to host
        "Chile's parliament will convene for an extraordinary session on Friday to discuss the Lima talks.",
        "Chilean coalition talks to resume Monday\n\nNegotiations on forming a new Chilean government will resume "
        "on Monday in Santiago, the informateur said.",
        "Ministers to attend investment forum in Lima\n\nMinisters and investors from Chile and Peru will gather in "
        "Lima next week for an investment forum, and investors would hold talks with the governments, companies "
        "said.",
        "The foreign minister reaffirmed on Wednesday Brazil's readiness to host talks between Chile and Peru.",
        # a verbless readout heading over a round already held
        "On political consultations between the foreign ministries of Chile and Peru\n\nThe ministry informs "
        "that on 10 March political consultations between the foreign ministries of Chile and Peru were held in "
        "Lima.",
    ],
)
def test_lookalikes_announce_nothing(text: str) -> None:
    title, _, body = text.rpartition("\n\n")
    assert _upcoming(body, title=title) == []


def test_plans_in_translated_and_buried_wording() -> None:
    [record] = _upcoming(
        "The delegation of the government and the ELN communicated that the new cycle of conversations will be "
        "realized the days March 19-20 in the city of Quito, with the guarantor countries."
    )
    assert (record.location, record.start_date) == ("Quito", date(2031, 3, 19))
    # worded as a plan (a weak one: the article-level decision weighs it)
    [draft], _ = _drafts(
        "The spokesperson confirmed that a Chilean delegation would travel to Lima later this month for a new "
        "round of talks with Peruvian representatives."
    )
    assert draft.status == "announced" and {"Chile", "Peru"} <= set(draft.parties)
    [record] = _upcoming(
        "Brazil and Ecuador on Tuesday formally invited delegations of Chile and Peru to Quito next Monday for "
        "talks on a truce."
    )
    assert (record.location, record.start_date) == ("Quito", date(2031, 3, 17))
    records = _talks(
        "The resumption of negotiations between Chile and Peru in Quito has been moved from Thursday to Friday, "
        "Brazil confirmed."
    )
    assert (records[0].status, records[0].start_date) == ("rescheduled", date(2031, 3, 14))
    # a headline that leads with the plan, the round just ended behind it
    records = _upcoming(
        "The ministers of Chile and Peru will meet in Brasilia later this month, after technical talks in Lima "
        "ended on Sunday.",
        title="Brazil to host Chile, Peru ministers after technical talks end without deal",
    )
    assert records and records[0].location == "Brasilia"


def test_the_3_plus_3_platform_and_a_separate_bodys_meeting() -> None:
    [record] = _upcoming(
        "Azerbaijan will host the next meeting of the 3+3 regional platform in Baku on Friday, the ministry said."
    )
    assert set(record.parties) == {"Azerbaijan", "Armenia", "Russia", "Turkey", "Iran"}
    # a members' meeting the article mentions separately does not make the body the event's side
    records = _upcoming(
        "Negotiators of Chile and Peru will meet in Lima on Friday, the ministry said. Separately, the foreign "
        "minister is due in Quito this week for a meeting of ASEAN foreign ministers."
    )
    assert "ASEAN" not in records[0].parties


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        (
            "Peace negotiations between the government and the NDFP will resume in Oslo on Friday, Norway said.",
            {"Philippines", "NDFP"},
        ),
        (
            "The government's peace dialogue panel and the BRN will meet in Kuala Lumpur on Friday, Malaysia said.",
            {"Thailand", "Barisan Revolusi Nasional"},
        ),
        (
            "The government and the EMBF will open a new cycle of talks in Cali on Friday.",
            {"Colombia", "EMBF"},
        ),
        # a side abroad, or no government named: nothing added
        ("Talks between the government and Hamas will resume in Cairo on Friday.", {"Hamas"}),
    ],
)
def test_the_government_facing_a_non_state_side_is_its_home_state(sentence: str, sides: set[str]) -> None:
    [draft], _ = _drafts(sentence)
    assert set(draft.parties) == sides


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "A meeting of Chile and Peru planned for Friday in Lima will no longer take place as scheduled, the "
            "ministry said.",
            "",
        ),
        (
            "Chile on Wednesday turned down a proposal by Brazil for a mediation visit to Santiago from Friday.",
            "",
        ),
        ("Peru has rejected a UN proposal to resume round-table talks with Chile in Geneva next month.", ""),
        (
            "Brazil's president said he was ready to host a summit of Chile and Peru. Lima said it had no plans.",
            "Brazil renews offer to host Chile-Peru summit",
        ),
        (
            "The Federal Government and the lecturers' union will resume negotiations on Friday in Lima, officials "
            "said.",
            "Lecturers' strike: government, lecturers to resume talks Friday",
        ),
        (
            "Chile's board officials and Peru's board officials will meet in Lima on Friday over the Asia Cup venue, "
            "the ICC said.",
            "Chile, Peru board officials to meet over Asia Cup venue",
        ),
        (
            'The EU representative said the bloc "stands ready" to convene Chile and Peru once a new government is '
            "in place in Lima.",
            "",
        ),
    ],
)
def test_refusals_offers_and_labour_announce_nothing(text: str, title: str) -> None:
    assert _upcoming(text, title=title) == []


def test_a_company_owned_abroad_makes_no_side() -> None:
    [draft], _ = _drafts(
        "The ministry of Chile and a Peruvian-owned mining company will hold talks in Santiago on Friday."
    )
    assert "Peru" not in draft.parties


def test_a_deal_in_x_is_the_topic_and_negotiators_gathering_head_the_story() -> None:
    [record] = _upcoming(
        "Brazilian mediators will convene Chilean and Peruvian negotiators in the resort town this weekend for a "
        "new round of talks on a ceasefire and prisoner release deal in Arica, sources said.",
        title="Truce negotiators to gather in Lima this weekend - sources",
    )
    assert record.location == "Lima"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # the lone side's counterpart at home, named further down
        (
            "Colombia's government and the rebels will resume peace talks in Quito on Friday, the mediators said. "
            "The ELN, the country's last active guerrilla, said its delegation would arrive on Thursday.",
            {"Colombia", "ELN"},
        ),
        # a non-state side's home state, worded as its junta or military council
        (
            "The Arakan Army will send a delegation to Kunming for talks with the military council on Saturday, "
            "Chinese mediators said.",
            {"Myanmar", "Arakan Army"},
        ),
        # indirect talks: the other side sends its own delegation to the venue
        (
            "Israel will send a delegation to Cairo on Sunday for talks with Egyptian and Qatari mediators on a "
            "ceasefire. Hamas will send its own delegation to the Egyptian capital, an official said.",
            {"Israel", "Hamas"},
        ),
        # "the panel on X": X is the panel's remit, a side all the same
        (
            "The African Union's high-level panel on Ethiopia will convene representatives of the federal "
            "government and the TPLF in Addis Ababa on Friday.",
            {"Ethiopia", "Tigray People's Liberation Front"},
        ),
        # ministers of two blocs, one named with its acronym in brackets
        (
            "Ministers from the Economic Community of West African States (ECOWAS) and the Alliance of Sahel "
            "States (AES) are slated to meet in Niamey on Friday.",
            {"ECOWAS", "Alliance of Sahel States"},
        ),
    ],
)
def test_a_lone_side_finds_its_counterpart(text: str, sides: set[str]) -> None:
    [record] = _upcoming(text)
    assert set(record.parties) == sides


def test_a_lone_side_meets_the_capitals_state_not_a_name_unrelated_to_it() -> None:
    [record] = _upcoming(
        "Chile will send a delegation to Lima on Sunday for talks. Hamas said it was not involved."
    )
    assert record.parties == ("Chile", "Peru")


def test_a_pair_of_sides_takes_a_third_only_when_the_role_model_is_sure() -> None:
    text = "Chile and Peru will hold talks in Quito on Friday. Brazil will also attend the talks in Quito."
    c = candidates(text, "", WEDNESDAY, extract_entities(text), find_dates(text, WEDNESDAY))
    found = _primary(c, WEDNESDAY)
    assert found is not None
    primary = found[1]

    class Roles:
        """Rates Chile and Peru sure sides and Brazil a side with probability `brazil`."""

        def __init__(self, brazil: float) -> None:
            self.brazil = brazil

        def probabilities(self, features: dict[str, float]) -> dict[str, float]:
            name = next(n for n, f in c.names.items() if f is features)
            party = {"Chile": 0.9, "Peru": 0.9, "Brazil": self.brazil}.get(name, 0.0)
            return {"party": party, "mediator": 0.0, "venue": 0.0, "other": 1.0 - party}

    assert set(primary.parties) == {"Chile", "Peru"}
    unsure = _with_roles(primary, c, Roles(0.55), set())  # type: ignore[arg-type]
    assert set(unsure.parties) == {"Chile", "Peru"}
    sure = _with_roles(primary, c, Roles(0.8), set())  # type: ignore[arg-type]
    assert set(sure.parties) == {"Chile", "Peru", "Brazil"}


def test_a_demonym_naming_the_conflict_or_the_chair_is_no_side() -> None:
    [record] = _upcoming(
        "Talks on the Transnistrian conflict in the 5+2 format will take place in Bratislava next week, the "
        "Slovak OSCE Chairmanship announced."
    )
    assert set(record.parties) == {"Moldova", "Transnistria"}
    [record] = _upcoming(
        "Chile and Peru will meet in Quito on Friday to discuss the Bolivian question, the Ecuadorian presidency said."
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_de_facto_states_are_sides() -> None:
    [record] = _upcoming(
        "Negotiators from Chisinau and Tiraspol will meet in Bender on Friday, the OSCE said."
    )
    assert set(record.parties) == {"Moldova", "Transnistria"}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # one rival named in the plan, the other further down
        (
            "Sudan's army will send a delegation to Jeddah on Thursday for talks with Saudi and US mediators. "
            "The RSF said it would attend.",
            {"Sudanese Armed Forces", "RSF"},
        ),
        # the state named for its two rival sides, who are named further down
        (
            "Libya's rival legislative chambers will resume talks in Bouznika on Monday under Moroccan mediation. "
            "The House of Representatives and the High Council of State failed to agree on an election law last "
            "year.",
            {"House of Representatives", "High Council of State"},
        ),
        # the state beside its two rival sides is no side of its own
        (
            "Talks between Sudan, the Sudanese Armed Forces and the RSF will open in Jeddah on Friday.",
            {"Sudanese Armed Forces", "RSF"},
        ),
        # a possessive only qualifies the side
        (
            "Libya's House of Representatives will meet the High Council of State in Bouznika on Friday.",
            {"House of Representatives", "High Council of State"},
        ),
    ],
)
def test_standing_rivals_are_the_sides(text: str, sides: set[str]) -> None:
    [record] = _upcoming(text)
    assert set(record.parties) == sides


def test_a_state_with_another_state_keeps_its_place_beside_its_rivals() -> None:
    [record] = _upcoming(
        "Libya and Egypt will hold border talks in Cairo on Friday. The House of Representatives and the High "
        "Council of State are at odds over the budget."
    )
    assert set(record.parties) == {"Libya", "Egypt"}


def test_a_state_whose_warring_parties_meet_stands_for_its_sides() -> None:
    [record] = _upcoming(
        "Yemen's warring parties will meet in Muscat on Sunday for talks on releasing detainees. The Houthis "
        "said they were ready."
    )
    assert set(record.parties) == {"Yemen", "Houthis"}
    [record] = _upcoming(
        "Sudan's warring generals will send delegations to Jeddah on Sunday for talks. The RSF and the Sudanese "
        "Armed Forces both confirmed."
    )
    assert set(record.parties) == {"Sudanese Armed Forces", "RSF"}


def test_sides_sending_delegations_announce_talks() -> None:
    [record] = _upcoming("Chile and Peru will send delegations to Lima on Sunday for talks.")
    assert set(record.parties) == {"Chile", "Peru"}
    assert record.start_date == date(2031, 3, 16)


def test_a_host_described_in_a_relative_clause_is_a_go_between() -> None:
    [record] = _upcoming(
        "Chile and Peru will meet in Quito on Sunday. Ecuador, which has long carried messages between the two "
        "and has hosted previous rounds, will again host and help facilitate the talks, officials said."
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert "Ecuador" in record.mediators


def test_sides_returning_to_the_negotiating_table_announce_talks() -> None:
    [record] = _upcoming("Chile and Peru will return to the negotiating table in Lima on Monday.")
    assert (set(record.parties), record.location, record.start_date) == (
        {"Chile", "Peru"},
        "Lima",
        date(2031, 3, 17),
    )
    # urged to return: a call, not a plan
    assert _upcoming("Brazil urged Chile and Peru to return to the negotiating table in Lima.") == []


def test_investiture_talks_at_home_announce_nothing() -> None:
    title = "Socialists and separatists resume investiture talks in Lima"
    text = (
        "Negotiators from Chile's Socialist Party and a separatist party will meet again in Lima this week in an "
        "effort to close a deal on the investiture, sources in both parties said."
    )
    assert _upcoming(f"{title}\n\n{text}", title=title) == []


def test_sponsors_named_by_demonym_are_go_betweens() -> None:
    [record, *_] = _talks(
        "Chile and Peru agreed at the end of Monday's meeting in Lima to hold the next round of talks in Quito, at "
        "a date to be set later, under Brazilian and US sponsorship."
    )
    assert set(record.parties) == {"Chile", "Peru"}
    assert {"Brazil", "United States"} <= set(record.mediators)


def test_invited_sides_listed_with_a_description_near_a_venue() -> None:
    [record] = _upcoming(
        "The envoy has invited Chile, the Peruvian opposition movement, Bolivia and Ecuador to a second "
        "round-table meeting on March 21-22 near Geneva."
    )
    assert set(record.parties) == {"Chile", "Peruvian opposition", "Bolivia", "Ecuador"}
    assert (record.location, record.start_date) == ("Geneva", date(2031, 3, 21))


def test_a_confederation_at_the_table_speaks_for_its_members() -> None:
    [record] = _upcoming(
        "The ministers of the Confederation of the Sahel States (AES) and the ministers of the Economic Community "
        "of West African States (ECOWAS) will meet in Bamako on Thursday, after the withdrawal of Mali, Burkina "
        "Faso and Niger from ECOWAS. Mali's foreign minister will co-chair the meeting."
    )
    assert set(record.parties) == {"Alliance of Sahel States", "ECOWAS"}


def test_the_state_a_lone_side_visits_for_talks_is_the_other_side() -> None:
    [record] = _upcoming(
        "Chinese Foreign Minister Wang Yi will arrive in Lima on Monday on a two-day visit during which he will "
        "hold boundary talks with his counterpart, the Peruvian foreign ministry said."
    )
    assert set(record.parties) == {"China", "Peru"}
    # ... not the state that only hosts the talks as a go-between
    [record] = _upcoming(
        "Chile will send a delegation to Quito on Sunday for talks with Ecuadorian mediators, the ministry said."
    )
    assert record.parties == ("Chile",)


def test_talks_among_parties_on_forming_a_government_announce_nothing() -> None:
    title = "Ruling party to open coalition talks with rivals this week"
    text = (
        "Chile's ruling party will hold talks with rival parties this week on forming a government after losing "
        "its majority, its secretary general said on Monday."
    )
    assert _upcoming(f"{title}\n\n{text}", title=title) == []
    # the lead says so even with the other parties named between
    assert LEAD_ACTORS.search("will hold talks with rival parties this week on forming a government")


def test_the_day_of_a_decision_is_not_the_talks_day() -> None:
    [record] = _upcoming("Chile and Peru agreed on Wednesday to hold talks in Lima in early April.")
    assert record.start_date is None
    [record] = _upcoming("Chile and Peru agreed on Wednesday to hold talks in Lima on Friday.")
    assert record.start_date == date(2031, 3, 14)


def test_long_delayed_talks_due_to_open_are_announced() -> None:
    title = "Long-delayed Chile-Peru talks to open in Lima on Saturday"
    [record] = _upcoming(
        f"{title}\n\nNegotiations between Chile and Peru will begin in Lima on Saturday, the ministry said.",
        title=title,
    )
    assert (record.status, record.start_date) == ("announced", date(2031, 3, 15))


def test_a_plans_own_day_beside_the_word_of_its_announcement() -> None:
    # "announced that it will host on Sunday": the plan's day, not the statement's
    [record] = _upcoming(
        "The Chilean ministry announced that it will host on Sunday in Santiago a meeting with Peru."
    )
    assert record.start_date == date(2031, 3, 16)
    # "on 28-29 October, announced today the minister": the statement has its own day
    [record] = _upcoming(
        "The next round of talks between Chile and Peru will take place in Lima on 28-29 October, announced today "
        "the deputy minister."
    )
    assert record.start_date == date(2031, 10, 28)


def test_the_border_meeting_point_of_corps_commanders_is_a_venue() -> None:
    [record] = _upcoming(
        "The next round of corps commander-level talks between India and China will be held on Sunday at the "
        "Chushul-Moldo border meeting point, officials said."
    )
    assert (record.location, record.start_date) == ("Chushul-Moldo", date(2031, 3, 16))


def test_a_state_and_a_body_leading_into_the_plan_are_the_sides() -> None:
    [record] = _upcoming(
        "Chile and the European Union will hold the next round of trade talks in Brussels on Friday."
    )
    assert set(record.parties) == {"Chile", "European Union"}
    # a body that only reports the plan is no side
    [record] = _upcoming("The African Union said Chile and Peru will meet in Lima on Friday.")
    assert set(record.parties) == {"Chile", "Peru"}


def test_a_host_state_gives_way_to_its_city_named_as_the_venue() -> None:
    [record] = _upcoming(
        "Ecuador will host the second round of talks between Chile and Peru in Quito on Monday."
    )
    assert (record.location, record.mediators) == ("Quito", ("Ecuador",))
    [record] = _upcoming("Ecuador will host the second round of talks between Chile and Peru on Monday.")
    assert record.location == "Ecuador"


def test_where_an_earlier_deal_was_agreed_is_not_the_venue() -> None:
    [record] = _upcoming(
        "Chile and Peru will meet on Sunday to discuss the exchange of prisoners agreed in Quito last December."
    )
    assert record.location is None


def test_a_round_agreed_with_its_place_and_an_open_day_is_announced() -> None:
    [record] = _upcoming(
        "The round of talks between Chile and Peru ended in Lima on Tuesday, with the two delegations agreeing "
        "to meet again in Quito. No date has been fixed."
    )
    assert (set(record.parties), record.location, record.start_date) == ({"Chile", "Peru"}, "Quito", None)


def test_sport_bodies_named_in_the_lead_announce_nothing() -> None:
    title = "Board officials to meet in Lima next week over the cup venue"
    text = (
        "Officials of the Chile Cricket Board and the Peruvian Cricket Federation will meet in Lima next week to "
        "discuss where next year's cup will be played, an official said on Thursday. Government officials said "
        "the bilateral meeting was welcome."
    )
    assert _upcoming(f"{title}\n\n{text}", title=title) == []


@pytest.mark.parametrize(
    "text",
    [
        "Chile did not rule out a meeting with Peru in Lima next week.",
        "Officials would not say whether a meeting with Peru will take place in Lima next week.",
        "Chile urged Peru to hold talks in Lima next week.",
    ],
)
def test_speculation_questions_and_calls_are_no_plans(text: str) -> None:
    assert _upcoming(text) == []


def test_a_plan_after_a_question_is_still_read() -> None:
    [record] = _upcoming(
        "Chile and Peru will decide whether talks will resume, and will meet in Lima on Monday."
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_a_bodys_own_summit_in_the_headline_outweighs_states_its_agenda_lists() -> None:
    title = "ECOWAS leaders to meet in Abuja on Sunday"
    text = (
        "West African heads of state will gather in Abuja on Sunday for an ordinary summit of the Economic "
        "Community of West African States (ECOWAS), with the planned departure of Mali, Burkina Faso and Niger "
        "from the bloc at the top of the agenda, the ECOWAS Commission said on Thursday."
    )
    [record] = _upcoming(f"{title}\n\n{text}", title=title)
    assert record.parties == ("ECOWAS",)


def test_sides_that_will_have_a_meeting_announce_it() -> None:
    [record] = _upcoming(
        "The representatives of Chile and Peru will have a meeting on Friday in Lima, the bureau informs."
    )
    assert (set(record.parties), record.location, record.start_date) == (
        {"Chile", "Peru"},
        "Lima",
        date(2031, 3, 14),
    )


def test_a_union_of_states_is_no_labour_union() -> None:
    title = "Chile, Peru and European Commission to hold gas transit talks in Brussels on Monday"
    text = (
        "Chile and Peru will hold a new round of trilateral talks on gas transit in Brussels on Monday, the "
        "European Commission said, with two months left before the transit contract expires. The meeting will be "
        "chaired by the Commission's vice-president for the energy union, with the energy minister of each side. "
        "The ten-year transit contract between the two countries ends in December, a minister said."
    )
    [record] = _upcoming(f"{title}\n\n{text}", title=title)
    assert {"Chile", "Peru"} <= set(record.parties)


def test_the_body_a_state_negotiates_to_join_is_the_other_side() -> None:
    [record] = _upcoming("Moldova will formally open EU accession negotiations on Tuesday in Luxembourg.")
    assert set(record.parties) == {"Moldova", "European Union"}


def test_the_caspian_littoral_states_meet_as_a_format() -> None:
    [record] = _upcoming(
        "The Special Working Group on the Caspian Sea will meet in Ashgabat on Friday, the ministry said."
    )
    assert set(record.parties) == {"Azerbaijan", "Iran", "Kazakhstan", "Russia", "Turkmenistan"}


@pytest.mark.parametrize(
    "text",
    [
        "The board will have a meeting on Monday to approve the annual budget, the company said.",
        "The carmaker and the union will return to the negotiating table on Monday.",
    ],
)
def test_plans_worded_without_a_talks_verb_need_a_side(text: str) -> None:
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # a non-state side's home state named as its possessive is its counterpart, not a qualifier,
        # and the host whose officials speak is no side
        (
            "Ethiopia's Tigray People's Liberation Front will send negotiators to Pretoria on Monday for African "
            "Union-brokered talks, South Africa's foreign ministry said.",
            {"Ethiopia", "Tigray People's Liberation Front"},
        ),
        (
            "Colombia's ELN will send negotiators to Havana on Monday for talks, Cuban officials said.",
            {"Colombia", "ELN"},
        ),
        # the speakers do not stand in for a state's warring sides
        (
            "Sudan's warring generals will meet in Jeddah on Friday for ceasefire talks, Saudi Arabia and the "
            "United States said in a joint statement.",
            {"Sudanese Armed Forces", "RSF"},
        ),
    ],
)
def test_counterparts_at_home_and_warring_sides(text: str, sides: set[str]) -> None:
    [record] = _upcoming(text)
    assert set(record.parties) == sides


def test_where_a_deal_was_agreed_is_not_the_venue_of_talks_to_implement_it() -> None:
    [record] = _upcoming(
        "Chile and Peru will hold talks on Friday to implement a deal agreed in Quito last year."
    )
    assert record.location is None


def test_two_sides_discussing_a_states_warring_parties_stay_the_sides() -> None:
    [record] = _upcoming(
        "Chile and Peru will hold talks in Lima on Friday on how to bring Bolivia's warring parties back to the "
        "table, officials said."
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_the_side_that_travels_to_the_talks_is_one_side() -> None:
    [record] = _upcoming(
        "A delegation from the Southern African Development Community will travel to Maseru on Friday for "
        "talks with the military authorities on the transition timetable, the bloc said."
    )
    assert set(record.parties) == {"SADC", "Lesotho"}
    # ... and the hosts it travels to meet, worded as such, are the other
    [record] = _upcoming(
        "A team of Georgia's border commission will travel to Yerevan on Friday for two days of talks with "
        "its hosts on the delimitation of the frontier, the government said."
    )
    assert set(record.parties) == {"Georgia", "Armenia"}


def test_a_joint_bodys_meeting_between_two_states_names_them_as_sides() -> None:
    [record] = _upcoming(
        "A meeting of the Joint Security Mechanism (JSM) between Kenya and Uganda is scheduled for March 20 "
        "in Kampala, the foreign ministry said on Tuesday."
    )
    assert set(record.parties) == {"Kenya", "Uganda"}
    assert (record.location, record.start_date) == ("Kampala", date(2031, 3, 20))


def test_a_round_moved_to_a_new_time_keeps_the_new_time_not_the_old_day() -> None:
    [record] = _upcoming(
        "The spokesman said the round of talks between Chad and Niger, which had been due to open in "
        "Niamey on Thursday, would now take place next week."
    )
    assert record.status == "rescheduled"
    assert (record.location, record.start_date) == ("Niamey", None)
    # ... but a venue moved alone keeps the day
    [record] = _upcoming(
        "The round of talks between Chad and Niger, originally planned for Niamey on Saturday, will now take "
        "place in N'Djamena, the ministry said on Wednesday."
    )
    assert record.start_date == date(2031, 3, 15)


def test_a_formal_invitation_for_a_round_at_a_stated_place_announces_it() -> None:
    [record] = _upcoming(
        "Switzerland has sent invitations to the government of Colombia and the ELN for a formal round in "
        "Geneva in the first week of April, the Swiss foreign ministry said."
    )
    assert record.location == "Geneva"
    assert "ELN" in record.parties


def test_a_mediation_that_resumes_is_talks() -> None:
    [record] = _upcoming(
        "The AU-led mediation between the government of Ethiopia and the TPLF will resume in Nairobi on "
        "Monday, the mediators said in a statement."
    )
    assert record.location == "Nairobi"
    assert record.start_date == date(2031, 3, 17)


def test_something_else_put_off_indefinitely_does_not_cancel_a_moved_round() -> None:
    text = (
        "A meeting of the joint commission between Chad and Sudan that was due to take place in Abeche on "
        "Tuesday has been pushed back to Thursday, the mission said on Wednesday.\n\n"
        "Elections planned for December were postponed indefinitely."
    )
    [record] = _upcoming(text)
    assert record.status == "rescheduled"
    assert record.start_date == date(2031, 3, 13)
    # ... while talks put off indefinitely are
    assert not _upcoming(
        "The round of talks between Chad and Sudan that was due on Tuesday has been postponed indefinitely, "
        "the mission said on Wednesday."
    )


def test_both_sides_unnamed_in_the_sentence_are_the_ones_the_article_names_most() -> None:
    text = (
        "Fishermen from Senegal were detained off Nouadhibou on Monday, Mauritania's coast guard said.\n\n"
        "The joint fisheries commission, made up of officials from both governments, is expected to meet in "
        "Dakar on March 20, officials in Nouakchott and Dakar said.\n\n"
        "Senegal says its boats were fishing legally; Mauritania disputes that."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Senegal", "Mauritania"}
    # ... a state with one standing pair of rivals stands for them
    [record] = _upcoming(
        "The UN envoy on Cyprus will host a meeting of the two leaders in Nicosia on Monday, the spokesperson said."
    )
    assert set(record.parties) == {"Greek Cypriots", "Turkish Cypriots"}


def test_a_facilitator_described_in_a_relative_clause_is_no_side() -> None:
    [record] = _upcoming(
        "The Royal Norwegian Government, which has served as third-party facilitator of the talks since 2001, "
        "has sent invitations to the government and the NDFP for a formal round in Oslo next week."
    )
    assert "Norway" not in record.parties
    assert set(record.parties) == {"Philippines", "NDFP"}


def test_regions_named_with_a_state_in_them_are_not_the_state() -> None:
    names = {e.name for e in extract_entities("A Latin America week ahead: a Central America summit")}
    assert "United States" not in names
    assert {"Latin America", "Central America"} <= names


def test_a_capital_after_a_named_building_is_the_place_not_its_state() -> None:
    entities = extract_entities("The leaders will meet at State House, Nairobi, on Monday, Kyiv said.")
    assert [(e.kind, e.name) for e in entities] == [("place", "Nairobi"), ("country", "Ukraine")]


def test_a_question_whether_talks_would_be_held_is_no_plan() -> None:
    assert not _upcoming(
        "The president will travel to Lisbon for the funeral on Friday. Asked whether the president would hold "
        "talks with the prime minister of Portugal on the sidelines, a spokesman said no meeting was foreseen."
    )


def test_talks_ended_without_a_date_for_the_next_meeting_announce_nothing() -> None:
    text = (
        "Delegations of Serbia and Kosovo ended two days of talks in Brussels on Tuesday without setting a date "
        "for their next meeting, EU officials said."
    )
    assert not _upcoming(text, title="Serbia, Kosovo talks end with no date for next meeting")
    # ... while a round moved to a time still vague, "without giving a date", is still moved
    [record] = _upcoming(
        "The round of talks between Serbia and Kosovo will now be held in Brussels in April, the EU said, "
        "without giving a date."
    )
    assert record.status == "rescheduled"


def test_mediators_who_will_receive_the_delegations_announce_the_talks() -> None:
    [record] = _upcoming(
        "Qatari mediators will receive delegations from Hamas and Israel in Doha on Sunday for indirect talks "
        "on the truce, two officials said on Wednesday."
    )
    assert set(record.parties) == {"Hamas", "Israel"}
    assert (record.location, record.start_date) == ("Doha", date(2031, 3, 16))


def test_a_transfer_of_power_is_no_football_transfer() -> None:
    text = (
        "Bills for electricity will be paid to the Kosovo company from next month, after the transfer of the "
        "grid to an operator that the government set up.\n\n"
        "The dispute is likely to come up when the chief negotiators of Serbia and Kosovo meet in Brussels on "
        "Tuesday for the next session of the dialogue, an EU spokesperson said."
    )
    [record] = _upcoming(text)
    assert record.location == "Brussels"


def test_the_old_plans_day_gives_way_to_the_new_one_in_the_same_sentence() -> None:
    [record] = _upcoming(
        "The next meeting of the border commissions of Georgia and Armenia, which had been scheduled for "
        "Friday, 14 March, will take place one week later, on 21 March, in Tbilisi, the ministry said."
    )
    assert record.start_date == date(2031, 3, 21)


def test_a_journey_with_an_aside_before_the_meeting_is_still_a_journey_for_talks() -> None:
    [record] = _upcoming(
        "The minister told reporters that he would travel to Ottawa 'pasado manana' - the day after tomorrow "
        "- together with the defence minister, for a meeting of the bilateral security group with Canada."
    )
    assert (record.location, record.start_date) == ("Ottawa", date(2031, 3, 14))


def test_the_talks_day_follows_the_journey_day_after_a_long_body_name() -> None:
    [record] = _upcoming(
        "A delegation of Kenya led by the foreign minister will travel to Kampala on Monday for a meeting of "
        "the Joint Permanent Commission with the government of Uganda on Tuesday, officials said."
    )
    assert record.start_date == date(2031, 3, 18)


def test_travelling_to_the_capital_names_the_capital_of_the_state_at_the_table() -> None:
    [record] = _upcoming(
        "A delegation from Puntland will travel to the capital on Saturday for talks with the federal "
        "government on the election timetable, officials from both sides said."
    )
    assert set(record.parties) == {"Somalia", "Puntland"}
    assert record.location == "Mogadishu"


def test_the_two_sides_meeting_at_a_stated_time_and_place_are_the_sides_the_article_names() -> None:
    text = (
        "Serbia and Kosovo traded accusations on Monday over the arrest of a police officer.\n\n"
        "The row is likely to come up when the two sides' chief negotiators meet in Brussels on Tuesday, "
        "an EU spokesperson said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert (record.location, record.start_date) == ("Brussels", date(2031, 3, 18))


def test_a_place_after_tensions_in_is_the_topic_not_the_venue() -> None:
    [record] = _upcoming(
        "The EU will host the chief negotiators of Serbia and Kosovo in Brussels on Friday for emergency talks "
        "aimed at calming tensions in Kosovo's north, the spokesperson said."
    )
    assert record.location == "Brussels"


def test_a_weekday_of_next_week_is_that_weeks_day() -> None:
    [record] = _upcoming(
        "Serbia and Kosovo negotiators will meet in Brussels on Thursday next week, the EU spokesperson said."
    )
    assert record.start_date == date(2031, 3, 20)  # WEDNESDAY is 12 March: not the 13th


def test_delegations_that_will_return_to_a_venue_for_a_round_announce_it() -> None:
    [record] = _upcoming(
        "Delegations of Libya's two rival legislative bodies, the House of Representatives and the High "
        "Council of State, will return to the Moroccan resort of Bouznika on Monday for a second round of talks."
    )
    assert set(record.parties) == {"House of Representatives", "High Council of State"}
    assert (record.location, record.start_date) == ("Bouznika", date(2031, 3, 17))


def test_a_committee_of_a_states_warring_parties_moved_to_a_new_day_is_an_update() -> None:
    [record] = _upcoming(
        "A meeting of the committee overseeing the exchange of prisoners between Yemen's warring parties, "
        "due to begin in Amman on Thursday, has been pushed back to Sunday, the UN envoy's office said.\n\n"
        "It brings together the government and the Houthi movement."
    )
    assert record.status == "rescheduled"
    assert set(record.parties) == {"Yemen", "Houthis"}
    assert record.start_date == date(2031, 3, 16)


def test_korea_alone_is_the_south_and_a_breakaway_region_after_and_is_a_side() -> None:
    assert [e.name for e in extract_entities("Korea, Japan and China agreed")] == [
        "South Korea",
        "Japan",
        "China",
    ]
    [record] = _upcoming(
        "The chief negotiators of Moldova and the unrecognised Transdniestrian region will meet on Friday in "
        "Bender, the OSCE mission said."
    )
    assert set(record.parties) == {"Moldova", "Transnistria"}


def test_talks_that_enter_another_day_are_under_way() -> None:
    assert not _upcoming(
        "The envoy could travel to the region next week, officials said, though no trip has been scheduled.",
        title="Gaza ceasefire talks in Doha enter fourth day",
    )


def test_a_central_banks_rate_meeting_and_teacher_unions_talks_are_no_diplomacy() -> None:
    assert not _upcoming(
        "NAIROBI, March 12 - The Central Bank of Kenya's Monetary Policy Committee will meet on Thursday and is "
        "expected to cut its benchmark rate again, economists said. Kenya ended talks with an IMF team last month."
    )
    assert not _upcoming(
        "ACCRA - Ghana's three main teacher unions will meet government officials on Monday for talks over pay, "
        "the unions said, as a strike threat looms.",
        title="Teacher unions, government to hold talks on Monday",
    )


def test_a_union_with_another_state_and_the_un_keep_a_story_diplomatic() -> None:
    text = (
        "NICOSIA - An informal meeting between the Greek Cypriot and Turkish Cypriot leaders, which had been "
        "scheduled for Monday, has been postponed to Tuesday, March 18, the United Nations said.\n\n"
        "Sources in the Greek Cypriot government blamed scheduling issues; the UN envoy said nothing.\n\n"
        "Cyprus has licensed energy companies to search for gas. The island was split in 1974 after a coup "
        "aimed at union with Greece."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Greek Cypriots", "Turkish Cypriots"}
    assert record.start_date == date(2031, 3, 18)


def test_a_press_advisorys_venue_line_gives_the_venue() -> None:
    text = (
        "MEDIA ADVISORY\n"
        "The mediation between the Government of South Sudan and the SSOMA alliance, convened by Kenya, will "
        "resume on Thursday, 13 March 2031.\n"
        "Venue: Safari Park Conference Centre, Thika Road, Nairobi\n"
        "Programme: 09:30 opening session"
    )
    [record] = _upcoming(text)
    assert record.location == "Nairobi"
    assert record.start_date == date(2031, 3, 13)


def test_an_offer_to_host_if_both_sides_agreed_is_still_an_offer() -> None:
    assert not _upcoming(
        "The president offered mediation between Armenia and Azerbaijan, saying Ankara was ready to host "
        "talks if both sides agreed.",
        title="President offers mediation",
    )


def test_a_place_of_tensions_where_the_talks_meet_is_the_venue() -> None:
    [record] = _upcoming(
        "Diplomats arrived amid rising tensions in Vienna, where Iran and the European Union will hold talks "
        "on Monday."
    )
    assert record.location == "Vienna"


def test_a_capital_after_a_named_house_is_the_venue() -> None:
    [record] = _upcoming(
        "The prime minister of India will hold talks with the president of Nepal at Hyderabad House, "
        "New Delhi on Monday."
    )
    assert record.location == "New Delhi"


def test_both_sides_of_a_war_are_its_standing_rivals_not_the_source() -> None:
    [record] = _upcoming(
        "Fighting in Sudan has killed hundreds. Both sides will send delegations to Jeddah for talks on "
        "Saturday, Saudi Arabia said."
    )
    assert set(record.parties) == {"Sudanese Armed Forces", "RSF"}


def test_a_taliban_delegation_to_its_hosts_is_afghanistan_meeting_them() -> None:
    [record] = _upcoming(
        "A delegation from the Taliban administration will travel to Tashkent next week for talks with its "
        "hosts on a trans-Afghan railway, officials said.",
        published=date(2031, 3, 12),
    )
    assert set(record.parties) == {"Afghanistan", "Uzbekistan"}


def test_a_named_commission_between_two_states_names_them() -> None:
    [record] = _upcoming(
        "The Joint Permanent Commission between Namibia and Botswana will meet in Windhoek on 20 March."
    )
    assert set(record.parties) == {"Namibia", "Botswana"}


def test_a_host_named_as_a_side_stays_a_side() -> None:
    [record] = _upcoming(
        "Laos and Vietnam will hold a meeting of their joint border commission in Vientiane from 20 to 22 "
        'March, the Lao foreign ministry said. "The session will be hosted by the Lao side," it said.'
    )
    assert set(record.parties) == {"Laos", "Vietnam"}
    assert record.mediators == ()


def test_a_travelling_delegation_meets_the_state_it_arrives_in() -> None:
    [record] = _upcoming(
        "KATHMANDU - A Nepali delegation led by its water secretary will arrive in India on Sunday for the "
        "annual meeting of the joint water committee to be held in New Delhi on Monday, officials said."
    )
    assert set(record.parties) == {"Nepal", "India"}
    assert (record.location, record.start_date) == ("New Delhi", date(2031, 3, 17))


def test_a_committee_on_a_matter_between_two_sides_names_them() -> None:
    [record] = _upcoming(
        "A meeting of the joint committee on the release of detainees between the Sudanese army and the RSF "
        "has been moved to Monday, the envoy's office said."
    )
    assert set(record.parties) == {"Sudanese Armed Forces", "RSF"}
    assert (record.status, record.start_date) == ("rescheduled", date(2031, 3, 17))


def test_invitations_sent_to_a_round_table_at_a_place_announce_it() -> None:
    [record] = _upcoming(
        "The envoy has sent invitations to Serbia, Kosovo and Albania to a round-table meeting in Vienna in "
        "early April, a spokesperson said."
    )
    assert set(record.parties) == {"Serbia", "Kosovo", "Albania"}
    assert record.location == "Vienna"


def test_an_exploratory_round_is_talks() -> None:
    [record] = _upcoming(
        "Negotiators for Sofia and Skopje will hold an exploratory round in Ohrid on March 20."
    )
    assert set(record.parties) == {"Bulgaria", "North Macedonia"}
    assert (record.location, record.start_date) == ("Ohrid", date(2031, 3, 20))


def test_a_movement_negotiating_with_its_government_and_its_home_state() -> None:
    [named] = _upcoming("Manila and the MILF will meet in Kuala Lumpur on Monday to review the peace deal.")
    [alone] = _upcoming(
        "The MILF will hold talks with the government in Kuala Lumpur on Monday, its chairman said."
    )
    assert set(named.parties) == set(alone.parties) == {"Philippines", "MILF"}


def test_delhi_as_a_venue_is_the_capital() -> None:
    [record] = _upcoming("India and Bhutan will hold boundary talks in Delhi on Friday, officials said.")
    assert record.location == "New Delhi"


def test_a_proposal_to_two_sides_to_host_them_is_no_plan() -> None:
    records = _talks(
        "Oman has proposed to the Yemeni government and the Houthis to host a new round of consultations in "
        "Muscat, sources said."
    )
    assert [r.status for r in records] == ["proposed"]


def test_a_government_and_a_consortium_negotiate_business() -> None:
    assert not _upcoming(
        "Zambia's government and the consortium building the copper railway will resume negotiations in "
        "Lusaka on Monday, the ministry said.",
        title="Zambia, railway consortium to resume talks on Monday",
    )


def test_translated_copy_reinstalling_a_dialogue_table_plans_it() -> None:
    [record] = _upcoming(
        "The dialogue table between the Government of Nicaragua and the Civic Alliance will be reinstalled "
        "on Friday in Managua, the nuncio informed."
    )
    assert set(record.parties) == {"Nicaragua", "Civic Alliance for Justice and Democracy"}
    assert (record.location, record.start_date) == ("Managua", date(2031, 3, 14))


def test_an_invitation_to_meet_at_a_place_on_a_day_announces_it() -> None:
    [record] = _upcoming(
        "The Secretary-General has invited the foreign ministers of Belize and Guatemala to meet at UN "
        "headquarters in New York on Friday, his spokesman said."
    )
    assert set(record.parties) == {"Belize", "Guatemala"}
    assert (record.location, record.start_date) == ("New York", date(2031, 3, 14))


def test_a_go_between_bringing_two_sides_together_next_week() -> None:
    [record] = _upcoming(
        "The African Union will bring together the Somali government and Puntland in Nairobi on Tuesday and "
        "Wednesday next week, the AU said."
    )
    assert set(record.parties) == {"Somalia", "Puntland"}
    assert (record.start_date, record.end_date) == (date(2031, 3, 18), date(2031, 3, 19))


def test_talks_no_longer_in_one_city_but_in_another_moved_there() -> None:
    [record] = _upcoming(
        "The talks between Kosovo and Serbia will no longer take place in Brussels but in Ohrid, on the "
        "same date, March 20, the EU said."
    )
    assert (record.status, record.location, record.start_date) == ("rescheduled", "Ohrid", date(2031, 3, 20))


def test_a_delegation_travelling_on_a_day_to_review_an_agreement_plans_talks() -> None:
    [record] = _upcoming(
        "QUITO - A Peruvian delegation will travel to Quito next Monday, March 17, to review the border "
        "agreement with Ecuador, the foreign ministry said."
    )
    assert set(record.parties) == {"Peru", "Ecuador"}
    assert (record.location, record.start_date) == ("Quito", date(2031, 3, 17))


def test_the_two_governments_after_relations_between_a_pair_are_that_pair() -> None:
    [record] = _upcoming(
        "Relations between Hanoi and Beijing have improved, and the two governments are due to resume "
        "maritime talks in Kunming next month."
    )
    assert set(record.parties) == {"Vietnam", "China"}
    assert record.location == "Kunming"


def test_the_stories_round_moved_to_a_new_place_and_day_is_an_update() -> None:
    [record] = _upcoming(
        "Tirana and Athens began talks mediated by the EU last year, the first negotiations between the two "
        "governments on the sea border. The fourth round, which had been due in Brussels on Friday, will "
        "instead take place in Vienna on Monday, the EU said."
    )
    assert record.status == "rescheduled"
    assert set(record.parties) == {"Albania", "Greece"}  # "talks mediated by the EU": the EU mediates
    assert (record.location, record.start_date) == ("Vienna", date(2031, 3, 17))
    assert record.mediators == ("European Union",)


def test_translated_copy_realizing_a_meeting_plans_it() -> None:
    [record] = _upcoming(
        "LIMA - The presidents of Peru and Chile will realize a second meeting on this Friday in Arica, "
        "informed today the Peruvian presidency."
    )
    assert set(record.parties) == {"Peru", "Chile"}
    assert (record.location, record.start_date) == ("Arica", date(2031, 3, 14))


def test_a_meeting_postponed_to_early_in_a_month_is_moved_though_its_day_is_open() -> None:
    records = _upcoming(
        "The OAS has postponed a meeting to review the border agreement between Belize and Guatemala, which "
        "had been scheduled for next week in Washington, to early May, officials said on Wednesday. No exact "
        "date has been fixed."
    )
    assert [(r.status, r.start_date) for r in records] == [("rescheduled", None)]


def test_a_meeting_no_longer_held_in_a_city_but_by_video_later_is_moved() -> None:
    records = _upcoming(
        "The next meeting of the Vietnam-China joint working group will no longer be held in Hanoi next week "
        "but will be conducted by videoconference in mid-April, the ministry said."
    )
    assert [(r.status, set(r.parties), r.start_date) for r in records] == [
        ("rescheduled", {"Vietnam", "China"}, None)
    ]


def test_a_standing_organs_sitting_is_no_talks_between_sides() -> None:
    assert not _upcoming(
        "NEW YORK - The UN Security Council will hold closed consultations on Cyprus on Friday at the request "
        "of Greece, diplomats said."
    )


def test_called_off_without_a_reason_or_a_new_date_is_no_move() -> None:
    assert not _upcoming(
        "A meeting of the foreign ministers of Laos, Cambodia and Vietnam that was to be held in Hanoi next "
        "week has been called off, the ministry said, without giving a reason or a new date."
    )


def test_a_courts_hearings_between_two_states_are_no_talks() -> None:
    assert not _upcoming(
        "THE HAGUE - The International Court of Justice will open public hearings in the dispute between Chile "
        "and Bolivia over the Silala waters on Monday, the court announced. The hearings will run for two "
        "weeks, with each side presenting two rounds of oral arguments. Bolivia, as the applicant, will open "
        "the first round. The foreign minister of Chile said the country was ready.",
        title="ICJ to open hearings in Chile-Bolivia water case on Monday",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The festival in Cannes next week will bring together filmmakers from France, Italy and Senegal.",
        "The wedding will bring together the royal families of Jordan and Morocco in Amman on Saturday.",
        "Fans are invited to meet at the stadium gates at noon on Sunday before the match between Argentina "
        "and Brazil.",
        "Alumni of the American University are invited to meet at the Cairo campus on Friday for the reunion.",
    ],
)
def test_gatherings_that_bring_people_together_or_invite_them_to_meet_are_no_talks(text: str) -> None:
    assert not _upcoming(text)


def test_a_state_named_only_by_its_people_is_neither_side_nor_go_between() -> None:
    [record] = _upcoming(
        "Mexico and the United States will hold migration talks in Washington on Friday. Mexico will bring "
        "figures on the deportation of Guatemalan and Honduran nationals, the minister said at the meeting's "
        "announcement."
    )
    assert set(record.parties) == {"Mexico", "United States"}
    assert record.mediators == ()


def test_invitations_sent_for_a_round_table_announce_it() -> None:
    [record] = _upcoming(
        "Invitations have been sent to Armenia and Azerbaijan for a round table in Vienna on April 3, the OSCE said."
    )
    assert set(record.parties) == {"Armenia", "Azerbaijan"}
    assert (record.location, record.start_date) == ("Vienna", date(2031, 4, 3))


def test_a_committee_on_a_matter_between_two_states_that_will_convene() -> None:
    [record] = _upcoming(
        "A technical committee on water sharing between India and Bangladesh will convene in Dhaka next Monday."
    )
    assert set(record.parties) == {"India", "Bangladesh"}
    assert (record.location, record.start_date) == ("Dhaka", date(2031, 3, 17))


def test_in_this_capital_is_the_datelines_city() -> None:
    [record] = _upcoming(
        "NAIROBI, March 12 - Envoys of Ethiopia and Eritrea will meet in this capital on Friday."
    )
    assert record.location == "Nairobi"


def test_a_proposal_to_host_on_a_day_stays_a_proposal() -> None:
    records = _talks(
        "Turkey proposed on Tuesday to host a meeting between Russian and Ukrainian negotiators in Istanbul."
    )
    assert [(r.status, r.start_date) for r in records] == [("proposed", None)]  # Tuesday: the proposal's day


def test_a_delegation_led_by_an_official_travelling_for_talks_on_a_day() -> None:
    [record] = _upcoming(
        "A US delegation led by the deputy secretary of state will travel to Caracas on Thursday to discuss oil "
        "licences with the Venezuelan government."
    )
    assert set(record.parties) == {"United States", "Venezuela"}
    assert (record.location, record.start_date) == ("Caracas", date(2031, 3, 13))


def test_a_side_that_will_receive_the_others_delegation() -> None:
    [record] = _upcoming("The Saudi side will receive a Yemeni government delegation in Riyadh on Thursday.")
    assert set(record.parties) == {"Saudi Arabia", "Yemen"}
    assert record.location == "Riyadh"


def test_the_two_leaders_meeting_pencilled_in_elsewhere_moves_and_keeps_its_sides() -> None:
    [record] = _upcoming(
        "Serbia and Kosovo have traded accusations all week. The two leaders' meeting, which had been pencilled "
        "in for Paris later this month, will instead take place in Brussels on Friday, Belgium's foreign "
        "ministry said. Serbia said it would attend."
    )
    assert (record.status, set(record.parties)) == ("rescheduled", {"Serbia", "Kosovo"})
    assert (record.location, record.start_date) == ("Brussels", date(2031, 3, 14))


def test_states_after_the_auspices_of_a_meeting_of_the_two_ministers_are_go_betweens() -> None:
    [record] = _upcoming(
        "Armenia and Azerbaijan have exchanged fire on the border. Armenia said it hoped for progress. The two "
        "ministers will meet again in Geneva on Friday under the auspices of the co-chairs of the OSCE Minsk "
        "Group - diplomats from Russia, the United States and France - the co-chairs said."
    )
    assert set(record.parties) == {"Armenia", "Azerbaijan"}
    assert {"Russia", "United States"} <= set(record.mediators)


@pytest.mark.parametrize(
    "text",
    [
        "A trade delegation led by the Lagos Chamber of Commerce will travel to Accra on Monday for the trade expo.",
        "The Louvre will receive a delegation of Chinese museum curators on Thursday.",
        "The university will host a round table on Armenia-Azerbaijan relations on Thursday, with historians "
        "from both countries.",
    ],
)
def test_trade_missions_curators_and_academic_round_tables_are_no_talks(text: str) -> None:
    assert not _upcoming(text)


def test_an_inviter_of_a_round_table_of_ministers_is_its_go_between() -> None:
    [record] = _upcoming(
        "Kazakhstan has sent invitations to Azerbaijan and Armenia for a round table of foreign ministers in "
        "Almaty on April 2."
    )
    assert set(record.parties) == {"Azerbaijan", "Armenia"}
    assert record.mediators == ("Kazakhstan",)
    assert (record.location, record.start_date) == ("Almaty", date(2031, 4, 2))


def test_a_go_between_bringing_two_presidents_together_is_no_side() -> None:
    [record] = _upcoming(
        "Angola will bring together the presidents of Rwanda and Democratic Republic of Congo in Luanda on Saturday."
    )
    assert set(record.parties) == {"Rwanda", "Democratic Republic of the Congo"}
    assert record.mediators == ("Angola",)


def test_ministers_who_have_been_invited_to_meet_at_a_place_on_a_day() -> None:
    [record] = _upcoming(
        "The foreign ministers of Ethiopia and Eritrea have been invited to meet at Jeddah on March 20, the "
        "Saudi foreign ministry said."
    )
    assert set(record.parties) == {"Ethiopia", "Eritrea"}
    assert record.mediators == ()
    assert (record.location, record.start_date) == ("Jeddah", date(2031, 3, 20))


def test_a_round_pencilled_in_for_a_day_is_planned() -> None:
    [record] = _upcoming(
        "The next round of talks between Colombia's government and the ELN is pencilled in for March 24 in Havana."
    )
    assert set(record.parties) == {"Colombia", "ELN"}
    assert record.start_date == date(2031, 3, 24)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        pytest.param(
            "Ministers of the Alliance of Sahel States will hold talks in Lome on Monday on the terms of their "
            "exit, the confederation said. ECOWAS said it was ready for the talks.",
            {"Alliance of Sahel States", "ECOWAS"},
            id="lone-confederation-and-the-bloc-it-left",
        ),
        pytest.param(
            "Representatives of Bolivia's president and of the opposition led by the former mayor will return to "
            "the negotiating table in Lima on Friday, the mediators said.",
            {"Bolivia", "Bolivian opposition"},
            id="lone-state-and-its-opposition",
        ),
        pytest.param(
            "The trilateral commission of Chile, Peru and Bolivia on the Silala waters will meet on 24 and 25 "
            "March in Arica, the Chilean foreign ministry said.",
            {"Chile", "Peru", "Bolivia"},
            id="joint-commission-of-three-states",
        ),
        pytest.param(
            "Representatives of Mali's junta and of the African Union will meet in Addis Ababa on Monday, "
            "officials said, after Bamako announced its withdrawal together with Niger and Burkina Faso.",
            {"Mali", "African Union"},
            id="after-clause-behind-two-listed-sides",
        ),
        pytest.param(
            "The Colombian government and Comuneros del Sur, a faction of ELN dissidents, will open a new round "
            "of talks in Pasto on Thursday, the government said.",
            {"Colombia", "Comuneros del Sur"},
            id="dissidents-origin-is-no-side",
        ),
        pytest.param(
            "Relations between Baku and Yerevan remain tense. Azerbaijan's deputy foreign minister told reporters "
            "that the delegations would hold the next round of border talks in Tbilisi on Friday.",
            {"Azerbaijan", "Armenia"},
            id="the-delegations-of-a-ministers-state",
        ),
        pytest.param(
            "Somalia will hold talks with Ethiopia in Ankara on Thursday, after Egypt and Eritrea pledged military "
            "support to Mogadishu.",
            {"Somalia", "Ethiopia"},
            id="after-clause-behind-two-sides",
        ),
        pytest.param(
            "Togolese and Beninese officials will meet in Cotonou on Friday to discuss border security.",
            {"Togo", "Benin"},
            id="demonyms-of-smaller-states",
        ),
        pytest.param(
            "Togo's president will meet the opposition on Friday in Lome to discuss the election law.",
            {"Togo", "Togolese opposition"},
            id="government-meets-the-opposition-1",
        ),
        pytest.param(
            "Bolivia's government will resume talks with the opposition in La Paz on Friday, the church said.",
            {"Bolivia", "Bolivian opposition"},
            id="government-meets-the-opposition-2",
        ),
        pytest.param(
            "Fighting between Sudan's army and the RSF entered a fourth week. In a joint statement, Saudi Arabia "
            "and the United States said envoys of both would begin talks in Jeddah on Saturday.",
            {"Sudanese Armed Forces", "RSF"},
            id="go-betweens-saying-envoys-of-both",
        ),
        pytest.param(
            "The Chinese side will host the Vietnamese delegation in Beijing on Friday.",
            {"China", "Vietnam"},
            id="side-hosting-the-others-delegation",
        ),
    ],
)
def test_sides_of_one_plan_each(text: str, sides: set[str]) -> None:
    """Sides read by the look-ups for a lone side, the anaphors and the lists of sides."""
    [record] = _upcoming(text)
    assert set(record.parties) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        pytest.param(
            "Quito and Lima have fixed the date for their annual bilateral summit, the Ecuadorian government said. "
            "The summit will be held in Tumbes on Friday, March 21.",
            {"Ecuador", "Peru"},
            id="capitals-that-fixed-the-date",
        ),
        pytest.param(
            "Rabat will send a trade delegation to Paris next week to negotiate over tariffs, the ministry said. "
            "The delegation will meet officials of the French finance ministry on Tuesday.",
            {"Morocco", "France"},
            id="the-state-that-sends-a-delegation",
        ),
        pytest.param(
            "Malawian and Zambian officials will sit down in Lilongwe next week to settle the border survey. "
            "The technical teams will meet from Tuesday, Malawi's foreign ministry said.",
            {"Malawi", "Zambia"},
            id="officials-who-sit-down",
        ),
        pytest.param(
            "Bogota and Quito will send their foreign ministers to Panama City this week for talks on the border, "
            "the Panamanian presidency said. The two ministers will meet on Friday, the statement from "
            "Panamanian President Laura Ortega's office said.",
            {"Colombia", "Ecuador"},
            id="the-two-ministers-of-the-last-mention",
        ),
        pytest.param(
            "Portugal will host a trilateral summit with Spain and Morocco in Lisbon on March 24.",
            {"Portugal", "Spain", "Morocco"},
            id="summit-host-at-the-table",
        ),
        pytest.param(
            "Malaysia will host the foreign ministers of Thailand and Cambodia in Kuala Lumpur on March 20 for "
            "their first three-way meeting.",
            {"Malaysia", "Thailand", "Cambodia"},
            id="host-of-a-three-way-meeting",
        ),
        pytest.param(
            "Georgia's government and its breakaway region will resume talks in Geneva on Friday, the mediators "
            "said. Abkhazia has not taken part since last year.",
            {"Georgia", "Abkhazia"},
            id="the-breakaway-region-named-later",
        ),
        pytest.param(
            "A meeting of Kenya, Uganda and Tanzania on the lake fisheries will take place in Kisumu on Monday, "
            "the regional bloc said.",
            {"Kenya", "Uganda", "Tanzania"},
            id="a-meeting-of-listed-states",
        ),
        pytest.param(
            "The officers who seized power in Bamako have agreed to meet a delegation of the regional bloc ECOWAS "
            "in Accra on Friday, Ghana's foreign minister said.",
            {"Mali", "ECOWAS"},
            id="junta-by-its-capital-meets-a-blocs-delegation",
        ),
        pytest.param(
            "A team of experts from the International Atomic Energy Agency will hold talks in Tehran on Monday.",
            {"IAEA", "Iran"},
            id="a-bodys-team-holds-talks",
        ),
        pytest.param(
            "Mnatsakanyan and Bayramov will meet in Geneva on Thursday with the OSCE Minsk Group co-chairs, the "
            "Armenian foreign ministry said.",
            {"Armenia", "Azerbaijan"},
            id="the-minsk-group-is-no-belarus",
        ),
        pytest.param(
            "Gaza truce talks will resume in Cairo on Sunday, Egyptian security sources said, with Qatari and US "
            "mediators expected to attend.",
            {"Israel", "Hamas"},
            id="gaza-talks-with-only-their-mediators-named",
        ),
        pytest.param(
            "Armenia sends a delegation to Baku on Tuesday for a new round of border delimitation talks, the "
            "deputy prime minister's office said.",
            {"Armenia", "Azerbaijan"},
            id="a-delegation-sent-to-a-capital",
        ),
    ],
)
def test_sides_of_one_plan_each_second_table(text: str, sides: set[str]) -> None:
    """Sides taken up from earlier mentions, hosts at the table, lists and teams."""
    [record] = _upcoming(text)
    assert set(record.parties) == sides


@pytest.mark.parametrize(
    "text",
    [
        "Speculation is mounting that the two leaders could meet at the summit in Lima next week, but there are "
        "growing doubts that the president will travel at all.",
        "The ministry dismissed reports on social media that delegations from Chad and Sudan would meet in "
        "Niamey next month.",
        "Football federations from Ghana, Togo and Benin will meet in Accra on Friday to finalise their joint bid "
        "to host the Africa Cup of Nations.",
        "Two days of talks between Belize and Honduras on the maritime boundary ended in Tegucigalpa on Wednesday "
        "without agreement and without a date for the next meeting.",
        "EU foreign ministers will meet in Brussels on Monday for their regular monthly Foreign Affairs Council.",
        "No meetings with third-country ministers are scheduled on the margins of the council.",
    ],
)
def test_doubts_denied_reports_sport_bids_ended_rounds_and_routine_councils_plan_nothing(text: str) -> None:
    assert not _upcoming(text)


def test_a_plan_retold_at_a_denied_venue_is_the_denied_plan() -> None:
    text = (
        "Seoul on Wednesday denied a newspaper report that South Korean and Japanese officials had agreed to "
        "hold secret talks in Hanoi this month. The report said that officials from both foreign ministries "
        "would meet in Hanoi in late March."
    )
    assert not _upcoming(text)


def test_a_town_described_by_its_state_is_the_venue() -> None:
    [record] = _upcoming(
        "This week's meeting of the border committee between Bangkok and Vientiane will be held in the Lao town "
        "of Houayxay on Thursday rather than in Thailand as planned."
    )
    assert record.location == "Houayxay"


def test_a_buildings_truce_village_is_the_venue() -> None:
    [record] = _upcoming(
        "The military talks between Seoul and Pyongyang will take place on Friday in Freedom House, on the "
        "southern side of the truce village of Panmunjom."
    )
    assert record.location == "Panmunjom"


def test_a_place_behind_a_speech_tag_or_a_diplomats_post_is_not_the_venue() -> None:
    [record] = _upcoming(
        "Delegations from Israel and Lebanon will sit down on Friday at the UN post in Naqoura for talks on "
        "the land border, the US ambassador in Beirut said on Wednesday."
    )
    assert record.location == "Naqoura"


def test_a_weekday_in_brackets_after_tomorrow_is_that_day() -> None:
    [record] = _upcoming(
        "The Angolan president convenes tomorrow (Thursday) in Luanda a ministerial meeting between Rwanda and "
        "Burundi."
    )
    assert record.start_date == date(2031, 3, 13)
    assert record.location == "Luanda"


def test_a_meeting_pushed_back_by_weeks_to_a_day_is_moved_there() -> None:
    [record] = _upcoming(
        "A meeting between the Greek Cypriot and Turkish Cypriot leaders that the UN had arranged for next "
        "Monday has been pushed back by two weeks to March 31, the UN mission said on Wednesday."
    )
    assert record.status == "rescheduled"
    assert record.start_date == date(2031, 3, 31)


def test_the_day_of_the_sources_is_not_the_talks_day() -> None:
    [record] = _upcoming(
        "Beijing's special envoy has secured agreement for the junta and the Arakan Army to hold a new round of "
        "direct talks in Kunming later this month, according to statements from both sides and a readout "
        "from the Chinese foreign ministry on Wednesday."
    )
    assert record.start_date is None
    assert set(record.parties) == {"Myanmar", "Arakan Army"}
    assert "China" in record.mediators


def test_rounds_held_with_no_word_of_another_announce_nothing() -> None:
    text = (
        "A rare meeting between the presidents of Chad and Sudan in Niamey ended on Monday night without "
        "agreement, officials on both sides said, and without a date for any further meeting. The two leaders "
        "met for several hours at the invitation of Niger's president."
    )
    assert not _upcoming(text)


def test_a_plan_said_with_both_sides_a_place_and_a_day_ahead_is_announced() -> None:
    text = (
        "After months of recrimination over the border, the dispute has poisoned trade. On Wednesday, the EU "
        "envoy said the Serbian president and the Kosovo prime minister would meet in Brussels next Thursday, "
        "hosted by the bloc's foreign policy chief."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert (record.location, record.start_date) == ("Brussels", date(2031, 3, 20))


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect that Armenia and Azerbaijan would meet in Prague next Friday if the peace text is ready.",
        "Media reports said the two leaders would meet in Geneva next Thursday, but officials in both capitals "
        "said nothing had been decided.",
    ],
)
def test_conditions_and_nothing_decided_plan_nothing(text: str) -> None:
    assert not _upcoming(text)


def test_go_betweens_listed_after_their_role_are_no_sides() -> None:
    [record] = _upcoming(
        "Both delegations confirmed that the next round between the Colombian government and the ELN will open "
        "in Havana on March 26, with the guarantor countries - Norway, Cuba and Chile - present at the table."
    )
    assert set(record.parties) == {"Colombia", "ELN"}


def test_states_a_go_between_convened_are_the_sides() -> None:
    [record] = _upcoming(
        "A meeting of the foreign ministers of Ethiopia and Eritrea that Kenya had convened for Monday has been "
        "postponed to March 28, Kenyan sources said."
    )
    assert set(record.parties) == {"Ethiopia", "Eritrea"}
    assert record.start_date == date(2031, 3, 28)


def test_a_meeting_on_a_states_territory_has_that_state_as_venue() -> None:
    [record] = _upcoming(
        "The next meeting of the Uzbek and Tajik border delegations has been postponed to March 25, the "
        "ministry in Tashkent said. The meeting will be held on Tajik territory, as previously agreed."
    )
    assert record.location == "Tajikistan"


def test_a_place_in_a_clause_on_how_talks_broke_down_is_not_the_venue() -> None:
    [record] = _upcoming(
        "The three-way talks on the river, which broke down in January after Uganda skipped a session in "
        "Nairobi, will resume on Monday by videoconference, convened by the regional bloc."
    )
    assert record.location is None
    assert record.start_date == date(2031, 3, 17)


def test_the_day_of_the_round_held_is_not_the_next_ones() -> None:
    [record] = _upcoming(
        "Armenian and Azerbaijani officials handed over lists of detainees on Wednesday at a meeting in Tbilisi "
        "and agreed to hold their next meeting in Tbilisi at a date to be set."
    )
    assert record.location == "Tbilisi"
    assert record.start_date is None


def test_a_weekdays_meeting_that_will_be_widened_lies_ahead() -> None:
    [record] = _upcoming(
        "Friday's meeting of Kazakh and Kyrgyz water officials in Taraz will be widened into a three-way session "
        "with Uzbekistan, the ministry said."
    )
    assert record.start_date == date(2031, 3, 14)


def test_talks_named_by_the_war_they_would_end_have_its_sides() -> None:
    [record] = _upcoming(
        "Gaza truce talks will resume in Cairo on Sunday, two Egyptian security sources said, as Hamas studies "
        "the latest proposal."
    )
    assert set(record.parties) == {"Israel", "Hamas"}
    assert "Egypt" not in record.parties


def test_a_state_and_a_body_that_have_agreed_to_hold_a_round() -> None:
    [record] = _upcoming(
        "Iran and the International Atomic Energy Agency have agreed to hold their next round of technical talks "
        "in Tehran, the agency said."
    )
    assert set(record.parties) == {"Iran", "IAEA"}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Nothing has been decided about the agenda yet, but the Serbian and Kosovo leaders will meet in "
            "Brussels on October 14, an EU spokesman said.",
            date(2021, 10, 6),
            ("Brussels", date(2021, 10, 14)),
            id="nothing-decided-about-the-agenda-but-a-plan",
        ),
        pytest.param(
            "The foreign ministry dismissed reports that the meeting had been cancelled, saying the Chinese and "
            "Japanese leaders would meet in Lima on Friday as planned.",
            date(2024, 11, 12),
            ("Lima", date(2024, 11, 15)),
            id="a-denied-cancellation",
        ),
        pytest.param(
            "Serbia and Kosovo will resume the EU-facilitated dialogue, which broke down after a shootout in "
            "Banjska, in Brussels on Thursday.",
            date(2023, 10, 24),
            ("Brussels", date(2023, 10, 26)),
            id="past-relative-clause-and-a-hyphenated-participle",
        ),
        pytest.param(
            "Kyrgyzstan and Tajikistan will hold border talks on Thursday, the foreign ministry in Bishkek said.",
            date(2022, 1, 25),
            (None, date(2022, 1, 27)),
            id="the-sources-seat-is-no-venue",
        ),
    ],
)
def test_plans_kept_through_look_alike_wording(
    text: str, published: date, expected: tuple[object, date]
) -> None:
    [record] = _upcoming(text, published=published)
    assert (record.location, record.start_date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "US and Chinese business leaders will sit down in Shanghai on Friday for an investment forum.",
        "There are growing doubts that the president will travel to Caracas for talks with his counterpart this "
        "month, officials said on Monday.",
    ],
)
def test_business_leaders_and_doubted_trips_plan_no_talks(text: str) -> None:
    assert not _upcoming(text, published=date(2023, 8, 21))


def test_a_multilateral_summit_in_passing_under_another_headline_is_no_event() -> None:
    text = (
        "Floods killed at least 40 people in the north, officials said on Friday. The president, who is due to "
        "attend the G20 summit in Johannesburg next week, ordered emergency relief."
    )
    assert not _upcoming(text, title="Floods kill 40 in the north")


def test_a_delegation_sent_to_negotiate_on_a_day() -> None:
    [record] = _upcoming(
        "Vietnam will send a delegation to Cambodia to negotiate the demarcation of their border on July 8, the "
        "Vietnamese foreign ministry said.",
        published=date(2019, 6, 26),
    )
    assert set(record.parties) == {"Vietnam", "Cambodia"}
    assert record.start_date == date(2019, 7, 8)


def test_a_go_between_that_had_convened_the_sides_is_no_side() -> None:
    [record] = _upcoming(
        "Angola, which had convened Rwanda and the Democratic Republic of Congo, said their foreign ministers "
        "would meet in Luanda on Tuesday.",
        published=date(2024, 7, 29),
    )
    assert set(record.parties) == {"Rwanda", "Democratic Republic of the Congo"}
    assert record.mediators == ("Angola",)


def test_leaders_named_by_surname_alone_stand_for_their_states() -> None:
    [record] = _upcoming("Putin and Erdogan will meet in Sochi on Friday to discuss Syria, the Kremlin said.")
    assert set(record.parties) == {"Russia", "Turkey"}
    assert record.location == "Sochi"


@pytest.mark.parametrize(
    ("text", "title", "published", "day"),
    [
        pytest.param(
            "Officials in Bamako said a Malian government delegation and a faction of the northern rebels would "
            "sit down in the Algerian capital on Saturday for the decisive session of talks.",
            "",
            date(2023, 5, 10),
            date(2023, 5, 13),
            id="would-sit-down",
        ),
        pytest.param(
            "Egyptian officials said an Israeli delegation was expected in Cairo on Tuesday for indirect talks "
            "with Hamas negotiators.",
            "",
            date(2025, 2, 23),
            date(2025, 2, 25),
            id="reported-was-expected-with-a-day-ahead",
        ),
        pytest.param(
            "Qatar has formally invited Chad's transitional government and the rebel FACT movement based in the "
            "north to a face-to-face meeting in Doha on Wednesday, officials on both sides said.",
            "",
            date(2022, 6, 20),
            date(2022, 6, 22),
            id="a-far-invitation-gives-the-weekday-ahead",
        ),
        pytest.param(
            "The official said the Laos-Thailand Joint Boundary Commission would hold its annual session in the "
            "border town of Chiang Khong from Tuesday to Thursday.",
            "",
            date(2020, 10, 25),
            date(2020, 10, 27),
            id="a-joint-body-that-would-hold-its-session",
        ),
        pytest.param(
            "The minister, who met the protesters, said the issue would be taken up when officials of the two "
            "countries meet in Colombo on Tuesday and Wednesday next week.",
            "Fisheries talks with India in Colombo next week, minister says",
            date(2021, 11, 24),
            date(2021, 11, 30),
            id="headline-and-body-at-one-venue",
        ),
    ],
)
def test_plans_worded_as_reports_invitations_and_sittings(
    text: str, title: str, published: date, day: date
) -> None:
    [record] = _upcoming(text, title=title, published=published)
    assert record.start_date == day


def test_warring_parties_that_will_return_to_the_table() -> None:
    [record] = _upcoming(
        "Libya's warring parties will return to the negotiating table in Geneva next Monday, the United Nations "
        "said."
    )
    assert record.location == "Geneva"


def test_a_regions_seat_sending_negotiators_to_its_states_capital() -> None:
    [record] = _upcoming(
        "Erbil will send negotiators to Baghdad on Tuesday for talks on salaries and oil, the regional "
        "government said.",
        title="Erbil sends negotiators to Baghdad",
    )
    assert set(record.parties) == {"Kurdistan Regional Government", "Iraq"}
    assert record.location == "Baghdad"


def test_the_old_plans_place_gives_way_to_the_new_one() -> None:
    [record] = _upcoming(
        "The next round of negotiations between Paraguay and Brazil, which was to have been held in Asuncion on "
        "Monday, will instead take place in Brasilia on Tuesday, the ministry said.",
        published=date(2024, 8, 10),
    )
    assert (record.location, record.start_date) == ("Brasilia", date(2024, 8, 13))


def test_in_this_city_is_the_datelines_whatever_a_later_sentence_names() -> None:
    [record] = _upcoming(
        "TUMBES, Peru, March 13 -- The governments of Peru and Ecuador will hold their next binational cabinet "
        "meeting in this border city on the 27th of this month, the ministry said. The date had been agreed "
        "with the presidency in Quito after weeks of consultations, and the meeting will open with a private "
        "conversation between the two heads of state.",
        published=date(2026, 3, 13),
    )
    assert record.location == "Tumbes"


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        pytest.param(
            "Survey teams from Nepal and India will take stock of the boundary pillars when the Nepal-India "
            "Boundary Working Group meets in Kathmandu from the 14th to the 16th of this month, the ministry said "
            "on Monday.",
            date(2026, 1, 5),
            date(2026, 1, 14),
            id="a-working-group-that-meets-on-days-ahead",
        ),
        pytest.param(
            "The spokesperson said the Philippines and China would hold the next meeting of their consultation "
            "mechanism by video conference on Thursday and Friday.",
            date(2021, 6, 8),
            date(2021, 6, 10),
            id="reported-would-with-weekdays",
        ),
        pytest.param(
            "The spokesperson said Japan's foreign and defence ministers would arrive on Wednesday night and sit "
            "down with their Philippine counterparts in Manila on Thursday.",
            date(2023, 2, 13),
            date(2023, 2, 16),
            id="arrival-day-then-talks-day",
        ),
    ],
)
def test_days_of_reported_and_present_tense_plans(text: str, published: date, day: date) -> None:
    [record] = _upcoming(text, published=published)
    assert record.start_date == day


def test_the_day_reporters_were_told_is_not_the_talks_day() -> None:
    text = (
        "The minister told reporters at the Secretariat on Wednesday that the two sides would hold a ministerial "
        "meeting of the Joint Rivers Commission in Dhaka later this month."
    )
    [draft] = _drafts(text)[0]
    assert draft.status == "announced"
    assert draft.start is None
    assert draft.location is not None and draft.location.name == "Dhaka"


def test_a_plan_of_the_conference_around_a_possible_meeting_is_not_its_plan() -> None:
    assert not _upcoming(
        "The two rival leaders could meet on the sidelines of a migration conference that Italy plans to host, "
        "according to two diplomats."
    )


def test_a_lone_delegation_at_consultations_of_the_two_ministries_meets_its_hosts() -> None:
    [record] = _upcoming(
        "The consultations of the two foreign ministries will be held on Friday in Budapest, and the Slovak "
        "delegation will be led by a state secretary, the ministry said."
    )
    assert set(record.parties) == {"Slovakia", "Hungary"}
    assert (record.location, record.start_date) == ("Budapest", date(2031, 3, 14))


def test_a_joint_commissions_session_put_off_to_half_a_month_has_no_day() -> None:
    # published on a Tuesday: "this Friday" is the week's Friday ahead, the old plan's day
    [record] = _upcoming(
        "The session of the Joint Intergovernmental Commission between Albania and Montenegro, which was planned "
        "for this Friday in Podgorica, is postponed for the first half of May, the ministry said.",
        published=date(2031, 4, 8),
    )
    assert record.status == "rescheduled"
    assert set(record.parties) == {"Albania", "Montenegro"}
    assert (record.location, record.start_date) == ("Podgorica", None)


def test_this_weekday_ahead_in_the_week_whatever_the_tense() -> None:
    [found] = [d for d in find_dates("The talks were planned for this Friday.", date(2031, 4, 8))]
    assert found.start_date == date(2031, 4, 11)


def test_macedonia_and_its_demonym_name_north_macedonia() -> None:
    names = {e.name for e in extract_entities("Macedonia and the Macedonian side will meet.")}
    assert names == {"North Macedonia"}


def test_sides_named_as_sides_further_down_over_states_another_mention_lends() -> None:
    [record] = _upcoming(
        "The new round of the talks on the river, which was to be held in Bishkek next week, will instead be held "
        "in Dushanbe on Monday and Tuesday, upon agreement between the two sides. The change came after "
        "contacts between the Tajik side and the Kyrgyz side. Both countries had agreed in May, on the sidelines "
        "of a summit of Kazakhstan and Uzbekistan, to finish the talks this year.",
        title="River talks round moved to Dushanbe",
    )
    assert set(record.parties) == {"Tajikistan", "Kyrgyzstan"}
    assert (record.location, record.start_date) == ("Dushanbe", date(2031, 3, 17))


def test_a_lone_state_meets_the_region_that_broke_away_from_it() -> None:
    [record] = _upcoming(
        "Somaliland's president named a negotiating committee on Wednesday. The delegation will sit down on "
        "Saturday in Djibouti with the team of the Federal Government of Somalia, the presidency said. Somaliland "
        "declared independence in 1991; Somalia still fights al-Shabaab in the south.",
    )
    assert set(record.parties) == {"Somalia", "Somaliland"}


def test_a_group_the_talks_would_act_against_is_no_side() -> None:
    [record] = _upcoming(
        "The foreign ministers of Rwanda and the DRC will meet in Luanda on Saturday, and the meeting will be "
        "devoted to the plan for the neutralisation of the FDLR, the mediation said."
    )
    assert set(record.parties) == {"Rwanda", "Democratic Republic of the Congo"}


def test_a_headline_state_visit_names_the_visitor_and_the_host() -> None:
    [record] = _upcoming(
        "The visiting president will address a business forum on Thursday, 13 March, and will meet the prime "
        "minister the same day.",
        title="Maldivian President to undertake State Visit to Sri Lanka",
    )
    assert set(record.parties) == {"Maldives", "Sri Lanka"}
    assert (record.location, record.start_date) == ("Sri Lanka", date(2031, 3, 13))


def test_the_day_of_arrival_in_this_town_gives_way_to_the_sessions_day() -> None:
    [record] = _upcoming(
        "Officials from Burundi and Tanzania started arriving in this lakeside town on Wednesday ahead of the "
        "session of the Joint Permanent Commission (JPC) between the two countries, which will open on Saturday, "
        "the regional secretary said."
    )
    assert record.start_date == date(2031, 3, 15)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        pytest.param(
            "The talks between Armenia and Azerbaijan, which were scheduled for Thursday in Almaty, will be held "
            "next Monday in Astana, the ministry said.",
            "Astana",
            id="scheduled-there-held-here",
        ),
        pytest.param(
            "The sixth cycle of the peace conversations between the Government of Colombia and the ELN, which was "
            "foreseen to begin in Caracas, will not be done in the Venezuelan capital but in Havana, and will open "
            "on Monday, March 17.",
            "Havana",
            id="foreseen-there-not-in-the-capital-but-here",
        ),
        pytest.param(
            "The Government of Colombia and the CNEB will open the fourth cycle of the conversations on Tuesday, "
            "March 18, in the municipality of Tibu, the delegation said.",
            "Tibu",
            id="a-municipality-of",
        ),
    ],
)
def test_the_plans_place_where_old_places_and_negations_stand_beside_it(text: str, venue: str) -> None:
    [record] = _upcoming(text)
    assert record.location == venue
    assert len(record.parties) == 2


def test_a_host_of_a_four_nation_meeting_sits_at_it_and_its_subject_does_not() -> None:
    [record] = _upcoming(
        "Pakistan will host the foreign ministers of China, Russia and Iran on Thursday for a quadrilateral "
        "meeting on Afghanistan, the foreign office said.",
        title="Islamabad to host four-nation meeting on Afghanistan",
    )
    assert set(record.parties) == {"Pakistan", "China", "Russia", "Iran"}


def test_an_arranger_and_observers_are_no_sides() -> None:
    [record] = _upcoming(
        "The TNLA said its delegation would hold talks with the military government of Myanmar in Kunming on "
        "Friday, in a meeting arranged by China's special envoy."
    )
    assert set(record.parties) == {"TNLA", "Myanmar"}
    [record] = _upcoming(
        "The defence ministers of Thailand and Cambodia will meet in Kuala Lumpur on Tuesday, and attachés from "
        "the United States and China will attend as observers."
    )
    assert set(record.parties) == {"Thailand", "Cambodia"}


def test_a_pronouns_plan_reads_on_from_the_sentence_before() -> None:
    [record] = _upcoming(
        "Water will top the agenda when the Uzbek president arrives in Astana on Tuesday for a two-day state "
        "visit. He will hold talks with his Kazakh counterpart at the residence."
    )
    assert set(record.parties) == {"Uzbekistan", "Kazakhstan"}
    assert (record.location, record.start_date) == ("Astana", date(2031, 3, 18))


def test_the_day_a_communique_was_read_out_is_not_the_talks_day() -> None:
    [record] = _upcoming(
        "The government and the ELN said in a joint communique read out in Bogota on Wednesday that their "
        "delegations will open the next cycle of talks in Mexico City on April 8."
    )
    assert record.start_date == date(2031, 4, 8)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "Officials in Niamey said reports of talks with the group were a fabrication. Algerian officials also "
            "denied any plan to host such a meeting.",
            "Niamey denies any negotiation with ISSP",
            id="denies-any-negotiation",
        ),
        pytest.param(
            "The union said it will not take part in the dialogue proposed by the government.",
            "Union will not attend the government's dialogue",
            id="will-not-attend",
        ),
        pytest.param(
            "The council will hear a briefing on Thursday. Members will then move to closed consultations, the "
            "format in which the council usually discusses the file.",
            "Security Council to hear Libya briefing",
            id="a-councils-closed-consultations",
        ),
        pytest.param(
            "A Gulf chemicals maker and a Chinese refiner will resume negotiations next week on a stake in the "
            "refinery; delegations from the two companies are due to meet in Shanghai on Tuesday.",
            "Gulf petrochemicals group, Chinese refiner to resume stake talks",
            id="a-stake-in-a-refinery",
        ),
        pytest.param(
            "Iran's president could travel to Saudi Arabia within months for a first summit, an adviser said on "
            "Wednesday. China has said it would be happy to host further meetings.",
            "",
            id="could-travel-happy-to-host",
        ),
        pytest.param(
            "The corridor opens on Saturday. The two leaders will not meet, officials in Islamabad and New Delhi "
            "said. Security officials are expected to hold a routine flag meeting at the border.",
            "",
            id="will-not-meet-and-a-routine-flag-meeting",
        ),
        pytest.param(
            "The Joint Control Commission failed again on Thursday to agree. The commission will meet again next "
            "Thursday, as it does every week, the delegation said.",
            "",
            id="a-body-that-sits-every-week",
        ),
        pytest.param(
            "Azerbaijan's president will not travel to Spain for Thursday's summit, his office said.",
            "Aliyev to skip Granada summit",
            id="a-headline-leader-to-skip-a-summit",
        ),
        pytest.param(
            "North Korea on Friday rejected South Korea's offer of talks, saying it would never engage with Seoul. "
            "The ministry had proposed last week that the two sides hold working-level talks. Their last summit "
            "was held in Hanoi in 2019.",
            "",
            id="an-offer-turned-down-beside-rounds-held",
        ),
    ],
)
def test_look_alikes_of_this_round_plan_no_talks(text: str, title: str) -> None:
    """Denials, boycotts, a council's consultations, business, speculation, leaders who will not
    meet, weekly sittings, skipped summits and refused offers."""
    assert _upcoming(text, title=title) == []


def test_a_round_between_the_government_and_a_group_names_both() -> None:
    [record] = _upcoming(
        "A third round between the federal government and the OLA will open in Dar es Salaam on March 17, "
        "IGAD said in a statement."
    )
    assert set(record.parties) == {"Ethiopia", "Oromo Liberation Army"}


def test_the_government_delegation_meets_the_group_the_story_names() -> None:
    [record] = _upcoming(
        "The head of the government delegation said on Wednesday that it will depart on Saturday to Amman to take "
        "part in the meeting of the supervisory committee on the detainees agreement, which will start on Sunday "
        "under UN auspices. The Houthis said their delegation would be there. Yemen's war began in 2014, when the "
        "Houthis seized Sanaa.",
    )
    assert set(record.parties) == {"Yemen", "Houthis"}
    assert (record.location, record.start_date) == ("Amman", date(2031, 3, 16))


def test_states_named_after_the_agenda_opens_are_no_sides() -> None:
    [record] = _upcoming(
        "Panama and Costa Rica will hold a binational meeting in San Jose on Monday, and the meeting will have in "
        "its agenda the accession of Panama to the customs union which Guatemala and Honduras set up."
    )
    assert set(record.parties) == {"Panama", "Costa Rica"}


def test_a_facilitators_ministry_quoted_is_no_side() -> None:
    [record] = _upcoming(
        "The opposition coalition named two new negotiators on Wednesday ahead of the next round with the "
        "government of Venezuela. The third round, which had been scheduled for March 20, will now begin on "
        "March 27 in Mexico City, Norway's foreign ministry, which facilitates the process, said."
    )
    assert "Norway" not in record.parties
    assert (record.location, record.start_date) == ("Mexico City", date(2031, 3, 27))


def test_a_session_of_their_border_committee_and_the_place_of_a_meeting_before() -> None:
    [record] = _upcoming(
        "Thailand and Cambodia will hold an extraordinary session of their General Border Committee in Kuala "
        "Lumpur on March 19, the ministry said."
    )
    assert (record.location, record.start_date) == ("Kuala Lumpur", date(2031, 3, 19))
    [record] = _upcoming(
        "After meeting the envoy in Belgrade, Serbia's chief negotiator said the two negotiating teams would sit "
        "down with Kosovo's in Brussels on Monday."
    )
    assert record.location == "Brussels"


def test_a_minister_travelling_to_negotiate_and_a_host_of_contacts() -> None:
    [record] = _upcoming(
        "Mexico's economy minister will travel to Washington on Thursday to negotiate with U.S. officials over "
        "tariffs, the president said."
    )
    assert set(record.parties) == {"Mexico", "United States"}
    assert record.start_date == date(2031, 3, 13)
    [record] = _upcoming(
        "Greek and Turkish diplomats will hold the next round of exploratory contacts on April 4, the ministry "
        "said.",
        title="Athens to host next round of exploratory contacts with Ankara",
    )
    assert set(record.parties) == {"Greece", "Turkey"}
    assert record.location == "Athens"


def test_the_standing_venue_of_a_series_fills_a_moved_round() -> None:
    [record] = _upcoming(
        "The next round of indirect negotiations between Lebanon and Israel has been postponed until the middle "
        "of April, sources said. The talks are held at a United Nations base in the border town of Naqoura."
    )
    assert record.status == "rescheduled"
    assert (record.location, record.start_date) == ("Naqoura", None)


def test_delegations_returning_for_a_new_round_with_a_go_betweens_official_quoted() -> None:
    [record] = _upcoming(
        "Delegations from Kinshasa and the M23 will return to the Qatari capital on Monday for a new round, a "
        "Qatari official and two sources close to the process said. Qatar, which has hosted the talks since "
        "April, sent invitations this week."
    )
    assert set(record.parties) == {"Democratic Republic of the Congo", "M23"}
    assert (record.location, record.start_date) == ("Doha", date(2031, 3, 17))


def test_the_new_place_after_an_old_plans_clause_and_no_venue_where_hostages_are_held() -> None:
    [record] = _upcoming(
        "Talks between Russian and Ukrainian delegations on prisoner exchanges, which had been due in Istanbul, "
        "will take place in Abu Dhabi on Friday instead."
    )
    assert record.location == "Abu Dhabi"
    [record] = _upcoming(
        "An Israeli team will travel to Cairo on Sunday for indirect talks with Hamas on the release of hostages "
        "held in Gaza, an Egyptian source said."
    )
    assert (record.location, record.start_date) == ("Cairo", date(2031, 3, 16))


def test_a_blocs_mission_proceeding_for_discussions_on_the_headlines_day() -> None:
    [record] = _upcoming(
        'Sanctions remain in place. On Wednesday the ECOWAS Commission said a delegation would "proceed to Niamey '
        'on Monday for formal discussions with the transitional authorities". "Niger is ready to talk as an '
        'equal," a spokesman said.',
        title="ECOWAS mission to sit down with Niger's rulers on Monday",
    )
    assert set(record.parties) == {"ECOWAS", "Niger"}
    assert (record.location, record.start_date) == ("Niamey", date(2031, 3, 17))


def test_a_convener_bringing_ministers_together_and_places_a_process_moved_between() -> None:
    [record] = _upcoming(
        "Kazakhstan will bring the foreign ministers of Azerbaijan and Armenia together in Almaty next Friday, "
        "the ministry said, opening a new venue for a process that has so far moved between Washington, "
        "Brussels and Berlin."
    )
    assert set(record.parties) == {"Azerbaijan", "Armenia"}
    assert record.mediators == ("Kazakhstan",)
    assert (record.location, record.start_date) == ("Almaty", date(2031, 3, 21))


def test_an_envoy_receiving_chief_negotiators_and_an_invitation_for_a_new_round() -> None:
    [record] = _upcoming(
        "The EU's special representative will receive the Serbian and Kosovar chief negotiators in Brussels on "
        "Tuesday, the bloc said."
    )
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert (record.location, record.start_date) == ("Brussels", date(2031, 3, 18))
    [record] = _upcoming(
        "Qatar said its mediators had invited the delegations of the Democratic Republic of the Congo and of the "
        "M23 to Doha on Monday for a new round of direct negotiations."
    )
    assert record.start_date == date(2031, 3, 17)
    [record] = _upcoming(
        "The AU chair has invited the ministers of Egypt, Ethiopia and Sudan to a new round of negotiations on "
        "the dam in Kinshasa on Saturday and Sunday, his office said."
    )
    assert record.start_date == date(2031, 3, 15)


def test_warring_generals_sending_negotiators_back_and_a_round_put_on_the_calendar() -> None:
    [record] = _upcoming(
        "Sudan's warring generals said on Wednesday they would send negotiators back to Jeddah, where talks will "
        "begin on Thursday."
    )
    assert set(record.parties) == {"Sudanese Armed Forces", "RSF"}
    [record] = _upcoming(
        "A formal round of peace negotiations between Manila and the NDFP has been put on the calendar. The round "
        "will open in Oslo on March 24, with the Royal Norwegian Government once again serving as third-party "
        "facilitator."
    )
    assert set(record.parties) == {"Philippines", "NDFP"}
    assert (record.location, record.start_date) == ("Oslo", date(2031, 3, 24))


def test_states_in_a_since_clause_after_between_are_no_sides() -> None:
    [record] = _upcoming(
        "Iran will hold talks with Britain, France and Germany in Istanbul on Friday, the first meeting between "
        "the two sides since last month's Israeli and US strikes."
    )
    assert set(record.parties) == {"Iran", "United Kingdom", "France", "Germany"}


def test_an_unnamed_delegation_is_the_datelines_state_the_story_names_most() -> None:
    [record] = _upcoming(
        "BAGHDAD - Iraq's rivers are running low, and Iraq blames dams upstream. A delegation led by the water "
        "resources minister will travel to Ankara next week for talks with Turkish officials, the ministry said. "
        "Iraq has asked for more water before."
    )
    assert set(record.parties) == {"Iraq", "Turkey"}


def test_the_two_deputy_ministers_and_a_round_planned_for_a_city() -> None:
    [record] = _upcoming(
        "Greece and Turkey have kept the Aegean calm. The next round of the political dialogue, led by the two "
        "deputy foreign ministers, will be held in Ankara on March 20, sources said."
    )
    assert set(record.parties) == {"Greece", "Turkey"}
    [record] = _upcoming(
        "Talks between the United States and Russia planned for Geneva on Monday will now include a Ukrainian "
        "delegation, officials in Washington and Kyiv said."
    )
    assert record.location == "Geneva"


def test_a_headline_asking_whether_leaders_meet_plans_nothing() -> None:
    assert (
        _upcoming(
            "Turkey's president said a meeting with Syria's leader may happen when the time is right.",
            title="Could Erdogan and Assad meet? The road from enmity to realpolitik",
        )
        == []
    )


def test_the_sides_agreeing_the_next_meeting_after_one_held_named_from_the_story() -> None:
    [record] = _upcoming(
        "YEREVAN - The border commissions of Armenia and Azerbaijan held a regular meeting on Tuesday. The meeting "
        'took place as Baku hosts the COP29 climate conference. "The sides agreed to hold the next meeting of the '
        'commissions in Baku," the statement said.'
    )
    assert set(record.parties) == {"Armenia", "Azerbaijan"}
    assert record.location == "Baku"


def test_a_cycle_closed_and_the_next_one_set() -> None:
    closed, opens = _drafts(
        "The Colombian government and the ELN closed their second cycle of peace negotiations in Mexico City on "
        "Tuesday. The third cycle will open in Havana on Monday, April 21, the statement said."
    )[0]
    assert (closed.status, set(closed.parties)) == ("held", {"Colombia", "ELN"})
    assert opens.status == "announced"
    assert opens.location is not None and (opens.location.name, opens.start) == ("Havana", date(2031, 4, 21))


def test_sides_that_agree_to_extend_a_truce_and_to_meet_again() -> None:
    [record] = _upcoming(
        "Pakistan and Afghanistan's Taliban government have agreed to extend their ceasefire and to meet again in "
        "Istanbul next week, after several days of talks, a joint statement said on Friday.",
        published=date(2031, 3, 14),
    )
    assert record.location == "Istanbul"
    assert "Pakistan" in record.parties


def test_leaders_meeting_on_the_sidelines_of_a_blocs_summit() -> None:
    [record] = _upcoming(
        "Greece's government sees a window for calmer relations. The Greek prime minister and the Turkish "
        "president will meet on Wednesday on the sidelines of the NATO summit in Vilnius, the spokesman said.",
        title="Athens sees 'window' for calmer relations with Ankara",
        published=date(2031, 3, 14),
    )
    assert set(record.parties) == {"Greece", "Turkey"}
    assert (record.location, record.start_date) == ("Vilnius", date(2031, 3, 19))


def test_the_three_european_countries_and_an_inviters_place() -> None:
    [record] = _upcoming(
        "Deputy foreign ministers from Iran and the three European countries will meet in Istanbul on Friday."
    )
    assert set(record.parties) == {"Iran", "France", "Germany", "United Kingdom"}
    [record] = _upcoming(
        "South Sudan's government and the SSOMA alliance have both accepted an invitation from Kenya to a new "
        "round of talks, which will open in Nairobi on Thursday, Kenyan officials said."
    )
    assert set(record.parties) == {"South Sudan", "SSOMA"}
    [record] = _upcoming(
        "The second round of talks between the Ethiopian government and the OLA, scheduled to open in Zanzibar on "
        "Tuesday, will instead be held in Dar es Salaam, IGAD said."
    )
    assert record.location == "Dar es Salaam"


def test_the_norths_state_names_its_community() -> None:
    names = {e.name for e in extract_entities("Northern Cyprus and the TRNC's leader")}
    assert names == {"Turkish Cypriots"}


def test_hosts_of_four_nation_talks_and_envoys_of_states_are_sides() -> None:
    [record] = _upcoming(
        "Russia will host four-nation talks with the deputy foreign ministers of Turkey, Iran and Syria in Moscow "
        "on Tuesday and Wednesday."
    )
    assert set(record.parties) == {"Russia", "Turkey", "Iran", "Syria"}
    [record] = _upcoming(
        "Pakistan will host a quadrilateral meeting on Afghanistan in Islamabad on Thursday with the special "
        "envoys of China, Russia and the United States."
    )
    assert set(record.parties) == {"Pakistan", "China", "Russia", "United States"}


def test_states_attending_as_observers_and_companies_in_stake_talks() -> None:
    [record] = _upcoming(
        "Egypt, Sudan and Ethiopia will resume talks on Friday by videoconference, with the United States and "
        "the European Union attending as observers."
    )
    assert set(record.parties) == {"Egypt", "Sudan", "Ethiopia"}
    assert (
        _upcoming(
            "Saudi Aramco and Reliance Industries will meet in Mumbai on Friday to continue talks on a 20% stake "
            "in the Indian group's refining business."
        )
        == []
    )


def test_a_breakaway_region_sending_a_delegation_meets_its_state() -> None:
    [record] = _upcoming(
        "Abkhazia's delegation will travel to Geneva on 28 March for a new round of talks on security, the de "
        "facto foreign ministry said."
    )
    assert set(record.parties) == {"Abkhazia", "Georgia"}


def test_a_group_sending_negotiators_and_commanders_agreeing_to_meet_again() -> None:
    [record] = _upcoming(
        "The M23 rebel group said on Wednesday it would send negotiators to Doha on Saturday to meet the "
        "government delegation, with Qatar mediating."
    )
    assert record.start_date == date(2031, 3, 15)
    assert "M23" in record.parties
    [record] = _upcoming(
        "Thai and Cambodian military commanders met on the border on Tuesday and agreed to extend their ceasefire "
        "and to meet again in Kuala Lumpur next week."
    )
    assert set(record.parties) == {"Thailand", "Cambodia"}
    assert record.location == "Kuala Lumpur"


def test_the_day_a_follow_up_sentence_gives_the_sessions_and_a_commission_that_opens() -> None:
    [record] = _upcoming(
        "Technical teams of the Dominican-Haitian Bilateral Joint Commission will meet in Dajabon to discuss the "
        "market, the ministry said on Wednesday. The teams will begin their work on Monday 17, the ministry said."
    )
    assert record.start_date == date(2031, 3, 17)
    [record] = _upcoming(
        "LUSAKA - The Zambia-Zimbabwe Joint Permanent Commission on Cooperation opens on Friday in Livingstone, "
        "the ministry said on Wednesday."
    )
    assert set(record.parties) == {"Zambia", "Zimbabwe"}
    assert (record.location, record.start_date) == ("Livingstone", date(2031, 3, 14))


def test_a_councils_closed_consultations_in_a_headline_and_the_day_of_an_invitation() -> None:
    assert (
        _upcoming(
            "Security Council members will hold closed consultations on Haiti on Thursday.",
            title="Council to take up Haiti in closed consultations on Thursday",
        )
        == []
    )
    [record] = _upcoming(
        "Saudi Arabia and the United States on Wednesday invited Sudan's army and the Rapid Support Forces to "
        "send delegations to Jeddah for talks starting on Sunday."
    )
    assert record.start_date == date(2031, 3, 16)


def test_sources_in_two_capitals_speaking_of_their_delegations_are_the_sides() -> None:
    [record] = _upcoming(
        "Officials in Mogadishu and Hargeisa said their delegations would resume talks in Djibouti early next "
        "month at the invitation of Djibouti's president."
    )
    assert set(record.parties) == {"Somalia", "Somaliland"}


def test_observers_from_states_and_a_consultation_resumed() -> None:
    [record] = _upcoming(
        "The negotiations between Egypt, Ethiopia and Sudan will be held by videoconference on Tuesday, in the "
        "presence of observers from the African Union Commission, the United States and the European Union."
    )
    assert set(record.parties) == {"Egypt", "Ethiopia", "Sudan"}
    [record] = _upcoming(
        "The national government of Papua New Guinea and the Autonomous Bougainville Government will resume "
        "their consultation on the region's political future on 4 April in Port Moresby, the president said."
    )
    assert (record.location, record.start_date) == ("Port Moresby", date(2031, 4, 4))


def test_talks_reopened_restarted_or_relaunched_are_planned_like_resumed_ones() -> None:
    [record] = _upcoming(
        "Colombia and the ELN will reopen peace talks in Caracas on March 20, negotiators said.",
        published=date(2031, 3, 5),
    )
    assert (record.parties, record.location, record.start_date) == (
        ("Colombia", "ELN"),
        "Caracas",
        date(2031, 3, 20),
    )
    [record] = _upcoming(
        "The Colombian government and the ELN guerrilla group agreed on Monday to reopen formal peace talks "
        "in Caracas on March 20, negotiators said in a joint statement.",
        published=date(2031, 3, 5),
    )
    assert record.status == "announced" and record.start_date == date(2031, 3, 20)
    assert _upcoming("Russia and Ukraine will relaunch negotiations in Geneva on March 20, officials said.")
    # reopening something else is no talks plan
    assert (
        _upcoming(
            "Russia and Ukraine will reopen the border crossing on March 20, officials said after talks in "
            "Geneva on Monday.",
            published=date(2031, 3, 5),
        )
        == []
    )


def test_a_host_receiving_both_sides_ministers_is_the_go_between_and_one_receiving_a_counterpart_a_side() -> (
    None
):
    [record] = _upcoming(
        "Turkish President Recep Tayyip Erdogan will receive the foreign ministers of Armenia and Azerbaijan "
        "in Ankara on Friday for talks, his office said."
    )
    assert (set(record.parties), record.mediators, record.location) == (
        {"Armenia", "Azerbaijan"},
        ("Turkey",),
        "Ankara",
    )
    [record] = _upcoming(
        "Egyptian President Abdel Fattah al-Sisi will receive his Sudanese counterpart in Cairo on Friday for "
        "talks, the presidency said."
    )
    assert (set(record.parties), record.mediators) == ({"Egypt", "Sudan"}, ())
    [record] = _upcoming("Egypt will receive the foreign minister of Sudan in Cairo on Friday for talks.")
    assert set(record.parties) == {"Egypt", "Sudan"}
    assert (
        _upcoming(
            "Egypt will receive the first shipment of grain from Ukraine on Friday, after talks last week."
        )
        == []
    )


def test_the_seat_of_a_standing_series_is_the_venue_when_the_plan_names_none() -> None:
    [record] = _upcoming(
        "The next session of the joint water commission of Uzbekistan and Kazakhstan will take place on "
        "March 24 and 25, officials said. The commission, which meets in Tashkent twice a year, last sat in "
        "the autumn."
    )
    assert (record.location, record.start_date) == ("Tashkent", date(2031, 3, 24))
    # a body that meets there on one day is no seat
    [record] = _upcoming(
        "The next session of the joint water commission of Uzbekistan and Kazakhstan will take place on "
        "March 24 and 25, officials said. The commission, which meets in Tashkent today for a preparatory "
        "session, was set up in 2028."
    )
    assert record.location is None


def test_rounds_a_go_between_convened_before_are_no_venue() -> None:
    [record] = _upcoming(
        "Pakistan and Afghanistan will meet in Riyadh on Tuesday. The talks will be hosted by Saudi Arabia, with "
        "Qatar and Turkey, which brokered the October ceasefire and convened later rounds in Istanbul, taking "
        "part as co-mediators."
    )
    assert record.location == "Riyadh"


def test_sides_that_say_they_will_send_a_delegation_or_attend_but_not_an_observer() -> None:
    [record] = _upcoming(
        "The Taliban administration said on Thursday it would send a delegation to Riyadh for talks on Tuesday "
        "aimed at reopening border crossings. The talks will be hosted by Saudi Arabia. In Islamabad, the "
        "Foreign Office spokesman confirmed that Pakistan would attend. The European Union will attend as an "
        "observer, officials said.",
        published=date(2031, 3, 13),
    )
    # (the Taliban administration: Afghanistan since August 2021)
    assert set(record.parties) == {"Afghanistan", "Pakistan"} and record.location == "Riyadh"


def test_the_islands_leaders_and_the_three_guarantor_powers_are_the_cyprus_table() -> None:
    [record] = _upcoming(
        "NICOSIA, March 12 (Wire) - The United Nations Secretary-General has invited the island's two leaders "
        "and the three guarantor powers to an informal meeting in Geneva on March 26 and 27, the UN spokesman's "
        "office said on Wednesday."
    )
    assert set(record.parties) == {"Greek Cypriots", "Turkish Cypriots", "Greece", "Turkey", "United Kingdom"}
    assert record.mediators == ("United Nations",)


def test_a_chief_trade_negotiator_sent_for_a_week_of_talks() -> None:
    [record] = _upcoming(
        "The government of Chile will send its chief trade negotiator to Brasilia for a week of talks beginning "
        "on March 23, a spokesperson said on Wednesday."
    )
    assert (record.location, record.start_date) == ("Brasilia", date(2031, 3, 23))


def test_a_round_held_in_an_earlier_year_is_history_that_sets_up_no_plan() -> None:
    old = _Draft("held", "The framework was presented at Crans-Montana in 2017.")
    assert _history(old, WEDNESDAY)
    assert not _history(_Draft("held", "The last round was held in Geneva in 2031."), WEDNESDAY)
    assert not _history(_Draft("held", "The envoys met in Geneva on Monday."), WEDNESDAY)
    assert not _history(
        replace(old, start=date(2031, 3, 9)), WEDNESDAY
    )  # a day of its own: dated, not history


@pytest.mark.parametrize(
    "text",
    [
        "Serbia and Kosovo will relaunch their EU-facilitated dialogue in Brussels on March 24, the envoy said.",
        "Indirect talks between Israel and Lebanon on their land border will be revived in Naqoura on March 24, "
        "two officials said.",
        "The Philippine government and the communist National Democratic Front said on Monday they would "
        "reopen peace negotiations in Oslo on March 24, with Norway again acting as facilitator. Manila scrapped "
        "the talks six years ago.",
        "Yemen's government and the Houthi movement will revive UN-sponsored negotiations on a prisoner exchange "
        "in Muscat on March 24, the envoy's office said.",
    ],
)
def test_reopening_wordings_with_hyphens_passives_and_would(text: str) -> None:
    [record] = _upcoming(text)
    assert record.start_date == date(2031, 3, 24)


def test_a_host_receiving_delegations_or_counterparts_from_two_states_is_their_go_between() -> None:
    [record] = _upcoming(
        "Egypt will receive delegations from Hamas and Fatah in Cairo on March 24 for a new round of "
        "reconciliation talks, Egyptian sources said."
    )
    assert (set(record.parties), record.mediators) == ({"Hamas", "Fatah"}, ("Egypt",))
    [record] = _upcoming(
        "Chinese Foreign Minister Wang Yi will receive his counterparts from Cambodia and Thailand in Shanghai "
        "on Monday for talks on their border clashes, Beijing said."
    )
    assert (set(record.parties), record.mediators) == ({"Cambodia", "Thailand"}, ("China",))
    [record] = _upcoming(
        "The French president will receive the Algerian president in Paris on March 20 for talks on "
        "migration, the Elysee said."
    )
    assert set(record.parties) == {"France", "Algeria"}


def test_go_betweens_that_will_facilitate_or_mediate_and_their_earlier_rounds_elsewhere() -> None:
    [record] = _upcoming(
        "Norway, which hosted previous rounds in Oslo, will facilitate talks between the Colombian government "
        "and the rebels starting March 23 in Havana, the peace commissioner said."
    )
    assert (record.location, record.start_date, record.mediators) == (
        "Havana",
        date(2031, 3, 23),
        ("Norway",),
    )
    [record] = _upcoming(
        "Kuwait, which hosted rounds of Yemeni peace talks in Kuwait City in 2016, will convene new negotiations "
        "between the Yemeni government and the Houthis in Amman on April 2, the Kuwaiti foreign ministry said."
    )
    assert record.location == "Amman"
    [record] = _upcoming(
        "Egypt and Qatar, which brokered earlier rounds in Cairo and Doha, will mediate new ceasefire talks "
        "between Israel and Hamas in Paris on March 21, an Egyptian official said."
    )
    assert (set(record.parties), record.location) == ({"Israel", "Hamas"}, "Paris")


def test_sides_that_say_they_will_send_a_delegation_or_attend_and_talks_backed_by_a_body() -> None:
    [record] = _upcoming(
        "CELAC will convene talks on the Essequibo dispute in Kingstown on March 24. Guyana said it would send "
        "a delegation, and Venezuela said it would attend."
    )
    assert set(record.parties) == {"Guyana", "Venezuela"}
    [record] = _upcoming(
        "U.N.-backed talks on Libya's elections will open in Tunis on Monday. The eastern-based House of "
        "Representatives said it would attend, and the Tripoli-based High Council of State said it would send a "
        "delegation to Tunis."
    )
    assert "United Nations" in record.mediators


def test_a_delegation_sent_to_a_funeral_and_a_negotiator_sent_to_a_capital() -> None:
    assert (
        _upcoming(
            "Hamas said it would send a delegation to Cairo on Sunday to attend the funeral of a senior Egyptian "
            "intelligence official."
        )
        == []
    )
    [record] = _upcoming(
        "Japan will send its chief trade negotiator to Washington for a week of talks beginning on Monday, the "
        "trade ministry said."
    )
    assert (set(record.parties), record.start_date) == ({"Japan", "United States"}, date(2031, 3, 17))


def test_leaders_meeting_to_break_a_coalition_deadlock_is_politics_at_home() -> None:
    assert (
        _upcoming(
            "Likud and Blue and White leaders will meet on Sunday for talks, their parties said.",
            title="Gantz, Netanyahu to meet Sunday in bid to break coalition deadlock",
        )
        == []
    )


def test_the_day_of_an_election_named_before_it_is_not_the_talks_day() -> None:
    [record] = _upcoming(
        "Given the parliamentary elections in Serbia on March 29, the meeting between Serbia and Kosovo will "
        "now take place in Brussels in April, the EU spokesman said.",
        title="EU postpones Serbia-Kosovo meeting to April",
    )
    assert record.start_date is None and record.location == "Brussels"


def test_where_children_were_taken_is_no_venue_and_a_source_after_the_go_between_is_none() -> None:
    [record] = _upcoming(
        "A Ukrainian delegation is due in Istanbul on Friday for talks with Russian negotiators on the return "
        "of children taken to Russia, Turkish officials said."
    )
    assert record.location == "Istanbul"
    [record] = _upcoming(
        "Iran's foreign minister will travel to Muscat on Saturday to meet the US special envoy in indirect "
        "talks mediated by Oman, the Iranian foreign ministry said on Wednesday."
    )
    assert (set(record.parties), record.mediators) == ({"Iran", "United States"}, ("Oman",))


def test_an_envoy_now_expected_in_a_capital_for_talks_and_delegations_that_would_reconvene() -> None:
    [record] = _upcoming(
        "Chile's deputy foreign minister is now expected in Lima next week for talks with his Peruvian "
        "counterpart, officials in both capitals said."
    )
    assert (set(record.parties), record.location) == ({"Chile", "Peru"}, "Lima")
    [record] = _upcoming(
        "Officials said the delegations of Chile and Peru would reconvene on March 19-20 in Arica."
    )
    assert (record.location, record.start_date) == ("Arica", date(2031, 3, 19))
    [record] = _upcoming(
        "The border delegations of Chile and Peru will sit down again on Monday, this time in Tacna, the head "
        "of the Chilean team told journalists."
    )
    assert (record.location, record.start_date) == ("Tacna", date(2031, 3, 17))


def test_a_monitoring_committee_between_two_states_convenes() -> None:
    [record] = _upcoming(
        "The committee monitoring the truce between Chile and Peru will convene early next week in Arica, an "
        "official said."
    )
    assert (set(record.parties), record.location) == ({"Chile", "Peru"}, "Arica")


def test_delegations_return_to_a_city_or_the_table_to_resume_negotiations() -> None:
    [record] = _upcoming(
        "The foreign ministry said on Wednesday that delegations of Chile and Peru would return to Quito next "
        "week to resume negotiations on the maritime line."
    )
    assert (set(record.parties), record.location) == ({"Chile", "Peru"}, "Quito")
    [record] = _upcoming(
        "Negotiators for Chile's government and Peru's will return to the table next week in Quito, the "
        "mediators said."
    )
    assert record.location == "Quito"


def test_talks_that_open_on_a_day_ahead_in_the_present_tense() -> None:
    [record] = _upcoming(
        "Chile and Peru have accepted the envoy's invitation to discuss the fisheries dispute in Quito. The "
        "talks open on Sunday and could run for several days, a spokeswoman said."
    )
    assert (record.location, record.start_date) == ("Quito", date(2031, 3, 16))


def test_a_round_put_back_by_days_by_its_go_between() -> None:
    [record] = _upcoming(
        "Ecuador has put back the next round of negotiations between Chile and Peru by ten days, moving its "
        "opening from this Friday to March 24, diplomats said."
    )
    assert record.status == "rescheduled"
    assert (set(record.parties), record.mediators) == ({"Chile", "Peru"}, ("Ecuador",))
    assert record.start_date == date(2031, 3, 24)


def test_rounds_agreed_in_a_subjunctive_or_across_an_aside() -> None:
    [record] = _upcoming(
        "The expert group also agreed to recommend that the next round of Chile-Peru boundary talks be held in "
        "Lima at a mutually convenient date."
    )
    assert (set(record.parties), record.location, record.start_date) == ({"Chile", "Peru"}, "Lima", None)
    [record] = _upcoming(
        "The delegations of Chile and Peru agreed at the end of their second session in Quito, held from March 3 "
        "to 6, to reconvene in the Ecuadorian capital at a date to be set."
    )
    assert (record.location, record.start_date) == ("Quito", None)


def test_formal_invitations_to_a_meeting_or_a_session_with_its_days() -> None:
    [record] = _upcoming(
        "The UN Secretary-General has formally invited the leaders of Chile and Peru to an enlarged informal "
        "meeting on 24 and 25 March in Geneva, his spokesman said."
    )
    assert (record.location, record.start_date) == ("Geneva", date(2031, 3, 24))
    [record] = _upcoming(
        "The mediation said Chile and Peru had accepted Ecuador's invitation to \"a five-day session from 17 to "
        '21 March" in Quito.'
    )
    assert record.start_date == date(2031, 3, 17)


def test_the_next_cycle_placed_stands_against_the_decision_and_sides_confirm_their_participation() -> None:
    text = (
        'Chile and Peru patched up their dispute on Tuesday. "The next cycle of talks will be held in the '
        'Ecuadorian capital," the joint statement said, adding that a fishing truce extended until August would '
        "be reviewed."
    )
    said = extract_talks(
        text, "", WEDNESDAY, extract_entities(text), find_dates(text, WEDNESDAY), model=NEVER
    )
    assert [(r.status, r.location) for r in said if r.status == "announced"] == [("announced", "Quito")]
    # ... but not a next round worded on a condition
    text = (
        'Chile and Peru patched up their dispute. "The next cycle will be held in Quito if the truce holds."'
    )
    said = extract_talks(
        text, "", WEDNESDAY, extract_entities(text), find_dates(text, WEDNESDAY), model=NEVER
    )
    assert [r for r in said if r.status == "announced"] == []
    [draft], _ = _drafts(
        "Ecuador said the technical negotiations would be held in Quito and that the delegations of Chile and "
        "Peru had confirmed their participation."
    )
    assert (draft.status, draft.weak) == ("announced", False)


def test_a_round_pushed_back_to_a_half_month_with_a_long_name_between() -> None:
    [record] = _upcoming(
        "Chile and Peru have pushed back the start of their second cycle of fisheries negotiations in Quito to "
        "the second half of April, the delegations said."
    )
    assert (record.status, record.location, record.start_date) == ("rescheduled", "Quito", None)


def test_sides_agreeing_to_return_to_the_table_or_accepting_a_proposal_to_meet() -> None:
    [record] = _upcoming("Chile and Peru have agreed to return to the negotiating table in Quito on Sunday.")
    assert record.start_date == date(2031, 3, 16)
    [record] = _upcoming(
        "The envoy told reporters that Chile and Peru had accepted a proposal to meet in Quito on Sunday morning."
    )
    assert (record.location, record.start_date) == ("Quito", date(2031, 3, 16))


def test_plans_on_a_condition_denied_agreements_and_a_council_committee() -> None:
    assert (
        _upcoming(
            'Talks between Chile and Peru were suspended. "Discussions will resume only when the parties show '
            'they respect the truce," the mediators said.'
        )
        == []
    )
    assert (
        _upcoming(
            "Peru's government on Monday denied that it had agreed to talks with Chile facilitated by Ecuador, "
            "contradicting an announcement made in Quito."
        )
        == []
    )
    assert (
        _upcoming("The Security Council's sanctions committee on Peru is due to meet in New York in May.")
        == []
    )
    assert (
        _upcoming(
            "Ecuador called for talks between Chile and Peru. But neither side has agreed to a meeting."
        )
        == []
    )


def test_one_sides_internal_consultations_and_firms_meeting_are_no_talks() -> None:
    assert (
        _upcoming(
            "Peru's largest opposition coalition will hold a week of internal consultations in Quito starting "
            "next week to agree on a position before any future negotiations between Peru and Chile."
        )
        == []
    )
    assert (
        _upcoming(
            "Marine insurers and shipowners will meet in London on Thursday to discuss war-risk cover for "
            "vessels, after the Houthis attacked ships. Diplomats said a ceasefire between Israel and Hamas was "
            "not in sight and the envoy's talks with the government had stalled.",
            title="Insurers and shipowners to meet in London",
        )
        == []
    )


def test_an_event_with_no_side_named_takes_the_two_the_article_names_most() -> None:
    [record] = _upcoming(
        "Chile and Peru have argued over the maritime line for years. Peru says Chile ignores the ruling, and "
        "Chile says Peru wants more. The government delegations themselves will sit down again on Monday in "
        "Arica, an official said."
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_the_round_which_was_set_and_a_venue_provided_by_a_state() -> None:
    [record] = _upcoming(
        "The next round of negotiations between Chile, Peru and Ecuador will be held in Quito rather than "
        "Lima, and a week later than planned. The round, which had been scheduled for Sunday in the Peruvian "
        "capital, will now take place in the Ecuadorian capital on March 24 and 25, the ministry said."
    )
    assert (record.location, record.start_date) == ("Quito", date(2031, 3, 24))
    [record] = _upcoming(
        "The foreign ministers of Chile and Peru will meet on March 24, their ministries said, two years after "
        "the framework the two countries initialled in Washington. Switzerland's foreign ministry later "
        "confirmed that the meeting would take place in Geneva, stressing that it was providing the premises."
    )
    assert record.location == "Geneva"


def test_a_day_left_open_firms_trading_and_the_members_a_faction_came_from() -> None:
    drafts, _ = _drafts("It did not say when the diplomats of Chile and Peru would meet again.")
    assert [d.status for d in drafts if d.status == "announced"] == []
    assert (
        _upcoming(
            "Peru's state miner Minera Andina and a Swiss-based commodities trader will resume talks in Lima on "
            "March 20 over their copper joint venture, people familiar with the matter said."
        )
        == []
    )
    [record] = _upcoming(
        "Chile and Segunda Marquetalia, a faction formed by former FARC commanders, will open a new cycle of "
        "talks in Caracas on March 20."
    )
    assert set(record.parties) == {"Chile", "Segunda Marquetalia"}
    [record] = _upcoming(
        "The meeting between the foreign ministers of the two countries, facilitated by Angola, will now take "
        "place on Saturday in Luanda.",
        title="Luanda: the ministerial meeting RDC-Rwanda postponed to Saturday",
    )
    assert {"Democratic Republic of the Congo", "Rwanda"} <= set(record.parties)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # a denied agreement on something else leaves the plan standing
            "Ukraine denied that it had agreed to any concessions, but confirmed that its delegation will meet "
            "Russian negotiators in Minsk on February 19.",
            date(2020, 2, 12),
            ({"Ukraine", "Russia"}, "Minsk", date(2020, 2, 19)),
        ),
        (  # companies at the table beside the ministers who meet
            "Ministers from Chad and Niger will meet in Niamey on Friday with oil companies to discuss the "
            "pipeline dispute between the two countries.",
            date(2030, 3, 5),
            ({"Chad", "Niger"}, "Niamey", date(2030, 3, 8)),
        ),
        (  # a council's committee only as the source
            "The National Security Council's committee on the border said Indian and Chinese commanders will "
            "meet in Chushul on Sunday.",
            date(2026, 4, 2),
            ({"India", "China"}, "Chushul", date(2026, 4, 5)),
        ),
        (  # internal consultations before the meeting, not instead of it
            "Israel and Hamas will meet again after internal consultations, in Cairo on Sunday, Egyptian "
            "officials said.",
            date(2024, 10, 9),
            ({"Israel", "Hamas"}, "Cairo", date(2024, 10, 13)),
        ),
        (  # "only after" orders the days, it sets no condition
            "The delegations of Ethiopia and Egypt will meet in Khartoum on Monday only after the African Union "
            "summit closes on Sunday.",
            date(2020, 7, 1),
            ({"Ethiopia", "Egypt"}, "Khartoum", date(2020, 7, 6)),
        ),
    ],
)
def test_look_alikes_of_the_rules_that_leave_a_plan_standing(
    text: str, published: date, expected: tuple[set[str], str, date]
) -> None:
    [record, *_] = _upcoming(text, published=published)
    assert (set(record.parties), record.location, record.start_date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Britain's prime minister will return to London on Monday to resume talks with rebel lawmakers in his party "
        "over the budget.",
        "Kosovo has not yet accepted the EU's proposal to meet Serbian officials in Brussels on Friday.",
        "Guyana and Venezuela agreed that any future talks take place only with the UN present, officials said "
        "after the meeting on Thursday.",
    ],
)
def test_look_alikes_of_the_rules_that_plan_nothing(text: str) -> None:
    assert _upcoming(text, published=date(2022, 11, 9)) == []


def test_a_question_left_open_about_something_else_leaves_the_plan() -> None:
    drafts, _ = _drafts(
        "The EU declined to say when it would publish notes but said the leaders of Serbia and Kosovo would meet "
        "in Brussels on March 29."
    )
    assert [d.status for d in drafts] == ["announced"]


def test_a_firm_dated_plan_stands_against_the_decision() -> None:
    text = "Chile's foreign minister will hold talks in Lima on March 20, the ministry said."
    said = extract_talks(
        text, "", WEDNESDAY, extract_entities(text), find_dates(text, WEDNESDAY), model=NEVER
    )
    assert [(r.status, r.start_date) for r in said] == [("announced", date(2031, 3, 20))]
    # ... but not a plan on a condition, nor one reported with no side
    text = "Chile's foreign minister will hold talks in Lima on March 20 if the truce holds."
    said = extract_talks(
        text, "", WEDNESDAY, extract_entities(text), find_dates(text, WEDNESDAY), model=NEVER
    )
    assert [r for r in said if r.status == "announced"] == []


def test_a_bodys_chief_or_delegation_meeting_one_state_makes_the_body_a_side() -> None:
    [record] = _upcoming(
        "The head of the International Atomic Energy Agency will travel to Tehran on Monday for talks with the "
        "head of Iran's atomic energy organisation, the agency said."
    )
    assert set(record.parties) == {"IAEA", "Iran"}
    [record] = _upcoming(
        "Addis Ababa, 12 March 2031 - The Chairperson of the African Union Commission will lead a high-level "
        "delegation to Conakry on 24 and 25 March for consultations with the transitional authorities of Guinea."
    )
    assert (set(record.parties), record.start_date) == ({"African Union", "Guinea"}, date(2031, 3, 24))
    [record] = _upcoming(
        "A delegation of the Arab League secretariat will hold talks with Syrian government officials at the "
        "League's headquarters in Cairo on Sunday."
    )
    assert "Arab League" in record.parties


def test_wordings_of_visits_councils_and_seats_of_power() -> None:
    [record] = _upcoming(
        "The secretary general of the Elysee will be received on Monday at El Mouradia, where he will have talks "
        "with the director of cabinet of the presidency.",
        title="The Elysée sends its secretary general to Algiers on Monday",
    )
    assert (set(record.parties), record.start_date) == ({"France", "Algeria"}, date(2031, 3, 17))
    [record] = _upcoming(
        "GEORGETOWN - Government will send a high-level team to Paramaribo for a meeting of the bilateral "
        "Cooperation Council on March 18, the Ministry of Foreign Affairs announced."
    )
    assert (record.location, record.start_date) == ("Paramaribo", date(2031, 3, 18))
    [record] = _upcoming(
        "The annual meeting of the joint commission of India and Pakistan, which was due to be held in Islamabad "
        "from March 7 to 9, has been rescheduled to later this month.",
        title="Commissioners' meeting pushed back to later this month",
    )
    assert (record.status, record.start_date) == ("rescheduled", None)


def test_venues_read_from_here_a_destination_and_a_named_site() -> None:
    [record] = _upcoming(
        "QUITO, Ecuador - The governments of Chile and Peru will open a new round of fisheries talks here on "
        "Thursday, Ecuadorian officials said."
    )
    assert record.location == "Quito"
    [record] = _upcoming(
        "Chief negotiators from Chile and Peru will meet on Friday in the framework of the OAS-facilitated "
        "dialogue, the OAS announced. Lima said its chief negotiator would travel to the Ecuadorian capital on "
        "Thursday."
    )
    assert record.location == "Quito"
    [record] = _upcoming(
        "South and North Korea will hold general-level military talks on Wednesday at the Peace House on the "
        "southern side of the truce village, the defense ministry said."
    )
    assert record.location == "Panmunjom"


def test_plans_due_organised_or_counted_after_the_last_round() -> None:
    [record] = _upcoming(
        "Diplomats say the mood is less frozen, and on 24 March the UN envoy is due to bring the Greek Cypriot "
        "and Turkish Cypriot leaders together for a meeting at the UN compound in Nicosia."
    )
    assert (record.location, record.start_date) == ("Nicosia", date(2031, 3, 24))
    [record] = _upcoming(
        "The meeting of the General Border Committee between Thailand and Cambodia will be organised at Phnom "
        "Penh early next month, the defence ministry said."
    )
    assert (set(record.parties), record.location) == ({"Thailand", "Cambodia"}, "Phnom Penh")
    [record] = _upcoming(
        "Chile and Peru concluded the fifth round of trade negotiations on Friday. The sixth round of talks is "
        "scheduled to take place in Lima from March 24 to March 28, the official said.",
        title="Chile-Peru trade pact: fifth round wraps up",
    )
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 24))


def test_a_round_pushed_back_to_a_vague_time_under_a_headline_that_postpones_it() -> None:
    text = (
        "The UN mission said on Tuesday that the second round of talks of the joint military commission, which "
        "had been due to open in Geneva on Wednesday, had been pushed back to early April."
    )
    title = "UN postpones second round of Chile-Peru military talks in Geneva"
    entities, dates = extract_entities(text), find_dates(text, WEDNESDAY)
    said = extract_talks(text, title, WEDNESDAY, entities, dates, model=ANNOUNCES)
    assert [(r.status, r.location, r.start_date) for r in said] == [("rescheduled", "Geneva", None)]


def test_days_of_this_month_and_a_visitors_days() -> None:
    [record] = _upcoming(
        "The presidents of Chile and Peru will hold a summit in Arica later this month. The meeting will take "
        "place on the 24th and 25th and will review border integration, the ministry said."
    )
    assert (record.start_date, record.end_date) == (date(2031, 3, 24), date(2031, 3, 25))
    [record] = _upcoming(
        "Chile's foreign minister will pay an official visit to Peru next week for talks with his counterpart. "
        "The minister will be in Lima from 18 to 20 March, the ministry said."
    )
    assert record.start_date == date(2031, 3, 18)


def test_a_proposal_rejected_on_a_condition_and_an_airline_holding_talks() -> None:
    assert (
        _upcoming(
            "Chile on Wednesday rejected a Brazilian-backed proposal to host the next round of talks with Peru in "
            "Brasilia, saying it would only accept a venue where the mediator is not a party."
        )
        == []
    )
    assert (
        _upcoming(
            "DOHA - Qatar Airways will hold talks with Boeing executives in Doha next week over compensation for "
            "delivery delays, a senior airline executive said on Tuesday.",
            title="Qatar Airways to hold talks with Boeing in Doha next week",
        )
        == []
    )


def test_a_round_moved_to_a_week_of_a_month_that_will_still_take_place_here() -> None:
    [record] = _upcoming(
        "LUANDA - The tripartite ministerial meeting between Chile, Peru and Angola, planned for this week, has "
        "been postponed to the second week of April and will still take place here, the Angolan ministry said.",
        title="Chile-Peru ministerial meeting pushed back to April",
    )
    assert (record.status, record.location, record.start_date) == ("rescheduled", "Luanda", None)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "THE HAGUE - The scout appointed by parliament to explore possible coalitions after the election will "
            "meet the leaders of the four largest parties again on Thursday, she said.",
            "Coalition scout to meet party leaders again on Thursday",
        ),
        (
            "BRUSSELS - Negotiators from the European Parliament and the Council of the EU will meet on Wednesday "
            "for what is expected to be the final round of interinstitutional talks (trilogue) on the regulation.",
            "",
        ),
    ],
)
def test_a_coalition_scout_and_a_trilogue_are_no_talks_between_states(text: str, title: str) -> None:
    assert _upcoming(text, title=title) == []


def test_an_armed_groups_home_state_beside_another_counterpart_and_its_unnamed_rival() -> None:
    drafts, _ = _drafts(
        "A delegation from Yemen's Houthi movement will arrive in Riyadh on Thursday for talks with Saudi officials."
    )
    assert set(drafts[0].parties) == {"Houthis", "Saudi Arabia"}
    [record] = _upcoming(
        "The army and the Rapid Support Forces will meet in Jeddah on Monday, the facilitators said."
    )
    assert set(record.parties) == {"RSF", "Sudanese Armed Forces"}


def test_separate_meetings_a_meeting_not_foreseen_and_a_next_meeting_nobody_dated() -> None:
    assert (
        _upcoming(
            "The UN envoy will hold separate meetings with Chilean officials and the Peruvian government this "
            "week. No meeting between the parties is foreseen during this trip, a spokesperson said."
        )
        == []
    )
    drafts, _ = _drafts(
        "Neither side said when or where the next meeting of Chile and Peru would take place."
    )
    assert [d for d in drafts if d.status == "announced"] == []
    # ... but separate meetings before a joint one leave the joint one
    drafts, _ = _drafts(
        "On Thursday the envoy is expected to hold separate meetings in Quito with the Chilean and Peruvian "
        "delegations before the joint session on Sunday."
    )
    assert [d.status for d in drafts] == ["announced"]


def test_a_members_summit_with_the_sides_bilateral_meeting_denied() -> None:
    text = (
        "The prime ministers of Chile and Peru will both be in Quito this week for the summit of the Organization "
        "of American States on March 14 and 15. But officials in both capitals said on Monday that no bilateral "
        "meeting was planned."
    )
    assert _upcoming(text) == []


def test_invitations_of_a_convening_go_between() -> None:
    text = (
        "The UN Secretary-General has formally invited the leaders of Chile and Peru to an informal meeting in "
        "an enlarged format in New York in the second half of April, a spokesman confirmed."
    )
    said = extract_talks(
        text, "", WEDNESDAY, extract_entities(text), find_dates(text, WEDNESDAY), model=NEVER
    )
    assert [(r.status, r.location) for r in said] == [("announced", "New York")]
    drafts, _ = _drafts(
        "The government of Chile and the government of Peru have responded positively to the invitation "
        "extended by the State of Qatar to resume direct negotiations in Doha."
    )
    assert drafts[0].mediators == ["Qatar"]
    drafts, _ = _drafts("The envoy has invited both delegations to Quito on Sunday, and both have accepted.")
    assert [d.status for d in drafts] == ["announced"]
    drafts, _ = _drafts(
        "The envoy said: I will convene a meeting of Chile and Peru when there is a real readiness to implement "
        "what has been agreed."
    )
    assert [d.status for d in drafts] == ["proposed"]


def test_a_minister_who_will_be_at_a_city_for_a_meeting() -> None:
    [record] = _upcoming(
        "The head of Chilean diplomacy will be at Lima this Saturday 15 March for a new ministerial meeting with "
        "his counterpart of Peru, under the aegis of the Ecuadorian mediator."
    )
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 15))


def test_an_envoy_bringing_two_delegations_together_and_the_states_own_spelling() -> None:
    [record] = _upcoming(
        "The US envoy overseeing the truce between Chile and Peru will bring Chilean and Peruvian delegations "
        "together at Arica on Friday, officials said."
    )
    assert (set(record.parties), record.location, record.start_date) == (
        {"Chile", "Peru"},
        "Arica",
        date(2031, 3, 14),
    )
    [record] = _upcoming(
        "Viet Nam and the Philippines will hold political consultations in Manila on March 20."
    )
    assert set(record.parties) == {"Vietnam", "Philippines"}


def test_a_speaker_that_says_it_will_send_a_delegation_is_a_side() -> None:
    drafts, _ = _drafts(
        "Hamas says it will send a delegation to Cairo tomorrow for a new round of indirect talks, in response "
        "to an invitation from Egyptian and Qatari mediators."
    )
    assert "Hamas" in drafts[0].parties


@pytest.mark.parametrize(
    ("text", "location", "start"),
    [
        (  # "here" of a past round beside a venue the plan names
            "ANKARA, March 12 - Talks here on Monday between Turkish and Greek officials were cordial, and the two "
            "sides agreed to meet again in Athens on March 24, the ministry said.",
            "Athens",
            date(2031, 3, 24),
        ),
        (  # a side going home after the talks is no destination
            "Russian and Ukrainian delegations will meet on Friday, the Kremlin said, without saying where. The "
            "Russian team will then return to Moscow for consultations with the president.",
            None,
            date(2031, 3, 14),
        ),
        (  # an invitation to another gathering is no destination
            "Pakistan's prime minister is invited to Beijing for the Belt and Road Forum this month. Separately, "
            "India and China agreed to hold another round of corps commander talks at a date to be set.",
            None,
            None,
        ),
        (  # week-long is no "Monday week"
            "Colombia's government and the ELN rebels will begin on Monday week-long consultations in Caracas "
            "ahead of formal talks, the peace commissioner said.",
            "Caracas",
            date(2031, 3, 17),
        ),
        (  # trilogues named in passing leave the talks between the EU and the UK
            "With trilogues on the budget still stuck, EU and UK negotiators will meet in London on Thursday for a "
            "new round of trade talks, the Commission said.",
            "London",
            date(2031, 3, 13),
        ),
    ],
)
def test_look_alikes_of_the_venue_and_day_rules(text: str, location: str | None, start: date | None) -> None:
    [record, *_] = _upcoming(text)
    assert (record.location, record.start_date) == (location, start)


def test_a_past_invitation_to_both_delegations_plans_nothing() -> None:
    text = (
        "Qatar had invited both delegations to Doha in January, where they held three days of talks on the Chad "
        "peace process. No further round has been set."
    )
    assert _upcoming(text) == []


def test_the_state_quoted_as_we_under_its_own_dateline_is_a_side() -> None:
    [record] = _upcoming(
        'LIMA - "We will host the seventh round of the trilateral dialogue with Chile and Bolivia here in Lima on '
        'Wednesday, March 19," the foreign ministry spokesperson said.'
    )
    assert set(record.parties) == {"Peru", "Chile", "Bolivia"}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (  # the list after "the ministers of Foreign Affairs of the ..." names the sides, not a topic
            "The ministers of Foreign Affairs of the Democratic Republic of Congo, Zambia, Malawi and Angola will meet "
            "next Monday in Lusaka, the host ministry said.",
            {"Democratic Republic of the Congo", "Zambia", "Malawi", "Angola"},
        ),
        (  # two states' bodies, set up by their capitals, hold their next session
            "The commissions set up by Bishkek and Dushanbe will hold their next session in Osh on March 20, the "
            "Kyrgyz foreign ministry said.",
            {"Kyrgyzstan", "Tajikistan"},
        ),
        (  # a bloc's ministers meeting one state: the bloc is a side
            "Foreign ministers of the six-member Gulf Cooperation Council (GCC) will hold a joint meeting with "
            "Turkey's foreign minister in Doha on March 20.",
            {"Gulf Cooperation Council", "Turkey"},
        ),
        (  # two capitals paired before the talks word name their states
            "The next meeting of the Belgrade-Pristina dialogue will take place in Brussels on March 20.",
            {"Serbia", "Kosovo"},
        ),
        (  # the truce a committee monitors is between the two sides that sit on it
            "The committee monitoring the cessation of hostilities between Sudan and South Sudan will hold its next "
            "meeting in Juba on March 20.",
            {"Sudan", "South Sudan"},
        ),
        (  # a working group's remit between two states names them
            "The Joint Working Group (JWG) on Water between Kazakhstan and Uzbekistan will meet on March 20.",
            {"Kazakhstan", "Uzbekistan"},
        ),
    ],
)
def test_sides_named_by_bodies_pairs_and_remits(text: str, parties: set[str]) -> None:
    [record, *_] = _upcoming(text)
    assert set(record.parties) == parties


def test_mediators_listed_in_apposition_are_no_sides() -> None:
    [record] = _upcoming(
        "Negotiators of Israel and Hamas will travel to Doha on Friday for a new round of talks convened by "
        "mediators Egypt, Qatar and the United States."
    )
    assert set(record.parties) == {"Israel", "Hamas"}
    assert set(record.mediators) == {"Egypt", "Qatar", "United States"}


@pytest.mark.parametrize(
    "text",
    [
        (  # a commemoration of old talks
            "A conference marking the twentieth anniversary of the accords will be held in Arusha on Friday, "
            "bringing together former negotiators, diplomats and scholars."
        ),
        (  # a bloc deciding its own measures against a state
            "EU foreign ministers will meet in Brussels on Monday to approve a new package of sanctions against "
            "Iran, diplomats said."
        ),
        (  # a plan that failed to be made
            "The personal envoy has not yet been able to convene the round-table format, which last met in Geneva "
            "four years ago."
        ),
        (  # a firm of the state, not its government
            "Chile's government and the Australian owner of the copper mine will resume negotiations next week on "
            "a new contract."
        ),
    ],
)
def test_meetings_that_are_no_talks_between_sides(text: str) -> None:
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (  # "here" under a dateline that is a city-state's name
            "KUWAIT, March 12 (Wire) - Talks between Iraq and the Kurdistan Regional Government will open here on "
            "Saturday, the host said.",
            "Kuwait City",
        ),
        (  # a palace's office is no first name: the site is read as its city
            "The two delegations will meet on Friday at the Dolmabahce Presidential Working Office, officials said.",
            "Istanbul",
        ),
        (  # a harbour the gazetteer does not know, named by the noun after it
            "The fisheries group of Ghana and Togo will meet on Friday aboard a patrol boat that will be berthed at "
            "Aflao harbour in eastern Ghana.",
            "Aflao",
        ),
        (  # ... but in "the Black Sea port of Odesa" the place is the one after "of", and a sea is none
            "Russia and Ukraine will hold talks in the Black Sea port of Odesa on Friday, and their experts at the "
            "Black Sea port on Monday.",
            "Odesa",
        ),
    ],
)
def test_venues_under_datelines_buildings_and_harbours(text: str, location: str) -> None:
    [record, *_] = _upcoming(text)
    assert record.location == location


def test_a_go_between_reconvening_a_government_and_its_opponents() -> None:
    [record] = _upcoming(
        "Ethiopia will on Friday reconvene the Somali government and the federal member states in Addis Ababa "
        "for the resumption of the dialogue, the mediator said."
    )
    assert record.mediators == ("Ethiopia",)
    assert "Somalia" in record.parties
    assert (record.location, record.start_date) == ("Addis Ababa", date(2031, 3, 14))


def test_a_working_level_contact_is_a_meeting() -> None:
    [record] = _upcoming(
        "The two Koreas will hold a working-level contact at the truce village of Panmunjom on Friday to discuss "
        "the liaison office, the ministry said."
    )
    assert set(record.parties) == {"South Korea", "North Korea"}
    assert (record.location, record.start_date) == ("Panmunjom", date(2031, 3, 14))


@pytest.mark.parametrize(
    "text",
    [
        (  # the meeting between the sides is a question a bloc will discuss
            "EU foreign ministers will meet in Brussels on Monday and are expected to discuss whether the bloc "
            "should convene an emergency meeting between the leaders of Serbia and Kosovo."
        ),
        (  # a trip to a forum, with no talks named
            "The president will travel to Davos next week to attend the World Economic Forum's annual meeting, "
            "where he will court investors."
        ),
    ],
)
def test_questions_and_forum_trips_are_no_plans(text: str) -> None:
    assert _upcoming(text) == []


def test_a_trip_to_a_summit_with_a_counterpart_stays_a_plan() -> None:
    [record] = _upcoming(
        "The president will travel to Minsk on Friday to attend a summit with his Belarusian counterpart."
    )
    assert record.location == "Minsk"


def test_the_present_tense_of_sitting_down_on_a_day_ahead_plans_it() -> None:
    drafts, _ = _drafts(
        "Water sharing is expected to top the agenda when the two ministers sit down again with the AU envoy in "
        "Kampala on March 20, officials said."
    )
    [draft] = drafts
    assert draft.status == "announced"
    assert draft.location is not None and draft.location.name == "Kampala"
    assert draft.start == date(2031, 3, 20)


def test_a_joint_mechanism_of_two_states_convening_in_the_datelines_capital() -> None:
    [record] = _upcoming(
        "NAIROBI - The Joint Border and Security Mechanism (JBSM) of Kenya and Somalia will convene on Friday in "
        "the capital for its first session in a year, the AU said."
    )
    assert set(record.parties) == {"Kenya", "Somalia"}
    assert (record.location, record.start_date) == ("Nairobi", date(2031, 3, 14))


def test_none_planned_denies_the_meeting() -> None:
    text = (
        "There was no bilateral meeting between Armenian and Azerbaijani delegations on the first day of the "
        "forum in Vienna on Tuesday, and none is planned for the closing session on Thursday, officials said."
    )
    assert _upcoming(text) == []


def test_talks_between_states_deep_in_a_business_story() -> None:
    text = (
        "Copper shipments from the port rose 12% in February, customs data showed, as miners cleared a backlog "
        "of cargoes. Traders said prices and freight rates would stay high. Shares of the largest producer rose "
        "2%. Chilean and Bolivian officials are set to hold another round of talks in Lima next Tuesday with "
        "Peru mediating, two people familiar with the plans said. The company declined to comment on its "
        "contract with the refinery."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Bolivia"}
    assert record.location == "Lima"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (  # the state lending the venue is no side against the format named
            "Senior diplomats from the three European powers will sit down with Iranian counterparts in Oslo on "
            "Friday, the Norwegian foreign ministry confirmed on Wednesday.",
            {"Iran", "France", "Germany", "United Kingdom"},
        ),
        (  # the remaining parties to the nuclear agreement
            "Senior officials from Iran and the countries still in the 2015 nuclear agreement will meet in Vienna "
            "on March 20, the EU said.",
            {"Iran", "France", "Germany", "United Kingdom", "China", "Russia"},
        ),
        (  # the state the others neighbour is what they discuss
            "The foreign minister of China will hold a meeting in Tashkent on March 20 with his counterparts from "
            "Russia, Iran and Pakistan, three other neighbours of Afghanistan.",
            {"China", "Russia", "Iran", "Pakistan"},
        ),
    ],
)
def test_format_members_and_neighbours(text: str, parties: set[str]) -> None:
    [record, *_] = _upcoming(text)
    assert set(record.parties) == parties


def test_an_invitation_to_a_meeting_in_the_capital_named_after_it() -> None:
    [record] = _upcoming(
        "A source told our correspondent that the Egyptian side sent official invitations to Hamas and Fatah for "
        "a meeting in the capital Cairo on the fourth of next month."
    )
    assert set(record.parties) == {"Hamas", "Fatah"}
    assert (record.location, record.start_date) == ("Cairo", date(2031, 4, 4))


def test_a_paired_mediation_inviting_both_delegations_to_resume() -> None:
    [record] = _upcoming(
        "The Qatari-Turkish mediation invited the delegations of Somalia and Somaliland to resume the negotiations "
        "on Friday evening, according to a statement issued overnight."
    )
    assert set(record.parties) == {"Somalia", "Somaliland"}
    assert set(record.mediators) == {"Qatar", "Turkey"}
    assert record.start_date == date(2031, 3, 14)


def test_sides_due_back_at_the_table_on_a_day() -> None:
    drafts, _ = _drafts('"They are due back at the table on the 24th, in Jeddah," the diplomat said.')
    [draft] = drafts
    assert draft.status == "announced"
    assert draft.location is not None and draft.location.name == "Jeddah"
    assert draft.start == date(2031, 3, 24)


def test_the_jcpoa_joint_commission_has_its_participants_without_the_word_nuclear() -> None:
    [record] = _upcoming(
        "A regular meeting of the Joint Commission of the Joint Comprehensive Plan of Action (JCPOA) will take "
        "place in Vienna on Friday."
    )
    assert set(record.parties) == {"Iran", "France", "Germany", "United Kingdom", "China", "Russia"}


def test_go_betweens_inviting_named_sides_to_resume_negotiations_on_a_day() -> None:
    [record] = _upcoming(
        "African Union and Ethiopian mediators have formally invited Sudan's Transitional Military Council and "
        "the FFC to resume direct negotiations on Saturday, according to a letter."
    )
    assert set(record.parties) == {"Transitional Military Council", "Forces of Freedom and Change"}
    assert set(record.mediators) == {"African Union", "Ethiopia"}
    assert record.start_date == date(2031, 3, 15)


@pytest.mark.parametrize(
    "text",
    [
        # where a statement was issued is not where the talks meet
        "The council confirmed in a statement issued in Nay Pyi Taw that its delegation would attend the talks "
        "on Friday.",
        # nor where a source speaks, fronted
        "In Beijing, a foreign ministry spokesperson said China supports the talks among the parties, which will "
        "be held on Friday.",
    ],
)
def test_where_statements_are_made_is_no_venue(text: str) -> None:
    assert all(r.location is None for r in _talks(text))


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (  # "none is planned" of one meeting, "but" another is
            "A summit of the leaders? None is planned, but Chile and Peru will hold vice-ministerial talks in Lima "
            "on March 20, an official said.",
            {"Chile", "Peru"},
        ),
        (  # a format the host could not convene, beside the talks it will host
            "Kenya, which has not been able to convene the regional format for months, will host Uganda, Rwanda "
            "and Burundi for talks in Nairobi on March 20.",
            {"Uganda", "Rwanda", "Burundi"},
        ),
        (  # a commemoration beside the talks of two sides
            "Ahead of a conference marking the anniversary of the accords, Serbia and Bosnia will hold talks on the "
            "border in Sarajevo on March 20.",
            {"Serbia", "Bosnia and Herzegovina"},
        ),
    ],
)
def test_a_clause_that_is_no_plan_leaves_the_sentences_plan(text: str, parties: set[str]) -> None:
    [record, *_] = _upcoming(text)
    assert set(record.parties) == parties
    assert record.start_date == date(2031, 3, 20)


def test_an_invitation_whose_meeting_took_place_plans_nothing() -> None:
    text = (
        'A year ago the mediators announced that both sides had accepted an invitation to "proximity talks", '
        "and the delegations sat down, in separate rooms, on March 12."
    )
    assert _upcoming(text) == []


def test_an_election_observation_mission_meeting_parties_is_no_talks() -> None:
    text = (
        "The European Union has deployed an election observation mission to Zambia at the invitation of the "
        'Electoral Commission. "The mission will meet the Electoral Commission, all political parties and '
        'civil society in the coming weeks," it said. The Chief Observer will brief the press on Thursday.'
    )
    assert _upcoming(text) == []


def test_a_round_moved_to_a_day_the_statement_of_which_has_its_own_day() -> None:
    [record] = _upcoming(
        "The new round between the Government and the M23, initially foreseen for this Monday 17 March in Doha, "
        "is postponed to Friday 21 March, announced the mediation in a communique made public this Wednesday."
    )
    assert record.status == "rescheduled"
    assert record.start_date == date(2031, 3, 21)


@pytest.mark.parametrize(
    "text",
    [
        (  # a past round in a relative clause beside a new invitation
            "Norway has invited the Colombian government and the ELN to a new round of talks in Oslo on March 24, "
            "after their delegations, which sat down in Havana last month, failed to agree a ceasefire."
        ),
        (  # ... and beside an accepted one
            "Eritrea has accepted an invitation to talks with Ethiopia in Riyadh on March 24, a year after "
            "delegations that had sat down in Jeddah failed to reach a deal."
        ),
    ],
)
def test_a_past_round_beside_a_new_invitation_leaves_the_plan(text: str) -> None:
    [record, *_] = _upcoming(text)
    assert record.start_date == date(2031, 3, 24)


def test_a_blocs_sanctions_meeting_is_no_talks_with_the_targets() -> None:
    text = "EU ambassadors will meet on Friday to approve sanctions against Iran over drone deliveries to Russia."
    assert _upcoming(text) == []


def test_capitals_listed_at_the_start_of_the_text_are_the_sides_not_a_dateline() -> None:
    [record] = _upcoming(
        "Ankara, Athens and Nicosia will hold a trilateral meeting of senior officials in Ankara on Monday."
    )
    assert set(record.parties) == {"Turkey", "Greece", "Cyprus"}
    assert record.location == "Ankara"


@pytest.mark.parametrize(
    ("text", "parties", "mediators"),
    [
        (
            "Peru and Ecuador agree to convene border committee meeting in Quito on March 20.",
            {"Peru", "Ecuador"},
            set(),
        ),
        (  # go-betweens that agree to convene the delegations of two others
            "Ghana and Togo agreed to convene the delegations of Mali and Niger in Accra on March 20.",
            {"Mali", "Niger"},
            {"Ghana", "Togo"},
        ),
    ],
)
def test_the_pair_that_agrees_to_convene_a_meeting_meets(
    text: str, parties: set[str], mediators: set[str]
) -> None:
    [record] = _upcoming(text)
    assert set(record.parties) == parties
    assert set(record.mediators) == mediators


def test_who_pushes_back_two_others_talks_is_their_go_between() -> None:
    [record] = _talks("Kenya has pushed back Ethiopia-Eritrea technical talks by a week to March 20.")
    assert set(record.parties) == {"Ethiopia", "Eritrea"}
    assert record.mediators == ("Kenya",)


def test_envoys_on_a_state_are_the_envoys_of_the_states_listed_after_it() -> None:
    [record] = _upcoming(
        "Uzbekistan will host a meeting of the special envoys on Afghanistan of China, Iran, Uzbekistan and Russia "
        "in Tashkent on March 20, the spokesperson said. The Afghan interim government has not been invited, "
        "she added.",
        title="Tashkent to host meeting of special envoys on Afghanistan on March 20",
    )
    assert set(record.parties) == {"China", "Iran", "Uzbekistan", "Russia"}


def test_a_state_in_apposition_to_the_venue_is_no_side() -> None:
    [draft] = _drafts(
        "The next cycle of the dialogue will be installed on Monday 17 March in the city of La Paz, Plurinational "
        "State of Bolivia."
    )[0]
    assert draft.location is not None and draft.location.name == "La Paz"
    assert draft.parties == []


def test_both_countries_are_the_pair_named_just_before() -> None:
    text = (
        "EU leaders agreed new sanctions on Russia and argued over aid for Ukraine, with Hungary blocking a "
        "statement on Russia's frozen assets and Russia's envoy protesting.\n\n"
        "The conclusions welcomed the work by Serbia and Kosovo on the implementation annex. Montenegro's foreign "
        "ministry said both countries' chief negotiators had accepted its offer to meet in Budva on March 20, "
        "stressing that it would provide a venue, not mediation."
    )
    [record, *_] = _upcoming(text)
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert record.location == "Budva"


def test_a_live_headline_on_a_later_day_of_talks_announces_nothing() -> None:
    text = "The third day of talks between the foreign ministers of Peru and Chile is under way near Lima."
    assert _upcoming(text, title="LIVE: Peruvian, Chilean ministers in third day of talks near Lima") == []


@pytest.mark.parametrize(
    "text",
    [
        # a condition on going
        'A minister said Kinshasa "will go to Luanda when the conditions are met, in particular the withdrawal".',
        # an offer no side has taken up
        "Italy has also offered to host a meeting of the two foreign ministers in Rome, but neither side has accepted.",
        # a report denied in the present tense
        "Jordanian officials deny reports that a parallel round of talks will open in Amman on Sunday.",
        # cancelled with no new date offered
        "The next round of talks, which had been scheduled for March 20, has been cancelled, the co-chairs said, "
        "without proposing a new date.",
    ],
)
def test_conditions_untaken_offers_denials_and_cancellations_announce_nothing(text: str) -> None:
    assert _upcoming(text) == []


def test_a_reported_plan_the_next_sentence_denies_is_no_plan() -> None:
    text = (
        "Estonia shut its border crossings last week. A Russian state newspaper reported on Tuesday that border "
        "and customs officials of the two countries would meet in Narva next week to discuss the stranded trucks. "
        'The Estonian foreign ministry denied the report. "There are no talks planned, and there will be none while '
        'the balloons keep coming," a spokeswoman said.'
    )
    assert _upcoming(text) == []


def test_a_meeting_dated_in_a_when_clause_is_a_plan() -> None:
    [record] = _upcoming(
        "When the government and ELN negotiators reconvene in Caracas on the 20th, the first item will be the "
        "ceasefire, according to two people briefed on the agenda."
    )
    assert set(record.parties) == {"Colombia", "ELN"}
    assert (record.location, record.start_date) == ("Caracas", date(2031, 3, 20))


def test_a_joint_supervisory_committee_convening_is_a_plan() -> None:
    [record] = _upcoming(
        "The Supervisory Committee on the prisoner exchange between Yemen's government and the Houthis, which the "
        "UN co-chairs with the ICRC, will convene in Muscat on Sunday to discuss new lists of names."
    )
    assert (record.location, record.start_date) == ("Muscat", date(2031, 3, 16))


def test_an_agreed_next_session_and_a_delegates_go_back_to_next_week() -> None:
    text = (
        "Lebanese and Israeli delegations have met several times in Naqoura, in sessions chaired by the United "
        'States. A member of the Lebanese delegation said the next session had been agreed. "We go back to '
        'Naqoura next Wednesday," he said.'
    )
    [record, *_] = _upcoming(text)
    assert set(record.parties) == {"Lebanon", "Israel"}
    assert (record.location, record.start_date) == ("Naqoura", date(2031, 3, 19))


def test_a_round_that_will_be_conducted_is_a_plan() -> None:
    [record] = _upcoming(
        "It has been disclosed that the third round of peace negotiation between the Federal Government of "
        "Somalia and Al-Shabaab will be conducted starting from next Tuesday in Nairobi."
    )
    assert record.start_date == date(2031, 3, 18)
    assert record.location == "Nairobi"


def test_the_pair_that_will_convene_their_own_committee_meets() -> None:
    [record] = _upcoming(
        "Laos and Vietnam will convene an extraordinary meeting of their joint border committee in Vientiane "
        "from March 20 to 22, the ministry announced."
    )
    assert set(record.parties) == {"Laos", "Vietnam"}
    assert record.mediators == ()


def test_guarantor_and_accompanying_countries_listed_after_a_comma_are_go_betweens() -> None:
    [record, *_] = _upcoming(
        "Talks between the Philippine government and the NDFP will resume in Oslo on March 20, according to a "
        "communique read on behalf of the guarantor countries, Norway, Sweden and Finland, and the accompanying "
        "countries Denmark, Iceland and Estonia."
    )
    assert set(record.parties) == {"Philippines", "NDFP"}
    listed = {"Norway", "Sweden", "Finland", "Denmark", "Iceland", "Estonia"}
    assert record.mediators and set(record.mediators) <= listed


def test_a_place_the_sides_agreed_the_talks_will_open_in_is_the_venue() -> None:
    [draft] = _drafts(
        "The report will go to the sixth cycle, which the delegations agreed will open in Caracas on March 20."
    )[0]
    assert draft.location is not None and draft.location.name == "Caracas"


def test_a_province_named_by_its_noun_is_the_venue() -> None:
    [record] = _upcoming(
        "Laos will host a meeting of the Thai-Lao border committee in Bokeo province on Thursday, the ministry said."
    )
    assert record.location == "Bokeo"


def test_a_go_between_led_initiative_after_the_sides_is_no_side() -> None:
    [record] = _upcoming(
        "Talks between the Sudanese government and the SPLM-N under the Ugandan-led initiative will resume in "
        "Kampala on March 20."
    )
    assert "Uganda" not in record.parties
    assert "Uganda" in record.mediators


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The leaders of Armenia and Azerbaijan will both be in Munich this weekend for the annual security "
            "conference, but the EU said on Wednesday that no meeting between the two had been arranged.",
            "Armenian and Azerbaijani leaders head to Munich, but Brussels says no meeting on the cards",
        ),
        (  # lawmakers' hearing about talks
            "The Senate foreign relations committee will hold a hearing on Thursday on the government's talks with "
            "Vietnam over the fishing grounds, its chairman said.",
            "",
        ),
        (  # an invitation with no day or place of its own (the day is the statement's)
            "The envoy said on Wednesday that Washington had invited the army and the RSF to a new round of "
            "negotiations, but that the army had not yet answered, weeks after it boycotted talks in Geneva.",
            "",
        ),
    ],
)
def test_no_meeting_arranged_a_hearing_and_an_undated_invitation_announce_nothing(
    text: str, title: str
) -> None:
    assert _upcoming(text, title=title) == []


def test_the_old_plans_day_in_its_own_clause_gives_way_to_the_new_one() -> None:
    [record] = _upcoming(
        "The dialogue between Armenia and the European Union, which had been scheduled to take place in Brussels "
        "on 14 March, will be held in Yerevan on 20 March."
    )
    assert (record.location, record.start_date) == ("Yerevan", date(2031, 3, 20))


def test_the_day_of_a_remark_to_reporters_is_not_the_talks_day() -> None:
    [record] = _upcoming(
        "Speaking to reporters on the sidelines of a cabinet meeting on Wednesday, the deputy minister said the "
        "next round with the three European countries will be held next week in Geneva."
    )
    assert record.start_date is None
    assert record.location == "Geneva"


def test_a_day_kept_in_a_follow_up_sentence() -> None:
    [record, *_] = _upcoming(
        "The next meeting of the joint military commission of Chad and Sudan will be held in N'Djamena rather than "
        "in Khartoum, the mission said. The date, Thursday March 20, is unchanged."
    )
    assert (record.location, record.start_date) == ("N'Djamena", date(2031, 3, 20))


def test_a_venue_named_in_a_follow_up_sentence() -> None:
    [record] = _upcoming(
        "An AU spokesperson said the chief negotiators of Belgrade and Pristina would meet on the 24th. The session "
        "will take place in Brussels and is expected to address the licence plates."
    )
    assert (record.location, record.start_date) == ("Brussels", date(2031, 3, 24))


def test_the_seat_of_the_office_that_confirms_is_not_the_venue() -> None:
    [record] = _upcoming(
        "A federal team will travel to the Kenyan capital, the Office of the Prime Minister in Mogadishu confirmed, "
        "adding that the talks with Puntland will open on Saturday."
    )
    assert record.location == "Nairobi"


def test_a_date_left_open_in_the_headline_is_no_round_under_way() -> None:
    [record, *_] = _upcoming(
        "Armenia and Azerbaijan have agreed to send their delegations back to Brussels for a new meeting, the EU "
        "envoy's office said, although the date has yet to be set.",
        title="Yerevan and Baku to resume EU-led talks in Brussels, date still open",
    )
    assert record.location == "Brussels"


def test_a_day_the_two_delegations_reconvene_on_is_ahead() -> None:
    [record] = _upcoming(
        "Officials in the capital say no large project will start before the frontier itself is settled, and that "
        "question returns to the table on Monday, when Lebanese and Israeli delegations reconvene at the UN post in Naqoura for US-mediated talks."
    )
    assert set(record.parties) == {"Lebanon", "Israel"}
    assert (record.location, record.start_date) == ("Naqoura", date(2031, 3, 17))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "An enlarged meeting on Cyprus that the United Nations had planned to hold in Geneva on Monday has been "
            "moved to New York and pushed back to March 24-25, the UN spokesman's office said.",
            "New York",
        ),
        (  # a new venue the gazetteer does not know
            "A meeting of the Lao-Thai border committee that had been scheduled for Thursday in Vientiane has been "
            "moved to Nong Khai and will now take place on Monday, March 24, the army said.",
            "Nong Khai",
        ),
        (  # the old day and place after "instead of"
            "The committee meeting will be held at a hotel in Pakse town on March 24 instead of March 14 in Vientiane.",
            "Pakse",
        ),
    ],
)
def test_a_moved_meeting_takes_its_new_venue_and_day(text: str, venue: str) -> None:
    [record, *_] = _upcoming(text)
    assert (record.location, record.start_date) == (venue, date(2031, 3, 24))


@pytest.mark.parametrize(
    "text",
    [
        (  # postponed, dated only by the statement
            "A meeting of the Joint Working Group, which was due to be held in the capital next week, has been "
            "postponed, the foreign ministry said on Wednesday. No new date has been fixed."
        ),
        (  # a report dismissed, then retold
            'Ethiopia\'s foreign ministry on Wednesday dismissed as "baseless" a report that water ministers of '
            "Ethiopia, Egypt and Sudan would meet in Khartoum next week. The report, carried by a news website, said "
            "the three countries would meet on Tuesday."
        ),
        (  # a labour congress and the government
            "The Nigeria Labour Congress (NLC) and the Federal Government will resume negotiations over the "
            "electricity tariff on Tuesday in Abuja."
        ),
    ],
)
def test_postponed_with_no_new_date_a_report_dismissed_and_labour_talks_announce_nothing(text: str) -> None:
    assert _upcoming(text) == []


def test_a_list_of_days_runs_from_the_first_to_the_last() -> None:
    [record] = _upcoming(
        "The delegations of the three countries will meet in Nairobi on 24, 25 and 27 March."
    )
    assert (record.start_date, record.end_date) == (date(2031, 3, 24), date(2031, 3, 27))


def test_an_invitation_to_a_named_building_on_weekdays_plans_those_days() -> None:
    [record, *_] = _upcoming(
        "The UN mission has invited delegations of the House of Representatives and the High Council of State to "
        "the Palais des Nations on Monday and Tuesday to try to close the remaining gaps, the mission said in a "
        "statement on Wednesday. \"The Special Representative will convene the two delegations at the UN's European "
        'headquarters," the mission said.'
    )
    assert (record.location, record.start_date) == ("Geneva", date(2031, 3, 17))


def test_sides_returning_to_a_city_in_the_headline_meet_there_again() -> None:
    [record, *_] = _upcoming(
        "Delegations of the army and the RSF will travel to the Red Sea city between 17 and 19 March for a new round "
        "of talks co-hosted by Saudi Arabia and the United States. Previous rounds in Jeddah collapsed in 2023.",
        title="Sudan's warring parties to return to Jeddah next week",
    )
    assert (record.location, record.start_date) == ("Jeddah", date(2031, 3, 17))


def test_the_round_that_ended_is_not_the_next_ones_venue() -> None:
    text = (
        "The Colombian government and the ELN ended a round of peace talks in Caracas on Tuesday and agreed to hold "
        "the next cycle of negotiations in Mexico, at a date to be set.\n\n"
        "Previous cycles were held in Caracas, in Mexico City and in Havana."
    )
    [record, *_] = _upcoming(text)
    assert record.location == "Mexico"


def test_a_retired_leaders_nationality_is_no_side() -> None:
    [draft, *_] = _drafts(
        "The AU invited both sides to talks in Pretoria starting on March 20, led by former Nigerian President "
        "Olusegun Obasanjo, with former Kenyan President Uhuru Kenyatta as co-facilitator."
    )[0]
    assert not {"Nigeria", "Kenya"} & set(draft.parties)
    assert not {"Nigeria", "Kenya"} & set(draft.mediators)


def test_a_former_ambassador_may_still_be_a_states_envoy() -> None:
    [record] = _upcoming(
        "A former Turkish ambassador to Washington will hold talks with the deputy speaker of Armenia's parliament "
        "in Vienna on March 20."
    )
    assert set(record.parties) == {"Turkey", "Armenia"}


def test_no_summit_arranged_but_ministers_will_meet_is_a_plan() -> None:
    [record] = _upcoming(
        "No meeting between the two presidents has been arranged, but the foreign ministers of Chile and Peru will "
        "meet in Lima on Friday, a spokesperson said."
    )
    assert (record.location, record.start_date) == ("Lima", date(2031, 3, 14))


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's foreign ministry denies that officials from Kenya and Somalia will meet in Djibouti on Monday.",
        "A newspaper reported on Wednesday that Greek and Turkish officials would meet in Vienna on Friday. Greece's "
        "foreign ministry denied the report.",
    ],
)
def test_a_plan_denied_in_the_present_or_in_the_next_sentence_is_no_plan(text: str) -> None:
    assert _upcoming(text) == []


def test_an_agreed_next_session_that_would_take_place_elsewhere() -> None:
    [record, *_] = _upcoming(
        "Talks between Serbia and Kosovo ended in Brussels on Tuesday. The sides agreed that the next session would "
        "take place in Skopje on March 25."
    )
    assert (record.location, record.start_date) == ("Skopje", date(2031, 3, 25))


def test_a_pair_that_agreed_on_a_weekday_to_convene_meets() -> None:
    [record] = _upcoming(
        "Georgia and Armenia agreed on Wednesday to convene a new round of border talks in Tbilisi on March 20."
    )
    assert set(record.parties) == {"Georgia", "Armenia"}
    assert record.mediators == ()


def test_an_invitation_to_a_palace_in_a_city_on_a_weekday_for_talks() -> None:
    [record] = _upcoming(
        "The Spanish prime minister has invited the leaders of Morocco and Algeria to the Moncloa Palace in Madrid "
        "on Monday for talks on the gas pipeline."
    )
    assert set(record.parties) == {"Morocco", "Algeria"}
    assert (record.location, record.start_date) == ("Madrid", date(2031, 3, 17))


def test_a_round_that_is_planned_with_its_date_open() -> None:
    [record] = _upcoming(
        "A fifth round of talks between Serbia and Kosovo is planned, but the date is still open."
    )
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert record.start_date is None


def test_the_day_an_invitation_was_made_is_not_the_talks_day() -> None:
    [record] = _upcoming(
        "Turkey invited Georgia and Armenia on Wednesday to hold talks in Ankara on March 20, and both accepted."
    )
    assert record.start_date == date(2031, 3, 20)


def test_both_of_a_pair_that_agreed_to_convene_others_delegations_are_go_betweens() -> None:
    [record] = _upcoming(
        "Qatar and the United States agreed on Wednesday to convene delegations from Chad and Sudan in Doha on "
        "Monday for talks on the border."
    )
    assert set(record.parties) == {"Chad", "Sudan"}
    assert set(record.mediators) == {"Qatar", "United States"}


def test_an_agreed_next_session_that_never_took_place_is_no_plan() -> None:
    text = (
        "At their last session in Vienna, the sides had agreed that the next session would be held in Geneva, but it "
        "never took place, Serbian and Kosovo officials said."
    )
    assert _upcoming(text) == []


def test_sides_that_would_open_their_next_cycle() -> None:
    [record] = _upcoming(
        "The peace commissioner said that government negotiators and the ELN would open their next cycle of talks "
        "in Havana on March 24, with Cuba and Norway again acting as guarantors."
    )
    assert set(record.parties) == {"Colombia", "ELN"}
    assert (record.location, record.start_date) == ("Havana", date(2031, 3, 24))


def test_a_mediator_inviting_the_parties_back_on_a_day() -> None:
    [record] = _upcoming(
        "Kenya, which is mediating between the South Sudanese government and the holdout groups, has invited the "
        "parties back to Nairobi on March 24 to finalise a security protocol."
    )
    assert (record.location, record.start_date) == ("Nairobi", date(2031, 3, 24))


def test_a_meeting_moved_between_cities_and_its_new_day_in_the_next_sentence() -> None:
    [record, *_] = _upcoming(
        "The African Union has moved a meeting to review the peace agreement between Ethiopia's federal government "
        "and the Tigray People's Liberation Front (TPLF) from Mekelle to Addis Ababa and brought it forward by four "
        "days, officials said on Wednesday. "
        "The review, originally scheduled to open in the Tigrayan capital on Friday, March 21, will now be held at "
        "the AU Commission headquarters in Addis Ababa on Monday."
    )
    assert record.status == "rescheduled"
    assert (record.location, record.start_date) == ("Addis Ababa", date(2031, 3, 17))


@pytest.mark.parametrize(
    "text",
    [
        # an effort to convene, not a plan made
        "The UN envoy has been trying to convene a seventh session of the Constitutional Committee in Geneva, "
        "which brings together delegations of the government and the opposition.",
        # an offer by a would-be host
        "Chile on Tuesday gave a cool response to an offer by Brazil to host a second meeting between the presidents "
        "of Chile and Bolivia in Brasilia.",
        # reports rejected with no article before them
        'The Foreign Office on Wednesday rejected as "baseless and mischievous" media reports that officials would '
        "hold talks with the TTP in Kabul next week.",
    ],
)
def test_efforts_offers_by_others_and_rejected_media_reports_announce_nothing(text: str) -> None:
    assert _upcoming(text) == []


def test_negotiators_meeting_the_mediators_are_the_sides_and_a_pair_of_officials_are_mediators() -> None:
    [record] = _upcoming(
        "Armenian and Azerbaijani negotiators will meet the mediators in Vienna on Friday. The talks will be hosted "
        "by Austria, with French and US officials taking part as mediators."
    )
    assert set(record.parties) == {"Armenia", "Azerbaijan"}
    assert {"France", "United States"} <= set(record.mediators)


def test_representatives_joining_a_meeting_on_a_day() -> None:
    [record] = _upcoming(
        "Serbian and Kosovar civilian representatives will join the military officers at Friday's meeting of the "
        "liaison mechanism in Brussels."
    )
    assert set(record.parties) == {"Serbia", "Kosovo"}
    assert (record.location, record.start_date) == ("Brussels", date(2031, 3, 14))


def test_another_event_the_meeting_comes_before_is_not_its_own() -> None:
    [record] = _upcoming(
        "Peru and Chile will hold talks on the maritime boundary in Lima on Friday. The meeting comes weeks before "
        "the joint review of the Pacific trade pact with Mexico and Colombia, scheduled for July."
    )
    assert set(record.parties) == {"Peru", "Chile"}


def test_a_visit_that_comes_before_the_talks_keeps_them() -> None:
    [record] = _upcoming(
        "The army chief visited forward posts on Tuesday. The visit comes a day before the round of talks between "
        "Armenia and Azerbaijan, which is scheduled for Thursday in Vienna."
    )
    assert set(record.parties) == {"Armenia", "Azerbaijan"}
    assert (record.location, record.start_date) == ("Vienna", date(2031, 3, 13))


def test_talks_told_after_as_officials_announced_that() -> None:
    [record] = _upcoming(
        "Thailand on Wednesday again protested against a Cambodian border post, as officials announced that "
        "negotiators from ASEAN and China would meet in Hanoi next week."
    )
    assert set(record.parties) == {"ASEAN", "China"}
    assert record.start_date is None  # the protest's day, not the talks'


def test_the_junta_stands_for_the_state_named_beside_its_military() -> None:
    text = (
        "Fighting between the Myanmar military and rebels went on. The rebels will meet the junta on Friday."
    )
    juntas = [e for e in extract_entities(text) if e.text == "junta"]
    assert [(e.kind, e.name) for e in juntas] == [("country", "Myanmar")]
    # two states beside their armies: whose junta is open
    text = "The Malian army and the Nigerien army clashed. The junta said it would meet envoys on Friday."
    assert not [e for e in extract_entities(text) if e.text == "junta"]


def test_a_go_betweens_own_state_in_apposition_is_no_side() -> None:
    [record] = _upcoming(
        "The African Union envoy, a veteran Nigerian diplomat appointed last year, will hold talks with the Sudanese "
        "army and the RSF in Jeddah on Friday."
    )
    assert "Nigeria" not in record.parties


def test_could_meet_with_no_date_set_by_either_government_is_no_plan() -> None:
    assert (
        _upcoming(
            "Analysts said the two sides could meet face to face in the coming weeks to revive the trade "
            "negotiations, but neither government has set a date or a venue."
        )
        == []
    )


def test_a_region_named_american_is_not_the_united_states() -> None:
    text = "The South American country and Latin American leaders, with American officials present."
    assert [e.text for e in extract_entities(text) if e.name == "United States"] == ["American"]


def test_a_debtor_inviting_its_bondholders_and_a_firms_talks_told_again_announce_nothing() -> None:
    assert (
        _upcoming("Ecuador's government has invited holders of its two dollar bonds to talks on Tuesday.")
        == []
    )
    assert (
        _upcoming(
            "Government negotiators and the consortium behind the planned gas plant in Mtwara will resume talks on "
            "Monday, the energy ministry said. The talks, to be held in Dodoma, will focus on fiscal terms. "
            "Neighbouring Mozambique and Kenya have watched the project closely."
        )
        == []
    )


def test_a_denied_plan_retold_by_the_newspaper_that_reported_it() -> None:
    text = (
        "The Treasury on Monday dismissed as false a newspaper report that officials would travel to Beijing for "
        "talks on the railway loans. A weekend newspaper had reported, citing unnamed sources, that Kenyan officials "
        "would hold talks with Chinese finance ministry officials in Beijing next week."
    )
    assert _upcoming(text) == []


def test_an_offer_to_host_is_not_taken_up_by_an_agreed_allocation() -> None:
    text = (
        'The fisheries minister said Norway was "ready to host a meeting at any time" in Bergen to break the '
        "deadlock over quotas, which has left the fishery without an agreed allocation."
    )
    assert _upcoming(text) == []


def test_a_house_of_state_is_no_venue_of_its_own() -> None:
    [record] = _upcoming(
        "Chile's president and New Zealand's prime minister will hold formal talks at Parliament on Thursday."
    )
    assert record.location is None


def test_a_dateline_of_two_cities_names_no_states() -> None:
    text = "CAIRO / KHARTOUM, May 2 (GD) - Sudan's army and the RSF will meet in Jeddah on Friday."
    found = {e.text: e.kind for e in extract_entities(text)}
    assert (found["CAIRO"], found["KHARTOUM"]) == ("place", "place")


def test_many_bilateral_meetings_of_a_host_are_not_the_storys() -> None:
    [record] = _upcoming(
        "The Egyptian and Iranian presidents will meet in Kazan on Friday. Russia's presidential aide said the host "
        "would hold around 20 bilateral meetings, including with the leaders of China, India, Iran and Egypt."
    )
    assert set(record.parties) == {"Egypt", "Iran"}


def test_a_round_ended_without_a_date_for_further_talks_is_held() -> None:
    [record] = _talks(
        "Russian and US diplomats ended a round of consultations in Istanbul on Tuesday without setting a date for "
        "further talks."
    )
    assert record.status == "held"


@pytest.mark.parametrize(
    "text",
    [
        # a condition on the sides' will
        '"If the two leaders want to meet, we will open our doors tomorrow," the foreign minister said.',
        # no one has said when
        "Neither side has announced when they will meet again.",
        # a forum's panels, a bloc's summit
        "The Doha Forum will open on Sunday with two days of panel discussions, organisers said.",
        "Kyrgyzstan will host the leaders of eight member states at the state residence on Friday.",
        # a government formed at home
        "The leaders of the four parties will sit down together on Thursday, the informateur said.",
        "The president will begin consultations with the seven parliamentary groups on Monday.",
    ],
)
def test_conditions_no_date_forums_and_government_forming_announce_nothing(text: str) -> None:
    assert _upcoming(text) == []


def test_a_hedge_is_no_condition_on_the_sides() -> None:
    [record] = _upcoming("If all goes well, Serbia and Kosovo will meet in Brussels on Friday.")
    assert set(record.parties) == {"Serbia", "Kosovo"}


def test_an_intergovernmental_conference_pushed_back_to_a_new_day_and_place() -> None:
    [record] = _upcoming(
        "The intergovernmental conference between the European Union and Montenegro has been pushed back to "
        "April 23 and will take place in Luxembourg."
    )
    assert record.status == "rescheduled"
    assert set(record.parties) == {"European Union", "Montenegro"}
    assert record.start_date == date(2031, 4, 23)


def test_a_meeting_postponed_with_its_old_day_in_a_clause_takes_the_new_one() -> None:
    [record] = _upcoming(
        "Egypt has postponed a meeting of Palestinian factions in Cairo, which was due to begin on Saturday, to "
        "June 26."
    )
    assert (record.status, record.start_date) == ("rescheduled", date(2031, 6, 26))


def test_a_round_going_ahead_as_scheduled_despite_reports_of_a_pull_out() -> None:
    [record] = _upcoming(
        "The foreign ministry said the next round of talks between Pakistan and Afghanistan would go ahead in "
        "Istanbul on Saturday as scheduled, dismissing reports that Islamabad was considering pulling out."
    )
    assert (record.location, record.start_date) == ("Istanbul", date(2031, 3, 15))


def test_delegations_expected_back_for_a_round_but_not_a_traveller_coming_home() -> None:
    [record] = _upcoming(
        "Delegations from Kinshasa and the M23 are expected back in Doha on Monday for a new round of talks."
    )
    assert (record.location, record.start_date) == ("Doha", date(2031, 3, 17))
    assert (
        _upcoming("The opposition leader is expected back in Caracas this week after meetings in Europe.")
        == []
    )


def test_a_day_opening_the_sentence_dates_the_talks_in_its_main_clause() -> None:
    [record] = _upcoming("On Saturday, Serbia and Kosovo will hold talks in Brussels.")
    assert record.start_date == date(2031, 3, 15)
    # ... but not a statement's day
    [record] = _upcoming("On Monday, the ministry said Serbia and Kosovo will hold talks in Brussels.")
    assert record.start_date is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The rial fell ahead of Saturday's talks between Iran and the United States in Muscat.", 15),
        (
            "Iran's foreign minister would defend the nation's rights at Saturday's indirect talks with the United "
            "States in Muscat.",
            15,
        ),
        (
            "Negotiators from Moldova and Transnistria will discuss the crisis at a meeting in Bender on Thursday.",
            13,
        ),
    ],
)
def test_talks_named_by_their_day_or_the_meeting_a_discussion_will_be_held_at(text: str, day: int) -> None:
    [record] = _upcoming(text)
    assert record.start_date == date(2031, 3, day)


def test_talks_of_a_past_day_and_a_blocs_summit_discussing_a_state_are_no_plans() -> None:
    assert (
        _upcoming("At Saturday's talks in Muscat, Iran and the United States agreed on a prisoner list.")
        == []
    )
    assert (
        _upcoming("European Union leaders will discuss possible sanctions on Turkey at a summit next week.")
        == []
    )


def test_a_new_day_beside_the_old_plan_it_replaces() -> None:
    [record] = _upcoming(
        "The next cycle of talks between the government and the ELN will be held in Havana starting April 15 "
        "instead of opening in Caracas on Monday as previously planned."
    )
    assert (record.location, record.start_date) == ("Havana", date(2031, 4, 15))


def test_a_meeting_that_opens_on_a_day() -> None:
    [record] = _upcoming(
        "A two-day meeting of the joint security mechanism between South Sudan and Sudan opens in Juba on Sunday."
    )
    assert (record.location, record.start_date) == ("Juba", date(2031, 3, 16))


def test_readiness_to_help_and_to_host_is_an_offer() -> None:
    text = (
        '"Algeria stands ready to place its experience at the service of our Malian brothers and to host, in '
        'Algiers or anywhere they choose, an inclusive dialogue," the foreign minister said on Tuesday.'
    )
    assert _upcoming(text) == []


def test_another_matter_put_off_indefinitely_leaves_the_rescheduled_meeting() -> None:
    [record] = _upcoming(
        "Egypt has postponed a meeting of Palestinian factions in Cairo, which was due to begin on Saturday, to "
        "June 26. The last meeting of the factions, in March, agreed on legislative elections, but the president "
        "postponed the vote indefinitely."
    )
    assert (record.status, record.start_date) == ("rescheduled", date(2031, 6, 26))


def test_groups_named_in_full_with_their_short_names_are_sides() -> None:
    [record] = _upcoming(
        "Representatives of the Central African Republic's government and of two armed groups, the Union for Peace "
        "in the Central African Republic (UPC) and the Return, Reclamation and Rehabilitation (3R) group, will meet "
        "in N'Djamena on Saturday for talks brokered by Chad."
    )
    assert set(record.parties) == {"Central African Republic", "UPC", "3R"}
    text = "On Monday, the Movement for Socialism (MAS) party said the MAS would attend."
    assert [(e.text, e.name) for e in extract_entities(text)] == [
        ("Movement for Socialism", "MAS"),
        ("MAS", "MAS"),
    ]


def test_a_known_groups_short_name_and_joint_bodies_are_no_new_groups() -> None:
    text = "The Arakan Army (AA) and the Joint Working Group (JWG) of the two states will meet."
    assert {e.name for e in extract_entities(text)} == {"Arakan Army"}


def test_a_plan_told_in_a_when_clause_of_a_journey_for_the_annual_consultation() -> None:
    [record] = _upcoming(
        "The border will also be on the agenda when the Malaysian prime minister travels to Jakarta for the annual "
        "consultation with the Indonesian president, the ministry said."
    )
    assert set(record.parties) == {"Malaysia", "Indonesia"}
    assert record.location == "Jakarta"


@pytest.mark.parametrize(
    ("text", "parties", "location", "day"),
    [
        (
            "Sudan and South Sudan will convene the Joint Political and Security Mechanism (JPSM) in Juba on Saturday "
            "to discuss the Abyei border.",
            {"Sudan", "South Sudan"},
            "Juba",
            date(2031, 3, 15),
        ),
        (
            "Kosovo and Serbia will hold the next round of EU-facilitated talks in Brussels on March 19, the EU said, a "
            "day after Kosovo's parliament postponed the budget vote indefinitely.",
            {"Kosovo", "Serbia"},
            "Brussels",
            date(2031, 3, 19),
        ),
        (
            "Negotiations between Guyana and Venezuela on the Essequibo dispute begin in Kingstown on March 24, "
            "CARICOM said.",
            {"Guyana", "Venezuela"},
            "Kingstown",
            date(2031, 3, 24),
        ),
        (
            "Iran's foreign minister arrived in Muscat on Wednesday ahead of Saturday's talks with the United States, "
            "Omani state media reported.",
            {"Iran", "United States"},
            "Muscat",
            date(2031, 3, 15),
        ),
        (
            "Water sharing will be discussed at a meeting of the Indian and Pakistani Indus commissioners in Lahore on "
            "March 25, officials said.",
            {"India", "Pakistan"},
            "Lahore",
            date(2031, 3, 25),
        ),
        (
            "Colombian government and ELN negotiators are expected back in Caracas next week for a sixth round of "
            "talks, the Venezuelan foreign ministry said.",
            {"Colombia", "ELN"},
            "Caracas",
            None,
        ),
        (
            "Thailand and Cambodia will hold border talks in Kuala Lumpur on Friday, with Malaysia's foreign minister "
            "and a U.S. State Department envoy taking part as mediators.",
            {"Thailand", "Cambodia"},
            "Kuala Lumpur",
            date(2031, 3, 14),
        ),
        (
            "Greek and Turkish diplomats will hold a new round of exploratory talks in İstanbul on March 18, Türkiye's "
            "foreign ministry said.",
            {"Greece", "Turkey"},
            "Istanbul",
            date(2031, 3, 18),
        ),
        (
            "Russia and Ukraine agreed to hold a new round of talks in Istanbul, though neither side has announced "
            "when it will take place.",
            {"Russia", "Ukraine"},
            "Istanbul",
            None,
        ),
    ],
)
def test_review_wordings_of_this_rounds_rules(
    text: str, parties: set[str], location: str, day: date | None
) -> None:
    [record, *_] = _upcoming(text)
    assert (set(record.parties), record.location, record.start_date) == (parties, location, day)


def test_negotiators_coming_home_after_a_round_plan_nothing() -> None:
    text = (
        "Colombia's negotiators are expected back in Bogota on Friday after the fifth round of talks with the ELN in "
        "Caracas ended without agreement."
    )
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru ended a round of talks in Oslo on Tuesday. A summit between the two presidents is planned "
        "for next month.",
        "Chile and Peru ended a round of talks in Oslo on Tuesday. A summit between the two presidents is scheduled "
        "for later this year.",
        "Chilean and Peruvian envoys wrapped up two days of talks in Oslo on Tuesday. A meeting between the two "
        "foreign ministers is scheduled for the coming weeks.",
    ],
)
def test_a_meeting_put_on_the_calendar_for_a_time_ahead_is_announced(text: str) -> None:
    [record, *_] = _upcoming(text)
    assert (set(record.parties), record.location, record.start_date) == ({"Chile", "Peru"}, None, None)


@pytest.mark.parametrize(
    "text",
    [
        # a time behind, a meeting that points to no sides
        "Chile and Peru ended a round of talks in Oslo on Tuesday. A summit between the two presidents was planned "
        "for last month but never took place.",
        "Chile and Peru ended a round of talks in Oslo on Tuesday. A panel discussion on the talks is planned for "
        "next week at the university.",
    ],
)
def test_a_calendar_wording_without_a_plan_of_the_sides_announces_nothing(text: str) -> None:
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Envoys of Chile and Peru wrapped up two days of talks in Oslo on Tuesday ahead of a planned summit between "
        "their presidents.",
        "Chile and Peru ended their working-level talks in Oslo on Monday to prepare for a second summit between "
        "their leaders.",
    ],
)
def test_a_held_round_preparing_the_sides_planned_meeting_announces_it(text: str) -> None:
    [record, *_] = _upcoming(text)
    # the round held gave its day and venue, not the planned meeting's
    assert (set(record.parties), record.location, record.start_date) == ({"Chile", "Peru"}, None, None)


def test_a_held_round_preparing_it_announces_it_under_a_headline_that_ends_the_round() -> None:
    text = (
        "Chile and Peru ended their working-level talks in Oslo on Monday to prepare for a second summit between "
        "their leaders. The envoys held three days of discussions."
    )
    [record, *_] = _upcoming(text, title="Chile, Peru end working-level talks in Norway")
    assert set(record.parties) == {"Chile", "Peru"}


@pytest.mark.parametrize(
    "text",
    [
        # a possible meeting, a meeting of others, the round held only
        "Envoys of Chile and Peru wrapped up two days of talks in Oslo on Tuesday ahead of a possible summit between "
        "their presidents.",
        "Envoys of Chile and Peru wrapped up two days of talks in Oslo on Tuesday ahead of a planned summit of the "
        "regional bloc.",
        "Envoys of Chile and Peru wrapped up two days of talks in Oslo on Tuesday after preparing for months.",
    ],
)
def test_a_held_round_before_no_planned_meeting_of_the_sides_announces_nothing(text: str) -> None:
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A summit between the presidents of Chile and Peru could be planned for next month if the talks make "
        "progress.",
        "A summit between the presidents of Chile and Peru could be scheduled for next month.",
        "A summit between the presidents of Chile and Peru might well be held in Lima next month.",
    ],
)
def test_a_meeting_that_could_be_planned_is_no_plan(text: str) -> None:
    assert _upcoming(text) == []


def test_a_meeting_that_is_to_be_held_stays_a_plan() -> None:
    [record] = _upcoming("A summit between the presidents of Chile and Peru is to be held in Lima on Friday.")
    assert (set(record.parties), record.location, record.start_date) == (
        {"Chile", "Peru"},
        "Lima",
        date(2031, 3, 14),
    )


@pytest.mark.parametrize(
    ("text", "title", "parties", "location", "day"),
    [
        (
            "Chile and Peru concluded talks in Oslo on Tuesday. The two sides will reconvene in Geneva on March 24.",
            "",
            {"Chile", "Peru"},
            "Geneva",
            date(2031, 3, 24),
        ),
        (
            "Thailand and Cambodia ended a two-day border committee meeting in Kuala Lumpur on Friday, agreeing to "
            "extend the ceasefire monitoring arrangements and to reconvene in Bangkok on March 23, the two defence "
            "ministries said.",
            "",
            {"Thailand", "Cambodia"},
            "Bangkok",
            date(2031, 3, 23),
        ),
        (
            "Thailand and Cambodia ended a two-day border committee meeting in Kuala Lumpur on Friday, the two "
            "defence ministries said.",
            "Thai, Cambodian border committee to reconvene in Bangkok on March 23",
            {"Thailand", "Cambodia"},
            "Bangkok",
            date(2031, 3, 23),
        ),
    ],
)
def test_sides_that_reconvene_at_a_place_or_time_plan_a_round(
    text: str, title: str, parties: set[str], location: str, day: date
) -> None:
    [record, *_] = _upcoming(text, title=title)
    assert (set(record.parties), record.location, record.start_date) == (parties, location, day)


@pytest.mark.parametrize(
    "text",
    [
        "The parliament will reconvene on Monday after the recess, the speaker said.",
        "The court will reconvene on March 20 to hear the case against the former minister.",
    ],
)
def test_a_house_or_court_that_reconvenes_holds_no_talks(text: str) -> None:
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Egypt's foreign minister and his Turkish counterpart will meet in Cairo on Saturday to discuss the situation "
        "in Libya and Sudan.",
        "Egypt and Turkey will hold talks in Cairo on Saturday on the wars in Libya and Sudan.",
        "The foreign ministers of Egypt and Turkey will meet in Cairo on Saturday to discuss the situation in Gaza, "
        "Libya and Sudan, the ministry said.",
        "Egypt and Turkey will hold talks in Cairo on Saturday on regional issues, including Libya and Sudan.",
    ],
)
def test_every_state_of_a_listed_subject_is_a_topic(text: str) -> None:
    [record, *_] = _upcoming(text)
    assert set(record.parties) == {"Egypt", "Turkey"}


def test_a_state_in_a_clause_of_background_is_no_side() -> None:
    text = (
        "The European Union and China will hold their annual summit in Beijing on March 24, the bloc said on "
        "Tuesday, amid tensions over trade and Beijing's ties with Moscow."
    )
    [record, *_] = _upcoming(text)
    assert set(record.parties) == {"European Union", "China"}


def test_the_government_of_a_state_and_a_group_are_both_sides() -> None:
    text = (
        "The national government of Papua New Guinea and the Autonomous Bougainville Government will resume their "
        "consultation on the region's future on 4 April in Port Moresby, Bougainville's president told the House "
        "of Representatives."
    )
    [record, *_] = _upcoming(text)
    assert set(record.parties) == {"Papua New Guinea", "Bougainville"}


def test_talks_a_story_on_something_else_comes_ahead_of_are_announced() -> None:
    text = (
        "China's exports to the United States fell 12 percent in February from a year earlier, customs data showed "
        "on Monday. The data come ahead of talks between U.S. Treasury Secretary Mark Halvorsen and Chinese Vice "
        "Premier Zhou Lin in Stockholm next week, where the two sides are expected to discuss a tariff truce."
    )
    [record, *_] = _upcoming(text, title="China's exports to US slump 12% in February")
    assert (set(record.parties), record.location) == ({"United States", "China"}, "Stockholm")


def test_ahead_of_talks_without_a_time_ahead_is_no_plan() -> None:
    text = (
        "China's exports to the United States fell 12 percent in February, customs data showed on Monday, ahead of "
        "talks between the two countries' trade envoys."
    )
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Armenian and Azerbaijani negotiators wrapped up two days of talks in Geneva on Wednesday and agreed to meet "
        "again after consultations with their capitals.",
        "Chile and Peru ended two days of talks in Oslo on Tuesday and will hold another round next month.",
    ],
)
def test_a_plan_told_after_the_round_held_has_not_its_venue(text: str) -> None:
    [record, *_] = _upcoming(text)
    assert (record.location, record.start_date) == (None, None)


def test_a_plan_told_after_the_round_held_keeps_a_venue_named_for_it() -> None:
    text = "Chile and Peru ended two days of talks in Oslo on Tuesday and agreed to meet again in Lima next month."
    [record, *_] = _upcoming(text)
    assert record.location == "Lima"


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru ended two days of talks in Oslo on Tuesday. A third round is expected in the coming weeks, "
        "diplomats said.",
        "Chile and Peru ended two days of talks in Oslo on Tuesday. The next round is expected next month.",
        "Chile and Peru ended two days of talks in Oslo on Tuesday. Further consultations between the two sides are "
        "expected in the coming weeks.",
    ],
)
def test_the_next_round_expected_for_a_time_ahead_is_announced(text: str) -> None:
    [record, *_] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Peru"}


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru ended two days of talks in Oslo on Tuesday. A deal is expected in the coming weeks.",
        "Chile and Peru ended two days of talks in Oslo on Tuesday. A third round was expected last month but never "
        "happened.",
    ],
)
def test_something_else_expected_or_a_round_expected_before_announces_nothing(text: str) -> None:
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "A summit between the presidents of the Democratic Republic of the Congo and Rwanda that was set for "
            "March 15 in Luanda has been pushed back by one week, Angola's presidency said on Wednesday.",
            date(2031, 3, 22),
        ),
        (
            "Talks between Chile and Peru planned for Friday in Lima have been postponed by two days, officials said.",
            date(2031, 3, 16),
        ),
        # a month has no fixed length: the new time is vague
        ("Talks between Chile and Peru planned for Friday in Lima have been postponed by a month.", None),
    ],
)
def test_a_meeting_pushed_back_by_days_or_weeks_moves_its_old_day(text: str, day: date | None) -> None:
    [record, *_] = _upcoming(text)
    assert (record.status, record.start_date) == ("rescheduled", day)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "LIMA, March 12 (Reuters) - Foreign Minister Ana Quispe told reporters in Lima on Wednesday that her "
            "ministry's delegation will travel to Santiago on Sunday for talks with Chilean officials on the border.",
            {"Peru", "Chile"},
        ),
        (
            "NEW DELHI, March 12 (PTI) - External Affairs Minister Arjun Mehra and Chinese Foreign Minister Liang "
            "Wei will hold talks via video conference on Friday, officials said on Wednesday.",
            {"India", "China"},
        ),
        # a dateline that is no minister's capital adds no side
        (
            "GENEVA, March 12 (Reuters) - Foreign Minister Ana Quispe will hold talks with Chilean officials on "
            "Friday, her spokesman said.",
            {"Chile"},
        ),
    ],
)
def test_a_minister_of_no_named_state_under_a_capitals_dateline_is_its_state(
    text: str, parties: set[str]
) -> None:
    [record, *_] = _upcoming(text)
    assert set(record.parties) == parties


@pytest.mark.parametrize(
    "text",
    [
        "GABORONE, March 10 (Reuters) - Botswana's government and diamond miner De Beers will begin a new round of "
        "negotiations in Gaborone on Thursday over the sales agreement for rough diamonds, the mines ministry said.",
        "Guinea's government and mining giant Rio Tinto will resume talks in Conakry next week on the iron ore "
        "project, the mines minister said.",
        "Ghana's government and the Chinese company Sinohydro will meet in Accra on Friday to renegotiate a "
        "bauxite-for-infrastructure deal.",
    ],
)
def test_a_government_meeting_a_firm_named_by_its_trade_holds_no_talks_between_states(text: str) -> None:
    assert _upcoming(text) == []


def test_two_governments_are_no_firm() -> None:
    [record] = _upcoming(
        "Chile's government and Peru's government will hold talks in Lima on Friday on trade."
    )
    assert set(record.parties) == {"Chile", "Peru"}


@pytest.mark.parametrize(
    "title",
    [
        "Iran, European powers to hold nuclear talks in Istanbul on Friday",
        "Colombia, ELN rebels to resume talks in Havana on Friday",
    ],
)
def test_a_headline_plan_led_by_the_sides_under_a_generic_noun_announces(title: str) -> None:
    text = (
        "TEHRAN, March 12 (Reuters) - The deputy foreign minister said the last meeting in Geneva in January had "
        "been serious, but warned that the country would respond to new sanctions."
    )
    [record, *_] = _upcoming(text, title=title)
    assert record.start_date == date(2031, 3, 14)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Indonesia will host Malaysia's prime minister in Jakarta on Monday for the annual consultation, the "
            "foreign ministry said.",
            {"Indonesia", "Malaysia"},
        ),
        ("Kenya will host South Sudan's president in Nairobi on Friday for talks.", {"Kenya", "South Sudan"}),
        # a host of two guests' ministers is their go-between
        (
            "Turkey will host the Russian and Ukrainian foreign ministers in Antalya on Thursday for talks.",
            {"Russia", "Ukraine"},
        ),
    ],
)
def test_a_host_receiving_one_states_leader_for_talks_meets_that_leader(text: str, parties: set[str]) -> None:
    [record, *_] = _upcoming(text)
    assert set(record.parties) == parties


@pytest.mark.parametrize(
    ("text", "parties", "location", "day"),
    [
        (
            "Colombia's talks with the ELN were frozen in January. On Tuesday, the government's chief negotiator "
            "said the delegations had agreed to sit down again in Havana on March 19 to review a draft ceasefire "
            "protocol.",
            {"Colombia", "ELN"},
            "Havana",
            date(2031, 3, 19),
        ),
        (
            "Guyana's government said the presidents of Guyana and Venezuela had agreed, in a telephone call "
            "facilitated by the prime minister of Saint Vincent and the Grenadines, to meet in Kingstown on March 30.",
            {"Guyana", "Venezuela"},
            "Kingstown",
            date(2031, 3, 30),
        ),
    ],
)
def test_a_past_agreement_reported_for_a_meeting_dated_ahead_announces_it(
    text: str, parties: set[str], location: str, day: date
) -> None:
    [record, *_] = _upcoming(text)
    assert (set(record.parties), record.location, record.start_date) == (parties, location, day)


def test_a_past_agreement_for_a_meeting_that_never_took_place_announces_nothing() -> None:
    text = "The two presidents had agreed to meet in Kingstown on March 3, but the meeting never took place."
    assert _upcoming(text) == []


@pytest.mark.parametrize(
    ("text", "parties", "location", "day"),
    [
        (
            "Civilian representatives of Lebanon and Israel will take part in a meeting of the ceasefire monitoring "
            "committee, chaired by the United States, in Naqoura on Friday, a presidency source said.",
            {"Lebanon", "Israel"},
            "Naqoura",
            date(2031, 3, 14),
        ),
        (
            "Israeli and Hamas negotiators will take part in a new round of indirect talks in Doha on Sunday, two "
            "Egyptian security sources said.",
            {"Israel", "Hamas"},
            "Doha",
            date(2031, 3, 16),
        ),
    ],
)
def test_sides_that_will_take_part_in_a_meeting_plan_it(
    text: str, parties: set[str], location: str, day: date
) -> None:
    [record, *_] = _upcoming(text)
    assert (set(record.parties), record.location, record.start_date) == (parties, location, day)


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at a press conference on Wednesday, Cambodia's defence ministry spokeswoman said the border "
        "committee meeting between Cambodia and Thailand will be held in Kuala Lumpur from March 21 to 23.",
        "PHNOM PENH, March 12 (Xinhua) -- Speaking at a press conference on Wednesday, a spokeswoman said the border "
        "committee meeting between Cambodia and Thailand will be held in Kuala Lumpur from March 21 to 23.",
    ],
)
def test_the_day_a_speaker_spoke_on_is_not_the_talks_day(text: str) -> None:
    [record, *_] = _upcoming(text)
    assert (record.location, record.start_date, record.end_date) == (
        "Kuala Lumpur",
        date(2031, 3, 21),
        date(2031, 3, 23),
    )


def test_the_next_round_reported_with_its_venue_and_day_under_a_headline_ending_the_last_one() -> None:
    text = (
        "GENEVA, March 12 (Reuters) - U.S. and Chinese trade negotiators wrapped up two days of talks in Geneva on "
        "Tuesday, agreeing to extend a pause on tariff increases. The U.S. trade representative said the talks had "
        'been "constructive" and that the teams would meet again in Stockholm on April 8.'
    )
    [record, *_] = _upcoming(text, title="U.S., China wrap up Geneva trade talks, set next round")
    assert (set(record.parties), record.location, record.start_date) == (
        {"United States", "China"},
        "Stockholm",
        date(2031, 4, 8),
    )


def test_a_next_round_reported_on_a_condition_is_no_plan() -> None:
    text = (
        "U.S. and Chinese trade negotiators wrapped up two days of talks in Geneva on Tuesday. The U.S. trade "
        "representative said the teams would meet again in Stockholm on April 8 if the truce holds."
    )
    assert _upcoming(text, title="U.S., China wrap up Geneva trade talks") == []


def test_another_meeting_put_off_leaves_the_plan_standing() -> None:
    text = (
        "South and North Korea will hold Red Cross talks at the border truce village of Panmunjom on Thursday, "
        "Seoul's unification ministry said. South Korea's president met Japan's prime minister in Tokyo last week, "
        "while a trilateral summit of South Korea, Japan and China planned for this month was postponed without a "
        "new date."
    )
    [record, *_] = _upcoming(text)
    assert (set(record.parties), record.location, record.start_date) == (
        {"South Korea", "North Korea"},
        "Panmunjom",
        date(2031, 3, 13),
    )


def test_the_plans_own_meeting_put_off_still_stops_it() -> None:
    text = (
        "South and North Korea will hold Red Cross talks at Panmunjom on Thursday, the ministry said. Later, the "
        "ministry said the talks between South and North Korea had been postponed without a new date."
    )
    assert _upcoming(text) == []


def test_a_mediator_named_with_the_sides_is_no_side() -> None:
    text = (
        "Saudi Arabia and Iran, together with mediator China, will hold a meeting in Beijing on Monday to review "
        "the agreement that restored their relations, the ministry said."
    )
    [record] = _upcoming(text)
    assert (set(record.parties), record.mediators) == ({"Saudi Arabia", "Iran"}, ("China",))


def test_a_round_put_off_that_will_take_place_in_a_week_of_a_month_is_moved() -> None:
    text = (
        "A round of talks between Saudi Arabia and Yemen's Houthi movement that was postponed last month will take "
        "place in Muscat in the first week of April, two Omani officials said."
    )
    [record, *_] = _upcoming(text)
    # (the possessive only qualifies the group: Yemen is no side of its own)
    assert (record.status, set(record.parties), record.location, record.start_date) == (
        "rescheduled",
        {"Saudi Arabia", "Houthis"},
        "Muscat",
        None,
    )


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "The border commissions of Armenia and Azerbaijan will hold their next meeting in Ijevan, in Armenia's "
            "Tavush province, on March 27.",
            "Ijevan",
        ),
        (
            "The border commissions of Armenia and Azerbaijan will meet in Dilijan, Armenia, on March 27.",
            "Dilijan",
        ),
        # the country alone stays the venue
        ("Armenia and Azerbaijan will hold talks in Armenia on March 27.", "Armenia"),
    ],
)
def test_a_town_the_gazetteer_lacks_placed_in_its_country_is_the_venue(text: str, location: str) -> None:
    [record, *_] = _upcoming(text)
    assert record.location == location


def test_another_meeting_the_announcement_came_after_adds_no_side() -> None:
    text = (
        "India and China will hold the 25th round of talks between their Special Representatives on the boundary "
        "question in Beijing on March 24, the ministry said on Wednesday. The announcement came a day after the "
        "Prime Minister's meeting with his Japanese counterpart in Tokyo, where the two leaders also discussed the "
        "Quad summit due later this year."
    )
    [record, *_] = _upcoming(text)
    assert (set(record.parties), record.location) == ({"India", "China"}, "Beijing")


def test_a_meeting_held_to_prepare_another_gives_it_neither_its_venue_nor_its_day() -> None:
    text = (
        "KIGALI, March 12 (Xinhua) -- Experts from Burundi and Rwanda met on Tuesday in the western Rwandan town of "
        "Rubavu to prepare for a ministerial meeting to be held on Friday in Kigali, the foreign ministry said."
    )
    [record, *_] = _upcoming(text)
    assert (set(record.parties), record.location, record.start_date) == (
        {"Burundi", "Rwanda"},
        "Kigali",
        date(2031, 3, 14),
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "IMF mission to begin review talks with Pakistan on Monday",
            "ISLAMABAD, March 12 (Reuters) - An International Monetary Fund staff mission will arrive in Islamabad on "
            "Monday to begin talks with Pakistani authorities on the second review of the loan programme, the "
            "finance ministry said.",
        ),
        (
            "Kenya to seek World Bank loan in talks next week",
            "NAIROBI, March 12 (Reuters) - Kenya will hold talks with the World Bank on a $750 million loan in "
            "Washington next week, the Treasury secretary said on Wednesday.",
        ),
        (
            "Ethiopia to meet bondholder committee in London on Thursday",
            "Ethiopian officials will meet a committee of holders of the country's international bond in London on "
            "Thursday to break a deadlock over restructuring terms, two sources said.",
        ),
    ],
)
def test_a_state_negotiating_with_its_lenders_holds_no_talks_between_states(title: str, text: str) -> None:
    assert _upcoming(text, title=title) == []


def test_a_new_day_told_before_the_push_back_is_not_pushed_again() -> None:
    text = "Talks between Armenia and Azerbaijan will now open in Geneva on March 20, after being pushed back by one week."
    [record, *_] = _upcoming(text)
    assert record.start_date == date(2031, 3, 20)


def test_a_host_of_two_leaders_is_their_go_between() -> None:
    text = (
        "Turkey will host Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky for talks in "
        "Istanbul on Monday."
    )
    [record, *_] = _upcoming(text)
    assert set(record.parties) == {"Russia", "Ukraine"}


def test_a_standing_council_that_reconvenes_holds_no_talks() -> None:
    assert _upcoming("The UN Security Council will reconvene on Monday to discuss Sudan and Chad.") == []


def test_the_talks_own_day_in_a_speaking_clause_stays() -> None:
    text = (
        "Armenia and Azerbaijan will hold talks in Geneva. Speaking before the talks open in Geneva on Friday, the "
        "Armenian minister said he was hopeful."
    )
    [record, *_] = _upcoming(text)
    assert record.start_date == date(2031, 3, 14)


def test_the_earliest_plan_after_the_round_held_gives_the_venue() -> None:
    text = (
        "Iran and France ended talks in Oslo and will hold another round in Vienna next month, as they agreed to "
        "meet regularly."
    )
    [record, *_] = _upcoming(text)
    assert record.location == "Vienna"


def test_leaders_meeting_on_the_sidelines_of_a_blocs_summit_are_the_sides() -> None:
    text = (
        "NEW DELHI, May 3 (PTI) -- Prime Minister Arun Mehra will hold a summit with Canadian Prime Minister "
        "Claire Dubois on the sidelines of the G20 summit in Rio de Janeiro on Saturday, officials said on "
        "Wednesday. Mehra will also attend a meeting of leaders of the IBSA group, comprising India, Brazil and "
        "South Africa, and is expected to meet the leaders of several other members, including Mexico."
    )
    # the primary event first; the other meeting he will also attend is an event of its own
    record, other = _upcoming(text, title="Mehra, Dubois to hold talks on sidelines of G20 in Rio")
    assert set(record.parties) == {"India", "Canada"}
    assert record.start_date == date(2031, 3, 15)
    assert "Brazil" in other.parties


@pytest.mark.parametrize(
    "text",
    [
        "The prime ministers of Hungary and Slovakia will meet in Bratislava on Monday to discuss the halt "
        "of gas transit through Ukrainian territory, the spokesman said.",
        "The defence ministers of Greece and Cyprus will meet in Nicosia on Monday to discuss flights in "
        "Turkish airspace, the ministry said.",
    ],
)
def test_a_states_territory_or_airspace_is_no_side(text: str) -> None:
    [draft], _ = _drafts(text)
    assert len(draft.parties) == 2 and not {"Ukraine", "Turkey"} & set(draft.parties)


def test_the_neighbours_of_the_leads_plan_are_the_headlines_pair() -> None:
    text = (
        "QUITO, Aug 6 - The Andean neighbours will hold their binational cabinet meeting in Quito on August 15, "
        "the Foreign Ministry announced on Tuesday. Colombia, which shares a border point with both countries "
        "and is the main route for Ecuadorian exports, will not take part, the ministry said. The last "
        "binational cabinet took place in 2019 in the Peruvian city of Tumbes."
    )
    [record] = _upcoming(text, title="Ecuador and Peru to resume binational cabinet in Quito Aug. 15")
    assert set(record.parties) == {"Ecuador", "Peru"}


def test_a_headline_list_of_three_is_no_pair() -> None:
    from parley.services.enrichment.talks_events import _headline_pair

    title = "Chile, Peru and Bolivia to hold border talks"
    assert _headline_pair(title, extract_entities(title)) == ()
    title = "Chile, Peru to hold border talks"
    assert _headline_pair(title, extract_entities(title)) == ("Chile", "Peru")


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru have agreed to postpone the next meeting of their joint commission, initially planned "
        "for March 20, to April 8, the spokesman said on Wednesday.",
        "Chile and Peru have postponed their meeting from 20 March to 8 April, the spokesman said.",
    ],
)
def test_a_meeting_put_off_to_a_new_day_is_moved_to_that_day(text: str) -> None:
    [record] = _upcoming(text)
    assert record.status == "rescheduled"
    assert record.start_date == date(2031, 4, 8)


def test_a_meeting_the_sides_agreed_to_put_off_is_no_plan() -> None:
    text = "Chile and Peru have agreed to postpone the meeting of their joint commission, the spokesman said."
    assert _upcoming(text) == []


def test_the_talks_during_a_visit_take_the_visits_days() -> None:
    text = (
        "HANOI, March 12 - The state visit to Laos by the President of Cambodia, initially scheduled for "
        "March 20-21, will now take place on March 27-28, the spokesperson announced on Wednesday. During the "
        "visit, the Cambodian leader will hold talks with the President of Laos in Vientiane, the spokesperson said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Cambodia", "Laos"}
    assert (record.start_date, record.end_date) == (date(2031, 3, 27), date(2031, 3, 28))


def test_a_visit_on_other_business_gives_the_talks_no_day() -> None:
    text = (
        "The foreign ministers of Laos and Cambodia will meet in Vientiane later this month, the spokesperson "
        "said. Separately, the president will pay a state visit to Japan from March 27 to 29."
    )
    [record] = _upcoming(text)
    assert record.start_date is None


def test_sides_fighting_in_the_background_are_no_third_side() -> None:
    text = (
        "The foreign ministers of Egypt and Saudi Arabia will meet in Cairo on Sunday to discuss the war in "
        "Sudan, Egypt's foreign ministry announced. The meeting comes as fighting between the Sudanese army "
        "and the paramilitary Rapid Support Forces enters its third month, despite truces agreed in Jeddah. "
        "The army and the RSF have traded blame for the collapse of each truce."
    )
    [record] = _upcoming(text, title="Egyptian, Saudi foreign ministers to meet in Cairo on Sudan war")
    assert set(record.parties) == {"Egypt", "Saudi Arabia"}


def test_the_group_a_splinter_broke_away_from_is_no_side() -> None:
    text = (
        "Colombia's government and the Western Patriotic Front (WPF), a guerrilla group that broke away from the "
        "ELN five years ago, will open peace talks in Havana on Monday, both sides said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Colombia", "WPF"}


def test_a_delegation_sent_to_the_venue_on_a_day_gives_the_talks_their_place_and_day() -> None:
    text = (
        "NAIROBI, March 12 - Kenya will send a high-level delegation to Kampala on Friday, the foreign ministry "
        "said on Wednesday. The delegation will be led by the deputy foreign minister. Talks with officials of "
        "the government of Uganda will focus on the border and on trade, the ministry said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Kenya", "Uganda"}
    assert (record.location, record.start_date) == ("Kampala", date(2031, 3, 14))


@pytest.mark.parametrize(
    "text",
    [
        "The discussions will also focus on the return of refugees, the minister said.",
        "Any talks with Uganda will focus on the border, the minister said.",
    ],
)
def test_the_agenda_of_talks_under_way_or_merely_possible_is_no_plan(text: str) -> None:
    drafts, _ = _drafts(f"Kenya and Uganda began talks in Kampala on Monday. {text}")
    assert all(d.status != "announced" for d in drafts)


def test_a_trip_days_words_give_no_day_of_a_document() -> None:
    text = (
        "Kenya will send a delegation to Kampala and would negotiate on the basis of the declaration of May 11, "
        "an adviser said. Talks with officials of Uganda will focus on the border, he said."
    )
    [record] = _upcoming(text)
    assert record.start_date is None


def test_the_target_of_a_joint_fight_is_no_side() -> None:
    text = (
        "Somalia and Kenya will hold talks in Nairobi on Friday on the coordination against al-Shabaab and "
        "piracy in the Gulf of Aden, officials said."
    )
    [draft], _ = _drafts(text)
    assert set(draft.parties) == {"Somalia", "Kenya"}
    assert "al-Shabaab" in draft.ruled_out


def test_a_groups_longer_name_is_not_cut_short() -> None:
    text = "Talks between Sudan and the Sudan People's Liberation Movement-North (SPLM-N) will resume in Juba on Friday."
    [record] = _upcoming(text)
    assert set(record.parties) == {"Sudan", "SPLM-N"}


def test_an_old_day_with_a_new_month_after_it_leaves_the_talks_undated() -> None:
    text = (
        "Talks between Somalia and Somaliland, which had been due to open in Djibouti on Thursday, are now set "
        "for early next month, an official said."
    )
    [record] = _upcoming(text)
    assert record.status == "rescheduled"
    assert record.start_date is None


def test_a_new_venue_after_the_old_day_keeps_the_day() -> None:
    text = (
        "Iran said the second round of talks with the US, originally planned for Oman on Saturday, will now "
        "take place in Rome."
    )
    [record] = _upcoming(text)
    assert (record.location, record.start_date) == ("Rome", date(2031, 3, 15))


def test_a_months_short_form_after_an_unlisted_venue_is_no_part_of_its_name() -> None:
    [record] = _upcoming(
        "The two foreign ministers will meet in Taizz Sept. 29, officials said.", published=date(2031, 9, 24)
    )
    assert record.location == "Taizz"


def test_two_leaders_named_by_title_and_full_name_are_their_states() -> None:
    text = (
        "Prime Minister Anutin Charnvirakul and Prime Minister Hun Manet will meet in Kuala Lumpur on Saturday, "
        "officials said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Thailand", "Cambodia"}


@pytest.mark.parametrize(
    ("text", "published", "sides"),
    [
        # two states' ministers
        (
            "The fighting has emptied the border markets. The two foreign ministers, Thérèse Kayikwamba Wagner "
            "and Olivier Nduhungirehe, will meet again in Washington on Monday to finish the text, officials said.",
            date(2031, 6, 10),
            {"Democratic Republic of the Congo", "Rwanda"},
        ),
        # a government's and a rebel group's negotiators
        (
            "The heads of delegation, Otty Patiño and Pablo Beltrán, said the next cycle of talks would open in "
            "Caracas on March 4.",
            date(2031, 2, 20),
            {"Colombia", "ELN"},
        ),
    ],
)
def test_officials_named_only_in_full_are_their_sides(text: str, published: date, sides: set[str]) -> None:
    [record] = _upcoming(text, published=published)
    assert set(record.parties) == sides


def test_the_two_countries_ministers_are_states_with_the_capitals_host_not_a_wars_armed_sides() -> None:
    text = (
        "The pipeline carries crude from the south to the Red Sea across Sudan, where the Sudanese Armed Forces "
        "and the Rapid Support Forces have fought since last year. South Sudan has offered to mediate between "
        "the army and the RSF. Officials said on Monday that the two countries' oil ministers, Adut Makol and "
        "Hamid Osman, would meet in Juba on Sunday to agree a schedule for repairs."
    )
    [record] = _upcoming(text, published=date(2031, 6, 16))
    assert set(record.parties) == {"Sudan", "South Sudan"}


def test_the_negotiation_between_the_government_and_a_group_has_both_sides() -> None:
    text = (
        "The negotiation between the government and the Unitary Platform will resume later this month in "
        "Bridgetown, Barbados, with Norway acting as facilitator."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Venezuela", "Unitary Platform"}
    assert record.mediators == ("Norway",)


def test_a_juntas_own_name_is_its_state_and_a_venues_province_and_country_are_an_address() -> None:
    text = (
        "The State Administration Council delegation will take part in the peace talks with the Ta'ang National "
        "Liberation Army to be held in Kunming, Yunnan Province of the People's Republic of China on Thursday."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert set(record.parties) == {"Myanmar", "TNLA"}
    assert record.location == "Kunming"


def test_a_bloc_that_will_meet_ministers_from_three_states_is_a_side_with_them() -> None:
    text = (
        "The Gulf Cooperation Council (GCC) will meet ministers from Egypt, Jordan and Iraq in Riyadh on "
        "Friday to settle the terms of a customs deal, its secretariat said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Gulf Cooperation Council", "Egypt", "Jordan", "Iraq"}


def test_a_meeting_of_the_foreign_and_energy_ministers_of_three_states_has_all_three() -> None:
    text = (
        "The meeting of the foreign and energy ministers of Kazakhstan, Uzbekistan and Kyrgyzstan on the "
        "Kyrgyz reservoir will take place in Tashkent on Monday, the Uzbek ministry said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Kazakhstan", "Uzbekistan", "Kyrgyzstan"}


def test_brussels_as_a_side_is_the_european_union_and_as_a_venue_brussels() -> None:
    [record] = _upcoming(
        "Brussels and London will hold their first summit since Brexit in London on May 19, officials said."
    )
    assert set(record.parties) == {"European Union", "United Kingdom"}
    [record] = _upcoming("Serbia and Kosovo will meet in Brussels on May 19, officials said.")
    assert (set(record.parties), record.location) == ({"Serbia", "Kosovo"}, "Brussels")


@pytest.mark.parametrize(
    ("text", "is_dateline"),
    [
        ("KYIV, May 2 (Reuters) - Ukraine will send a delegation.", True),
        ("ADDIS ABABA (AFP) Ethiopia will send a delegation.", True),
        ("The Gulf Cooperation Council (GCC) will meet ministers from Egypt.", False),
    ],
)
def test_a_ledes_subject_with_its_acronym_is_no_dateline(text: str, is_dateline: bool) -> None:
    assert (dateline_end(text) > 0) is is_dateline


def test_a_headline_source_saying_p_talks_in_x_gives_x_as_the_venue_not_a_side() -> None:
    title = "Qatar says Somalia talks in Djibouti pushed back to next month"
    published = date(2031, 6, 10)
    draft = headline_draft(
        title, published, extract_entities(title), find_dates(title, published, headline=True)
    )
    assert draft is not None and draft.location is not None
    assert draft.location.name == "Djibouti" and "Djibouti" not in draft.parties


def test_a_delegation_that_would_be_in_a_city_for_talks_on_a_day_plans_them() -> None:
    text = (
        "The foreign ministry said late on Monday that its delegation, led by a deputy minister, would be in "
        "Doha for direct talks with Eritrea on Thursday."
    )
    [record] = _upcoming(text, title="Ethiopia sends delegation", published=date(2031, 6, 10))
    assert (record.location, record.start_date) == ("Doha", date(2031, 6, 12))


def test_a_state_named_as_co_convener_is_a_go_between() -> None:
    text = "The army and the rebels will meet in Geneva on August 21, with Norway as co-convener, officials said."
    [record] = _upcoming(text)
    assert "Norway" in record.mediators and "Norway" not in record.parties


def test_two_officials_who_will_lead_delegations_in_a_city_for_talks_plan_them() -> None:
    text = (
        "The EU's trade commissioner and Japan's vice-minister will lead delegations in Tokyo from Monday for a "
        "week of talks on market access, the ministry said."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert (record.location, record.start_date) == ("Tokyo", date(2031, 6, 16))


def test_talks_that_will_commence_tomorrow_in_ha_noi_are_planned_in_hanoi() -> None:
    text = "The second round of consultations between Viet Nam and Laos will commence tomorrow in Ha Noi."
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert (set(record.parties), record.location, record.start_date) == (
        {"Vietnam", "Laos"},
        "Hanoi",
        date(2031, 6, 11),
    )


def test_the_source_a_headline_credits_after_a_colon_is_no_side() -> None:
    title = "Khartoum, SPLM-N to meet again in Juba next week: Cairo"
    published = date(2031, 6, 10)
    entities = extract_entities(title, headline=True)
    draft = headline_draft(title, published, entities, find_dates(title, published, headline=True))
    assert draft is not None and "Egypt" not in draft.parties
    assert {"Sudan", "SPLM-N"} <= set(draft.parties)  # a headline opens on no dateline


def test_mediators_who_will_convene_two_sides_negotiators_plan_talks_between_those_sides() -> None:
    text = (
        "Omani and Swiss mediators will convene Iranian and American negotiators in Muscat on Wednesday for a "
        "fresh attempt at a deal, officials said."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert set(record.parties) == {"Iran", "United States"}
    assert set(record.mediators) == {"Oman", "Switzerland"}


def test_representatives_of_a_government_and_of_a_capital_meet_under_a_facilitation() -> None:
    text = (
        "Representatives of the federal government and of Hargeisa will meet in Djibouti on July 4, under the "
        "facilitation of Djibouti's president, the presidency said."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert set(record.parties) == {"Somalia", "Somaliland"}
    assert record.mediators == ("Djibouti",)


def test_two_blocs_foreign_ministers_are_the_blocs() -> None:
    text = "European Union and African Union foreign ministers will meet in Kigali on July 26, the EU said."
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert set(record.parties) == {"European Union", "African Union"}


def test_a_round_scheduled_to_be_held_here_on_two_days_said_the_facilitator() -> None:
    text = (
        "MANILA, June 10 (PNA) -- The next round of the peace dialogue between the government and the New "
        "People's Army is scheduled to be held here on July 6 and 7, said Norway's facilitator for the process."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert (record.location, record.start_date, record.end_date) == (
        "Manila",
        date(2031, 7, 6),
        date(2031, 7, 7),
    )


def test_an_annual_consultation_between_two_states_moved_to_a_citys_presidential_palace() -> None:
    text = (
        "The annual consultation between Malaysia and Indonesia, originally scheduled to be held in Jakarta, "
        "will now take place at the Bogor Presidential Palace on July 5, the ministry said."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert (set(record.parties), record.location) == ({"Malaysia", "Indonesia"}, "Bogor")


def test_a_state_that_invites_its_own_opposition_to_a_national_forum_is_a_side() -> None:
    text = (
        "President Hassan Sheikh Mohamud has invited leaders of the opposition Somali Salvation Forum to "
        "talks at Villa Somalia on Sunday, his office said."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert set(record.parties) == {"Somalia", "Somali Salvation Forum"}
    assert "Somalia" not in record.mediators


def test_three_states_listed_straight_into_the_plan_are_all_sides_though_one_hosts() -> None:
    text = (
        "CAIRO - Egypt, Sudan and Ethiopia will hold a new round of negotiations on the Grand Ethiopian "
        "Renaissance Dam in Addis Ababa on the 23rd and 24th of this month, the ministry announced on Tuesday. "
        "Ethiopia, which hosts the round, said its delegation would be led by its water minister."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert set(record.parties) == {"Egypt", "Sudan", "Ethiopia"}


def test_talks_that_could_resume_though_neither_side_has_confirmed_it_will_attend_plan_nothing() -> None:
    text = (
        "Negotiations on a ceasefire could resume in Cairo as early as next week, two security sources said on "
        "Thursday, though neither Israel nor Hamas has confirmed it will send a delegation."
    )
    assert _upcoming(text) == []


def test_two_states_that_will_meet_in_a_cricket_encounter_hold_no_talks() -> None:
    text = (
        "India and Pakistan will meet in Dubai on Sunday in their first cricket encounter since the conflict "
        "between the two neighbours, with officials on both sides saying the game would go ahead."
    )
    assert _upcoming(text) == []


def test_a_taliban_minister_beside_an_envoy_is_one_afghan_side() -> None:
    text = (
        "Adam Boehler, President Donald Trump's special envoy for hostage affairs, and Taliban Foreign Minister "
        "Amir Khan Muttaqi are due to meet in Doha on Monday, with Qatari mediators present."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert not {"Afghanistan", "Taliban"} <= set(record.parties)


def test_ministers_who_will_lead_their_delegations_at_a_committees_session_plan_it() -> None:
    text = (
        "Laos's defence minister and his Vietnamese counterpart will lead their delegations at an "
        "extraordinary session of the border committee in Vientiane on Thursday."
    )
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert (set(record.parties), record.location, record.start_date) == (
        {"Laos", "Vietnam"},
        "Vientiane",
        date(2031, 6, 12),
    )


@pytest.mark.parametrize(
    ("text", "parties", "mediators", "location"),
    [
        # a national unity government is any coalition's goal, not a side
        (
            "Hamas and Fatah will meet in Cairo on Tuesday to discuss forming a National Unity Government.",
            {"Hamas", "Fatah"},
            set(),
            "Cairo",
        ),
        # a meeting beside a match is still a meeting
        (
            "The foreign ministers of India and Pakistan will meet in Colombo on Sunday on the sidelines of the "
            "cricket match between the two sides.",
            {"India", "Pakistan"},
            set(),
            "Colombo",
        ),
        # a government mediating between two of its own groups stays the go-between
        (
            "The Philippine government will mediate talks between the MILF and the MNLF in Cotabato on Monday.",
            {"MILF", "MNLF"},
            {"Philippines"},
            "Cotabato",
        ),
        # a body meeting two armed sides' representatives is no side itself
        (
            "The African Union will meet representatives of Sudan's army and the RSF in Addis Ababa on Monday.",
            {"Sudanese Armed Forces", "RSF"},
            None,
            "Addis Ababa",
        ),
        # where a statement followed talks is not the plan's venue
        (
            "Speaking at a news conference after talks in Ankara, Lavrov said Russia and Ukraine would meet in "
            "Istanbul on Friday.",
            {"Russia", "Ukraine"},
            set(),
            "Istanbul",
        ),
        # Brussels with no word of the EU is Belgium's capital
        (
            "Kigali and Brussels will hold talks on restoring diplomatic ties in Nairobi on Monday, officials said.",
            {"Rwanda", "Belgium"},
            set(),
            "Nairobi",
        ),
        # a former minister named in apposition speaks for no state
        (
            "Pedro Alves, the former prime minister of Portugal, was named envoy last month. Alves will meet "
            "Armenian and Azerbaijani negotiators in Geneva on Monday.",
            {"Armenia", "Azerbaijan"},
            None,
            "Geneva",
        ),
        # the facilitation of exports is a topic, a sponsor of terrorism no convener
        (
            "Russia and Turkey will hold talks in Ankara on Thursday on the facilitation of Ukraine's grain exports.",
            {"Russia", "Turkey"},
            set(),
            "Ankara",
        ),
        (
            "The United States, which lists Iran as a sponsor of terrorism, will hold talks with Iran in Muscat on "
            "Saturday.",
            {"Iran", "United States"},
            set(),
            "Muscat",
        ),
        # a city's agencies are no side
        (
            "Officials from the United Nations and from Nairobi-based aid agencies will meet Sudan's army and the "
            "RSF in Jeddah on Monday.",
            {"Sudanese Armed Forces", "RSF"},
            None,
            "Jeddah",
        ),
        # a palace in a named city is in that city
        (
            "Germany and Poland's presidents will meet at the Bellevue Presidential Palace in Berlin on Monday.",
            {"Germany", "Poland"},
            set(),
            "Berlin",
        ),
    ],
)
def test_look_alikes_of_the_side_and_venue_rules_keep_their_reading(
    text: str, parties: set[str], mediators: set[str] | None, location: str
) -> None:
    [record] = _upcoming(text, published=date(2031, 6, 10))
    assert set(record.parties) == parties
    if mediators is not None:
        assert set(record.mediators) == mediators
    assert record.location == location


def test_talks_only_in_doubt_of_who_attends_stay_planned_and_lawmakers_convened_are_no_talks() -> None:
    [record] = _upcoming(
        "Nobody has said they will attend the talks in Istanbul on Thursday, an official said."
    )
    assert record.location == "Istanbul"
    text = "The parliament speaker will convene lawmakers and party representatives in Nairobi on Monday."
    assert _upcoming(text) == []


def test_a_bloc_willing_to_send_a_team_offers_talks_and_plans_none() -> None:
    text = (
        "After a virtual meeting of its leaders, the regional bloc said it was willing to send a team of eminent "
        "persons to Port-au-Prince if Haiti's rival leaders requested it."
    )
    assert _upcoming(text, title="Bloc says it stands ready to help broker dialogue in Haiti") == []


def test_the_congolese_of_a_headline_over_a_story_about_brazzaville_are_of_the_republic_of_the_congo() -> (
    None
):
    text = (
        "The President of the Republic of the Congo will pay a state visit to China from March 20 to 22, the "
        "spokesperson said. During the visit, President Xi will hold talks with the Congolese president in Beijing."
    )
    [record] = _upcoming(text, title="Congolese president to pay state visit to China")
    assert set(record.parties) == {"Republic of the Congo", "China"}
    assert record.start_date == date(2031, 3, 20)


def test_the_day_a_statement_was_released_is_not_the_talks_day() -> None:
    text = (
        "In a statement dated March 10 and released on Wednesday, the ministry said the joint committee of Iraq "
        "and Turkey will meet in Baghdad on March 19."
    )
    [record] = _upcoming(text)
    assert record.start_date == date(2031, 3, 19)


def test_a_headline_about_something_else_two_states_did_gives_no_pair() -> None:
    text = (
        "NEW YORK, March 12 (Reuters) - Both sides will meet in Jeddah on Monday for talks on a humanitarian "
        "truce, Saudi officials said. Sudan's army and the Rapid Support Forces have been at war since 2023. "
        "Russia and China blocked a Security Council statement."
    )
    [record] = _upcoming(text, title="Russia, China block UN statement on Sudan")
    assert not {"Russia", "China"} & set(record.parties)


def test_the_enemy_in_a_war_the_talks_would_end_is_a_side() -> None:
    [draft], _ = _drafts(
        "Saudi officials will hold talks in Muscat on Monday on ending the kingdom's war against the Houthis."
    )
    assert "Houthis" not in draft.ruled_out


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Erdogan to visit Gulf",
            "ANKARA - President Tayyip Erdogan will travel to Saudi Arabia on March 20, his office said. During the "
            "visit, Erdogan is expected to meet the crown prince. Turkey and Egypt will also hold talks in Cairo, "
            "officials said.",
        ),
        (
            "",
            "Chinese Premier Li Qiang will pay an official visit to Ankara from April 10 to 12, the ministry said. "
            "Separately, Greek and Turkish diplomats will hold exploratory talks in Ankara, without giving a date.",
        ),
    ],
)
def test_another_trips_days_give_no_day_to_other_talks(title: str, text: str) -> None:
    records = [
        r
        for r in _upcoming(text, title=title)
        if set(r.parties) in ({"Turkey", "Egypt"}, {"Greece", "Turkey"})
    ]
    assert records and all(r.start_date is None for r in records)


def test_a_real_span_after_an_old_postponement_stays_a_span() -> None:
    [(_, start, end)] = [
        (d.text, d.start_date, d.end_date)
        for d in find_dates(
            "talks that were postponed in January will be held from March 30 to April 2", WEDNESDAY
        )
        if d.start_date and d.start_date.month >= 3
    ]
    assert (start, end) == (date(2031, 3, 30), date(2031, 4, 2))


def test_a_bilateral_the_leader_will_also_hold_is_the_storys_own_meeting() -> None:
    text = (
        "President Joe Biden will travel to San Francisco next week for the APEC summit, the White House said. "
        "Biden will also hold a bilateral meeting with Chinese President Xi Jinping on March 19 on the sidelines "
        "of the summit, officials said."
    )
    [record, *_] = _upcoming(text, title="Biden to attend APEC summit, meet Xi")
    assert set(record.parties) == {"United States", "China"}
    assert record.start_date == date(2031, 3, 19)


def test_a_minister_of_a_known_state_under_a_foreign_dateline_takes_no_side_from_it() -> None:
    text = (
        "BRUSSELS - Foreign Minister Andrii Sybiha will hold talks with NATO Secretary-General Mark Rutte in "
        "Brussels on Monday, Ukraine's foreign ministry said."
    )
    [record] = _upcoming(text, title="Ukraine's Sybiha to meet NATO chief")
    assert "Belgium" not in record.parties


def test_a_state_that_split_from_another_still_meets_it() -> None:
    [record] = _upcoming(
        "Kosovo, which split from Serbia in 2008, will hold talks with Serbia in Brussels on Monday.",
        title="Kosovo talks",
    )
    assert set(record.parties) == {"Kosovo", "Serbia"}


@pytest.mark.parametrize(
    "text",
    [
        "Talks due on Monday were postponed after objections from lawmakers to Ramaphosa's proposal.",
        "The leaders decided to delay a decision on the municipalities until the talks, an official said.",
    ],
)
def test_a_move_or_a_delay_of_something_else_is_read_for_what_it_is(text: str) -> None:
    drafts, _ = _drafts(text)
    assert all(d.status != "rescheduled" for d in drafts)
    assert len([d for d in drafts if d.status == "postponed"]) <= 1


@pytest.mark.parametrize(
    "text",
    [
        # a noun of acceptance about something else takes up no offer
        "The president said on Wednesday that Norway was ready to host negotiations between Serbia and Kosovo "
        '"as soon as next week" if both sides agree, following Serbia\'s acceptance of an EU proposal.',
        # "at a date to be agreed" is still to come
        "Serbia and Kosovo have yet to respond. The council said it was ready to convene a meeting of the two "
        'sides "at a date and venue to be agreed with them".',
    ],
)
def test_an_offer_is_not_taken_up_by_an_acceptance_of_something_else_or_an_agreement_still_to_come(
    text: str,
) -> None:
    assert _upcoming(text, title="Offer of talks") == []


def test_a_meeting_nobody_has_confirmed_attending_is_a_possibility() -> None:
    text = (
        "Presidents of Serbia and Kosovo could meet on the sidelines of the summit in Rome, which runs from "
        "March 20 to 21, officials said, though neither Belgrade nor Pristina has confirmed their attendance."
    )
    assert _upcoming(text, title="Serbian, Kosovo leaders could meet in Rome") == []


def test_a_plan_told_as_the_report_a_denial_answers_is_denied() -> None:
    text = (
        "The Kremlin on Wednesday denied media reports that Russian and Ukrainian delegations would meet in "
        'Doha next week. "This is not true," a spokesman told reporters when asked about a report in a German '
        "newspaper that the two sides had agreed to hold talks in Qatar on March 20."
    )
    assert _upcoming(text, title="Kremlin denies plans for Russia-Ukraine meeting in Doha next week") == []


@pytest.mark.parametrize(
    "text",
    [
        "Spain and Morocco have postponed a meeting of senior officials on fisheries, originally planned for "
        'March 17 in Rabat, to "the second half of April," the ministry said on Tuesday.',
        "Spain and Morocco have postponed the resumption of their fisheries talks in Rabat until after the "
        "Easter holiday, officials said.",
        'The visit of the Spanish prime minister to Rabat for talks with Morocco has been postponed to "early '
        'spring", officials said.',
    ],
)
def test_a_postponement_to_a_vague_new_time_is_an_update_with_no_day(text: str) -> None:
    [record] = _upcoming(text, title="Spain-Morocco talks postponed")
    assert record.status == "rescheduled"
    assert {"Spain", "Morocco"} <= set(record.parties)
    assert record.start_date is None


def test_who_reconvenes_others_talks_is_their_go_between() -> None:
    [record] = _upcoming(
        "Kenya will reconvene the peace talks between Ethiopia's government and the rebels in Nairobi on "
        "March 20, the chief mediator said on Tuesday."
    )
    assert "Kenya" in record.mediators
    assert "Kenya" not in record.parties


def test_a_leader_under_whose_auspices_the_sides_meet_is_no_side() -> None:
    text = (
        "The Somaliland delegation will sit down in Djibouti on Saturday with the technical team of the Federal "
        "Government of Somalia, under the auspices of President Ismail Omar Guelleh, a spokesman said."
    )
    [record] = _upcoming(text, title="Somaliland names negotiators")
    assert set(record.parties) == {"Somalia", "Somaliland"}


def test_the_old_plans_town_before_a_move_elsewhere_is_not_the_venue() -> None:
    [record] = _upcoming(
        "A meeting of Kyrgyz and Tajik border delegations, scheduled for March 19 in the Kyrgyz town of Batken, "
        "will instead take place in the Tajik town of Isfara on March 26, officials said on Tuesday."
    )
    assert (record.location, record.start_date) == ("Isfara", date(2031, 3, 26))


def test_israel_as_some_outlets_name_it_is_a_side() -> None:
    [record] = _upcoming(
        "Indirect negotiations between Hamas and the Zionist entity will resume in Cairo on Sunday with "
        "the participation of the Egyptian and Qatari mediators, sources said. Anti-Zionist protesters gathered."
    )
    assert set(record.parties) == {"Hamas", "Israel"}


def test_a_leader_by_title_of_the_republic_and_name_is_the_go_between() -> None:
    [record] = _upcoming(
        "The foreign ministers of Ghana and of Togo will meet on Saturday in Luanda, at the ministerial meeting "
        "of the Luanda process, mediated by the President of the Republic, João Lourenço."
    )
    assert set(record.parties) == {"Ghana", "Togo"}
    assert "Angola" in record.mediators


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        (
            "The United States has invited the Sudanese Armed Forces and the Rapid Support Forces to participate "
            "in ceasefire talks starting on March 20 in Switzerland, officials said.",
            True,
        ),
        (
            "An official said Israel has been invited to participate in negotiations with Hamas on Monday in "
            "Cairo, although it remains uncertain whether Israel will accept the invitation.",
            False,
        ),
    ],
)
def test_a_conveners_invitation_to_take_part_plans_the_talks_an_uncertain_one_does_not(
    text: str, announced: bool
) -> None:
    assert bool(_upcoming(text, title="Invitation to talks")) is announced


def test_a_trade_union_meeting_a_minister_is_labour_talks() -> None:
    text = (
        "The National Medical Practitioners, Pharmacists and Dentists Union (NMPDU) will meet the health "
        "minister on Monday in a bid to end the doctors' strike, which enters its third week."
    )
    assert _upcoming(text, title="NMPDU to meet government on Monday as strike goes on") == []


def test_a_round_postponed_to_the_coming_days_is_an_update_without_the_old_day() -> None:
    text = (
        "The round of negotiations between Kinshasa and the M23 rebels which was expected on Wednesday 12 March "
        "in Doha did not take place. According to the Qatari mediation, it is postponed and will be held in the "
        "coming days."
    )
    [record] = _upcoming(text)
    assert record.status == "rescheduled"
    assert record.start_date is None


@pytest.mark.parametrize(
    ("moved", "location", "start"),
    [
        (
            "On Wednesday, Oman said the round would now be held in Muscat on Sunday.",
            "Muscat",
            date(2031, 3, 16),
        ),
        ("On Wednesday, Armenia's government said it had been postponed to early April.", None, None),
        (
            "On Wednesday, Oman said the round would be held in Muscat instead, on Sunday.",
            "Muscat",
            date(2031, 3, 16),
        ),
    ],
)
def test_a_move_of_the_round_a_sentence_before_names_is_an_update_of_that_round(
    moved: str, location: str | None, start: date | None
) -> None:
    text = (
        "The fourth round of talks between Armenia and Azerbaijan had been scheduled for Thursday in Rome. "
        f"Economists expect little from it. {moved}"
    )
    [record] = _upcoming(text, title="Oil exports hold up as talks slip")
    assert record.status == "rescheduled"
    assert set(record.parties) == {"Armenia", "Azerbaijan"}
    assert (record.location if location else None, record.start_date) == (location, start)


def test_a_joint_invitation_of_two_states_makes_them_go_betweens() -> None:
    text = (
        "Officials say the Sudanese Armed Forces and the Rapid Support Forces have now accepted a joint "
        "Saudi-American invitation to send delegations back to Jeddah on Thursday."
    )
    [record] = _upcoming(text, title="Sudan's warring sides to return to Jeddah")
    assert {"Saudi Arabia", "United States"} <= set(record.mediators)
    assert not {"Saudi Arabia", "United States"} & set(record.parties)


def test_talks_convened_between_states_stand_out_of_a_business_story() -> None:
    title = "Gas traders brace for end of transit as companies rush to sign contracts"
    text = (
        "Gas traders and utility companies rushed to sign new supply contracts on Wednesday as wholesale prices "
        "rose, traders said. Energy companies and their shareholders expect higher prices, and investors are "
        "nervous. Energy officials from Kyiv and Baku will sit down with the Commission's energy directorate in "
        "Brussels on Friday, at a meeting convened by the Commission."
    )
    [record] = _upcoming(text, title=title)
    assert {"Ukraine", "Azerbaijan"} <= set(record.parties)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # a report asked about that is no plan leaves the plan stated beside it
        (
            "Asked about a report that the talks had collapsed, Qatar said Israeli and Hamas delegations will "
            "meet in Doha on Monday. Hamas denied that it had agreed to meet Israeli officials in Cairo.",
            {"Israel", "Hamas"},
        ),
        # "together with" far from the go-between's verb joins a side
        (
            "Egypt said it is mediating a deal under which Hamas together with Islamic Jihad will meet Israeli "
            "negotiators in Cairo on Monday.",
            {"Hamas", "Islamic Jihad", "Israel"},
        ),
        # a host leader is a side at his own table
        (
            "Ethiopia and Eritrea will hold talks in Addis Ababa on Monday at a summit hosted by Prime Minister "
            "Abiy Ahmed, his office said.",
            {"Ethiopia", "Eritrea"},
        ),
    ],
)
def test_the_rounds_look_alikes_leave_the_plan_and_its_sides(text: str, sides: set[str]) -> None:
    records = _upcoming(text, title="Talks")
    assert records and records[0].status == "announced"
    assert sides <= set(records[0].parties)


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan will hold talks in Abu Dhabi on Saturday. Separately, the vote in parliament "
        "has been delayed until April 2, and it will now be held in Yerevan.",
        "Russian and Ukrainian delegations will meet in Istanbul on Monday. Moscow had wanted the talks to be "
        "held in Minsk, but Kyiv said it would only go if the meeting will be held in a neutral country instead.",
    ],
)
def test_something_else_moved_or_a_condition_on_the_venue_moves_no_round(text: str) -> None:
    assert all(r.status == "announced" for r in _upcoming(text, title="Talks"))


@pytest.mark.parametrize(
    "text",
    [
        "Kenya has never invited the holdout groups to participate in the Tumaini talks, the rebels said.",
        "Russia was not invited to take part in the talks in Jeddah on Tuesday, the Kremlin said.",
    ],
)
def test_an_invitation_never_made_plans_nothing(text: str) -> None:
    assert _upcoming(text, title="Talks") == []


def test_astana_meetings_seat_the_two_syrian_delegations_with_the_guarantors() -> None:
    [record] = _upcoming(
        "The next international meeting on Syria in the Astana format will be held in the Kazakh capital on "
        "Friday and Saturday, the Kazakh foreign ministry said."
    )
    assert set(record.parties) == {"Russia", "Turkey", "Iran", "Syria", "Syrian opposition"}
    # the guarantors' own ministers meet alone
    [record] = _upcoming(
        "Foreign ministers of the Astana format will meet in Doha on Saturday on the fighting in Syria, "
        "diplomats said."
    )
    assert set(record.parties) == {"Russia", "Turkey", "Iran"}


def test_syrian_constitutional_committee_is_the_government_and_the_opposition() -> None:
    [record] = _upcoming(
        "The small body of Syria's Constitutional Committee will reconvene in Geneva on Monday for a new "
        "session, the UN envoy's office said."
    )
    assert set(record.parties) == {"Syria", "Syrian opposition"}
    assert "United Nations" in record.mediators
    # another country's constitutional committee is no format
    [record] = _upcoming(
        "Chile's constitutional committee will meet Peru's negotiators in Lima on Monday, officials said."
    )
    assert "Syrian opposition" not in record.parties


def test_libyan_military_commission_seats_the_two_camps_under_their_names_of_the_day() -> None:
    text = (
        "The UN mission in Libya will convene the 5+5 Joint Military Commission in Sirte on Tuesday, the "
        "mission said, to discuss the withdrawal of foreign fighters."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Government of National Unity", "Libyan National Army"}
    [record] = _upcoming(text, published=date(2020, 10, 14))  # before the unity government took office
    assert set(record.parties) == {"Government of National Accord", "Libyan National Army"}
    # a Joint Military Commission elsewhere is no format
    [record] = _upcoming(
        "The joint military commission of Chad and Niger will meet in Niamey on Tuesday, officials said."
    )
    assert "Libyan National Army" not in record.parties


def test_a_renamed_side_takes_its_name_of_the_talks_day() -> None:
    assert named_on("Government of National Unity", date(2020, 10, 14)) == "Government of National Accord"
    assert named_on("Government of National Accord", date(2022, 1, 5)) == "Government of National Unity"
    assert named_on("Government of National Accord", date(2021, 3, 14)) == "Government of National Accord"
    assert named_on("Libyan National Army", date(2020, 1, 1)) == "Libyan National Army"
    assert names_of("Government of National Accord") == (
        "Government of National Accord",
        "Government of National Unity",
    )
    # a lone camp meets its standing rival, named in the story under its name of any day
    text = (
        "Libya's Government of National Unity said on Sunday it was ready for a ceasefire. The Libyan "
        "National Army will send a military delegation to Geneva on Monday for talks, its spokesman said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Government of National Unity", "Libyan National Army"}
    # a rival the story leaves unnamed takes its name of the day
    text = (
        "The Libyan National Army will send a delegation to Geneva on Monday for talks with the army and "
        "the Tripoli government, the UN said."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Government of National Unity", "Libyan National Army"}
    [record] = _upcoming(text, published=date(2019, 5, 1))
    assert set(record.parties) == {"Government of National Accord", "Libyan National Army"}


def test_a_state_and_its_own_rival_camps_are_one_table() -> None:
    # "Libya's military talks" and "the GNU and the LNA will meet": one meeting, not two
    assert _same_table(["Libya"], ["Government of National Unity", "Libyan National Army"])
    assert _same_table(["Libyan National Army", "Egypt"], ["Libya"])
    assert _same_table(["Cyprus"], ["Turkish Cypriots"])
    assert not _same_table(["Libya"], ["Sudanese Armed Forces", "RSF"])
    assert not _same_table(["Chad"], ["Libya"])


@pytest.mark.parametrize(
    ("text", "parties", "mediators"),
    [
        (
            "Intra-Afghan negotiations will begin in Doha on Saturday, officials said.",
            {"Afghanistan", "Taliban"},
            set(),
        ),
        (
            "The co-chairs of the OSCE Minsk Group will meet in Paris on Friday, officials said.",
            {"Armenia", "Azerbaijan"},
            {"OSCE Minsk Group"},
        ),
        (
            "The Trilateral Contact Group on eastern Ukraine will meet in Minsk on Friday.",
            {"Ukraine", "Russia"},
            {"OSCE"},
        ),
        (
            "The Luanda process talks will resume in Luanda on Monday, the presidency said.",
            {"Democratic Republic of the Congo", "Rwanda"},
            {"Angola"},
        ),
        (
            "Leaders of the C5+1 will meet US Secretary of State Marco Rubio in New York on Friday.",
            {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "United States"},
            set(),
        ),
        (
            "The next round of the Geneva International Discussions will be held on Friday, the ministry said.",
            {"Georgia", "Russia", "Abkhazia", "South Ossetia", "United States"},
            {"European Union", "OSCE", "United Nations"},
        ),
        (
            'The committee overseeing the ceasefire in Lebanon, known as the "Mechanism", will meet in Naqoura '
            "on Friday, officials said.",
            {"Israel", "Lebanon"},
            {"United States", "France"},
        ),
        (
            "A new round of tripartite talks on the Grand Ethiopian Renaissance Dam will open in Khartoum on "
            "Friday, the ministry said.",
            {"Egypt", "Ethiopia", "Sudan"},
            set(),
        ),
        (
            "The annual meeting of the Permanent Indus Commission will be held in Lahore on Friday, officials said.",
            {"India", "Pakistan"},
            set(),
        ),
        (
            "The Moscow format consultations on Afghanistan will be held in Kazan on Friday, the ministry said.",
            {
                "Russia",
                "China",
                "Pakistan",
                "Iran",
                "India",
                "Kazakhstan",
                "Kyrgyzstan",
                "Tajikistan",
                "Turkmenistan",
                "Uzbekistan",
                "Afghanistan",
            },
            set(),
        ),
        (
            "Leaders of the Weimar Triangle will meet in Paris on Friday.",
            {"France", "Germany", "Poland"},
            set(),
        ),
        (
            "Visegrad Group prime ministers will meet in Prague on Friday.",
            {"Czech Republic", "Hungary", "Poland", "Slovakia"},
            set(),
        ),
    ],
)
def test_standing_formats_name_their_sides(text: str, parties: set[str], mediators: set[str]) -> None:
    [record] = _upcoming(text)
    assert set(record.parties) == parties
    assert mediators <= set(record.mediators)


def test_other_countries_institutions_are_not_libyas() -> None:
    [record] = _upcoming(
        "Papua New Guinea's House of Representatives will meet the Bougainville government in Port Moresby "
        "on Friday, officials said."
    )
    assert set(record.parties) == {"Papua New Guinea", "Bougainville"}
    [record] = _upcoming(
        "South Africa's Government of National Unity will hold talks with the unions in Pretoria on Friday."
    )
    assert "Government of National Unity" not in record.parties
    # ... and Libya's own stay sides
    [record] = _upcoming(
        "Libya's House of Representatives and the High Council of State will meet in Rabat on Friday."
    )
    assert set(record.parties) == {"House of Representatives", "High Council of State"}


def test_a_capitals_story_names_its_own_minister_by_title_alone() -> None:
    text = (
        "OSLO, March 10 (Agency): Foreign Minister Kari Dahl will pay an official visit to Peru from "
        "March 14 to 16 at the invitation of Peru's foreign minister. During the visit the Foreign Minister "
        "will hold delegation-level talks with Peruvian officials in Lima. Peru and Chile, Peru's neighbour, "
        "signed a trade deal last year; Peru exports copper."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Peru", "Norway"}
    # ... not where a story's people are another state's
    text = (
        "OSLO, March 10 (Agency): Chilean Foreign Minister Ana Soto will pay an official visit to Peru "
        "from March 14 to 16. During the visit the Foreign Minister will hold talks with Peruvian officials "
        "in Lima. Peru and Chile signed a trade deal last year; Peru exports copper."
    )
    [record] = _upcoming(text)
    assert "Norway" not in record.parties


def test_a_visitor_talks_with_his_counterpart_in_the_capital_visited() -> None:
    [record] = _upcoming(
        "OSLO: Norway's national security adviser will travel to Lima later this month for the next meeting "
        "on the fisheries question, the ministry said on Friday. He will hold talks with his counterpart on "
        "the framework for a settlement."
    )
    assert set(record.parties) == {"Norway", "Peru"}


def test_a_summit_host_met_in_person_is_a_side_of_the_sidelines_meeting() -> None:
    text = (
        "OSLO, June 3 - Prime Minister Kari Dahl will meet Swedish Prime Minister Ulf Kristersson on June 9 on "
        "the sidelines of the Nordic summit in Stockholm, her spokesman said. The meeting will take place on "
        "the first day of the summit, which Sweden is hosting."
    )
    [record] = _upcoming(text, published=date(2031, 6, 3))
    assert set(record.parties) == {"Norway", "Sweden"}


def test_nile_dam_talks_of_two_are_no_three_way_format() -> None:
    [record] = _upcoming(
        "Egypt and Ethiopia will hold talks on the Renaissance Dam in Cairo on Friday, the ministry said."
    )
    assert set(record.parties) == {"Egypt", "Ethiopia"}


def test_a_lone_side_of_a_standing_pair_meets_its_rival_at_home() -> None:
    [record] = _upcoming(
        "The Turkish Cypriot leader and President Andreas Ioannou will meet in Nicosia on Friday under UN "
        "auspices, the United Nations said."
    )
    assert set(record.parties) == {"Turkish Cypriots", "Greek Cypriots"}


def test_a_states_possessive_on_its_backed_group_is_no_side() -> None:
    [record] = _upcoming(
        "Delegations of Colombia's Venezuela-backed ELN rebels and Brazil will meet in Quito on Friday, "
        "officials said."
    )
    assert "Colombia" not in record.parties
    assert {"ELN", "Brazil"} <= set(record.parties)


def test_since_2021_talks_with_the_taliban_administration_are_talks_with_afghanistan() -> None:
    text = (
        "A high-level Tajik delegation will hold talks with the Taliban administration in Kabul on Friday on "
        "border security, the ministry said."
    )
    [record] = _upcoming(text, published=date(2024, 3, 13))
    assert set(record.parties) == {"Tajikistan", "Afghanistan"}
    # the Taliban's own talks with the republic's government, before August 2021, stay two sides
    [record] = _upcoming(
        "Afghan government negotiators and the Taliban will resume talks in Doha on Friday, officials said.",
        published=date(2020, 9, 16),
    )
    assert {"Afghanistan", "Taliban"} <= set(record.parties)


def test_border_commissions_joint_session_and_a_host_that_stays_away() -> None:
    text = (
        "The state commissions of Chile and Peru on the delimitation of their border will hold their next "
        "joint session on Friday, the ministry said. The meeting will take place in the Ecuadorian capital, "
        "whose government offered its premises, and Ecuador would not take part in the discussions."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Peru"}
    assert record.start_date == date(2031, 3, 14)
    # a state that stayed away from a past session is still a side of the next one
    text = (
        "Chile, Peru and Ecuador will hold a new round of talks in Quito on Friday, the ministry said. "
        "Ecuador did not attend the last round."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Chile", "Peru", "Ecuador"}


def test_the_lede_names_the_format_the_plan_only_calls_the_meetings() -> None:
    text = (
        "GENEVA - The UN envoy announced the resumption of the Constitutional Committee meetings on Syria. "
        "He said the health authorities had cleared the delegations. The meetings will resume on Friday at "
        "the Palais des Nations in Geneva."
    )
    [record] = _upcoming(text)
    assert set(record.parties) == {"Syria", "Syrian opposition"}


@pytest.mark.parametrize(
    ("text", "published", "parties"),
    [
        # a format the lede speaks of is not the plan that names two sides of its own
        (
            "MOSCOW - Russia said on Monday the Moscow format on Afghanistan remained the main regional "
            "platform. Russian and Pakistani officials will meet in Islamabad on Friday for consultations.",
            WEDNESDAY,
            {"Russia", "Pakistan"},
        ),
        # the Astana guarantors' own summit or ministerial seats no Syrian delegation
        (
            "The leaders of Russia, Iran and Turkey will hold an Astana format summit in Tehran on Friday, the "
            "Kremlin said, to discuss Syria.",
            WEDNESDAY,
            {"Russia", "Turkey", "Iran"},
        ),
        # ... and another "Astana process" is no format at all
        (
            "The Astana process of judicial reform will be discussed when Kazakh and Kyrgyz officials meet in "
            "Bishkek on Friday.",
            WEDNESDAY,
            {"Kazakhstan", "Kyrgyzstan"},
        ),
        # the Nile dam named among other subjects is no three-way table
        (
            "Egypt's foreign minister will hold talks with his Saudi counterpart in Riyadh on Friday on Gaza, "
            "Sudan and the Grand Ethiopian Renaissance Dam, the ministry said.",
            WEDNESDAY,
            {"Egypt", "Saudi Arabia"},
        ),
        # C5+1 with another partner than the United States
        (
            "Chancellor Merz will meet the leaders of the five Central Asian states in Berlin on Friday for a "
            "C5+1 summit with Germany.",
            WEDNESDAY,
            {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Germany"},
        ),
        # a state that will skip another event is still a side of this one; a question is no refusal
        (
            "Chile, Peru and Ecuador will hold a new round of talks in Quito on Friday, the ministry said. "
            "Ecuador will not attend next month's summit in Lima.",
            WEDNESDAY,
            {"Chile", "Peru", "Ecuador"},
        ),
        (
            "Chile, Peru and Ecuador will hold a new round of talks in Quito on Friday, the ministry said. "
            "Asked whether Ecuador would not attend, the minister laughed.",
            WEDNESDAY,
            {"Chile", "Peru", "Ecuador"},
        ),
        # a lone side meeting a go-between at home gets no rival
        (
            "The Turkish Cypriot leader will meet the UN envoy in Nicosia on Friday, the United Nations said.",
            WEDNESDAY,
            {"Turkish Cypriots"},
        ),
        # the Taliban facing the republic's former officials stay the Taliban
        (
            "Taliban officials will hold talks with former Afghan government officials in Doha on Friday, "
            "Qatari officials said. The Taliban government seeks recognition.",
            date(2024, 3, 13),
            {"Taliban", "Afghanistan"},
        ),
        # France's seat on the ceasefire committee is no meeting of that committee
        (
            "French and Lebanese defence ministers will hold talks in Paris on Friday on army funding, "
            "including France's role in the ceasefire monitoring committee.",
            WEDNESDAY,
            {"France", "Lebanon"},
        ),
    ],
)
def test_standing_formats_and_side_rules_stay_out_of_look_alikes(
    text: str, published: date, parties: set[str]
) -> None:
    [record] = _upcoming(text, published=published)
    assert set(record.parties) == parties


def test_no_visited_host_at_a_summit_and_no_dateline_state_beside_another_states_minister() -> None:
    records = _upcoming(
        "Kenya's foreign minister will travel to Addis Ababa on Friday for an African Union summit. She "
        "will hold talks with her counterpart from Peru there on Sudan."
    )
    assert all("Ethiopia" not in r.parties for r in records)
    records = _upcoming(
        "NEW DELHI, March 10 (Agency): Japan's prime minister will visit Sri Lanka next week. During the visit "
        "the Prime Minister will hold talks with Sri Lankan leaders in Colombo on Friday."
    )
    assert all("India" not in r.parties for r in records)


def test_national_teams_meeting_for_a_match_plan_no_talks() -> None:
    assert not _upcoming(
        "The national teams of Chile and Peru will hold their next joint session in Lima on Friday ahead of "
        "a friendly match."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The president said he would like to meet the Venezuelan leader this year.",
        "The president said he’d love to meet the Venezuelan leader in Geneva next month.",
        "The president said he wants to meet the Venezuelan leader soon.",
    ],
)
def test_a_wish_to_meet_is_a_proposal(text: str) -> None:
    [record] = _talks(text)
    assert record.status == "proposed"


def test_no_plans_in_place_deny_the_meeting_unless_a_plan_follows() -> None:
    denied = _talks(
        "Officials said no concrete plans for a summit between Chile and Peru were in place.",
        published=WEDNESDAY,
    )
    assert [r.status for r in denied] == ["denied"]
    [record] = _upcoming(
        "No plans were in place for a summit, but the envoys of Chile and Peru will meet in Lima on Friday."
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_a_plan_named_only_as_the_meeting_takes_its_sides_from_the_article() -> None:
    """The plan's own sentence names no side, place or day: the record reads them from the article
    rather than staying empty."""
    [record] = _upcoming(
        "The interior ministers of Chile and Argentina will hold a video link on Friday to review winter "
        "closures of mountain passes, officials in both capitals said on Tuesday.\n"
        "The meeting will take place virtually because of the storms, officials said.",
        title="Chile and Argentina ministers to review mountain passes",
    )
    assert record.parties and set(record.parties) <= {"Chile", "Argentina"}


def test_a_leader_under_another_spelling_of_the_surname() -> None:
    [record] = _upcoming(
        "“My meeting with the president of Azerbaijan is scheduled to take place in Brussels on Saturday,” "
        "Pashinian told a cabinet meeting."
    )
    assert set(record.parties) == {"Armenia", "Azerbaijan"}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Kenya's foreign minister will hold talks with his Tanzanian counterpart in Arusha on Monday on Somalia, "
            "Burundi and the regional railway, the ministry said.",
            {"Kenya", "Tanzania"},
        ),
        # a side named after "on" that is no subject: its own side of a border, its own programme
        (
            "Thailand and Cambodia will hold talks on Friday on the Thai side of the border crossing.",
            {"Thailand", "Cambodia"},
        ),
    ],
)
def test_subjects_listed_after_the_talks_day_are_no_sides(text: str, sides: set[str]) -> None:
    [record] = _upcoming(text)
    assert set(record.parties) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Serbian and Kosovo leaders will meet in Brussels on Thursday, although no concrete plans for a peace "
            "agreement were in place.",
            {"Serbia", "Kosovo"},
        ),
        (
            "Chile and Peru will hold talks in Lima on Friday; no plans for a joint press conference were in place, "
            "aides said.",
            {"Chile", "Peru"},
        ),
        (
            "Russia and Ukraine will meet in Istanbul on Monday, officials said. The Kremlin said Moscow would like "
            "to thank Turkey for hosting the talks.",
            {"Russia", "Ukraine"},
        ),
    ],
)
def test_no_plans_for_something_else_and_thanks_leave_the_plan_alone(text: str, sides: set[str]) -> None:
    records = _talks(text)
    assert [r.status for r in records] == ["announced"]
    assert set(records[0].parties) == sides


def test_a_groups_short_name_opening_a_later_paragraph_is_no_credit() -> None:
    text = (
        "Talks on the north will resume on Friday, officials said.\n\nSudan People's Liberation Movement-North "
        "(SPLM-N) Leader Abdelaziz al-Hilu will meet army chief Abdel Fattah al-Burhan in Juba on Friday."
    )
    assert dateline_credits(text) == []


@pytest.mark.parametrize(
    "credit", ["(Wire - Outlet / Norway Daily - 9th Mar, 2031 ) :", "(Agency / Kenya Star / Wire) - "]
)
def test_a_dateline_credit_after_a_standfirst_names_no_side(credit: str) -> None:
    lede = "Chile and Peru will hold border talks in Lima on Friday, officials said, the first such round in years."
    text = f"{lede}\n\nSantiago, {credit}{lede} The two neighbours last met in 2029."
    records = _talks(text, title="Chile, Peru to hold border talks on Friday")
    assert {p for r in records for p in r.parties} == {"Chile", "Peru"}
    assert [text[a:b] for a, b in dateline_credits(text)] == [credit[: credit.index(")") + 1]]


def test_the_sources_of_a_plan_between_a_states_factions_are_no_sides() -> None:
    [draft], _ = _drafts(
        "The leaders of Libya's rival factions have agreed to hold talks in Geneva on Friday aimed at a truce, "
        "according to Egypt and Qatar."
    )
    assert draft.status == "announced"
    assert not {"Egypt", "Qatar"} & set(draft.parties)


def test_the_listed_participants_of_the_storys_meeting_are_its_sides() -> None:
    [record] = _upcoming(
        "Kazakhstan will host a regional meeting on water in Astana on Friday, the foreign ministry said. "
        "The meeting is due to involve envoys from Uzbekistan, Kyrgyzstan, and Tajikistan.",
        title="Kazakhstan to host regional water meeting",
    )
    assert {"Uzbekistan", "Kyrgyzstan", "Tajikistan"} <= set(record.parties)


@pytest.mark.parametrize(
    "listed",
    [
        # told of a past meeting
        "The last gathering was attended by representatives from Uzbekistan, Kyrgyzstan and Tajikistan.",
        # a list that is not of participants
        "The meeting is due to focus on Uzbekistan, Kyrgyzstan and Tajikistan.",
        # one name is no list
        "The meeting is due to involve envoys from Uzbekistan.",
        # another meeting's guests, and observers
        "Russia has also called a summit in Moscow in May. The summit is expected to include Uzbekistan, "
        "Kyrgyzstan and Tajikistan.",
        "The talks are due to involve envoys from Uzbekistan, Kyrgyzstan and Tajikistan as observers.",
    ],
)
def test_no_participants_from_other_wording(listed: str) -> None:
    [record] = _upcoming(
        f"Kazakhstan and Turkmenistan will hold talks on water in Astana on Friday, the foreign ministry said. {listed}"
    )
    assert set(record.parties) == {"Kazakhstan", "Turkmenistan"}


@pytest.mark.parametrize(
    "lede",
    [
        "Norway will host the foreign ministers of Sweden and Finland in Tromso on Friday for trilateral talks "
        "on Arctic fisheries, the ministry said.",
        "The foreign ministers of Sweden and Finland will travel to Tromso on Friday for three-way talks "
        "hosted by Norway, the ministry said.",
    ],
)
def test_a_state_that_hosts_three_way_talks_with_two_named_sides_is_the_third(lede: str) -> None:
    [record] = _upcoming(lede, title="Nordic ministers to meet in Tromso")
    assert set(record.parties) == {"Norway", "Sweden", "Finland"}


@pytest.mark.parametrize(
    "lede",
    [
        # two-sided talks a state hosts: a go-between or venue, not a side
        "Norway will host talks between Sweden and Finland in Tromso on Friday on Arctic fisheries, the "
        "ministry said.",
        # three-way talks whose third member is no host named
        "Sweden and Finland will hold trilateral talks with the European Union in Tromso on Friday, the "
        "ministry said. Norway has offered its help.",
    ],
)
def test_no_third_side_from_a_host_without_three_way_talks_it_hosts(lede: str) -> None:
    [record] = _upcoming(lede)
    assert "Norway" not in record.parties


@pytest.mark.parametrize("verb", ["committed", "vowed", "undertook"])
def test_a_next_round_the_sides_commit_to_takes_its_own_day(verb: str) -> None:
    [record] = _upcoming(
        "A new round of talks between Chad and the rebel front ended in Doha on Monday without an agreement, but "
        f"both delegations {verb} to reconvene in Lome on 9 September, the facilitators said."
    )
    assert record.location == "Lome"
    assert record.start_date is not None and record.start_date.isoformat().endswith("-09-09")


@pytest.mark.parametrize(
    ("title", "lede"),
    [
        (
            "Fjordline and Nordlax to meet in Oslo over terminal stake",
            "Representatives of Norwegian shipping group Fjordline and Iceland's Nordlax will meet in Oslo next "
            "week to negotiate the sale of a stake in a ferry terminal, the Norwegian government said. The "
            "foreign ministry said the state was not a party to the talks, though ministers would follow them.",
        ),
        (
            "Union, ministry to meet on Sunday",
            "Landsorganisasjonen labour federation chairman Per Olsen and senior Finance Ministry officials are "
            "scheduled to meet on Sunday over public-sector wages, the government said. The minister said the "
            "government was ready for talks.",
        ),
    ],
)
def test_a_firm_or_a_labour_federation_that_meets_is_no_diplomatic_talks(title: str, lede: str) -> None:
    assert _upcoming(lede, title=title) == []


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Anna Berg will convene the security cabinet on Sunday evening to discuss the US-drafted "
        "proposal for a truce with Moldova, officials said. The meeting, to be held at the defence ministry in "
        "Oslo, will be attended by Defence Minister Lars Dahl and the army chief, the officials said.",
        "The National Security Committee, the country's top civil-military forum, will meet on Monday with the "
        "prime minister in the chair to review the talks with Chile, officials said.",
    ],
)
def test_a_governments_own_sitting_is_no_talks(text: str) -> None:
    assert _upcoming(text) == []


def test_talks_between_states_stand_beside_a_cabinets_sitting() -> None:
    [record] = _upcoming(
        "Norway and Sweden will hold talks on fisheries in Oslo on Friday, officials said. The security cabinet "
        "will meet on Sunday to discuss the outcome. The meeting, to be held at the foreign ministry, will be "
        "led by the two foreign ministers."
    )
    assert set(record.parties) == {"Norway", "Sweden"}
    assert record.location == "Oslo"


def test_the_event_told_after_a_commemoration_is_the_commemoration() -> None:
    text = (
        "An international conference marking the 25th anniversary of the peace agreement will be held in Oslo "
        "on 14 December, the organisers said on Thursday. The conference, organised by the embassies of Norway "
        "and Sweden, will bring together former negotiators, diplomats and academics."
    )
    assert _upcoming(text, title="Oslo to host conference marking 25 years since peace deal") == []


def test_the_sides_of_a_normalisation_process_are_the_sides_of_its_meeting() -> None:
    [record] = _upcoming(
        "The next meeting of the special representatives for the normalisation process between Serbia and "
        "Kosovo will take place on March 15 at the Jarinje crossing, the special representative of Serbia, Ana "
        "Petrovic, told reporters in parliament."
    )
    assert set(record.parties) == {"Serbia", "Kosovo"}


def test_states_a_list_says_are_not_part_of_the_meeting_are_no_sides() -> None:
    [record] = _upcoming(
        "President Nikos Christodoulides and Tufan Erhurman will meet next Thursday in Nicosia in the presence "
        "of the UN envoy, the UN said. Greece, Turkey and the United Kingdom, the island's guarantor powers, are "
        "not part of next week's meeting. The envoy hopes to convene an enlarged meeting later."
    )
    assert set(record.parties) == {"Greek Cypriots", "Turkish Cypriots"}


def test_a_pair_of_states_before_a_meeting_is_no_venue() -> None:
    [draft], _ = _drafts(
        "A Chilean delegation will take part in the Chile-Peru interior secretary level meeting on Monday, the "
        "ministry said."
    )
    assert draft.location is None


@pytest.mark.parametrize("wish", ["hopes to be able to convene", "hopes to convene"])
def test_a_wish_to_convene_a_meeting_is_no_plan(wish: str) -> None:
    [draft], _ = _drafts(
        f'The source said that President Ana Ruiz "{wish} a new tripartite meeting of Chile, Peru and Bolivia '
        'soon", but that there is no date at this time.'
    )
    assert draft.status == "proposed"


def test_a_parliaments_own_sitting_is_no_talks() -> None:
    text = (
        "The National Assembly of Chile will hold a special session on Thursday, at which the government's "
        "office for the dialogue with Peru will present its report on the negotiations with Lima, the speaker said."
    )
    assert _upcoming(text) == []


@pytest.mark.parametrize("building", ["inside the Casa Verde Base Camp", "at the Palais Bolivar"])
def test_a_building_under_the_capitals_dateline_is_in_that_capital(building: str) -> None:
    [record] = _upcoming(
        f"LIMA (Agency) - The government of Peru and the Shining Front will hold a meeting on Saturday {building}, "
        "officials from both sides said."
    )
    assert record.location == "Lima"


def test_a_building_under_a_foreign_datelines_capital_is_no_venue_there() -> None:
    [record] = _upcoming(
        "LIMA (Agency) - Chile and Bolivia will hold a meeting on Saturday at the Palais Bolivar, officials said."
    )
    assert record.location != "Lima"


def test_tigrays_interim_administration_is_a_side_of_its_own() -> None:
    [record] = _upcoming(
        "The African Union panel will convene a meeting between the federal government and the Tigray Interim "
        "Regional Administration in Addis Ababa on Friday, the panel said."
    )
    assert set(record.parties) == {"Ethiopia", "Tigray Interim Administration"}


def test_a_host_that_will_receive_both_sides_for_a_round_plans_it() -> None:
    [record] = _upcoming(
        "Caracas, 10 Jun - The President of Venezuela will receive on Saturday, at the Palace of Government, a "
        "delegation of the Government of Colombia and representatives of the ELN for a new round of talks on the "
        "peace process, the Presidency announced."
    )
    assert "ELN" in record.parties
    assert record.start_date == date(2031, 3, 15)


def test_a_binational_cabinet_moved_to_a_new_day_is_an_update() -> None:
    records = _upcoming(
        "Lima, Oct. 07. The XIII Binational Cabinet Peru-Chile, that was foreseen for next Friday, in the city of "
        "Arica, was postponed to Friday, November 8, and will be carried out in the city of Tacna, informed today "
        "the Ministry of Foreign Relations."
    )
    assert [r.status for r in records] == ["rescheduled"]
    assert set(records[0].parties) == {"Peru", "Chile"}


def test_a_state_in_a_list_of_subjects_after_common_nouns_is_the_topic() -> None:
    [record] = _upcoming(
        "Chile and Peru will hold a vice ministerial strategic dialogue in Lima this week to discuss bilateral "
        "relations, Bolivia and preparations for next year's anniversary, the foreign ministry said."
    )
    assert set(record.parties) == {"Chile", "Peru"}


def test_the_government_meeting_the_leadership_of_organised_labour_is_others_talks() -> None:
    assert _others_meet(
        "The Federal Government and the leadership of the organised labour will meet on Wednesday in Lima, the "
        "minister said."
    )

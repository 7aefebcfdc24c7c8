import pytest

from parley.services.enrichment import entities as entities_module
from parley.services.enrichment.entities import extract_entities


def _names(text: str, kind: str) -> list[str]:
    return [e.name for e in extract_entities(text) if e.kind == kind]


def _people(text: str) -> set[tuple[str, str | None]]:
    return {(e.name, e.country) for e in extract_entities(text) if e.kind == "person"}


def test_countries_demonyms_and_metonyms() -> None:
    text = "The Kremlin and the White House disagree; Moscow says Kyiv and the U.S. must wait, Iranian media said."
    assert _names(text, "country") == [
        "Russia",
        "United States",
        "Russia",
        "Ukraine",
        "United States",
        "Iran",
    ]


def test_everyday_names() -> None:
    text = (
        "Delegates from the UK, Britain, the DRC, Türkiye and the Democratic Republic of the Congo arrived."
    )
    assert _names(text, "country") == [
        "United Kingdom",
        "United Kingdom",
        "Democratic Republic of the Congo",
        "Turkey",
        "Democratic Republic of the Congo",
    ]


def test_offsets_point_into_the_text() -> None:
    text = "Envoys gathered in Oslo while Hamas and the Houthis issued statements."
    for e in extract_entities(text):
        assert text[e.start : e.end] == e.text
    assert _names(text, "place") == ["Oslo"]
    assert _names(text, "armed_group") == ["Hamas", "Houthis"]


def test_capital_in_a_place_phrase_is_a_place() -> None:
    entities = extract_entities("The envoys will fly to Doha, where Doha says it is ready.")
    assert [(e.kind, e.name) for e in entities] == [("place", "Doha"), ("country", "Qatar")]
    # ... but "the negotiators of X and Y", "delegations from X" are the states they serve
    entities = extract_entities("Negotiators from Baku and Yerevan will meet the delegation of Kyiv in Doha.")
    assert [(e.kind, e.name) for e in entities] == [
        ("country", "Azerbaijan"),
        ("country", "Armenia"),
        ("country", "Ukraine"),
        ("place", "Doha"),
    ]


def test_people_with_roles() -> None:
    text = "Foreign ministry spokesman Lin Example said Swedish Foreign Minister Anna Sample would attend. Sample agreed."
    people = [e for e in extract_entities(text) if e.kind == "person"]
    assert [(p.name, p.role, p.country) for p in people] == [
        ("Lin Example", "Foreign ministry spokesman", None),
        ("Anna Sample", "Swedish Foreign Minister", "Sweden"),
        ("Anna Sample", "Swedish Foreign Minister", "Sweden"),
    ]


def test_armed_groups_and_organisations() -> None:
    text = "The M23 rebels, the RSF, the Taliban and the African Union were mentioned, as was the UN."
    assert _names(text, "armed_group") == ["M23", "RSF", "Taliban"]
    assert _names(text, "organisation") == ["African Union", "United Nations"]


def test_a_capital_named_by_description_is_the_city() -> None:
    found = extract_entities("Envoys will meet in the Omani capital next week, and later in Kenya's capital.")
    places = [(e.kind, e.name, e.country) for e in found]
    assert places == [("place", "Muscat", "Oman"), ("place", "Nairobi", "Kenya")]
    # "the capital of X" names X itself, and the city usually follows: left alone
    assert [e.name for e in extract_entities("in the Russian capital of Moscow")] == ["Russia", "Moscow"]


def test_sudan_army_short_forms_are_the_armed_forces() -> None:
    assert _names("Sudan army and Sudan's army envoys", "armed_group") == ["Sudanese Armed Forces"] * 2


def test_two_sides_sharing_a_head_noun() -> None:
    assert _names("North and South Korea agreed to hold talks.", "country") == ["North Korea", "South Korea"]
    assert _names("Greek and Turkish Cypriots will meet.", "armed_group") == [
        "Greek Cypriots",
        "Turkish Cypriots",
    ]
    assert _names("Sudan and South Sudan will meet.", "country") == ["Sudan", "South Sudan"]


def test_a_role_s_state_named_after_the_name() -> None:
    text = "President Omar Teller of Chile met Prime Minister Ana Ruiz of Peru."
    people = {e.name: e.country for e in extract_entities(text) if e.kind == "person"}
    assert people == {"Omar Teller": "Chile", "Ana Ruiz": "Peru"}


def test_a_headline_names_people_of_the_body_by_surname() -> None:
    body = extract_entities("Chilean President Omar Teller and Peruvian President Ana Ruiz will meet.")
    people = [e for e in body if e.kind == "person"]
    headline = extract_entities("Teller and Ruiz to meet in Lima", people)
    assert [(e.text, e.country) for e in headline if e.kind == "person"] == [
        ("Teller", "Chile"),
        ("Ruiz", "Peru"),
    ]


def test_a_capital_opening_a_sentence_or_a_clock_is_a_place() -> None:
    for text in ("In Lima, the two leaders will meet.", "The meeting starts at noon Lima time."):
        [lima] = [e for e in extract_entities(text) if e.text == "Lima"]
        assert lima.kind == "place"


def test_two_people_after_two_demonyms_take_a_state_each() -> None:
    text = "The Chilean and Peruvian presidents, Omar Teller and Ana Ruiz, will meet."
    people = {e.name: e.country for e in extract_entities(text) if e.kind == "person"}
    assert people == {"Omar Teller": "Chile", "Ana Ruiz": "Peru"}


def test_a_capital_naming_a_treaty_is_no_state() -> None:
    [paris] = [e for e in extract_entities("Both signed the Paris Agreement years ago.") if e.text == "Paris"]
    assert paris.kind == "place"


def test_a_country_s_opposition_is_a_non_state_side() -> None:
    [side] = [e for e in extract_entities("The Chilean opposition will attend.") if e.kind == "armed_group"]
    assert (side.text, side.name) == ("Chilean opposition", "Chilean opposition")


def test_opposition_as_a_stance_or_a_person_s_title_is_the_state() -> None:
    for text in (
        "Despite American opposition, France will host talks.",
        "He met the Israeli opposition leader.",
    ):
        assert not [e for e in extract_entities(text) if e.kind == "armed_group"], text


def test_many_paired_people_are_all_found() -> None:
    text = "The Chilean and Peruvian presidents, Omar Teller and Ana Ruiz, met. " * 2000
    people = [e for e in extract_entities(text) if e.kind == "person"]
    assert len(people) == 4000


def test_opposition_leaders_and_groups_are_the_opposition() -> None:
    for text in (
        "Talks between the government and Chilean opposition leaders will resume.",
        "Chilean opposition groups will meet the envoy.",
    ):
        assert [e.name for e in extract_entities(text) if e.kind == "armed_group"] == [
            "Chilean opposition"
        ], text


def test_a_line_in_capitals_after_a_capital_is_read_in_one_pass() -> None:
    # The dateline test once backtracked exponentially on a run of capitalised words with no dateline
    # mark after it (some 0.3 s at 30 characters, doubling with each one more): this would not finish.
    caps = " ".join(["RESUMPTION OF THE MEDIATION FOR THE REGION"] * 5)
    assert entities_module._DATELINE_AFTER.match(" " + caps) is None
    assert entities_module._DATELINE_AFTER.match(" " + caps + " - ") is not None
    entities = extract_entities(f"Venue: Safari Park, Nairobi {caps}\nNAIROBI - Envoys will meet.")
    assert [e.name for e in entities if e.kind == "place"][:1] == ["Nairobi"]


def test_a_dateline_after_a_capital_keeps_the_city() -> None:
    for text in (
        "NAIROBI - Envoys met.",
        "NAIROBI, Kenya (Reuters) - Envoys met.",
        "NAIROBI  (AP) - Envoys met.",
    ):
        assert extract_entities(text)[0].kind == "place", text
    assert extract_entities("Nairobi said on Monday it would attend.")[0].name == "Kenya"


def test_a_group_named_with_its_acronym_is_named_by_it() -> None:
    text = (
        "Officials and the Lowland Resistance Movement (LRM, by its French acronym) will meet. "
        "The LRM took up arms in 2019. The Coalition for Civic Renewal (CCR) joined the talks."
    )
    assert _names(text, "armed_group") == ["LRM", "LRM", "CCR"]


@pytest.mark.parametrize(
    "text",
    [
        "Troops of the Somali National Army retook the town.",
        "The Democratic Party said it would vote against the bill.",
        "The National Security Council met on Monday.",
    ],
)
def test_a_states_army_party_or_council_is_no_group(text: str) -> None:
    assert _names(text, "armed_group") == []


def test_a_leader_named_in_full_whose_surname_alone_is_common_is_looked_up_whole() -> None:
    text = "Prime Minister Hun Manet and President Lee Jae-myung will meet. Mr Lee spoke to Mr Hun."
    people = _people(text)
    assert ("Hun Manet", "Cambodia") in people
    assert ("Lee Jae-myung", "South Korea") in people


def test_the_congolese_of_a_story_about_brazzaville_are_of_the_republic_of_the_congo() -> None:
    text = (
        "The President of the Republic of the Congo will visit China. Xi will meet the Congolese president."
    )
    assert _names(text, "country")[-2:] == ["China", "Republic of the Congo"]


def test_leaders_of_the_americas_and_elsewhere_are_looked_up() -> None:
    text = (
        "Gustavo Petro and Daniel Noboa will meet, and Tebboune will receive Meloni. Mr Petro, a former "
        "guerrilla, and Petro Poroshenko were not asked."
    )
    people = _people(text)
    assert {("Gustavo Petro", "Colombia"), ("Noboa", "Ecuador"), ("Tebboune", "Algeria")} <= people
    assert ("Meloni", "Italy") in people
    # a surname shared with a given name is looked up in full only
    assert not any(country == "Colombia" for name, country in people if name.startswith("Petro Poro"))


def test_a_groups_name_as_a_persons_surname_is_no_group() -> None:
    text = (
        "The two ministers, Maria Kayikwamba Wagner and Olivier Ndu, will meet. Wagner Group fighters left."
    )
    assert _names(text, "armed_group") == ["Wagner Group"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Saudi Arabia will hold talks with Yemen's Iran-aligned Houthis in Riyadh on Monday.", "Houthis"),
        ("The talks bring in Palestinian Islamist Hamas.", "Hamas"),
        ("The All Burma Students' Democratic Front (ABSDF) will hold talks with the junta.", "ABSDF"),
    ],
)
def test_a_group_after_its_qualifiers_or_with_a_trade_in_its_name_stays_a_group(
    text: str, group: str
) -> None:
    assert group in _names(text, "armed_group")


def test_a_person_in_apposition_to_a_states_role_is_of_that_state() -> None:
    text = (
        "Marta Kovac, Slovenia's foreign minister, flew home. Kovac and her Croatian counterpart will meet. "
        "Ivan Horvat, the prime minister of Croatia, agreed. In Ljubljana, Slovenia's president spoke."
    )
    people = _people(text)
    assert ("Marta Kovac", "Slovenia") in people
    assert ("Ivan Horvat", "Croatia") in people
    # a later bare surname is the same person
    assert any(e.text == "Kovac" and e.country == "Slovenia" for e in extract_entities(text))
    # a leader's envoy is of the leader's state
    text = "Adam Boehler, President Donald Trump's special envoy for hostage affairs, will meet them."
    assert ("Adam Boehler", "United States") in _people(text)
    # a fronted place is no person
    assert not any(name.startswith("In ") for name, _ in people)


def test_an_opposition_coalition_and_an_armed_coalition_are_sides() -> None:
    text = "The Somali Salvation Forum and the Permanent Strategic Framework (CSP-PSD) both said they would attend."
    assert _names(text, "armed_group") == ["Somali Salvation Forum", "CSP-PSD", "CSP-PSD"]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("N. Korea, US envoys to meet in Panmunjom", ["North Korea", "United States"]),
        ("S. Korea and N Korea envoys to meet at the border", ["South Korea", "North Korea"]),
        ("N. Korean and S. Korean officials will meet on Friday", ["North Korea", "South Korea"]),
    ],
)
def test_abbreviated_koreas_are_each_their_own_state(text: str, states: list[str]) -> None:
    assert _names(text, "country") == states


@pytest.mark.parametrize(
    "text",
    [
        "Former South Korean President Moon Jae-in will chair the talks in Geneva.",
        "The envoys will meet in Geneva, said Moon Jae-in, the facilitator of the process.",
    ],
)
def test_a_former_leader_or_the_facilitator_speaks_for_no_state(text: str) -> None:
    people = [e for e in extract_entities(text) if e.kind == "person"]
    assert [(p.text, p.country) for p in people] == [("Moon Jae-in", None)]


@pytest.mark.parametrize(
    ("text", "person", "state"),
    [
        (
            "President Moon Jae-in will meet the former colony's leaders in Seoul.",
            "Moon Jae-in",
            "South Korea",
        ),
        # a former leader of the same surname leaves the sitting one his state
        (
            "Former Prime Minister Nawaz Sharif backed the plan. Prime Minister Shehbaz Sharif will meet "
            "Indian Prime Minister Narendra Modi in Delhi next week.",
            "Shehbaz Sharif",
            "Pakistan",
        ),
        # a sitting official called the mediator mediates for his state
        (
            "US and Iranian negotiators will meet in Muscat on Saturday, Omani Foreign Minister Badr "
            "Albusaidi, the mediator, said.",
            "Badr Albusaidi",
            "Oman",
        ),
    ],
)
def test_a_sitting_leader_keeps_the_state(text: str, person: str, state: str) -> None:
    assert {e.country for e in extract_entities(text) if e.kind == "person" and e.name == person} == {state}


def test_a_capital_naming_a_numbered_round_of_a_series_is_no_state() -> None:
    text = "The Lusaka III intra-Sudanese consultations will be held in Kassala, and Lusaka will watch."
    assert [(e.kind, e.name) for e in extract_entities(text) if e.text == "Lusaka"] == [
        ("place", "Lusaka"),
        ("country", "Zambia"),
    ]

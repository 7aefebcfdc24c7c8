from datetime import date

import pytest

from parley.services.enrichment.dates import find_dates

FRIDAY = date(2031, 3, 14)  # a Friday


def _resolved(text: str, published: date = FRIDAY) -> list[tuple[str, date | None, date | None]]:
    return [(d.text, d.start_date, d.end_date) for d in find_dates(text, published)]


def test_month_day_ranges() -> None:
    assert _resolved("talks on March 17-18 in Oslo") == [
        ("March 17-18", date(2031, 3, 17), date(2031, 3, 18))
    ]
    assert _resolved("from 17–18 March") == [("17–18 March", date(2031, 3, 17), date(2031, 3, 18))]
    assert _resolved("on Mar. 20") == [("Mar. 20", date(2031, 3, 20), None)]
    assert _resolved("on April 3 and 4") == [("April 3 and 4", date(2031, 4, 3), date(2031, 4, 4))]
    assert _resolved("on March 30 to April 2") == [
        ("March 30 to April 2", date(2031, 3, 30), date(2031, 4, 2))
    ]


def test_year_is_the_nearest_one() -> None:
    assert _resolved("on January 5", date(2031, 12, 20)) == [("January 5", date(2032, 1, 5), None)]
    assert _resolved("on December 28", date(2031, 1, 3)) == [("December 28", date(2030, 12, 28), None)]
    assert _resolved("on March 2, 2029") == [("March 2, 2029", date(2029, 3, 2), None)]


def test_weekdays_follow_tense() -> None:
    assert _resolved("the envoys will meet on Tuesday") == [("Tuesday", date(2031, 3, 18), None)]
    assert _resolved("the ministry said Thursday") == [("Thursday", date(2031, 3, 13), None)]
    # The publication day's own weekday is that day, in either tense; "next Friday" is a week on.
    assert _resolved("talks are set to begin Friday") == [("Friday", FRIDAY, None)]
    assert _resolved("envoys will meet on Friday in Lakeport") == [("Friday", FRIDAY, None)]
    assert _resolved("talks will open next Friday") == [("next Friday", date(2031, 3, 21), None)]
    assert _resolved("the meeting, scheduled for Saturday and Sunday") == [
        ("Saturday and Sunday", date(2031, 3, 15), date(2031, 3, 16))
    ]
    assert _resolved("they will meet on Monday (March 17)") == [
        ("Monday (March 17)", date(2031, 3, 17), None)
    ]
    # a schedule in the present tense lies ahead; the past tense behind
    assert _resolved("the minister arrives in Lakeport on Tuesday") == [("Tuesday", date(2031, 3, 18), None)]
    assert _resolved("the minister arrived in Lakeport on Tuesday") == [("Tuesday", date(2031, 3, 11), None)]


def test_relative_expressions() -> None:
    assert _resolved("this weekend") == [("this weekend", date(2031, 3, 15), date(2031, 3, 16))]
    assert _resolved("tomorrow") == [("tomorrow", date(2031, 3, 15), None)]
    assert _resolved("next week") == [("next week", date(2031, 3, 17), date(2031, 3, 23))]
    assert _resolved("later this month") == [("later this month", None, None)]
    assert _resolved("in the coming days") == [("in the coming days", None, None)]


def test_impossible_and_extreme_dates() -> None:
    assert _resolved("on February 30") == [("February 30", None, None)]
    assert _resolved("talks next week", date(9999, 12, 30)) == [("next week", None, None)]
    assert _resolved("yesterday", date(1, 1, 1)) == [("yesterday", None, None)]


def test_headline_weekdays_lie_ahead_unless_past_wording_says_otherwise() -> None:
    def headline(text: str) -> list[date | None]:
        return [d.start_date for d in find_dates(text, FRIDAY, headline=True)]

    assert headline("Lakeport and Harbourtown talks in Geneva Monday") == [date(2031, 3, 17)]
    assert headline("Lakeport and Harbourtown met Monday") == [date(2031, 3, 10)]
    assert [d.start_date for d in find_dates("talks in Geneva Monday", FRIDAY)] == [date(2031, 3, 10)]


def test_a_weekday_followed_by_its_date_and_passive_future() -> None:
    assert _resolved("they meet on Saturday, March 22 in Lakeport") == [
        ("Saturday, March 22", date(2031, 3, 22), None)
    ]
    assert _resolved("talks to be held Thursday") == [("Thursday", date(2031, 3, 20), None)]
    assert _resolved("the envoys met Thursday") == [("Thursday", date(2031, 3, 13), None)]


def test_a_day_without_a_year_months_back_lies_ahead_when_the_wording_looks_ahead() -> None:
    march = date(2031, 3, 12)
    assert _resolved("The leaders will meet on Nov. 15.", march)[0][1] == date(2031, 11, 15)
    assert _resolved("The leaders met on Nov. 15.", march)[0][1] == date(2030, 11, 15)
    # a few weeks back stays back: an old plan, not one almost a year ahead
    assert _resolved("Talks are scheduled for March 1.", march)[0][1] == date(2031, 3, 1)


def test_parts_of_the_publication_day() -> None:
    for phrase in ("this afternoon", "this morning", "this evening", "later today"):
        [found] = find_dates(f"The committee meets {phrase} in Geneva.", FRIDAY)
        assert (found.start_date, found.precision) == (FRIDAY, "day"), phrase


def test_days_of_the_month_without_a_month() -> None:
    published = date(2031, 3, 12)

    def found(text: str) -> list[tuple[str, date | None, date | None]]:
        return [(d.text, d.start_date, d.end_date) for d in find_dates(text, published)]

    assert found("They will meet on the 17th and 18th of this month.") == [
        ("on the 17th and 18th of this month", date(2031, 3, 17), date(2031, 3, 18))
    ]
    assert found("They will meet on the 2nd.") == [("on the 2nd", date(2031, 4, 2), None)]
    assert found("They met on the 2nd.") == [("on the 2nd", date(2031, 3, 2), None)]
    assert found("Talks run from the 30th to the 2nd in Lima.") == [
        ("from the 30th to the 2nd", date(2031, 3, 30), date(2031, 4, 2))
    ]
    assert found("They will meet on the 5th of next month.") == [
        ("on the 5th of next month", date(2031, 4, 5), None)
    ]
    # an ordinal of something else, and a calendar date, are not read this way
    assert found("It marks the 5th anniversary of the accord.") == []
    assert found("They met for the 3rd time.") == []
    assert [d.text for d in find_dates("They will meet on the 17th of March.", published)] == [
        "17th of March"
    ]


def test_days_of_the_month_that_are_deadlines_or_counts_or_another_months() -> None:
    published = date(2031, 3, 12)
    assert find_dates("They gave Peru until the 15th to accept.", published) == []
    assert find_dates("Little progress was made between the 4th and 5th rounds.", published) == []
    found = find_dates(
        "The round took place in Geneva in February, on the 20th and 21st, and failed.", published
    )
    assert [d.start_date for d in found if "20th" in d.text] == [None]
    [day] = find_dates("The two delegations met in Istanbul on the 28th.", published)
    assert day.start_date == date(2031, 2, 28)
    [day] = find_dates("They will hold talks on the 17th and 18th March.", published)
    assert (day.start_date, day.end_date) == (date(2031, 3, 17), date(2031, 3, 18))


def test_weekdays_of_plans_agreed_invited_and_of_rounds_ended() -> None:
    ahead, behind = date(2031, 3, 18), date(2031, 3, 11)  # Tuesday next, Tuesday last
    assert _resolved("the two sides agreed to meet on Tuesday") == [("Tuesday", ahead, None)]
    assert _resolved("they agreed to hold talks in Lakeport on Tuesday") == [("Tuesday", ahead, None)]
    assert _resolved("the envoy invited both sides to talks in Lakeport on Tuesday") == [
        ("Tuesday", ahead, None)
    ]
    assert _resolved("the envoy invited both sides to Lakeport on Tuesday for talks") == [
        ("Tuesday", ahead, None)
    ]
    assert _resolved("the sides met and agreed on Tuesday to extend the truce") == [("Tuesday", behind, None)]
    # "by" far from the day is no deadline: talks hosted by X that ended on Tuesday
    assert _resolved("talks hosted by Lakeland in Lakeport ended their third round on Tuesday") == [
        ("Tuesday", behind, None)
    ]
    assert _resolved("the answer is due by Tuesday") == [("Tuesday", ahead, None)]
    # an abbreviation's full stop does not end the sentence that holds the "will"
    assert _resolved(
        "Lakeland will send its minister to Lakeport for talks with U.S. officials led by the secretary on Tuesday"
    ) == [("Tuesday", ahead, None)]
    # the main armed opposition is no past verb between the "will" and the day
    assert _resolved(
        "the bloc will convene delegations of the government and the main armed opposition in the capital of the "
        "neighbouring country on Tuesday"
    ) == [("Tuesday", ahead, None)]
    assert _resolved("the sides are awaited in Lakeport on Tuesday") == [("Tuesday", ahead, None)]


def test_a_bare_ordinal_under_the_pages_own_month() -> None:
    # the stamp names the publication's month and year: "on the 20th" is still this month's
    assert _resolved(
        "LAKEPORT | 14 March 2031 | Wire\nThe envoy invited the sides to Lakeport on the 20th."
    ) == [
        ("14 March 2031", FRIDAY, None),
        ("on the 20th", date(2031, 3, 20), None),
    ]
    # another month named before it: that month's day, not this one's
    assert _resolved("They met in February, on the 20th.")[-1][1] is None


def test_plans_already_past_keep_their_past_day() -> None:
    saturday = date(2031, 3, 15)
    # pluperfect and passive past: the plan was for the day just gone
    assert (
        _resolved("the sides had agreed to meet on Friday, but the meeting was called off", saturday)[0][1]
        == FRIDAY
    )
    assert _resolved("Chile was invited to the talks on Friday but declined", saturday)[0][1] == FRIDAY
    # a meeting long awaited that took place is behind us
    assert _resolved("the long-awaited meeting took place in Lakeport on Wednesday")[0][1] == date(
        2031, 3, 12
    )


def test_days_of_the_month_before_a_purpose_and_two_days_off() -> None:
    published = date(2031, 3, 12)
    assert _resolved(
        "Ministers will meet from the 24th to the 26th of this month to negotiate.", published
    ) == [("from the 24th to the 26th of this month", date(2031, 3, 24), date(2031, 3, 26))]
    assert _resolved("They will meet on the 24th to discuss trade.", published) == [
        ("on the 24th", date(2031, 3, 24), None)
    ]
    assert _resolved("The talks will be held the day after tomorrow.", published) == [
        ("the day after tomorrow", date(2031, 3, 14), None)
    ]
    assert _resolved("They met the day before yesterday.", published) == [
        ("the day before yesterday", date(2031, 3, 10), None)
    ]
    # "after tomorrow's vote" is tomorrow
    assert _resolved("Talks resume after tomorrow's vote.", published) == [
        ("tomorrow", date(2031, 3, 13), None)
    ]


def test_two_weekdays_of_a_named_week() -> None:
    # Friday 14 March: "next week" runs Monday 17 to Sunday 23
    assert _resolved("will meet on Tuesday and Wednesday next week") == [
        ("Tuesday and Wednesday next week", date(2031, 3, 18), date(2031, 3, 19))
    ]
    assert _resolved("from Monday to Wednesday of next week") == [
        ("Monday to Wednesday of next week", date(2031, 3, 17), date(2031, 3, 19))
    ]
    # one day of a week keeps its own reading
    assert _resolved("on Thursday next week") == [("Thursday next week", date(2031, 3, 20), None)]


def test_a_movement_named_for_a_day_and_a_weekday_of_next_week() -> None:
    tuesday = date(2031, 3, 11)
    found = find_dates("the March 23 Movement and the June 30 Front, with talks on March 24", tuesday)
    assert [d.text for d in found] == ["March 24"]
    [_week, days] = find_dates("will meet next week, on Wednesday and Thursday, in Quito", tuesday)
    assert (days.start_date, days.end_date) == (date(2031, 3, 19), date(2031, 3, 20))


def test_a_day_moved_a_weekday_week_and_an_old_year_before_a_bare_day() -> None:
    wednesday = date(2031, 3, 12)
    [moved] = find_dates("have been moved from the 13th to the 20th of this month", wednesday)
    assert (moved.start_date, moved.end_date) == (date(2031, 3, 20), None)
    [span] = find_dates("talks will run from the 13th to the 20th of this month", wednesday)
    assert (span.start_date, span.end_date) == (date(2031, 3, 13), date(2031, 3, 20))
    [week] = find_dates("the leaders will sit down together on Tuesday week", wednesday)
    assert week.start_date == date(2031, 3, 25)
    found = find_dates("officials who have met on and off since 2002 will meet in Lima on the 2nd", wednesday)
    assert found[-1].start_date == date(2031, 4, 2)


def test_spelled_days_of_a_named_month() -> None:
    published = date(2031, 3, 12)
    [found] = find_dates("They will meet on the fourth of next month.", published)
    assert found.start_date == date(2031, 4, 4)
    [found] = find_dates("The talks open on the twenty-first of this month, officials said.", published)
    assert found.start_date == date(2031, 3, 21)
    # ... never a spelled ordinal with no month: "the fourth round"
    assert [f.start_date for f in find_dates("The fourth round will open on Monday.", published)] == [
        date(2031, 3, 17)
    ]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("in the first week of August", date(2031, 8, 1), date(2031, 8, 7)),
        ("the last week of February 2032", date(2032, 2, 23), date(2032, 2, 29)),
        # January is nearer next year than this one
        ("in the second week of January", date(2032, 1, 8), date(2032, 1, 14)),
    ],
)
def test_a_week_of_a_month_is_a_weeks_time(text: str, first: date, last: date) -> None:
    [found] = find_dates(text, date(2031, 7, 23))
    assert (found.precision, found.start_date, found.end_date) == ("week", first, last)


def test_a_week_of_a_month_ahead_is_the_coming_one_and_may_is_no_month() -> None:
    [found] = find_dates("the talks will take place in the first week of October", date(2031, 3, 12))
    assert (found.start_date, found.end_date) == (date(2031, 10, 1), date(2031, 10, 7))
    found = find_dates("Diplomats said the last week of may have brought progress.", date(2031, 3, 12))
    assert [f.text for f in found] == ["last week"]  # (the relative week, not a week of May)


@pytest.mark.parametrize(
    ("text", "new_day"),
    [
        ("the two governments postponed their meeting from March 20 to April 8", date(2031, 4, 8)),
        ("the round was pushed back from 20 March to 8 April", date(2031, 4, 8)),
        ("they have moved the summit of their leaders from March 20 to 24", date(2031, 3, 24)),
    ],
)
def test_a_move_from_one_day_to_another_is_the_new_day_not_a_span(text: str, new_day: date) -> None:
    [(_, start, end)] = _resolved(text)
    assert (start, end) == (new_day, None)


def test_a_meeting_held_from_one_day_to_another_is_a_span() -> None:
    assert _resolved("the envoys will meet from March 20 to April 2") == [
        ("March 20 to April 2", date(2031, 3, 20), date(2031, 4, 2))
    ]


def test_day_month_year_with_dots_is_a_date_and_a_number_is_none() -> None:
    published = date(2031, 3, 12)
    found = [
        (d.text, d.start_date)
        for d in find_dates(
            "MOSCOW, 12.03.2031. The delegations will meet in Istanbul on 17.03.2031 10:00, and experts on 19.03. "
            "Shares rose 17.03 percent; the fee is $17.03; shares closed on 10.11 on the day. The talks open on "
            "2031-03-20 10:00 local time.",
            published,
        )
    ]
    assert found == [
        ("12.03.2031", date(2031, 3, 12)),
        ("17.03.2031", date(2031, 3, 17)),
        ("2031-03-20", date(2031, 3, 20)),
    ]


def test_a_name_ending_in_ed_is_no_past_verb_between_the_future_and_its_day() -> None:
    text = (
        "The secretary will lead a delegation to Miami for talks with Washington's negotiators, envoy Steve "
        "Witkoff and Jared Kushner, on Saturday, the presidential office said."
    )
    assert _resolved(text, date(2031, 3, 12)) == [("Saturday", date(2031, 3, 15), None)]

"""Date expressions resolved against the publication date.

Handles "February 17-18", "Feb. 17", "17-18 February", "March 3 and 4", ISO dates, weekdays
("on Monday", "Saturday and Sunday", "next Tuesday"), "today"/"tomorrow", "this weekend",
"next week", and vague spans ("later this month", "in the coming days") which keep null dates.
A bare weekday is read as past or future from the words around it ("said Friday" is past, "will
begin Saturday" is future); the publication day's own weekday is that day in either tense ("will
meet on Thursday" in Thursday's paper), "next Thursday" the week after. Day-and-month without a
year takes the year that puts it nearest the publication date.

dateparser is not used here: it reads an expression without its sentence, so it cannot tell "said
Friday" from "will meet Friday", and at about a millisecond a call it would cost the extraction its
throughput target; the calendar patterns below are a few regexes with exact date arithmetic.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from parley.shared.extraction import DateMention

from .skip_ahead import compile_skipping, finditer_at_words, lead_words, word_start_matches

Precision = Literal["day", "week", "month", "vague"]

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# Capitalised words that are never names or places.
CALENDAR_WORDS = frozenset([*calendar.month_name[1:], *calendar.day_name])
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        1,
    )
}
_ORDINAL_WORDS |= {f"twenty-{w}": 20 + i for w, i in list(_ORDINAL_WORDS.items())[:9]}
_ORDINAL_WORDS |= {"thirtieth": 30, "thirty-first": 31}
# "on the fourth of next month": a spelled day, only with its month said ("the fourth round" is none)
_ORDINAL_WORD = (
    r"(?i:" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")(?=\s+of\s+(?:this|next|the)\b)"
)
# (plain: a pattern opening on a class is scanned by the engine itself, faster than with a look-ahead)
_ORDINAL_HINT = re.compile(r"[0-9](?:st|nd|rd|th|[0-9](?:st|nd|rd|th))\b")
_MONTH_NAMED = compile_skipping(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:last|next|this)\s+month)\b|\b(?:19|20)\d\d\b"
)
_JOIN = r"\s*(?:-|–|—|to|through|till|until|and|&)\s*"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_WORD = compile_skipping(_WEEKDAY)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", compile_skipping(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d1>\d{2})\b")),
    (
        "md",
        compile_skipping(
            rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY})(?!\d|:)(?:{_JOIN}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})(?!\d|:))?"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
        ),
    ),
    (
        "dm",
        compile_skipping(
            # ("12, 13 and 15 May": a list of days, the first to the last)
            rf"\b(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:(?:,\s*{_DAY}(?!\d))*{_JOIN}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<m>{_MONTH})"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
        ),
    ),
    ("my", compile_skipping(rf"\b(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b")),
    # "in the first week of August": a week's time, not a day
    (
        "monthweek",
        compile_skipping(
            rf"\b(?P<nth>(?i:first|second|third|fourth|last|final))\s+week\s+of\s+(?P<m>{_MONTH})"
            rf"(?:\s+(?P<y>(?:19|20)\d\d)\b)?"
        ),
    ),
    (
        # "on the 17th and 18th (of this month)": days of a month the reader knows; never "the 5th
        # anniversary" or "the 17th of March" (a calendar date)
        "ordinal",
        compile_skipping(
            rf"\b(?:on|from|between|starting)\s+the\s+(?P<d1>{_ORDINAL}|{_ORDINAL_WORD})"
            rf"(?:{_JOIN}(?:the\s+)?(?P<d2>{_ORDINAL}))?"
            r"(?:\s+of\s+(?P<rel>this|next|the\s+month|the\s+current)(?:\s+month)?)?"
            # "until the 15th" is a deadline; "between the 4th and 5th rounds" counts rounds
            rf"(?!\s+(?:of\s+)?{_MONTH}\b)(?=\s*(?:[,.;:)]|$|\s(?:at|in|on|when|with|for|after|before|as)\b"
            # "... of this month to negotiate" (not "the 4th to the 5th round")
            r"|\sto\s+(?!the\b)[a-z]"
            # "will take place on the 24th and 25th and will review ..."
            r"|\sand\s+(?:will|would|is|are)\b)"
            r")"
        ),
    ),
    (
        "weekday",
        compile_skipping(
            rf"\b(?:(?P<rel>next|this|last|coming|past)\s+)?(?P<wd>{_WEEKDAY})"
            # "on Thursday next week", "Tuesday of this week"
            r"(?:\s+(?:of\s+)?(?P<week>next|this|last)\s+week\b(?!['’]s))?"
            rf"(?:\s*(?:and|or|through|to|-|–)\s*"
            rf"(?P<wd2>{_WEEKDAY}))?(?:\s*\((?P<paren>[^)]{{3,20}})\))?"
            # "on Tuesday and Wednesday next week": the week of both days
            r"(?(week)|(?:\s+(?:of\s+)?(?P<week2>next|this|last)\s+week\b(?!['’]s))?)"
        ),
    ),
    (
        # "on 17.03.2025", "MOSCOW, 12.03.2025": day.month.year of state agencies and European copy; "on 17.03"
        # only after a preposition (never a price, a score or a decimal: "$17.03", "1.5.2")
        "dotted",
        compile_skipping(
            r"(?<![\d.,$€£])\b(?P<d1>[12]\d|3[01]|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<y>(?:19|20)\d\d)\b(?![.,]\d)"
        ),
    ),
    (
        "relative",
        compile_skipping(
            # (every alternative's phrase in _RELATIVE_AFTER_NON_WORD too)
            r"\b(?P<rel>(?:the\s+)?day\s+(?:after\s+tomorrow|before\s+yesterday)|today|tonight|tomorrow|yesterday|"
            r"this\s+(?:morning|afternoon|evening)|later\s+today|"
            r"(?:this|next|last|the\s+coming)\s+(?:weekend|week|month|year)|"
            r"later\s+(?:this|next)\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|"
            r"(?:in|over|within)\s+(?:the\s+)?(?:coming|next)\s+(?:few\s+|two\s+|several\s+|\d+\s+)?(?:days|weeks|months)|"
            r"within\s+(?:a|one|two|three|\d+)\s+(?:days?|weeks?|months?))\b",
            re.IGNORECASE,
        ),
    ),
]
_COMING = r"\s+(?:the\s+)?(?:coming|next)\s+(?:few\s+|two\s+|several\s+|\d+\s+)?(?:days|weeks|months)"
# The patterns that open on a few words ("next", "this", "Monday", "first", "on"): in ASCII text they
# are tried only where one stands, which costs far less than their scan of every position (the
# month names are too many for that to pay)
_AT_WORDS = {
    kind: words
    for kind, pattern in _PATTERNS
    if kind in {"weekday", "monthweek", "ordinal"}
    and (words := lead_words(pattern.pattern, pattern.flags, shortest=2)) is not None
}
# "relative" found after the character before it (skip_ahead.word_start_matches), its phrases grouped
# by first letter (each letter's in their order; a letter in every case it matches under IGNORECASE):
# a group opening on a letter of other case is passed over on a test of one character
_RELATIVE_AFTER_NON_WORD = re.compile(
    r"\W(?P<rel>"
    r"[tT](?i:he\s+day\s+(?:after\s+tomorrow|before\s+yesterday)|oday|onight|omorrow|his\s+(?:morning|afternoon|evening)|"
    r"(?:his|he\s+coming)\s+(?:weekend|week|month|year))"
    r"|[dD](?i:ay\s+(?:after\s+tomorrow|before\s+yesterday))"
    r"|[yY](?i:esterday)"
    r"|[lL](?i:ater\s+today|ast\s+(?:weekend|week|month|year)|ater\s+(?:this|next)\s+(?:week|month|year))"
    r"|[nN](?i:ext\s+(?:weekend|week|month|year))"
    r"|[eE](?i:arlier\s+this\s+(?:week|month|year))"
    rf"|[iI\u0130\u0131](?i:n{_COMING})"
    rf"|[oO](?i:ver{_COMING})"
    rf"|[wW](?i:ithin{_COMING}|ithin\s+(?:a|one|two|three|\d+)\s+(?:days?|weeks?|months?))"
    r")\b"
)
# words that put a weekday behind the publication day
_PAST_WORDS = (
    r"said|says|told|announced|confirmed|reported|held|met|began|started|ended|concluded|was|were|had|did|"
    r"agreed|signed|spoke|called|urged|earlier|since|last|took|came|went"
)
_PAST_BEFORE = compile_skipping(
    r"\b(?:"
    + _PAST_WORDS
    + r"|tweeted|stated|added|declared|wrote|entered)\b[\s,]*(?:\w+\s+){0,2}(?:on\s+)?$"
)
_FUTURE_CONTEXT = compile_skipping(
    r"\b(?:will|would|shall|to\s+be|set\s+(?:to|for)|due|scheduled|expected|(?:is|are)\s+awaited|planned|plans?|upcoming|next|"
    r"begins?|starts?|starting|beginning|rescheduled|moved|postponed\s+to|'ll|ahead\s+of|"
    r"to\s+(?:host|meet|hold|begin|start|resume|open|travel|convene))\b"
    # right before the day only: "until Friday", "by Monday" (not "talks hosted by X ended on Monday")
    r"|\b(?:from|until|by|before)\s+(?:on\s+)?$"
    # "the talks open on Sunday": a meeting's opening in the present tense
    r"|\b(?:talks|negotiations|consultations|round|session|summit|conference)\b[^.;]{0,60}?\s(?:opens?|resumes?|reconvenes?)\s+"
    r"(?:on\s+)?$"
)
# ("would" too, as reported speech puts "will": "X said the two would hold talks on Thursday")
_FUTURE_AUX = compile_skipping(r"\b(?:will|shall)\b|\bwould\b(?!\s+have\b)|['’]ll\b")
# a past verb, or a clause of its own ("the truce that mediators brokered in X on Sunday"), between
# the future verb and the day
_PAST_VERB = compile_skipping(
    r"\b(?:" + _PAST_WORDS + r"|ago|died|killed|that|which|who|whom|whose|where|after|because)\b"
    r"|(?<![-–])\b(?!(?:scheduled|planned|expected|slated|intended|designed|aimed|proposed|mediated|brokered|hosted|chaired|"
    r"sponsored|backed|based|related|named|titled|dubbed|needed|tasked|charged|involved|"
    # participles that qualify a noun: "the main armed opposition", "the United Nations"
    r"armed|united|disputed|occupied|elected|exiled|displaced|unified|revitali[sz]ed|renewed|expanded|"
    # (a lower-case word: "Jared", "Mohammed", "Ahmed" are names)
    r"extended|enlarged|limited|detailed|stalled|delayed|postponed)\b)(?-i:[a-z])\w{2,}ed\b",
    re.IGNORECASE,
)
# "postponed their meeting from February 6 to March 13": the old day and the new one, no span
_MOVED_FROM_BEFORE = compile_skipping(
    r"\b(?:moved|postponed|pushed\s+back|put\s+back|shifted|brought\s+forward|changed|rescheduled|delayed)\s+"
    # (not "that were postponed in January will be held from March 30 to April 2": a span of its own)
    r"(?:(?!(?:will|would|be|been|is|are|was|were|run|held|take|takes|meet|open)\b)[\w'’-]+\s+){0,8}?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... for a match that opens on "from" itself ("moved from the 13th to the 20th")
_MOVED_BEFORE = compile_skipping(
    r"\b(?:moved|postponed|pushed\s+back|shifted|brought\s+forward|changed|rescheduled|delayed)\s+$",
    re.IGNORECASE,
)
_AGREED_TO_MEET_BEFORE = compile_skipping(
    r"(?<!\bhad\s)\b(?:agreed|decided|promised|pledged|vowed|arranged|planned)\s+to\s+(?:meet|hold|resume|begin|start|open|"
    r"reconvene|convene|sit|travel|visit|return)\b(?:\s+[\w'’-]+){0,7}?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "invited A and B to talks in X on Friday", "agreed to a meeting on Friday": the day of the
# talks one is invited to or agrees to lies ahead of the invitation
_INVITED_TO_BEFORE = compile_skipping(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\s)(?<!\bhad\sbeen\s)\b(?:invit(?:ed|es|ing|ation)|agreed|accepted|accepting)\b"
    r"(?:(?!\b(?:took|held|met|was|were|which|that|where|but)\b)[^.;]){0,160}?\b(?:to|for)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit|negotiations|round|consultations)\s+"
    # ("... to a new round of negotiations on the dam in Kinshasa on Saturday": its topic between)
    r"(?:(?:of\s+[\w-]+\s+)?(?:on|over|about)\s+(?:(?!(?:took|held|met|was|were)\b)[\w'’-]+\s+){1,6}?)?"
    r"(?:(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s+)?(?:on\s+)?$"
    # "has invited both delegations to Muscat on Sunday"
    r"|\binvit(?:ed|es)\s+(?:both|the\s+two)\s+(?:delegations|sides|parties|leaders)\s+to\s+"
    r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "invited the ministers of A and B to X on Friday for talks"
_INVITED_TO_PLACE_BEFORE = compile_skipping(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\sbeen\s)\binvit(?:ed|es|ing)\b[^.;]{0,120}?\bto\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*"
    r"(?:\s+(?:(?:des|de|du|of|la|le)\s+)?(?-i:[A-Z])[\w'’-]*)*(?:,?\s+in\s+(?-i:[A-Z])[\w'’-]*)?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_FOR_TALKS_AFTER = compile_skipping(
    r"\s*,?\s+for\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit|negotiations|round|consultations)\b"
    # "invited ... to the Palais des Nations on Monday and Tuesday to try to close the gaps"
    r"|\s*,?\s+to\s+(?:try\s+to\s+)?(?:discuss|negotiate|close|finali[sz]e|resolve|settle|hold\s+talks|resume)\b",
    re.IGNORECASE,
)
# a journey in the present tense right before its day: "the minister arrives in X on Thursday"
_JOURNEY_BEFORE = compile_skipping(
    r"\b(?:arrives?|travels?|flies|departs?)\s+(?:in|to|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:on\s+)?$"
    r"|\b(?:heads|leaves)\s+(?:to|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:on\s+)?$"
    r"|\b(?:send|sends|sending|dispatch|dispatches|dispatching)\s+(?:a|an|its|their|the)?\s*(?:\w+\s+){0,2}?"
    r"(?:delegation|team|negotiators|envoys?)\s+to\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:on\s+)?$"
    # ... and the meeting itself: "P and Q meet in X on Friday", "talks kick off in X on Monday"
    r"|\b(?:meet|meets|kicks?\s+off|reconvenes?|resumes?|gets?\s+under\s?way|returns?\s+to)\s+(?:(?:in|at)\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:on\s+)?$"
    # "the joint commission opens on Wednesday"
    r"|\b(?:[Cc]ommission|[Cc]ommittee|[Cc]onference|[Ss]ummit|[Tt]alks|[Rr]ound|[Ss]ession)"
    r"(?:\s+(?:on|for)\s+(?:[\w-]+\s+){0,4}?[\w-]+)?\s+opens\s+on\s+$"
)


_BE_BEFORE = compile_skipping(r"\b(?:be|being)\s+$")
# "on Saturday, July 15": the weekday names the calendar date that follows it
_WEEKDAY_THEN_DATE = compile_skipping(r",?\s*(?:the\s+)?$")


@dataclass(frozen=True)
class FoundDate:
    """A date expression with its resolution and how precise it is."""

    text: str
    start: int
    end: int
    start_date: date | None
    end_date: date | None
    precision: Precision

    def mention(self) -> DateMention:
        return DateMention(
            text=self.text, start=self.start, end=self.end, start_date=self.start_date, end_date=self.end_date
        )


def _month(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return _ORDINAL_WORDS.get(word.lower()) or int(re.sub(r"\D", "", word))


_STALE_DAYS = 30


def _nearest_year(published: date, month: int, day: int) -> date | None:
    best: date | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    return best


def _calendar(kind: str, m: re.Match[str], published: date) -> tuple[date | None, date | None, Precision]:
    month = int(m.group("m")) if kind in {"iso", "dotted"} else _month(m.group("m"))
    if kind == "my":
        year = int(m.group("y"))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    day1 = _day(m.group("d1"))
    month1 = _month(m.group("m1")) if kind == "dm" and m.group("m1") else month
    if m.group("y"):
        start: date | None = date(int(m.group("y")), month1, day1)
    else:
        start = _nearest_year(published, month1, day1)
        stale = start is not None and (published - start).days > _STALE_DAYS
        if stale and _direction(m.string, m.start(), m.end(), 0) > 0:
            # "will meet on Nov. 15" in March: the coming November, not the one just past (a day
            # a few weeks back stays: more likely an old plan than one almost a year ahead)
            start = _nearest_year(date(published.year + 1, published.month, 1), month1, day1)
            start = start if start is not None and start > published else None
    end: date | None = None
    if start is not None and m.groupdict().get("d2"):
        month2 = _month(m.group("m2")) if kind == "md" and m.group("m2") else month
        end = date(start.year + (month2 < start.month), month2, _day(m.group("d2")))
        if end <= start:
            end = None
        elif _MOVED_FROM_BEFORE.search(m.string, max(0, m.start() - 90), m.start()):
            return end, None, "day"  # "moved from February 6 to March 13": no span, the new day
    return start, end, "day"


def _month_week(m: re.Match[str], published: date) -> tuple[date | None, date | None, Precision]:
    """ "the first week of August": days 1-7 (the last week: the month's last seven days), in the year
    named, else the coming one (a month just past stays, as for a calendar day)."""
    month = _month(m.group("m"))
    if m.group("y"):
        year = int(m.group("y"))
    else:
        nearest = _nearest_year(published, month, 1) or published
        year = nearest.year
        # ("will take place in the first week of October", read in March: the coming October)
        if (published - nearest).days > _STALE_DAYS and _direction(m.string, m.start(), m.end(), 0) > 0:
            year += 1
    days = calendar.monthrange(year, month)[1]
    nth = m.group("nth").lower()
    first_day = (
        days - 6 if nth in {"last", "final"} else 1 + 7 * ["first", "second", "third", "fourth"].index(nth)
    )
    return date(year, month, first_day), date(year, month, min(first_day + 6, days)), "week"


def _ordinal(m: re.Match[str], published: date) -> tuple[date | None, date | None, Precision]:
    """A day of the month with no month named: this month unless the day is past, then the next
    (an explicit "of next month" moves it on; a past verb keeps a past day in this month)."""
    day1 = _day(m.group("d1"))
    rel = (m.group("rel") or "").lower()
    named = [
        n.group()
        for n in _MONTH_NAMED.finditer(m.string, max(0, m.start() - 200), m.start())
        # the publication's own month and year ("BRUSSELS | 2 September 2021 |") say nothing new
        if n.group() not in {calendar.month_name[published.month], str(published.year)}
        and not n.group().lower().startswith("this")  # ("later this month ... on the 24th and 25th")
        and not (
            n.group().isdigit() and int(n.group()) < published.year
        )  # ("... met since 2002, on the 2nd")
    ]
    if not rel and named:
        return None, None, "vague"  # "met in February, on the 20th": that month's, not this one's
    shift = 1 if rel == "next" else 0
    if not rel:
        direction = _direction(m.string, m.start(), m.end(), 0)
        if day1 < published.day and direction > 0:
            shift = 1  # "will meet on the 2nd", late in the month: the next month's
        elif day1 < published.day and direction == 0:
            return None, None, "vague"  # a day behind, and no tense to say which month
        elif day1 > published.day and direction < 0:
            shift = -1  # "met on the 28th", early in the month: the last month's
    index = published.year * 12 + published.month - 1 + shift
    year, month = divmod(index, 12)
    start = date(year, month + 1, day1)
    end: date | None = None
    if m.group("d2") and _MOVED_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
        # "moved from the 13th to the 20th": no span, the new day
        day2 = _day(m.group("d2"))
        nyear, nmonth = divmod(index + (1 if day2 < day1 else 0), 12)
        return date(nyear, nmonth + 1, day2), None, "day"
    if m.group("d2"):
        day2 = _day(m.group("d2"))
        if day2 > day1:
            end = date(year, month + 1, day2)
        elif day2 < day1:  # "from the 30th to the 2nd"
            nyear, nmonth = divmod(index + 1, 12)
            end = date(nyear, nmonth + 1, day2)
    return start, end, "day"


# a full stop that ends an abbreviation, not a sentence: "U.S. officials", "Gen. X", "St. Vincent"
_ABBREVIATION_BEFORE = compile_skipping(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Gov|Sen|Rep|Jr|No|Vol))$"
)


def _sentence_start(text: str, start: int) -> int:
    line = text.rfind("\n", 0, start)
    stop = text.rfind(". ", 0, start)
    while stop > line and _ABBREVIATION_BEFORE.search(text, max(0, stop - 4), stop):
        stop = text.rfind(". ", 0, stop)
    return max(stop, line) + 1


# ", which broke down after X,", ", who met the protesters,": an aside on something else
ASIDE = compile_skipping(r",\s+(?:which|who)\b[^,;.]{0,160},")
_WHEN_THEY_MEET_AFTER = compile_skipping(
    r",?\s+when\s+(?:[\w'’-]+\s+){1,6}?(?:meet|reconvene|convene|gather|sit\s+down)\b", re.IGNORECASE
)
_POSSESSIVE_THEN_FUTURE = compile_skipping(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|session|summit|round|consultations)\b"
    r"(?:(?!\b(?:ended|was|were|held|met|took|had)\b)[^.;]){0,120}?\b(?:will|(?:is|are)\s+(?:set|due|expected)\s+to)\b",
    re.IGNORECASE,
)


# "On Saturday, the prime minister will hold talks with ...": a day opening the sentence, its main
# clause in the future (not "On Monday, the ministry said the talks will ...": the statement's day)
_FRONTED_BEFORE = re.compile(r"\W*(?:[Oo]n\s+)?")
_OPENS_BEFORE = compile_skipping(
    r"\b(?<!which\s)(?<!that\s)(?<!\bto\s)(?:opens?|begins?|starts?|kicks?\s+off|reconvenes|resumes)\s+(?:(?:in|at)\s+[^.;,]{1,40}?\s+)?"
    r"(?:on\s+)?$"
    # "arrived in X ahead of Saturday's talks"
    r"|\b(?:ahead\s+of|before)\s+(?:next\s+)?$"
)
_FRONTED_THEN_FUTURE = compile_skipping(
    r",\s+(?:(?!\b(?:said|says|told|announced|confirmed|stated)\b)[^,;.]){1,100}?"
    r"\b(?:will|shall|(?:is|are)\s+(?:set|due|expected|scheduled)\s+to)\b"
)


def _direction(text: str, start: int, end: int, default: int = -1) -> int:
    """+1 when the weekday lies ahead of publication, -1 when behind, `default` when no word says."""
    sentence_start = _sentence_start(text, start)
    before = text[max(sentence_start, start - 90) : start]
    if _AGREED_TO_MEET_BEFORE.search(before):
        return 1  # "agreed to meet on Friday": the meeting lies ahead of the agreement
    past = _PAST_BEFORE.search(before[-40:])
    if past and not _BE_BEFORE.search(before[-40:][: past.start()]):
        return -1  # "met on Friday"; but "to be held Friday" lies ahead
    if (
        _FUTURE_CONTEXT.search(before)
        or _JOURNEY_BEFORE.search(before)
        or re.match(r"\s*(?:will|would|is\s+set|at\s+\d)", text[end : end + 20])
        # "Thursday's meeting of the two ministers will be widened into ...": its own future verb
        or _POSSESSIVE_THEN_FUTURE.match(text, end, min(len(text), end + 200))
        # "... on Monday, when the two delegations reconvene in X": the meeting it dates, in the present
        or _WHEN_THEY_MEET_AFTER.match(text, end, min(len(text), end + 90))
        # "a two-day meeting ... opens in X on Sunday": the timetable's present
        or _OPENS_BEFORE.search(before) is not None
        or (
            _FRONTED_BEFORE.fullmatch(text, sentence_start, start) is not None
            and _FRONTED_THEN_FUTURE.match(text, end, min(len(text), end + 110)) is not None
        )
    ):
        return 1
    # "X will send its minister at the head of a delegation to Y for talks with Z on Friday": the
    # sentence's future verb, far back, with no past verb between it and the day
    # (a relative clause on the past, ", which broke down after X,", is no past verb of the plan's)
    whole = ASIDE.sub(",", text[sentence_start:start])
    aux = [m.end() for m in _FUTURE_AUX.finditer(whole)]
    if aux and not _PAST_VERB.search(whole, aux[-1]):
        return 1
    if _INVITED_TO_BEFORE.search(text, max(sentence_start, start - 220), start) or (
        _INVITED_TO_PLACE_BEFORE.search(text, max(sentence_start, start - 160), start)
        and _FOR_TALKS_AFTER.match(text, end)
    ):
        return 1
    return default


_WEEK_AFTER = re.compile(r"\s+week\b(?![-'’]|end|ly)")
_NEXT_WEEK_BEFORE = re.compile(r"\bnext\s+week\s*,\s*(?:on\s+)?$", re.IGNORECASE)


def _weekday(
    m: re.Match[str], text: str, published: date, default: int = -1
) -> tuple[date | None, date | None, Precision]:
    target = _WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    paren = m.group("paren")
    if paren:
        inner = _PATTERNS[1][1].search(paren) or _PATTERNS[2][1].search(paren)
        if inner:
            return _calendar("md" if inner.re is _PATTERNS[1][1] else "dm", inner, published)
    delta = (target - published.weekday()) % 7
    week = (m.group("week") or (m.group("wd2") and m.group("week2")) or "").lower()
    if not week and not rel and _NEXT_WEEK_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        week = "next"  # "will meet next week, on Wednesday and Thursday"
    if not week and not rel and not m.group("wd2") and _WEEK_AFTER.match(text, m.end()):
        # "on Tuesday week": the Tuesday after the coming one
        return published + timedelta(days=((target - published.weekday()) % 7 or 7) + 7), None, "day"
    if week:  # the weekday of a calendar week (Monday first) counted from the publication's
        shift = {"last": -7, "this": 0, "next": 7}[week]
        day = published + timedelta(days=shift + target - published.weekday())
    elif rel == "next":
        day = published + timedelta(days=(7 - published.weekday()) + target)
    elif rel in {"last", "past"}:
        day = published - timedelta(days=(published.weekday() - target) % 7 or 7)
    elif rel == "coming" or (rel == "this" and target > published.weekday()):
        # ("was planned for this Friday" on a Tuesday: the week's Friday ahead, whatever the tense)
        day = published + timedelta(days=delta or 7)
    elif _direction(text, m.start(), m.end(), default) > 0:
        # Wire copy names the day itself: "envoys will meet on Thursday" in Thursday's paper is today.
        day = published + timedelta(days=delta)
    else:
        day = published - timedelta(days=(published.weekday() - target) % 7)
    end = None
    if m.group("wd2"):
        span = (_WEEKDAYS[m.group("wd2").lower()] - target) % 7
        if _MOVED_FROM_BEFORE.search(text, max(0, m.start() - 90), m.start()):
            # "moved from Thursday to Friday": no span, the new day
            return (day + timedelta(days=span) if span else day), None, "day"
        end = day + timedelta(days=span) if span else None
    return day, end, "day"


def _relative(phrase: str, published: date) -> tuple[date | None, date | None, Precision]:
    p = " ".join(phrase.lower().split())
    monday = published - timedelta(days=published.weekday())
    if p in {"today", "tonight", "this morning", "this afternoon", "this evening", "later today"}:
        return published, None, "day"
    if p == "tomorrow":
        return published + timedelta(days=1), None, "day"
    if p.endswith("after tomorrow"):
        return published + timedelta(days=2), None, "day"
    if p.endswith("before yesterday"):
        return published - timedelta(days=2), None, "day"
    if p == "yesterday":
        return published - timedelta(days=1), None, "day"
    if p == "this weekend":
        saturday = monday + timedelta(days=5)
        return saturday, saturday + timedelta(days=1), "day"
    if p == "next weekend":
        saturday = monday + timedelta(days=12)
        return saturday, saturday + timedelta(days=1), "day"
    if p in {"next week", "the coming week"}:
        return monday + timedelta(days=7), monday + timedelta(days=13), "week"
    if p == "this week":
        return monday, monday + timedelta(days=6), "week"
    if p == "last week":
        return monday - timedelta(days=7), monday - timedelta(days=1), "week"
    if p in {"next month", "this month", "last month"}:
        shift = {"next month": 1, "this month": 0, "last month": -1}[p]
        index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(index, 12)
        first = date(year, month + 1, 1)
        return first, date(year, month + 1, calendar.monthrange(year, month + 1)[1]), "month"
    return None, None, "vague"


# a movement or group named for a day ("March 23 Movement", "June 30 Front")
_NAMED_FOR_A_DAY = re.compile(r"\s+(?:Movement|Front|Alliance|Coalition|Group|Brigades?)\b")


_WEEK_OF_HINT = re.compile(r"week\s+of\b", re.IGNORECASE)
_DOTTED_HINT = re.compile(r"\d\.[01]?\d\.(?:19|20)\d\d")
# what a match of each calendar pattern must contain; plain patterns (a literal or a class first)
# are scanned by the engine's own loop, many times faster than the patterns themselves
_ISO_HINT = re.compile(r"-\d\d-\d\d")
# ("md", "my": a month's name, its letters and a stop, space, then a day or a year)
_MONTH_THEN_NUMBER = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
_WEEKDAYS_NAMED = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _skipped_kinds(text: str) -> set[str]:
    """The patterns `text` holds no match of, told by what each match must contain."""
    skipped = set()
    if _ISO_HINT.search(text) is None:
        skipped.add("iso")
    if _MONTH_THEN_NUMBER.search(text) is None:
        skipped |= {"md", "my"}
    if "day" not in text or not any(name in text for name in _WEEKDAYS_NAMED):
        skipped.add("weekday")
    return skipped


def find_dates(text: str, published: date, headline: bool = False) -> list[FoundDate]:
    """Date expressions in `text`, left to right, overlapping matches resolved longest-first.

    In a headline a bare weekday with no past wording lies ahead ("talks in Lakeport Monday"):
    headlines put past events in the past tense."""
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    ordinals = _ORDINAL_HINT.search(text) is not None or any(
        phrase in text for phrase in (" of next month", " of this month", " of the month")
    )  # most texts name no bare day: skip that pattern
    # ... nor a month's week or a dotted day: cheap tests spare the patterns
    # (the substring tests first: they cost a pass of the C string search, the patterns far more)
    weeks = "week" in text.lower() and _WEEK_OF_HINT.search(text) is not None
    dotted = (".19" in text or ".20" in text) and _DOTTED_HINT.search(text) is not None
    skipped = _skipped_kinds(text)
    low = text.lower() if text.isascii() else None
    for kind, pattern in _PATTERNS:
        if (
            (kind == "ordinal" and not ordinals)
            or (kind == "monthweek" and not weeks)
            or (kind == "dotted" and not dotted)
            or kind in skipped
        ):
            continue
        if kind == "relative":  # (its whole match is the phrase)
            for m in word_start_matches(pattern, _RELATIVE_AFTER_NON_WORD, text):
                spans.append((*m.span("rel"), kind, m))
            continue
        words = _AT_WORDS.get(kind)
        matches = (
            finditer_at_words(pattern, words, text, low)
            if words is not None and low is not None
            else pattern.finditer(text)
        )
        for m in matches:
            spans.append((m.start(), m.end(), kind, m))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    found: list[FoundDate] = []
    last_end = -1
    for start, end, kind, m in spans:
        if start < last_end:
            continue
        if kind in {"md", "dm"} and _NAMED_FOR_A_DAY.match(text, end):
            continue  # "the March 23 Movement", "the 30 June Front": a name, not a day
        try:
            if kind == "weekday":
                first, last, precision = _weekday(m, text, published, 1 if headline else -1)
            elif kind == "relative":
                first, last, precision = _relative(m.group("rel"), published)
            elif kind == "ordinal":
                first, last, precision = _ordinal(m, published)
            elif kind == "monthweek":
                first, last, precision = _month_week(m, published)
            else:
                first, last, precision = _calendar(kind, m, published)
        except (ValueError, OverflowError, KeyError):
            first, last, precision = None, None, "vague"
        previous = found[-1] if found else None
        # "tomorrow (Saturday)", "on 12 May (Monday)": the weekday in brackets names the same day
        if (
            previous is not None
            and kind == "weekday"
            and previous.precision == "day"
            and previous.start_date is not None
            and text[previous.end : start] in {" (", "("}
            and text[end : end + 1] == ")"
        ):
            last_end = end
            continue
        if (
            previous is not None
            and kind in {"md", "dm"}
            and previous.precision == "day"
            and _WEEKDAY_WORD.fullmatch(previous.text)
            and _WEEKDAY_THEN_DATE.fullmatch(text[previous.end : start])
            and first is not None
        ):
            found[-1] = FoundDate(text[previous.start : end], previous.start, end, first, last, precision)
        else:
            found.append(FoundDate(text[start:end], start, end, first, last, precision))
        last_end = end
    return found

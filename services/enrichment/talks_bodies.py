"""Meetings of a multilateral body's own members: "the ASEAN summit", "SADC's extraordinary summit",
"the WTO Ministerial Conference", "COP26".

Such an event has no two sides: the body's membership meets. The corpus convention gives the body
(or its "member states") as the one party, where the side rules would pick the host or the chair.
A body paired with another side ("an ASEAN-US summit", "a summit between the EU and China") is a
two-sided meeting and is left to the side rules. Exact wording, so rules.
"""

from __future__ import annotations

import re

from .skip_ahead import compile_skipping

# Bodies whose summits and ministerials are meetings of their own members. The UN, the EU and the
# IMF are left out: their "meetings" are usually with someone else ("UN-brokered", "EU-China").
MEMBERSHIP_BODIES: frozenset[str] = frozenset(
    {
        "ASEAN",
        "African Union",
        "SADC",
        "ECOWAS",
        "IGAD",
        "East African Community",
        "Gulf Cooperation Council",
        "Arab League",
        "Organisation of Islamic Cooperation",
        "Organization of American States",
        "NATO",
        "OSCE",
        "WTO",
        "BRICS",
        "SCO",
        "G7",
        "G20",
        "APEC",
        "UNFCCC",
        "CARICOM",
        "CELAC",
        "Mercosur",
        "SAARC",
        "Pacific Islands Forum",
    }
)

_MEETING = r"(?:summits?|ministerial|conference|retreat|meeting|session)"
# Words that may stand between the body and its meeting: who meets and what kind of meeting.
_QUALIFIER = (
    r"(?:foreign|defen[cs]e|finance|trade|economic|ministers?['’]?|leaders?['’]?|heads?|of|state|and|government|"
    r"annual|extra-?ordinary|emergency|virtual|special|ordinary|regular|informal|ministerial|"
    r"\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|security|troika)"
)
# The body as the subject of its own meeting: "SADC defers emergency summit", "ASEAN will hold its summit".
_DOES = (
    r"(?:(?:has|have|will|to)\s+)?(?:(?:\w+\s+){0,3}?)(?:defers?|deferred|delay(?:s|ed)?|postpones?|postponed|"
    r"convenes?|convened|calls?|called|holds?|hold|held|hosts?|opens?|reschedules?|rescheduled)"
)
_MEMBERS = (
    r"(?:members|member\s+(?:states|countries|nations)|leaders|heads\s+of\s+state|(?:foreign\s+)?ministers)"
)
_COP = compile_skipping(r"\bCOP\s?\d{1,2}\b|\bConference\s+of\s+(?:the\s+)?Parties\b")
# "will hold talks with X on the sidelines of the G20 summit": the summit is the setting of
# another meeting, not the event
_SIDELINES_OF = re.compile(
    r"\b(?:on|at|in)\s+the\s+(?:sidelines|margins?|fringes?)\s+of\s+(?:the\s+|an?\s+|this\s+\w+['’]s\s+)?(?:[\w()-]+\s+){0,4}$",
    re.IGNORECASE,
)


def _pattern(alias: str) -> re.Pattern[str]:
    # An acronym is matched in its own case ("WTO", not "wto"); the words around it in any case.
    name = f"(?-i:{re.escape(alias)})" if alias.isupper() else re.escape(alias)
    return compile_skipping(
        # "ASEAN summit", "the WTO's Twelfth Ministerial Conference", "SADC extraordinary summit";
        # not "ASEAN-US summit", "ASEAN and China" or "the AES and ECOWAS will hold a ministerial".
        rf"(?<![-–])(?<!\band\s)(?<!\band\sthe\s)\b{name}(?:['’]s)?(?![-–]\w|\s+and\b)(?:\s+\([^)]{{1,12}}\))?(?:\s+{_DOES}\s+(?:\w+\s+){{0,3}}?(?:its\s+|an?\s+|the\s+)?)?"
        rf"\s*(?:{_QUALIFIER}\s+){{0,5}}?{_MEETING}\b"
        # "a summit of ASEAN leaders", "meeting of foreign ministers of the Association of ..."
        rf"|\b{_MEETING}\s+of\s+(?:the\s+)?(?:{_QUALIFIER}\s+){{0,6}}?(?:the\s+)?{name}\b(?![-–]\w|\s+and\b)"
        # "ASEAN members agreed", "WTO member states will meet", "leaders of the African Union"
        rf"|\b{name}\s+{_MEMBERS}\b|\b{_MEMBERS}\s+of\s+(?:the\s+)?{name}\b(?![-–]\w|\s+and\b)",
        re.IGNORECASE,
    )


def _aliases() -> dict[str, str]:
    from .gazetteer import ORGANISATIONS

    return {alias: name for alias, name in ORGANISATIONS.items() if name in MEMBERSHIP_BODIES}


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, _pattern(alias)) for alias, name in sorted(_aliases().items(), key=lambda kv: -len(kv[0]))
)


# Any body's name at all: most texts name none, and one search spares the patterns' loop.
_ANY_BODY = compile_skipping(
    r"\b(?:COP|Conference\s+of|"
    + "|".join(re.escape(alias) for alias in sorted(_aliases(), key=len, reverse=True))
    + r")",
    re.IGNORECASE,
)


def membership_meeting(texts: list[str]) -> str | None:
    """The body whose own members meet, from the first of `texts` that names one (headline, the
    event's sentence, then the other talks sentences), else None."""
    for text in texts:
        if not _ANY_BODY.search(text):
            continue
        if any(not _setting(text, m.start()) for m in _COP.finditer(text)):
            return "UNFCCC"
        for name, pattern in _PATTERNS:
            if any(not _setting(text, m.start()) for m in pattern.finditer(text)):
                return name
    return None


def _setting(text: str, at: int) -> bool:
    """The body's meeting at `at` is only where another meeting takes place ("on the sidelines of")."""
    return _SIDELINES_OF.search(text, max(0, at - 80), at) is not None

"""Named negotiating formats: "the Normandy format", "the six-party talks", "Iran and world powers".

A format's name stands for a fixed set of sides and go-betweens that the article need not list
("political advisers of the Normandy Four will meet in X"). The corpus convention lists the
members: the format's sides as parties, its chairs or brokers as mediators. A look-up of well-known
formats, so a table and exact patterns, like the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Format:
    pattern: re.Pattern[str]
    sides: tuple[str, ...]
    mediators: tuple[str, ...] = ()
    # words one of which the event's texts must also hold ("world powers" is a format only in an
    # Iran nuclear story)
    context: re.Pattern[str] | None = None
    # the sides are the whole table: states named beside the format are its chair or its hosts
    closed: bool = True


_E3 = ("United Kingdom", "France", "Germany")
FORMATS: tuple[Format, ...] = (
    Format(
        re.compile(
            r"\bNormandy\s+(?:format|Four|Quartet|group|process|talks|summit|countries|leaders)\b", re.I
        ),
        ("Russia", "Ukraine"),
        ("Germany", "France"),
    ),
    Format(re.compile(r"\bAstana\s+(?:format|process|guarantors)\b", re.I), ("Russia", "Turkey", "Iran")),
    Format(
        re.compile(r"\b(?:six|6)[- ]party\s+(?:talks|negotiations|process|format)\b", re.I),
        ("North Korea", "South Korea", "United States", "China", "Japan", "Russia"),
    ),
    Format(
        re.compile(
            r"(?<![\w+])5\s?\+\s?2(?![\w+])[\"'’]?\s+(?:format|talks|negotiations|meeting|process)\b", re.I
        ),
        ("Moldova", "Transnistria"),
        ("OSCE", "Russia", "Ukraine"),
    ),
    Format(
        re.compile(r"\bGeneva\s+International\s+Discussions\b", re.I),
        ("Georgia", "Russia", "Abkhazia", "South Ossetia"),
        ("European Union", "OSCE", "United Nations"),
    ),
    Format(
        re.compile(r"(?<![\w+])(?:P5\s?\+\s?1|E3\s?\+\s?3|E3/EU\s?\+\s?3)(?![\w+])"),
        ("Iran", *_E3, "China", "Russia", "United States"),
        context=re.compile(r"\bIran", re.I),
    ),
    Format(
        re.compile(
            r"(?<![\w+])4\s?\+\s?1(?![\w+])|\b(?:six|world|major|global)\s+powers\b"
            # "the remaining parties to the nuclear deal", "JCPOA signatories", its Joint Commission
            r"|\b(?:parties|signatories|participants)\s+(?:to|of)\s+the\s+(?:\d{4}\s+)?(?:Iran\s+)?(?:nuclear\s+deal|JCPOA)"
            r"|\b(?:nuclear\s+deal|JCPOA)\s+(?:parties|signatories|participants)\b|\bJoint\s+Commission\b",
            re.I,
        ),
        ("Iran", *_E3, "China", "Russia"),
        context=re.compile(r"\bIran", re.I),
    ),
    # the Cyprus talks: the two communities, with the three guarantor powers in the enlarged format
    Format(
        re.compile(
            r"(?<![\w+])5\s?\+\s?(?:UN|1)(?![\w+])|\benlarged\s+(?:informal\s+)?(?:meeting|conference|format)\b",
            re.I,
        ),
        ("Greek Cypriots", "Turkish Cypriots", "Greece", "Turkey", "United Kingdom"),
        ("United Nations",),
        context=re.compile(r"\bCypr", re.I),
    ),
    Format(
        re.compile(r"\b(?:two|both)\s+Cypriot\s+(?:communities|sides|leaders)\b", re.I),
        ("Greek Cypriots", "Turkish Cypriots"),
        closed=False,
    ),
    # Iran and the European three alone: the other powers are not at that table
    Format(
        re.compile(
            r"(?<![\w+])(?-i:E3)(?![\w+])|\bEuropean\s+(?:troika|trio|powers|parties|signatories)\b", re.I
        ),
        ("Iran", *_E3),
        context=re.compile(r"\bIran", re.I),
    ),
    Format(
        re.compile(
            r"(?<![\w+])(?-i:E3)(?![\w+])|\bEuropean\s+(?:troika|trio|powers|parties|signatories)\b", re.I
        ),
        _E3,
        closed=False,
    ),
    Format(
        re.compile(
            r"\b(?-i:Quad)\s+(?:summit|leaders|foreign\s+ministers|ministerial|meeting|countries|nations)\b",
            re.I,
        ),
        ("United States", "Japan", "India", "Australia"),
    ),
)


def named_format(texts: list[str]) -> Format | None:
    """The well-known format the event's texts name first (the headline's before a passing
    mention further down), if any."""
    joined = "\n".join(texts)
    found = [
        (m.start(), f)
        for f in FORMATS
        if (m := f.pattern.search(joined)) and (f.context is None or f.context.search(joined))
    ]
    return min(found, key=lambda found: found[0])[1] if found else None


def with_format(parties: list[str], mediators: list[str], texts: list[str]) -> tuple[list[str], list[str]]:
    """(parties, mediators) with a named format's members: its sides added to the parties named,
    its go-betweens moved to the mediators."""
    f = named_format(texts)
    if f is None:
        return parties, mediators
    named = [] if f.closed else [p for p in parties if p not in f.mediators]
    sides = named + [s for s in f.sides if s not in named]
    return sides, list(dict.fromkeys([*mediators, *(m for m in f.mediators if m not in sides)]))

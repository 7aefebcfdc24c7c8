"""Named negotiating formats: "the Normandy format", "the six-party talks", "Iran and world powers".

A format's name stands for a fixed set of sides and go-betweens that the article need not list
("political advisers of the Normandy Four will meet in X"). The corpus convention lists the
members: the format's sides as parties, its chairs or brokers as mediators. A look-up of well-known
formats, so a table and exact patterns, like the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .gazetteer import named_on, names_of
from .skip_ahead import compile_skipping, gated


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
    # others who may be named at that table without making it another meeting
    also: tuple[str, ...] = ()
    # sides who join the table only where the texts say so (the Syrian delegations at an Astana round)
    joined_by: tuple[str, ...] = ()
    joined_when: re.Pattern[str] | None = None

    def sides_on(self, day: date | None, joined: str = "") -> tuple[str, ...]:
        """The sides under the names they had on `day` (today's names when it is not known), with
        the sides the texts say join them."""
        more = self.joined_by if self.joined_when is not None and self.joined_when.search(joined) else ()
        sides = (*self.sides, *more)
        return sides if day is None else tuple(named_on(s, day) for s in sides)

    def table(self) -> set[str]:
        return {
            *self.sides,
            *self.joined_by,
            *self.mediators,
            *self.also,
            *(n for s in self.sides for n in names_of(s)),  # (under their names of any day)
        }


_E3 = ("United Kingdom", "France", "Germany")
FORMATS: tuple[Format, ...] = (
    Format(
        compile_skipping(
            r"\bNormandy[\s-]+(?:format|Four|Quartet|group|process|talks|summit|countries|leaders)\b", re.I
        ),
        ("Russia", "Ukraine"),
        ("Germany", "France"),
    ),
    # the three guarantors; an international meeting or round on Syria also seats the government's
    # and the opposition's delegations (not the guarantors' own ministerial or summit)
    Format(
        compile_skipping(r"\bAstana\s+(?:format|process|guarantors?)\b", re.I),
        ("Russia", "Turkey", "Iran"),
        context=compile_skipping(r"\bSyria", re.I),
        also=("Kazakhstan", "United Nations", "Jordan", "Lebanon", "Iraq"),
        joined_by=("Syria", "Syrian opposition"),
        joined_when=compile_skipping(
            r"\binternational\s+(?:meeting|talks|consultations)\s+on\s+Syria\b"
            r"|\b(?:\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\s+(?:round|international\s+meeting|high-level\s+meeting)\b"
            r"|\bSyrian\s+(?:government|opposition|parties|delegations|sides|Arab\s+Republic)\b(?<!without\sthe\sSyrian\sparties)",
            re.I,
        ),
    ),
    # Syria's Constitutional Committee: the government's and the opposition's delegations, UN-convened
    Format(
        compile_skipping(r"\bConstitutional\s+Committee\b", re.I),
        ("Syria", "Syrian opposition"),
        ("United Nations",),
        context=compile_skipping(r"\bSyria", re.I),
    ),
    # Libya's 5+5 Joint Military Commission: five officers from each camp, UN-convened
    Format(
        compile_skipping(
            r"(?<![\w+])5\s?\+\s?5(?![\w+])[\"'’]?\s+(?:Joint\s+|joint\s+)?(?:[Mm]ilitary\s+)?(?:[Cc]ommission|[Cc]ommittee|JMC|talks)\b"
            r"|\bJoint\s+Military\s+Commission\b",
        ),
        ("Government of National Unity", "Libyan National Army"),
        ("United Nations",),
        context=compile_skipping(r"\bLibya", re.I),
        also=("Libya", "House of Representatives"),
    ),
    Format(
        compile_skipping(r"\b(?:six|6)[- ]party\s+(?:talks|negotiations|process|format)\b", re.I),
        ("North Korea", "South Korea", "United States", "China", "Japan", "Russia"),
    ),
    Format(
        compile_skipping(
            r"(?<![\w+])5\s?\+\s?2(?![\w+])[\"'’]?\s+(?:format|talks|negotiations|meeting|process)\b", re.I
        ),
        ("Moldova", "Transnistria"),
        ("OSCE", "Russia", "Ukraine"),
    ),
    # the South Caucasus "3+3" platform (Georgia stays away; the five meet)
    Format(
        compile_skipping(
            r"(?<![\w+])3\s?\+\s?3(?![\w+])[\"'’]?(?:\s+regional)?\s+(?:format|platform|talks|meeting|ministerial|mechanism)\b",
            re.I,
        ),
        ("Azerbaijan", "Armenia", "Russia", "Turkey", "Iran"),
        also=("Georgia",),
    ),
    # the five Caspian littoral states: their summits, ministerials and working group on the sea's status
    Format(
        compile_skipping(
            r"\bCaspian\s+(?:littoral\s+)?(?:states|countries|nations|five|summit)\b|\bCaspian\s+Five\b"
            r"|\bWorking\s+Group\s+on\s+the\s+Caspian\b|\blittoral\s+states\s+of\s+the\s+Caspian\b",
            re.I,
        ),
        ("Azerbaijan", "Iran", "Kazakhstan", "Russia", "Turkmenistan"),
    ),
    Format(
        compile_skipping(r"\bGeneva\s+International\s+Discussions\b", re.I),
        # (the United States sits at that table as a participant)
        ("Georgia", "Russia", "Abkhazia", "South Ossetia", "United States"),
        ("European Union", "OSCE", "United Nations"),
    ),
    Format(
        compile_skipping(r"(?<![\w+])(?:P?5\s?\+\s?1|E3\s?\+\s?3|E3/EU\s?\+\s?3)(?![\w+])"),
        ("Iran", *_E3, "China", "Russia", "United States"),
        context=compile_skipping(r"\bIran", re.I),
    ),
    Format(
        compile_skipping(
            r"(?<![\w+])4\s?\+\s?1(?![\w+])|\b(?:six|world|major|global)\s+powers\b"
            # "the remaining parties to the nuclear deal", "JCPOA signatories", its Joint Commission
            r"|\b(?:parties|signatories|participants)\s+(?:to|of)\s+the\s+(?:\d{4}\s+)?(?:Iran\s+)?(?:nuclear\s+(?:deal|agreement|accord)|JCPOA)"
            # "Iran and the countries still in the 2015 nuclear agreement"
            r"|\b(?:countries|states|powers)\s+(?:still\s+)?(?:in|party\s+to)\s+the\s+(?:\d{4}\s+)?(?:Iran\s+)?"
            r"(?:nuclear\s+(?:deal|agreement|accord)|JCPOA)"
            r"|\b(?:nuclear\s+deal|JCPOA)\s+(?:parties|signatories|participants)\b|\bJoint\s+Commission\b",
            re.I,
        ),
        ("Iran", *_E3, "China", "Russia"),
        context=compile_skipping(r"\bnuclear\b|\bJCPOA\b|\bJoint\s+Comprehensive\s+Plan\b", re.I),
    ),
    # the Cyprus talks: the two communities, with the three guarantor powers in the enlarged format
    Format(
        compile_skipping(
            r"(?<![\w+])5\s?\+\s?UN(?![\w+])|\benlarged\s+(?:informal\s+)?(?:meeting|conference|format)\b"
            # "the island's two leaders and the three guarantor powers"
            r"|\b(?:three\s+)?guarantor\s+(?:powers|countries|states)\b",
            re.I,
        ),
        ("Greek Cypriots", "Turkish Cypriots", "Greece", "Turkey", "United Kingdom"),
        ("United Nations",),
        context=compile_skipping(r"\bCypr|\bNicosia\b", re.I),
        also=("Cyprus",),
    ),
    Format(
        compile_skipping(r"\b(?:two|both)\s+Cypriot\s+(?:communities|sides|leaders)\b", re.I),
        ("Greek Cypriots", "Turkish Cypriots"),
        closed=False,
        also=("Cyprus", "Greece", "Turkey", "United Kingdom", "United Nations"),
    ),
    # Iran and the European three alone: the other powers are not at that table
    Format(
        compile_skipping(
            r"(?<![\w+])(?-i:E3)(?![\w+])|\bEuropean\s+(?:troika|trio|powers|parties|signatories)\b"
            r"|\bthree\s+European\s+(?:countries|powers|states|nations|signatories)\b",
            re.I,
        ),
        ("Iran", *_E3),
        context=compile_skipping(r"\bIran", re.I),
    ),
    # India's and Pakistan's Indus commissioners
    Format(
        compile_skipping(r"\bPermanent\s+Indus\s+Commission\b|\bIndus\s+(?:water\s+)?commissioners\b", re.I),
        ("India", "Pakistan"),
        also=("World Bank",),
    ),
    # the Moscow format on Afghanistan: its regional states and Afghanistan's delegation
    Format(
        compile_skipping(r"\bMoscow\s+format\b", re.I),
        (
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
        ),
        context=compile_skipping(r"\bAfghan", re.I),
        also=("Taliban", "Qatar", "Turkey", "Saudi Arabia", "United Arab Emirates"),
    ),
    # the committee overseeing the Israel-Lebanon ceasefire ("the Mechanism"), chaired by the
    # United States with France
    Format(
        compile_skipping(
            # the committee that meets, not "France's role in the ceasefire committee"
            r"(?:(?-i:[\"“‘']Mechanism[\"”’'])|\bthe\s+(?-i:Mechanism)|\bceasefire\s+(?:monitoring\s+|oversight\s+)?"
            r"(?:mechanism|committee))"
            r"(?=[^.;]{0,120}?\b(?:will|would|is\s+(?:to|due\s+to|set\s+to)|to)\s+(?:meet|convene|reconvene|hold|sit)\b"
            r"|\s+(?:talks|meeting|session)\b)"
            r"|\b(?:session|meeting|sitting|round)\s+of\s+the\s+(?:committee\s+monitoring\s+(?:their|the)\s+ceasefire"
            r"|ceasefire\s+(?:monitoring\s+|oversight\s+)?(?:mechanism|committee))\b",
            re.I,
        ),
        ("Israel", "Lebanon"),
        ("United States", "France"),
        context=compile_skipping(r"\bLebanon|\bLebanese\b|\bNaqoura\b"),
        also=("United Nations", "Hezbollah"),
    ),
    # the Nile dam talks of Egypt, Sudan and Ethiopia (where the texts list the three or call the talks
    # three-way)
    Format(
        compile_skipping(r"\bGERD\b|\b(?:Grand\s+Ethiopian\s+)?Renaissance\s+Dam\b"),
        ("Egypt", "Ethiopia", "Sudan"),
        context=compile_skipping(
            r"\btripartite\b|\btrilateral\b|\bthree\s+(?:countries|nations|states|parties|sides)\b"
            r"|\b(?:Egypt|Sudan|Ethiopia)\w*,\s+(?:Egypt|Sudan|Ethiopia)\w*,?\s+and\s+(?:Egypt|Sudan|Ethiopia)",
            re.I,
        ),
        also=("African Union", "World Bank"),
    ),
    # the Afghan government's talks with the Taliban
    Format(
        compile_skipping(
            r"\bintra-Afghan\s+(?:peace\s+)?(?:talks|negotiations|dialogue|meeting|conference)\b", re.I
        ),
        ("Afghanistan", "Taliban"),
        also=("Qatar", "United States", "Pakistan", "Germany", "United Nations"),
    ),
    # the OSCE Minsk Group: Armenia and Azerbaijan, with its co-chairs as go-betweens
    Format(
        compile_skipping(r"\bMinsk\s+Group\b"),
        ("Armenia", "Azerbaijan"),
        ("OSCE Minsk Group",),
        # (its co-chairs named as sides meet someone else: "the US co-chair will meet Lavrov")
        also=("OSCE",),
    ),
    # the Trilateral Contact Group on eastern Ukraine
    Format(
        compile_skipping(r"\bTrilateral\s+Contact\s+Group\b"),
        ("Ukraine", "Russia"),
        ("OSCE",),
        context=compile_skipping(r"\bUkrain|\bDonbas", re.I),
    ),
    # Angola's mediation between Congo and Rwanda
    Format(
        compile_skipping(r"\bLuanda\s+(?:peace\s+)?process\b", re.I),
        ("Democratic Republic of the Congo", "Rwanda"),
        ("Angola",),
    ),
    # the five Central Asian states and their "+1", whoever the story names (the United States,
    # Germany, China, Japan ...)
    Format(
        compile_skipping(r"(?<![\w+])C5\s?\+\s?1(?![\w+])"),
        ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"),
        closed=False,
        also=(
            "United States",
            "Germany",
            "China",
            "Japan",
            "European Union",
            "South Korea",
            "India",
            "Russia",
        ),
    ),
    Format(
        compile_skipping(r"\bWeimar\s+Triangle\b", re.I),
        ("France", "Germany", "Poland"),
    ),
    Format(
        compile_skipping(r"\bLublin\s+Triangle\b", re.I),
        ("Poland", "Lithuania", "Ukraine"),
    ),
    Format(
        compile_skipping(
            r"\bVisegrad\s+(?:Group|Four)\b|(?<![\w+])V4(?![\w+])\s+(?:leaders|summit|prime\s+ministers|meeting|countries)"
        ),
        ("Czech Republic", "Hungary", "Poland", "Slovakia"),
    ),
    Format(
        compile_skipping(
            r"\b(?-i:Quad)\s+(?:summit|leaders|foreign\s+ministers|ministerial|meeting|countries|nations)\b",
            re.I,
        ),
        ("United States", "Japan", "India", "Australia"),
    ),
)


# A format named in passing, beside another meeting: "the first talks since the six-party talks
# collapsed", "days after Quad ministers met", "outside the Astana format", "ahead of an enlarged meeting"
_ASIDE_BEFORE = compile_skipping(
    r"\b(?:since|after|ahead\s+of|before|outside|separate(?:ly)?\s+from|unlike|instead\s+of|rather\s+than|"
    r"apart\s+from|besides|without)\b[^.;]{0,30}$",
    re.I,
)
_ASIDE_AFTER = compile_skipping(
    r"^[^.;]{0,40}?\b(?:collapsed|stalled|(?:still\s+|remain\s+|remains\s+)frozen|broke\s+down|failed|"
    r"last\s+met|watch(?:es)?|warned)\b",
    re.I,
)


# ... each searched only in text holding its words (tried for every talks mention, most name no format)
_GATED_FORMATS = tuple((f, gated(f.pattern)) for f in FORMATS)


def named_format(texts: list[str], parties: Sequence[str] = ()) -> tuple[Format, bool] | None:
    """The well-known format the event's texts name first (the headline's before a passing
    mention further down), if no side is named outside its table; and whether it is named
    aside ("since the X collapsed", "ahead of an X summit") rather than as the meeting itself."""
    joined = "\n".join(texts)
    found = []
    for f, pattern in _GATED_FORMATS:
        m = pattern.search(joined)
        if m is None or (f.context is not None and not f.context.search(joined)):
            continue
        table = f.table()
        if any(p not in table for p in parties):
            continue  # "Iran and Saudi Arabia will meet ..., as world powers watch"
        aside = bool(
            _ASIDE_BEFORE.search(joined, max(0, m.start() - 45), m.start())
            or _ASIDE_AFTER.match(joined[m.end() : m.end() + 60])
        )
        found.append((m.start(), f, aside))
    if not found:
        return None
    _, f, aside = min(found, key=lambda found: found[0])
    return f, aside


def with_format(
    parties: list[str],
    mediators: list[str],
    texts: list[str],
    named: Sequence[str] | None = None,
    day: date | None = None,
) -> tuple[list[str], list[str]]:
    """(parties, mediators) with a named format's members: its sides added to the parties named,
    its go-betweens moved to the mediators. `named`: the sides the wording itself names, checked
    against the format's table (default: `parties`). A format named aside only moves its
    go-betweens ("a bilateral meeting before the Normandy summit" is not the four's meeting)."""
    found = named_format(texts, parties if named is None else named)
    if found is None:
        return parties, mediators
    f, aside = found
    if aside:
        # only where the format's own sides are the ones who meet, its go-betweens beside them
        sides = [p for p in parties if p not in f.mediators]
        if len([p for p in sides if p in f.table() and p not in f.mediators + f.also]) < 2:
            return parties, mediators
        moved = [p for p in parties if p in f.mediators]
        return sides, list(dict.fromkeys([*mediators, *moved]))
    else:
        kept = [] if f.closed else [p for p in parties if p not in f.mediators]
        sides = kept + [s for s in f.sides_on(day, "\n".join(texts)) if s not in kept]
    return sides, list(dict.fromkeys([*mediators, *(m for m in f.mediators if m not in sides)]))

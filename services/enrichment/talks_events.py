"""Article-level talks events: mentions from the headline and every sentence, one learned decision.

1. `candidates` collects the mentions (sentence drafts, merged when they agree; the headline as a
   mention of its own) and the article's masked features.
2. A learned linear model (talks_model.py, trained by train.py) decides whether the article
   announces talks still to come. The sentence rules' statuses are among its features, not the
   last word: "agreed to meet again" after a held round, or "rejected reports it had agreed to
   meet", are learned from the labelled articles rather than patched rule by rule.
3. `assemble` turns the decision into events: when the article announces, its primary mention
   (the most complete upcoming one, else the most complete one) becomes `announced` or
   `rescheduled` and takes missing parties, venue and dates from the headline and from compatible
   mentions; otherwise no record stays upcoming. The primary event comes first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from parley.shared.extraction import Entity, TalksRecord, TalksStatus

from . import talks_cues as cue
from .dates import FoundDate, find_dates
from .entities import extract_entities
from .gazetteer import (
    ARMED_GROUPS,
    BROKE_AWAY_FROM,
    CONFEDERATION_MEMBERS,
    HOME_STATES,
    ORGANISATION_NAMES,
    RIVAL_PAIRS,
    RIVALS,
    gazetteer,
    named_on,
    names_of,
)
from .skip_ahead import at_words, compile_skipping
from .talks_bodies import MEMBERSHIP_BODIES, membership_meeting
from .talks_extraction import (
    _PARTY_KINDS,
    _compatible,
    _Draft,
    _is_demonym,
    cued_sentences,
    dateline_credits,
    dateline_end,
    find_drafts,
    headline_draft,
    is_diplomatic,
    sentences,
    to_record,
)
from .talks_features import Passage, article_features, cue_passages, role_name, spans_of
from .talks_formats import with_format
from .talks_model import LinearModel, SoftmaxModel, load_model, load_roles
from .talks_roles import name_features

UPCOMING: frozenset[str] = frozenset({"announced", "rescheduled"})
# What an upcoming-sounding mention becomes when the article is judged not to announce talks.
_STOPPED_ORDER: tuple[TalksStatus, ...] = ("denied", "cancelled", "postponed", "held", "proposed")
_STOPPED: frozenset[str] = frozenset({"denied", "cancelled", "postponed"})


@dataclass(frozen=True)
class Candidates:
    """Everything the decision and the assembly need, computed once per article."""

    drafts: tuple[_Draft, ...]
    headline: _Draft | None
    mediators: tuple[str, ...]
    places: tuple[Entity, ...]
    passages: tuple[Passage, ...]
    features: dict[str, float]
    names: dict[str, dict[str, float]]  # role features of each name, in order of first mention
    venues: dict[str, Entity]  # a mention of each place or state that could be the venue
    # Places named only as where a statement was made ("told reporters in X"), never the venue.
    statement_places: frozenset[str] = frozenset()
    # Places named as where talks already met ("the last round was held in X").
    met_places: frozenset[str] = frozenset()
    # Places named only as where a deal was made ("a deal agreed in X last year").
    deal_places: frozenset[str] = frozenset()
    # The place a press advisory's "Venue:" line names (its last known place: the city after the hall).
    venue_line: Entity | None = None
    standing_seat: Entity | None = None  # "the format, which meets in X several times a year"
    venue_provider: Entity | None = None  # "X said it was providing the premises"
    destination: Entity | None = None  # "its negotiator would travel to the Belgian capital on Thursday"
    people_only: frozenset[str] = frozenset()  # states named only by their people ("Honduran nationals")
    dateline_place: Entity | None = None  # the place a wire dateline opens on ("NAIROBI, Oct 21 -")
    # How often the article names each state and non-state side, headline included.
    side_counts: dict[str, int] = field(default_factory=dict)
    # Sides, blocs and states named as the ones travelling to talks ("a delegation from X will travel to Y").
    travellers: tuple[str, ...] = ()
    # The two sides the article names as sides ("between the A side and the B side"), if any.
    side_pair: tuple[str, ...] = ()
    # The text, its side entities and sentences, for the look-ups made only when an event needs them.
    source: tuple[str, tuple[Entity, ...], tuple[tuple[int, int], ...]] = ("", (), ())
    # The first day ahead a follow-up sentence gives the event ("The teams will begin on Monday 14").
    follow_up: FoundDate | None = None
    # The first day ahead a sentence gives a visit ("will pay a state visit to Y from April 10 to 12").
    visit_day: tuple[FoundDate, str] | None = None
    # The two sides a headline opens on ("P and Q to resume ..."), for the lead's "the two neighbours".
    headline_pair: tuple[str, ...] = ()

    @cached_property
    def antecedents(self) -> dict[str, tuple[str, str]]:
        """The pair named together just before a sentence's "both countries", by that sentence's text."""
        text, entities, spans = self.source
        return _antecedents(text, list(entities), list(spans))


def _no_new_date_for_talks(text: str, m: re.Match[str]) -> bool:
    """Not so where the sentence puts off something else and names no talks ("elections ...
    postponed indefinitely")."""
    start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    other = cue.OTHER_MATTER_BEFORE.search(text, start, m.start())
    # (the talks word counts only between the other matter and its putting off: "the last meeting of
    # the factions agreed on elections ..., but the president postponed the vote indefinitely")
    return other is None or cue.TRIGGER.search(text, other.start(), m.end()) is not None


def _facts(text: str, drafts: list[_Draft], headline: _Draft | None, published: date) -> dict[str, float]:
    facts: dict[str, float] = {}
    if any(_no_new_date_for_talks(text, m) for m in at_words(cue.NO_NEW_DATE).finditer(text)):
        facts["no_new_date"] = 1.0  # "postponed ... a new date will be announced later", anywhere
    for d in drafts:
        facts[f"any={d.status}{'~' if d.weak else ''}"] = 1.0
        if d.status in UPCOMING and d.parties:
            facts["upcoming_with_parties"] = 1.0
            if d.start and d.start >= published:
                facts["upcoming_dated"] = 1.0
            if d.location:
                facts["upcoming_placed"] = 1.0
    if drafts:
        facts[f"first={drafts[0].status}"] = 1.0
    else:
        facts["no_mentions"] = 1.0
    ahead = headline is not None and headline.start is not None and headline.start > published
    over = cue.HEADLINE_ONGOING.search(headline.evidence) if headline is not None and not ahead else None
    if over is not None and not (
        # "P to host ministers after technical talks end": the plan leads, the round ended before it
        headline is not None
        and headline.status in UPCOMING
        and not headline.weak
        and _EARLIER_CLAUSE_BEFORE.search(headline.evidence, 0, over.start())
    ):
        facts["headline_ongoing"] = 1.0
    if headline is not None:
        facts[f"headline={headline.status}{'~' if headline.weak else ''}"] = 1.0
    return facts


_THE_REPORT_SAID = re.compile(
    r"\W*(?:(?:The|That|This)\s+(?:[\w-]+\s+)?(?:report|article|story)\b"
    # "A weekend newspaper had reported, citing unnamed sources, that ..."
    r"|(?:A|An|The)\s+(?:[\w-]+\s+)?(?:newspaper|paper|daily|tabloid|outlet|website)\s+had\s+(?:reported|claimed|said)\b)"
)


_ASKED_ABOUT_REPORT = compile_skipping(
    # (the report's own words a plan: not "asked about a report that the talks had collapsed, X said ... will meet")
    r"\b(?:asked|questioned|quizzed|commenting|responding|reacting)\s+(?:about|on|to)\s+(?:a|the|media|press|news)\s+"
    r"(?:[\w'’-]+\s+){0,3}?reports?\b[^.;]{0,60}?\bthat\b[^.;,]{0,60}?\b(?:had\s+agreed|agreed|would|will|were\s+to|planned)\s+"
    r"(?:to\s+)?(?:meet|hold|resume|sit\s+down)\b",
    re.IGNORECASE,
)


_DENIED_AFTER = compile_skipping(
    r"\s*[^.;]{0,80}?\b(?:denied|denies|dismissed|dismisses|rejected|rejects)\s+(?:the|that|this|these)\s+"
    r"(?:[\w-]+\s+)?(?:reports?|claims?|story)\b",
    re.IGNORECASE,
)


def _denied_after(drafts: list[_Draft], text: str) -> list[_Draft]:
    """ "A newspaper reported that A and B would meet in X on Friday. B's foreign ministry denied the
    report.": a reported plan the very next sentence denies (a sentence naming no talks, so no mention)."""
    if "denie" not in text and "dismiss" not in text and "reject" not in text:
        return drafts
    out = []
    for d in drafts:
        at = text.find(d.evidence) if d.status in UPCOMING and d.weak else -1
        if at >= 0 and _DENIED_AFTER.match(text, at + len(d.evidence)):
            d = replace(d, status="denied")
        out.append(d)
    return out


def _denied_next(d: _Draft, nxt: _Draft) -> bool:
    return (
        d.status in UPCOMING
        and d.weak
        and nxt.status == "denied"
        and (nxt.location is None or d.location is None or nxt.location.name == d.location.name)
        and (not nxt.parties or set(nxt.parties) <= set(d.parties))
    )


def _denied_retold(drafts: list[_Draft]) -> list[_Draft]:
    """ "Tokyo denied a report that officials agreed to meet in X ... The report said they would meet
    in X in mid-April": a plan retold at the venue of a denied one, with the same sides, is the
    denied plan, not a second event."""
    # "A state newspaper reported that officials would meet in X next week. The ministry denied the
    # report: 'There are no talks planned'": a reported plan the next mention denies outright
    drafts = [
        replace(d, status="denied") if nxt is not None and _denied_next(d, nxt) else d
        for d, nxt in zip(drafts, [*drafts[1:], None][: len(drafts)], strict=True)
    ]
    # "... rejected as unfounded a report that A and B would meet. The report, citing sources, said
    # officials would meet in X on June 11": the denied report retold
    if any(d.status == "denied" for d in drafts):
        drafts = [
            replace(d, status="denied")
            if d.status in UPCOMING
            and (
                (d.weak and _THE_REPORT_SAID.match(d.evidence))
                # "..., the spokesman told reporters when asked about a report that the sides had agreed
                # to hold talks in X on Dec. 16": the plan is the report's, which is denied
                or _ASKED_ABOUT_REPORT.search(d.evidence)
            )
            else d
            for d in drafts
        ]
    denied = [d for d in drafts if d.status == "denied" and d.location is not None]
    if not denied:
        return drafts
    return [
        replace(d, status="denied")
        if d.status in UPCOMING
        and d.location is not None
        and any(
            x.location is not None
            and x.location.name == d.location.name
            and (not d.parties or set(d.parties) <= set(x.parties))
            for x in denied
        )
        else d
        for d in drafts
    ]


_FORUM_WORD = compile_skipping(r"\b(?:summit|conference|ministerial|forum|COP\s?\d+)", re.IGNORECASE)


def _without_background_forums(
    drafts: list[_Draft], title_entities: list[Entity], text: str, spans: list[tuple[int, int]]
) -> list[_Draft]:
    """ "X, which holds the G20 presidency, will host the group's summit in Y in November", in a story
    whose headline is about something else: the body's meeting is background, not the article's
    event (a headline naming the body or a summit keeps it)."""
    lead_end = next((b for a, b in spans if b - a >= 60), 0)
    named = {e.name for e in title_entities}
    return [
        d
        for d in drafts
        if not (
            d.status in UPCOMING
            and text.find(d.evidence[:40]) >= max(lead_end, 1)
            and (body := membership_meeting([d.evidence])) is not None
            and body not in named
            # (not "A's and B's leaders will meet on the sidelines of the NATO summit": their own meeting)
            and not (len(d.parties) >= 2 and _SIDELINES.search(d.evidence))
        )
    ]


_SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|margins?)\s+of\b", re.IGNORECASE)


def candidates(
    text: str, title: str, published: date, entities: list[Entity], dates: list[FoundDate]
) -> Candidates:
    skip = dateline_end(text)
    if credits := dateline_credits(text):
        entities = [e for e in entities if not any(a <= e.start < b for a, b in credits)]
    spans = sentences(text)
    cued = cued_sentences(text, spans)
    drafts, mediators = find_drafts(text, published, entities, dates, skip, cued, spans)
    drafts = [_body_as_party(d) for d in _denied_retold(_denied_after(drafts, text))]
    people = [e for e in entities if e.kind == "person" and e.text == e.name]
    title_entities = extract_entities(title, people, headline=True) if title else []
    if any(e.name == _ROC for e in entities) and not any(e.name == _DRC for e in entities):
        # "Congolese president to pay state visit": the story's Congo is the body's (Brazzaville)
        title_entities = [
            e.model_copy(update={"name": _ROC, "country": _ROC}) if e.name == _DRC else e
            for e in title_entities
        ]
    title_dates = find_dates(title, published, headline=True) if title else []
    headline = headline_draft(title, published, title_entities, title_dates) if title else None
    headline = _body_as_party(headline) if headline is not None else None
    if title and not _FORUM_WORD.search(title):
        drafts = _without_background_forums(drafts, title_entities, text, spans)
    passages = cue_passages(
        title,
        spans_of(title_entities, title_dates, published),
        text,
        cued,
        spans_of([e for e in entities if e.start >= skip], [d for d in dates if d.start >= skip], published),
    )
    venues: dict[str, Entity] = {}
    for e in [*title_entities, *entities]:
        if e.kind in {"place", "country"} and e.text == e.text.strip():
            venues.setdefault(role_name(e), e)
    # "the last round was held in X": where talks already met, though no mention took it as a venue
    met_at = {
        role_name(e)
        for e in entities
        if e.kind in {"place", "country"}
        and (
            cue.PAST_VENUE_BEFORE.search(text, max(0, e.start - 60), e.start)
            or cue.PAST_VENUE_LISTED_BEFORE.search(text, max(0, e.start - 80), e.start)
        )
    }
    if met_at:  # ... unless a sentence about a plan names it too
        # (only the sentences naming one of those places can tell: the others are not read)
        named = [e.start for e in entities if role_name(e) in met_at]
        plans = [
            (a, b)
            for a, b in spans
            if any(a <= at < b for at in named) and cue.STRONG_FUTURE.search(text, a, b)
        ]
        met_at -= {role_name(e) for e in entities if any(a <= e.start < b for a, b in plans)}
    # where a deal was made, whatever the sentence plans ("talks to implement a deal agreed in X")
    deal_at = {
        role_name(e)
        for e in entities
        if e.kind in {"place", "country"}
        and cue.DEAL_MADE_IN_BEFORE.search(text, max(0, e.start - 40), e.start)
    }
    stated_at: dict[str, bool] = {}
    for e in entities:
        if e.kind in {"place", "country"} and e.start >= skip:  # (a dateline says nothing of the venue)
            said = bool(
                cue.STATEMENT_PLACE_BEFORE.search(text, max(0, e.start - 60), e.start)
                or (
                    cue.SOURCE_IN_BEFORE.search(text, max(0, e.start - 40), e.start)
                    and cue.SAID_RIGHT_AFTER.match(text, e.end, e.end + 20)
                )
            )
            stated_at[role_name(e)] = stated_at.get(role_name(e), True) and said
    # a state named only by its people ("Guatemalan and Honduran nationals"): no side of its own
    by_people: dict[str, bool] = {}
    for e in entities:
        if e.kind == "country":
            only = _is_demonym(e) and cue.DEMONYM_NOT_SIDE_AFTER.match(text[e.end : e.end + 60]) is not None
            by_people[e.name] = by_people.get(e.name, True) and only
    side_counts: dict[str, int] = {}
    for e in [*title_entities, *(e for e in entities if e.start >= skip)]:
        if e.kind in {"country", "armed_group"}:
            side_counts[e.name] = side_counts.get(e.name, 0) + 1
    return Candidates(
        drafts=tuple(drafts),
        headline=headline,
        mediators=tuple(mediators),
        places=tuple(e for e in entities if e.kind == "place" and e.start >= skip),
        passages=tuple(passages),
        features=article_features(passages, _facts(text, drafts, headline, published)),
        names=_with_rule_roles(name_features(passages), [*drafts, *([headline] if headline else [])]),
        venues=venues,
        statement_places=frozenset(name for name, only in stated_at.items() if only),
        people_only=frozenset(name for name, only in by_people.items() if only),
        met_places=frozenset(met_at),
        deal_places=frozenset(deal_at),
        side_counts=side_counts,
        travellers=_travellers(text, title, entities, title_entities, spans),
        venue_line=_venue_line(text, entities),
        standing_seat=_standing_seat(text, entities),
        venue_provider=_venue_provider(text, entities, spans),
        destination=_destination([(title, title_entities, [(0, len(title))]), (text, entities, spans)]),
        dateline_place=next((p for e in entities[:1] if e.start < 3 and (p := _as_place(e))), None),
        side_pair=_side_pair(text, entities),
        source=(text, tuple(e for e in entities if e.start >= skip), tuple(spans)),
        follow_up=_follow_up_day(text, _uncued(spans, cued), dates, published),
        headline_pair=_headline_pair(title, title_entities),
        visit_day=_visit_day(text, spans, dates, published)
        if at_words(cue.VISIT_DAYS).search(text)
        else None,
    )


def _uncued(spans: list[tuple[int, int]], cued: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The sentences with no talks word of their own."""
    taken = {i for i, _, _ in cued}
    return [span for i, span in enumerate(spans) if i not in taken]


def _follow_up_day(
    text: str, spans: list[tuple[int, int]], dates: list[FoundDate], published: date
) -> FoundDate | None:
    """ "Technical teams will meet in X ... The teams will begin their work on Monday 14": the first
    day ahead that a sentence with no talks word of its own (`spans`) gives the event's session or
    teams (not the day a statement was made)."""
    for a, b in spans:
        m = cue.FOLLOW_UP_DAY.search(text, a, b)
        if m is None:
            continue
        for d in dates:
            if m.start() <= d.start < b and _plan_day_ahead(text, a, d, published):
                return d
    return None


def _plan_day_ahead(text: str, a: int, d: FoundDate, published: date) -> bool:
    """A day after the publication day, in the sentence starting at `a`, that is neither a statement's
    nor an old plan's ("The review, originally scheduled for Friday, Nov. 17, will now ...")."""
    return (
        d.precision == "day"
        and d.start_date is not None
        and d.start_date > published
        and not cue.SPEECH_BEFORE.search(text, max(a, d.start - 60), d.start)
        and not cue.old_plan_clause(text[max(a, d.start - 80) : d.start])
    )


def _visit_of(d: _Draft, source: _Draft, visit: str, c: Candidates) -> bool:
    """The visit or trip sentence tells the event's own journey: the sentence just before "During the
    visit, ..." or one of the two before the event's, to the event's venue (or its state)."""
    text, _, spans = c.source
    starts = [a for a, _ in spans]
    at, of = text.find(visit), text.find(source.evidence.strip())
    if at < 0 or of < 0 or _ANOTHER_STORY.match(source.evidence):
        return False
    gap = bisect_right(starts, of) - bisect_right(starts, at)
    place = d.location
    there = place is not None and (
        place.text in visit or place.name in visit or (place.country is not None and place.country in visit)
    )
    if cue.DURING_VISIT.search(source.evidence):
        return gap == 1 and (place is None or there)
    return 1 <= gap <= 2 and there


_ANOTHER_STORY = re.compile(r"\W*(?:Separately|Meanwhile|Elsewhere|In\s+other\s+news|Also)\b", re.IGNORECASE)
_QUOTE_OR_OF = re.compile(r"[;\"“”]|\bof\s+$")


def _visit_day(
    text: str, spans: list[tuple[int, int]], dates: list[FoundDate], published: date
) -> tuple[FoundDate, str] | None:
    """The first day ahead a sentence gives a state or official visit or a trip, not an old plan's,
    and that sentence."""
    for a, b in spans:
        m = cue.VISIT_DAYS.search(text, a, b)
        if m is None:
            continue
        for d in dates:
            if (
                m.start() <= d.start < b
                # (the visit's own days, right after its words: not "the declaration of May 11")
                and d.start - m.end() <= 60
                and not _QUOTE_OR_OF.search(text, m.end(), d.start)
                and _plan_day_ahead(text, a, d, published)
            ):
                return d, text[a:b]
    return None


_DRC, _ROC = "Democratic Republic of the Congo", "Republic of the Congo"
_LIST_COMMA = re.compile(r",\s+(?:the\s+)?")
_PAIR_SAID = re.compile(r"\s+(?:said|say|says|announced|told|urged|called|have\s+(?:said|urged|called))\b")
_PAIR_JOIN = re.compile(r"\s+and\s+(?:the\s+)?|,\s+and\s+(?:the\s+)?")


def _antecedents(
    text: str, entities: list[Entity], spans: list[tuple[int, int]]
) -> dict[str, tuple[str, str]]:
    """ "... welcomed the work by A and B on a treaty. ... both countries' ministers will meet in X":
    the pair named together last before a sentence's "both countries", in it or the two sentences
    before it, by that sentence's text."""
    anaphors = (
        [m.start() for m in cue.SIDES_ANAPHOR.finditer(text)] if "both" in text or "two" in text else []
    )
    if not anaphors:
        return {}
    pairs = [
        (b.start, (b.name, c.name))
        for a, b, c in zip([None, *entities], entities, entities[1:], strict=False)
        if b.kind in _PARTY_KINDS
        and c.kind in _PARTY_KINDS
        and b.name != c.name
        and _PAIR_JOIN.fullmatch(text, b.end, c.start)
        # a pair, not the end of a list ("A, B and C"), nor the source quoted ("A and B said")
        and not (a is not None and _LIST_COMMA.fullmatch(text, a.end, b.start))
        and not _PAIR_SAID.match(text, c.end)
    ]
    found: dict[str, tuple[str, str]] = {}
    if not pairs:
        return found
    starts = [a for a, _ in spans]
    for at in anaphors:
        i = bisect_right(starts, at) - 1
        if i < 0 or at >= spans[i][1]:
            continue
        since = spans[max(0, i - 2)][0]
        before = [pair for p, pair in pairs if since <= p < at]
        if before:
            found.setdefault(text[spans[i][0] : spans[i][1]].strip(), before[-1])
    return found


def _headline_pair(title: str, entities: list[Entity]) -> tuple[str, ...]:
    """The two sides a headline opens on ("P and Q to resume binational cabinet", "P, Q ministers to
    meet"), not the start of a list."""
    sides = [e for e in entities if e.kind in _PARTY_KINDS]
    if len(sides) < 2 or sides[0].start > 4 or sides[0].name == sides[1].name:
        return ()
    if cue.HEADLINE_SIDES_TO_PLAN.match(title) is None:
        return ()  # (a headline about something else they do: "P, Q block UN statement on X")
    a, b = sides[0], sides[1]
    if not _HEADLINE_JOIN.fullmatch(title, a.end, b.start):
        return ()
    if len(sides) > 2 and _HEADLINE_JOIN.fullmatch(title, b.end, sides[2].start):
        return ()  # "P, Q and R ..."
    return (a.name, b.name)


_HEADLINE_JOIN = re.compile(r"\s*(?:,|and|&)\s*")


def _in_lead(d: _Draft, c: Candidates) -> bool:
    """The mention is told in the article's first two sentences."""
    text, _, spans = c.source
    if not spans:
        return False
    lead = text[spans[0][0] : spans[min(1, len(spans) - 1)][1]]
    return d.evidence.strip() in lead


def _side_pair(text: str, entities: list[Entity]) -> tuple[str, ...]:
    """The first two sides the text names as "the A side/delegation ... the B side/delegation"."""
    if "side" not in text and "delegation" not in text:
        return ()
    sides = {e.start: e.name for e in entities if e.kind in {"country", "armed_group"}}
    for m in cue.SIDE_PAIR.finditer(text):
        a, b = sides.get(m.start("a")), sides.get(m.start("b"))
        if a is not None and b is not None and a != b:
            return (a, b)
    return ()


_VENUE_LABELS = ("Venue", "Location", "Place")  # the labels cue.VENUE_LINE opens with


def _as_place(e: Entity) -> Entity | None:
    """The place an entity names: itself, or the capital a state was read from ("NAIROBI -")."""
    if e.kind == "place":
        return e
    capital = gazetteer().capital_of.get(e.name) if e.kind == "country" else None
    # ("KUWAIT -": a state named like its capital, "Kuwait City")
    if capital is None or not (capital == e.text.title() or capital.startswith(e.text.title() + " ")):
        return None
    return Entity(kind="place", text=e.text, name=capital, start=e.start, end=e.end, country=e.name)


def _venue_line(text: str, entities: list[Entity]) -> Entity | None:
    # (the line's label checked as a word first: most articles have none, and the pattern scans them all)
    m = cue.VENUE_LINE.search(text) if any(label in text for label in _VENUE_LABELS) else None
    if m is None:
        return None
    return next(
        (p for e in reversed([e for e in entities if m.start() <= e.start < m.end()]) if (p := _as_place(e))),
        None,
    )


_IN_YEAR = re.compile(r"\bin\s+((?:19|20)\d\d)\b")


def _history(d: _Draft, published: date) -> bool:
    """A round held in an earlier year ("the framework presented at X in 2017"): history, which
    sets up no round ahead."""
    years = [int(y) for t in d.texts() for y in _IN_YEAR.findall(t)]
    return bool(years) and max(years) < published.year and d.start is None


def _standing_seat(text: str, entities: list[Entity]) -> Entity | None:
    # (a cheap word test first: the pattern's lookahead is costly and most articles have no such clause)
    if "meets in" not in text and "convenes in" not in text and "sits in" not in text:
        return None
    for m in cue.STANDING_SEAT.finditer(text):
        e = next((e for e in entities if e.start == m.end()), None)
        if e is not None and (place := _as_place(e)) is not None:
            return place
    return None


_GOES_FOR_TALKS = re.compile(
    r"\b(?:negotiators?|delegations?|teams?|envoys?|talks|meeting|round|negotiations|consultations|president|"
    r"prime\s+minister|(?:foreign\s+)?minister|leaders?)\b",
    re.IGNORECASE,
)
_OTHER_GATHERING = re.compile(
    r"\bfor\s+(?:the\s+|a\s+)?(?:(?:[A-Z][\w'’-]*|and|of|for|on)\s+){0,6}(?:Forum|Summit|Conference|Games|Expo|Assembly|"
    r"Congress)\b"
)


def _sentence_of(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The (start, end) of the sentence in `spans` that holds offset `at`."""
    return next(((a, b) for a, b in spans if a <= at < b), (at, at))


def _destination(sources: list[tuple[str, list[Entity], list[tuple[int, int]]]]) -> Entity | None:
    """Where the article sends the sides (headline first): the place right after "will travel to",
    "are invited to", "summoned to"."""
    for text, entities, spans in sources:
        if " to " not in text:
            continue
        starts = {e.start: e for e in entities}
        for m in at_words(cue.DESTINATION).finditer(text):
            e = starts.get(m.end())
            if e is None or (place := _as_place(e)) is None:
                continue
            # (the trip is to the talks, not to another gathering: "invited to X for the Y Forum")
            start, end = _sentence_of(spans, m.start())
            sentence = text[start:end]
            # (a summons or an invitation is to talks by itself; a journey says so, or is a leader's)
            invited = "invited" in m.group().lower() or "summoned" in m.group().lower()
            if (invited or _GOES_FOR_TALKS.search(sentence)) and not _OTHER_GATHERING.search(sentence):
                return place
    return None


def _venue_provider(text: str, entities: list[Entity], spans: list[tuple[int, int]]) -> Entity | None:
    """ "Switzerland confirmed the meeting would take place in Geneva, stressing it was providing the
    premises": the city its sentence names, else the state that provides them, as a place."""
    if "provid" not in text:
        return None
    for m in cue.VENUE_PROVIDED.finditer(text):
        start, end = _sentence_of(spans, m.start())
        around = [e for e in entities if start <= e.start < end]
        place = next((e for e in around if e.kind == "place"), None)
        if place is None:  # the state that says so, named before the words (its capital, else itself)
            state = next((e for e in reversed(around) if e.start < m.start() and e.kind == "country"), None)
            place = (_as_place(state) or state) if state is not None else None
        if place is not None:
            return place
    return None


def _travellers(
    text: str, title: str, entities: list[Entity], title_entities: list[Entity], spans: list[tuple[int, int]]
) -> tuple[str, ...]:
    """Who the article says travels to the talks: "a delegation from X", "X's team" in a sentence
    that has them travel ("will travel to", "heads to"). Exact wording, so a rule."""
    found: list[str] = []
    for source, named, sentence_spans in (
        (title, title_entities, [(0, len(title))]),
        (text, entities, spans),
    ):
        for e in named:
            if e.kind not in {"country", "armed_group", "organisation"}:
                continue
            if not (
                cue.TRAVELLER_BEFORE.search(source, max(0, e.start - 40), e.start)
                or cue.TRAVELLER_AFTER.match(source[e.end : e.end + 80])
            ):
                continue
            start, end = next(((a, b) for a, b in sentence_spans if a <= e.start < b), (e.start, e.end))
            if cue.TRAVEL.search(source, start, end) and e.name not in found:
                found.append(e.name)
    return tuple(found)


def _with_rule_roles(names: dict[str, dict[str, float]], drafts: list[_Draft]) -> dict[str, dict[str, float]]:
    """The sentence rules' reading of each name ("rule:party"...) as features of the role model:
    where a rule is exact ("mediated by X", "in X", "the war between A and B") it is learned to
    count, and where it overreaches the wording around the name can outweigh it."""
    for d in drafts:
        said = {"party": [p for p in d.parties if p in d.explicit or p not in d.mediators]}
        said["mediator"] = d.mediators
        said["venue"] = [d.location.name] if d.location else []
        upcoming = "+" if d.status in UPCOMING else ""
        said["not_party"] = sorted(d.ruled_out)
        for role, found in said.items():
            for name in found:
                if name in names:
                    names[name][f"rule:{role}{upcoming}"] = 1.0
    return names


def _completeness(d: _Draft, published: date) -> tuple[int, ...]:
    return (
        int(d.status in UPCOMING and not d.weak),
        # "X will also attend a meeting of ...": another meeting beside the story's own
        int(cue.ALSO_MEETS.match(d.evidence) is None),
        int(len(d.parties) >= 2),
        int(d.start is not None and d.start >= published),
        int(d.location is not None),
    )


def _next_of_held(d: _Draft, published: date) -> _Draft:
    """A mention of a round that met, read for the next round: its venue and a day up to the
    publication day are the last round's ("met on Thursday in X ... agreed to meet again"); a day
    still ahead ("ahead of tomorrow's meeting ... held calls") is the next one's."""
    agreed = cue.NEXT_MEETING.search(d.evidence)
    if d.start is None or d.start <= published:
        d = replace(d, start=None, end=None, date_text=None)
        # ... the day the agreement gives, if any ("ended their meeting on Friday, agreeing to reconvene in
        # Y on June 23")
        if agreed is not None:
            ahead = next(
                (
                    f
                    for f in find_dates(d.evidence[agreed.end() :], published)
                    if f.precision == "day" and f.start_date is not None and f.start_date > published
                ),
                None,
            )
            if ahead is not None:
                d = replace(d, start=ahead.start_date, end=ahead.end_date, date_text=ahead.text)
    # ... unless the venue is named only after the agreement ("agreed to hold the next round in Y")
    if (
        d.location is not None
        and agreed is not None
        and d.location.text not in d.evidence[: agreed.start()]
        and d.location.text in d.evidence[agreed.end() :]
    ):
        return d
    return replace(d, location=None)


def _held_then_next(text: str) -> int | None:
    """Where the plan's words begin in "wrapped up two days of talks in X on Wednesday and agreed to
    meet again": a plan told after the round held, whose venue and day before those words are the
    last round's (see `_next_of_held`)."""
    held = cue.HELD.search(text)
    if held is None:
        return None
    # the earliest plan's words after the round held: an agreement or a "will" about the next round, or
    # the meeting the round prepared
    plans = [
        m.start()
        for m in (cue.NEXT_MEETING.search(text, held.end()), _WILL_MEET.search(text, held.end()))
        if m is not None and cue.NEXT_ROUND.search(text, m.start()) is not None
    ]
    prepares = _TO_PREPARE_FOR.search(text, held.end())
    if prepares is not None:
        plans.append(prepares.start())
    return min(plans, default=None)


# "experts met on Tuesday in X to prepare for a ministerial meeting to be held on Friday in Y"
_TO_PREPARE_FOR = compile_skipping(
    r"\bto\s+prepare\s+(?:the\s+ground\s+)?for\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|summit|round|talks)\b",
    re.IGNORECASE,
)


# "... and will hold another round next month"
_WILL_MEET = compile_skipping(
    r"\b(?:will|would|are\s+to|plan\s+to)\s+(?:hold|meet|resume|reconvene|convene)\b", re.IGNORECASE
)


def _fill(primary: _Draft, other: _Draft, published: date) -> _Draft:
    """Missing fields of the primary event from another mention of the same event."""
    if other.status == "held":
        other = _next_of_held(other, published)
    elif (other.start is not None and other.start < published) or (
        # a day a mention says was put off, or an old plan's ("had been scheduled for Thursday"), is
        # never the moved round's
        primary.status == "rescheduled"
        and (other.status == "postponed" or any(cue.HISTORY.search(t) for t in other.texts()))
    ):
        other = replace(other, start=None, end=None)
    return replace(
        primary,
        parties=primary.parties
        if len(primary.parties) >= 2
        else list(dict.fromkeys(primary.parties + other.parties)),
        explicit=primary.explicit | (other.explicit if len(primary.parties) < 2 else set()),
        mediators=primary.mediators or other.mediators,
        location=primary.location or other.location,
        start=primary.start or other.start,
        end=primary.end if primary.start else other.end,
        date_text=primary.date_text if primary.start else other.date_text or primary.date_text,
        stated_format=primary.stated_format or other.stated_format,
        round=primary.round or other.round,
    )


def _stopped_status(c: Candidates) -> TalksStatus:
    said = {d.status for d in c.drafts}
    return next((s for s in _STOPPED_ORDER if s in said), "proposed")


def _primary(c: Candidates, published: date) -> tuple[_Draft, _Draft] | None:
    """(the mention the primary event is built on, the event assembled across mentions)."""
    # A mention the rules read as stopped (denied, called off, postponed with no new date) is
    # exact wording: the article-level decision never turns it into an upcoming event.
    pool = [
        d
        for d in c.drafts
        if d.status not in _STOPPED
        # "the mission will convene the commission in X between 10 and 12 June": a plan stated in
        # full but for its sides, which the role model reads from the article
        and (
            d.parties
            or (d.status in UPCOMING and not d.weak and d.start is not None and d.location is not None)
            # "when the two sides' chief negotiators meet in X on Tuesday", "the two governments are due
            # to resume talks in X next month": the sides, named elsewhere
            or (
                d.status in UPCOMING
                and (d.start is not None or not d.weak)
                and d.location is not None
                and cue.SIDES_ANAPHOR.search(d.evidence)
            )
            # "the two sides agreed to hold the next round in X": the next round with its place
            or (
                d.location is not None
                and cue.NEXT_MEETING.search(d.evidence)
                and cue.NEXT_ROUND.search(d.evidence)
            )
        )
    ]
    if c.headline is not None and c.headline.parties and c.headline.status not in _STOPPED:
        pool.append(c.headline)
    if not pool:
        # a reported plan with its place but no side in its sentence ("a KRG official said a delegation
        # would travel to X on Tuesday for talks"): the sides are read from the article
        pool = [d for d in c.drafts if d.status in UPCOMING and d.location is not None]
    if not pool:
        # an upcoming meeting its sentence names only as "the meeting": the sides, venue and day
        # are read from the article as a whole rather than left empty
        pool = [d for d in c.drafts if d.status in UPCOMING and not d.weak]
    if not pool:
        return None
    # On a tie the headline wins: it states the article's own event.
    source = max(
        pool, key=lambda d: (_completeness(d, published), -pool.index(d) if d is not c.headline else 1)
    )
    best = source
    status: TalksStatus = "announced"
    if best.status == "rescheduled" or any(
        d.status == "rescheduled" for d in c.drafts if _compatible(replace(d, status="announced"), best)
    ):
        status = "rescheduled"
    best = replace(best, status=status, weak=False)
    if best.start is not None and best.start < published:
        best = replace(best, start=None, end=None)  # a date behind us is not when these talks meet
    over = "r:headline_ongoing" in c.features  # a headline reporting talks begun or ended
    plan_at = _held_then_next(source.evidence) if not source.also else None
    if source.status == "held" or (source is c.headline and over) or plan_at is not None:
        best = _next_of_held(best, published)
    if best.location is None and plan_at is not None:
        # "... met in X to prepare for a ministerial meeting to be held on Friday in Y": Y, named after
        # the plan's words, is the plan's venue
        plan = source.evidence[plan_at:]
        best = replace(
            best,
            location=next(
                (
                    e
                    for e in c.venues.values()
                    if re.search(
                        rf"\b(?i:in|at)\s+(?:the\s+)?(?:{re.escape(e.text)}|{re.escape(e.name)})\b", plan
                    )
                ),
                None,
            ),
        )
    headline = c.headline
    if (
        headline is not None
        and headline is not source
        and headline.start is not None
        and headline.start >= published
        and _compatible(replace(headline, status="announced", start=None), replace(best, start=None))
    ):
        best = replace(
            best, start=headline.start, end=headline.end, date_text=headline.date_text
        )  # it states the event
    sources = [c.headline] if c.headline is not None and c.headline is not source else []
    sources += [d for d in c.drafts if d is not source]
    for other in sources:
        if other is c.headline and over:
            other = replace(other, status="held")
        if other is not None and _compatible(replace(other, status="announced"), best):
            best = _fill(best, other, published)
    return source, best


_MEET_AGAIN = re.compile(r"\bto\s+(?:meet\s+again|reconvene)\b", re.IGNORECASE)
_THE_SIDES_OPEN = re.compile(
    r"\W*(?:the|both)\s+(?:two\s+)?(?:sides|parties|delegations|commissions)\b", re.IGNORECASE
)


def _agrees_next_round(d: _Draft, published: date) -> bool:
    """ "met on Saturday and agreed to meet again next week in X": a next round agreed in so many
    words, with its time or place. The wording is checked first; the dates are found once."""
    if not (
        (d.status in UPCOMING or d.status == "held")  # ("talks ended; the sides agreed to meet again ...")
        and (d.parties or _THE_SIDES_OPEN.match(d.evidence))  # ("The sides agreed to ...": named elsewhere)
        and (agreed := cue.NEXT_MEETING.search(d.evidence)) is not None
        and not cue.HAD_BEFORE.search(d.evidence, max(0, agreed.start() - 12), agreed.start())  # an old plan
        and (
            cue.NEXT_ROUND.search(d.evidence)
            or cue.COUNTED_ROUND.search(d.evidence)
            or _NEW_ROUND.search(d.evidence)
            or _MEET_AGAIN.search(d.evidence)
        )
        and not cue.CONDITIONAL.search(d.evidence)  # "... again if the truce holds"
        and not cue.NEVER_HAPPENED.search(d.evidence)  # "... but that round never took place"
    ):
        return False
    found = find_dates(d.evidence, published)
    # "agreed to hold a new round there next week": a week or a month ahead is a time too
    timed = (
        d.start is not None
        or d.location is not None
        or any(f.start_date and f.start_date > published for f in found)
    )
    # "agreed to meet again on February 27", read in March: that round is behind us (the day of the
    # round held, before the agreement, is not the next one's)
    behind = any(
        f.precision == "day"
        and f.start_date
        and f.start_date < published
        and f.start >= agreed.start()
        and not cue.AFTER_CLAUSE.search(d.evidence, 0, f.start)
        and not cue.SPEECH_BEFORE.search(d.evidence, 0, f.start)  # "..., the ministry said on Sunday"
        for f in found
    )
    return timed and not behind


_EARLIER_CLAUSE_BEFORE = compile_skipping(
    r"\b(?:after|following|since|once|as)\s+(?:\S+\s+){0,4}$", re.IGNORECASE
)
# "met ... and agreed to hold a new round there next week" (agreed in so many words)
_NEW_ROUND = compile_skipping(r"\bagreed\s+to\s+hold\s+a\s+new\s+round\b", re.IGNORECASE)
_TALIBAN_RULE = date(2021, 8, 15)
_TALIBAN_RULE_WORDS = compile_skipping(
    r"\bAfghan\s+Taliban\b|\bTaliban(?:-led|-run)?\s+(?:government|administration|authorities|rulers|regime)\b"
    # "Taliban Foreign Minister X": the government's office
    r"|\bTaliban\s+(?:(?:Foreign|Defen[cs]e|Interior|Deputy|Acting)\s+)?(?:Minister|Ministry|[Ss]pokes(?:man|person))\b"
)
_SIDE_TYPES = frozenset({"type:<country>", "type:<group>", "type:<org>", "type:<person>"})
_VENUE_TYPES = frozenset({"type:<place>", "type:<country>"})
_SURE_THIRD_SIDE = 0.6


def _with_roles(d: _Draft, c: Candidates, roles: SoftmaxModel, past: set[str]) -> _Draft:
    """The primary event's parties, mediators and venue as the role model reads the article;
    the sentence rules' choice stays where the model finds too little or a rule is exact."""
    parties: list[str] = []
    mediators: list[str] = []
    venue: tuple[float, str] | None = None
    # Only a name no sentence reads as a side is ruled out ("the war between A and B" may also
    # name the two sides that meet).
    sides = {p for m in c.drafts for p in m.parties}
    # ... and the headline's exact exclusions count too ("talks on the A-B border")
    headline_out = c.headline.ruled_out if c.headline is not None else set()
    ruled_out = ({n for m in c.drafts for n in m.ruled_out} | headline_out) - sides
    ruled_out |= set(d.mediators) - d.explicit  # the go-betweens the sentence rules found
    ruled_out |= set(c.mediators) - sides - d.explicit  # ... and those no sentence reads as a side
    ruled_out |= c.people_only - sides
    # Two sides the sentence rules found take a third from the model only when it is sure of it:
    # a state the article names nearby is more often context.
    paired = len(d.parties) >= 2
    # ... and only a side some plan names (not "fighting between A and B" in the background, nor
    # "X will also attend a meeting of A, B and C")
    planners = {
        n
        for m in (*c.drafts, c.headline)
        if m is not None and m.status in UPCOMING and not cue.ALSO_MEETS.match(m.evidence)
        for n in m.parties
    }
    for name, features in c.names.items():
        p = roles.probabilities(features)
        best = max(p, key=p.__getitem__)
        sure = not paired or name in d.parties or (p["party"] >= _SURE_THIRD_SIDE and name in planners)
        if best == "party" and _SIDE_TYPES & features.keys() and name not in ruled_out and sure:
            parties.append(name)
        elif best == "mediator" and _SIDE_TYPES & features.keys() and name not in c.people_only:
            mediators.append(name)
        if name in c.venues and _VENUE_TYPES & features.keys() and (venue is None or p["venue"] > venue[0]):
            venue = (p["venue"], name)
    if d.location is not None and d.location.kind == "country" and d.location.name not in d.explicit:
        parties = [p for p in parties if p != d.location.name]  # where they meet, not who meets
    if len(parties) == 1 and not d.parties:
        # the one side the model reads where the rules read none: its counterpart may follow
        d = replace(d, parties=parties, mediators=[m for m in d.mediators if m not in parties])
    elif len(parties) >= 2:
        # Sides named by an exact pattern ("talks between A and B") stay; the model may add more.
        parties = list(dict.fromkeys([*parties, *(p for p in d.parties if p in d.explicit)]))
        # ... and so do the source sentence's own sides the model still rates as likely sides
        parties += [
            p
            for p in d.parties
            if p not in parties and p in c.names and roles.probabilities(c.names[p])["party"] >= 0.4
        ]
        # The exact rules' go-betweens ("X and Y, which brokered...") stay; the model may add more.
        merged = [m for m in dict.fromkeys([*d.mediators, *mediators]) if m not in parties]
        d = replace(d, parties=parties, explicit=set(parties), mediators=merged)
    # An exact locative ("in X", "the X talks") in the event's own sentences stands; the model
    # finds the venue the sentence rules missed (the headline, a later paragraph).
    if (
        venue is not None
        and venue[0] >= 0.35
        and d.location is None
        and venue[1] not in past | c.statement_places
    ):
        d = replace(d, location=c.venues[venue[1]])
    return d


# "A will meet Turkish President X", "Turkish President X will hold talks with A": X's state is at
# the table (between the verb and the person, a title and names only)
_MEETS_BEFORE = compile_skipping(
    r"\b(?:meet|meets|meeting|talks\s+with|(?:a\s+)?meeting\s+with)\s+(?:with\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}$"
)
_MEETS_AFTER = compile_skipping(r"^\s+(?:will|is\s+(?:due|set|expected)\s+to)\s+(?:meet|hold\s+talks)\b")


def _people_in(evidence: str, c: Candidates) -> list[tuple[int, Entity]]:
    """The people a mention's own sentence names, each with where that sentence starts."""
    text, entities, _ = c.source
    at = text.find(evidence)
    if at < 0:
        return []
    end = at + len(evidence)
    return [(at, e) for e in entities if e.kind == "person" and at <= e.start < end]


def _met_in_person(d: _Draft, source: _Draft, c: Candidates) -> _Draft:
    """ "A will meet Turkish President X on the sidelines of the summit Turkey is hosting": a state
    whose leader the plan meets in person is a side of that meeting, not the host who brokers it."""
    hosts = [m for m in d.mediators if m in d.parties]
    if not hosts:
        return d
    text = c.source[0]
    met = {
        e.country
        for at, e in _people_in(source.evidence, c)
        if e.country in hosts
        and (
            _MEETS_BEFORE.search(text, max(at, e.start - 60), e.start)
            or _MEETS_AFTER.match(text[e.end : e.end + 40])
        )
    }
    if not met:
        return d
    return replace(
        d, mediators=[m for m in d.mediators if m not in met], explicit=d.explicit | {m for m in met if m}
    )


_WILL_NOT_TAKE_PART = compile_skipping(
    # (each name of a list, and an apposition: "A, B and C, the guarantor powers, are not part of ...")
    r"(?:\s*(?:,|\band\b)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}){0,4}(?:\s*,\s*[^,.;]{1,60}?,)?"
    r"\s+(?:(?:would|will)\s+not\s+(?:itself\s+)?(?:take\s+part|participate|attend|join)"
    # (the talks themselves, or the clause ends: not "will not attend next month's summit")
    r"(?:\s+in)?(?:\s+(?:the|these|those|its|their)\s+(?:\w+\s+)?(?:talks|discussions|meeting|negotiations|round|session))?"
    r"(?:\s+(?:themselves|itself))?\s*[,.;]"
    # "... are not part of next week's meeting" (the talks named: not "is not part of the bloc")
    r"|(?:(?:are|is)\s+not|(?:will|would)\s+not\s+be)\s+(?:a\s+)?part\s+of\s+(?:the|these|those|its|their|\w+\s+\w+['’]s|\w+['’]s)\s+"
    r"(?:\w+\s+)?(?:talks|discussions|meeting|negotiations|round|session)\b)"
)
# ... said as a fact, not asked, reported or put as a condition
_NOT_A_FACT_BEFORE = re.compile(
    r"\b(?:whether|if|unless|reports?\s+that|denied\s+that|asked)\s+(?:\w+\s+){0,3}$", re.I
)


def _away(c: Candidates) -> set[str]:
    """ "... in the Georgian capital, though Georgia would not take part in the discussions": the
    states the story says will stay away (the host of the venue, an invited neighbour)."""
    text, entities, _ = c.source
    if " not " not in text:
        return set()
    return {
        e.name
        for e in entities
        if _WILL_NOT_TAKE_PART.match(text[e.end : e.end + 240])  # (room for a list and its apposition)
        and not _NOT_A_FACT_BEFORE.search(text, max(0, e.start - 40), e.start)
    }


def _staying_away(d: _Draft, away: set[str]) -> _Draft:
    """The event without the states that stay away, where two sides remain."""
    gone = away & set(d.parties)
    if not gone or len(set(d.parties) - gone) < 2:
        return d
    return replace(d, parties=[p for p in d.parties if p not in gone], explicit=d.explicit - gone)


def _past_venues(c: Candidates) -> set[str]:
    """Places named only as where a round already met (a held mention, a headline reporting
    talks begun or ended), never as where upcoming talks meet."""
    past = [m for m in c.drafts if m.status == "held"]
    ahead = [m for m in c.drafts if m.status in UPCOMING]
    if c.headline is not None:
        (past if "r:headline_ongoing" in c.features else ahead).append(c.headline)
    # "held talks in X and agreed to meet again": X is the last round's, though the rules may not
    # have taken it as that round's venue.
    # (only a place named before the agreement: "agreed to hold the next round in Y" names the next one's)
    sets_up = [m.evidence[: n.start()] for m in past if (n := cue.NEXT_MEETING.search(m.evidence))]
    # ... and so is one named before the plan's words of a plan told after the round held
    plan_at = {id(m): at for m in ahead if not m.also and (at := _held_then_next(m.evidence)) is not None}
    sets_up += [m.evidence[: plan_at[id(m)]] for m in ahead if id(m) in plan_at]
    named = {name for name, e in c.venues.items() if any(e.text in before for before in sets_up)}
    plans = [m.evidence[plan_at.get(id(m), 0) :] for m in ahead]
    said_ahead = {name for name, e in c.venues.items() if any(e.text in plan for plan in plans)}
    ahead_places = {
        m.location.name
        for m in ahead
        if m.location and (id(m) not in plan_at or m.location.text in m.evidence[plan_at[id(m)] :])
    }
    met = {m.location.name for m in past if m.location} | (named - said_ahead) | (c.met_places - said_ahead)
    return (met - ahead_places) | (c.deal_places - ahead_places)


def _body_as_party(d: _Draft, texts: list[str] | None = None, named: set[str] | None = None) -> _Draft:
    """A summit or ministerial of one body's own members has the body as its one party, not the
    host or the chair the side rules would pick ("WTO members agreed the Ministerial Conference
    will take place in ..."). Read from the mention's own sentence unless `texts` are given;
    two named sides stand (with `named`, only sides the wording names as such: not the states a
    summit's topic lists, "the departure of A, B and C from the bloc")."""
    if len(d.parties) >= 2 and (named is None or len(set(d.parties) & named) >= 2):
        return d
    body = membership_meeting(texts if texts is not None else [d.evidence])
    if body is None:
        return d
    return replace(d, parties=[body], explicit={body}, mediators=[m for m in d.mediators if m != body])


def _format_members(d: _Draft, texts: list[str], named: list[str], published: date) -> _Draft:
    """ "the Normandy format", "Iran and world powers": a named format's sides and go-betweens
    (checked against the sides the wording names, before the role model adds its own)."""
    # (the state of the venue is no side against the format: "Norway will provide the venue")
    home = d.location.country if d.location is not None and d.location.kind == "place" else None
    parties, mediators = with_format(
        d.parties, d.mediators, texts, [n for n in named if n != home], day=published
    )
    if parties == d.parties and mediators == d.mediators:
        return d
    return replace(d, parties=parties, explicit=d.explicit | set(parties), mediators=mediators)


_AFGHAN_SIDE = frozenset({"Afghanistan", "Taliban"})  # one side under two names since August 2021


def _conflict_sides(d: _Draft, texts: list[str], c: Candidates) -> _Draft:
    """ "Gaza truce talks will resume in Cairo on Sunday, Egyptian sources said": talks named by the
    war they would end have its two sides; the states the sentences name beside them carry the talks."""
    for pair, pattern in cue.CONFLICT_TALKS.items():
        if set(pair) <= set(d.parties) or not any(pattern.search(t) for t in texts):
            continue
        others = [p for p in d.parties if p not in pair]
        return replace(
            d,
            parties=list(pair),
            explicit=d.explicit | set(pair),
            mediators=list(dict.fromkeys([*d.mediators, *others])),
        )
    return d


def _one_afghan_side(d: _Draft, texts: list[str], published: date) -> _Draft:
    """Since August 2021 the Taliban are Afghanistan's government: "Pakistan and the Afghan Taliban"
    is one side, not two (not so "former Afghan officials and the Taliban")."""
    if (
        published >= _TALIBAN_RULE
        and "Taliban" in d.parties
        and any(_TALIBAN_RULE_WORDS.search(t) for t in texts)
        # (not the Taliban facing the republic's former officials or the armed opposition)
        and not any(_OTHER_TALIBAN_SIDE.search(t) for t in texts)
    ):
        # ... and "talks with the Taliban administration" are talks with Afghanistan
        parties = list(dict.fromkeys("Afghanistan" if p == "Taliban" else p for p in d.parties))
        return replace(
            d, parties=parties, explicit=d.explicit | ({"Afghanistan"} if "Taliban" in d.explicit else set())
        )
    return d


_OTHER_TALIBAN_SIDE = compile_skipping(
    r"\bformer\s+Afghan\s+(?:government\s+)?(?:officials|leaders|politicians)\b|\banti-Taliban\b"
    r"|\bNational\s+Resistance\s+Front\b"
)
_FACTION_WORDS = ("warring", "rival", "feuding", "factions", "belligerents")


def _warring_state(c: Candidates, texts: list[str]) -> str | None:
    """The state whose factions the event's wording says meet ("Yemen's warring parties")."""
    texts = [t for t in texts if any(w in t for w in _FACTION_WORDS)]  # most events name none
    for name in c.side_counts if texts else ():
        for t in texts:
            for m in re.finditer(rf"\b{re.escape(name)}\b", t):
                if cue.FACTIONS_OF_AFTER.match(t[m.end() : m.end() + 60]):
                    return name
    return None


_MULTILATERAL_TRIP = compile_skipping(
    r"\b(?:summit|General\s+Assembly|ministerial|forum|conference|sidelines|margins|session\s+of)\b",
    re.IGNORECASE,
)


def _visited_host(d: _Draft, c: Candidates, side: str, texts: list[str]) -> list[str]:
    """ "X's foreign minister will arrive in <Y's capital> for talks": the state a lone side visits
    for the talks is the other side, unless it only hosts them as a go-between."""
    with_hosts = any(
        (m := cue.TALKS_WITH_HOSTS.search(t))
        # (a counterpart met on the sidelines of a summit or assembly is no host)
        and not ("counterpart" in m.group() and any(_MULTILATERAL_TRIP.search(x) for x in texts))
        for t in texts
    )
    # (a side the article has travel there visits, whatever the verb: "an X delegation will arrive
    # in Y for the annual meeting")
    visits = side in c.travellers or any(cue.VISIT.search(t) for t in texts)
    # "a team from the IAEA will hold talks in Tehran": a body's people meet the capital's state
    # ... and so does a side the article sends there ("Armenia sends a delegation to Baku for talks")
    # ... and a lone side at a meeting "of the two ministries" in another state's capital
    at_capital = (
        d.location is not None
        and d.location.kind == "place"
        and d.location.name in gazetteer().capital_names
        and (
            (side in ORGANISATION_NAMES and side not in MEMBERSHIP_BODIES)
            or side in c.travellers
            or any(cue.SIDES_ANAPHOR.search(t) for t in d.texts())
        )
    )  # (a body's own summit in a member's capital has no host side)
    if d.location is None or not (with_hosts or visits or at_capital):
        return []
    host = d.location.name if d.location.kind == "country" else d.location.country
    if (
        host is None
        or host == side
        or host in d.mediators
        or host in c.mediators
        or (
            host not in c.side_counts and not with_hosts and not at_capital
        )  # talks "with its hosts" name them
    ):
        return []
    return [host]


# after a name, what makes it the source quoted: "X said", "X's foreign ministry said", "X and the Y said"
_SOURCE_TAIL = (
    r"(?:['’]s(?:\s+[\w-]+){1,3}?)?(?:\s*(?:,|and)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
    r"\s+(?:said|say|says|announced|told)\b"
)


_GROUP_NAMES = frozenset(ARMED_GROUPS.values())
_STATES_ANAPHOR = compile_skipping(
    r"\b(?:the\s+two|both)\s+(?:countries|nations|governments|states|capitals)\b", re.IGNORECASE
)


_GO_BETWEEN_WORD = compile_skipping(r"\b(?:mediat|facilitat|broker|auspices|hosted\s+by)", re.IGNORECASE)


def _both_sides(d: _Draft, c: Candidates) -> _Draft:
    """ "Invitations to both sides", "a meeting of the two leaders", with no side named in the
    sentence: the two sides the article names most (not its go-betweens); a state with one standing
    pair of rivals stands for them ("the two leaders" on Cyprus)."""
    own_words = " ".join(d.texts())
    # "the two countries' petroleum ministers": states, not the armed sides of a war one of them fights
    states_only = _STATES_ANAPHOR.search(own_words) is not None
    # the pair named together just before the anaphor ("... by A and B. ... both countries' ministers")
    near = next(
        (pair for t in d.texts() for sent, pair in c.antecedents.items() if t.strip() and t.strip() in sent),
        None,
    )
    if near is not None and states_only and set(near) & _GROUP_NAMES:
        near = None
    if near is not None and not set(near) & {*d.mediators, *c.mediators}:
        return replace(d, parties=list(near), explicit=d.explicit | set(near))
    # "Bolivia and Peru to resume ..." over "The Andean neighbours will hold ...": the headline's pair
    if (
        near is None
        and c.headline_pair
        and _in_lead(d, c)
        and not set(c.headline_pair) & {*d.mediators, *c.mediators}
    ):
        return replace(d, parties=list(c.headline_pair), explicit=d.explicit | set(c.headline_pair))
    named = sorted(  # a state the sentence itself names first ("the Envoy on Cyprus will host ...")
        (n for n in c.side_counts if n not in d.mediators and n not in c.mediators),
        key=lambda n: (n not in own_words, -c.side_counts[n]),
    )
    # the source quoted ("X said", "X's foreign ministry said") is a side only when two are not named
    # without it (a minister speaking of "the delegations" of his state and its neighbour)
    if states_only:
        named = [n for n in named if n not in _GROUP_NAMES]
    # (not "... would meet in Ankara under Turkish mediation": the host is the go-between)
    if states_only and len(named) < 2 and d.location is not None and not _GO_BETWEEN_WORD.search(own_words):
        # "the two countries' ministers will meet in Juba": the host state of a capital is one of them
        host = d.location.name if d.location.kind == "country" else d.location.country
        if host is not None and host not in named and (host in c.side_counts or host in c.mediators):
            named.append(host)
            d = replace(d, mediators=[m for m in d.mediators if m != host])
    unquoted = [n for n in named if not re.search(rf"\b{re.escape(n)}{_SOURCE_TAIL}", own_words)]
    alone = len(unquoted) == 1  # one state named beside the source quoted
    named = unquoted if len(unquoted) >= 2 else named
    if not named:
        return d
    # a state at war with one standing pair of rivals stands for them ("Fighting in Sudan ... Both
    # sides will send delegations")
    # (not "Sudan and Ethiopia ... the two sides": the pair stands in only where its sides are named, or
    # the state alone is)
    pairs = [
        [
            (a, b)
            for a, b, of in RIVAL_PAIRS
            if of == n
            and (alone or len(named) == 1 or n in own_words or c.side_counts.get(a) or c.side_counts.get(b))
        ]
        for n in named
    ]
    own = next((p for p in pairs if len(p) == 1), []) if not states_only else []
    found = list(own[0]) if own else named[:2]
    return replace(d, parties=found, explicit=d.explicit | set(found))


def _other_side(d: _Draft, c: Candidates, texts: list[str]) -> _Draft:
    """A lone side's counterpart from the rest of the article: the home state of a non-state side
    the article names or the event's wording stands for ("the junta and the TNLA"), its standing
    rival the article names ("the army" and the RSF), or the non-state side at home the article
    names most ("the government and the holdout groups", the alliance named further down); a state
    whose "warring parties" meet stands for its sides. Exact look-ups in the gazetteer, so a rule."""
    # as the record keeps them (the article's go-betweens where the event names none of its own)
    sides = [p for p in d.parties if p in d.explicit or p not in (d.mediators or c.mediators)]
    if not sides and (
        any(cue.SIDES_ANAPHOR.search(t) for t in d.texts()) or _THE_SIDES_OPEN.match(d.evidence)
    ):
        d = _both_sides(d, c)
        sides = list(d.parties)
    warring = _warring_state(c, texts)
    own = [(a, b) for a, b, of in RIVAL_PAIRS if of == warring]
    theirs = {warring, *(p for pair in own for p in pair)}
    if (
        warring is not None
        and len(sides) < 2
        and not any(p in theirs or HOME_STATES.get(p) == warring for p in sides)
    ):
        # "Yemen's warring parties will meet ..., Oman said": the state's sides, not a lone name the
        # sentence pads them with (two sides named stand: "A and B will discuss X's warring parties")
        if len(own) == 1:  # "Sudan's warring generals": its one standing pair, named or not
            return replace(d, parties=list(own[0]), explicit=d.explicit | set(own[0]))
        sides = [warring]
        d = replace(d, parties=[warring], explicit=d.explicit | {warring})
    # the state's two rival sides stand in its place: beside one of them, or named in the article
    # when the state stands alone (the pair the article names most)
    states = any(_STATES_ANAPHOR.search(t) for t in d.texts())  # "the two countries": states stay
    pairs = [
        (a, b, of)
        for a, b, of in RIVAL_PAIRS
        if of in sides
        and not states
        and ({a, b} & set(sides) or (sides == [of] and c.side_counts.get(a) and c.side_counts.get(b)))
    ]
    if pairs:
        a, b, of = max(pairs, key=lambda p: c.side_counts.get(p[0], 0) + c.side_counts.get(p[1], 0))
        parties = [p for p in d.parties if p != of]
        parties += [x for x in (a, b) if x not in parties]
        return replace(d, parties=parties, explicit=(d.explicit - {of}) | {a, b})
    if not sides and any(cue.THE_GOVERNMENT.search(t) for t in d.texts()):
        # "the government delegation will travel to X for the committee's meeting", in a story whose
        # armed group (named most) is at home in a state it names: that state's government and the group
        groups = sorted(
            (
                g
                for g in c.side_counts
                if (home := HOME_STATES.get(g)) and home in c.side_counts and g not in d.mediators
            ),
            key=lambda g: -c.side_counts[g],
        )
        if groups and HOME_STATES[groups[0]] not in c.mediators:
            pair = [HOME_STATES[groups[0]], groups[0]]
            return replace(d, parties=pair, explicit=d.explicit | set(pair))
    if not sides and c.travellers:  # "a delegation from X will travel to Y": X at least is a side
        sides = [c.travellers[0]]
        d = replace(d, parties=[*d.parties, sides[0]], explicit=d.explicit | {sides[0]})
    if len(sides) != 1:
        return d
    side = sides[0]
    if any(cue.SIDES_ANAPHOR_OPENS.match(t) for t in d.texts()):
        pair = _both_sides(replace(d, parties=[]), c).parties
        if len(pair) == 2 and side not in pair:
            return replace(d, parties=pair, explicit=d.explicit | set(pair))
    home = HOME_STATES.get(side)
    broke_away = [g for g in c.side_counts if BROKE_AWAY_FROM.get(g) == side]
    if broke_away and any(cue.BREAKAWAY.search(t) for t in texts):
        found = sorted(broke_away, key=lambda g: -c.side_counts[g])[:1]
    elif side in RIVALS and (
        any(c.side_counts.get(n) for n in names_of(RIVALS[side]))  # (under its name of any day)
        or RIVALS[side] in c.names  # (a bloc is a name)
        # "representatives of the army and the Rapid Support Forces": its standing rival, unnamed
        or any(_THE_ARMY_AND.search(t) for t in texts)
        # "the Turkish Cypriot leader and President X will meet in Nicosia": the rival at home, where
        # the plan names someone of no known side beside it (not "will meet the UN envoy in Nicosia")
        or (
            d.location is not None
            and d.location.country is not None
            and d.location.country == _PAIR_HOME.get(side)
            and _unknown_person_in(d, c)
        )
    ):
        found = [next((n for n in names_of(RIVALS[side]) if c.side_counts.get(n)), RIVALS[side])]
    elif side in BROKE_AWAY_FROM and BROKE_AWAY_FROM[side] not in d.mediators:
        found = [BROKE_AWAY_FROM[side]]  # "Somaliland will send a delegation to Djibouti for a new round"
    elif home is not None:
        # (or the talks meet in its home state's capital: "an SDF delegation heads to Damascus")
        in_home = d.location is not None and d.location.name == gazetteer().capital_of.get(home)
        said = c.side_counts.get(home) or any(cue.THE_GOVERNMENT.search(t) for t in texts) or in_home
        found = [home] if said else []
    else:
        found = sorted(  # (a breakaway region is a side at home too)
            (g for g in c.side_counts if side in (HOME_STATES.get(g), BROKE_AWAY_FROM.get(g))),
            key=lambda g: -c.side_counts[g],
        )[:1]
    if not found:  # the side it travels to meet, or the one that travels to it
        found = [
            t
            for t in c.travellers
            if t != side and t not in d.mediators and HOME_STATES.get(t) != side and {t, side} != _AFGHAN_SIDE
        ][:1]
    if not found:
        found = _visited_host(d, c, side, texts)
    if not found:
        found = _opposition_of(side, texts)
    if not found and any(cue.SIDES_ANAPHOR.search(t) for t in d.texts()):
        # "X's deputy minister said the delegations would meet ...": X and the side the article
        # names most beside it
        pair = _both_sides(d, c).parties
        found = [p for p in pair if p != side] if side in pair else []
    if not found:
        found = _dateline_state(d, c, side)
    if not found:
        return d
    parties = [side, *found]
    return replace(
        d,
        parties=parties,
        explicit=d.explicit | set(found),
        mediators=[m for m in d.mediators if m not in found],
    )


def _unknown_person_in(d: _Draft, c: Candidates) -> bool:
    """Whether the event's own sentence names a person of no known state ("President X")."""
    return any(e.country is None for _, e in _people_in(d.evidence, c))


_PAIR_HOME = {x: of for a, b, of in RIVAL_PAIRS if of is not None for x in (a, b)}
_THE_ARMY_AND = re.compile(r"\bthe\s+(?:army|military|armed\s+forces)\s+and\b", re.IGNORECASE)


def _named_sides(d: _Draft, source: _Draft, c: Candidates) -> _Draft:
    """ "... upon agreement between the two sides" in the plan's sentence, "contacts between the A
    side and the B side" further down: the two named as sides, over states other mentions lend it
    (a round held "on the sidelines of a summit on C")."""
    pair = c.side_pair
    own = [p for p in source.parties if p in source.explicit]
    headline = [p for p in c.headline.parties if p in c.headline.explicit] if c.headline is not None else []
    if (
        len(pair) != 2
        or set(pair) <= set(d.parties)
        or len(own) >= 2
        or len(headline) >= 2
        or not set(own) <= set(pair)
        or set(pair) & {*d.mediators, *c.mediators}
    ):
        return d
    return replace(d, parties=list(pair), explicit=d.explicit | set(pair))


_WE_PLAN = re.compile(r"[\"“]\s*We\s+will\s+(?:also\s+)?(?:host|meet|sit\s+down|hold|receive|welcome)\b")


def _we_at_the_dateline(d: _Draft, source: _Draft, c: Candidates) -> _Draft:
    """'ISLAMABAD - "We will host the trilateral dialogue with China and Afghanistan here," the Foreign
    Office spokesperson said': the state quoted as "we" under its own dateline is a side."""
    home = c.dateline_place.country if c.dateline_place is not None else None
    if (
        home is None
        or home in d.parties
        or home in d.mediators
        or home in c.mediators
        or not any(_WE_PLAN.search(t) for t in source.texts())
    ):
        return d
    return replace(d, parties=[*d.parties, home], explicit=d.explicit | {home})


def _dateline_state(d: _Draft, c: Candidates, side: str) -> list[str]:
    """ "BAGHDAD - ... A delegation led by the water minister will travel to Ankara for talks with Turkish
    officials", "NEW DELHI - External Affairs Minister X and Chinese Foreign Minister Y will hold talks": an
    unnamed delegation or a minister with no state named is the dateline's state, when the story names
    that state most (or no state but the other side)."""
    place = c.dateline_place
    home = place.country if place is not None else None
    capital = place is not None and place.name in gazetteer().capital_names
    # "the Foreign Minister will hold talks with ..." in a capital's story whose people are all of
    # that state or the other side: the capital's minister, however often the story names others
    bare_title = (
        capital
        and any(cue.BARE_HOME_TITLE.search(t) for t in d.texts())
        and all(e.country in {None, home, side} for e in c.source[1] if e.kind == "person")
        # ... nor a third state's minister by title ("Japan's prime minister will visit ...")
        and not any(
            e.kind == "country"
            and e.name not in {home, side}
            and _MINISTER_OF_AFTER.match(c.source[0], e.end, min(len(c.source[0]), e.end + 40))
            for e in c.source[1]
        )
    )
    if (
        home is None
        or home == side
        or home in c.mediators
        # (the story names its own state most, or names no state but the one visited)
        or (
            c.side_counts.get(home, 0) < max(c.side_counts.values(), default=0)
            and set(c.side_counts) - {side, home}
            and not bare_title
        )
        or (
            not any(
                cue.UNNAMED_DELEGATION.match(t)
                # (a minister's own capital only: a reporter in Geneva writes of other states' ministers)
                or (capital and cue.HOME_TITLE_OPENS.match(t) and not _known_abroad(t, home, c))
                for t in d.texts()
            )
            and not bare_title
        )
    ):
        return []
    return [home]


def _known_abroad(sentence: str, home: str | None, c: Candidates) -> bool:
    """ "BRUSSELS - Foreign Minister X will hold talks ...": whether the gazetteer knows the minister
    who opens the story to be another state's than the dateline's."""
    m = cue.HOME_TITLE_OPENS.match(sentence)
    return m is not None and any(
        e.start - at < m.end() and e.country not in {None, home} for at, e in _people_in(sentence, c)
    )


# "Japan's prime minister", "Japanese Foreign Minister", "Peru's top diplomat"
_MINISTER_OF_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:prime|foreign|defen[cs]e)\s+minister|top\s+diplomat|premier)\b", re.IGNORECASE
)


def _opposition_of(side: str, texts: list[str]) -> list[str]:
    """ "President X's envoys and the opposition led by Y will meet": a lone state's opposition is
    the other side, named as the country's ("Venezuelan opposition")."""
    demonym = gazetteer().demonym_of.get(side)
    if demonym is None or not any(cue.AND_THE_OPPOSITION.search(t) for t in texts):
        return []
    return [f"{demonym} opposition"]


def _named_opposition(d: _Draft) -> _Draft:
    """ "the government and the opposition" in the headline, "the opposition Unitary Platform" in the
    body: the named opposition is the side, the generic one only its description."""
    generic = {
        p
        for p in d.parties
        if p.endswith(" opposition")
        and any(
            HOME_STATES.get(q) is not None and p == f"{gazetteer().demonym_of.get(HOME_STATES[q])} opposition"
            for q in d.parties
        )
    }
    return replace(d, parties=[p for p in d.parties if p not in generic]) if generic else d


def _the_capital(d: _Draft, source: _Draft) -> _Draft:
    """ "A delegation from X will travel to the capital for talks with the federal government": with
    no venue named, the capital of the one state at the table (a gazetteer look-up)."""
    states = [p for p in d.parties if p in gazetteer().capital_of]
    m = cue.TO_THE_CAPITAL.search(source.evidence) if d.location is None and len(states) == 1 else None
    if m is None:
        return d
    capital = gazetteer().capital_of[states[0]]
    place = Entity(kind="place", text=m.group(), name=capital, start=0, end=len(m.group()), country=states[0])
    return replace(d, location=place)


def _without_members(d: _Draft) -> _Draft:
    """A confederation at the table speaks for its members ("the AES and ECOWAS ministers", with
    Mali quoted as host): they are not sides of their own."""
    members = {m for p in d.parties for m in CONFEDERATION_MEMBERS.get(p, ())}
    if not members & set(d.parties):
        return d
    return replace(d, parties=[p for p in d.parties if p not in members], explicit=d.explicit - members)


def _event_texts(source: _Draft, c: Candidates) -> list[str]:
    """Where the primary event is worded: the headline, its own sentence, other upcoming mentions."""
    texts = [t for m in (c.headline, source) if m is not None for t in m.texts()]
    return texts + [t for m in c.drafts if m is not source and m.status in UPCOMING for t in m.texts()]


def _nouns(text: str) -> set[str]:
    return {m.group().lower().rstrip("s") for m in cue.TRIGGER.finditer(text)}


def _agrees_counted_round(text: str) -> bool:
    """ "have agreed to hold the second round in X" (not "had agreed": an old agreement)."""
    m = cue.NEXT_MEETING.search(text)
    return (
        m is not None
        and cue.COUNTED_ROUND.search(text, m.start()) is not None
        and not cue.HAD_BEFORE.search(text, max(0, m.start() - 10), m.start())
    )


def _headline_names(c: Candidates, d: _Draft) -> bool:
    """Whether the headline speaks of the meeting of a mention (they share a talks word)."""
    return c.headline is not None and bool(_nouns(c.headline.evidence) & _nouns(d.evidence))


def _firm_dated(c: Candidates, published: date) -> bool:
    """ "The envoy said A's president and B's prime minister would meet in X next Thursday", "the
    minister will hold talks in X on March 20": a firm plan with a day ahead (or one reported with both
    sides) is a plan, however the story around it reads (the caller has checked that nothing in the
    article stops it)."""
    return any(
        d.status == "announced"
        and (not d.weak or len(d.parties) >= 2)
        and d.start is not None
        and d.start > published
        and not cue.CONDITIONAL.search(d.evidence)
        for d in c.drafts
    )


_BOTH_SIDES_WORD = compile_skipping(r"\b(?:the\s+two|both)\b", re.IGNORECASE)
_ROUND_SUBJECT = compile_skipping(
    r"\b(?:next|another|new|further|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?"
    r"(?:round|session|meeting|consultations|talks)\b",
    re.IGNORECASE,
)


def _scheduled_ahead(c: Candidates, published: date) -> bool:
    """ "A summit between the two presidents is planned for next month": a meeting put on the calendar
    for a week, a month or a season ahead is a plan, though no day is given, when the article names
    its sides (an agreed meeting with its time still open is an announcement, the corpus convention)."""
    sides = any(len(d.parties) >= 2 for d in c.drafts)
    for d in c.drafts:
        if d.status != "announced" or d.weak or not (d.parties or sides):
            continue
        found = cue.SCHEDULED_FOR.search(d.evidence)
        if found is None or cue.CONDITIONAL.search(d.evidence):
            continue
        # sides named elsewhere count when the sentence points back to them ("the two presidents", "a
        # third round": the sides' next one)
        if (
            not d.parties
            and not _BOTH_SIDES_WORD.search(d.evidence, 0, found.start())
            and not _ROUND_SUBJECT.search(d.evidence, 0, found.start())
        ):
            continue
        rest = d.evidence[found.end() : found.end() + 40]
        if cue.VAGUE_AHEAD.match(rest) or any(
            f.start_date is not None and f.start_date > published and f.start == 0
            for f in find_dates(rest, published)
        ):
            return True
    return False


def _prepares_planned(c: Candidates) -> bool:
    """ "North Korea and the US ended their working-level talks on Monday to prepare for a second summit
    between their leaders": the sides' next meeting, planned in so many words, is an announcement
    though its time and place are open (the corpus convention)."""
    return any(
        len(d.parties) >= 2
        and d.status in {"held", "announced"}
        and cue.PREPARES_PLANNED.search(d.evidence) is not None
        and not cue.CONDITIONAL.search(d.evidence)
        for d in c.drafts
    )


def _another_meeting(d: _Draft, c: Candidates) -> bool:
    """ "a trilateral summit of A, B and C planned for this month was postponed", beside "A and D will hold
    talks on Thursday": a meeting put off whose sides are not those of any firm plan in the article (and
    the plan's are not among its) is another meeting, which leaves the plan standing."""
    if len(d.parties) < 2:
        return False
    plans = [u for u in c.drafts if u.status in UPCOMING and not u.weak and len(u.parties) >= 2]
    return bool(plans) and all(
        not set(d.parties) <= set(u.parties) and not set(u.parties) <= set(d.parties) for u in plans
    )


def _next_round_dated(c: Candidates, published: date) -> bool:
    """ "said the talks had been constructive and that the teams would meet again in Stockholm on July 8":
    the sides' next round, told (even as reported speech) with its venue and a day ahead, is a plan when
    the article names the two sides."""
    sides = any(len(d.parties) >= 2 for d in c.drafts) or (
        c.headline is not None and len(c.headline.parties) >= 2
    )
    return sides and any(
        d.status == "announced"
        and d.start is not None
        and d.start > published
        and d.location is not None
        and (len(d.parties) >= 2 or cue.SIDES_ANAPHOR.search(d.evidence) is not None)
        and _AGAIN_OR_NEXT.search(d.evidence) is not None
        and not cue.CONDITIONAL.search(d.evidence)
        for d in c.drafts
    )


_AGAIN_OR_NEXT = compile_skipping(
    r"\b(?:meet|convene|sit\s+down)\s+again\b|\b(?:next|another|new)\s+round\b", re.IGNORECASE
)


def _invited_in_form(c: Candidates) -> bool:
    """ "The UN Secretary-General has formally invited the two leaders ... to a meeting in New York in
    the second half of March": a convening go-between's invitation at a stated place or time is an
    announcement (the corpus convention)."""
    return any(
        d.status == "announced"
        and not d.weak
        and (d.location is not None or d.start is not None)
        and bool(d.mediators)
        and cue.INVITED.search(d.evidence) is not None
        and not cue.CONDITIONAL.search(d.evidence)
        for d in c.drafts
    )


def _next_round_placed(c: Candidates) -> bool:
    """ "The next cycle of talks will be held in the Venezuelan capital," the statement said: the next
    round given its venue in so many words is a plan, however much of the story tells the last one."""
    for d in c.drafts:
        found = cue.NEXT_ROUND_PLACED.search(d.evidence) if d.status == "announced" and not d.weak else None
        # (a condition in the plan's own clause, not "extended until August" further on)
        if found and d.location is not None and not cue.CONDITIONAL.search(d.evidence, 0, found.end() + 40):
            return True
    return False


def _placed_twice(c: Candidates, published: date) -> bool:
    """ "Fisheries talks with X in Y next week" over "officials of the two countries meet in Y on Tuesday
    and Wednesday next week": headline and body place the plan at one venue, the body on a day ahead."""
    headline = c.headline
    if (
        headline is None
        or headline.status != "announced"
        or headline.location is None
        or cue.CONDITIONAL.search(headline.evidence)
        or "?" in headline.evidence
    ):
        return False
    return any(
        d.status == "announced"
        and d.location is not None
        and d.location.name == headline.location.name
        and d.start is not None
        and d.start > published
        for d in c.drafts
    )


def _dated_twice(c: Candidates, published: date) -> bool:
    """ "Bloc's mission to sit down with X's rulers on Monday" over "a delegation would proceed to Y on
    Monday for formal discussions": a headline naming both sides and a day ahead, and a body mention of
    talks on that same day."""
    headline = c.headline
    if (
        headline is None
        or headline.status != "announced"
        or len(headline.parties) < 2
        or headline.start is None
        or headline.start <= published
        or cue.CONDITIONAL.search(headline.evidence)
        or "?" in headline.evidence
    ):
        return False
    return any(d.status == "announced" and d.start == headline.start for d in c.drafts)


def assemble(
    c: Candidates, published: date, model: LinearModel, roles: SoftmaxModel | None = None
) -> list[TalksRecord]:
    # A postponement whose new date is still to be set is no announcement, however the rest of
    # the article reads (the corpus convention; exact wording, so a rule).
    postponed = any(d.status in {"postponed", "rescheduled"} and not _another_meeting(d, c) for d in c.drafts)
    vague_move = any(
        d.status == "rescheduled"
        and (d.parties or (c.headline is not None and c.headline.parties))
        and cue.POSTPONED_TO_VAGUE.search(d.evidence)
        for d in c.drafts
    )
    # A round moved to a new day or month is an update whatever else the article says (exact wording).
    # A moved meeting whose sentence names no side counts when the headline speaks of it ("... postpones
    # the summit"; "the summit ... has been moved to May 5").
    moved = any(
        d.status == "rescheduled"
        and (
            d.parties
            or (d.start is not None and _headline_names(c, d))
            # "a meeting of the committee ... between Yemen's warring parties has been pushed back to Sunday"
            or (d.start is not None and _warring_state(c, [d.evidence]) is not None)
            # "the fourth round, due in X on Saturday, will instead take place in Y on Sunday", "their
            # meeting has been moved to Aug. 18": the article's own round, its sides named before
            or (
                d.start is not None and d.start > published and not d.weak and cue.OUR_ROUND.match(d.evidence)
            )
        )
        for d in c.drafts
    )
    # ... and so does one that headline and body both move to a new time ("... pushed back to April")
    moved = moved or (
        c.headline is not None
        and c.headline.status == "rescheduled"
        and not c.headline.weak
        and any(d.status == "rescheduled" and _headline_names(c, d) for d in c.drafts)
    )
    # A headline that states a plan in full ("P and Q to reopen talks in X") announces it, however
    # the body's first lines read (a body opening on the last round says "held").
    headline_plan = (
        c.headline is not None
        and c.headline.status == "announced"
        and not c.headline.weak
        and len(c.headline.parties) >= 2
        and not postponed
        and not any(d.status in _STOPPED for d in c.drafts)  # the body calls it off or denies it
        and not cue.CONDITIONAL.search(c.headline.evidence)  # "... to resume when X is stable"
        # the sides themselves lead it, straight into the plan: not "Why P and Q need to ...",
        # "P rejects Q call to ...", "P and Q cricket boards to ...", nor a question
        and cue.HEADLINE_SIDES_TO_PLAN.match(c.headline.evidence) is not None
        and "?" not in c.headline.evidence
    )
    # "met on Saturday and agreed to meet again next week in X": the next round, agreed in so many
    # words, with its time or place, is a plan however much of the article tells the last one.
    stopped_headline = c.headline is not None and c.headline.status in _STOPPED
    # (its day may still be open: "agreed to meet again in X; no date has been fixed" announces it)
    agreed_next = (
        not postponed and not stopped_headline and not any(d.status in _STOPPED for d in c.drafts)
    ) and any(_agrees_next_round(d, published) for d in c.drafts)
    # every mention only calls for, offers or speculates on talks ("could meet", "a possible meeting"),
    # and none reports a round held that might set up the next: nothing to announce
    planned = any(
        d.status in UPCOMING or (d.status == "held" and not _history(d, published)) for d in c.drafts
    ) or (c.headline is not None and c.headline.status in UPCOMING)
    # a plan the article denies or calls off, beside rounds held and nothing else ahead: no plan left
    if (
        any(d.status in {"denied", "cancelled"} for d in c.drafts)
        and not any(d.status in UPCOMING for d in c.drafts)
        and (c.headline is None or c.headline.status not in UPCOMING)
    ):
        planned = False
    # "the prime ministers will both be in X for the bloc's summit ... no bilateral meeting is planned":
    # a members' summit is no talks between the two, and their own meeting is denied
    if any(d.status == "denied" for d in c.drafts) and all(
        membership_meeting(d.texts()) is not None for d in c.drafts if d.status in UPCOMING
    ):
        planned = False
    # a round held that prepared a planned next one ("... to prepare for a second summit"), the next
    # round reported with its venue and day: plans, however the rest reads
    prepares = _prepares_planned(c)
    next_dated = _next_round_dated(c, published)
    # a verbless headline ("On consultations between P and Q") over a body that only reports
    # rounds held plans nothing either (unless a held round prepared a planned next one)
    if (
        all(d.status == "held" for d in c.drafts)
        and c.headline is not None
        and c.headline.weak
        and not prepares
    ):
        planned = False
    # every mention reports a round held and none speaks of another ("ended without a date for any
    # further meeting", an anniversary's history): nothing ahead to announce
    if (
        c.drafts
        and all(d.status == "held" for d in c.drafts)
        and (c.headline is None or c.headline.status not in UPCOMING)
        and not prepares
        and not any(
            cue.NEXT_ROUND.search(cue.NO_NEW_DATE.sub(" ", t)) or cue.NEXT_MEETING.search(t)
            for d in c.drafts
            for t in d.texts()
        )
    ):
        planned = False
    # (another meeting put off leaves the plan standing; one denied or called off is read as the plan's)
    stopped_body = any(
        d.status in _STOPPED and not (d.status == "postponed" and _another_meeting(d, c)) for d in c.drafts
    )
    announces = (
        planned
        and (
            model.decide(c.features)
            or moved
            or headline_plan
            or agreed_next
            or (
                not postponed
                and not stopped_body
                and (
                    _firm_dated(c, published)
                    or _scheduled_ahead(c, published)
                    or next_dated
                    or prepares
                    or _placed_twice(c, published)
                    or _dated_twice(c, published)
                    or _next_round_placed(c)
                    or _invited_in_form(c)
                )
            )
        )
        # ("postponed to early November ... No exact date has been fixed": a new time, if not a day)
        and not (postponed and "r:no_new_date" in c.features and not vague_move)
    )
    next_round = (
        agreed_next
        or prepares
        or next_dated
        or any(
            d.status in UPCOMING
            and (
                cue.NEXT_ROUND.search(d.evidence)
                or _agrees_counted_round(d.evidence)
                # "the sixth round is scheduled to take place in X from July 18": a counted round, dated ahead
                or (d.start is not None and d.start > published and cue.COUNTED_ROUND.search(d.evidence))
            )
            for d in c.drafts
        )
    )
    # A headline in the present tense ("talks kick off in X") over a body that gives the meeting a
    # day after the publication day reports a plan: it cannot be under way yet.
    dated_ahead = any(
        d.status in UPCOMING and d.parties and not d.weak and d.start is not None and d.start > published
        for d in c.drafts
    )
    # (nor while a round is moved: "... hold up as talks slip" over "it had been postponed to early April")
    ongoing = "r:headline_ongoing" in c.features and not dated_ahead and not (moved or vague_move)
    # "... talks delayed" over a body that gives the new time is the move, not a halt
    delayed_headline = c.headline is not None and c.headline.status == "postponed" and (moved or vague_move)
    announces = announces and (not (ongoing or (stopped_headline and not delayed_headline)) or next_round)
    mediators = list(c.mediators)
    places = list(c.places)
    if not announces:
        stopped = _stopped_status(c)
        drafts = [replace(d, status=stopped) if d.status in UPCOMING else d for d in c.drafts]
        return [to_record(d, places, mediators) for d in drafts]
    found = _primary(c, published)
    if found is None:
        return [to_record(d, places, mediators) for d in c.drafts]
    source, primary = found
    past = _past_venues(c)  # where rounds already met: never the venue, nor refined to
    opener = next((e for e in c.source[1] if e.kind == "person"), None)
    if len(primary.parties) == 1 and (opener is None or opener.country is None):
        # "SEOUL - President X will hold talks with Japanese Prime Minister Y": X of no known state
        home = _dateline_state(primary, c, primary.parties[0])
        primary = replace(primary, parties=[*primary.parties, *home], explicit=primary.explicit | set(home))
    if roles is not None:
        primary = _with_roles(primary, c, roles, past)
    texts = _event_texts(source, c)
    # a members' meeting named in the headline or the event's own sentence, not a separate one
    # the article mentions ("separately, the minister is due at an ASEAN meeting")
    # ... and where the headline itself is a body's meeting ("X leaders to meet in Y"), states the
    # story lists but the wording does not name as sides give way to the body
    headline_body = (
        c.headline is not None
        and bool(c.headline.parties)
        and all(p in MEMBERSHIP_BODIES for p in c.headline.parties)
    )
    primary = _body_as_party(
        primary,
        [t for m in (c.headline, source) if m is not None for t in m.texts()],
        named=(source.explicit | c.headline.explicit) if headline_body and c.headline is not None else None,
    )
    # (the lede names the format the later plan only calls "the meetings": a plan that names two
    # sides of its own is its own meeting, whatever format the lede speaks of)
    text, _, spans = c.source
    lede = [text[spans[0][0] : spans[0][1]]] if spans and len(primary.parties) < 2 else []
    primary = _format_members(primary, [*texts, *lede], source.parties, published)
    primary = _one_afghan_side(primary, [*texts, c.source[0]], published)  # (its wording anywhere)
    primary = _conflict_sides(
        primary, [t for m in (c.headline, source) if m is not None for t in m.texts()], c
    )
    primary = _met_in_person(primary, source, c)
    away = _away(c)
    primary = _staying_away(primary, away)
    primary = _other_side(_without_members(primary), c, texts)  # (a member beside its bloc is no side)
    primary = _named_sides(primary, source, c)
    primary = _without_members(primary)
    primary = _named_opposition(primary)
    primary = _the_capital(primary, source)
    if not primary.parties:  # ("the government delegations will sit down again on Monday")
        primary = _both_sides(primary, c)
    primary = _we_at_the_dateline(primary, source, c)
    # (again for a side the rules above found: "the Taliban administration ... would send a delegation")
    primary = _one_afghan_side(primary, [*texts, c.source[0]], published)
    if primary.location is None and c.venue_line is not None:
        primary = replace(primary, location=c.venue_line)
    if primary.start is None and c.follow_up is not None:  # ("The teams will begin their work on Monday 14")
        f = c.follow_up
        primary = replace(primary, start=f.start_date, end=f.end_date, date_text=f.text)
    if primary.location is None:  # "the talks are held at a UN base in X": where the series meets
        standing = next((d for d in c.drafts if d.location and cue.STANDING_VENUE.search(d.evidence)), None)
        primary = replace(primary, location=standing.location) if standing is not None else primary
    if primary.location is None and c.standing_seat is not None:
        primary = replace(primary, location=c.standing_seat)
    if primary.location is None and c.venue_provider is not None:
        primary = replace(primary, location=c.venue_provider)
    if primary.location is None and c.destination is not None and c.destination.name not in past:
        primary = replace(primary, location=c.destination)
    if (
        c.dateline_place is not None
        and (primary.location is None or cue.IN_THIS_CITY.search(source.evidence))
        and any(
            cue.IN_THIS_CITY.search(t)
            # (with no venue yet, the plan may say "here": "... will still take place here")
            or (primary.location is None and cue.HERE_PLANNED.search(t))
            for m in ([source] if primary.location is not None else [source, *c.drafts])
            for t in m.texts()
        )
    ):  # ("... in this border city on the 27th": the dateline's, whatever a later sentence names)
        primary = replace(primary, location=c.dateline_place)
    if (
        primary.location is None
        and c.dateline_place is not None
        and c.dateline_place.name in gazetteer().capital_names
        and c.dateline_place.country in primary.parties
        and any(_NAMED_BUILDING.search(t) for t in source.texts())
    ):  # "MOGADISHU - ... will meet on Saturday inside the Halane Base Camp": a building in its own capital
        primary = replace(primary, location=c.dateline_place)
    if (
        primary.start is None and c.visit_day is not None and _visit_of(primary, source, c.visit_day[1], c)
    ):  # "... will pay a state visit to Y from April 10 to 12. During the visit, he will hold talks ..."
        f = c.visit_day[0]
        primary = replace(primary, start=f.start_date, end=f.end_date, date_text=f.text)
    if (
        primary.status == "rescheduled"
        and source.start is None
        and any(
            (m := cue.POSTPONED_TO_VAGUE.search(t)) and not _DAY_NUMBER_NEXT.match(t, m.end())
            for t in source.texts()
        )
        # (unless a mention of the move gives the new day: "moved to September" over "... to September 17-18")
        and not any(
            d.status == "rescheduled" and d.start is not None and d.start > published for d in c.drafts
        )
    ):  # "it had been postponed to early April": a new time without a day, whatever day the old plan had
        primary = replace(primary, start=None, end=None, date_text=source.date_text)
    primary = _with_attendees(primary, c)
    primary = _host_in_the_format(primary, c)
    # Other upcoming mentions of the same event were folded into it; everything else stays.
    rest = [
        d
        for d in c.drafts
        if d is not source
        # (a mention whose only side stays away is the event's too: "the meeting will take place in
        # the Georgian capital")
        and not (
            d.status in UPCOMING
            and _compatible(
                replace(d, parties=[p for p in d.parties if p not in away]), replace(primary, status=d.status)
            )
        )
    ]
    # A country venue is refined to a city named in a talks mention, never to where a round met.
    said = [t for m in (c.headline, *c.drafts) if m is not None for t in m.texts()]
    capitals = gazetteer().capital_names  # built once per process, not per article
    refine = [
        p for p in places if p.name not in past and (p.name in capitals or any(p.text in e for e in said))
    ]
    return [to_record(primary, refine, mediators), *(to_record(d, places, mediators) for d in rest)]


# a building named as where the talks meet: "at the Palais Mohammed V", "inside the Halane Base Camp"
_NAMED_BUILDING = compile_skipping(
    r"\b(?:at|inside|in)\s+the\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:Palace|Palais|Camp|Hotel|Hall|Cent(?:re|er)|House|"
    r"Building|Headquarters|Complex|Villa|Residence|Lodge|Mansion)\b"
    r"|\b(?:at|inside|in)\s+the\s+(?:Palace|Palais|Villa|Residence)\s+(?:of\s+)?[A-Z]"
)
# "The meeting is due to involve envoys from A, B and C": who takes part in the
# story's own meeting (the definite article), listed
_ATTENDED_BY = compile_skipping(
    r"\b(?:the|this)\s+(?:gathering|meeting|talks|summit|conference|session|forum|round)\s+"
    r"(?:is|are|will\s+be)\s+(?:expected|due|set|scheduled)\s+to\s+(?:include|bring\s+together|be\s+attended\s+by|draw|involve)\s+"
    r"(?:senior\s+|special\s+|top\s+|foreign\s+)?(?:representatives|delegations|envoys|officials|ministers|diplomats)\s+"
    r"(?:from|of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# (listed as observers or as subjects, not at the table)
_NOT_AT_THE_TABLE_AFTER = re.compile(
    r"\s+(?:as\s+(?:observers?|guests?)|among\s+the\s+(?:topics|subjects|issues))\b"
)
_ATTENDEE_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _attendees(c: Candidates) -> list[str]:
    """The states and bodies a sentence lists as taking part in the story's meeting."""
    text, entities, spans = c.source
    for a, b in spans:
        m = _ATTENDED_BY.search(text, a, b)
        if m is None:
            continue
        names: list[str] = []
        at = m.end()
        for e in entities:
            if e.start < at or e.start >= b:
                continue
            if e.kind not in {"country", "organisation"} or (
                e.start != at and not (names and _ATTENDEE_GAP.fullmatch(text, at, e.start))
            ):
                break
            names.append(e.name)
            at = e.end
        if len(set(names)) >= 2 and not _NOT_AT_THE_TABLE_AFTER.match(text, at, b):
            return list(dict.fromkeys(names))
    return []


def _with_attendees(d: _Draft, c: Candidates) -> _Draft:
    """An upcoming meeting's listed participants are its sides, beside those already found."""
    if d.status not in UPCOMING:
        return d
    extra = [n for n in _attendees(c) if n not in d.parties and n not in d.mediators]
    return replace(d, parties=[*d.parties, *extra], explicit=d.explicit | set(extra)) if extra else d


_THREE_WAY = frozenset({"trilateral", "tripartite", "three-way"})
_HOSTS = re.compile(r"\b(?:host(?:s|ed|ing)?|chair(?:s|ed|ing)?)\b", re.IGNORECASE)


def _hosted_by(text: str, state: str) -> bool:
    """The state, by name, capital or demonym, just before a word of hosting or chairing, or
    after "hosted by"."""
    g = gazetteer()
    names = [n for n in (state, g.capital_of.get(state), g.demonym_of.get(state)) if n]
    for m in _HOSTS.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 30] if text.startswith(" by ", m.end()) else ""
        if any(n in before or n in after for n in names):
            return True
    return False


def _host_in_the_format(d: _Draft, c: Candidates) -> _Draft:
    """ "X will host the foreign ministers of A and B for trilateral talks": three-way talks with two
    sides named and one state that hosts them hold that state as the third side, not a go-between."""
    mediators = d.mediators or list(c.mediators)
    if (
        d.status not in UPCOMING
        or d.stated_format not in _THREE_WAY
        or len(d.parties) != 2
        or len(mediators) != 1
        or (host := mediators[0]) not in gazetteer().country_names
        or not any(_hosted_by(t, host) for t in d.texts())
    ):
        return d
    return replace(d, parties=[host, *d.parties], explicit=d.explicit | {host})


_DAY_NUMBER_NEXT = re.compile(r"\s*\d")  # "postponed to September 17-18": a day after all


def extract_talks(
    text: str,
    title: str,
    published: date,
    entities: list[Entity],
    dates: list[FoundDate],
    model: LinearModel | None = None,
    roles: SoftmaxModel | None = None,
) -> list[TalksRecord]:
    """Talks events of an English article (clean text, headline, publication date)."""
    # the trigger words first: most articles name no talks, and that test is the cheaper one
    if not (cue.names_talks(text) or cue.names_talks(title)) or not is_diplomatic(title, text, entities):
        return []
    c = candidates(text, title, published, entities, dates)
    named = {e.name for e in entities}
    return [
        _named_on_day(r, published, named)
        for r in assemble(c, published, model or load_model(), roles or load_roles())
    ]


def _named_on_day(record: TalksRecord, published: date, named: set[str]) -> TalksRecord:
    """A renamed side that the story does not name itself (a format's member, a camp's standing
    rival) under its name of the talks' day (else of the publication day)."""
    day = record.start_date or published
    parties = tuple(dict.fromkeys(p if p in named else named_on(p, day) for p in record.parties))
    return record if parties == record.parties else record.model_copy(update={"parties": parties})

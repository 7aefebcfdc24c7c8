"""Entity extraction: countries (names, demonyms, capitals and institutions as metonyms), places,
organisations, non-state armed groups and people with a stated role.

Gazetteer matching is a longest-match scan over word tokens with dictionary look-ups (no regex
alternation over thousands of names), so it costs a few microseconds per capitalised word.
Offsets are character offsets into the text passed in (the clean text).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from parley.shared.extraction import Entity, EntityKind

from .dates import CALENDAR_WORDS
from .gazetteer import LEADERS, NameEntry, gazetteer
from .skip_ahead import at_words, compile_skipping, compile_words, gated, word_start_matches

_TOKEN = compile_skipping(r"(?:[A-Z]\.){2,}|[^\W_]+")
# where a token may start with a capital, a digit or "al-" (any letter outside a-z, checked after);
# the word boundary is tested after the first character, so the engine's fast scan for a class finds
# the candidates (a pattern opening on a look-behind is tried at every position)
_NAME_START = re.compile(r"[^\W_b-z](?:(?<!a)|(?=l-))(?<![^\W_][\s\S])")
# ... in text without "al-", where no "a" can start one: the frequent letter is left out of the scan
_NAME_START_NO_AL = re.compile(r"[^\W_a-z](?<![^\W_][\s\S])")
_LOCATIVE_BEFORE = compile_skipping(
    r"(?:\b(?:[Ii]n|[Aa]t|to|[Ff]rom|into|near|outside|via|towards?|capital|city|of|visits?|visited|visiting|"
    r"arrived\s+in|venue|host\s+city|(?:departs?|departed|leaves?|left|heads?|headed|flew|flies)\s+for)"
    r"\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+){0,2}|"
    # "at State House, Nairobi", "at the Serena Hotel, Kampala" (not "in Geneva, Washington said")
    r"(?:[A-Z][\w-]*\s+){0,3}(?:House|Palace|Hall|Cent(?:re|er)|Hotel|Building|Headquarters|Complex),\s+))$"
)
# "the negotiators of Kyiv and Moscow", "delegations from Baku and Yerevan": the states they serve
_PEOPLE_OF_BEFORE = compile_skipping(
    r"\b(?:negotiators|delegations?|officials|representatives|envoys|leaders|teams?|sides|authorities|"
    r"governments?|diplomats|ministers|emissaries)\s+(?:of|from)\s+(?:both\s+)?"
    # "representatives of the federal government and of Hargeisa"
    r"(?:[^.;]{1,60}?\s+and\s+(?:of|from)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_ATTRIBUTIVE_AFTER = compile_skipping(
    # (a numbered round of a series named for its first venue: "the Lusaka III consultations")
    r"^[\s-]*(?:(?:II|III|IV|V|VI|VII|VIII|IX|X)\s+(?:[\w-]+\s+){0,2}?(?:consultations|dialogue)\b|"
    r"talks|summit|meeting|negotiations|process|format|round|conference|time|"
    r"[Aa]greements?|[Aa]ccords?|[Dd]eclaration|[Pp]rotocol|[Tt]reaty|[Cc]harter)\b"
)
# "the Belgrade-Pristina dialogue", "Kyiv-Moscow talks": two capitals paired before the talks word
# name the two states that talk (the first is no place "of" anything, the second no venue)
_PAIRED_TALKS = r"(?:talks|dialogue|negotiations|summit|meeting|format|process|round|normali[sz]ation)\b"
_PAIRED_FIRST_AFTER = compile_skipping(rf"^[-–][A-Z][\w'’]+\s+{_PAIRED_TALKS}")
_PAIRED_SECOND_BEFORE = compile_skipping(r"\b[A-Z][\w'’]+[-–]$")
_PAIRED_SECOND_AFTER = compile_skipping(rf"^\s+{_PAIRED_TALKS}")
_FOLLOWED_BY_NAME = compile_skipping(r" [A-Z][a-z]")
_AMERICAS_BEFORE = compile_skipping(r"\b(?:South|Latin|Central|North|Pan)[\s-]$")
_BUILDING_AFTER = compile_skipping(
    r" (?:Presidential|Palace|Office|House|Hotel|Hall|Cent(?:re|er)|Building|Complex|Conference|Convention|Resort|"
    r"Harbou?r|Port|Air\s?[Bb]ase|Airport)\b"
)
# (each capitalised word taken whole, possessively: the nested form backtracked exponentially on a
# line in capitals)
_DATELINE_AFTER = compile_skipping(
    # ("AMMAN / SANAA, Nov 18 -": a dateline of two cities)
    r"^,?\s*(?:[A-Z][\w.]*+(?:\s+(?=[A-Z]))?)*+\s*(?:/\s*(?:[A-Z][\w.]*+(?:\s+(?=[A-Z]))?)*+\s*)?(?:\(|,|(?<=\s)[-—–:])"
)
_DATELINE_FIRST_BEFORE = compile_skipping(r"(?:^|\n)(?-i:[A-Z][A-Z.'’ -]*)\s*/\s*$")
# "Seoul, Tokyo and Beijing will hold ...": a list of capitals standing for their states, no dateline
_LISTED_AFTER = compile_skipping(r"^(?:,\s*[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)+,?\s+and\s+[A-Z]")

# (one alternative each, in the order tried; each opens on a letter or a class of one letter's cases)
_ROLE_HEADS = (
    "[Pp]resident",
    "[Vv]ice[- ][Pp]resident",
    "[Pp]rime [Mm]inister",
    "[Vv]ice [Pp]remier",
    "[Pp]remier",
    "[Ff]oreign [Mm]inister",
    "[Dd]efen[cs]e [Mm]inister",
    "[Ii]nterior [Mm]inister",
    "[Tt]rade [Mm]inister",
    "[Ff]inance [Mm]inister",
    "[Ee]conomy [Mm]inister",
    "[Mm]inister",
    "[Ss]ecretary of [Ss]tate",
    "[Ss]ecretary[- ][Gg]eneral",
    "[Ss]ecretary",
    "[Ss]pokes(?:man|woman|person)",
    "[Ee]nvoy",
    "[Aa]ide",
    "[Aa]dvis[eo]r",
    "[Nn]egotiator",
    "[Aa]mbassador",
    "[Cc]hancellor",
    "[Kk]ing",
    "[Cc]rown [Pp]rince",
    "[Ee]mir",
    "[Ss]heikh",
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "General",
    "[Ll]eader",
    "[Cc]ommander",
    "[Rr]epresentative",
    "[Ss]peaker",
    "[Cc]hairman",
    "[Cc]hair",
    "[Dd]irector",
    "[Mm]ediator",
    "[Cc]hief",
)


def _by_first_letter(alternatives: tuple[str, ...]) -> str:
    """The alternation of `alternatives` grouped by their first letter, each letter's in their order:
    others never match where a letter's do, and the engine tries a letter's group on a test of one
    character where it would try every alternative."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first = re.match(r"\[(\w+)\]|\w", alternative)
        if first is None:
            raise ValueError(f"no first letter in {alternative!r}")
        for letter in first.group(1) or first.group():
            groups.setdefault(letter, []).append(alternative[first.end() :])
    return "(?:" + "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items()) + ")"


_NAME_WORD = r"[A-Z][a-zà-ÿ'’-]+"
_PERSON_BODY = (
    rf"(?P<head>{_by_first_letter(_ROLE_HEADS)})(?:\s+(?:to|of|for)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)??)?,?\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:(?:bin|al|el|de|van|von|da|ibn)[ -])?{_NAME_WORD}){{0,2}})"
)
_PERSON = compile_skipping(rf"\b{_PERSON_BODY}")
# ... found after the character before it (word_start_matches)
_PERSON_AFTER_NON_WORD = re.compile(rf"\W{_PERSON_BODY}")
# "the Russian and Ukrainian presidents, A B and C D": two people, each of the state named in turn.
# Found from the plural role word, which is rarer than the capitalised words around it.
_PAIRED_ROLE = compile_skipping(
    r" (?:presidents|leaders|prime ministers|premiers|(?:foreign|defen[cs]e) ministers|ministers|envoys|"
    r"negotiators),?\s+"
)
_PAIRED_SIDES = compile_skipping(r"(?P<a>[A-Z][\w’'-]+) and (?P<b>[A-Z][\w’'-]+)$")
_PAIRED_NAMES = compile_skipping(
    rf"(?P<n1>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}) and (?P<n2>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)
_ROLE_MODIFIER = compile_skipping(
    r"^(?:[A-Z][\w.’'-]*|top|chief|senior|special|presidential|acting|deputy|foreign|national|security|"
    r"state|interim|former|new|then|ministry|government|military|defen[cs]e|army|party|s)$"
)
_NOT_NAMES = CALENDAR_WORDS | frozenset(
    [
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "The",
        "A",
        "An",
        "On",
        "In",
        "At",
        "For",
        "And",
        "But",
        "Of",
        "To",
        "By",
        "As",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Said",
        "Says",
        "Told",
    ]
)


def _entity(entry: NameEntry, text: str, start: int, end: int, kind: EntityKind | None = None) -> Entity:
    return Entity(
        kind=kind or entry.kind,
        text=text[start:end],
        name=entry.name,
        start=start,
        end=end,
        country=entry.country,
    )


def _gazetteer_entities(text: str, headline: bool = False) -> list[Entity]:
    # Only a token that starts with a capital, a digit or "al-" can begin a name: the scan visits
    # those (found by one regex pass) and reads the tokens after one only while they are glued to it.
    gaz = gazetteer()
    exact, folded, first_words = gaz.exact, gaz.folded, gaz.first_words  # (looked up per word)
    found: list[Entity] = []
    done = 0  # end of the last token visited or name taken: a start before it lies inside one
    for c in (_NAME_START if "al-" in text else _NAME_START_NO_AL).finditer(text):
        start = c.start()
        if start < done:
            continue
        first = text[start]
        token = _TOKEN.match(text, start)
        if token is None or not (first.isupper() or first.isdigit() or text.startswith("al-", start)):
            continue
        word_end = token.end()
        word = text[start:word_end]
        low = word.lower()
        longest = first_words.get(low, 1)
        if longest == 1:  # most words start no longer name: the word alone, without the list below
            entry = exact.get(word)
            if entry is None:
                entry = folded.get(low.replace("i\u0307", "i") if "\u0307" in low else low)  # (as _lower)
                if entry is not None and not first.isupper() and entry.kind != "armed_group":
                    entry = None
            if entry is None:
                done = word_end
                continue
            match: tuple[int, NameEntry] | None = (word_end, entry)
        else:
            match = _longest_name(text, start, word_end, longest, first.isupper())
        if match is None:
            done = word_end
            continue
        end, entry = match
        done = end
        if text.startswith("American", start) and _AMERICAS_BEFORE.search(text, max(0, start - 8), start):
            continue  # "the South American country", "Latin American leaders": a region, not the United States
        if (
            entry.kind == "armed_group"
            and end - start == len(text[start:end].split()[0])
            and (given := _GIVEN_NAME_BEFORE.search(text, max(0, start - 40), start)) is not None
            and not any(_known(w) for w in given.group().split())
        ):
            continue  # "Thérèse Kayikwamba Wagner": a surname after given names, not the group
        if (
            entry.kind == "place"
            and not entry.capital
            and _FOLLOWED_BY_NAME.match(text, end)
            # (a site read as its city stays one before its building's words: "the Dolmabahce Presidential
            # Working Office"; "Hyderabad House" is no Hyderabad)
            and not (entry.name != text[start:end] and _BUILDING_AFTER.match(text, end))
            # "at the Bogor Presidential Palace": the city's own palace
            and not _PRESIDENTIAL_SITE_AFTER.match(text, end)
        ):
            nxt = _TOKEN.match(text, end + 1)
            if nxt and not _known(nxt.group()):
                continue  # "Vladimir Medinsky": a first name, not the city
        found.append(_resolve_capital(text, entry, start, end, headline))
    return found


def _longest_name(
    text: str, start: int, word_end: int, longest: int, capital: bool
) -> tuple[int, NameEntry] | None:
    """(end, entry) of the longest name of up to `longest` glued tokens from `start`, if any."""
    gaz = gazetteer()
    ends = [word_end]
    while len(ends) < longest:
        nxt = _TOKEN.search(text, ends[-1])
        if nxt is None or not _glue(text[ends[-1] : nxt.start()]):
            break
        # no name starts with these tokens: none is read on ("The president of ...", after "The Hague")
        surface = " ".join(text[start : nxt.end()].replace("’", "'").split())
        if surface.isascii() and not _starts_a_name(gaz.name_keys, surface.lower()):
            break  # (an ASCII surface lower-cases as the start of any longer one; others need not)
        ends.append(nxt.end())
    for end in reversed(ends):
        surface = text[start:end]
        if len(ends) > 1:  # one token holds no apostrophe and no space
            surface = " ".join(surface.replace("’", "'").split())
        entry = gaz.exact.get(surface)
        if entry is None:
            entry = gaz.folded.get(_lower(surface))
            if entry is not None and not capital and entry.kind != "armed_group":
                entry = None
        if entry is not None:
            return end, entry
    return None


def _starts_a_name(keys: tuple[str, ...], low: str) -> bool:
    i = bisect_left(keys, low)
    return i < len(keys) and keys[i].startswith(low)


# two capitalised words of a name right before ("Thérèse Kayikwamba Wagner"), not "the", a state's
# possessive or a sentence's first word
# (plain words: not "Yemen's Iran-aligned Houthis", nor names the gazetteer knows)
_GIVEN_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<![\w'’-])[A-Z][a-zà-ÿ]+\s+[A-Z][a-zà-ÿ]+\s$")


_PRESIDENTIAL_SITE_AFTER = re.compile(r"\s+Presidential\s+(?:Palace|Office|Complex|Compound)\b(?!\s+in\s)")


def _known(word: str) -> bool:
    gaz = gazetteer()
    return word in gaz.exact or word.lower() in gaz.folded or word in _NOT_NAMES


def _glue(gap: str) -> bool:
    """Adjacent tokens may belong to one name when only a space, hyphen, apostrophe or slash joins them."""
    return gap in {" ", "-", "'", "’", "/", ". ", "'s ", "’s "}


def _resolve_capital(text: str, entry: NameEntry, start: int, end: int, headline: bool = False) -> Entity:
    """A capital outside a place phrase stands for its state ("Moscow insists" -> Russia); a headline
    has no dateline ("Khartoum, SPLM-N to meet again": the state)."""
    if not entry.capital or entry.country is None:
        return _entity(entry, text, start, end)
    before = text[max(0, start - 40) : start]
    after = text[end : end + 30]
    paired = _PAIRED_FIRST_AFTER.match(after) or (
        _PAIRED_SECOND_BEFORE.search(before) and _PAIRED_SECOND_AFTER.match(after)
    )
    place = not paired and (
        (
            _LOCATIVE_BEFORE.search(before)
            and (start > 0 or not _DATELINE_AFTER.match(after))
            and not _PEOPLE_OF_BEFORE.search(text, max(0, start - 90), start)
        )
        or _ATTRIBUTIVE_AFTER.match(text[end : end + 60])
        or (
            not headline
            and (
                start == 0
                or text[start - 1] == "\n"
                or _DATELINE_FIRST_BEFORE.search(text, max(0, start - 40), start)
            )
            and _DATELINE_AFTER.match(after)
            and not _LISTED_AFTER.match(after)
        )
    )
    if place or text.startswith("-based", end):  # "Nairobi-based agencies": where they sit
        return _entity(entry, text, start, end)
    if entry.name in _BODY_CAPITALS and _BODY_CONTEXT.search(text, max(0, start - 300), end + 300):
        # "Brussels and London set a date for their first summit since Brexit": the EU, not Belgium
        return Entity(
            kind="organisation", text=text[start:end], name=_BODY_CAPITALS[entry.name], start=start, end=end
        )
    return Entity(
        kind="country", text=text[start:end], name=entry.country, start=start, end=end, country=entry.country
    )


# A capital that, as an actor in the news, is a body's seat before its state's.
_BODY_CAPITALS = {"Brussels": "European Union"}
# ... where the story speaks of the body ("Kigali and Brussels will restore diplomatic ties" is Belgium)
_BODY_CONTEXT = re.compile(r"\b(?:EU|E\.U\.|European|Brexit|the\s+bloc|the\s+Commission|member\s+states)\b")


def _people(text: str, places: list[Entity]) -> list[Entity]:
    people: list[Entity] = []
    for m in word_start_matches(_PERSON, _PERSON_AFTER_NON_WORD, text):
        words = m.group("name").split()
        while words and words[-1].rstrip("'’s") in _NOT_NAMES:
            words.pop()
        if not words or (words[0] in _NOT_NAMES and (len(words) == 1 or words[0] != "He")):
            continue
        if len(words) == 1 and len(words[0]) < 3:
            continue
        if words[-1][-2:] in {"'s", "’s"}:  # "President Donald Trump's envoy": the name, not its possessive
            words[-1] = words[-1][:-2]
        name = " ".join(words)
        name_start = m.start("name")
        if any(e.start <= name_start < e.end and e.kind != "person" for e in places):
            continue
        role_start = m.start("head")
        prefix = text[max(0, role_start - 60) : role_start].split(" ")
        taken = 0
        for word in reversed(prefix[:-1] if prefix and prefix[-1] == "" else prefix):
            if "\n" in word or not _ROLE_MODIFIER.match(word.strip(",")) or word.endswith(","):
                break
            taken += len(word) + 1
            if taken > 45:
                break
        role_start -= taken if taken <= 45 else 0
        role_end = m.end("head")
        role = text[role_start : m.start("name")].strip(" ,")
        country = next(
            (e.name for e in places if e.kind == "country" and role_start <= e.start < role_end), None
        ) or _country_after(text, name_start + len(name), places)
        people.append(
            Entity(
                kind="person",
                text=name,
                name=name,
                start=name_start,
                end=name_start + len(name),
                role=role or None,
                country=country,
            )
        )
    return people


_OF_AFTER_NAME = compile_skipping(r",?\s+of\s+(?:the\s+)?")


def _country_after(text: str, end: int, places: list[Entity]) -> str | None:
    """ "President X of Y": the role's state named right after the name."""
    m = _OF_AFTER_NAME.match(text, end)
    if m is None:
        return None
    return next((e.name for e in places if e.kind == "country" and e.start == m.end()), None)


def _paired_people(text: str, places: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    countries = {e.start: e.name for e in places if e.kind == "country"}
    for role in _PAIRED_ROLE.finditer(text):
        sides = _PAIRED_SIDES.search(text, max(0, role.start() - 50), role.start())
        names = _PAIRED_NAMES.match(text, role.end()) if sides else None
        if sides is None or names is None:
            continue
        for side, name in (("a", "n1"), ("b", "n2")):
            country = countries.get(sides.start(side))
            if country is None or names.group(name).split()[0] in _NOT_NAMES:
                break
            out.append(
                Entity(
                    kind="person",
                    text=names.group(name),
                    name=names.group(name),
                    start=names.start(name),
                    end=names.end(name),
                    role=None,
                    country=country,
                )
            )
    return out


_APPOSITIVE_ROLE = (
    r"(?:prime\s+minister|president|premier|chancellor|(?:[\w-]+\s+)?minister|top\s+diplomat|"
    r"(?:chief\s+)?negotiator|envoy|(?:national\s+)?security\s+adviser|army\s+chief|head\s+of\s+state)\b"
)
_APPOSITIVE_NAME_BEFORE = compile_skipping(
    r"\b(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s+"
    r"(?:the\s+(?:[\w-]+\s+){0,2}?" + _APPOSITIVE_ROLE + r"\s+of\s+(?:the\s+)?"
    # "Adam Boehler, President Donald Trump's special envoy": a leader's envoy is of the leader's state
    r"|(?:President|Prime\s+Minister|Chancellor|King|Emir)\s+)?$"
)
# ... whose every match ends on one of these words and spaces: a cheap test of the span spares the search
_APPOSITIVE_ENDINGS = (",", "of", "the", "President", "Minister", "Chancellor", "King", "Emir")
_APPOSITIVE_ROLE_AFTER = compile_skipping(r"['’]s\s+(?:[\w-]+\s+){0,2}?" + _APPOSITIVE_ROLE, re.IGNORECASE)


_FORMER = re.compile(r"\b(?:former|ex-|retired|late|then)\b", re.IGNORECASE)


def _appositive_people(text: str, places: list[Entity]) -> list[Entity]:
    """ "Hristijan Mickoski, North Macedonia's prime minister", "X, the foreign minister of Y": a
    person named without a title before the name, whose state the apposition gives."""
    out: list[Entity] = []
    taken = _Spans([(e.start, e.end) for e in places])
    for e in places:
        state = e.name if e.kind == "country" else e.country if e.kind == "person" else None
        if state is None:
            continue
        m = _appositive_name_before(text, e.start)
        if m is None:
            continue
        possessive = not m.group().rstrip().endswith(("of", "the"))
        if possessive and not _APPOSITIVE_ROLE_AFTER.match(text, e.end):
            continue
        if _FORMER.search(text, m.start(), min(len(text), e.end + 30)):
            continue  # "X, Sweden's former foreign minister": no longer of the state's side
        words = m.group("name").split()
        if any(w in _NOT_NAMES for w in words) or taken.covers(m.start("name")):
            continue
        out.append(
            Entity(
                kind="person",
                text=m.group("name"),
                name=m.group("name"),
                start=m.start("name"),
                end=m.end("name"),
                country=state,
            )
        )
    return out


def _appositive_name_before(text: str, end: int) -> re.Match[str] | None:
    before = text[max(0, end - 70) : end]
    bare = before.rstrip()
    if bare == before or not bare.endswith(_APPOSITIVE_ENDINGS):
        return None  # (no match: it ends on one of the endings, then spaces)
    return _APPOSITIVE_NAME_BEFORE.search(text, max(0, end - 70), end)


class _Spans:
    """Whether a position lies inside any of many spans, in O(log n) (no pairwise scans)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._reach: list[int] = []  # the furthest end among spans starting at or before each one
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def covers(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos


def _with_leaders_states(people: list[Entity]) -> list[Entity]:
    """ "President Vladimir Putin", with no state named in the role: a leader's state, looked up."""
    return [
        p.model_copy(update={"country": state})
        if p.country is None
        and (state := next((LEADERS[w] for w in _name_keys(p.name) if w in LEADERS), None))
        else p
        for p in people
    ]


# "former President X", "X, the facilitator of the process": a person who no longer
# speaks for a state, or who goes between the sides, is no state's side
_NO_LONGER_BEFORE = compile_skipping(
    r"\b(?i:former|ex-)\s*(?:[A-Z][\w'’-]*\s+){0,2}"
    r"(?i:president|prime\s+minister|premier|leader|head\s+of\s+state)\s+(?:[A-Z][\w'’-]*\s+)?$"
)
_GO_BETWEEN_AFTER = compile_skipping(
    r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:facilitator|mediator)\b", re.IGNORECASE
)


# ... but not a sitting official titled before the name ("Omani Foreign Minister X, the mediator":
# his state mediates)
_TITLED_BEFORE = compile_skipping(
    r"\b(?:President|Minister|Secretary|Chancellor|Premier|King|Emir|Envoy|Ambassador|Sultan)\s+$"
)


def _go_betweens(text: str, entities: list[Entity]) -> list[Entity]:
    """Every mention of a person named as a former leader or as the go-between, of no state."""
    names = {
        e.name
        for e in entities
        if e.kind == "person"
        and e.country is not None
        and (
            _NO_LONGER_BEFORE.search(text, max(0, e.start - 60), e.start)
            or (
                _GO_BETWEEN_AFTER.match(text, e.end, min(len(text), e.end + 60))
                and not _TITLED_BEFORE.search(text, max(0, e.start - 20), e.start)
            )
        )
    }
    if not names:
        return entities
    return [
        e.model_copy(update={"country": None}) if e.kind == "person" and e.name in names else e
        for e in entities
    ]


def _name_keys(name: str) -> list[str]:
    """A person's name, its words and its runs of two words ("Hun Manet", "Lee Jae-myung")."""
    words = name.split()
    return [name, *words, *(" ".join(words[i : i + 2]) for i in range(len(words) - 1))]


_LEADER = compile_words(sorted(LEADERS, key=lambda w: len(re.escape(w)), reverse=True))


def _leaders_by_surname(text: str, taken: list[Entity]) -> list[Entity]:
    """ "Putin and Erdogan will meet in Sochi": leaders named by surname alone, never in full."""
    spans = _Spans([(e.start, e.end) for e in taken])
    return [
        Entity(
            kind="person",
            text=m.group(),
            name=m.group(),
            start=m.start(),
            end=m.end(),
            country=LEADERS[m.group()],
        )
        for m in _LEADER.finditer(text)
        if not spans.covers(m.start())
    ]


def _later_mentions(text: str, people: list[Entity], taken: list[Entity]) -> list[Entity]:
    """Bare surnames of a person named in full anywhere in the article ("Peskov said") refer to them."""
    by_surname: dict[str, Entity] = {}
    for person in people:
        by_surname.setdefault(person.name.split()[-1], person)
    if not by_surname:
        return []
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in by_surname) + r")\b")
    spans = _Spans([(e.start, e.end) for e in taken])
    more: list[Entity] = []
    for m in pattern.finditer(text):
        if spans.covers(m.start()):
            continue
        first = by_surname[m.group(1)]
        more.append(first.model_copy(update={"text": m.group(1), "start": m.start(), "end": m.end()}))
    return more


_CAPITAL_AFTER = compile_skipping(r"(?:['’]s)?\s+capital\b(?!\s+(?:of|city\s+of)\b)")
_CAPITAL_OF_BEFORE = gated(compile_skipping(r"\bcapital\s+(?:city\s+)?of\s+(?:the\s+)?$", re.IGNORECASE))


def _described_capitals(text: str, named: list[Entity]) -> list[Entity]:
    """ "the Omani capital", "Kenya's capital", "the capital of Kazakhstan": the capital city,
    named only by description."""
    capitals = gazetteer().capital_of
    out = []
    said = "capital" in text  # (_CAPITAL_AFTER reads it as written: text without it spares the tests)
    for e in named:
        capital = capitals.get(e.name) if e.kind == "country" else None
        after = _CAPITAL_AFTER.match(text, e.end) if capital and said else None
        before = _CAPITAL_OF_BEFORE.search(text, max(0, e.start - 30), e.start) if capital else None
        if capital is None or (after is None and before is None):
            out.append(e)
            continue
        start, end = (e.start, after.end()) if after else (e.start, e.end)
        out.append(
            Entity(kind="place", text=text[start:end], name=capital, start=start, end=end, country=e.name)
        )
    return out


# "the Cambodian border town of Pailin", "the port city of Aqaba": a place the gazetteer may not know,
# named by the noun before it (its state from the word in front, when there is one)
_PLACE_OF = compile_skipping(
    r"\b(?:town|city|village|port|resort|island|enclave|oasis|outpost|crossing|municipality|district)\s+of\s+"
    r"([A-Z][a-zà-ÿ'’-]+(?:[\s-][A-Z][a-zà-ÿ'’-]+){0,2})"
)


_PLACE_NOUNS = (
    "harbour",
    "harbor",
    " port ",
    "air base",
    "airbase",
    "military base",
    " crossing",
    "checkpoint",
    " province",
    " town",
)
# "at Kankesanthurai harbour", "at the Hmeimim air base": a place named by the noun after it
_PLACE_BEFORE_NOUN = compile_skipping(
    r"\b(?:at|in|to)\s+(?:the\s+)?([A-Z][a-zà-ÿ'’-]{2,}(?:[\s-](?!(?:Sea|Gulf|Ocean|Coast|River|Lake)\b)[A-Z][a-zà-ÿ'’-]+)?)\s+"
    r"(?:harbou?r|port|air\s?base|airbase|military\s+base|border\s+crossing|crossing\s+point|checkpoint|province|town)\b"
    # (not "the Black Sea port of Odesa": the place is the one after "of")
    r"(?!\s+(?:city\s+|town\s+)?of\b)"
)


# "in the province of Nangarhar" (apart: "province" is too common a word to lead the pattern above)
_PROVINCE_OF = compile_skipping(r"\bprovince\s+of\s+([A-Z][a-zà-ÿ'’-]+(?:[\s-][A-Z][a-zà-ÿ'’-]+){0,2})")
# "has been moved to Surin": the new venue of a moved meeting, though the gazetteer may not know it
_MOVED_TO_PLACE = compile_skipping(
    r"\b(?:moved|relocated|shifted|transferred)\s+to\s+([A-Z][a-zà-ÿ'’-]{2,}(?:[\s-][A-Z][a-zà-ÿ'’-]+)?)\b"
    r"(?!\s+(?:\d|from\b))"
)


def _described_places(text: str, named: list[Entity]) -> list[Entity]:
    taken = _Spans([(e.start, e.end) for e in named])
    out = list(named)
    nouns = any(w in text for w in _PLACE_NOUNS)  # most texts name no harbour or air base: skip that pattern
    moved = "moved to" in text or "located to" in text
    for m in (
        *at_words(_PLACE_OF).finditer(text),
        *(_PROVINCE_OF.finditer(text) if "province of" in text else ()),
        *(_PLACE_BEFORE_NOUN.finditer(text) if nouns else ()),
        *(_MOVED_TO_PLACE.finditer(text) if moved else ()),
    ):
        name = m.group(1)
        if taken.covers(m.start(1)) or _lookup(name) is not None or name.split()[0] in _NOT_NAMES:
            continue
        state = next(
            (e for e in reversed(named) if e.kind == "country" and m.start() - 40 <= e.end <= m.start()), None
        )
        out.append(
            Entity(
                kind="place",
                text=name,
                name=name,
                start=m.start(1),
                end=m.end(1),
                country=state.name if state is not None else None,
            )
        )
    return sorted(out, key=lambda e: (e.start, e.end)) if len(out) > len(named) else named


_TWO_KOREAS = compile_skipping(r"\b(?:the\s+)?two\s+Koreas\b")
_SHARED_HEAD = compile_skipping(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][a-z]+)\b")


def _lower(surface: str) -> str:
    """Lower case, with the Turkish dotted capital read as a plain i ("İstanbul" -> "istanbul")."""
    low = surface.lower()
    return low.replace("i\u0307", "i") if "\u0307" in low else low


def _lookup(surface: str) -> NameEntry | None:
    gaz = gazetteer()
    return gaz.exact.get(surface) or gaz.folded.get(_lower(surface))


def _shared_heads(text: str, named: list[Entity]) -> list[Entity]:
    """ "North and South Korea", "Greek and Turkish Cypriots": the first word names a side too,
    completed by the head noun they share; "the two Koreas" names both."""
    out = list(named)
    for m in _TWO_KOREAS.finditer(text) if "Koreas" in text else ():  # one phrase, both states
        for name in ("North Korea", "South Korea"):
            out.append(
                Entity(kind="country", text=m.group(), name=name, start=m.start(), end=m.end(), country=None)
            )
    for m in _SHARED_HEAD.finditer(text):
        first = _lookup(f"{m.group(1)} {m.group(3)}")
        second = _lookup(f"{m.group(2)} {m.group(3)}")
        if first is None or second is None or first.kind not in {"country", "armed_group"}:
            continue
        out = [e for e in out if not (e.start == m.start(1) and e.end == m.end(1))]
        out.append(
            Entity(
                kind=first.kind,
                text=m.group(1),
                name=first.name,
                start=m.start(1),
                end=m.end(1),
                country=None,
            )
        )
    return sorted(out, key=lambda e: (e.start, e.end))


_THE_BEFORE = compile_skipping(r"(?:^|[.!?\n]\s*|\b(?:the|and|with|between)\s+)$", re.IGNORECASE)
_OPPOSITION_MEMBER_AFTER = compile_skipping(
    r"\s+(?:leader|party|lawmakers?|politicians?|MPs?|candidates?|deputies|legislators|senators|media)\b",
    re.IGNORECASE,
)


def _opposition_sides(text: str, named: list[Entity]) -> list[Entity]:
    """ "the Syrian opposition" is a side; "Despite American opposition" or "the Israeli opposition
    leader" name the country's stance or a person, so the demonym stands for its state."""
    out = []
    for e in named:
        if (
            e.kind == "armed_group"
            and e.name.endswith(" opposition")
            and (
                not _THE_BEFORE.search(text, max(0, e.start - 5), e.start)
                or _OPPOSITION_MEMBER_AFTER.match(text, e.end)
            )
        ):
            demonym = e.text.split()[0]
            entry = _lookup(demonym)
            if entry is None or entry.country is None:
                continue
            e = Entity(
                kind="country",
                text=demonym,
                name=entry.country,
                start=e.start,
                end=e.start + len(demonym),
                country=entry.country,
            )
        out.append(e)
    return out


_GOVERNMENT_AND_OPPOSITION = compile_skipping(
    r"(?:['’]s)?\s+(?:government|regime|authorities)\s+and\s+(?:the\s+|its\s+)?(?:main\s+|political\s+)?"
    r"(?P<side>opposition)\b(?!\s+(?:leader|party|lawmakers?|politicians?|MPs?|figures?)\b)"
    # ... as the two who meet: "... and the opposition (Unitary Platform) will resume talks"
    r"(?=(?:\s+(?-i:[A-Z])[\w-]*){0,3}\s+(?:will|would|are\s+(?:to|set\s+to|due\s+to)|to|have\s+agreed\s+to|agreed\s+to)\s+"
    r"(?:\w+\s+){0,2}?(?:meet|resume|hold|negotiat\w*|talk|sit\s+down)\b)",
    re.IGNORECASE,
)


# "talks between the government and the opposition of X"
_BETWEEN_GOVERNMENT_AND_OPPOSITION = compile_skipping(
    r"\bbetween\s+(?:the\s+)?(?:government|regime|authorities)\s+and\s+(?:the\s+)?(?P<side>opposition)\s+of\s+$",
    re.IGNORECASE,
)


def _government_and_opposition(text: str, named: list[Entity]) -> list[Entity]:
    """ "Venezuela's government and the opposition": the country's opposition is the other side."""
    if "pposition" not in text:
        return named  # a substring test spares most texts the patterns
    out = list(named)
    for e in named:
        m = _GOVERNMENT_AND_OPPOSITION.match(text, e.end) if e.kind == "country" else None
        if m is None and e.kind == "country":
            m = _BETWEEN_GOVERNMENT_AND_OPPOSITION.search(text, max(0, e.start - 80), e.start)
        demonym = gazetteer().demonym_of.get(e.name) if m is not None else None
        # "the opposition Unitary Platform": the named coalition is that side
        if m is not None and any(
            x.kind == "armed_group" and m.end("side") < x.start <= m.end("side") + 3 for x in named
        ):
            continue
        if m is not None and demonym is not None:
            name = f"{demonym} opposition"
            out.append(
                Entity(
                    kind="armed_group",
                    text=m.group("side"),
                    name=name,
                    start=m.start("side"),
                    end=m.end("side"),
                )
            )
    return sorted(out, key=lambda x: (x.start, x.end))


# "the junta", "the military council": a state's military rulers, whose state the article names once
# beside its military ("the Myanmar military", "Mali's junta")
_JUNTA_WORDS = ("council", "government", "regime", "authorities", "rulers")
_JUNTA = compile_skipping(rf"\b(?:junta|military\s+(?:{'|'.join(_JUNTA_WORDS)}))\b", re.IGNORECASE)
_MILITARY_AFTER = compile_skipping(r"(?:['’]s)?\s+(?:military|junta|army|armed\s+forces|generals)\b")


def _juntas(text: str, named: list[Entity]) -> list[Entity]:
    if "junta" not in text and not any(f"ilitary {w}" in text for w in _JUNTA_WORDS):
        return named  # a substring test spares most texts the patterns
    ruled = {e.name for e in named if e.kind == "country" and _MILITARY_AFTER.match(text, e.end)}
    if len(ruled) != 1:
        return named  # no state named beside its military, or several: whose junta is open
    (state,) = ruled
    spans = _Spans([(e.start, e.end) for e in named])
    found = [
        Entity(kind="country", text=m.group(), name=state, start=m.start(), end=m.end(), country=state)
        for m in _JUNTA.finditer(text)
        if not spans.covers(m.start()) and not any(0 <= m.start() - e.end <= 3 for e in named)
    ]
    return sorted(named + found, key=lambda x: (x.start, x.end)) if found else named


# "the Union for Peace in the Central African Republic (UPC)", "the Movement for Socialism (MAS) party":
# a group the gazetteer lacks, named in full once with the short name the story then uses
_DEFINED_GROUP = compile_skipping(
    r"\b(?P<full>(?:[A-Z][\w'’-]*,?\s+(?:(?:for|of|the|in|and|de|del|la|y|du|des|pour|et)\s+)*){1,8})"
    # ("the X Movement (MLA, by its French acronym)")
    r"\((?P<short>[A-Z0-9][A-Za-z0-9-]{1,7})(?:,\s+[^()]{1,40})?\)(?P<noun>\s+(?:group|party|rebels|movement|militia))?"
)
_GROUP_WORD = compile_skipping(
    r"\b(?:Movement|Front|Army|Alliance|Union|Coalition|Party|Forces|Liberation|Resistance|Brigades?|Militias?|Rebels|"
    r"Rally|Platform|Bloc)\b"
)
_BODY_WORD = compile_skipping(
    r"\b(?:Mechanism|Committee|Commission|Programme|Program|Agency|Organi[sz]ation|Office|Bank|Fund|Court|Mission|"
    r"Conference|Council|Community|Institute|Association|Federation|Telecommunication|Postal|Working|Expert|Meeting|Joint|"
    r"Technical|Steering|Contact)\b"
)


# a union or association of a trade or profession ("the Medical Practitioners, Pharmacists and Dentists Union
# (KMPDU)"): labour talks, not a side in arms
_TRADE_WORD = compile_skipping(
    r"\b(?:Workers|Teachers|Doctors|Practitioners|Pharmacists|Nurses|Dentists|Employees|Trade|Trades|Labou?r|Medical|"
    r"Journalists|Students|Farmers|Drivers|Miners|Pilots|Lecturers|Academic|Staff|Traders|Transporters|Engineers|"
    r"Lawyers|Employers|Manufacturers|Industrial|Civil\s+Servants|Dockworkers|Railway\w*)\b"
)


_UNION_END = re.compile(r"\b(?:Union|Association|Congress|Federation|Syndicate|Guild)$")


_LEADING_NOT_NAME = re.compile(
    rf"(?:(?:{'|'.join(sorted(_NOT_NAMES))}),?\s+(?:(?:for|of|the|in|and|de|del|la|y|du|des|pour|et)\s+)*)+"
)


def _defined_groups(text: str, named: list[Entity]) -> list[Entity]:
    found: list[Entity] = []
    if "(" not in text:
        return named  # a substring test spares most texts the patterns
    for m in _DEFINED_GROUP.finditer(text):
        short, full = m.group("short"), m.group("full").rstrip(", ")
        # (not "On Monday, the Movement for X": the sentence's opening words)
        lead = _LEADING_NOT_NAME.match(full)
        start = m.start("full") + (lead.end() if lead else 0)
        full = full[lead.end() :] if lead else full
        if (
            short.isdigit()
            or _lookup(short) is not None
            or _lookup(full) is not None
            or _BODY_WORD.search(full)
            or (_TRADE_WORD.search(full) and _UNION_END.search(full))
            or not (m.group("noun") or _GROUP_WORD.search(full))
            # (not "the Arakan Army (AA)": a group the gazetteer knows by its full name)
            or any(
                e.kind in {"armed_group", "organisation"} and start <= e.start < start + len(full)
                for e in named
            )
        ):
            continue
        # the full name is the side (not "Central African Republic" inside it), and so is each later
        # use of its short name
        found.append(Entity(kind="armed_group", text=full, name=short, start=start, end=start + len(full)))
        later = re.compile(rf"\b{re.escape(short)}\b")
        found += [
            Entity(kind="armed_group", text=short, name=short, start=x.start(), end=x.end())
            for x in later.finditer(text, m.end())
        ]
    return _with_found(named, found)


def _with_found(named: list[Entity], found: list[Entity]) -> list[Entity]:
    if not found:
        return named
    found = list({(e.start, e.end): e for e in found}.values())
    covered = _Spans([(e.start, e.end) for e in found])
    kept = [e for e in named if not covered.covers(e.start)]
    return sorted(kept + found, key=lambda x: (x.start, x.end))


# Seas, gulfs and straits whose names hold a state's ("the South China Sea", "the Gulf of Mexico"):
# neither the state nor a venue.
_WATERS = compile_skipping(
    r"\b(?:(?:South|East)\s+China\s+Sea|Gulf\s+of\s+(?:Mexico|Oman|Aden|Thailand|Guinea|Finland)|"
    r"Taiwan\s+Strait|Strait\s+of\s+Taiwan|Sea\s+of\s+(?:Japan|Azov|Marmara)|Persian\s+Gulf|Arabian\s+Gulf|"
    r"Korean\s+Peninsula|Irish\s+Sea|Philippine\s+Sea|Indian\s+Ocean)\b"
)


def _outside_waters(text: str, named: list[Entity]) -> list[Entity]:
    if not any(w in text for w in ("Sea", "Gulf", "Strait", "Peninsula", "Ocean")):
        return named  # a substring test spares most texts the pattern
    waters = [m.span() for m in _WATERS.finditer(text)]
    return [e for e in named if not any(a <= e.start < b for a, b in waters)] if waters else named


def _brazzaville_congo(text: str, named: list[Entity]) -> list[Entity]:
    """ "Congo" alone is the Democratic Republic, except in a story about the other one (it names
    Brazzaville or the Republic of the Congo, and neither Kinshasa nor the Democratic Republic)."""
    if "Congo" not in text or ("Brazzaville" not in text and "Republic of" not in text):
        return named
    names = {e.name for e in named}
    if "Republic of the Congo" not in names and "Brazzaville" not in text:
        return named
    if "Kinshasa" in text or any(e.text not in {"Congo", "Congolese"} and e.name == _DRC for e in named):
        return named
    # ("the Congolese president": the story's own Congo too)
    return [
        e.model_copy(update={"name": _ROC, "country": _ROC}) if e.text in {"Congo", "Congolese"} else e
        for e in named
    ]


_DRC, _ROC = "Democratic Republic of the Congo", "Republic of the Congo"


# Names shared by other countries' institutions: a side of their own country's talks only in a
# story that names it ("the House of Representatives" of Papua New Guinea, South Africa's
# "Government of National Unity" are not Libya's).
_COUNTRY_CONTEXT = {
    name: re.compile(r"\bLibya|\bTripoli\b|\bBenghazi\b|\bTobruk\b|\bHaftar\b")
    for name in ("House of Representatives", "Government of National Unity", "Government of National Accord")
}


def _in_their_country(text: str, named: list[Entity]) -> list[Entity]:
    return [e for e in named if e.name not in _COUNTRY_CONTEXT or _COUNTRY_CONTEXT[e.name].search(text)]


def extract_entities(
    text: str, known_people: list[Entity] | tuple[Entity, ...] = (), headline: bool = False
) -> list[Entity]:
    """All entity mentions in `text`, ordered by offset. `known_people` (the body's, when `text` is
    the headline) lets a headline name a person by surname alone ("A and B to meet")."""
    named = _shared_heads(
        text, _described_capitals(text, _opposition_sides(text, _gazetteer_entities(text, headline)))
    )
    named = _brazzaville_congo(text, _outside_waters(text, _government_and_opposition(text, named)))
    named = _defined_groups(text, _juntas(text, named))
    named = _described_places(text, named)
    if not headline:  # (a headline alone rarely names the country; its body decides)
        named = _in_their_country(text, named)
    people = _with_leaders_states(_people(text, named))
    found = _Spans([(p.start, p.end) for p in people])
    people += [p for p in _paired_people(text, named) if not found.covers(p.start)]
    found = _Spans([(p.start, p.end) for p in people])
    people += [p for p in _appositive_people(text, named) if not found.covers(p.start)]
    found = _Spans([(p.start, p.end) for p in people])
    people += [
        p for p in _appositive_people(text, [p for p in people if p.country]) if not found.covers(p.start)
    ]
    person_spans = _Spans([(p.start, p.end) for p in people])
    named = [e for e in named if not person_spans.covers(e.start)]
    everything = named + people
    everything += _later_mentions(text, [*people, *known_people], everything)
    everything += _leaders_by_surname(text, everything)
    return sorted(_go_betweens(text, everything), key=lambda e: (e.start, e.end))

"""Regexes that skip ahead to where a match can start.

Python's regex engine tries a pattern that opens with a word boundary or an alternation at every
position of the text. Prefixed with a look-ahead for the characters a match can start with, it
jumps from one such character to the next, which makes the long cue patterns two to three times
faster over an article. The character class is read off the parsed pattern, so it stays right
as the vocabulary grows; where it cannot be read (a pattern that may match the empty string or
start with any word character), the pattern is compiled as written.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

try:  # the parser behind re.compile (Python 3.11+; private, so any failure means plain patterns)
    _c: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: plain patterns, same matches
    _parser = None

__all__ = [
    "UNFOLDED",
    "Gated",
    "Required",
    "WordAnchored",
    "at_words",
    "compile_skipping",
    "compile_words",
    "count_at_words",
    "finditer_at_words",
    "gated",
    "holds_required",
    "lead_class",
    "lead_words",
    "required_words",
    "search_at_words",
    "word_start_matches",
]

_Found = tuple[list[str], bool] | None  # (class items a match may start with, whether it may be empty)


def compile_skipping(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, prefixed with a look-ahead for its possible first characters."""
    lead = lead_class(pattern, flags)
    if lead is None:
        return re.compile(pattern, flags)
    end = "\n)" if flags & re.VERBOSE else ")"  # a trailing comment must not swallow the ")"
    try:
        return re.compile(f"(?=[{lead}])(?:{pattern}{end}", flags)
    except re.error:  # inline global flags ("(?i)...") must stay first: the pattern as written
        return re.compile(pattern, flags)


def compile_words(words: Sequence[str]) -> re.Pattern[str]:
    """`\b(?:w1|w2|...)\b` for words that start with a word character, tried in the order
    given, each alternative behind its first character: opening on literal characters, the pattern
    is scanned by the engine's own loop for them (the word boundary before the word is tested
    after that character)."""
    if not words or any(not re.match(r"\w", w) for w in words):
        raise ValueError("compile_words needs words that start with a word character")
    by_first: dict[str, list[str]] = {}
    for word in words:  # (one first character's words keep their order; others never match where they do)
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile(
        "(?:"
        + "|".join(rf"{re.escape(c)}(?<!\w[\s\S])(?:{'|'.join(rests)})" for c, rests in by_first.items())
        + r")\b"
    )


def word_start_matches(
    at: re.Pattern[str], after_non_word: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    r"""The matches of `at.finditer(text)` for `at` = `\b(?:body)` whose every match starts on a word
    character, found by `after_non_word` = `\W(?:body)` (a pattern opening on a class is searched by
    the engine's own loop, many times faster than one opening on a word boundary). Their groups are
    alike, not their whole spans: one found after a non-word character holds it."""
    pos = 0
    while True:
        # (a match starting at `pos` has its non-word character before `pos`, or none)
        m = at.match(text, pos) or after_non_word.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.end()


def _parsed(pattern: str, flags: int) -> list[tuple[Any, Any]] | None:
    """The parsed items of `pattern`, or None where the parser is not there or refuses it."""
    if _parser is None:
        return None
    try:
        return list(_parser.parse(pattern, flags))
    except (re.error, AttributeError, TypeError):  # pragma: no cover - re.compile raises for the caller
        return None


def lead_class(pattern: str, flags: int = 0) -> str | None:
    """The body of a character class holding every character a match of `pattern` can start with
    (under the same flags), or None when there is no useful one."""
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    found = _sequence(parsed, bool(flags & re.IGNORECASE))
    if found is None or found[1] or not found[0]:
        return None
    return "".join(dict.fromkeys(found[0]))


def _sequence(items: list[tuple[Any, Any]], ignorecase: bool, fold: bool = False) -> _Found:
    # (`fold`: inside "(?i:...)" of a case-sensitive pattern, whose class must list each letter's cases)
    lead: list[str] = []
    for op, av in items:
        found = _item(op, av, ignorecase, fold)
        if found is None:
            return None
        lead += found[0]
        if not found[1]:
            return lead, False
    return lead, True


def _item(op: Any, av: Any, ignorecase: bool, fold: bool) -> _Found:
    if op is _c.LITERAL:
        cases = _cases(av) if fold else [av]
        return None if cases is None else ([_char(c) for c in cases], False)
    if op is _c.IN:
        return _char_set(av, fold)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: the next item starts the match
        return [], True
    if op is _c.BRANCH:
        lead: list[str] = []
        empty = False
        for alternative in av[1]:
            found = _sequence(list(alternative), ignorecase, fold)
            if found is None:
                return None
            lead += found[0]
            empty = empty or found[1]
        return lead, empty
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, group = av
        # "(?i:...)" inside a case-sensitive pattern: each letter in every case it matches (a "(?-i:...)"
        # inside that gets its letters' other cases too: more than needed, never too few)
        fold = fold or bool(add_flags & re.IGNORECASE and not ignorecase)
        return _sequence(list(group), ignorecase, fold)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        least, _most, repeated = av
        found = _sequence(list(repeated), ignorecase, fold)
        return None if found is None else (found[0], found[1] or least == 0)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av), ignorecase, fold)
    return None  # any character, back-references, conditionals: no useful class


# what an ASCII letter also matches under IGNORECASE besides its two cases
_ODD_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _cases(code: int) -> list[int] | None:
    """Every character `code` matches under IGNORECASE, or None when that is not known here."""
    char = chr(code)
    if not char.isascii():
        return None
    if not char.isalpha():
        return [code]
    low = char.lower()
    return [ord(c) for c in dict.fromkeys(low + low.upper() + _ODD_CASES.get(low, ""))]


def _char_set(items: list[tuple[Any, Any]], fold: bool = False) -> _Found:
    lead: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            cases = _cases(av) if fold else [av]
            if cases is None:
                return None
            lead += [_char(c) for c in cases]
        elif op is _c.RANGE:
            low, high = av
            if fold and any(chr(c).isalpha() or not chr(c).isascii() for c in range(low, high + 1)):
                return None  # (a range of letters: its cases are not listed here)
            lead.append(f"{_char(low)}-{_char(high)}")
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            lead.append(r"\d")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            lead.append(r"\s")
        else:  # a negated set, word characters: nearly anything
            return None
    return lead, False


def _char(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-" else r"\-"


_MIN_LEAD = 4  # shorter leading words ("the", "re") occur so often that a plain search is cheaper


def lead_words(pattern: str, flags: int = 0, shortest: int = _MIN_LEAD) -> tuple[str, ...] | None:
    """Lower-case ASCII strings, one of which every match of `pattern` starts with (what it reads
    first, after any zero-width test), or None when they are not known or one is shorter than
    `shortest` (too common to help).

    In ASCII text a match can then only start where the lower-cased text holds one of them
    (`search_at_words`): a few C string searches replace a scan of every position."""
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    found = _lead_words(parsed)
    if not found or any(len(w) < shortest for w in found):
        return None
    return tuple(dict.fromkeys(found))


def _lead_words(items: list[tuple[Any, Any]]) -> list[str] | None:
    for at, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: the next item is read first
            continue
        if op is _c.LITERAL:
            run = ""
            for op2, av2 in items[at:]:
                if op2 is not _c.LITERAL or not chr(av2).isascii():
                    break
                run += chr(av2).lower()
            return [run] if run else None  # (a non-ASCII letter may match an ASCII one: unknown)
        if op is _c.SUBPATTERN:
            return _lead_words(list(av[3]))
        if op is _c.BRANCH:
            words: list[str] = []
            for alternative in av[1]:
                found = _lead_words(list(alternative))
                if found is None:
                    return None
                words += found
            return words
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            least, _most, repeated = av
            found = _lead_words(list(repeated))
            if found is None or least >= 1:
                return found
            rest = _lead_words(items[at + 1 :])  # an optional item: the match may start after it
            return None if rest is None else found + rest
        if op is getattr(_c, "ATOMIC_GROUP", None):
            return _lead_words(list(av))
        return None  # a class, any character, a back-reference: no word known
    return None  # (nothing read: a match may be empty)


def search_at_words(
    rx: re.Pattern[str], words: tuple[str, ...], text: str, low: str, start: int = 0, end: int | None = None
) -> bool:
    """Whether `rx.search(text, start, end)` finds a match, for `words` = `lead_words(rx)` and `low` =
    the lower-cased text[start:end], ASCII (so its offsets are the text's): tried only where a
    match can start."""
    end = len(text) if end is None else end
    for word in words:
        i = low.find(word)
        while i >= 0:
            if rx.match(text, start + i, end) is not None:
                return True
            i = low.find(word, i + 1)
    return False


def finditer_at_words(
    rx: re.Pattern[str], words: tuple[str, ...], text: str, low: str
) -> Iterator[re.Match[str]]:
    """The matches of `rx.finditer(text)`, for `words` = `lead_words(rx)` and `low` = the lower-cased
    text, ASCII: read left to right from the places a match can start, each place inside a match
    taken passed over (as the scan does; a match reads its word, so none is empty)."""
    starts: set[int] = set()
    for word in words:
        i = low.find(word)
        while i >= 0:
            starts.add(i)
            i = low.find(word, i + 1)
    taken = 0
    for i in sorted(starts):
        if i >= taken and (m := rx.match(text, i)) is not None:
            yield m
            taken = m.end()


class WordAnchored:
    """A pattern searched, in ASCII text, only where one of its leading words stands (`lead_words`),
    else as written: the same matches either way."""

    __slots__ = ("rx", "words")

    def __init__(self, rx: re.Pattern[str], shortest: int = 2) -> None:
        self.rx = rx
        self.words = lead_words(rx.pattern, rx.flags, shortest)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """`rx.search(text, start, end)`."""
        end = len(text) if end is None else end
        low = text[start:end].lower()
        if self.words is None or not low.isascii():
            return self.rx.search(text, start, end)
        starts: set[int] = set()
        for word in self.words:
            i = low.find(word)
            while i >= 0:
                starts.add(i)
                i = low.find(word, i + 1)
        for i in sorted(starts):  # (the first place that matches is where the search stops)
            if (m := self.rx.match(text, start + i, end)) is not None:
                return m
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`rx.finditer(text)`."""
        low = text.lower()
        if self.words is None or not low.isascii():
            return self.rx.finditer(text)
        return finditer_at_words(self.rx, self.words, text, low)


@functools.cache  # (keyed on the compiled pattern: the same for every article)
def at_words(rx: re.Pattern[str]) -> WordAnchored:
    """`rx` as a WordAnchored pattern, built once."""
    return WordAnchored(rx)


def count_at_words(rx: re.Pattern[str], words: tuple[str, ...], text: str, low: str) -> int:
    """`len(rx.findall(text))`, found as `finditer_at_words` does."""
    return sum(1 for _ in finditer_at_words(rx, words, text, low))


Required = tuple[tuple[str, ...], ...]  # every group holds a string the text must hold


def required_words(pattern: str, flags: int = 0) -> Required:
    """Groups of lower-case ASCII strings such that the lower-cased text of every match of `pattern`
    (what its look-aheads read included) holds a string of each group; () when none is worth a test.

    Text lacking every string of a group can skip the pattern. Under IGNORECASE an ASCII letter
    also matches "İ", "ı", "ſ" and the Kelvin sign: the caller must not skip text holding the
    first three (they lower-case to no ASCII letter)."""
    if _parser is None:
        return ()
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, AttributeError, TypeError):  # pragma: no cover - re.compile raises for the caller
        return ()
    return tuple(sorted(_required(list(parsed)), key=_telling)[:_MAX_GROUPS])


_MIN_WORD = 3  # shorter strings are in nearly every text: no use as a test
_MAX_GROUPS = 3  # the most telling groups; more cost more tests than they spare


def _telling(group: tuple[str, ...]) -> tuple[int, int]:
    return -min(map(len, group)), len(group)


def _required(items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    # every item of a sequence must match, so each item's groups are the sequence's
    groups: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL and chr(av).isascii():
            run.append(chr(av).lower())
            continue
        if len(run) >= _MIN_WORD:
            groups.append(("".join(run),))
        run = []
        groups += _required_item(op, av)
    return groups


def _required_item(op: Any, av: Any) -> list[tuple[str, ...]]:
    if op is _c.SUBPATTERN:
        return _required(list(av[3]))
    if op is _c.BRANCH:  # one alternative matches: the most telling group of each, joined
        best = [min(_required(list(a)), key=_telling, default=None) for a in av[1]]
        if any(b is None for b in best):
            return []
        return [tuple(dict.fromkeys(w for b in best if b is not None for w in b))]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _required(list(av[2]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _required(list(av))
    if op is _c.ASSERT and av[0] == 1:  # a look-ahead reads text inside the searched span
        return _required(list(av[1]))
    return []  # classes, look-behinds (they read before the span), negative tests


# Letters that match an English one under IGNORECASE but lower-case to something else ("İ", "ı", "ſ"):
# text holding one may match without holding the required strings, so it is always searched
UNFOLDED = ("\u0307", "\u0131", "\u017f")


def holds_required(low: str, required: Required) -> bool:
    """Whether `low` holds a string of every group (plain loops: this runs once per span tested)."""
    for group in required:
        for needed in group:
            if needed in low:
                break
        else:
            return False
    return True


class Gated:
    """A pattern for short spans (the words before or after a name): searched only where the span
    holds the strings every match reads (`required_words`), else as written; the same matches.

    Most spans hold none of them, and a few substring tests cost far less than the search."""

    __slots__ = ("required", "rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.required = required_words(rx.pattern, rx.flags)

    def _may_match(self, text: str, start: int, end: int | None) -> bool:
        low = text[start:end].lower()
        return holds_required(low, self.required) or (not low.isascii() and any(ch in low for ch in UNFOLDED))

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """`rx.search(text, start, end)`."""
        if not self._may_match(text, start, end):
            return None
        return self.rx.search(text, start, len(text) if end is None else end)

    def match(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """`rx.match(text, start, end)`."""
        if not self._may_match(text, start, end):
            return None
        return self.rx.match(text, start, len(text) if end is None else end)


def gated(rx: re.Pattern[str]) -> Gated:
    """`rx` as a Gated pattern (built at import, once per pattern)."""
    return Gated(rx)

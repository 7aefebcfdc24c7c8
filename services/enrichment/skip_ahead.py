"""Regexes that skip ahead to where a match can start.

Python's regex engine tries a pattern that opens with a word boundary or an alternation at every
position of the text. Prefixed with a look-ahead for the characters a match can start with, it
jumps from one such character to the next, which makes the long cue patterns two to three times
faster over an article. The character class is read off the parsed pattern, so it stays right
as the vocabulary grows; where it cannot be read (a pattern that may match the empty string or
start with any word character), the pattern is compiled as written.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the parser behind re.compile (Python 3.11+; private, so any failure means plain patterns)
    _c: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: plain patterns, same matches
    _parser = None

__all__ = ["compile_skipping", "lead_class"]

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


def lead_class(pattern: str, flags: int = 0) -> str | None:
    """The body of a character class holding every character a match of `pattern` can start with
    (under the same flags), or None when there is no useful one."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, AttributeError, TypeError):  # pragma: no cover - re.compile raises for the caller
        return None
    found = _sequence(list(parsed), bool(flags & re.IGNORECASE))
    if found is None or found[1] or not found[0]:
        return None
    return "".join(dict.fromkeys(found[0]))


def _sequence(items: list[tuple[Any, Any]], ignorecase: bool) -> _Found:
    lead: list[str] = []
    for op, av in items:
        found = _item(op, av, ignorecase)
        if found is None:
            return None
        lead += found[0]
        if not found[1]:
            return lead, False
    return lead, True


def _item(op: Any, av: Any, ignorecase: bool) -> _Found:
    if op is _c.LITERAL:
        return [_char(av)], False
    if op is _c.IN:
        return _char_set(av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: the next item starts the match
        return [], True
    if op is _c.BRANCH:
        lead: list[str] = []
        empty = False
        for alternative in av[1]:
            found = _sequence(list(alternative), ignorecase)
            if found is None:
                return None
            lead += found[0]
            empty = empty or found[1]
        return lead, empty
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, group = av
        if add_flags & re.IGNORECASE and not ignorecase:  # "(?i:...)" inside a case-sensitive pattern
            return None
        return _sequence(list(group), ignorecase)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        least, _most, repeated = av
        found = _sequence(list(repeated), ignorecase)
        return None if found is None else (found[0], found[1] or least == 0)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av), ignorecase)
    return None  # any character, back-references, conditionals: no useful class


def _char_set(items: list[tuple[Any, Any]]) -> _Found:
    lead: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            lead.append(_char(av))
        elif op is _c.RANGE:
            low, high = av
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

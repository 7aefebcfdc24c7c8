"""The look-ahead prefix of the cue patterns: read off the pattern, and never a different match."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from parley.services.enrichment import talks_cues
from parley.services.enrichment.gazetteer import LEADERS
from parley.services.enrichment.skip_ahead import (
    Gated,
    WordAnchored,
    compile_skipping,
    compile_words,
    count_at_words,
    finditer_at_words,
    gated,
    lead_class,
    lead_words,
    required_words,
    search_at_words,
)
from parley.services.enrichment.talks_cues import TRIGGER, names_talks
from parley.services.enrichment.talks_extraction import sentences

INVENTED = Path(__file__).resolve().parents[3] / "data" / "invented_talks"
_MODULES: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"parley.services.enrichment.{name}")
    for name in (
        "dates",
        "entities",
        "talks_bodies",
        "talks_cues",
        "talks_events",
        "talks_extraction",
        "talks_features",
        "talks_formats",
        "talks_roles",
    )
)


def test_the_class_holds_every_first_character_of_the_alternatives() -> None:
    lead = lead_class(r"\b(?:talks?|negotiations?|(?:next|new)\s+round|\d+(?:st|nd)\s+round)\b")
    assert lead is not None
    assert set(lead.replace(r"\d", "")) == {"t", "n"}
    assert r"\d" in lead


def test_optional_and_zero_width_openings_read_on_to_what_follows() -> None:
    lead = lead_class(r"(?<!\w)(?:the\s+)?(?:next|last)\s+round")
    assert lead is not None and set(lead) == {"t", "n", "l"}


def test_no_class_where_any_character_may_start_a_match() -> None:
    assert lead_class(r"\w+ talks") is None
    assert lead_class(r"[^a-z]+") is None
    assert lead_class(r"(?:talks)?") is None  # may match the empty string
    assert lead_class(r".{0,20}talks") is None


def test_a_case_insensitive_group_inside_a_case_sensitive_pattern_lists_every_case() -> None:
    lead = lead_class(r"\b(?:Talks|(?i:summit|invited|kilo))")
    assert lead is not None
    # (with what an ASCII letter also matches under IGNORECASE: "İ", "ı", the Kelvin sign, "ſ")
    assert set(lead) == {"T", "s", "S", "\u017f", "i", "I", "\u0130", "\u0131", "k", "K", "\u212a"}
    pattern = compile_skipping(r"\b(?:Talks|(?i:summit|invited|kilo))")
    for text in ("the SUMMIT", "\u0130nvited", "\u0131nvited", "\u212ailo", "\u017fummit", "Talks"):
        assert pattern.search(text) is not None, text
    assert lead_class(r"(?i:talks)", re.IGNORECASE) is not None


def test_no_class_for_a_range_of_letters_inside_a_case_insensitive_group() -> None:
    assert lead_class(r"(?i:[a-f]\w+)") is None
    assert lead_class(r"(?i:[0-9]+x)") == "0-9"


def test_the_flags_apply_to_the_class_too() -> None:
    pattern = compile_skipping(r"\btalks\b", re.IGNORECASE)
    assert pattern.pattern.startswith("(?=[")
    assert pattern.search("TALKS resume")


def test_the_required_words_are_the_literal_runs_and_the_alternatives_a_match_needs() -> None:
    required = required_words(r"\b(?:receive|host)\s+the\s+(?-i:[A-Z])\w*\s+Negotiators\b", re.IGNORECASE)
    assert set(required) == {("negotiators",), ("receive", "host"), ("the",)}
    assert required[0] == ("negotiators",)  # the most telling first


def test_a_look_ahead_is_required_and_a_look_behind_or_an_optional_part_is_not() -> None:
    assert required_words(r"(?<=\bnext\s)round(?=\s+will\s+open)") == (("round",), ("will",), ("open",))
    assert required_words(r"round(?:\s+table)?") == (("round",),)
    assert required_words(r"talks(?!\s+collapsed)") == (("talks",),)


def test_no_required_words_where_an_alternative_needs_none() -> None:
    assert required_words(r"talks|\w+s") == ()
    assert required_words(r"\w+ed\b") == ()  # runs shorter than three letters tell nothing


def test_every_match_of_a_trigger_form_holds_its_required_words() -> None:
    # names_talks skips a form on text without them: a match without them would go unseen
    texts = _texts()
    checked = 0
    for words, form in talks_cues._TRIGGER_FORMS:
        required = required_words(form, re.IGNORECASE)
        pattern = re.compile(form, re.IGNORECASE)
        for text in texts:
            for m in pattern.finditer(text):
                read = text[m.start() :].lower()  # (what its look-aheads read too)
                assert all(any(w in read for w in group) for group in required), (words, m.group())
                checked += 1
    assert checked > 1000


def test_the_leading_words_are_what_every_match_reads_first() -> None:
    assert lead_words(r"\b(?:receive|host)\s+the\b", re.IGNORECASE) == ("receive", "host")
    # zero-width tests are passed over; an optional part leaves what follows it as a start
    assert lead_words(r"(?<=\bthe\s)(?=\w)(?:Peace\s+)?talks\b") == ("peace", "talks")
    assert lead_words(r"\bsessions?\b") == ("session",)


def test_no_leading_words_where_a_match_may_start_otherwise() -> None:
    assert lead_words(r"\b(?:talks|\d+th\s+round)\b") is None  # a class first
    assert lead_words(r"\bthe\s+round\b") is None  # too short to be worth the searches
    assert lead_words(r"(?:talks)?") is None  # may be empty
    assert lead_words("\u212aremlin\\b", re.IGNORECASE) is None  # a non-ASCII letter may match an ASCII one


def test_every_trigger_form_is_found_at_its_words_as_by_a_search() -> None:
    texts = _texts()
    checked = 0
    for _, form in talks_cues._TRIGGER_FORMS:
        words = lead_words(form, re.IGNORECASE)
        if words is None:
            continue
        pattern = compile_skipping(form, re.IGNORECASE)
        for text in texts:
            if not text.isascii():
                continue
            for start in (0, len(text) // 3):
                end = len(text) - start // 2
                low = text[start:end].lower()
                found = search_at_words(pattern, words, text, low, start, end)
                assert found == (pattern.search(text, start, end) is not None), (form[:60], text[:80])
                checked += found
    assert checked > 100


def test_counting_at_the_leading_words_counts_what_findall_finds() -> None:
    rx = talks_cues.NON_DIPLOMATIC_ACTORS
    words = lead_words(rx.pattern, rx.flags, shortest=1)
    assert words is not None and "to" in words
    texts = [
        *(t for t in _texts() if t.isascii()),
        "The football federations will meet on Monday, and the cricket boards will meet too.",
        "Talks to end the strike: teachers' unions and the ministry will hold talks (trilogue).",
    ]
    counts = [count_at_words(rx, words, text, text.lower()) for text in texts]
    assert counts == [len(rx.findall(text)) for text in texts]
    assert counts[-2] == 2


def test_the_dates_found_at_their_words_are_the_scans_matches() -> None:
    from parley.services.enrichment import dates

    texts = [
        *(t for t in _texts() if t.isascii()),
        "They met last Monday and will meet again next Tuesday and Wednesday of next week.",
        "Talks open on the 17th and 18th of this month, in the first week of August 2026.",
    ]
    patterns = dict(dates._PATTERNS)
    assert set(dates._AT_WORDS) == {"weekday", "monthweek", "ordinal"}
    for kind, words in dates._AT_WORDS.items():
        rx = patterns[kind]
        for text in texts:
            found = [(m.span(), m.groups()) for m in finditer_at_words(rx, words, text, text.lower())]
            assert found == [(m.span(), m.groups()) for m in rx.finditer(text)], (kind, text[:80])


@pytest.mark.parametrize("name", ["DESTINATION", "NO_NEW_DATE", "VISIT_DAYS"])
def test_a_pattern_anchored_on_its_words_finds_what_it_finds_as_written(name: str) -> None:
    rx = getattr(talks_cues, name)
    anchored = WordAnchored(rx)
    assert anchored.words is not None
    texts = [*_texts(), "The delegation will travel to Geneva; no new date has been set. İt will..."]
    whole = " ".join(texts[:300])
    assert [m.span() for m in anchored.finditer(whole)] == [m.span() for m in rx.finditer(whole)]
    for text in texts:
        for start in (0, len(text) // 4):
            found, plain = anchored.search(text, start), rx.search(text, start)
            assert (found and found.span()) == (plain and plain.span()), text[:80]


def test_a_word_list_matches_as_the_plain_alternation_does() -> None:
    words = sorted(LEADERS, key=lambda w: len(re.escape(w)), reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    fast = compile_words(words)
    texts = [
        *_texts()[:3000],
        " ".join(words),
        "_".join(words),
        "-".join(words),
        "".join(words),
        "x" + " y".join(words),
    ]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text[:80]


def test_a_word_list_keeps_the_order_of_words_with_one_first_letter() -> None:
    assert compile_words(["Kim", "Kim Jong Un"]).match("Kim Jong Un").group() == "Kim"
    assert compile_words(["Kim Jong Un", "Kim"]).match("Kim Jong Un").group() == "Kim Jong Un"
    assert compile_words(["Erdogan"]).search("Erdoganist Erdogan") is not None
    assert compile_words(["Erdogan"]).search("xErdogan _Erdogan") is None


def test_a_verbose_pattern_keeps_its_closing_parenthesis() -> None:
    pattern = compile_skipping(r"talks  # the word itself", re.VERBOSE)
    assert pattern.search("new talks") is not None


def test_the_trigger_pattern_skips_ahead() -> None:
    assert TRIGGER.pattern.startswith("(?=[")


def _unprefixed(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    source = pattern.pattern
    if not source.startswith("(?=["):
        return None
    body = source[source.index("])(?:") + len("])(?:") :]
    body = body[:-2] if body.endswith("\n)") else body[:-1]
    return re.compile(body, pattern.flags)


def _texts() -> list[str]:
    """Headlines and sentences (the spans the patterns are run over: some, meant for a window
    before or after a word, would take long over a whole article)."""
    texts = []
    for path in sorted(INVENTED.glob("invented_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            body = article["text"]
            texts += [article.get("title") or "", *(body[a:b] for a, b in sentences(body))]
    return texts


@pytest.mark.parametrize("module", _MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_prefixed_pattern_matches_where_its_plain_form_does(module: ModuleType) -> None:
    texts = _texts()
    assert len(texts) > 10_000
    compared = 0
    for name, item in vars(module).items():
        value = item.rx if isinstance(item, Gated) else item
        plain = _unprefixed(value) if isinstance(value, re.Pattern) else None
        if plain is None:
            continue
        compared += 1
        for text in texts:
            spans = [m.span() for m in value.finditer(text)]
            assert spans == [m.span() for m in plain.finditer(text)], (name, text[:80])
    assert compared > 0


def test_every_match_of_a_trigger_form_holds_one_of_its_words() -> None:
    # names_talks skips a form on text without its words: a match without one would go unseen
    texts = _texts()
    for words, form in talks_cues._TRIGGER_FORMS:
        pattern = re.compile(form, re.IGNORECASE)
        for text in texts:
            for m in pattern.finditer(text):
                assert any(word in m.group().lower() for word in words), (words, m.group())


def test_names_talks_agrees_with_the_whole_pattern() -> None:
    def whole(text: str) -> bool:
        return TRIGGER.search(text) is not None or any(
            rx.search(text) is not None for _, rx in talks_cues.TRIGGER_RARE
        )

    texts = [
        *_texts(),
        "Negotiators will meet on Monday.",
        "İnvited both delegations to Muscat",  # a capital that lower-cases to two characters
        "the envoy ınvited both delegations to Muscat",  # a dotless i, matched as "i" by the pattern
        "Budget figures were released on Monday.",
        "NEGOTIATORS WILL MEET ON MONDAY.",  # the required words are tested on the lower-cased text
        "the Joint Border Commission of the two states will convene on Friday",
    ]
    found = [names_talks(text) for text in texts]
    assert found == [whole(text) for text in texts]
    assert found[-6:] == [True, True, True, False, True, True]


def test_a_gated_pattern_finds_what_its_pattern_finds_in_every_span() -> None:
    gates = [
        (name, value)
        for module in _MODULES
        for name, value in vars(module).items()
        if isinstance(value, Gated)
    ]
    assert gates
    texts = [
        *_texts()[::7],
        "talks were held in Geneva",
        "talks were hel\u0130d in Geneva",  # a capital that lower-cases to two characters
        "the delegation flew to Doha",
        "the delegat\u0131on flew to Doha",  # a dotless i, matched as "i" under IGNORECASE
    ]
    for name, gate in gates:
        for text in texts:
            for start, end in ((0, len(text)), (max(0, len(text) - 60), len(text)), (0, min(len(text), 40))):
                found = _found(gate.search(text, start, end)), _found(gate.match(text, start, end))
                assert found == (
                    _found(gate.rx.search(text, start, end)),
                    _found(gate.rx.match(text, start, end)),
                ), (
                    name,
                    text[:80],
                )
            assert _found(gate.search(text)) == _found(gate.rx.search(text)), (name, text[:80])


def _found(m: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | Any, ...]] | None:
    return None if m is None else (m.span(), m.groups())


def test_a_gate_skips_spans_without_its_words_only() -> None:
    gate = gated(re.compile(r"\b(?:held|met)\s+in\s+$", re.IGNORECASE))
    assert gate.required == (("held", "met"),)
    assert gate.search("talks were held in ", 0) is not None
    assert gate.search("they MET IN ") is not None
    assert gate.search("talks are planned in ") is None
    assert gate.search("talks were \u0130held in ") is None  # (no match either way)
    assert gate.search("they m\u0130t in ") is None

"""Masked features of an article for the learned talks decisions.

Entities and dates are replaced by their types before any word is read ("<country> and <country>
will meet in <place> on <date+>"), so no model can learn a country, venue, outlet or date: only the
wording around them. A date keeps one fact, where it lies from the publication day (+, 0, -, ?).
Training (train.py) and run time call the same functions, so the features cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from parley.shared.extraction import Entity

from .dates import FoundDate
from .skip_ahead import compile_skipping

_WORD = compile_skipping(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+")
MAX_SENTENCES = 8  # cue sentences read per article: the lede carries the news
_ENTITY_TOKENS = {
    "country": "<country>",
    "place": "<place>",
    "person": "<person>",
    "organisation": "<org>",
    "armed_group": "<group>",
}


def date_token(d: FoundDate, published: date) -> str:
    if d.start_date is None:
        return "<date?>"
    if d.start_date > published:
        return "<date+>"
    return "<date0>" if d.start_date == published else "<date->"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    token: str
    ref: str = ""  # the name an entity stands for, when it can take a role in talks


def role_name(e: Entity) -> str:
    """The name a mention would have as a party, mediator or venue ("" when none)."""
    if e.kind == "person":
        return e.country or ""
    return e.name


def spans_of(entities: Iterable[Entity], dates: Iterable[FoundDate], published: date) -> list[Span]:
    spans = [Span(e.start, e.end, _ENTITY_TOKENS.get(e.kind, "<name>"), role_name(e)) for e in entities]
    spans += [Span(d.start, d.end, date_token(d, published)) for d in dates]
    return sorted(spans, key=lambda s: (s.start, -s.end))


def masked_tokens(text: str, start: int, end: int, spans: list[Span]) -> list[str]:
    return [token for token, _ in masked_words(text, start, end, spans)]


def masked_words(text: str, start: int, end: int, spans: list[Span]) -> list[tuple[str, str]]:
    """(token, ref) for the words of text[start:end], each entity or date replaced by its type
    token and keeping the name it stands for in ref.

    A capitalised word the gazetteer does not know (an outlet, a person without a role, a venue
    it lacks) becomes "<cap>" too, except at the start of a sentence or in a title-case headline.
    """
    words: list[tuple[str, str]] = []
    at = start
    for span in spans:
        if span.end <= at or span.start < start:
            continue
        if span.start >= end:
            break
        words += _words(text, at, span.start)
        words.append((span.token, span.ref))
        at = span.end
    words += _words(text, at, end)
    plain = [w for w, _ in words if not w.startswith("<")]
    title_case = len(plain) >= 3 and sum(w[0].isupper() for w in plain) > len(plain) / 2
    out = []
    for i, (word, ref) in enumerate(words):
        if word.startswith("<"):
            out.append((word, ref))
        elif word.isdigit():
            out.append(("<num>", ""))
        elif word[0].isupper() and i > 0 and not title_case:
            out.append(("<cap>", ""))
        else:
            out.append((word.lower(), ""))
    return out


def _words(text: str, start: int, end: int) -> list[tuple[str, str]]:
    return [(m.group(), "") for m in _WORD.finditer(text, start, end)]


@dataclass(frozen=True)
class Passage:
    """A headline or cue sentence with its masked tokens."""

    kind: str  # "h" headline, "s" body sentence
    index: int
    text: str
    tokens: tuple[str, ...]
    refs: tuple[str, ...]  # per token: the name an entity token stands for, else ""


def cue_passages(
    title: str,
    title_spans: list[Span],
    text: str,
    cued: list[tuple[int, int, int]],
    spans: list[Span],
) -> list[Passage]:
    """The headline's and the cued sentences' passages (`cued`: index, start, end of each sentence
    that names talks)."""
    passages = []
    if title.strip():
        passages.append(_passage("h", 0, title, 0, len(title), title_spans))
    for i, start, end in cued:
        passages.append(_passage("s", i, text, start, end, spans))
        if len(passages) > MAX_SENTENCES:
            break
    return passages


_TRIGGER_WORD = compile_skipping(
    r"^(?:talks?|negotiations?|meet|meets|meeting|meetings|met|summit|summits|consultations|dialogue|"
    r"discussions|round|conference)$"
)
WINDOW = 5  # words either side of a cue word: the wording that says whether talks lie ahead
LEDE = 2  # the first cue sentences of the body also count as the lede


def _passage(kind: str, index: int, text: str, start: int, end: int, spans: list[Span]) -> Passage:
    words = masked_words(text, start, end, spans)
    return Passage(kind, index, text[start:end], tuple(w for w, _ in words), tuple(r for _, r in words))


def article_features(passages: list[Passage], facts: dict[str, float]) -> dict[str, float]:
    """The masked words around each cue word, by where they stand: headline ("h:"), body ("s:"),
    lede ("l:"); plus the sentence rules' facts under "r:"."""
    features: dict[str, float] = {}
    body = 0
    for p in passages:
        body += p.kind == "s"
        tokens = list(p.tokens)
        for i, token in enumerate(tokens):
            if not _TRIGGER_WORD.match(token):
                continue
            window = tokens[max(0, i - WINDOW) : i + WINDOW + 1]
            for word in window:  # single words: bigrams overfit 200 articles (grouped CV)
                features[f"{p.kind}:{word}"] = 1.0
            if p.kind == "s" and body <= LEDE:
                for word in window:
                    features[f"l:{word}"] = 1.0
    for key, value in facts.items():
        features[f"r:{key}"] = value
    return features

"""Deterministic, news-like English articles for benchmarks (~3 KB of JSON each).

`generate_articles(n, seed)` always returns the same articles for the same arguments, so every
benchmark (and every run) works on identical input. Each article is a dict in Parley's article
input schema: `title`, `published` (RFC 3339), `url` (unique per article, so ingest never drops
one as a duplicate), `text`, `source`, `language`, `tags`. About one article in four reports
upcoming or past talks, so extraction does the work it does on real news.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

TARGET_BYTES = 3 * 1024
SENTENCE_SLACK = 60  # stop a little early: the last sentence overshoots by half a sentence on average
DEFAULT_SEED = 20_240_601
EPOCH = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
PUBLISHED_WINDOW_MIN = 28 * 24 * 60

COUNTRIES = (
    "Ukraine", "Russia", "United States", "China", "India", "Pakistan", "Israel", "Iran", "Turkey",
    "Egypt", "Qatar", "Saudi Arabia", "Armenia", "Azerbaijan", "Serbia", "Kosovo", "Sudan",
    "Ethiopia", "Kenya", "Colombia", "Venezuela", "Brazil", "Germany", "France", "Japan",
    "South Korea", "Norway", "Switzerland", "Poland", "Mexico",
)  # fmt: skip
CITIES = (
    "Geneva", "Doha", "Istanbul", "Cairo", "Oslo", "Vienna", "Riyadh", "Nairobi", "Havana",
    "Brussels", "Abu Dhabi", "Muscat", "Helsinki", "Jeddah", "Addis Ababa", "Bogota",
)  # fmt: skip
PEOPLE = (
    ("Maria Lindqvist", "foreign minister"), ("Ahmed Haddad", "special envoy"),
    ("Elena Petrova", "deputy prime minister"), ("James Whitaker", "national security adviser"),
    ("Li Wei", "foreign ministry spokesman"), ("Fatima Okafor", "UN envoy"),
    ("Carlos Mendes", "chief negotiator"), ("Yusuf Demir", "presidential spokesman"),
    ("Anna Kowalski", "defence minister"), ("Hiroshi Tanaka", "trade minister"),
)  # fmt: skip
SOURCES = ("Reuters", "Associated Press", "Agence France-Presse", "BBC News", "Al Jazeera", "DW")
SECTIONS = ("world", "politics", "diplomacy", "business", "europe", "middle-east", "africa", "asia")
TOPICS = (
    "a ceasefire", "prisoner exchanges", "grain exports", "energy supplies", "border security",
    "the release of hostages", "sanctions relief", "a maritime corridor", "water rights",
    "humanitarian access", "troop withdrawals", "the nuclear programme", "trade tariffs",
)  # fmt: skip
NOUNS = (
    "officials", "diplomats", "analysts", "lawmakers", "residents", "negotiators", "observers",
    "investors", "aid workers", "military commanders", "opposition leaders", "market traders",
)  # fmt: skip
VERBS = (
    "said", "warned", "noted", "argued", "confirmed", "suggested", "acknowledged", "insisted",
    "cautioned", "told reporters",
)  # fmt: skip
ADJECTIVES = (
    "fragile", "tentative", "long-awaited", "difficult", "constructive", "unexpected", "renewed",
    "cautious", "significant", "limited", "broad", "early",
)  # fmt: skip
FILLER = (
    "Prices of staple goods rose again last month, adding pressure on households across the region.",
    "The central bank kept its key interest rate unchanged, citing uncertainty over the coming quarter.",
    "Heavy rain disrupted transport in the capital on Tuesday, and several flights were delayed.",
    "Opposition parties called for an independent inquiry into the handling of the budget.",
    "The ministry published new figures showing a modest recovery in industrial output.",
    "Local authorities said schools would reopen next week after repairs to damaged buildings.",
    "Shipping companies reported longer waiting times at the main container port.",
    "A parliamentary committee is expected to review the proposal before the end of the session.",
    "Humanitarian agencies said funding covered less than half of the needs identified this year.",
    "The prime minister's office declined to comment on reports of a cabinet reshuffle.",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(PEOPLE)


def _talks_sentences(rng: random.Random, a: str, b: str, city: str, when: datetime) -> list[str]:
    mediator = rng.choice([c for c in COUNTRIES if c not in (a, b)])
    day = when + timedelta(days=rng.randint(3, 40))
    name, role = _person(rng)
    return [
        f"Delegations from {a} and {b} will hold talks in {city} on {day:%B} {day.day}, "
        f"{day.year}, {name}, the {role}, said on {WEEKDAYS[when.weekday()]}.",
        "The meeting, mediated by {}, is expected to focus on {} and {}.".format(
            mediator, *rng.sample(TOPICS, 2)
        ),
        f"It would be the first direct round of negotiations between the two sides since "
        f"{rng.choice(['the spring', 'last year', 'the summer', 'January'])}.",
    ]


def _sentence(rng: random.Random, a: str, b: str) -> str:
    kind = rng.randrange(5)
    name, role = _person(rng)
    if kind == 0:
        return (
            f"{rng.choice(NOUNS).capitalize()} in {a} {rng.choice(VERBS)} that progress on "
            f"{rng.choice(TOPICS)} remained {rng.choice(ADJECTIVES)}."
        )
    if kind == 1:
        return (
            f'"We are ready to work with {b} on {rng.choice(TOPICS)}," {name}, the {role}, '
            f"{rng.choice(VERBS)} in a statement."
        )
    if kind == 2:
        return (
            f"The {rng.choice(ADJECTIVES)} contacts between {a} and {b} follow months of tension "
            f"over {rng.choice(TOPICS)}, according to {rng.choice(NOUNS)}."
        )
    if kind == 3:
        return (
            f"{name} {rng.choice(VERBS)} that any agreement would need the support of "
            f"{rng.choice(NOUNS)} in {rng.choice(COUNTRIES)}."
        )
    return rng.choice(FILLER)


def make_article(index: int, seed: int = DEFAULT_SEED, target_bytes: int = TARGET_BYTES) -> dict[str, Any]:
    """Article number `index` of the sequence for `seed` (independent of any other index)."""
    rng = random.Random(f"{seed}:{index}")
    a, b = rng.sample(COUNTRIES, 2)
    # Within four weeks of EPOCH whatever the index: ingest refuses dates more than two days ahead,
    # and the rate phases draw indices in the tens of millions.
    published = EPOCH + timedelta(minutes=(17 * index + rng.randint(0, 16)) % PUBLISHED_WINDOW_MIN)
    section = rng.choice(SECTIONS)
    talks = rng.random() < 0.25
    city = rng.choice(CITIES)
    if talks:
        title = f"{a} and {b} to hold talks in {city} on {rng.choice(TOPICS)}"
    else:
        title = f"{rng.choice(ADJECTIVES).capitalize()} signals from {a} as {b} weighs {rng.choice(TOPICS)}"
    slug = "-".join(title.lower().replace(",", "").split()[:8])
    article: dict[str, Any] = {
        "url": f"https://news.example.org/{section}/{published:%Y/%m/%d}/{slug}-{index}",
        "title": title,
        "published": published.isoformat().replace("+00:00", "Z"),
        "source": rng.choice(SOURCES),
        "language": "en",
        "tags": [section, a.lower(), b.lower()],
        "text": "",
    }
    overhead = len(json.dumps(article, ensure_ascii=False).encode("utf-8"))
    paragraphs: list[str] = []
    sentences: list[str] = _talks_sentences(rng, a, b, city, published) if talks else []
    size = overhead
    while size < target_bytes - SENTENCE_SLACK:
        sentence = _sentence(rng, a, b)
        sentences.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
        if len(sentences) >= rng.randint(3, 5):
            paragraphs.append(" ".join(sentences))
            size += 1
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    article["text"] = "\n\n".join(paragraphs)
    return article


def iter_articles(n: int, seed: int = DEFAULT_SEED, start: int = 0) -> Iterator[dict[str, Any]]:
    for index in range(start, start + n):
        yield make_article(index, seed)


def generate_articles(n: int, seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """`n` articles, the same ones every time for the same `seed`."""
    return list(iter_articles(n, seed))


def encode_article(article: dict[str, Any]) -> bytes:
    """The article as compact UTF-8 JSON (what a client would send)."""
    return json.dumps(article, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_jsonl(articles: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)

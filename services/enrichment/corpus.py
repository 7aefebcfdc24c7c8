"""The labelled talks corpus read at training and evaluation time, and its grouping into events.

Articles that report the same event (same parties, venue and start date in their labels) or that
share near-duplicate text belong to one group; held-out splits and cross-validation folds keep a
group whole on one side so a score never rewards remembering a sibling article.
Texts are read from ../shared/corpus/ at run time and never written into the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datasketch import MinHash, MinHashLSH

POSITIVE_LABELS = frozenset({"announcement", "update"})
NEAR_DUPLICATE = 0.5  # shingle Jaccard above which two texts count as one story
_WORD = re.compile(r"\w+")
_PERMUTATIONS = 128


@dataclass(frozen=True)
class Article:
    id: str
    published: str
    title: str
    text: str
    label: str
    expected: dict[str, Any] | None
    source: str  # the corpus file stem, e.g. "talks_train_a"

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE_LABELS


def read_corpus(path: Path) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            articles.append(
                Article(
                    id=str(row["id"]),
                    published=str(row.get("published") or ""),
                    title=str(row.get("title") or ""),
                    text=str(row.get("text") or ""),
                    label=str(row.get("label") or "negative"),
                    expected=row.get("expected"),
                    source=path.stem,
                )
            )
    return articles


def _event_key(article: Article) -> str | None:
    e = article.expected
    if not article.positive or not e:
        return None
    parties = "|".join(sorted(str(p).casefold() for p in e.get("parties") or []))
    return f"{parties}#{str(e.get('location') or '').casefold()}#{e.get('start_date')}"


def _minhash(text: str) -> MinHash:
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    m = MinHash(num_perm=_PERMUTATIONS, seed=1)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


class _Union:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_articles(articles: list[Article]) -> dict[str, str]:
    """Article id -> group id (the smallest article id in its group)."""
    union = _Union(a.id for a in articles)
    by_event: dict[str, str] = {}
    for a in articles:
        key = _event_key(a)
        if key is not None:
            union.join(a.id, by_event.setdefault(key, a.id))
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=_PERMUTATIONS)
    hashes = {a.id: _minhash(f"{a.title}\n{a.text}") for a in articles}
    for a in articles:
        for other in lsh.query(hashes[a.id]):
            if hashes[a.id].jaccard(hashes[other]) >= NEAR_DUPLICATE:
                union.join(a.id, other)
        lsh.insert(a.id, hashes[a.id])
    return {a.id: union.find(a.id) for a in articles}

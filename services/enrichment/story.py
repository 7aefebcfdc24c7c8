"""Near-duplicate story ids: articles whose word shingles mostly agree share one story id.

An article's MinHash signature (datasketch) is cut into LSH bands; two articles that share a band
are near-duplicates (Jaccard similarity around the threshold or above). The book of stories is a
plain mapping, so the same code runs over a dict (`parley extract`, tests) and over the
enrichment service's story table, whose changelog makes it survive restarts and whose single
partition gives every replica one view (`app.py`).

A new article joins the story of the articles it shares a band with; when they belong to several
stories, the story whose first article was published earliest wins, then the smallest id. With
no match it starts a story of its own, under its own id. An id, once given, never changes:
events are immutable, so a story keeps the id of the first copy that reached Parley.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, MutableMapping
from datetime import UTC, date, datetime
from typing import Any

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
SHINGLE = 3
MAX_WORDS = 2000  # the opening of an article identifies its story; bounds the cost on huge inputs
BUCKET_CAP = 32  # articles kept per band: a story's copies, and a few unrelated collisions
CAPACITY = 50_000  # articles remembered; older ones are forgotten (bounded memory)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())[:MAX_WORDS]
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def published_key(published: datetime | date | None) -> str:
    """A sortable text for the tie-break: ISO 8601 in UTC ("" when unknown sorts first)."""
    if published is None:
        return ""
    if isinstance(published, datetime):
        aware = published if published.tzinfo else published.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    return published.isoformat()


class Signer:
    """Cuts texts into LSH band keys; the hash permutations are built once, not per article."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 64) -> None:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands, self.rows = lsh.b, lsh.r
        self.num_perm = num_perm
        template = MinHash(num_perm=num_perm)
        self._permutations = template.permutations
        self._scheme = template.scheme

    def band_keys(self, text: str) -> tuple[str, ...]:
        """One key per band, "<band>:<hash of its rows>"; none for a text without words."""
        grams = shingles(text)
        if not grams:
            return ()
        signature = MinHash(num_perm=self.num_perm, permutations=self._permutations, scheme=self._scheme)
        signature.update_batch(list(grams))
        values = signature.hashvalues
        keys = []
        for band in range(self.bands):
            rows = values[band * self.rows : (band + 1) * self.rows]
            digest = hashlib.blake2b(rows.tobytes(), digest_size=8).hexdigest()
            keys.append(f"{band}:{digest}")
        return tuple(keys)


class StoryBook:
    """Story assignment over a mapping with three kinds of keys, all values plain strings (the
    book is the largest state enrichment keeps, and a str costs a fraction of a list or dict):

    - `a:<article id>` -> "<story>\t<root>\t<seq>\t<band> <band>...", root being the published
      key of the story's first article and seq the order it reached the book;
    - `b:<band key>` -> the ids of the newest articles with that band, space-separated (at most
      BUCKET_CAP);
    - `meta` -> "<next seq> <articles remembered>".

    Every change is an assignment, so a faust table writes it to its changelog. At most
    `capacity` articles are remembered: past `capacity` plus a tenth, the oldest are forgotten
    in one pass. An article costs about 1.8 KB of memory, keys included (tracemalloc over 20,000
    articles), so the default capacity holds at most about 100 MB.
    """

    def __init__(self, store: MutableMapping[str, Any], capacity: int = CAPACITY) -> None:
        self.store = store
        self.capacity = capacity

    def __len__(self) -> int:
        return self._meta()[1]

    def story_of(self, article_id: str) -> str | None:
        entry = self.store.get(f"a:{article_id}")
        return None if entry is None else str(entry).split("\t", 1)[0]

    def assign(self, article_id: str, published: str, bands: Iterable[str]) -> str:
        """The story id for `article_id` (stable: the same id always gets the same answer)."""
        known = self.story_of(article_id)
        if known is not None:
            return known
        bands = list(bands)
        if not bands:
            return article_id  # nothing to compare: a story of its own, not remembered
        stories: dict[str, str] = {}
        for band in bands:
            for other in self._bucket(band):
                entry = self.store.get(f"a:{other}")
                if entry is not None:
                    story, root, _ = str(entry).split("\t", 2)
                    stories[story] = root
        if stories:
            story, root = min(stories.items(), key=lambda item: (item[1], item[0]))
        else:
            story, root = article_id, published
        seq, count = self._meta()
        # Bands first, the article's entry after them, the counters last: a changelog keeps this
        # order, so an entry that survived a crash has its bands, and one asked again returns early.
        for band in bands:
            bucket = [a for a in self._bucket(band) if a != article_id]
            self.store[f"b:{band}"] = " ".join([*bucket, article_id][-BUCKET_CAP:])
        self.store[f"a:{article_id}"] = f"{story}\t{root}\t{seq}\t{' '.join(bands)}"
        self.store["meta"] = f"{seq + 1} {count + 1}"
        if count + 1 > self.capacity + self.capacity // 10:
            self._forget_oldest()
        return story

    def forget(self, article_id: str) -> None:
        """A takedown: the article leaves its bands, so no later copy joins a story through it.
        Articles that joined its story keep their story id (events are immutable)."""
        entry = self.store.get(f"a:{article_id}")
        if entry is None:
            return
        self._leave_bands(article_id, str(entry).split("\t")[3].split())
        del self.store[f"a:{article_id}"]
        seq, count = self._meta()
        self.store["meta"] = f"{seq} {max(0, count - 1)}"

    def _leave_bands(self, article_id: str, bands: list[str]) -> None:
        for band in bands:
            bucket = [a for a in self._bucket(band) if a != article_id]
            if bucket:
                self.store[f"b:{band}"] = " ".join(bucket)
            else:
                self.store.pop(f"b:{band}", None)

    def _bucket(self, band: str) -> list[str]:
        members = self.store.get(f"b:{band}")
        return str(members).split() if members else []

    def _meta(self) -> tuple[int, int]:
        meta = self.store.get("meta")
        if not meta:
            return 0, 0
        seq, count = str(meta).split()
        return int(seq), int(count)

    def _forget_oldest(self) -> None:
        entries: list[tuple[int, str, list[str]]] = []
        for key, value in list(self.store.items()):
            if key[:2] == "a:":
                _, _, order, band_text = str(value).split("\t")
                entries.append((int(order), key[2:], band_text.split()))
        entries.sort()
        excess = max(0, len(entries) - self.capacity)
        for _, article_id, forgotten in entries[:excess]:
            del self.store[f"a:{article_id}"]
            self._leave_bands(article_id, forgotten)
        next_seq, _ = self._meta()
        self.store["meta"] = f"{next_seq} {len(entries) - excess}"


class StoryIndex:
    """A story book in memory, for one process (`parley extract`, tests)."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 64, capacity: int = CAPACITY) -> None:
        self.signer = Signer(threshold, num_perm)
        self.book = StoryBook({}, capacity)

    def __len__(self) -> int:
        return len(self.book)

    def assign(self, article_id: str, text: str, published: datetime | date | None = None) -> str:
        known = self.book.story_of(article_id)
        if known is not None:
            return known
        return self.book.assign(article_id, published_key(published), self.signer.band_keys(text))

"""Near-duplicate story ids: articles whose word shingles mostly agree share one story id.

MinHash signatures with locality-sensitive hashing (datasketch): each new article is compared
only with the few earlier ones that share an LSH bucket, so assignment stays fast as the index
grows. The story id is the id of the first article seen for that story.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
SHINGLE = 3
MAX_WORDS = 2000  # the opening of an article identifies its story; bounds the cost on huge inputs


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())[:MAX_WORDS]
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


class StoryIndex:
    """Assigns each article to a story: the first earlier article it nearly duplicates, or itself."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 64, capacity: int = 50_000) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.capacity = capacity  # newest articles kept; older ones are forgotten (bounded memory)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # The hash permutations are the same for every signature: build them once, not per article.
        template = MinHash(num_perm=num_perm)
        self._permutations = template.permutations
        self._scheme = template.scheme
        self._story: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._seq = 0

    def __len__(self) -> int:
        return len(self._story)

    def assign(self, article_id: str, text: str) -> str:
        """The story id for `article_id` (stable: the same id always gets the same answer)."""
        if article_id in self._story:
            return self._story[article_id]
        grams = shingles(text)
        if not grams:
            self._story[article_id] = article_id
            return article_id
        signature = MinHash(num_perm=self.num_perm, permutations=self._permutations, scheme=self._scheme)
        signature.update_batch(list(grams))
        matches = [m for m in self._lsh.query(signature) if m in self._story]
        story = self._story[min(matches, key=self._order.__getitem__)] if matches else article_id
        self._lsh.insert(article_id, signature)
        self._story[article_id] = story
        self._order[article_id] = self._seq
        self._seq += 1
        if len(self._order) > self.capacity:
            self._forget_oldest()
        return story

    def _forget_oldest(self) -> None:
        oldest = next(iter(self._order))  # dicts keep insertion order: the first is the oldest
        del self._order[oldest]
        self._story.pop(oldest, None)
        self._lsh.remove(oldest)

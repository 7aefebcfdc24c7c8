"""Set aside a grouped 25% of the training articles as a held-out test split (ids only).

    python -m parley.services.enrichment.heldout [CORPUS_DIR]

Groups (same labelled event or near-duplicate text, see corpus.py) stay whole on one side. The
split is stratified by training file and by whether the group holds an announcement, and drawn
with a fixed seed, so rerunning it writes the same file. Nothing is trained or tuned on these ids.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

from .corpus import Article, group_articles, read_corpus

TRAIN_FILES = ("talks_train_a.jsonl", "talks_train_b.jsonl")
HELDOUT_FILE = Path(__file__).parent / "models" / "heldout_ids.txt"
SHARE = 0.25
SEED = 20261202


def default_corpus_dir() -> Path:
    import os

    return Path(os.environ.get("PARLEY_SHARED_DIR", "../shared")) / "corpus"


def training_articles(corpus_dir: Path) -> list[Article]:
    return [a for name in TRAIN_FILES for a in read_corpus(corpus_dir / name)]


def choose_heldout(articles: list[Article]) -> list[str]:
    groups = group_articles(articles)
    members: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        members[groups[a.id]].append(a)
    strata: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for gid in sorted(members):
        strata[(members[gid][0].source, any(a.positive for a in members[gid]))].append(gid)
    rng = random.Random(SEED)
    chosen: list[str] = []
    for key in sorted(strata):
        gids = strata[key]
        rng.shuffle(gids)
        target = round(SHARE * sum(len(members[g]) for g in gids))
        taken = 0
        for gid in gids:
            if taken >= target:
                break
            if taken + len(members[gid]) > target + 1:
                continue  # a big group would overshoot: leave it on the training side
            chosen += [a.id for a in members[gid]]
            taken += len(members[gid])
    return sorted(chosen)


def load_heldout(path: Path = HELDOUT_FILE) -> frozenset[str]:
    return frozenset(line.strip() for line in path.read_text().splitlines() if line.strip())


def main(argv: list[str]) -> int:
    corpus_dir = Path(argv[1]) if len(argv) > 1 else default_corpus_dir()
    ids = choose_heldout(training_articles(corpus_dir))
    HELDOUT_FILE.write_text("".join(f"{i}\n" for i in ids))
    print(f"{len(ids)} held-out ids written to {HELDOUT_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

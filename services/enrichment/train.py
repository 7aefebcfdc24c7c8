"""Train the talks decision model from the labelled corpus and report grouped cross-validation.

    python -m parley.services.enrichment.train [SHARED_DIR] [--cv-only]

Reads ../shared/corpus/talks_train_{a,b}.jsonl at run time, leaves out the held-out split
(models/heldout_ids.txt), masks entities and dates (talks_features.py) and fits an L2 logistic
regression (scikit-learn, liblinear, fixed seed, one thread). The written JSON holds weights over
masked n-grams only, rounded, with sorted keys: rerunning rewrites the same bytes.
Grouped 5-fold cross-validation (groups from corpus.py) scores the whole extraction with the
shared scorer on the out-of-fold articles.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.shared.extraction import TalksRecord

from .cleaning import clean_article
from .corpus import Article, group_articles
from .dates import find_dates
from .entities import extract_entities
from .evaluate import load_scorer, report
from .heldout import load_heldout, training_articles
from .language import detect_language
from .talks_cues import TRIGGER
from .talks_events import Candidates, assemble, candidates
from .talks_extraction import is_diplomatic
from .talks_model import DECISION_MODEL, MODEL_DIR, LinearModel

SEED = 7
FOLDS = 5
C = 0.5  # inverse L2 strength, chosen by grouped CV on the training side only
MIN_ARTICLES = 2  # a feature seen in fewer training articles is dropped: no one-off phrases
DIGITS = 5


@dataclass(frozen=True)
class Prepared:
    article: Article
    published: datetime.date
    candidates: Candidates | None  # None: not English or no cue word, no talks at all


def prepare(article: Article) -> Prepared:
    """The same steps as extract_article, stopped before the decision."""
    day = datetime.date.fromisoformat(article.published[:10])
    title = " ".join(article.title.split())
    clean = clean_article(article.text, title=title).text
    if not clean or detect_language(clean) != "en":
        return Prepared(article, day, None)
    if not is_diplomatic(title, clean) or not (TRIGGER.search(clean) or TRIGGER.search(title)):
        return Prepared(article, day, None)
    entities = extract_entities(clean)
    dates = find_dates(clean, day)
    return Prepared(article, day, candidates(clean, title, day, entities, dates))


def predict(p: Prepared, model: LinearModel) -> dict[str, Any]:
    records: list[TalksRecord] = [] if p.candidates is None else assemble(p.candidates, p.published, model)
    talks = []
    for r in records:
        row = r.model_dump(mode="json")
        row["mediator"] = ", ".join(r.mediators) or None
        talks.append(row)
    return {"id": p.article.id, "talks": talks}


def fit(rows: list[Prepared], c: float = C) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    usable = [r for r in rows if r.candidates is not None]
    counts: dict[str, int] = {}
    for r in usable:
        assert r.candidates is not None
        for key in r.candidates.features:
            counts[key] = counts.get(key, 0) + 1
    kept = {k for k, n in counts.items() if n >= MIN_ARTICLES}
    x_rows = [{k: v for k, v in r.candidates.features.items() if k in kept} for r in usable if r.candidates]
    y = [int(r.article.positive) for r in usable]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(x_rows).toarray()  # small; liblinear wants 32-bit sparse indices
    clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit(x, y)
    weights = {
        name: round(float(w), DIGITS)
        for name, w in zip(vectorizer.get_feature_names_out(), clf.coef_[0], strict=True)
        if round(float(w), DIGITS) != 0.0
    }
    return LinearModel("talks_decision", round(float(clf.intercept_[0]), DIGITS), 0.5, weights)


def cross_validate(rows: list[Prepared], c: float = C) -> list[dict[str, Any]]:
    """Out-of-fold predictions of grouped 5-fold CV (each group whole in one fold)."""
    from sklearn.model_selection import StratifiedGroupKFold

    groups = group_articles([r.article for r in rows])
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    y = [int(r.article.positive) for r in rows]
    predictions: list[dict[str, Any]] = []
    for train_index, test_index in folds.split(rows, y, [groups[r.article.id] for r in rows]):
        model = fit([rows[i] for i in train_index], c)
        predictions += [predict(rows[i], model) for i in test_index]
    return predictions


def _rows(shared_dir: Path) -> list[Prepared]:
    heldout = load_heldout()
    articles = [a for a in training_articles(shared_dir / "corpus") if a.id not in heldout]
    return [prepare(a) for a in articles]


def build_models(shared_dir: Path) -> dict[str, str]:
    """File name -> exact text of every model `make train` writes."""
    return {DECISION_MODEL: fit(_rows(shared_dir)).to_json()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_dir", type=Path, nargs="?", default=Path("../shared"))
    parser.add_argument("--cv-only", action="store_true", help="report cross-validation, write nothing")
    parser.add_argument("--c", type=float, default=C)
    args = parser.parse_args(argv[1:])
    rows = _rows(args.shared_dir)
    scorer = load_scorer(args.shared_dir)
    gold = {r.article.id: {"label": r.article.label, "expected": r.article.expected} for r in rows}
    oof = cross_validate(rows, args.c)
    print(
        report(
            f"grouped {FOLDS}-fold CV, training files minus held-out",
            scorer.score(gold, {p["id"]: p for p in oof}),
        )
    )
    if not args.cv_only:
        model = fit(rows, args.c)
        (MODEL_DIR / DECISION_MODEL).write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {MODEL_DIR / DECISION_MODEL}: {len(model.weights)} weights, C={args.c}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

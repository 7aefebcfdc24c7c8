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
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from parley.shared.extraction import TalksRecord

from .cleaning import clean_article
from .corpus import Article, group_articles
from .dates import find_dates
from .entities import extract_entities
from .evaluate import load_scorer, report
from .heldout import load_heldout, training_articles
from .language import detect_language
from .talks_cues import names_talks
from .talks_events import Candidates, assemble, candidates
from .talks_extraction import is_diplomatic
from .talks_model import DECISION_MODEL, MODEL_DIR, ROLES_MODEL, LinearModel, SoftmaxModel
from .talks_roles import ROLES

SEED = 7
FOLDS = 5
C = 0.5  # inverse L2 strength, chosen by grouped CV on the training side only
ROLES_C = (
    0.25  # stronger than the decision's: roles have ~900 features over ~80 articles (grouped CV, 5 seeds)
)
MIN_ARTICLES = 2  # a feature seen in fewer training articles is dropped: no one-off phrases
DIGITS = 5
RULE_FEATURES = frozenset({"r", "rule"})
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")  # as talks_features reads words


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
    if not (names_talks(clean) or names_talks(title)):
        return Prepared(article, day, None)
    entities = extract_entities(clean)
    if not is_diplomatic(title, clean, entities):
        return Prepared(article, day, None)
    dates = find_dates(clean, day)
    return Prepared(article, day, candidates(clean, title, day, entities, dates))


def predict(p: Prepared, model: LinearModel, roles: SoftmaxModel | None) -> dict[str, Any]:
    c = p.candidates
    records: list[TalksRecord] = [] if c is None else assemble(c, p.published, model, roles)
    talks = []
    for r in records:
        row = r.model_dump(mode="json")
        row["mediator"] = ", ".join(r.mediators) or None
        talks.append(row)
    return {"id": p.article.id, "talks": talks}


def common_words(rows: list[Prepared]) -> frozenset[str]:
    """Words the training texts write in lower case somewhere: ordinary vocabulary.

    Masking turns unknown capitalised words into "<cap>" except at a sentence start or in a
    title-case headline, where a name (a leader, an outlet) could pass as a word; a feature is
    kept only if each of its words is also written in lower case, so no name reaches a model.
    """
    return frozenset(
        w for r in rows for w in WORD.findall(f"{r.article.title} {r.article.text}") if w.islower()
    )


def ordinary(feature: str, words: frozenset[str]) -> bool:
    """True when every word of a feature is a type token, a rule mark or a common word."""
    prefix, _, gram = feature.partition(":")
    if prefix in RULE_FEATURES:  # named by our own rules, not read from the text
        return True
    for token in gram.replace("|", " ").split():
        if token.startswith("<") or "=" in token or token in {"^", "$"} or token.isdigit():
            continue
        if token not in words:
            return False
    return True


def fit(rows: list[Prepared], c: float = C) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    usable = [r for r in rows if r.candidates is not None]
    counts: dict[str, int] = {}
    for r in usable:
        assert r.candidates is not None
        for key in r.candidates.features:
            counts[key] = counts.get(key, 0) + 1
    words = common_words(rows)
    kept = {k for k, n in counts.items() if n >= MIN_ARTICLES and ordinary(k, words)}
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


def role_label(scorer: ModuleType, expected: dict[str, Any], name: str) -> str:
    """The role a name plays in a labelled event, compared the way the scorer compares names."""
    mediators = set(scorer.names(expected.get("mediator")))
    parties = set(scorer.names(expected.get("parties"))) - mediators
    key = scorer.party(name)
    if key in parties:
        return "party"
    if key in mediators:
        return "mediator"
    venues = {scorer.place(v) for v in [expected.get("location"), *expected.get("location_alt", [])] if v}
    return "venue" if scorer.place(name) in venues else "other"


def fit_roles(rows: list[Prepared], scorer: ModuleType) -> SoftmaxModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x_rows: list[dict[str, float]] = []
    y: list[str] = []
    for r in rows:
        if r.candidates is None or not r.article.positive or not r.article.expected:
            continue
        for name, features in r.candidates.names.items():
            x_rows.append(features)
            y.append(role_label(scorer, r.article.expected, name))
    counts: dict[str, int] = {}
    for f in x_rows:
        for key in f:
            counts[key] = counts.get(key, 0) + 1
    words = common_words(rows)
    kept = [{k: v for k, v in f.items() if counts[k] >= MIN_ARTICLES and ordinary(k, words)} for f in x_rows]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept).toarray()
    clf = LogisticRegression(C=ROLES_C, solver="lbfgs", max_iter=2000, random_state=SEED)
    clf.fit(x, y)
    order = [list(clf.classes_).index(c) for c in ROLES]
    weights = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        row = tuple(round(float(clf.coef_[i][j]), DIGITS) for i in order)
        if any(row):
            weights[str(name)] = row
    bias = tuple(round(float(clf.intercept_[i]), DIGITS) for i in order)
    return SoftmaxModel("talks_roles", ROLES, bias, weights)


def cross_validate(rows: list[Prepared], scorer: ModuleType, c: float = C) -> list[dict[str, Any]]:
    """Out-of-fold predictions of grouped 5-fold CV (each group whole in one fold)."""
    from sklearn.model_selection import StratifiedGroupKFold

    groups = group_articles([r.article for r in rows])
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    y = [int(r.article.positive) for r in rows]
    predictions: list[dict[str, Any]] = []
    for train_index, test_index in folds.split(rows, y, [groups[r.article.id] for r in rows]):
        model = fit([rows[i] for i in train_index], c)
        roles = fit_roles([rows[i] for i in train_index], scorer)
        predictions += [predict(rows[i], model, roles) for i in test_index]
    return predictions


def _rows(shared_dir: Path) -> list[Prepared]:
    heldout = load_heldout()
    articles = [a for a in training_articles(shared_dir / "corpus") if a.id not in heldout]
    return [prepare(a) for a in articles]


def build_models(shared_dir: Path) -> dict[str, str]:
    """File name -> exact text of every model `make train` writes."""
    rows = _rows(shared_dir)
    scorer = load_scorer(shared_dir)
    return {DECISION_MODEL: fit(rows).to_json(), ROLES_MODEL: fit_roles(rows, scorer).to_json()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_dir", type=Path, nargs="?", default=Path("../shared"))
    parser.add_argument("--cv-only", action="store_true", help="report cross-validation, write nothing")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument(
        "--out", type=Path, default=Path("build/eval"), help="out-of-fold predictions go here"
    )
    args = parser.parse_args(argv[1:])
    rows = _rows(args.shared_dir)
    scorer = load_scorer(args.shared_dir)
    gold = {r.article.id: {"label": r.article.label, "expected": r.article.expected} for r in rows}
    oof = cross_validate(rows, scorer, args.c)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "cv.predictions.jsonl").open("w", encoding="utf-8") as sink:
        sink.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in oof)
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
        roles = fit_roles(rows, scorer)
        (MODEL_DIR / ROLES_MODEL).write_text(roles.to_json(), encoding="utf-8")
        print(f"wrote {MODEL_DIR / ROLES_MODEL}: {len(roles.weights)} features x {len(ROLES)} roles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

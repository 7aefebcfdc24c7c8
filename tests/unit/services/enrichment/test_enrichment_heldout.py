"""The held-out split: reproducible from the corpus, a quarter of it, groups kept whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parley.services.enrichment.corpus import Article, group_articles
from parley.services.enrichment.heldout import choose_heldout, load_heldout, training_articles

ROOT = Path(__file__).resolve().parents[4]
CORPUS = Path(os.environ.get("PARLEY_SHARED_DIR", ROOT.parent / "shared")) / "corpus"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    if not (CORPUS / "talks_train_a.jsonl").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CORPUS} is missing (set PARLEY_SHARED_DIR)")
        pytest.skip(f"{CORPUS} is missing (set PARLEY_SHARED_DIR)")
    return training_articles(CORPUS)


def test_shipped_split_is_rebuilt_from_the_corpus(articles: list[Article]) -> None:
    assert frozenset(choose_heldout(articles)) == load_heldout()


def test_split_is_a_quarter_and_keeps_groups_whole(articles: list[Article]) -> None:
    heldout = load_heldout()
    assert abs(len(heldout) - 0.25 * len(articles)) <= 3
    groups = group_articles(articles)
    for a in articles:
        siblings = {b.id for b in articles if groups[b.id] == groups[a.id]}
        assert (siblings <= heldout) or not (siblings & heldout)


def test_same_event_and_near_duplicates_are_grouped() -> None:
    event = {"parties": ["Lakeport", "Harbourtown"], "location": "Geneva", "start_date": "2030-05-02"}
    body = "Envoys of Lakeport and Harbourtown will meet in Geneva next week to discuss the border. " * 3
    rows = [
        Article("x1", "2030-04-28", "", "First wording of the plan.", "announcement", event, "t"),
        Article("x2", "2030-04-29", "", "Another outlet's wording.", "announcement", event, "t"),
        Article("x3", "2030-04-28", "A", body, "negative", None, "t"),
        Article("x4", "2030-04-28", "B", body + " Officials said.", "negative", None, "t"),
        Article("x5", "2030-04-28", "C", "Unrelated text about harvests and rain.", "negative", None, "t"),
    ]
    groups = group_articles(rows)
    assert groups["x1"] == groups["x2"] and groups["x3"] == groups["x4"]
    assert len({groups["x1"], groups["x3"], groups["x5"]}) == 3

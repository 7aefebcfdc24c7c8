"""The shipped talks models are exactly what `make train` rebuilds from the corpus."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from parley.services.enrichment import train
from parley.services.enrichment.talks_model import (
    DECISION_MODEL,
    MODEL_DIR,
    LinearModel,
    SoftmaxModel,
    load_model,
    load_roles,
)

ROOT = Path(__file__).resolve().parents[4]
SHARED = Path(os.environ.get("PARLEY_SHARED_DIR", ROOT.parent / "shared"))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_retraining_rebuilds_the_shipped_model_bit_for_bit() -> None:
    if not (SHARED / "corpus" / "talks_train_a.jsonl").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED}/corpus is missing (set PARLEY_SHARED_DIR)")
        pytest.skip(f"{SHARED}/corpus is missing (set PARLEY_SHARED_DIR)")
    rebuilt = train.build_models(SHARED)
    shipped = {name: (MODEL_DIR / name).read_text(encoding="utf-8") for name in rebuilt}
    assert {n: _sha(t) for n, t in rebuilt.items()} == {n: _sha(t) for n, t in shipped.items()}


def test_model_file_holds_only_masked_features() -> None:
    model = load_model(DECISION_MODEL)
    assert model.weights
    for feature in model.weights:
        prefix, _, gram = feature.partition(":")
        assert prefix in {"h", "s", "l", "r"}
        if prefix != "r":
            assert all(w.startswith("<") or w.islower() for w in gram.split()), feature


def test_role_model_holds_only_masked_context() -> None:
    roles = load_roles()
    assert roles.classes == ("party", "mediator", "venue", "other")
    for feature in roles.weights:
        prefix, _, gram = feature.partition(":")
        assert prefix in {"L", "R", "LR", "type", "in", "cue", "count", "order", "rule"}, feature
        words = gram.replace("|", " ").split()
        assert all(w.startswith("<") or w.islower() or w in {"^", "$"} or w.isdigit() for w in words), feature


def test_softmax_model_round_trips() -> None:
    model = SoftmaxModel("r", ("party", "other"), (0.0, 0.0), {"L:between": (2.0, -2.0)})
    assert SoftmaxModel.from_json(model.to_json()) == model
    p = model.probabilities({"L:between": 1.0})
    assert p["party"] > 0.9 and abs(sum(p.values()) - 1) < 1e-9


def test_linear_model_round_trips_and_scores() -> None:
    model = LinearModel("m", bias=-1.0, threshold=0.5, weights={"s:will meet": 2.5})
    again = LinearModel.from_json(model.to_json())
    assert again == model
    assert again.decide({"s:will meet": 1.0}) and not again.decide({"s:met": 1.0})


def test_a_capitalised_name_passing_as_a_word_never_becomes_a_feature() -> None:
    words = frozenset({"will", "meet", "in", "talks"})
    # At a headline's start or in title case, masking lowercases a name it does not know.
    assert not train.ordinary("h:lakeport", words)
    assert not train.ordinary("s:<country> vanderlyn will", words)
    assert train.ordinary("s:<country> will meet", words)
    assert train.ordinary("r:upcoming_dated", words)  # named by a rule, not read from text
    assert train.ordinary("LR:<country>|meet", words)

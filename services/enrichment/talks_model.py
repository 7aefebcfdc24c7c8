"""Linear models shipped as JSON and applied with plain Python (no scikit-learn at run time).

A model file holds a bias, a decision threshold and one weight per masked feature
(talks_features.py); `make train` writes them (train.py) and nothing else does.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).parent / "models"
DECISION_MODEL = "talks_decision.json"
ROLES_MODEL = "talks_roles.json"


@dataclass(frozen=True)
class LinearModel:
    name: str
    bias: float
    threshold: float
    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def decide(self, features: dict[str, float]) -> bool:
        return self.score(features) >= self.threshold

    def to_json(self) -> str:
        """Deterministic text: sorted keys, floats already rounded by the trainer."""
        body = {"name": self.name, "bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        return json.dumps(body, sort_keys=True, indent=0, ensure_ascii=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        raw = json.loads(text)
        return cls(
            name=str(raw["name"]),
            bias=float(raw["bias"]),
            threshold=float(raw["threshold"]),
            weights={str(k): float(v) for k, v in raw["weights"].items()},
        )


@lru_cache(maxsize=4)
def load_model(filename: str = DECISION_MODEL) -> LinearModel:
    return LinearModel.from_json((MODEL_DIR / filename).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class SoftmaxModel:
    """Multinomial linear model: one weight per (feature, class), classes in a fixed order."""

    name: str
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        z = list(self.bias)
        for key, value in features.items():
            row = self.weights.get(key)
            if row is not None:
                for i, w in enumerate(row):
                    z[i] += w * value
        top = max(z)
        exps = [math.exp(v - top) for v in z]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def to_json(self) -> str:
        body = {
            "name": self.name,
            "classes": list(self.classes),
            "bias": list(self.bias),
            "weights": {k: list(v) for k, v in self.weights.items()},
        }
        return json.dumps(body, sort_keys=True, indent=0, ensure_ascii=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> SoftmaxModel:
        raw = json.loads(text)
        return cls(
            name=str(raw["name"]),
            classes=tuple(str(c) for c in raw["classes"]),
            bias=tuple(float(b) for b in raw["bias"]),
            weights={str(k): tuple(float(w) for w in v) for k, v in raw["weights"].items()},
        )


@lru_cache(maxsize=4)
def load_roles(filename: str = ROLES_MODEL) -> SoftmaxModel:
    return SoftmaxModel.from_json((MODEL_DIR / filename).read_text(encoding="utf-8"))

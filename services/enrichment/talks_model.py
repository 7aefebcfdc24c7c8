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

"""Which role each named state, group, organisation or place plays in an article's talks.

A name is classed as a party, a mediator (host who convenes, broker, facilitator), the venue, or
other (topic, speaker, a past venue...). Its features are the masked words around every mention
of it in the headline and the cue sentences (talks_features.py), where it stands (headline, lede,
body), how often and how early it is named: never the name itself, so the model learns the
wording of roles ("<country> and <country> will meet", "brokered by <country>", "in <place>"),
not who tends to mediate.
"""

from __future__ import annotations

from itertools import pairwise

from .skip_ahead import compile_skipping
from .talks_features import LEDE, Passage

ROLES = ("party", "mediator", "venue", "other")
SIDE = 3  # words each side of a mention
_CUE = compile_skipping(
    r"^(?:talks?|negotiations?|meet|meets|meeting|meetings|summit|summits|consultations|dialogue|"
    r"discussions|round|conference|host|hosts|hosted|hosting|brokered|mediated|mediation|visit)$"
)


def _grams(tokens: list[str], prefix: str) -> list[str]:
    return [f"{prefix}{t}" for t in tokens] + [f"{prefix}{a} {b}" for a, b in pairwise(tokens)]


def name_features(passages: tuple[Passage, ...] | list[Passage]) -> dict[str, dict[str, float]]:
    """Role features of every name the passages mention, in order of first mention."""
    features: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}
    body = 0
    for p in passages:
        body += p.kind == "s"
        where = "h" if p.kind == "h" else "l" if body <= LEDE else "s"
        tokens = list(p.tokens)
        for i, ref in enumerate(p.refs):
            if not ref:
                continue
            f = features.setdefault(ref, {"order": float(len(features) < 3)})
            counts[ref] = counts.get(ref, 0) + 1
            left, right = tokens[max(0, i - SIDE) : i], tokens[i + 1 : i + 1 + SIDE]
            for gram in _grams(left, "L:") + _grams(right, "R:"):
                f[gram] = 1.0
            f[f"LR:{left[-1] if left else '^'}|{right[0] if right else '$'}"] = 1.0
            f[f"type:{tokens[i]}"] = 1.0
            f[f"in:{where}"] = 1.0
            near = tokens[max(0, i - 6) : i + 7]
            if any(_CUE.match(t) for t in near):
                f[f"cue:{where}"] = 1.0
    for ref, n in counts.items():
        features[ref][f"count:{min(n, 4)}"] = 1.0
    return features

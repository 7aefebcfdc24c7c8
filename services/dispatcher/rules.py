"""Subscription rules (YAML): which alerts go to which webhooks. Loading and validation only.

    version: 1
    rules:
      - name: gulf-talks             # unique; the `rule` label of the metrics
        events: [announced, updated] # announced, updated, corroborated (default: announced, updated)
        parties: [Iran]              # every one of these is a party or mediator
        any_of: [Oman, Qatar]        # at least one of these is
        countries: [Switzerland]     # a party, mediator or the place is one of these
        places: [Geneva, Doha]       # the talks' place is one of these
        statuses: [announced, rescheduled, postponed]
        min_confidence: 0.6
        min_sources: 2               # wait until 2 independent outlets reported it
        webhooks: [ops, slack]       # endpoint names (default: every endpoint)
        quiet_period: 10m            # no updates about the same talks within 10 minutes of the last
        rate_limit: {count: 20, per: 1h}

Every mistake is reported with its line number and the reason (`ConfigError`, exit 2 at start).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from parley.shared.errors import ConfigError
from parley.shared.extraction import TALKS_STATUSES

# libyaml when present: the pure-Python scanner takes seconds on a few KB of nested brackets
# (`[[[…`); libyaml refuses nesting past 1000 levels at once.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
EVENT_TYPES = ("announced", "updated", "corroborated")
DEFAULT_EVENTS = frozenset({"announced", "updated"})
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$")
UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, None: 1.0}
RULE_KEYS = frozenset(
    {
        "name",
        "events",
        "parties",
        "any_of",
        "countries",
        "places",
        "statuses",
        "min_confidence",
        "min_sources",
        "webhooks",
        "quiet_period",
        "rate_limit",
    }
)


@dataclass(frozen=True)
class RateLimit:
    count: int
    per_s: float


@dataclass(frozen=True)
class Rule:
    name: str
    events: frozenset[str] = DEFAULT_EVENTS
    parties: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    statuses: frozenset[str] = frozenset()
    min_confidence: float = 0.0
    min_sources: int = 1
    webhooks: tuple[str, ...] | None = None  # None: every configured endpoint
    quiet_period_s: float = 0.0
    rate_limit: RateLimit | None = None


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    source: str = "default"


def default_rules() -> Rules:
    return Rules((Rule(name="default"),), "default")


def load_rules(path: Path | None, webhook_names: Iterable[str]) -> Rules:
    """The rules in `path` (the default rule when None); ConfigError naming every bad line."""
    if path is None:
        return default_rules()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read rules file: {exc.strerror or exc}"]) from None
    return parse_rules(text, webhook_names, str(path))


def parse_rules(text: str, webhook_names: Iterable[str], source: str = "rules") -> Rules:
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ConfigError([f"{source}:{line}: not valid YAML: {exc.problem or exc}"]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (NUL and other controls)
        line = text.count("\n", 0, exc.position) + 1
        raise ConfigError([f"{source}:{line}: not valid YAML: {exc.reason}"]) from None
    except RecursionError:
        raise ConfigError([f"{source}:1: not valid YAML: nested too deeply"]) from None
    checker = _Checker(source, frozenset(webhook_names))
    try:
        rules = checker.document(root)
    except RecursionError:
        raise ConfigError([f"{source}:1: a value is nested too deeply"]) from None
    if checker.problems:
        raise ConfigError(checker.problems)
    return Rules(tuple(rules), source)


def parse_duration(value: Any) -> float | None:
    """Seconds from `90`, `1.5`, `500ms`, `30s`, `10m`, `2h`, `1d`; None when not a duration."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value >= 0 else None
    match = DURATION.fullmatch(str(value).strip())
    if not match:
        return None
    return float(match.group(1)) * UNITS[match.group(2)]


class _Unreadable(Exception):
    """A value YAML can't construct (an unknown tag, a timestamp such as 2020-13-45, an integer
    over Python's 4,300 digits); the problem is already recorded."""


class _Checker:
    """Walks the composed YAML nodes (which keep line marks) and collects every problem."""

    def __init__(self, source: str, webhooks: frozenset[str]) -> None:
        self.source = source
        self.webhooks = webhooks
        self.problems: list[str] = []
        self._constructor = SafeConstructor()

    def fail(self, node: Node | None, reason: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(f"{self.source}:{line}: {reason}")

    def value(self, node: Node) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            reason = getattr(exc, "problem", None) or str(exc)
        except (ValueError, OverflowError) as exc:
            reason = str(exc)
        self.fail(node, f"cannot read this value: {reason[:120]}")
        raise _Unreadable

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} must be a mapping")
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
            if key in out:
                self.fail(key_node, f"{what}: {key!r} given twice")
            out[key] = (key_node, value_node)
        return out

    def document(self, root: Node | None) -> list[Rule]:
        if root is None:
            self.fail(None, "empty rules file: expected `rules:` with at least one rule")
            return []
        top = self.mapping(root, "the rules file")
        if top is None:
            return []
        for key, (key_node, value_node) in top.items():
            if key == "version":
                with contextlib.suppress(_Unreadable):
                    if self.value(value_node) != 1:
                        self.fail(value_node, "version must be 1")
            elif key != "rules":
                self.fail(key_node, f"unknown key {key!r} (expected version, rules)")
        if "rules" not in top:
            self.fail(root, "missing `rules:`")
            return []
        rules_node = top["rules"][1]
        if not isinstance(rules_node, SequenceNode) or not rules_node.value:
            self.fail(rules_node, "rules must be a non-empty list")
            return []
        rules = [self.rule(n) for n in rules_node.value]
        seen: set[str] = set()
        for node in rules_node.value:
            name = self._name_of(node)
            if name is not None and name in seen:
                self.fail(node, f"rule name {name!r} is used twice")
            if name is not None:
                seen.add(name)
        return [r for r in rules if r is not None]

    @staticmethod
    def _name_of(node: Node) -> str | None:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value == "name" and isinstance(value, ScalarNode):
                    return str(value.value)
        return None

    def strings(self, node: Node, key: str) -> tuple[str, ...] | None:
        value = self.value(node)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(node, f"{key} must be a list of names")
            return None
        return tuple(v.strip() for v in value)

    def rule(self, node: Node) -> Rule | None:
        fields = self.mapping(node, "a rule")
        if fields is None:
            return None
        before = len(self.problems)
        out: dict[str, Any] = {}
        for key, (key_node, value_node) in fields.items():
            if key not in RULE_KEYS:
                self.fail(
                    key_node, f"unknown rule key {key!r} (expected one of {', '.join(sorted(RULE_KEYS))})"
                )
                continue
            with contextlib.suppress(_Unreadable):
                self.field(key, value_node, out)
        if "name" not in fields:
            self.fail(node, "a rule needs a name")
        if len(self.problems) > before:
            return None
        return Rule(**out)

    def field(self, key: str, node: Node, out: dict[str, Any]) -> None:
        value = self.value(node)
        if key == "name":
            if not isinstance(value, str) or not NAME.fullmatch(value):
                self.fail(node, "name must be 1-40 of a-z, 0-9, '-', '_' (it becomes a metric label)")
            out["name"] = str(value)
        elif key in ("events", "statuses"):
            allowed = EVENT_TYPES if key == "events" else TALKS_STATUSES
            names = self.strings(node, key)
            bad = [n for n in names or () if n not in allowed]
            if bad:
                self.fail(node, f"{key}: unknown {', '.join(bad)} (expected {', '.join(allowed)})")
            out[key] = frozenset(names or ())
        elif key in ("parties", "any_of", "countries", "places"):
            out[key] = self.strings(node, key) or ()
        elif key == "webhooks":
            names = self.strings(node, key) or ()
            unknown = [n for n in names if n not in self.webhooks]
            if unknown:
                known = ", ".join(sorted(self.webhooks)) or "none configured"
                self.fail(node, f"webhooks: no endpoint named {', '.join(unknown)} (configured: {known})")
            out[key] = names
        elif key == "min_confidence":
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                self.fail(node, "min_confidence must be a number from 0 to 1")
            out[key] = float(value) if isinstance(value, int | float) else 0.0
        elif key == "min_sources":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                self.fail(node, "min_sources must be a whole number from 1 to 5")
            out[key] = value if isinstance(value, int) else 1
        elif key == "quiet_period":
            seconds = parse_duration(value)
            if seconds is None:
                self.fail(node, "quiet_period must be a duration such as 90s, 10m, 2h or 1d")
            out["quiet_period_s"] = seconds or 0.0
        elif key == "rate_limit":
            out[key] = self.rate_limit(node)

    def rate_limit(self, node: Node) -> RateLimit | None:
        fields = self.mapping(node, "rate_limit")
        if fields is None:
            return None
        count = self.value(fields["count"][1]) if "count" in fields else None
        per = parse_duration(self.value(fields["per"][1])) if "per" in fields else None
        for key, (key_node, _) in fields.items():
            if key not in ("count", "per"):
                self.fail(key_node, f"rate_limit: unknown key {key!r} (expected count, per)")
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            self.fail(fields.get("count", (node, node))[1], "rate_limit.count must be a whole number >= 1")
            return None
        if per is None or per <= 0:
            self.fail(fields.get("per", (node, node))[1], "rate_limit.per must be a duration such as 1h")
            return None
        return RateLimit(count, per)

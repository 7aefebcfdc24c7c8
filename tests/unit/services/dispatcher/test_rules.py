from __future__ import annotations

from pathlib import Path

import pytest

from parley.services.dispatcher.rules import RateLimit, load_rules, parse_duration, parse_rules
from parley.services.dispatcher.rules_holder import RulesHolder
from parley.shared.errors import ConfigError

GOOD = """\
version: 1
rules:
  - name: gulf
    events: [announced, updated]
    parties: [Iran]
    any_of: [Oman, Qatar]
    places: [Doha]
    statuses: [announced, postponed]
    min_confidence: 0.6
    min_sources: 2
    webhooks: [ops]
    quiet_period: 10m
    rate_limit: {count: 20, per: 1h}
  - name: everything
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_rules(text, ["ops", "slack"], "rules.yaml")
    return info.value.problems


def test_a_valid_file_gives_typed_rules() -> None:
    rules = parse_rules(GOOD, ["ops", "slack"]).rules
    gulf, everything = rules
    assert gulf.parties == ("Iran",) and gulf.any_of == ("Oman", "Qatar") and gulf.min_sources == 2
    assert gulf.quiet_period_s == 600 and gulf.rate_limit == RateLimit(20, 3600)
    assert gulf.webhooks == ("ops",) and everything.webhooks is None
    assert everything.events == frozenset({"announced", "updated"})


def test_every_mistake_is_reported_with_its_line() -> None:
    text = """\
rules:
  - name: Bad Name
    events: [announced, exploded]
    min_confidence: 2
    webhooks: [ops, pager]
    colour: red
  - name: ok
    quiet_period: soon
    rate_limit: {count: 0, per: 1h}
  - name: ok
"""
    found = problems(text)
    assert any(p.startswith("rules.yaml:2:") and "name must be" in p for p in found)
    assert any(p.startswith("rules.yaml:3:") and "exploded" in p for p in found)
    assert any(p.startswith("rules.yaml:4:") and "min_confidence" in p for p in found)
    assert any(p.startswith("rules.yaml:5:") and "pager" in p for p in found)
    assert any(p.startswith("rules.yaml:6:") and "colour" in p for p in found)
    assert any(p.startswith("rules.yaml:8:") and "quiet_period" in p for p in found)
    assert any(p.startswith("rules.yaml:9:") and "rate_limit.count" in p for p in found)
    assert any(p.startswith("rules.yaml:10:") and "used twice" in p for p in found)


def test_yaml_syntax_errors_and_empty_files_have_a_line() -> None:
    assert problems("rules:\n  - name: a\n    events: [announced\n")[0].startswith("rules.yaml:")
    assert "empty rules file" in problems("")[0]
    assert "rules must be a non-empty list" in problems("rules: []\n")[0]
    assert "unknown key 'rule'" in problems("rule:\n  - name: a\n")[0]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [  # found by fuzzing: each raised ValueError, ConstructorError or ReaderError instead
        ("version: 1\nrules:\n  - name: a\n    min_sources: " + "9" * 5000 + "\n", 4, "4300 digits"),
        ("version: 2020-13-45\nrules: [{name: a}]\n", 1, "month must be in 1..12"),
        ("rules:\n  - name: !!python/object:os.system a\n", 2, "could not determine a constructor"),
        ("rules:\n  - name: a\n\x00\n", 3, "control characters are not allowed"),
        # the pure-Python scanner took 12 s on these 6 KB
        ("rules: " + "[" * 3000 + "]" * 3000, 1, "nesting depth"),
    ],
)
def test_unreadable_values_are_config_errors_with_a_line(text: str, line: int, reason: str) -> None:
    (problem,) = problems(text)
    assert problem.startswith(f"rules.yaml:{line}: ") and reason in problem


def test_no_file_means_one_rule_for_every_webhook() -> None:
    rules = load_rules(None, ["ops"]).rules
    assert len(rules) == 1 and rules[0].webhooks is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        (90, 90.0),
        ("30s", 30.0),
        ("10m", 600.0),
        ("2h", 7200.0),
        ("1d", 86400.0),
        ("500ms", 0.5),
        ("later", None),
        (-1, None),
    ],
)
def test_durations(text: object, seconds: float | None) -> None:
    assert parse_duration(text) == seconds


def test_reload_keeps_the_old_rules_when_the_new_file_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(GOOD)
    holder = RulesHolder(path, ["ops"])
    assert [r.name for r in holder.rules.rules] == ["gulf", "everything"]
    path.write_text("rules:\n  - name: only\n")
    holder.request_reload()
    assert holder.check() and [r.name for r in holder.rules.rules] == ["only"]
    path.write_text("rules:\n  - name: only\n    min_sources: nine\n")
    holder.request_reload()
    assert not holder.check() and [r.name for r in holder.rules.rules] == ["only"]


def test_invalid_file_at_start_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - name: x\n    webhooks: [nowhere]\n")
    with pytest.raises(ConfigError) as info:
        RulesHolder(path, ["ops"])
    assert info.value.problems[0].endswith(
        "rules.yaml:3: webhooks: no endpoint named nowhere (configured: ops)"
    )

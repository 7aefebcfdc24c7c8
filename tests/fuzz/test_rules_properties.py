"""Properties of the rules loader: any text is Rules or a ConfigError whose every problem names
the source and a line; never another exception."""

from __future__ import annotations

import re
from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from parley.services.dispatcher.rules import RULE_KEYS, Rules, parse_rules
from parley.shared.errors import ConfigError
from tests.fuzzing import fuzz_settings, within_memory

WEBHOOKS = ("ops", "slack")
PROBLEM = re.compile(r"^rules\.yaml:\d+: \S")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["announced", "updated", "ops", "10m", "1h", "500ms", "0", "Iran", "-1", "1e400"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
rule = st.dictionaries(st.sampled_from(sorted(RULE_KEYS | {"nmae", "rate_limit"})), values, max_size=6)
documents = st.fixed_dictionaries(
    {"rules": st.one_of(st.lists(rule, max_size=3), values)},
    optional={"version": values, "other": values},
)
# Raw YAML features the dump above never writes: tags, anchors, odd timestamps, huge numbers.
raw_snippets = st.sampled_from(
    [
        "version: 2020-13-45\nrules: [{name: a}]",
        "version: !!python/object:os.system x\nrules: [{name: a}]",
        "rules: [{name: a, min_sources: " + "9" * 5000 + "}]",
        "rules: [{name: a, quiet_period: " + "9" * 5000 + "}]",
        "a: &x [1]\nrules: [{name: a, parties: *x}]",
        "rules: [{name: a, parties: *missing}]",
        "rules:\n- name: a\n\x00",
        "\ufeffrules: [{name: a}]",
        "rules: " + "[" * 3000 + "]" * 3000,
        "rules: [{name: a, rate_limit: {count: 1, per: 2019-01-01}}]",
        "rules: [{? [a, b] : c}]",
        "rules: [{name: !!binary 'aGk=' }]",
        "rules: [{name: a, quiet_period: !!timestamp 2001-12-14}]",
        "rules: [{name: a, min_confidence: .nan}]",
        "%YAML 1.1\n%YAML 1.1\n---\nrules: []",
        "rules: [{name: a}]\n---\nrules: [{name: b}]",
    ]
)


def _parse(text: str) -> Rules | None:
    try:
        return within_memory(lambda: parse_rules(text, WEBHOOKS, "rules.yaml"), ceiling_mb=64)
    except ConfigError as exc:
        assert exc.problems and all(PROBLEM.match(p) for p in exc.problems), exc.problems
        return None


def _check(rules: Rules) -> None:
    assert rules.rules
    for r in rules.rules:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,39}", r.name)
        assert 0 <= r.min_confidence <= 1 and 1 <= r.min_sources <= 5
        assert r.webhooks is None or set(r.webhooks) <= set(WEBHOOKS)
        assert r.quiet_period_s >= 0 and (r.rate_limit is None or r.rate_limit.per_s > 0)


@fuzz_settings(300)
@given(documents)
def test_any_rules_document_loads_checked_or_names_each_bad_line(doc: dict[str, Any]) -> None:
    rules = _parse(yaml.safe_dump(doc, allow_unicode=True))
    if rules is not None:
        _check(rules)


@fuzz_settings(200)
@given(st.one_of(raw_snippets, st.text(max_size=300)))
@example("")
@example("rules:\n  - name: gulf\n    quiet_period: 10m\n    rate_limit: {count: 2, per: 1h}\n")
def test_any_text_loads_or_names_each_bad_line(text: str) -> None:
    rules = _parse(text)
    if rules is not None:
        _check(rules)

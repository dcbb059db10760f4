"""Every rule's own examples hold: the rule files' corpus is the test."""

from __future__ import annotations

import pytest

from claims.ruleset import builtin_rules_dir, load_ruleset
from claims.examples import run_examples

LANGS = sorted(p.name for p in builtin_rules_dir().iterdir() if (p / "language.toml").is_file())
RESULTS = [r for lang in LANGS for r in run_examples(load_ruleset(lang)) if r.kind != "todo"]


@pytest.mark.parametrize("result", RESULTS, ids=[f"{r.rule}:{r.kind}:{r.text[:40]}" for r in RESULTS])
def test_rule_example(result):
    assert result.passed, f"{result.path}:{result.line} {result.rule}: {result.problem}"


def test_every_rule_has_match_and_no_match_examples():
    for lang in LANGS:
        for rule in load_ruleset(lang).rules:
            assert rule.spec.match or rule.spec.suppress, f"{rule.id} has no match example"
            assert rule.spec.no_match or rule.spec.suppress, f"{rule.id} has no no_match example"


def test_rule_codes_are_unique_within_a_language():
    for lang in LANGS:
        codes = [rule.spec.code for rule in load_ruleset(lang).rules]
        assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)

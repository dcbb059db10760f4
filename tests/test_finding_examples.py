"""Every check's own examples hold: where it must find, it finds at that claim; where it must
stay quiet, it does. The findings.toml of each language is the corpus, as rule files are."""

from __future__ import annotations

import pytest

from claims.findings.examples import run_finding_examples
from claims.findings.registry import checks
from claims.ruleset import builtin_rules_dir, load_ruleset

LANGS = sorted(p.name for p in builtin_rules_dir().iterdir() if (p / "findings.toml").is_file())
RESULTS = [r for lang in LANGS for r in run_finding_examples(load_ruleset(lang))]


@pytest.mark.parametrize("result", RESULTS, ids=[f"{r.rule}:{r.kind}:{r.text[:40]}" for r in RESULTS])
def test_finding_example(result):
    assert result.passed, f"{result.path}:{result.line} {result.rule}: {result.problem}"


def test_every_language_with_findings_has_every_check_with_examples_both_ways():
    for lang in LANGS:
        data = load_ruleset(lang).findings
        for check in checks():
            assert check.name in data.checks, f"{lang}: no [{check.name}] in findings.toml"
            section = data.checks[check.name].section
            assert section.examples, f"{lang} {check.name}: no example where it finds"
            assert section.quiet, f"{lang} {check.name}: no example where it stays quiet"


def test_check_codes_and_names_are_unique():
    codes = [c.code for c in checks()]
    names = [c.name for c in checks()]
    assert len(codes) == len(set(codes)) and len(names) == len(set(names))

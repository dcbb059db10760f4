"""A rule's claim_before: what stands before the pattern's group core joins the claim, through
a lookbehind the compiler writes from the key."""

from __future__ import annotations

import pytest

from claims.errors import RuleError
from claims.ruleset import load_ruleset

RULE = '''kind = "date"

[[rule]]
id = "de.date.test-month"
code = "D901"
summary = "Monat mit Jahr"
pattern = '{pattern}'
value = {{ month = "{{month}}", year = "{{year}}" }}
priority = 50
{extra}
'''
CORE = '(?P<core>(?P<month>Juni|Juli)\\s+(?P<year>\\d\\d\\d\\d))'


def _ruleset(tmp_path, extra: str, pattern: str = CORE):
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "rules", {"dates.toml": RULE.format(pattern=pattern, extra=extra)})
    return load_ruleset("de", (rules,))


def _dates(tmp_path, extra: str, text: str) -> list[str]:
    from claims.api import extract_text

    ruleset = _ruleset(tmp_path, extra)
    return [c.text for c in extract_text(text, rules=ruleset).claims if c.rule == "de.date.test-month"]


def test_what_claim_before_matches_before_the_core_joins_the_claim(tmp_path):
    extra = "claim_before = '(?:(?:[Ii]m|[Ss]eit)\\s+)?'"
    assert _dates(tmp_path, extra, "Das Werk schloss im Juli 2019 seine Tore.") == ["im Juli 2019"]


def test_the_core_alone_is_the_claim_where_an_optional_claim_before_finds_nothing(tmp_path):
    extra = "claim_before = '(?:(?:[Ii]m|[Ss]eit)\\s+)?'"
    assert _dates(tmp_path, extra, "Das Werk schloss Juli 2019.") == ["Juli 2019"]


def test_the_compiler_writes_the_lookbehind_after_the_pattern(tmp_path):
    rule = _ruleset(tmp_path, "claim_before = '[Ii]m\\s+'").by_id("de.date.test-month")
    assert rule.regex.pattern.endswith("(?<=(?P<claim>(?:[Ii]m\\s+)(?P=core)))")


def test_claim_before_without_a_core_group_is_refused(tmp_path):
    with pytest.raises(RuleError, match="claim_before needs a group named core"):
        _ruleset(tmp_path, "claim_before = '[Ii]m\\s+'", pattern="(?P<month>Juni)\\s+(?P<year>\\d\\d\\d\\d)")


def test_claim_before_beside_a_claim_group_of_the_pattern_is_refused(tmp_path):
    with pytest.raises(RuleError, match="has one already"):
        _ruleset(tmp_path, "claim_before = '[Ii]m\\s+'", pattern="(?P<claim>" + CORE + ")")

"""A rule's extend_before: what stands right before a match joins its claim.

The pattern is tried only where the rule matched, and it must end where the match starts.
"""

from __future__ import annotations

import pytest

from claims.errors import RuleError
from claims.ruleset import load_ruleset

RULE = '''kind = "role"

[[rule]]
id = "de.role.test-mayor"
code = "R901"
summary = "Bürgermeister vor einem Namen"
pattern = 'Bürgermeister (?P<person>\\p{{Lu}}\\p{{Ll}}+)'
value = {{ person = "{{person}}" }}
{extra}
'''


def _roles(tmp_path, extra: str, text: str) -> list[str]:
    from claims.api import extract_text
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "rules", {"roles.toml": RULE.format(extra=extra)})
    ruleset = load_ruleset("de", (rules,))
    return [c.text for c in extract_text(text, rules=ruleset).claims if c.rule == "de.role.test-mayor"]


def test_what_extend_before_matches_right_before_a_claim_joins_it(tmp_path):
    extra = "extend_before = '(?<=der )\\p{Ll}+e '"
    assert _roles(tmp_path, extra, "Es sprach der frühere Bürgermeister Huber.") == [
        "frühere Bürgermeister Huber"]


def test_a_claim_keeps_its_start_where_extend_before_does_not_match(tmp_path):
    extra = "extend_before = '(?<=der )\\p{Ll}+e '"
    assert _roles(tmp_path, extra, "Es sprach Bürgermeister Huber.") == ["Bürgermeister Huber"]
    # the stretch must end where the match starts: a word further back does not count
    assert _roles(tmp_path, extra, "Es sprach der frühere Herr und Bürgermeister Huber.") == [
        "Bürgermeister Huber"]


def test_a_broken_extend_before_pattern_is_named(tmp_path):
    with pytest.raises(RuleError, match="extend_before"):
        _roles(tmp_path, "extend_before = '(unclosed'", "Bürgermeister Huber.")

"""A broken rule file gets one clear message naming the file and line, never a traceback."""

from __future__ import annotations

import pytest

from claims.cli import main
from claims.errors import RuleError
from claims.ruleset import load_ruleset
from conftest import write_rule_dir

GOOD_RULE = '''kind = "figure"

[[rule]]
id = "de.figure.test-dozen"
code = "T001"
summary = "Ein Schock Eier (sechzig Stück)"
hint = "Zählen."
pattern = '{b}(?P<number>\\d+)\\s+Schock{e}'
value = { number = "{number}", unit = "Schock" }
match = [{ text = "Sie kaufte 3 Schock Eier.", claim = "3 Schock", value = { number = 3 } }]
'''


def load(tmp_path, text):
    rules = write_rule_dir(tmp_path / "mine", {"test.toml": text})
    return load_ruleset("de", (rules,))


def test_a_good_user_rule_loads_over_the_builtins(tmp_path):
    ruleset = load(tmp_path, GOOD_RULE)
    assert ruleset.by_id("de.figure.test-dozen") is not None


def test_toml_syntax_error_names_file_and_line(tmp_path):
    with pytest.raises(RuleError) as info:
        load(tmp_path, GOOD_RULE.replace('code = "T001"', 'code = "T001'))
    message = str(info.value)
    assert "test.toml:5" in message and "TOML syntax error" in message


def test_an_unknown_key_is_named_with_its_line(tmp_path):
    with pytest.raises(RuleError) as info:
        load(tmp_path, GOOD_RULE.replace('priority', 'prio').replace('hint = "Zählen."', 'hint = "Zählen."\nprio = 3'))
    assert "unknown key 'prio'" in str(info.value)
    assert "test.toml:8" in str(info.value)


def test_an_invalid_pattern_names_the_rule(tmp_path):
    with pytest.raises(RuleError, match=r"de\.figure\.test-dozen: invalid pattern"):
        load(tmp_path, GOOD_RULE.replace("Schock{e}'", "Schock{e}('"))


def test_an_unknown_fragment_or_list_is_named(tmp_path):
    with pytest.raises(RuleError, match=r"unknown fragment or list \{dozens\}") as info:
        load(tmp_path, GOOD_RULE.replace("Schock{e}", "{dozens}{e}"))
    assert "test.toml:8" in str(info.value)


def test_a_value_template_naming_a_missing_group_is_refused(tmp_path):
    with pytest.raises(RuleError, match="does not define"):
        load(tmp_path, GOOD_RULE.replace('number = "{number}"', 'number = "{count}"'))


def test_a_rule_id_of_the_wrong_kind_is_refused(tmp_path):
    with pytest.raises(RuleError, match="must start with 'de.figure.'"):
        load(tmp_path, GOOD_RULE.replace("de.figure.test-dozen", "de.date.test-dozen"))


def test_the_cli_reports_a_broken_rule_file_with_exit_2(tmp_path, runner, sample):
    rules = write_rule_dir(tmp_path / "broken", {"test.toml": GOOD_RULE.replace("{e}'", "{e}(')")})
    result = runner.invoke(main, ["extract", str(sample), "--format", "json", "--rules", str(rules)])
    assert result.exit_code == 2
    assert "test.toml" in result.output and "Traceback" not in result.output


def test_a_user_rule_wins_a_tie_with_a_built_in_rule(tmp_path):
    import claims

    ruleset = load(tmp_path, GOOD_RULE)
    found = [c for c in claims.extract("Sie kaufte 3 Schock Eier.", rules=ruleset).claims if c.kind == "figure"]
    assert [(c.text, c.rule) for c in found] == [("3 Schock", "de.figure.test-dozen")]


def test_rules_test_on_a_user_folder_runs_only_its_rules(tmp_path, runner):
    rules = write_rule_dir(tmp_path / "mine", {"test.toml": GOOD_RULE})
    result = runner.invoke(main, ["rules", "test", str(rules)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("1 passed, 0 failed, 0 todo")


def test_a_file_wide_yield_to_naming_no_kind_is_refused(tmp_path):
    with pytest.raises(RuleError) as info:
        load(tmp_path, GOOD_RULE.replace('kind = "figure"\n', 'kind = "figure"\nyield_to = ["quotes"]\n'))
    assert "test.toml" in str(info.value) and "quotes" in str(info.value)


def test_a_file_wide_yield_to_drops_the_files_claims_inside_that_kind(tmp_path):
    text = GOOD_RULE.replace('kind = "figure"\n', 'kind = "figure"\nyield_to = ["quote"]\n')
    rules = load(tmp_path, text)
    from claims.api import extract_text

    found = extract_text("Sie sagte: „Ich kaufte 3 Schock Eier.“ Er kaufte 2 Schock.", lang="de", rules=rules)
    dozens = [c.text for c in found.claims if c.rule == "de.figure.test-dozen"]
    assert dozens == ["2 Schock"]

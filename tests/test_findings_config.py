"""A newsroom turns a check off by its code (or its name, or all with "findings"), in
claims.toml or with --disable, like a rule."""

from __future__ import annotations

import json

import pytest

from claims.cli import main

ARTICLE = ("---\ndate: 2025-03-20\n---\n"
           "Die neue Halle wird am 3. März 2025 eröffnet. Der Markt beginnt am Montag, dem 18. März 2025.\n")


def _codes(runner, folder, *flags):
    result = runner.invoke(main, ["extract", str(folder / "halle.md"), "--format", "json", *flags])
    assert result.exit_code == 0, result.output
    return sorted(f["code"] for f in json.loads(result.output)["findings"])


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "halle.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_both_checks_fire_by_default(runner, folder):
    assert _codes(runner, folder) == ["K101", "K105"]


@pytest.mark.parametrize("entry", ["K105", "tense-date"])
def test_claims_toml_disables_a_check_by_code_or_name(runner, folder, entry):
    (folder / "claims.toml").write_text(f'disable = ["{entry}"]\n', encoding="utf-8")
    assert _codes(runner, folder) == ["K101"]


def test_findings_disables_every_check(runner, folder):
    (folder / "claims.toml").write_text('disable = ["findings"]\n', encoding="utf-8")
    assert _codes(runner, folder) == []


def test_the_disable_flag_turns_a_check_off_too(runner, folder):
    assert _codes(runner, folder, "--disable", "K101") == ["K105"]


def test_a_disabled_check_is_no_problem_for_check(runner, folder):
    (folder / "claims.toml").write_text('disable = ["K101", "K105"]\n', encoding="utf-8")
    assert runner.invoke(main, ["extract", str(folder / "halle.md")]).exit_code == 0
    result = runner.invoke(main, ["check", str(folder / "halle.md")])
    assert "inconsistent" not in result.output


def test_a_findings_file_of_the_newsroom_replaces_a_checks_message(runner, folder):
    rules = folder / "regeln"
    rules.mkdir()
    (rules / "findings.toml").write_text(
        '[weekday-date]\n'
        'message = { default = "Wochentag prüfen: {weekday} / {date} ({actual})", year = "Wochentag prüfen: {weekday} / {date}" }\n'
        'weekdays = ["{date_weekdays}"]\n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(folder / "halle.md"), "--format", "json", "--rules", str(rules)])
    messages = [f["message"] for f in json.loads(result.output)["findings"] if f["code"] == "K101"]
    assert messages == ["Wochentag prüfen: Montag / 18.03.2025 (Dienstag)"]


@pytest.mark.parametrize("text, error", [
    ('[weekday-date]\nmessage = "x"\nweekdays = []\ncolour = "red"\n', "weekday-date.colour: unknown key 'colour'"),
    ('[no-such-check]\nmessage = "x"\n', "unknown key 'no-such-check'"),
    ('[two-ages]\nmessage = "{person} {age}"\n', "two-ages.message: unknown placeholder {age}"),
    ('[impossible-date]\nmessage = "x"\n', "impossible-date.message: the check's messages are day, leap, month, time"),
    ('[tense-date]\nmessage = { future = "x", past = "y" }\nfuture = []\npast = []\npast_pattern = "("\n',
     "tense-date.past_pattern: invalid pattern"),
])
def test_a_broken_findings_file_is_one_clear_error_naming_the_file(runner, folder, text, error):
    rules = folder / "regeln"
    rules.mkdir()
    (rules / "findings.toml").write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(folder / "halle.md"), "--format", "json", "--rules", str(rules)])
    assert result.exit_code == 2
    assert "findings.toml" in result.output and error in result.output, result.output
    assert "Traceback" not in result.output

"""`claims check` and findings: a finding on a row not yet closed is a problem of its own,
`inconsistent`, under its check's code; closing the row clears it."""

from __future__ import annotations

import json

from claims import exitcodes
from claims.cli import main
from test_cli_check import make, tick

ARTICLE = ("---\ndate: 2025-03-20\n---\n"
           "Der Markt beginnt am Montag, dem 18. März 2025, in Lana.\n\n"
           "Obmann Hans Gruber eröffnete ihn um 10 Uhr.\n")
WEEKDAY = "am Montag, dem 18. März 2025"


def test_a_finding_on_an_open_row_is_an_inconsistent_problem_with_the_checks_code(tmp_path, runner):
    article, _ = make(tmp_path, runner, ARTICLE)
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.FINDINGS
    lines = [line for line in result.output.splitlines() if ": inconsistent: " in line]
    assert lines == [f"{article}:4:19: inconsistent: K101 weekday-date: „Montag“ passt nicht zum Datum: "
                     "der 18.03.2025 ist ein Dienstag."]
    assert result.output.splitlines()[-1].endswith("1 inconsistent")


def test_closing_the_row_clears_the_finding(tmp_path, runner):
    article, checklist = make(tmp_path, runner, ARTICLE)
    tick(checklist, default="offen", status_by_text={WEEKDAY: "bestätigt"})
    result = runner.invoke(main, ["check", str(article)])
    assert ": inconsistent: " not in result.output


def test_a_row_marked_wrong_keeps_the_finding_open(tmp_path, runner):
    article, checklist = make(tmp_path, runner, ARTICLE)
    tick(checklist, status_by_text={WEEKDAY: "falsch"})
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.FINDINGS
    assert ": wrong: " in result.output and ": inconsistent: " in result.output


def test_all_rows_closed_passes_with_findings_looked_at(tmp_path, runner):
    article, checklist = make(tmp_path, runner, ARTICLE)
    tick(checklist)
    assert runner.invoke(main, ["check", str(article)]).exit_code == exitcodes.OK


def test_json_reports_the_finding_code_and_severity(tmp_path, runner):
    article, _ = make(tmp_path, runner, ARTICLE)
    data = json.loads(runner.invoke(main, ["check", str(article), "--format", "json"]).output)
    problem = next(p for p in data["articles"][0]["problems"] if p["code"] == "inconsistent")
    assert problem["finding"] == "K101" and problem["severity"] == "error" and problem["text"] == WEEKDAY


def test_github_annotation_names_the_check(tmp_path, runner):
    article, _ = make(tmp_path, runner, ARTICLE)
    output = runner.invoke(main, ["check", str(article), "--format", "github"]).output
    line = next(line for line in output.splitlines() if "inconsistent" in line)
    assert line.startswith(f"::error file={article},line=4,col=19,title=claims%3A inconsistent K101::K101 weekday-date")


def test_sarif_uses_the_checks_code_as_rule_id_and_describes_every_check(tmp_path, runner):
    from claims.findings.registry import checks

    article, _ = make(tmp_path, runner, ARTICLE)
    log = json.loads(runner.invoke(main, ["check", str(article), "--format", "sarif"]).output)
    run = log["runs"][0]
    assert "K101" in [r["ruleId"] for r in run["results"]]
    described = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {c.code for c in checks()} <= described
    fingerprints = [r["partialFingerprints"]["claimId/v1"] for r in run["results"]]
    assert len(fingerprints) == len(set(fingerprints))  # the open row and its finding apart


def test_a_warning_finding_is_a_github_warning(tmp_path, runner):
    text = ARTICLE.replace("Der Markt beginnt am Montag, dem 18. März 2025, in Lana.",
                           "Der neue Markt wird am 3. März 2025 eröffnet.")
    article, _ = make(tmp_path, runner, text)
    output = runner.invoke(main, ["check", str(article), "--format", "github"]).output
    assert any(line.startswith("::warning ") and "K105" in line for line in output.splitlines())

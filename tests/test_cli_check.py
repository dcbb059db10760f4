"""`claims check`: the CI gate over an article and its checklist."""

from __future__ import annotations

import json

import openpyxl

from claims import exitcodes
from claims.cli import main

ARTICLE = ("---\ndate: 2025-03-24\n---\n"
           "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"
           "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr.\n")


def make(tmp_path, runner, text=ARTICLE):
    article = tmp_path / "messe.md"
    article.write_text(text, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    return article, tmp_path / "messe.checklist.xlsx"


def tick(checklist, status_by_text=None, default="bestätigt", sort=False, blank_rows=0, extra_column=None):
    """Play the editor: type statuses, optionally sort rows, insert blank rows, add a column."""
    wb = openpyxl.load_workbook(checklist, rich_text=True)
    ws = wb.worksheets[0]
    headers = {str(c.value): c.column for c in ws[1] if c.value}
    status_col = headers["Status"]
    claim_col = headers["Behauptung"]
    for row in range(2, ws.max_row + 1):
        claim = ws.cell(row, claim_col).value
        if claim is None:
            continue
        ws.cell(row, status_col).value = (status_by_text or {}).get(str(claim), default)
    if blank_rows:
        ws.insert_rows(3, blank_rows)
    if extra_column:
        ws.cell(1, ws.max_column + 1).value = extra_column
    if sort:
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
        rows.sort(key=lambda r: str(r[claim_col - 1] or ""), reverse=True)
        for i, values in enumerate(rows, start=2):
            for j, value in enumerate(values, start=1):
                ws.cell(i, j).value = value
    wb.save(checklist)


def test_a_fresh_checklist_is_all_open_and_exits_1(tmp_path, runner):
    article, _ = make(tmp_path, runner)
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.FINDINGS
    assert "open" in result.output and result.output.splitlines()[-1].endswith("open")


def test_all_closed_exits_0_even_after_sorting_blank_rows_and_an_extra_column(tmp_path, runner):
    article, checklist = make(tmp_path, runner)
    tick(checklist, default="Bestätigt", sort=True, blank_rows=2, extra_column="Rückfrage an")
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.OK, result.output
    assert "0 open" not in result.output and "closed" in result.output


def test_a_wrong_claim_fails_the_gate(tmp_path, runner):
    article, checklist = make(tmp_path, runner)
    tick(checklist, {"am 17. März": "falsch"})
    result = runner.invoke(main, ["check", str(article), "--format", "json"])
    assert result.exit_code == exitcodes.FINDINGS
    problems = json.loads(result.output)["articles"][0]["problems"]
    assert [(p["code"], p["text"]) for p in problems] == [("wrong", "am 17. März")]


def test_an_edited_claim_is_changed_and_an_added_one_new(tmp_path, runner):
    article, checklist = make(tmp_path, runner)
    tick(checklist)
    article.write_text(ARTICLE.replace("17. März", "18. März") + "Am 2. Mai folgt die nächste.\n",
                       encoding="utf-8")
    result = runner.invoke(main, ["check", str(article), "--format", "json"])
    codes = {(p["code"], p["text"]) for p in json.loads(result.output)["articles"][0]["problems"]}
    assert ("changed", "am 18. März") in codes
    assert any(code == "new" and "2. Mai" in text for code, text in codes)


def test_a_missing_checklist_is_reported(tmp_path, runner):
    article = tmp_path / "ohne.md"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.FINDINGS and "missing-checklist" in result.output


def test_github_format_prints_annotations_with_file_and_line(tmp_path, runner, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    article, _ = make(tmp_path, runner)
    result = runner.invoke(main, ["check", str(article), "--format", "github"])
    first = result.output.splitlines()[0]
    assert first.startswith(f"::error file={article},line=4,") and "::" in first[8:]
    assert "| article | line | problem | claim |" in summary.read_text(encoding="utf-8")


def test_sarif_has_version_rules_and_stable_fingerprints(tmp_path, runner):
    article, _ = make(tmp_path, runner)
    first = json.loads(runner.invoke(main, ["check", str(article), "--format", "sarif"]).output)
    second = json.loads(runner.invoke(main, ["check", str(article), "--format", "sarif"]).output)
    assert first["version"] == "2.1.0"
    results = first["runs"][0]["results"]
    assert results and all(r["ruleId"] in {"open", "wrong", "new", "changed", "missing-checklist"} for r in results)
    assert [r["partialFingerprints"] for r in results] == \
        [r["partialFingerprints"] for r in second["runs"][0]["results"]]


def test_a_foreign_workbook_is_exit_2(tmp_path, runner):
    article = tmp_path / "messe.md"
    article.write_text(ARTICLE, encoding="utf-8")
    foreign = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Budget"
    wb.save(foreign)
    result = runner.invoke(main, ["check", str(article), "--checklist", str(foreign)])
    assert result.exit_code == exitcodes.ERROR and "not a claims checklist" in result.output


def test_a_damaged_workbook_is_exit_2(tmp_path, runner):
    article, checklist = make(tmp_path, runner)
    checklist.write_bytes(checklist.read_bytes()[:500])
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.ERROR and "messe.checklist.xlsx" in result.output

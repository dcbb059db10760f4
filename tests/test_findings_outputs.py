"""Findings show where editors and programs look: extract's text, JSON and JSON Lines, the
workbook's finding column and overview, the CSV."""

from __future__ import annotations

import json

import openpyxl

from claims.checklist import layout
from claims.cli import main

ARTICLE = """---
title: Markt in Lana
date: 2025-03-20
---
Der Bauernmarkt beginnt am Montag, dem 18. März 2025, auf dem Rathausplatz.

Gestern, am 17. März, beriet der Gemeinderat über die Stände. Obfrau Anna Berger (54) stellte die Pläne vor.

Die 56-jährige Anna Berger rechnet mit vielen Gästen.
"""

CLEAN = """---
title: Markt in Lana
date: 2025-03-20
---
Der Bauernmarkt beginnt am Dienstag, dem 18. März 2025, auf dem Rathausplatz.
"""


def _article(tmp_path, text=ARTICLE):
    path = tmp_path / "markt.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lists_each_finding_with_code_message_severity_and_related_claims(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(_article(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    by_code = {f["code"]: f for f in data["findings"]}
    assert set(by_code) == {"K101", "K104", "K202"}
    ids = {c["text"]: c["id"] for c in data["claims"]}
    weekday = by_code["K101"]
    assert weekday["name"] == "weekday-date" and weekday["severity"] == "error"
    assert weekday["message"] == "„Montag“ passt nicht zum Datum: der 18.03.2025 ist ein Dienstag."
    assert weekday["claim"] == ids["am Montag, dem 18. März 2025"] and weekday["related"] == []
    assert by_code["K104"]["claim"] == ids["Gestern"] and by_code["K104"]["related"] == [ids["am 17. März"]]


def test_a_clean_article_has_an_empty_list_of_findings(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(_article(tmp_path, CLEAN)), "--format", "json"])
    assert json.loads(result.output)["findings"] == []


def test_jsonl_gives_each_claim_line_the_findings_shown_in_its_row(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(_article(tmp_path)), "--format", "jsonl"])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert all("findings" in line for line in lines)
    shown = {line["text"]: [f["code"] for f in line["findings"]] for line in lines}
    assert shown["am Montag, dem 18. März 2025"] == ["K101"]
    assert shown["am 17. März"] == []


def test_text_shows_each_finding_under_its_claim_and_counts_them(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(_article(tmp_path)), "--format", "text", "--no-color"])
    lines = result.output.splitlines()
    assert lines[0].endswith(", 3 findings")
    at = next(i for i, line in enumerate(lines) if "am Montag, dem 18. März 2025" in line)
    assert lines[at + 1].strip().startswith("! K101 error: „Montag“ passt nicht")


def _checklist(runner, tmp_path, text=ARTICLE):
    article = _article(tmp_path, text)
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    return article, tmp_path / "markt.checklist.xlsx"


COL = {c.key: i + 1 for i, c in enumerate(layout.CHECKLIST_COLUMNS)}


def test_workbook_has_a_finding_column_beside_the_value_marked_where_something_was_found(runner, tmp_path):
    _, path = _checklist(runner, tmp_path)
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    assert COL["finding"] == COL["value"] + 1 and ws.cell(1, COL["finding"]).value == "Befund"
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    marked = ws.cell(rows["am Montag, dem 18. März 2025"], COL["finding"])
    assert marked.value == "⚠ K101: „Montag“ passt nicht zum Datum: der 18.03.2025 ist ein Dienstag."
    assert marked.fill.fgColor.rgb[-6:] == "FCE4D6" and marked.font.b
    quiet = ws.cell(rows["am 17. März"], COL["finding"])
    assert quiet.value is None and quiet.fill.fgColor.rgb[-6:] != "FCE4D6"


def test_a_note_on_the_finding_cell_names_the_related_claims_numbers(runner, tmp_path):
    _, path = _checklist(runner, tmp_path)
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    numbers = {ws.cell(r, COL["claim"]).value: ws.cell(r, COL["number"]).value for r in range(2, ws.max_row + 1)}
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    note = ws.cell(rows["Gestern"], COL["finding"]).comment
    assert note is not None and note.text == f"K104: betrifft auch Nr. {numbers['am 17. März']}"


def test_overview_counts_findings_and_those_in_rows_not_yet_closed(runner, tmp_path):
    _, path = _checklist(runner, tmp_path)
    ws = openpyxl.load_workbook(path)["Übersicht"]
    pairs = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert pairs["Befunde (Widersprüche im Artikel)"].startswith("=SUMPRODUCT(")
    assert "<>\"bestätigt\"" in pairs["davon in Zeilen, die noch nicht erledigt sind"]


def test_overview_counts_evaluate_in_libreoffice(runner, tmp_path):
    import subprocess

    from conftest import require_soffice

    soffice = require_soffice()
    _, path = _checklist(runner, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Prüfliste"]
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["Gestern"], COL["status"]).value = "bestätigt"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    out = tmp_path / "out"
    subprocess.run([soffice, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3",
                    "--outdir", str(out), str(edited)], check=True, capture_output=True, timeout=180)
    import csv

    with open(next(out.glob("*Übersicht*.csv")), encoding="utf-8", newline="") as handle:
        values = {row[0]: row[1] for row in csv.reader(handle) if len(row) >= 2}
    assert values["Befunde (Widersprüche im Artikel)"] == "3"
    assert values["davon in Zeilen, die noch nicht erledigt sind"] == "2"  # one of the three closed


def test_csv_has_the_finding_column_too(runner, tmp_path):
    article = _article(tmp_path)
    assert runner.invoke(main, ["extract", str(article), "--format", "csv"]).exit_code == 0
    import csv

    with open(tmp_path / "markt.checklist.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert header.index("Befund") == header.index("Wert") + 1
    assert any(row[header.index("Befund")].startswith("⚠ K101") for row in rows[1:])


def test_update_keeps_the_editors_cells_and_writes_the_findings_of_the_new_text(runner, tmp_path):
    article, path = _checklist(runner, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Prüfliste"]
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["Gestern"], COL["note"]).value = "Protokoll liegt vor"
    wb.save(path)
    article.write_text(ARTICLE.replace("am Montag, dem 18. März", "am Dienstag, dem 18. März"), encoding="utf-8")
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    header = [ws.cell(1, c).value for c in range(1, ws.max_column + 1)]
    assert header.count("Befund") == 1  # not taken for a column of the editor's
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(rows["Gestern"], COL["note"]).value == "Protokoll liegt vor"
    assert ws.cell(rows["am Dienstag, dem 18. März 2025"], COL["finding"]).value is None
    assert ws.cell(rows["Gestern"], COL["finding"]).value.startswith("⚠ K104")


def test_an_editors_comment_on_a_finding_cell_outlives_update(runner, tmp_path):
    from openpyxl.comments import Comment

    article, path = _checklist(runner, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Prüfliste"]
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["Gestern"], COL["finding"]).comment = Comment("Protokoll der Sitzung anfordern", "mk")
    wb.save(path)
    article.write_text(ARTICLE.replace("rechnet mit vielen", "rechnet mit sehr vielen"), encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    note = ws.cell(rows["Gestern"], COL["finding"]).comment
    assert (note.text, note.author) == ("Protokoll der Sitzung anfordern", "mk")


def test_the_note_of_a_finding_that_went_goes_with_it(runner, tmp_path):
    article, path = _checklist(runner, tmp_path)
    # written a day later, "gestern" is the 17th: the finding on that row goes, the row stays
    article.write_text(ARTICLE.replace("date: 2025-03-20", "date: 2025-03-18"), encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    wb = openpyxl.load_workbook(path)
    ws = wb["Prüfliste"]
    rows = {ws.cell(r, COL["claim"]).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(rows["Gestern"], COL["finding"]).value is None
    assert ws.cell(rows["Gestern"], COL["finding"]).comment is None  # ours went with the finding
    assert "Bewahrt" not in wb.sheetnames  # and was not kept aside as the editor's


def test_rules_list_shows_the_checks_with_code_name_and_summary(runner):
    result = runner.invoke(main, ["rules", "list", "--kind", "finding"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["K101", "weekday-date", "finding"]
    assert len(lines) == 14


def test_rules_docs_has_a_findings_section_per_language():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert text.count("### findings") == 2 and "| K101 | `weekday-date` |" in text


def test_rules_test_runs_the_checks_examples(runner):
    result = runner.invoke(main, ["rules", "test", "--lang", "de", "-v"])
    assert result.exit_code == 0
    assert any(line.startswith("ok") and " K101 weekday-date: match " in line for line in result.output.splitlines())


def test_without_an_article_date_a_range_still_runs_backwards_and_a_weekday_with_its_year_still_fits_or_not():
    import claims

    result = claims.extract("Die Messe beginnt am Montag, dem 18. März 2025. Der Markt lief vom 25. bis 23. März.")
    assert sorted(f.code for f in result.findings) == ["K101", "K103"]
    quiet = claims.extract("Der Markt lief vom 28. Dezember bis 3. Januar.")
    assert quiet.findings == []

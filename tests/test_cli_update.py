"""`claims update`: re-extract and merge without losing a single editor cell."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from openpyxl.comments import Comment

from claims import exitcodes
from claims.checklist import writer
from claims.checklist.reader import read_checklist
from claims.cli import main

ARTICLE = ("---\ndate: 2025-03-24\n---\n"
           "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"
           "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr.\n"
           "Laut Polizei verlief alles ruhig.\n")


@pytest.fixture
def ticked(tmp_path, runner):
    """An article with a checklist in which an editor ticked every row, typed notes, added a column."""
    article = tmp_path / "messe.md"
    article.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    checklist = tmp_path / "messe.checklist.xlsx"
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1] if c.value}
    ws.cell(1, ws.max_column + 1).value = "Rückruf"
    extra = ws.max_column
    for row in range(2, ws.max_row + 1):
        claim = ws.cell(row, col["Behauptung"]).value
        ws.cell(row, col["Status"]).value = "Bestätigt"
        ws.cell(row, col["Geprüft von"]).value = "mk"
        ws.cell(row, col["Datum"]).value = dt.datetime(2025, 3, 25)
        ws.cell(row, col["Beleg (Quelle, URL)"]).value = f"https://example.org/{row}"
        ws.cell(row, col["Anmerkung"]).value = f"geprüft: {claim}"
        ws.cell(row, extra).value = f"Rückruf {row}"
        ws.cell(row, col["Anmerkung"]).comment = Comment(f"Notiz zu {claim}", "mk")
    wb.save(checklist)
    return article, checklist


def cells_of(checklist):
    read = read_checklist(checklist)
    return {row.text: row for row in read.rows}, {row.text: row for row in read.removed}


def test_unchanged_claims_keep_every_cell_their_column_and_their_note(ticked, runner):
    article, checklist = ticked
    before, _ = cells_of(checklist)
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.OK, result.output
    after, _ = cells_of(checklist)
    assert after.keys() == before.keys()
    for text, row in before.items():
        assert after[text].editor == row.editor


def test_a_changed_claim_comes_back_open_with_its_old_text_and_cells_beside_it(ticked, runner):
    article, checklist = ticked
    article.write_text(ARTICLE.replace("17. März", "18. März"), encoding="utf-8")
    runner.invoke(main, ["update", str(article)])
    after, _ = cells_of(checklist)
    row = after["am 18. März"]
    assert row.status == "open"
    assert row.previous["claim"] == "am 17. März"
    assert row.previous["status"] == "Bestätigt" and row.previous["checked_by"] == "mk"
    assert row.previous["note"] == "geprüft: am 17. März"


def test_a_vanished_claim_moves_to_the_removed_sheet_and_comes_back_with_its_cells(ticked, runner):
    article, checklist = ticked
    article.write_text(ARTICLE.replace("Laut Polizei verlief alles ruhig.\n", ""), encoding="utf-8")
    runner.invoke(main, ["update", str(article)])
    assert "Entfallen" in openpyxl.load_workbook(checklist).sheetnames
    after, removed = cells_of(checklist)
    assert "Laut Polizei" in removed and removed["Laut Polizei"].editor["note"] == "geprüft: Laut Polizei"
    article.write_text(ARTICLE, encoding="utf-8")
    runner.invoke(main, ["update", str(article)])
    after, removed = cells_of(checklist)
    assert after["Laut Polizei"].editor["note"] == "geprüft: Laut Polizei" and not removed


def test_update_keeps_a_backup_of_the_previous_checklist(ticked, runner):
    article, checklist = ticked
    previous = checklist.read_bytes()
    runner.invoke(main, ["update", str(article)])
    backups = sorted(checklist.parent.glob("messe.checklist.bak-*.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == previous


@pytest.mark.parametrize("lock", ["~$messe.checklist.xlsx", ".~lock.messe.checklist.xlsx#"])
def test_update_refuses_while_the_workbook_is_open(ticked, runner, lock):
    article, checklist = ticked
    (checklist.parent / lock).write_text("lock", encoding="utf-8")
    before = checklist.read_bytes()
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.ERROR and "open in Excel or LibreOffice" in result.output
    assert checklist.read_bytes() == before
    assert runner.invoke(main, ["update", str(article), "--force"]).exit_code == exitcodes.OK


def test_a_crash_before_the_rename_leaves_the_checklist_byte_identical(ticked, runner, monkeypatch):
    article, checklist = ticked
    before = checklist.read_bytes()

    def crash(data, sheets):
        raise MemoryError("injected crash while writing")

    monkeypatch.setattr(writer, "splice_bytes", crash)
    article.write_text(ARTICLE.replace("17. März", "18. März"), encoding="utf-8")
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.ERROR and "injected crash" in result.output
    assert checklist.read_bytes() == before
    assert sorted(p.name for p in checklist.parent.iterdir() if p.name.startswith(".messe")) == []


def test_update_without_a_checklist_points_to_extract(tmp_path, runner):
    article = tmp_path / "neu.md"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.ERROR and "claims extract" in result.output


def test_update_takes_a_folder_and_reports_an_article_without_checklist(ticked, runner):
    article, checklist = ticked
    other = article.parent / "ohne.md"
    other.write_text(ARTICLE, encoding="utf-8")
    article.write_text(ARTICLE.replace("17. März", "18. März"), encoding="utf-8")
    result = runner.invoke(main, ["update", str(article.parent)])
    assert result.exit_code == exitcodes.ERROR
    assert "ohne" in result.output and "claims extract" in result.output
    assert any(r.text == "am 18. März" for r in read_checklist(checklist).rows)

"""Reading a checklist back safely: zip bombs, newer formats, unknown statuses, editors' cells."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from claims.api import extract_article
from claims.checklist.reader import read_checklist
from claims.checklist.writer import write_workbook
from claims.errors import InputError
from claims.text.reader import article_from_text

TEXT = "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"


def checklist(tmp_path):
    article = article_from_text(TEXT, path=str(tmp_path / "messe.txt"), date="2025-03-24")
    path = tmp_path / "messe.checklist.xlsx"
    write_workbook(extract_article(article), article, path)
    return path


def test_a_zip_bomb_is_refused_unopened(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(InputError, match="zip bomb"):
        read_checklist(bomb)


def test_a_newer_format_version_asks_for_an_upgrade(tmp_path):
    path = checklist(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["_meta"]
    for row in ws.iter_rows():
        if row[0].value == "format_version":
            row[1].value = "99"
    for prop in wb.custom_doc_props:
        if prop.name == "claims.format_version":
            prop.value = "99"
    wb.save(path)
    with pytest.raises(InputError, match="newer claims"):
        read_checklist(path)


def test_an_unknown_status_is_open_and_reported_with_its_cell_and_kept(tmp_path):
    path = checklist(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    status_col = next(c.column for c in ws[1] if c.value == "Status")
    ws.cell(2, status_col).value = "vielleicht"
    wb.save(path)
    read = read_checklist(path)
    assert read.rows[0].status == "open" and read.rows[0].editor["status"] == "vielleicht"
    assert read.unknown_statuses[0][1] == "vielleicht"


def test_editor_columns_notes_and_added_columns_are_read(tmp_path):
    path = checklist(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    headers = {c.value: c.column for c in ws[1] if c.value}
    ws.cell(2, headers["Anmerkung"]).value = "laut Pressestelle"
    ws.cell(2, headers["Geprüft von"]).value = "mk"
    ws.cell(1, ws.max_column + 1).value = "Rückruf"
    ws.cell(2, ws.max_column).value = "Di 10 Uhr"
    wb.save(path)
    row = read_checklist(path).rows[0]
    assert row.editor["note"] == "laut Pressestelle" and row.editor["checked_by"] == "mk"
    assert row.own["own:Rückruf"] == "Di 10 Uhr"

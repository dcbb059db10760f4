"""Real client: statuses ticked, the workbook re-saved by LibreOffice, then check and update lose nothing."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl

from claims import exitcodes
from claims.checklist.reader import read_checklist
from claims.cli import main
from conftest import require_soffice

ARTICLE = ("---\ndate: 2025-03-24\n---\n"
           "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"
           "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr.\n")


def resave_with_libreoffice(soffice, path, tmp_path):
    out = tmp_path / "resaved"
    out.mkdir()
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    shutil.copy(out / path.name, path)


def test_ticks_survive_a_libreoffice_resave_for_check_and_update(tmp_path, runner):
    soffice = require_soffice()
    article = tmp_path / "messe.md"
    article.write_text(ARTICLE, encoding="utf-8")
    runner.invoke(main, ["extract", str(article)])
    checklist = tmp_path / "messe.checklist.xlsx"
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1] if c.value}
    for row in range(2, ws.max_row + 1):
        ws.cell(row, col["Status"]).value = "bestätigt"
        ws.cell(row, col["Anmerkung"]).value = f"Zeile {row}"
    wb.save(checklist)
    before = {r.id: r.editor for r in read_checklist(checklist).rows}

    resave_with_libreoffice(soffice, checklist, tmp_path)

    assert {r.id: r.editor for r in read_checklist(checklist).rows} == before
    assert runner.invoke(main, ["check", str(article)]).exit_code == exitcodes.OK
    assert runner.invoke(main, ["update", str(article)]).exit_code == exitcodes.OK
    assert {r.id: r.editor for r in read_checklist(checklist).rows} == before
    assert openpyxl.load_workbook(checklist).worksheets[0].freeze_panes == "A2"  # re-applied by update

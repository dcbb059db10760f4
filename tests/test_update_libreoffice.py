"""The round trip through a real client: edits, a LibreOffice re-save, `claims update`, a print.

LibreOffice changes a workbook when it saves it (shared FIELD-NOTES): the frozen header goes,
hidden sheets become merely hidden, validations reach further. What an editor made must
come through all the same, and nothing of ours may look like an editor's edit.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
from openpyxl.comments import Comment

from claims import exitcodes
from claims.cli import main
from conftest import require_soffice

ARTICLE = ("---\ndate: 2025-03-24\n---\n"
           "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n\n"
           "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr. Der 24-Jährige traf beim 1:1.\n\n"
           "Laut Polizei verlief alles ruhig.\n")


def soffice_run(tmp_path, *args):
    soffice = require_soffice()
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", *args],
                   check=True, capture_output=True, timeout=240)


def resave(tmp_path, path):
    out = tmp_path / "resaved"
    out.mkdir(exist_ok=True)
    soffice_run(tmp_path, "--convert-to", "xlsx", "--outdir", str(out), str(path))
    shutil.copy(out / path.name, path)


def header(ws):
    return {c.value: c.column for c in ws[1] if c.value is not None}


def test_edits_survive_a_libreoffice_resave_and_update_without_spurious_kept_cells(tmp_path, runner):
    article = tmp_path / "messe.md"
    article.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    checklist = tmp_path / "messe.checklist.xlsx"
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)
    ws.cell(1, ws.max_column + 1).value = "Rückruf"
    own = ws.max_column
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col["Status"]).value = "bestätigt"
        ws.cell(r, col["Anmerkung"]).value = f"Notiz {r}"
        ws.cell(r, own).value = f"Rückruf {r}"
    ws.cell(2, col["Anmerkung"]).comment = Comment("Quelle prüfen", "Maria")
    ws.cell(3, col["Beleg (Quelle, URL)"]).value = "Pressemitteilung"
    ws.cell(3, col["Beleg (Quelle, URL)"]).hyperlink = "https://messe.example/presse"
    wb.create_sheet("Recherche")["B2"] = "Telefonliste"
    wb["Übersicht"]["D3"] = "Freigabe: CvD"
    wb.save(checklist)
    resave(tmp_path, checklist)
    article.write_text(ARTICLE + "\nDer Eintritt kostet 12 Euro.\n", encoding="utf-8")
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.OK, result.output
    assert "Bewahrt" not in result.output  # a re-save is no edit of our cells
    wb = openpyxl.load_workbook(checklist)
    assert "Bewahrt" not in wb.sheetnames
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2"
    values = [c.value for row in ws.iter_rows() for c in row]
    assert all(f"Notiz {r}" in values and f"Rückruf {r}" in values for r in range(2, 7))
    comments = [(c.comment.text, c.comment.author) for row in ws.iter_rows() for c in row if c.comment]
    assert any("Quelle prüfen" in text for text, _ in comments)
    links = [c.hyperlink.target for row in ws.iter_rows() for c in row if c.hyperlink]
    assert "https://messe.example/presse" in links
    assert wb["Recherche"]["B2"].value == "Telefonliste" and wb["Übersicht"]["D3"].value == "Freigabe: CvD"
    assert runner.invoke(main, ["check", str(article)]).exit_code == exitcodes.FINDINGS  # only the new claim
    check = runner.invoke(main, ["check", str(article), "--format", "json"])
    problems = __import__("json").loads(check.output)["articles"][0]["problems"]
    assert [(p["code"], p["text"]) for p in problems] == [("open", "12 Euro")]


def _word_heights(pdf, pages: str) -> list[float]:
    first, last = pages.split("-")
    out = subprocess.run(["pdftotext", "-f", first, "-l", last, "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    return [float(m.group(2)) - float(m.group(1))
            for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">', out)]


def test_an_updated_checklist_prints_no_text_below_8_pt(tmp_path, runner):
    # the size 8 pt text has in this LibreOffice, measured on a page printed at 100 %
    ref = tmp_path / "ref.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Messe"
    wb.active["A1"].font = openpyxl.styles.Font(name="Calibri", size=8)
    wb.active.page_setup.scale = 100
    wb.save(ref)
    soffice_run(tmp_path, "--convert-to", "pdf", "--outdir", str(tmp_path), str(ref))
    eight = max(_word_heights(tmp_path / "ref.pdf", "1-1"))

    article = tmp_path / "messe.md"
    article.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    checklist = tmp_path / "messe.checklist.xlsx"
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.cell(1, ws.max_column + 1).value = "Rückruf"
    for r in range(2, ws.max_row + 1):
        ws.cell(r, header(ws)["Status"]).value = "bestätigt"
        ws.cell(r, header(ws)["Anmerkung"]).value = "laut Programm"
    wb.save(checklist)
    article.write_text(ARTICLE.replace("mehr als 80", "mehr als 90"), encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    soffice_run(tmp_path, "--convert-to", "pdf", "--outdir", str(tmp_path), str(checklist))
    pdf = tmp_path / "messe.checklist.pdf"
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", pages).group(1))
    heights = _word_heights(pdf, f"1-{count}")
    assert heights and min(heights) >= eight * 0.98
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Anmerkung" in text and "Rückruf" in text  # one page wide, own column included
    assert "Vorher" not in text  # the grouped earlier cells stay out of print
    assert "24 Jahre" in text and "1:1" in text

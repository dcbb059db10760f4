"""A real client opens the workbook: LibreOffice renders it to PDF and re-saves it as .xlsx.

Without LibreOffice (``soffice``) or poppler (``pdftotext``) these tests skip
and say so; when the environment variable CI is set they fail instead, since
CI must run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from checklist_support import OWASP_PAYLOADS, extracted, handmade

from claims.checklist import layout
from claims.checklist.writer import write_workbook
from claims.cli import main

COL = {c.key: i for i, c in enumerate(layout.CHECKLIST_COLUMNS)}


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    message = f"{tool} is not installed: the LibreOffice rendering tests cannot run"
    if os.environ.get("CI"):
        pytest.fail(message + " (and CI is set, so this is an error)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> str:
    """A LibreOffice user profile of our own, so parallel runs do not lock each other out."""
    return (tmp_path_factory.mktemp("lo-profile")).as_uri()


def soffice(args: list[str], profile: str, cwd: Path) -> None:
    binary = _need("soffice")
    run = subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                          *args], cwd=cwd, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr


def to_pdf_text(xlsx: Path, profile: str) -> str:
    soffice(["--convert-to", "pdf", "--outdir", str(xlsx.parent), str(xlsx)], profile, xlsx.parent)
    pdf = xlsx.with_suffix(".pdf")
    assert pdf.is_file()
    run = subprocess.run([_need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True,
                         text=True, timeout=60, check=True)
    return run.stdout


def test_libreoffice_renders_the_sample_checklist_with_every_claim(runner, sample, profile):
    outcome = runner.invoke(main, ["extract", str(sample), "--format", "json"])
    import json

    claims = json.loads(outcome.output)["claims"]
    assert runner.invoke(main, ["extract", str(sample)]).exit_code == 0
    xlsx = sample.with_name("cdf-samsung-xiaomi.checklist.xlsx")
    text = to_pdf_text(xlsx, profile)
    words = " ".join(text.split())
    assert "Prüfliste" in words and "Behauptung" in words
    for claim in claims:
        assert claim["id"] in words
    # claims that fit on one line of their column are printed whole
    short = [c["text"] for c in claims if len(c["text"]) <= 18]
    assert short and all(t in words for t in short)
    assert "Seite 1 von" in words  # footer: printable pages
    assert "Bitte nur die gelben Spalten" in words  # the overview sheet is printed too


def test_libreoffice_computes_the_overview_counts(tmp_path, profile):
    result, article = extracted()
    xlsx = tmp_path / "m.xlsx"
    write_workbook(result, article, xlsx)
    words = " ".join(to_pdf_text(xlsx, profile).split())
    assert f"Gesamt {len(result.claims)}" in words
    assert f"offen {len(result.claims)}" in words
    assert "0%" in words


def test_libreoffice_resave_keeps_metadata_text_cells_and_claims(tmp_path, profile):
    result, article = handmade(OWASP_PAYLOADS)
    xlsx = tmp_path / "in" / "o.xlsx"
    xlsx.parent.mkdir()
    write_workbook(result, article, xlsx)
    out = tmp_path / "out"
    out.mkdir()
    soffice(["--convert-to", "xlsx", "--outdir", str(out), str(xlsx)], profile, tmp_path)
    wb = openpyxl.load_workbook(out / "o.xlsx")
    assert wb.sheetnames == ["Prüfliste", "Artikel", "Übersicht", "_claims", "_meta"]
    assert wb["_claims"].sheet_state == "hidden" and wb["_meta"].sheet_state == "hidden"
    props = {p.name: p.value for p in wb.custom_doc_props}
    assert props["claims.article_sha256"] == article.sha256
    assert props["claims.format_version"] == layout.FORMAT_VERSION
    ids = [r[0] for r in wb["_claims"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert ids == [c.id for c in result.claims]
    ws = wb["Prüfliste"]
    rows = [r for r in ws.iter_rows(min_row=2) if r[COL["id"]].value]
    assert [r[COL["id"]].value for r in rows] == [c.id for c in result.claims]
    for row, payload in zip(rows, OWASP_PAYLOADS, strict=True):
        cell = row[COL["claim"]]
        assert cell.data_type == "s", payload
        # LibreOffice keeps the text; a leading carriage return may come back as a line feed
        assert cell.value.replace("\r", "\n") == payload.replace("\r", "\n")
    statuses = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"offen,bestätigt,korrigiert,falsch,entfällt"' in statuses

"""Hostile input: workbooks and Word documents built to take gigabytes or minutes, or to trip the parser.

Each one is refused (or read) under a memory cap and a time limit, with a message naming the
file and, where there is one, the cell or part.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from bounded import bounded, run_cli
from hostile_inputs import PARAGRAPH, docx_bytes, rewrite_part
from claims import exitcodes
from claims.api import extract_article
from claims.checklist.reader import read_checklist
from claims.checklist.writer import write_workbook
from claims.errors import InputError
from claims.text.reader import article_from_text, read_article

TEXT = "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"


def checklist(tmp_path: Path) -> Path:
    article = article_from_text(TEXT, path=str(tmp_path / "messe.txt"), date="2025-03-24")
    (tmp_path / "messe.txt").write_text(TEXT, "utf-8")
    path = tmp_path / "messe.checklist.xlsx"
    write_workbook(extract_article(article), article, path)
    return path


rewrite = rewrite_part


SHEET = "xl/worksheets/sheet1.xml"


def _add_cell(ref: str):
    row = re.match(r"[A-Z]+(\d+)", ref).group(1)
    return lambda xml: xml.replace(
        "</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')


@pytest.mark.parametrize("ref", ["XFD1048576", "XFD500", "A3000001", "P300000"])
def test_a_cell_at_the_far_corner_is_refused_naming_it(tmp_path, ref):
    path = rewrite(checklist(tmp_path), SHEET, _add_cell(ref))
    with pytest.raises(InputError, match=f"reaches cell {ref}"):
        bounded(read_checklist, path, seconds=20, memory_mb=300)


def test_check_names_the_far_cell_in_one_line(tmp_path):
    path = rewrite(checklist(tmp_path), SHEET, _add_cell("XFD1048576"))
    result = run_cli(["check", str(tmp_path / "messe.txt"), "--checklist", str(path)], seconds=30, memory_mb=300)
    assert result.returncode == exitcodes.ERROR
    assert result.stderr.decode().count("\n") == 1 and b"XFD1048576" in result.stderr


@pytest.mark.parametrize("element", ['<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
                                     '<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>'])
def test_a_merged_or_linked_range_over_the_whole_sheet_is_refused_before_it_is_expanded(tmp_path, element):
    path = rewrite(checklist(tmp_path), SHEET,
                   lambda xml: re.sub(r"(</sheetData>)", r"\1" + element, xml, count=1))
    with pytest.raises(InputError, match="merges or links 17,179,869,184 cells"):
        bounded(read_checklist, path, seconds=20, memory_mb=300)


def test_a_part_that_inflates_too_far_is_refused_unopened(tmp_path):
    path = checklist(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b" " * (8 * 1024 * 1024))
    with pytest.raises(InputError, match="'xl/media/padding.bin' of the .xlsx workbook inflates"):
        bounded(read_checklist, path, seconds=20, memory_mb=100)


def test_the_total_unpacked_size_and_the_part_count_are_limited(tmp_path, monkeypatch):
    path = checklist(tmp_path)
    monkeypatch.setenv("CLAIMS_MAX_ZIP_UNPACKED_BYTES", "20000")
    with pytest.raises(InputError, match="would unpack to .* MiB are refused"):
        read_checklist(path)
    monkeypatch.delenv("CLAIMS_MAX_ZIP_UNPACKED_BYTES")
    monkeypatch.setenv("CLAIMS_MAX_ZIP_ENTRIES", "5")
    with pytest.raises(InputError, match="parts; more than 5 are refused"):
        read_checklist(path)


def test_a_sheet_of_millions_of_tiny_cells_is_refused_before_openpyxl_builds_them(tmp_path):
    path = checklist(tmp_path)
    cells = "".join(f'<c r="A{n}"/>' for n in range(1, 3_100_001))
    rewrite(path, "xl/worksheets/sheet3.xml",
            lambda xml: re.sub(r"<sheetData\s*/>|<sheetData>.*</sheetData>",
                               f"<sheetData><row>{cells}</row></sheetData>", xml, count=1, flags=re.S))
    with pytest.raises(InputError, match="stores more than 3,000,000 cells"):
        bounded(read_checklist, path, seconds=30, memory_mb=300)


def test_a_huge_value_in_a_cell_is_quoted_by_its_start_in_messages(tmp_path):
    import openpyxl

    path = checklist(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    status_col = next(c.column for c in ws[1] if c.value == "Status")
    ws.cell(2, status_col).value = "vielleicht " * 3000
    id_col = next(c.column for c in ws[1] if c.value == "ID")
    wb.save(path)
    result = run_cli(["check", str(tmp_path / "messe.txt")], seconds=30)
    warning = next(line for line in result.stderr.decode().splitlines() if "unknown status" in line)
    assert len(warning) < 400 and "(32,767 characters)" in warning
    ws.cell(3, id_col).value = ws.cell(2, id_col).value = "X" * 30_000
    wb.save(path)
    result = run_cli(["check", str(tmp_path / "messe.txt")], seconds=30)
    assert result.returncode == exitcodes.ERROR and len(result.stderr) < 400


# --- Word documents --------------------------------------------------------------------------

def _docx(body: str = PARAGRAPH, prolog: str = "") -> bytes:
    pytest.importorskip("docx")
    return docx_bytes(body, prolog)


def _read_docx(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    return read_article(path).text


def test_a_word_zip_bomb_is_refused_unopened(tmp_path):
    data = _docx()
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(InputError, match="inflates"):
        bounded(_read_docx, tmp_path, buffer.getvalue(), seconds=20, memory_mb=150)


@pytest.mark.parametrize("prolog, body", [
    ('<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "<w:p><w:r><w:t>&e;</w:t></w:r></w:p>"),
    ('<!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>', "<w:p><w:r><w:t>&c;</w:t></w:r></w:p>"),
])
def test_entities_in_a_word_document_are_refused(tmp_path, prolog, body):
    with pytest.raises(InputError, match="declares a document type or entities"):
        bounded(_read_docx, tmp_path, _docx(body, prolog), seconds=20, memory_mb=150)


def test_an_undeclared_entity_in_a_word_document_is_a_clean_error(tmp_path):
    with pytest.raises(InputError, match="damaged Word document"):
        bounded(_read_docx, tmp_path, _docx("<w:p><w:r><w:t>&nowhere;</w:t></w:r></w:p>"),
                seconds=20, memory_mb=150)


def test_comments_and_instructions_in_a_word_body_are_passed_over(tmp_path):
    body = ("<!-- a comment --><w:p><w:r><!-- x --><w:t>Am 17. März kamen 80 Menschen.</w:t><?pi x?></w:r></w:p>"
            "<w:tbl><w:tr><!-- y --><w:tc><w:p><w:r><w:t>Zelle</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    assert _read_docx(tmp_path, _docx(body)) == "Am 17. März kamen 80 Menschen.\nZelle\n"


def test_deep_nesting_in_a_word_document_is_a_clean_error(tmp_path):
    body = "<w:p><w:r>" + "<w:sdt><w:sdtContent>" * 3000 + "</w:sdtContent></w:sdt>" * 3000 + "</w:r></w:p>"
    try:
        text = bounded(_read_docx, tmp_path, _docx(body), seconds=20, memory_mb=300)
    except InputError as exc:
        assert "Word document" in str(exc)
    else:
        assert isinstance(text, str)


def test_merges_over_many_cells_are_refused_and_a_few_merged_cells_are_read(tmp_path):
    many = '<mergeCells count="2"><mergeCell ref="A100:J5100"/><mergeCell ref="A6000:J11000"/></mergeCells>'
    path = rewrite(checklist(tmp_path), SHEET, lambda xml: xml.replace("</sheetData>", "</sheetData>" + many, 1))
    with pytest.raises(InputError, match="merges or links 100,020 cells"):
        bounded(read_checklist, path, seconds=20, memory_mb=300)
    few = '<mergeCells count="1"><mergeCell ref="M10:P12"/></mergeCells>'
    path = rewrite(checklist(tmp_path), SHEET, lambda xml: xml.replace("</sheetData>", "</sheetData>" + few, 1))
    assert bounded(read_checklist, path, seconds=20, memory_mb=300).rows

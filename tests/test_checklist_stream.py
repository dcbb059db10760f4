"""The streamed read (what ``check`` uses) gives what the full openpyxl read gives, field by field.

Each checklist is read both ways: ``read_checklist`` (streamed) and the full read of
``update`` without its update-only parts (``_read_full(..., for_update=False)``, which was
every read before). They must agree on everything but what the streamed read leaves out on
purpose: comments and hyperlinks (and the empty cells that only carry one).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_inputs import rewrite_part
from update_support import ARTICLE, header, make_checklist
from claims.checklist.reader import _read_full, read_checklist
from claims.cli import main
from claims.errors import InputError

SHEET = "xl/worksheets/sheet1.xml"


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _row_view(row: Any) -> dict[str, Any]:
    data = row.model_dump(exclude={"cells", "copies", "editor", "own", "previous", "generated"})
    data.update(editor=_plain(row.editor), own=_plain(row.own), previous=_plain(row.previous),
                generated=_plain(row.generated), copies=[_row_view(c) for c in row.copies],
                cells={k: c.model_dump() for k, c in row.cells.items() if c.comment is None and c.link is None})
    return data


def _view(read: Any) -> dict[str, Any]:
    notes = []
    for note in read.notes:
        cells = {k: c.value for k, c in note.cells.items() if c.value is not None}
        if not note.header and cells:
            notes.append((note.sheet, note.after, note.row, cells))
    return {
        "meta": read.meta, "sheet_titles": read.sheet_titles, "own_columns": read.own_columns,
        "unknown_statuses": read.unknown_statuses, "duplicates": read.duplicates,
        "editor_sorted": read.editor_sorted, "hidden": read.hidden,
        "warnings": [w for w in read.warnings if "newer format" not in w],
        "rows": [_row_view(r) for r in read.rows], "removed": [_row_view(r) for r in read.removed],
        "notes": notes,
    }


def both(path: Path, vocabulary: dict[str, str] | None = None) -> tuple[Any, Any]:
    """(streamed, full) reads of ``path``, or the two error messages."""
    outcomes = []
    for read in (lambda: read_checklist(path, vocabulary), lambda: _read_full(path, vocabulary, False)):
        try:
            outcomes.append(_view(read()))
        except InputError as exc:
            outcomes.append(("error", str(exc)))
    return outcomes[0], outcomes[1]


_GATE_FIELDS = ("id", "kind", "text", "sentence", "status", "row", "sheet", "number")


def _gate_view(view: Any) -> Any:
    """Of a read, what ``check`` uses: each row's ID, kind, claim, sentence, status, place."""
    if isinstance(view, tuple):
        return view
    def row(r: dict[str, Any]) -> dict[str, Any]:
        return {**{k: r[k] for k in _GATE_FIELDS}, "copies": [row(c) for c in r["copies"]]}
    return {"rows": [row(r) for r in view["rows"]], "removed": [row(r) for r in view["removed"]],
            **{k: view[k] for k in ("meta", "unknown_statuses", "duplicates", "warnings", "editor_sorted")}}


def _gate_row(row: Any) -> dict[str, Any]:
    return {**{k: getattr(row, k) for k in _GATE_FIELDS}, "copies": [_gate_row(c) for c in row.copies]}


def assert_same(path: Path, vocabulary: dict[str, str] | None = None) -> Any:
    """The streamed read equals the full one; so does the gate's lean read, in what it keeps."""
    streamed, full = both(path, vocabulary)
    assert streamed == full
    try:
        read = read_checklist(path, vocabulary, gate_only=True)
        lean: Any = {"rows": [_gate_row(r) for r in read.rows], "removed": [_gate_row(r) for r in read.removed],
                     **{k: getattr(read, k) for k in ("meta", "unknown_statuses", "duplicates", "editor_sorted")},
                     "warnings": [w for w in read.warnings if "newer format" not in w]}
    except InputError as exc:
        lean = ("error", str(exc))
    assert lean == _gate_view(full)
    return streamed


def edit(path: Path, change) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb, wb.worksheets[0], header(wb.worksheets[0]))
    wb.save(path)
    return path


def test_a_fresh_checklist_reads_the_same_both_ways(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)
    view = assert_same(checklist)
    assert len(view["rows"]) > 4 and view["meta"]["lang"] == "de"


def test_an_english_checklist_reads_the_same_both_ways(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner, "---\nlang: en\ndate: 2025-03-24\n---\n"
                                  "The fair opens on 17 March in Bolzano. More than 80 exhibitors came.\n")
    assert assert_same(checklist)["meta"]["lang"] == "en"


def test_statuses_of_every_spelling_and_unknown_ones_read_the_same(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)

    def change(wb, ws, col):
        for row, word in zip(range(2, ws.max_row + 1),
                             [" Bestätigt ", "confirmed", "FALSCH", "vielleicht", 1, "ok", "entfällt", "  "]):
            ws.cell(row, col["Status"]).value = word

    view = assert_same(edit(checklist, change), {"ok": "confirmed"})
    assert [text for _, text in view["unknown_statuses"]] == ["vielleicht", "1"]


def test_comments_links_formulas_and_typed_values_read_the_same(tmp_path, runner):
    from openpyxl.comments import Comment

    _, checklist = make_checklist(tmp_path, runner)

    def change(wb, ws, col):
        ws.cell(2, col["Anmerkung"]).comment = Comment("Rückruf", "mk")
        ws.cell(2, col["Anmerkung"]).value = "laut Pressestelle"
        ws.cell(3, col["Geprüft von"]).comment = Comment("leer, aber kommentiert", "mk")
        ws.cell(3, col["Beleg (Quelle, URL)"]).hyperlink = "https://example.org/quelle"
        ws.cell(3, col["Beleg (Quelle, URL)"]).value = "Quelle"
        ws.cell(4, col["Datum"]).value = dt.datetime(2025, 3, 20, 14, 30)
        ws.cell(4, col["Anmerkung"]).value = "=TODAY()"
        ws.cell(5, col["Datum"]).value = 20250324  # a number in the date-formatted column
        ws.cell(5, col["Anmerkung"]).value = True
        ws.cell(5, col["Geprüft von"]).value = 3.25
        ws.cell(2, col["Behauptung"]).value = "vom Redakteur überschrieben"
        ws.cell(1, col["Anmerkung"]).comment = Comment("Spalte der Doku", "mk")

    view = assert_same(edit(checklist, change))
    assert view["rows"][2]["editor"]["checked_on"] == dt.datetime(2025, 3, 20, 14, 30)
    assert view["rows"][3]["editor"]["checked_on"] == 20250324
    assert view["rows"][0]["edited"]


def test_own_columns_title_rows_notes_blank_rows_and_sorting_read_the_same(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)

    def change(wb, ws, col):
        last = ws.max_column
        ws.cell(1, last + 1).value = "Rückruf"
        ws.cell(1, last + 2).value = "Rückruf"
        ws.cell(1, last + 3).value = "status"
        ws.cell(2, last + 1).value = "Di 10 Uhr"
        ws.cell(3, last + 2).value = "Mi"
        ws.cell(4, last + 3).value = "eigene"
        ws.cell(4, last + 5).value = "ohne Titel"
        ws.insert_rows(3)
        ws.cell(3, col["Anmerkung"]).value = "Notiz zwischen den Zeilen"
        ws.cell(ws.max_row + 2, 2).value = "Notiz unter der Tabelle"
        ws.insert_rows(1)
        ws.cell(1, 1).value = "Prüfliste der Doku"
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3, max_row=5)]
        for offset, values in enumerate(reversed(rows)):
            for c, value in enumerate(values, start=1):
                ws.cell(3 + offset, c).value = value

    view = assert_same(edit(checklist, change))
    assert view["editor_sorted"] and view["notes"] and len(view["own_columns"]) >= 4


def test_a_row_copied_within_the_sheet_is_refused_the_same_way(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)

    def change(wb, ws, col):
        for c in range(1, ws.max_column + 1):
            ws.cell(ws.max_row + 1, c).value = ws.cell(2, c).value

    streamed = assert_same(edit(checklist, change))
    assert streamed[0] == "error" and "appears twice" in streamed[1]


def test_a_renamed_status_header_and_a_deleted_header_row_are_refused_the_same_way(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)
    edit(checklist, lambda wb, ws, col: setattr(ws.cell(1, col["Status"]), "value", "Stand"))
    assert "no column headed 'Status'" in assert_same(checklist)[1]
    edit(checklist, lambda wb, ws, col: ws.delete_rows(1))
    assert "no ID column" in assert_same(checklist)[1]


def test_content_hidden_under_merged_cells_reads_the_same(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)
    edit(checklist, lambda wb, ws, col: setattr(ws.cell(3, col["Anmerkung"]), "value", "unter der Verbindung"))
    # LibreOffice keeps the covered cells' content; openpyxl's own merge would empty them
    merges = ('<mergeCells count="3"><mergeCell ref="M3:P3"/><mergeCell ref="A4:B4"/>'
              '<mergeCell ref="L1:M1"/></mergeCells>')
    rewrite_part(checklist, SHEET, lambda xml: xml.replace("</sheetData>", "</sheetData>" + merges, 1))
    view = assert_same(checklist)
    assert view["hidden"] or any(n[3] for n in view["notes"])


def test_the_removed_sheet_and_rows_copied_back_from_it_read_the_same(tmp_path, runner):
    article, checklist = make_checklist(tmp_path, runner)
    edit(checklist, lambda wb, ws, col: setattr(ws.cell(3, col["Status"]), "value", "bestätigt"))
    article.write_text(ARTICLE.replace("Laut Polizei verlief alles ruhig.", "Es regnete."), encoding="utf-8")
    assert runner.invoke(main, ["update", str(article), "--checklist", str(checklist)]).exit_code == 0

    def copy_back(wb, ws, col):
        removed = next(s for s in wb.worksheets if s.title == "Entfallen")
        at = ws.max_row + 1
        for c in range(1, removed.max_column + 1):
            ws.cell(at, c).value = removed.cell(2, c).value

    first = assert_same(checklist)
    assert first["removed"] and first["sheet_titles"]["removed"] == "Entfallen"
    gone = first["removed"][0]["id"]
    assert gone in {r["id"] for r in assert_same(edit(checklist, copy_back))["rows"]}


def test_shared_strings_rich_runs_phonetics_and_rows_without_coordinates_read_the_same(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)
    edit(checklist, lambda wb, ws, col: setattr(ws.cell(2, col["Anmerkung"]), "value", "geteilt"))

    def shape(xml: str) -> str:
        # a run with a phonetic reading, as Excel writes for Japanese text, and cells without r=
        xml = xml.replace("<is><t>Anmerkung</t></is>",
                          "<is><r><t>Anmer</t></r><r><rPr><b/></rPr><t>kung</t></r>"
                          "<rPh sb=\"0\" eb=\"1\"><t>X</t></rPh></is>", 1)
        return re.sub(r'<c r="[A-Z]+2"', "<c", xml)

    rewrite_part(checklist, SHEET, shape)
    assert assert_same(checklist)["rows"]


def test_entity_declarations_are_refused_and_not_expanded(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)
    laughs = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
    rewrite_part(checklist, SHEET, lambda xml: laughs + re.sub(r"^<\?xml[^>]*\?>", "", xml))
    with pytest.raises(InputError):
        read_checklist(checklist)


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["offen", "bestätigt", "Korrigiert", " falsch ", "entfällt", "done", "=1+1", "  "]),
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(st.integers(1, 7), st.integers(1, 20), _VALUES), max_size=12))
def test_any_values_an_editor_types_read_the_same(tmp_path_factory, cells):
    from claims.api import extract_article
    from claims.checklist.writer import write_workbook
    from claims.text.reader import article_from_text

    folder = tmp_path_factory.mktemp("typed")
    text = ARTICLE.split("---\n", 2)[2]
    article = article_from_text(text, path=str(folder / "messe.md"), date="2025-03-24")
    path = folder / "messe.checklist.xlsx"
    write_workbook(extract_article(article), article, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row, col, value in cells:
        ws.cell(row, col if col != 2 or row == 1 else col + 10).value = value
    wb.save(path)
    assert_same(path)


def test_a_libreoffice_resave_reads_the_same(tmp_path, runner):
    from conftest import require_soffice

    soffice = require_soffice()
    _, checklist = make_checklist(tmp_path, runner)
    edit(checklist, lambda wb, ws, col: setattr(ws.cell(2, col["Status"]), "value", "bestätigt"))
    out = tmp_path / "resaved"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(out), str(checklist)], check=True, capture_output=True, timeout=180)
    shutil.copy(out / checklist.name, checklist)
    assert assert_same(checklist)["rows"][0]["status"] == "confirmed"


def test_a_longer_checklist_with_ticks_notes_and_dates_reads_the_same(tmp_path, runner):
    body = "\n\n".join(f"Am {day}. März kamen mehr als {day * 10} Besucher nach Bozen. "
                       f"Laut Polizei war es „die größte Messe seit {1990 + day}“, sagte Anna Berger."
                       for day in range(1, 29))
    _, checklist = make_checklist(tmp_path, runner, "---\ndate: 2025-03-24\n---\n" + body + "\n")

    def change(wb, ws, col):
        for row in range(2, ws.max_row + 1, 3):
            ws.cell(row, col["Status"]).value = ["bestätigt", "falsch", "korrigiert", "entfällt"][row % 4]
            ws.cell(row, col["Datum"]).value = dt.date(2025, 3, row % 28 + 1)
            ws.cell(row + 1, col["Anmerkung"]).value = f"Notiz {row}"

    view = assert_same(edit(checklist, change))
    assert len(view["rows"]) > 100 and {r["status"] for r in view["rows"]} >= {"confirmed", "wrong", "open"}


def test_a_cell_that_names_another_row_is_refused_not_misplaced(tmp_path, runner):
    _, checklist = make_checklist(tmp_path, runner)
    # the status cell of row 3 claims to be L2: openpyxl would move it there, a stream cannot
    rewrite_part(checklist, SHEET, lambda xml: xml.replace('<c r="L3"', '<c r="L2"', 1))
    with pytest.raises(InputError, match="cell L2 stands in row 3"):
        read_checklist(checklist)

"""What editors asked for in the update loop (issue 9, "What editors asked for")."""

from __future__ import annotations

import openpyxl
import pytest

from claims import exitcodes
from claims.checklist import layout
from claims.checklist.display import show
from claims.checklist.labels import labels_for
from claims.cli import main
from update_support import ARTICLE, header, make_checklist


@pytest.fixture
def made(tmp_path, runner):
    return make_checklist(tmp_path, runner)


def rows(ws) -> list[dict]:
    col = header(ws)
    return [{k: ws.cell(r, c).value for k, c in col.items()} for r in range(2, ws.max_row + 1)
            if ws.cell(r, col["ID"]).value]


def tick_all(checklist, status="bestätigt", note=None):
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["ID"]).value:
            ws.cell(r, col["Status"]).value = status
            if note:
                ws.cell(r, col["Anmerkung"]).value = f"{note} {r}"
    wb.save(checklist)


def test_new_and_changed_rows_are_marked_in_a_filterable_column(made, runner):
    article, checklist = made
    tick_all(checklist)
    article.write_text(ARTICLE.replace("mehr als 80", "mehr als 90") + "\nDer Eintritt kostet 12 Euro.\n",
                       encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    marks = {r["Behauptung"]: r["Änderung"] for r in rows(ws)}
    assert marks["mehr als 90 Aussteller"] == "geändert" and marks["12 Euro"] == "neu"
    assert marks["am 17. März"] is None
    col = openpyxl.utils.get_column_letter(header(ws)["Änderung"])
    first, last = ws.auto_filter.ref.split(":")
    assert first == "A1" and openpyxl.utils.column_index_from_string(col) <= \
        openpyxl.utils.column_index_from_string("".join(ch for ch in last if ch.isalpha()))


def test_a_mark_stays_until_the_row_is_closed(made, runner):
    article, checklist = made
    article.write_text(ARTICLE + "\nDer Eintritt kostet 12 Euro.\n", encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    assert {r["Behauptung"]: r["Änderung"] for r in rows(ws)}["12 Euro"] == "neu"
    tick_all(checklist)
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    assert {r["Behauptung"]: r["Änderung"] for r in rows(ws)}["12 Euro"] is None


def test_vorher_columns_are_grouped_and_out_of_print_and_move_to_verlauf_once_closed(made, runner):
    article, checklist = made
    tick_all(checklist, note="geprüft")
    article.write_text(ARTICLE.replace("mehr als 80", "mehr als 90"), encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    col = header(ws)
    previous = [c for t, c in col.items() if t.startswith("Vorher: ")]
    assert previous and all(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].outline_level == 1
                            for c in previous)
    printed = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
    last_printed = printed.split(":")[1].lstrip("$").rstrip("0123456789$")
    assert openpyxl.utils.column_index_from_string(last_printed) < min(previous)
    old_note = next(r["Vorher: Anmerkung"] for r in rows(ws) if r["Vorher: Anmerkung"])
    tick_all(checklist)  # the changed row checked again
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    wb = openpyxl.load_workbook(checklist)
    assert not [t for t in header(wb.worksheets[0]) if t.startswith("Vorher: ")]
    history = [c.value for row in wb["Verlauf"].iter_rows() for c in row]
    assert old_note in history and "mehr als 80 Aussteller" in history


def test_the_editors_sort_order_survives_update_and_new_rows_come_beside_their_neighbours(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    data.reverse()  # the editor sorts the rows the other way round
    for r, values in enumerate(data, start=2):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value
    wb.save(checklist)
    before = [r["Behauptung"] for r in rows(ws)]
    article.write_text(ARTICLE.replace("um 10 Uhr.", "um 10 Uhr. Es kamen 300 Gäste."), encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    after = [r["Behauptung"] for r in rows(openpyxl.load_workbook(checklist).worksheets[0])]
    assert [t for t in after if t in before] == before
    assert after.index("300 Gäste") == after.index("um 10 Uhr") + 1


def test_an_unsorted_checklist_follows_the_article_when_paragraphs_move(made, runner):
    article, checklist = made
    moved = ARTICLE.replace("Laut Polizei verlief alles ruhig.\n", "")
    moved = moved.replace("---\nDie Messe", "---\nLaut Polizei verlief alles ruhig.\n\nDie Messe")
    article.write_text(moved, encoding="utf-8")
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    texts = [r["Behauptung"] for r in rows(openpyxl.load_workbook(checklist).worksheets[0])]
    assert texts[0] == "Laut Polizei"


def test_a_no_op_update_reports_nothing_removed(made, runner):
    article, checklist = made
    article.write_text(ARTICLE.replace("Laut Polizei verlief alles ruhig.\n", ""), encoding="utf-8")
    assert "1 removed" in runner.invoke(main, ["update", str(article)]).output
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == 0 and "nothing new, changed or removed" in result.output
    assert " removed;" not in result.output.replace("or removed;", "")


def test_a_claim_whose_sentence_alone_changed_is_not_reported_as_x_is_now_x(made, runner):
    article, checklist = made
    tick_all(checklist)
    article.write_text(ARTICLE.replace("verlief alles ruhig", "verlief der Abend ruhig"), encoding="utf-8")
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.FINDINGS
    assert "the sentence around 'Laut Polizei' changed" in result.output
    assert "'Laut Polizei' is now 'Laut Polizei'" not in result.output


@pytest.mark.parametrize("text, value, shown", [
    ("Der 24-Jährige", {"number": 24, "approx": None, "unit": "Jährige"}, "24 Jahre"),
    ("55-jährige", {"number": 55, "approx": None, "unit": "jährige"}, "55 Jahre"),
    ("1:1", {"number": 1, "approx": None, "unit": None}, "1:1"),
    ("82 : 79", {"number": 82, "approx": None, "unit": None}, "82:79"),
    ("mehr als 80 Aussteller", {"number": 80, "approx": "over", "unit": "Aussteller"}, "> 80 Aussteller"),
])
def test_values_read_as_an_editor_reads_them(text, value, shown):
    assert show("figure", value, labels_for("de"), text) == shown


def test_ages_and_scores_in_a_real_checklist(tmp_path, runner):
    article = tmp_path / "spiel.md"
    article.write_text("---\ndate: 2025-03-24\n---\nDer 24-Jährige traf beim 1:1 gegen Rapid.\n", encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    values = {r["Behauptung"]: r["Wert"] for r in rows(openpyxl.load_workbook(tmp_path / "spiel.checklist.xlsx").worksheets[0])}
    assert values["Der 24-Jährige"] == "24 Jahre" and values["1:1"] == "1:1"


def test_the_wert_column_is_wide_enough_for_its_longest_word(tmp_path, runner):
    article = tmp_path / "vorstand.md"
    article.write_text("---\ndate: 2025-03-24\n---\nEs kamen rund 2.000 stellvertretende Vorstandsvorsitzende.\n",
                       encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    ws = openpyxl.load_workbook(tmp_path / "vorstand.checklist.xlsx").worksheets[0]
    col = header(ws)["Wert"]
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width
    longest = max(len(w) for r in rows(ws) for w in str(r["Wert"] or "").split())
    assert longest >= 20 and width >= longest + 1


def test_the_checklist_prints_at_73_percent_or_more_on_a4_landscape(made):
    _, checklist = made
    from claims.checklist.writer import PRINTABLE_POINTS, column_points

    ws = openpyxl.load_workbook(checklist).worksheets[0]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width for i in range(1, ws.max_column + 1)]
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # a fixed scale: no client shrinks it
    assert ws.page_setup.scale >= 73
    assert PRINTABLE_POINTS / sum(column_points(w) for w in widths) * 100 >= ws.page_setup.scale - 1
    assert not ws.HeaderFooter.scaleWithDoc and ws.oddHeader.left.size >= 11  # >= 8 pt also scaled


def test_default_widths_leave_room_for_73_percent():
    from claims.checklist.writer import PRINTABLE_POINTS, column_points

    total = sum(column_points(c.width) for c in layout.CHECKLIST_COLUMNS)
    assert PRINTABLE_POINTS / total >= 0.73



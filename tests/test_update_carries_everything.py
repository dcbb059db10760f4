"""`claims update` carries everything an editor can put into a workbook (issue 9, item 3).

Each test edits a checklist the way an editor does (openpyxl here; LibreOffice re-saves in
test_update_libreoffice.py), changes the article, runs `claims update` and looks for the
editor's cells in the new file.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from openpyxl.comments import Comment

from claims import exitcodes
from claims.cli import main
from update_support import ARTICLE, header, make_checklist

CHANGED = ARTICLE.replace("mehr als 80", "mehr als 90")


@pytest.fixture
def made(tmp_path, runner):
    return make_checklist(tmp_path, runner)


def row_of(ws, claim: str) -> int:
    col = header(ws)["Behauptung"]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value == claim)


def update(runner, article, *args):
    result = runner.invoke(main, ["update", str(article), *args])
    assert result.exit_code == exitcodes.OK, result.output
    return result


def all_values(path) -> list:
    wb = openpyxl.load_workbook(path)
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def test_comments_keep_their_text_and_author_on_kept_and_changed_rows(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)
    ws.cell(row_of(ws, "am 17. März"), col["Anmerkung"]).comment = Comment("Datum mit Messe geklärt", "Maria K.")
    ws.cell(row_of(ws, "mehr als 80 Aussteller"), col["Anmerkung"]).value = "laut Liste"
    ws.cell(row_of(ws, "mehr als 80 Aussteller"), col["Anmerkung"]).comment = Comment("Liste vom 3.3.", "Jo")
    wb.save(checklist)
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    comments = {(c.comment.text, c.comment.author) for row in ws.iter_rows() for c in row if c.comment}
    assert ("Datum mit Messe geklärt", "Maria K.") in comments
    assert ("Liste vom 3.3.", "Jo") in comments  # on the changed row, beside its old note


def test_a_hyperlink_in_beleg_keeps_its_url(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    cell = ws.cell(row_of(ws, "am 17. März"), header(ws)["Beleg (Quelle, URL)"])
    cell.value = "Programm der Messe"
    cell.hyperlink = "https://messe.example/programm"
    wb.save(checklist)
    update(runner, article)
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    cell = ws.cell(row_of(ws, "am 17. März"), header(ws)["Beleg (Quelle, URL)"])
    assert cell.value == "Programm der Messe" and cell.hyperlink.target == "https://messe.example/programm"


def test_formulas_an_editor_typed_stay_formulas_and_follow_their_row(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)
    r = row_of(ws, "Laut Polizei")
    ws.cell(r, col["Datum"]).value = "=TODAY()"
    letter = openpyxl.utils.get_column_letter(col["Behauptung"])
    ws.cell(r, col["Anmerkung"]).value = f'="geprüft: "&{letter}{r}'
    wb.save(checklist)
    # a paragraph before moves every row down by the claims it brings
    article.write_text(ARTICLE.replace("---\n\n", "---\nAm 2. März wurde geprobt.\n\n", 1)
                       .replace("---\nDie Messe", "---\nAm 2. März wurde geprobt.\n\nDie Messe"), encoding="utf-8")
    update(runner, article)
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    col = header(ws)
    r = row_of(ws, "Laut Polizei")
    assert ws.cell(r, col["Datum"]).value == "=TODAY()"
    letter = openpyxl.utils.get_column_letter(col["Behauptung"])
    assert ws.cell(r, col["Anmerkung"]).value == f'="geprüft: "&{letter}{r}'


def test_the_editors_own_sheet_stays_with_values_formulas_and_comments(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    own = wb.create_sheet("Recherche")
    own["A1"] = "Anruf Messe"
    own["B2"] = 42
    own["C3"] = "=B2*2"
    own["A5"].comment = Comment("zurückrufen", "mk")
    wb.save(checklist)
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    ws = openpyxl.load_workbook(checklist)["Recherche"]
    assert (ws["A1"].value, ws["B2"].value, ws["C3"].value) == ("Anruf Messe", 42, "=B2*2")
    assert ws["A5"].comment.text == "zurückrufen"


def test_notes_on_the_article_and_overview_sheets_and_below_the_table_stay(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    wb["Artikel"]["D3"] = "Absatz mit Polizei klären"
    wb["Artikel"]["B12"] = "Notiz unter dem Artikel"
    wb["Übersicht"]["D4"] = "Freigabe: Chefredaktion"
    ws = wb.worksheets[0]
    ws.cell(ws.max_row + 3, 4).value = "Notiz unter der Tabelle"
    wb.save(checklist)
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    wb = openpyxl.load_workbook(checklist)
    art = wb["Artikel"]
    beside = next(r for r in range(2, art.max_row + 1) if art.cell(r, 4).value == "Absatz mit Polizei klären")
    assert "Gruber" in str(art.cell(beside, 2).value)  # still beside its paragraph
    assert "Notiz unter dem Artikel" in [c.value for row in art.iter_rows() for c in row]
    assert wb["Übersicht"]["D4"].value == "Freigabe: Chefredaktion"
    assert "Notiz unter der Tabelle" in [c.value for row in wb.worksheets[0].iter_rows() for c in row]


def test_own_columns_without_a_header_or_with_a_repeated_one_keep_their_cells(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    first = ws.max_column + 1
    ws.cell(1, first + 1).value = "Rückruf"
    ws.cell(1, first + 2).value = "Rückruf"
    r = row_of(ws, "am 17. März")
    ws.cell(r, first).value = "ohne Überschrift"
    ws.cell(r, first + 1).value = "Mo"
    ws.cell(r, first + 2).value = "Di"
    wb.save(checklist)
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    r = row_of(ws, "am 17. März")
    values = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
    assert {"ohne Überschrift", "Mo", "Di"} <= set(values)
    headers = [c.value for c in ws[1]]
    assert headers.count("Rückruf") == 2


@pytest.mark.parametrize("title", ["status", "note", "evidence", "STATUS", "Anmerkung"])
def test_an_own_column_named_like_ours_never_overwrites_the_real_status(made, runner, title):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)
    extra = ws.max_column + 1
    ws.cell(1, extra).value = title
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col["Status"]).value = "bestätigt"
        ws.cell(r, col["Anmerkung"]).value = "echte Notiz"
        ws.cell(r, extra).value = "meine Spalte"
    wb.save(checklist)
    update(runner, article)
    assert runner.invoke(main, ["check", str(article)]).exit_code == exitcodes.OK
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    col = {}
    for c in ws[1]:
        col.setdefault(c.value, c.column)
    r = row_of(ws, "am 17. März")
    own = [c.column for c in ws[1] if c.value == title][-1]
    assert ws.cell(r, col["Status"]).value == "bestätigt" and ws.cell(r, own).value == "meine Spalte"
    assert ws.cell(r, col["Anmerkung"]).value == "echte Notiz"


def test_content_hidden_under_merged_cells_is_kept(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)
    r = row_of(ws, "am 17. März")
    ws.cell(r, col["Beleg (Quelle, URL)"]).value = "Programmheft"
    ws.cell(r, col["Anmerkung"]).value = "versteckte Notiz"
    own = wb.create_sheet("Notizen")
    own["A1"] = "sichtbar"
    own["B1"] = "unter der Verbindung"
    wb.save(checklist)
    # openpyxl empties hidden cells when it merges; write the merges into the file's XML as
    # Excel and LibreOffice do ("keep the content of hidden cells")
    _merge_in_xml(checklist, {ws.title: f"{_letter(col['Beleg (Quelle, URL)'])}{r}:{_letter(col['Anmerkung'])}{r}",
                              "Notizen": "A1:B1"})
    update(runner, article)
    values = all_values(checklist)
    assert "versteckte Notiz" in values and "unter der Verbindung" in values


def _letter(col: int) -> str:
    return openpyxl.utils.get_column_letter(col)


def _merge_in_xml(path, merges: dict[str, str]) -> None:
    import re
    import zipfile

    from claims.checklist.fastrows import _sheet_parts

    with zipfile.ZipFile(path) as zf:
        parts = _sheet_parts(zf)
        members = [(i, zf.read(i.filename)) for i in zf.infolist()]
    targets = {parts[title]: ref for title, ref in merges.items()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename in targets:
                xml = data.decode("utf-8")
                merge = f'<mergeCells count="1"><mergeCell ref="{targets[info.filename]}"/></mergeCells>'
                xml = re.sub(r"(</sheetData>)", r"\1" + merge, xml, count=1)
                data = xml.encode("utf-8")
            out.writestr(info, data)


def test_a_row_copied_back_from_entfallen_is_merged_and_nothing_is_dropped(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)
    r = row_of(ws, "Laut Polizei")
    ws.cell(r, col["Status"]).value = "bestätigt"
    ws.cell(r, col["Anmerkung"]).value = "alte Notiz"
    wb.save(checklist)
    article.write_text(ARTICLE.replace("Laut Polizei verlief alles ruhig.\n", ""), encoding="utf-8")
    update(runner, article)
    wb = openpyxl.load_workbook(checklist)
    removed, ws = wb["Entfallen"], wb.worksheets[0]
    source = next(r for r in range(2, removed.max_row + 1) if removed.cell(r, header(removed)["Behauptung"]).value == "Laut Polizei")
    target = ws.max_row + 1
    for c in range(1, removed.max_column + 1):  # the editor copies the row back, keeping it in Entfallen
        ws.cell(target, c).value = removed.cell(source, c).value
    ws.cell(target, header(ws)["Anmerkung"]).value = "neue Notiz"
    wb.save(checklist)
    article.write_text(ARTICLE, encoding="utf-8")
    update(runner, article)
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    r = row_of(ws, "Laut Polizei")
    assert ws.cell(r, header(ws)["Anmerkung"]).value == "neue Notiz"  # the newer cells win
    assert ws.cell(r, header(ws)["Status"]).value == "bestätigt"
    assert "alte Notiz" in all_values(checklist)  # on the history sheet


def test_a_note_longer_than_a_cell_holds_warns_and_keeps_the_rest(made, runner):
    article, checklist = made
    long_note = "".join(f"Satz {i} der langen Notiz. " for i in range(2500))  # about 60,000 characters
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    # openpyxl cuts what it is given at 32,767 characters; LibreOffice writes longer cells
    cell = ws.cell(row_of(ws, "am 17. März"), header(ws)["Anmerkung"])
    cell._value, cell.data_type = long_note, "s"
    wb.save(checklist)
    result = update(runner, article)
    assert "more than a cell holds" in result.output
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    head = ws.cell(row_of(ws, "am 17. März"), header(ws)["Anmerkung"]).value
    rest = [c.value for row in wb["Bewahrt"].iter_rows(min_row=2) for c in row[2:3] if c.value]
    assert (head[:-4] + "".join(rest)) == long_note


def test_a_generated_cell_the_editor_typed_over_is_kept_on_bewahrt_with_its_origin(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.cell(row_of(ws, "am 17. März"), header(ws)["Wert"]).value = "eigentlich 18.03."
    wb.save(checklist)
    result = update(runner, article)
    assert "Bewahrt" in result.output
    kept = openpyxl.load_workbook(checklist)["Bewahrt"]
    rows = [[c.value for c in row] for row in kept.iter_rows(min_row=2)]
    assert any(r[2] == "eigentlich 18.03." and "value" in str(r[0]) for r in rows)


# --------------------------------------------------------------------------- headers and types


@pytest.mark.parametrize("new_title", [None, "Stand"])
def test_a_cleared_or_renamed_status_header_is_a_clear_error(made, runner, new_title):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.cell(1, header(ws)["Status"]).value = new_title
    wb.save(checklist)
    before = checklist.read_bytes()
    for command in ("update", "check"):
        result = runner.invoke(main, [command, str(article)])
        assert result.exit_code == exitcodes.ERROR and "Status" in result.output and "renamed" in result.output
    assert checklist.read_bytes() == before


def test_a_number_typed_into_datum_is_kept_as_typed(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.cell(row_of(ws, "am 17. März"), header(ws)["Datum"]).value = 20250324
    wb.save(checklist)
    result = update(runner, article)
    assert "Warn" not in result.output and "VALUE" not in result.output
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    cell = ws.cell(row_of(ws, "am 17. März"), header(ws)["Datum"])
    assert cell.value == 20250324 and cell.number_format == "General"


def test_openpyxl_warnings_never_reach_the_user_raw(made, runner):
    import re
    import zipfile

    article, checklist = made
    # an Excel extension openpyxl cannot read (a data validation of Excel 2010's kind)
    with zipfile.ZipFile(checklist) as zf:
        members = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(checklist, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet1.xml":
                ext = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
                       'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                       '<x14:dataValidations count="0"/></ext></extLst>')
                data = re.sub(rb"</worksheet>", ext.encode() + b"</worksheet>", data)
            out.writestr(info, data)
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.OK
    assert "UserWarning" not in result.output and "openpyxl/" not in result.output
    assert "claims: warning:" in result.output


def test_a_checklist_in_a_read_only_file_is_refused_and_untouched(made, runner):
    import os

    article, checklist = made
    os.chmod(checklist, 0o444)
    before = checklist.read_bytes()
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.ERROR and "read-only" in result.output
    assert checklist.read_bytes() == before and not list(checklist.parent.glob("*.bak-*"))


def test_update_keeps_the_checklists_permission_bits(made, runner):
    import os
    import stat

    article, checklist = made
    os.chmod(checklist, 0o640)
    update(runner, article)
    assert stat.S_IMODE(checklist.stat().st_mode) == 0o640


def test_a_symlinked_checklist_updates_its_target_and_stays_a_link(made, runner, tmp_path):
    article, checklist = made
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "messe.xlsx"
    checklist.rename(real)
    checklist.symlink_to(real)
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    assert checklist.is_symlink() and checklist.resolve() == real
    assert "mehr als 90 Aussteller" in all_values(real)
    assert list(shared.glob("messe.bak-*.xlsx"))  # the backup beside the file it saves


def test_backups_are_generations_named_by_time_and_a_second_update_keeps_the_first(made, runner):
    article, checklist = made
    first = checklist.read_bytes()
    update(runner, article)
    second = checklist.read_bytes()
    update(runner, article)
    from claims.fileops import backups_of

    assert [b.read_bytes() for b in backups_of(checklist)] == [first, second]


def test_backups_beyond_the_last_five_go_and_only_ours(made, runner):
    from claims.fileops import BACKUPS_KEPT

    article, checklist = made
    mine = checklist.parent / "messe.checklist.bak-meine-kopie.xlsx"
    mine.write_bytes(b"editor's own")
    for _ in range(BACKUPS_KEPT + 2):
        update(runner, article)
    assert len(list(checklist.parent.glob("messe.checklist.bak-2*.xlsx"))) == BACKUPS_KEPT
    assert mine.read_bytes() == b"editor's own"


def test_a_planted_symlink_with_the_backups_name_is_never_written_through(made, runner, tmp_path, monkeypatch):
    from claims import fileops

    article, checklist = made
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch", encoding="utf-8")
    when = dt.datetime(2030, 1, 2, 3, 4, 5)
    monkeypatch.setattr(fileops, "_now", lambda: when)
    planted = fileops.backup_name(checklist, when)
    planted.symlink_to(victim)
    update(runner, article)
    assert victim.read_text(encoding="utf-8") == "do not touch"
    assert planted.is_symlink()  # left alone; the backup took the next name


def test_a_title_row_the_editor_put_above_the_header_is_kept(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.insert_rows(1)
    ws["A1"] = "Prüfliste Messe – Stand Montag"
    wb.save(checklist)
    update(runner, article)
    assert "Prüfliste Messe – Stand Montag" in all_values(checklist)
    assert runner.invoke(main, ["check", str(article)]).exit_code == exitcodes.FINDINGS  # read, all open


def test_times_and_formatted_numbers_in_own_columns_keep_type_and_format(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    first = ws.max_column + 1
    ws.cell(1, first).value = "Anruf um"
    ws.cell(1, first + 1).value = "Anteil"
    r = row_of(ws, "am 17. März")
    ws.cell(r, first).value = dt.time(10, 30)
    ws.cell(r, first + 1).value = 0.25
    ws.cell(r, first + 1).number_format = "0%"
    wb.save(checklist)
    update(runner, article)
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    col = header(ws)
    r = row_of(ws, "am 17. März")
    assert ws.cell(r, col["Anruf um"]).value == dt.time(10, 30)
    assert ws.cell(r, col["Anteil"]).value == 0.25 and ws.cell(r, col["Anteil"]).number_format == "0%"


def test_a_cell_of_the_overview_typed_over_is_kept_on_bewahrt(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    wb["Übersicht"]["B3"] = "Messe in Bozen (Endfassung)"
    wb.save(checklist)
    result = update(runner, article)
    assert "Bewahrt" in result.output
    kept = [[c.value for c in row] for row in openpyxl.load_workbook(checklist)["Bewahrt"].iter_rows(min_row=2)]
    assert any(r[0] == "Übersicht!B3" and r[2] == "Messe in Bozen (Endfassung)" for r in kept)


def test_an_untouched_checklist_puts_nothing_on_bewahrt(made, runner):
    article, checklist = made
    result = update(runner, article)
    update(runner, article)
    assert "Bewahrt" not in result.output
    assert "Bewahrt" not in openpyxl.load_workbook(checklist).sheetnames


def test_a_formula_never_computed_on_a_changed_row_is_kept_among_the_vorher_cells(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.cell(row_of(ws, "mehr als 80 Aussteller"), header(ws)["Anmerkung"]).value = '="laut "&"Liste"'
    wb.save(checklist)  # openpyxl stores no computed value for it
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    r = row_of(ws, "mehr als 90 Aussteller")
    assert ws.cell(r, header(ws)["Vorher: Anmerkung"]).value == '="laut "&"Liste"'


def test_extract_force_over_a_ticked_checklist_keeps_it_as_a_backup(made, runner):
    from claims.fileops import backups_of

    article, checklist = made
    before = checklist.read_bytes()
    result = runner.invoke(main, ["extract", str(article), "--force"])
    assert result.exit_code == 0 and "previous checklist is in" in result.output
    assert [b.read_bytes() for b in backups_of(checklist)] == [before]


def test_a_date_typed_into_a_note_row_stays_a_date(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.cell(ws.max_row + 2, header(ws)["Anmerkung"]).value = dt.datetime(2025, 3, 23)
    ws.cell(ws.max_row, header(ws)["Anmerkung"] + 3).value = dt.datetime(2025, 3, 24, 9, 30)
    wb.save(checklist)
    update(runner, article)
    ws = openpyxl.load_workbook(checklist).worksheets[0]
    dates = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, dt.datetime)]
    assert dt.datetime(2025, 3, 23) in dates and dt.datetime(2025, 3, 24, 9, 30) in dates


def test_the_overview_counts_every_claim_row_also_with_notes_between_the_rows(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    ws.insert_rows(3)
    ws.cell(3, 4).value = "Zwischenüberschrift der Redaktion"
    wb.save(checklist)
    update(runner, article)
    wb = openpyxl.load_workbook(checklist)
    last = wb.worksheets[0].max_row
    total = next(row[1].value for row in wb["Übersicht"].iter_rows() if row[0].value == "Gesamt")
    assert total.endswith(f"$2:$B${last})")


def test_repeated_own_columns_of_a_changed_row_keep_each_cell_among_the_vorher_cells(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    first = ws.max_column + 1
    r = row_of(ws, "mehr als 80 Aussteller")
    for i in range(3):
        ws.cell(1, first + i).value = "Rückruf"
        ws.cell(r, first + i).value = f"Anruf {i}"
    wb.save(checklist)
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    assert {"Anruf 0", "Anruf 1", "Anruf 2"} <= set(all_values(checklist))


@pytest.mark.parametrize("title", ["status", "Anmerkung", "note"])
def test_an_own_column_named_like_ours_on_a_changed_row_keeps_both_cells_among_the_vorher_cells(made, runner, title):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = header(ws)  # before the own column of the same title
    own = ws.max_column + 1
    ws.cell(1, own).value = title
    r = row_of(ws, "mehr als 80 Aussteller")
    ws.cell(r, col["Status"]).value = "ENTFÄLLT"
    ws.cell(r, col["Anmerkung"]).value = "unsere Notiz"
    ws.cell(r, own).value = "eigene Zelle"
    wb.save(checklist)
    article.write_text(CHANGED, encoding="utf-8")
    update(runner, article)
    update(runner, article)  # and once more: the kept cells read back as they were written
    values = all_values(checklist)
    assert {"ENTFÄLLT", "unsere Notiz", "eigene Zelle"} <= set(values)


def test_a_note_typed_into_our_columns_of_the_article_sheet_is_kept(made, runner):
    article, checklist = made
    wb = openpyxl.load_workbook(checklist)
    art = wb["Artikel"]
    row = next(r for r in range(2, art.max_row + 1) if "Polizei" in str(art.cell(r, 2).value))
    art.cell(row, 3).value = "Polizeibericht angefordert"
    wb.save(checklist)
    update(runner, article)
    assert "Polizeibericht angefordert" in all_values(checklist)
    update(runner, article)
    kept = openpyxl.load_workbook(checklist)["Bewahrt"]
    assert sum(1 for r in kept.iter_rows(min_row=2) if r[2].value == "Polizeibericht angefordert") == 1

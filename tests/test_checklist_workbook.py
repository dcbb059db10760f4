"""The checklist workbook, read back with openpyxl and with python-calamine (an independent reader)."""

from __future__ import annotations

import json
import re
import zipfile

import openpyxl
import pytest
from checklist_support import ENGLISH, GERMAN, OWASP_PAYLOADS, extracted, handmade, sheet_xml
from openpyxl.cell.rich_text import CellRichText, TextBlock
from python_calamine import CalamineWorkbook

from claims.checklist import layout
from claims.checklist.display import show
from claims.checklist.labels import labels_for, status_code
from claims.checklist.writer import write_workbook
from claims.cli import main
from claims.engine.ids import fingerprint

COL = {c.key: i for i, c in enumerate(layout.CHECKLIST_COLUMNS)}  # 0-based


def letter(key: str) -> str:
    """The column letter of a checklist column, from the layout (columns may be added)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(COL[key] + 1)


@pytest.fixture
def german(tmp_path):
    result, article = extracted()
    path = tmp_path / "messe.checklist.xlsx"
    write_workbook(result, article, path)
    return result, article, path


def data_rows(ws):
    return [r for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


# --------------------------------------------------------------------------- sheets and rows


def test_german_article_gets_german_sheets_and_hidden_metadata_sheets(german):
    _, _, path = german
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Prüfliste", "Artikel", "Übersicht", "_claims", "_meta"]
    assert [ws.sheet_state for ws in wb] == ["visible", "visible", "visible", "hidden", "hidden"]
    assert wb.active.title == "Prüfliste"


def test_checklist_has_one_row_per_claim_in_article_order_with_open_status(german):
    result, _, path = german
    assert len(result.claims) >= 3  # the rules find the dates and figures of our text
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Nr.", "ID", "Art"] and header[COL["status"]] == "Status"
    assert header[COL["checked_by"]] == "Geprüft von" and header[COL["note"]] == "Anmerkung"
    rows = data_rows(ws)
    assert len(rows) == len(result.claims)
    for number, (row, claim) in enumerate(zip(rows, result.claims, strict=True), start=1):
        assert row[COL["number"]] == number
        assert row[COL["id"]] == claim.id
        assert row[COL["kind"]] == labels_for("de").kind(claim.kind)
        assert row[COL["claim"]] == claim.text
        assert row[COL["paragraph"]] == claim.paragraph
        assert row[COL["line"]] == claim.line
        assert row[COL["hint"]] == claim.hint
        assert row[COL["status"]] == "offen"
        assert all(row[COL[k]] is None for k in ("checked_by", "checked_on", "evidence", "note"))


def test_values_are_shown_the_way_an_editor_reads_them(german):
    result, _, path = german
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    shown = {row[COL["claim"]]: row[COL["value"]] for row in data_rows(ws)}
    assert shown["am 17. März 2025"] == "17.03.2025"
    assert shown["mehr als 80 Aussteller"] == "> 80 Aussteller"
    assert shown["rund 2.000 Besucher"] == "≈ 2.000 Besucher"


def test_sentence_cell_is_rich_text_with_exactly_the_claim_in_bold(german):
    result, _, path = german
    ws = openpyxl.load_workbook(path, rich_text=True)["Prüfliste"]
    for row, claim in zip(ws.iter_rows(min_row=2), result.claims, strict=False):
        cell = row[COL["sentence"]].value
        assert isinstance(cell, CellRichText)
        bold = [b.text for b in cell if isinstance(b, TextBlock) and b.font.b]
        assert bold == [claim.text]
        assert str(cell) == claim.sentence


def test_claim_is_found_in_its_sentence_even_when_offsets_do_not_fit(tmp_path):
    result, article = handmade(["Er sagte „Wir kommen wieder“ am Ende."])
    claim = result.claims[0]
    claim.text, claim.start = "„Wir kommen wieder“", 999  # offset unusable: search the text
    path = tmp_path / "c.xlsx"
    write_workbook(result, article, path)
    cell = openpyxl.load_workbook(path, rich_text=True)["Prüfliste"].cell(2, COL["sentence"] + 1).value
    assert [b.text for b in cell if isinstance(b, TextBlock) and b.font.b] == ["„Wir kommen wieder“"]


# --------------------------------------------------------------------------- editor columns


def test_status_is_a_drop_down_of_the_five_labels_and_date_is_validated(german):
    result, _, path = german
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    last = len(result.claims) + 1
    by_type = {dv.type: dv for dv in ws.data_validations.dataValidation}
    status = by_type["list"]
    assert status.formula1 == '"offen,bestätigt,korrigiert,falsch,entfällt"'
    status_col, date_col = letter("status"), letter("checked_on")
    assert str(status.sqref) == f"{status_col}2:{status_col}{last}"
    assert str(by_type["date"].sqref) == f"{date_col}2:{date_col}{last}"


def test_row_colour_follows_status_by_conditional_formatting(german):
    result, _, path = german
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    rules = {}
    for cf in ws.conditional_formatting:
        if str(cf.sqref) == f"{letter('change')}2:{letter('change')}{len(result.claims) + 1}":
            continue  # the new-or-changed mark
        assert str(cf.sqref) == f"A2:{letter('note')}{len(result.claims) + 1}"
        for rule in cf.rules:
            label = re.search(r'"(.+)"', rule.formula[0]).group(1)
            rules[label] = rule.dxf.fill.fgColor.rgb[-6:]
    assert rules == {"bestätigt": layout.STATUS_FILLS["confirmed"],
                     "korrigiert": layout.STATUS_FILLS["corrected"],
                     "falsch": layout.STATUS_FILLS["wrong"],
                     "entfällt": layout.STATUS_FILLS["dropped"]}


def test_editor_columns_look_different_from_the_program_columns(german):
    _, _, path = german
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    fills = {c.key: ws.cell(1, i + 1).fill.fgColor.rgb[-6:] for c, i in
             zip(layout.CHECKLIST_COLUMNS, range(len(layout.CHECKLIST_COLUMNS)), strict=True)}
    for column in layout.CHECKLIST_COLUMNS:
        expected = layout.EDITOR_HEADER_FILL if column.editor else layout.HEADER_FILL
        assert fills[column.key] == expected
        body = ws.cell(2, COL[column.key] + 1).fill.fgColor.rgb[-6:]
        assert (body == layout.EDITOR_FILL) == column.editor


def test_checklist_is_frozen_filtered_wrapped_and_prints_on_a4_landscape_with_header(german):
    _, _, path = german
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith(f"A1:{letter('note')}")
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.scale >= 73 and not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows.replace("$", "") == "1:1"
    assert ws.cell(2, COL["sentence"] + 1).alignment.wrap_text
    assert ws.column_dimensions["E"].width > ws.column_dimensions["A"].width


# --------------------------------------------------------------------------- other sheets


def test_article_sheet_has_paragraphs_with_the_numbers_of_their_claims(german):
    result, _, path = german
    ws = openpyxl.load_workbook(path)["Artikel"]
    rows = data_rows(ws)
    assert [r[0] for r in rows] == [p.index for p in result.paragraphs]
    assert rows[0][1].startswith("Die Messe in Bozen beginnt")
    for index, (_, _, numbers) in zip((p.index for p in result.paragraphs), rows, strict=True):
        expected = [n for n, c in enumerate(result.claims, start=1) if c.paragraph == index]
        listed = [int(x) for x in re.findall(r"\d+", numbers or "")]
        assert listed[0] == expected[0] and listed[-1] == expected[-1]


def test_long_paragraph_continues_in_further_rows_within_the_cell_limit(tmp_path):
    sentence = "Am 17. März kamen mehr als 80 Aussteller nach Bozen. "
    result, article = extracted(sentence * 400)  # one paragraph of about 21,000 characters
    path = tmp_path / "long.xlsx"
    write_workbook(result, article, path)
    rows = data_rows(openpyxl.load_workbook(path)["Artikel"])
    assert len(rows) > 1 and {r[0] for r in rows} == {1}
    assert all(len(r[1]) <= 1600 for r in rows)
    assert "".join(r[1] + " " for r in rows).split() == article.text.split()


def test_overview_has_article_data_and_live_counts_as_formulas(german):
    result, article, path = german
    ws = openpyxl.load_workbook(path)["Übersicht"]
    pairs = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert pairs["Titel"] == "Messe in Bozen"
    assert pairs["Prüfsumme (SHA-256)"] == article.sha256
    assert pairs["Datum des Artikels"].date().isoformat() == "2025-03-10"
    assert pairs["Regelsatz"].startswith(result.ruleset)
    assert pairs["Programm"].startswith("claims ")
    assert pairs["Zahl"] == f"=COUNTIF('Prüfliste'!$C$2:$C${len(result.claims) + 1},\"Zahl\")"
    assert pairs["bestätigt"].startswith(f"=COUNTIF('Prüfliste'!${letter('status')}$2:")
    assert pairs["Gesamt"].startswith("=COUNTA(")
    progress = pairs["Erledigt (bestätigt, korrigiert oder entfällt)"]
    assert progress.startswith("=IF(")


def test_hidden_sheets_and_properties_hold_what_check_and_update_need(german):
    result, article, path = german
    wb = openpyxl.load_workbook(path)
    rows = list(wb["_claims"].iter_rows(values_only=True))
    assert rows[0] == layout.CLAIM_META_KEYS
    records = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [r["id"] for r in records] == [c.id for c in result.claims]
    for record, claim in zip(records, result.claims, strict=True):
        assert record["text_fp"] == fingerprint(claim.text)
        assert record["sentence_fp"] == fingerprint(claim.sentence)
        assert (record["start"], record["end"], record["kind"], record["rule"]) == \
            (claim.start, claim.end, claim.kind, claim.rule)
        assert json.loads(record["value"]) == claim.value
    meta = {k: v for k, v in wb["_meta"].iter_rows(values_only=True)}
    assert meta["format_version"] == layout.FORMAT_VERSION
    assert meta["article_sha256"] == article.sha256
    assert meta["lang"] == "de"
    assert json.loads(meta["columns"]) == [c.key for c in layout.CHECKLIST_COLUMNS]
    props = {p.name: p.value for p in wb.custom_doc_props}
    assert props["claims.article_sha256"] == article.sha256
    assert props["claims.format_version"] == layout.FORMAT_VERSION
    assert props["claims.lang"] == "de"


# --------------------------------------------------------------------------- a second reader


def test_calamine_reads_the_same_sheets_and_cells(german):
    result, _, path = german
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["Prüfliste", "Artikel", "Übersicht", "_claims", "_meta"]
    rows = wb.get_sheet_by_name("Prüfliste").to_python()
    assert rows[0][COL["claim"]] == "Behauptung"
    body = [r for r in rows[1:] if any(v != "" for v in r)]
    assert [r[COL["id"]] for r in body] == [c.id for c in result.claims]
    assert [r[COL["sentence"]] for r in body] == [c.sentence for c in result.claims]
    assert all(r[COL["status"]] == "offen" for r in body)
    hidden = wb.get_sheet_by_name("_claims").to_python()
    assert [r[0] for r in hidden[1:]] == [c.id for c in result.claims]


# --------------------------------------------------------------------------- safety


@pytest.mark.parametrize("payload", OWASP_PAYLOADS)
def test_owasp_payload_in_claim_and_sentence_stays_text(tmp_path, payload):
    result, article = handmade([payload, f"{payload} und mehr"])
    path = tmp_path / "owasp.xlsx"
    write_workbook(result, article, path)
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    for row in ws.iter_rows(min_row=2, max_row=3):
        for key in ("claim", "sentence", "hint"):
            cell = row[COL[key]]
            assert cell.data_type == "s", (key, cell.value)
            assert cell.value.startswith(payload)
    assert ws.cell(2, COL["claim"] + 1).quotePrefix  # stays text when an editor edits it
    assert "<f>" not in sheet_xml(path, "Prüfliste")
    assert "<f>" not in sheet_xml(path, "Artikel")
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Prüfliste").to_python()
    assert calamine[1][COL["claim"]] == payload


def test_only_the_overview_holds_formulas(german):
    _, _, path = german
    assert "<f>" in sheet_xml(path, "Übersicht")
    for name in ("Prüfliste", "Artikel", "_claims", "_meta"):
        assert "<f>" not in sheet_xml(path, name)


def test_control_characters_the_format_forbids_are_removed_not_crashed_on(tmp_path):
    dirty = "Bell\x07 null\x00 esc\x1b vt\x0b ff\x0c ok\ttab"
    result, article = handmade([dirty])
    path = tmp_path / "ctl.xlsx"
    write_workbook(result, article, path)
    ws = openpyxl.load_workbook(path)["Prüfliste"]
    assert ws.cell(2, COL["claim"] + 1).value == "Bell null esc vt ff ok\ttab"
    CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Artikel").to_python()


def test_workbook_without_claims_is_still_valid(tmp_path):
    result, article = extracted("Ein Text ganz ohne Zahlen und Daten.\n")
    assert result.claims == []
    path = tmp_path / "empty.xlsx"
    write_workbook(result, article, path)
    wb = openpyxl.load_workbook(path)
    assert data_rows(wb["Prüfliste"]) == []
    CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Übersicht").to_python()


# --------------------------------------------------------------------------- languages


def test_english_article_gets_english_labels(tmp_path):
    result, article = handmade(["„We will be back“, she said."], lang="en",
                               value={"quote": "We will be back", "speaker": None})
    path = tmp_path / "en.xlsx"
    write_workbook(result, article, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["Checklist", "Article", "Overview"]
    row = [c.value for c in wb["Checklist"][2]]
    assert row[COL["kind"]] == "Quote" and row[COL["status"]] == "open"
    assert row[COL["value"]] == "(no speaker named)"
    assert {dv.formula1 for dv in wb["Checklist"].data_validations.dataValidation} >= \
        {'"open,confirmed,corrected,wrong,dropped"'}


def test_english_text_from_extraction_gets_english_workbook(tmp_path):
    result, article = extracted(ENGLISH, lang="en")
    path = tmp_path / "en2.xlsx"
    write_workbook(result, article, path)
    assert openpyxl.load_workbook(path).sheetnames[0] == "Checklist"


def test_language_without_label_set_falls_back_to_english():
    assert labels_for("fr").lang == "en"
    assert labels_for("de-AT").lang == "de"


def test_status_labels_of_any_language_map_to_codes():
    assert status_code(" Bestätigt ") == "confirmed"
    assert status_code("wrong") == "wrong"
    assert status_code("") == "open" and status_code(None) == "open"
    assert status_code("vielleicht") is None


@pytest.mark.parametrize(("kind", "value", "de", "en"), [
    ("date", "2025-03-17", "17.03.2025", "17 March 2025"),
    ("date", "2025-03", "03.2025", "March 2025"),
    ("date", "XXXX-03-17", "17.03.", "17 March"),
    ("date", "2025", "2025", "2025"),
    ("date", "2025-03-17T14:00", "17.03.2025 14:00", "17 March 2025, 14:00"),
    ("date", "2025-03-22TEV", "22.03.2025, abends", "22 March 2025, evening"),
    ("date", "2025-W12", "KW 12/2025", "week 12, 2025"),
    ("date", "P2D", "2 Tage", "2 days"),
    ("date", "P1Y", "1 Jahr", "1 year"),
    ("date", "PT3H", "3 Stunden", "3 hours"),
    ("date", "P10Y", "10 Jahre", "10 years"),
    ("date", "192", "1920er-Jahre", "the 1920s"),
    ("date", "XXXX-XX-XX", "kein bestimmter Tag", "no particular day"),
    ("date", "18", "19. Jahrhundert", "1800–1899"),
    ("date", "something odd", "something odd", "something odd"),
    ("figure", {"number": 80, "approx": "over", "unit": "CEOs"}, "> 80 CEOs", "> 80 CEOs"),
    ("figure", {"number": 2000, "approx": "about", "unit": None}, "≈ 2.000", "≈ 2,000"),
    ("figure", {"number": 3.5, "approx": None, "unit": "Milliarden Euro"}, "3,5 Milliarden Euro",
     "3.5 Milliarden Euro"),
    ("figure", {"number": 1200000, "approx": "at_least", "unit": "Euro"}, "≥ 1.200.000 Euro",
     "≥ 1,200,000 Euro"),
    ("quote", {"quote": "x y", "speaker": "Herr Lee"}, "Herr Lee", "Herr Lee"),
    ("role", {"person": "Lee Jae-yong", "role": "Vorsitzender", "org": "Samsung"},
     "Lee Jae-yong – Vorsitzender, Samsung", "Lee Jae-yong – Vorsitzender, Samsung"),
    ("attribution", {"source": "Polizei"}, "Polizei", "Polizei"),
    ("credit", {"credit": "Weibo"}, "Weibo", "Weibo"),
    ("superlative", {}, "", ""),
])
def test_value_display_per_language(kind, value, de, en):
    assert show(kind, value, labels_for("de")) == de
    assert show(kind, value, labels_for("en")) == en


# --------------------------------------------------------------------------- writing


def test_write_is_atomic_an_error_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    result, article = extracted()
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"old")

    def broken(self, filename):
        filename.write(b"half")  # the workbook is built in memory, then written atomically
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken)
    with pytest.raises(OSError):
        write_workbook(result, article, path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_written_file_is_a_zip_with_custom_properties(german):
    _, _, path = german
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert "docProps/custom.xml" in zf.namelist()


# --------------------------------------------------------------------------- command line


def test_extract_writes_the_checklist_beside_the_article(runner, sample):
    outcome = runner.invoke(main, ["extract", str(sample)])
    assert outcome.exit_code == 0, outcome.output
    target = sample.with_name("cdf-samsung-xiaomi.checklist.xlsx")
    assert target.is_file()
    assert str(target) in outcome.output and "claims" in outcome.output
    assert openpyxl.load_workbook(target).sheetnames[0] == "Prüfliste"


def test_extract_refuses_to_overwrite_a_checklist_and_points_to_update(runner, sample):
    assert runner.invoke(main, ["extract", str(sample)]).exit_code == 0
    target = sample.with_name("cdf-samsung-xiaomi.checklist.xlsx")
    before = target.read_bytes()
    outcome = runner.invoke(main, ["extract", str(sample)])
    assert outcome.exit_code == 2
    assert "claims update" in outcome.output
    assert target.read_bytes() == before
    assert runner.invoke(main, ["extract", str(sample), "--force"]).exit_code == 0


def test_extract_output_option_chooses_the_file(runner, sample, tmp_path):
    target = tmp_path / "elsewhere" / "mine.xlsx"
    target.parent.mkdir()
    outcome = runner.invoke(main, ["extract", str(sample), "-o", str(target)])
    assert outcome.exit_code == 0, outcome.output
    assert target.is_file()
    assert not sample.with_name("cdf-samsung-xiaomi.checklist.xlsx").exists()

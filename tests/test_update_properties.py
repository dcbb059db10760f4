"""End to end through real workbooks: after random edits of the article and random things an
editor makes in the checklist, `update` loses nothing the editor made.

What an editor makes here: statuses and notes, own columns under any header (none, a repeated
one, one named like ours: ``status``, ``Note``, ``Anmerkung``), comments with authors on any
cell of a claim row, hyperlinks in Beleg, an own sheet with values, formulas and comments.
Every such cell must be somewhere in the updated workbook with its value (its comment, its
link): on its row, among the "Vorher" cells, on Entfallen, Verlauf or Bewahrt.
"""

from __future__ import annotations

import os

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.comments import Comment

from articles import articles, editor_text, edits, render
from claims.cli import main

EXAMPLES = int(os.environ.get("CLAIMS_WORKBOOK_EXAMPLES", "20"))
STATUSES = ["offen", "bestätigt", "korrigiert", "falsch", "entfällt", "Bestätigt", "ENTFÄLLT"]
OWN_HEADERS = ["Rückruf", "Rückruf", "", "status", "Note", "Anmerkung", "Quelle 2", "evidence"]


def everything(path) -> tuple[list, set, set]:
    """Every value, (comment, author) and hyperlink target anywhere in the workbook."""
    wb = openpyxl.load_workbook(path)
    values, comments, links = [], set(), set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    values.append(cell.value)
                if cell.comment is not None:
                    comments.add((cell.comment.text, cell.comment.author))
                    values.append(cell.comment.text)  # a comment kept on Bewahrt is a value there
                if cell.hyperlink is not None and cell.hyperlink.target:
                    links.add(cell.hyperlink.target)
                    values.append(cell.hyperlink.target)
    return values, comments, links


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_nothing_an_editor_made_is_lost_through_update(tmp_path_factory, data):
    from click.testing import CliRunner

    runner = CliRunner()
    folder = tmp_path_factory.mktemp("article")
    article = folder / "a.md"
    before = data.draw(articles())
    article.write_text("---\ndate: 2025-03-24\n---\n" + render(before), encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    checklist = folder / "a.checklist.xlsx"

    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1] if c.value}
    headers = data.draw(st.lists(st.sampled_from(OWN_HEADERS), min_size=0, max_size=3))
    own_cols = []
    last_row = ws.max_row
    next_col = max(col.values()) + 1
    for title in headers:
        if title:
            ws.cell(1, next_col).value = title
        own_cols.append(next_col)
        next_col += 1
    typed: list = []  # values an editor typed
    comments: set = set()
    links: set = set()
    for row in range(2, last_row + 1):
        for header in ("Status", "Geprüft von", "Anmerkung"):
            if data.draw(st.booleans()):
                value = data.draw(st.sampled_from(STATUSES)) if header == "Status" else data.draw(editor_text)
                ws.cell(row, col[header]).value = value
                if not (header == "Status" and value.casefold() == "offen"):
                    typed.append(value)
        for own in own_cols:
            if data.draw(st.booleans()):
                value = data.draw(editor_text)
                ws.cell(row, own).value = value
                typed.append(value)
        if data.draw(st.integers(0, 3)) == 0:
            target = data.draw(st.sampled_from([*col.values(), *own_cols]))
            text, author = data.draw(editor_text), data.draw(st.sampled_from(["mk", "Maria K.", "jo"]))
            ws.cell(row, target).comment = Comment(text, author)
            comments.add((text, author))
        if data.draw(st.integers(0, 3)) == 0:
            url = f"https://beleg.example/{row}/{data.draw(st.integers(0, 999))}"
            cell = ws.cell(row, col["Beleg (Quelle, URL)"])
            cell.hyperlink = url
            links.add(url)
            typed.append(cell.value)
    if data.draw(st.booleans()):
        sheet = wb.create_sheet(data.draw(st.sampled_from(["Recherche", "Notizen", "Anrufe"])))
        placed = {}  # a later value in the same cell replaces the earlier one
        for _ in range(data.draw(st.integers(1, 4))):
            placed[(data.draw(st.integers(1, 30)), data.draw(st.integers(1, 8)))] = data.draw(editor_text)
        for (r, c), value in placed.items():
            sheet.cell(r, c).value = value
            typed.append(value)
    wb.save(checklist)

    after, _ = data.draw(edits(before))
    article.write_text("---\ndate: 2025-03-24\n---\n" + render(after), encoding="utf-8")
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == 0, result.output

    values, found_comments, found_links = everything(checklist)
    text_values = {str(v) for v in values}
    for value in typed:
        assert str(value) in text_values, value
    for text, author in comments:
        assert (text, author) in found_comments or text in text_values, (text, author)
    for url in links:
        assert url in found_links or url in text_values, url

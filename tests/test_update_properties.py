"""End to end through real workbooks: after random edits and random editor input, `update` loses no cell."""

from __future__ import annotations

import os

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import articles, editor_text, edits, render
from claims.checklist.reader import read_checklist
from claims.cli import main

EXAMPLES = int(os.environ.get("CLAIMS_WORKBOOK_EXAMPLES", "20"))
STATUSES = ["offen", "bestätigt", "korrigiert", "falsch", "entfällt", "Bestätigt", "ENTFÄLLT"]


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_editor_cell_is_lost_through_update(tmp_path_factory, data):
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
    ws.cell(1, ws.max_column + 1).value = "Eigene Spalte"
    own = ws.max_column
    typed: list[tuple[str, str]] = []  # (header, value) an editor typed
    for row in range(2, ws.max_row + 1):
        for header in ("Status", "Geprüft von", "Anmerkung", "Eigene Spalte"):
            if data.draw(st.booleans()):
                value = data.draw(st.sampled_from(STATUSES)) if header == "Status" else data.draw(editor_text)
                ws.cell(row, own if header == "Eigene Spalte" else col[header]).value = value
                typed.append((header, value))
    wb.save(checklist)

    after, _ = data.draw(edits(before))
    article.write_text("---\ndate: 2025-03-24\n---\n" + render(after), encoding="utf-8")
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == 0, result.output

    read = read_checklist(checklist)
    everything = [v for row in read.rows + read.removed
                  for v in list(row.editor.values()) + list(row.own.values()) + list(row.previous.values())]
    for header, value in typed:
        if header == "Status" and value.casefold() == "offen":
            continue  # the pre-filled status: nothing an editor added
        assert value in everything, (header, value)

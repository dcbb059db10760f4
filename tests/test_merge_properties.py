"""Properties of update's merge: no editor cell is ever lost; IDs of untouched sentences stay.

The long run (>= 10,000 examples) is benchmarks/merge_properties.py.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claims
from articles import articles, editor_text, edits, render
from claims.checklist.merge import OwnColumn, StoredRow
from claims.checklist.reader import ReadChecklist
from claims.checklist.update import plan_carry

DATE = "2025-03-24"
EXAMPLES = int(os.environ.get("CLAIMS_PROPERTY_EXAMPLES", "150"))
STATUSES = ["offen", "bestätigt", "korrigiert", "falsch", "entfällt", "Bestätigt"]


def editor_rows(claims_, data) -> list[StoredRow]:
    rows = []
    for claim in claims_:
        cells = {"status": data.draw(st.sampled_from(STATUSES))}
        own = {}
        for key in ("checked_by", "evidence", "note", "own:Rückruf"):
            if data.draw(st.booleans()):
                (own if key.startswith("own:") else cells)[key] = data.draw(editor_text)
        rows.append(StoredRow(id=claim.id, kind=claim.kind, text=claim.text, sentence=claim.sentence,
                              status="open", editor=cells, own=own))
    return rows


def cells_after(carry) -> list[dict]:
    """Every set of cells the updated checklist holds, wherever it stands."""
    found = list(carry.editor.values()) + list(carry.previous.values())
    for row in carry.removed:
        found += [row.editor, row.own, row.previous]
    found += [{item.key.split(".", 1)[-1]: item.value} for item in carry.history]
    return found


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_update_loses_no_editor_cell_and_keeps_untouched_ids(data):
    before = data.draw(articles())
    after, touched = data.draw(edits(before))
    old_claims = claims.extract(render(before), date=DATE).claims
    new_claims = claims.extract(render(after), date=DATE).claims  # noqa: F841 (ids below)
    rows = editor_rows(old_claims, data)

    stored = ReadChecklist(path="x.xlsx", meta={}, rows=rows,
                           own_columns=[OwnColumn(key="own:Rückruf", title="Rückruf")])
    carry, _merge, _restored = plan_carry(claims.extract(render(after), date=DATE), stored, "now")

    kept_somewhere = cells_after(carry)
    for row in rows:
        for key, value in {**row.editor, **row.own}.items():
            alias = "Rückruf" if key == "own:Rückruf" else key
            assert any(cells.get(key) == value or cells.get(alias) == value for cells in kept_somewhere), \
                (key, value, row.text)
    untouched_old = {(c.kind, c.text, c.sentence): c.id for c in old_claims if c.sentence not in touched}
    for claim in new_claims:
        key = (claim.kind, claim.text, claim.sentence)
        if key in untouched_old:
            assert claim.id == untouched_old[key]

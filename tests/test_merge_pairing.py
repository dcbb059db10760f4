"""Claims are found by ID; a changed claim pairs with its old row, a new one does not."""

from __future__ import annotations

import claims
from claims.checklist.merge import StoredRow, plan

DATE = "2025-03-24"
BEFORE = "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n\nDer Eintritt ist frei."


def rows_of(text: str, status: str = "confirmed") -> list[StoredRow]:
    return [StoredRow(id=c.id, kind=c.kind, text=c.text, sentence=c.sentence, status=status,
                      editor={"status": status, "note": f"geprüft: {c.text}"})
            for c in claims.extract(text, date=DATE).claims]


def test_unchanged_claims_are_kept_by_id():
    result = plan(claims.extract(BEFORE, date=DATE).claims, rows_of(BEFORE))
    assert result.kept and not (result.changed or result.new or result.removed)


def test_a_changed_date_pairs_with_its_old_row():
    after = BEFORE.replace("17. März", "18. März")
    result = plan(claims.extract(after, date=DATE).claims, rows_of(BEFORE))
    assert [(c.text, r.text) for c, r in result.changed] == [("am 18. März", "am 17. März")]
    assert not result.new and not result.removed


def test_a_claim_in_a_new_sentence_is_new_and_a_deleted_one_removed():
    after = BEFORE.replace("Die Messe beginnt am 17. März in Bozen.", "Der Markt öffnet am 2. Mai.")
    result = plan(claims.extract(after, date=DATE).claims, rows_of(BEFORE))
    assert [c.text for c in result.new] == ["am 2. Mai"]
    assert [r.text for r in result.removed] == ["am 17. März"]


def test_moving_a_paragraph_changes_nothing():
    first, second = BEFORE.split("\n\n")
    result = plan(claims.extract(second + "\n\n" + first, date=DATE).claims, rows_of(BEFORE))
    assert len(result.kept) == len(claims.extract(BEFORE, date=DATE).claims)
    assert not (result.changed or result.new or result.removed)

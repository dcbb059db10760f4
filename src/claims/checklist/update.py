"""``claims update``: re-extract an article and merge its checklist without losing an editor's cell.

- a claim whose ID is in the checklist keeps every editor cell (and any cells kept
  from before an earlier change);
- a changed claim (see :mod:`claims.checklist.merge`) comes back open, with the old
  claim text and all old editor cells shown beside it in the "previous" columns;
- a new claim comes in open;
- a row whose claim is gone moves to the removed sheet with all its cells; a
  removed claim that comes back returns with its cells;
- columns the editor added come along, cell comments too.

The old file is copied to NAME.bak.xlsx first; the new one replaces it atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from claims.checklist.merge import Carry, MergePlan, plan
from claims.checklist.reader import read_checklist
from claims.fileops import keep_backup, refuse_if_open
from claims.models import Article, ExtractionResult


class UpdateReport(BaseModel):
    checklist: str
    backup: str
    kept: int
    changed: int
    new: int
    removed: int

    def line(self) -> str:
        return (f"updated {self.checklist}: {self.kept} kept, {self.changed} changed (open again), "
                f"{self.new} new, {self.removed} removed; previous version in {self.backup}")


def _has_work(cells: dict[str, Any], open_label_codes: set[str]) -> bool:
    """Did an editor type anything into these cells (beyond the pre-filled open status)?"""
    for key, value in cells.items():
        if key == "status":
            if str(value).strip().casefold() not in open_label_codes:
                return True
        elif value not in (None, ""):
            return True
    return False


def carry_from(merge: MergePlan, extra_headers: list[str]) -> Carry:
    from claims.checklist.labels import available, _load

    open_words = {"open"} | {_load(lang).status["open"].casefold() for lang in available()}
    carry = Carry(extra_headers=list(extra_headers))
    for claim, row in merge.kept:
        carry.editor[claim.id] = dict(row.editor)
        if row.previous:
            carry.previous[claim.id] = dict(row.previous)
    for claim, row in merge.changed:
        if _has_work(row.editor, open_words) or not row.previous:
            carry.previous[claim.id] = {"claim": row.text, **row.editor}
            if row.previous:  # an earlier change's cells: keep them on the removed sheet
                carry.removed.append(row.model_copy(update={"editor": {}, "previous": row.previous}))
        else:
            carry.previous[claim.id] = dict(row.previous)
    carry.removed.extend(merge.removed)
    return carry


def update_checklist(result: ExtractionResult, article: Article, checklist: Path, *,
                     force: bool = False, vocabulary: dict[str, str] | None = None) -> UpdateReport:
    from claims.checklist.writer import write_workbook

    if not force:
        refuse_if_open(checklist)
    stored = read_checklist(checklist, vocabulary)
    merge = plan(result.claims, stored.rows + stored.removed)
    carry = carry_from(merge, stored.extra_headers)
    backup = keep_backup(checklist)
    write_workbook(result, article, checklist, carry=carry)
    return UpdateReport(checklist=str(checklist), backup=str(backup), kept=len(merge.kept),
                        changed=len(merge.changed), new=len(merge.new), removed=len(carry.removed))

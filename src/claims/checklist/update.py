"""``claims update``: re-extract an article and merge its checklist without losing an editor's cell.

- a claim whose ID is in the checklist keeps every editor cell, own column, comment,
  hyperlink and formula (and any cells kept from before an earlier change);
- a changed claim (see :mod:`claims.checklist.merge`) comes back open, marked *geändert*,
  with the old claim text and all old editor cells in the grouped "Vorher" columns; once
  such a row is closed again, the next update moves those cells to the history sheet;
- a new claim comes in open, marked *neu*, beside its neighbour in the article;
- a row whose claim is gone moves to the removed sheet with all its cells; a removed claim
  that comes back returns with its cells, and a row copied back from the removed sheet is
  merged with its copy there (the checklist's cells win, the others go to the history);
- the editor's order of the rows stays when they sorted them; notes typed between or below
  the rows, on the article or overview sheet stay where they were; the editor's own sheets
  stay as they are. What has no place in the new file (a cell typed over a generated one, a
  note beside a paragraph that is gone, text under a merged cell of an own sheet, the rest of
  a note longer than a cell holds) goes to the sheet *Bewahrt* with where it came from.

The previous file is kept as a backup generation; the new one replaces it atomically.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from claims.checklist.labels import CLOSING_STATUSES, labels_for
from claims.checklist.merge import Carry, HistoryItem, KeptItem, MergePlan, NoteRow, StoredRow, plan
from claims.checklist.reader import ReadChecklist, read_checklist
from claims.errors import ClaimsError
from claims.limits import shorten
from claims.models import Article, ExtractionResult


# defer_build: a schema is built when a model is first used, not at import (a cold run that
# writes a new checklist never uses most of these)
_LAZY = ConfigDict(defer_build=True)


class UpdateReport(BaseModel):
    model_config = _LAZY
    checklist: str
    backup: str
    kept: int
    changed: int
    new: int
    removed: int  # newly removed by this update
    restored: int = 0  # removed claims that came back
    already_removed: int = 0
    kept_aside: int = 0  # items put on the kept sheet
    to_history: int = 0
    warnings: list[str] = Field(default_factory=list)

    def line(self) -> str:
        parts = [f"{self.kept} kept"]
        for count, what in ((self.changed, "changed (open again)"), (self.new, "new"),
                            (self.removed, "removed"), (self.restored, "back from the removed sheet")):
            if count:
                parts.append(f"{count} {what}")
        if not (self.changed or self.new or self.removed or self.restored):
            parts.append("nothing new, changed or removed")
        text = f"updated {self.checklist}: {', '.join(parts)}"
        if self.to_history:
            text += f"; {self.to_history} closed rows' earlier cells moved to the history sheet"
        if self.kept_aside:
            text += f"; {self.kept_aside} cells with no place in the new layout kept on the sheet Bewahrt/Kept"
        return text + f"; previous version in {self.backup}"


def _has_work(row: StoredRow) -> bool:
    """Did an editor type anything into this row (beyond the pre-filled open status)?"""
    if row.status != "open" or row.own or row.cells:
        return True
    return any(value not in (None, "") for key, value in row.editor.items() if key != "status")


def _merge_copies(row: StoredRow, others: list[StoredRow], carry: Carry, now: str) -> StoredRow:
    """One row from a row and its copies: the first one's cells win, an empty cell takes the
    copy's, and a copy's differing cell goes to the history (nothing is dropped)."""
    merged = row.model_copy(deep=True)
    for other in others:
        for field_name in ("editor", "own", "previous"):
            mine: dict[str, Any] = getattr(merged, field_name)
            for key, value in getattr(other, field_name).items():
                if value in (None, ""):
                    continue
                if mine.get(key) in (None, ""):
                    mine[key] = value
                    if key in other.cells:
                        merged.cells.setdefault(key, other.cells[key])
                elif mine[key] != value:
                    carry.history.append(HistoryItem(claim_id=row.id, when=now, key=key, value=value,
                                                     why=f"copy of the row on {other.sheet}"))
        for key, data in other.cells.items():
            if key not in merged.cells:
                merged.cells[key] = data
            elif data.comment and data.comment != merged.cells[key].comment:
                carry.history.append(HistoryItem(claim_id=row.id, when=now, key=key, value=data.comment,
                                                 why=f"comment of the copy on {other.sheet}"))
    typed = next((r for r in (row, *others) if r.editor.get("status") not in (None, "")), row)
    merged.status = typed.status  # the status of the row whose status cell was taken
    return merged


def _previous_key(key: str, stored: ReadChecklist) -> str:
    """The key a cell has among the "Vorher" cells: our key, or an own column's title."""
    if key.startswith("own:"):
        name = key[4:]  # unique also for repeated titles (Rückruf, Rückruf#2) and none (#1)
        if " ".join(name.split()).casefold() in _our_names():  # "status" must not become our Vorher: Status
            name = f"{name} {labels_for(stored.meta.get('lang')).data.get('previous_own', {}).get('suffix', '(own)')}"
        return name
    return key


def _our_names() -> set[str]:
    """Our column keys and every label of ours (any language), casefolded: an own column's
    title among them would be read back as ours."""
    from claims.checklist.labels import _load, available
    from claims.checklist.writer import PREVIOUS_KEYS

    names = set(PREVIOUS_KEYS)
    for lang in available():
        labels = _load(lang)
        names |= {" ".join(v.split()).casefold() for v in labels.columns.values()}
        names |= set(labels.columns)
        prefix = labels.data.get("previous_columns", {}).get("prefix", "")
        names |= {" ".join(v[len(prefix):].split()).casefold()
                  for k, v in labels.data.get("previous_columns", {}).items() if k != "prefix"}
    return names


def _order(result: ExtractionResult, stored: ReadChecklist, merge: MergePlan, placed: dict[str, str],
           notes: list[NoteRow]) -> list[str | NoteRow]:
    """The rows of the new checklist sheet: claim IDs and the editor's notes.

    Unsorted checklists follow the article; a checklist the editor sorted keeps its order,
    a changed claim takes its old row's place and a new one comes after its neighbour."""
    notes_after: dict[str | None, list[NoteRow]] = {}
    for note in notes:
        notes_after.setdefault(note.after, []).append(note)
    old_to_new = {row_id: claim_id for claim_id, row_id in placed.items()}
    order: list[str | NoteRow] = list(notes_after.pop(None, []))
    if not stored.editor_sorted:
        article_ids = [c.id for c in result.claims]
        old_position = {row.id: i for i, row in enumerate(stored.rows)}
        for claim_id in article_ids:
            order.append(claim_id)
        # notes follow the claim they followed (or the nearest earlier one still there)
        for old_id, group in notes_after.items():
            anchor = _surviving(old_id, stored.rows, old_position, old_to_new)
            index = order.index(anchor) + 1 if anchor in order else len(order)
            order[index:index] = group
        return order
    sequence: list[str | NoteRow] = list(order)
    for row in stored.rows:
        new_id = old_to_new.get(row.id)
        if new_id is not None:
            sequence.append(new_id)
        sequence += notes_after.pop(row.id, [])
    for group in notes_after.values():
        sequence += group
    present = {x for x in sequence if isinstance(x, str)}
    for i, claim in enumerate(result.claims):
        if claim.id in present:
            continue
        before = next((c.id for c in reversed(result.claims[:i]) if c.id in present), None)
        index = sequence.index(before) + 1 if before is not None else 0
        while index < len(sequence) and isinstance(sequence[index], NoteRow):
            index += 1  # after the neighbour's notes
        sequence.insert(index, claim.id)
        present.add(claim.id)
    return sequence


def _surviving(old_id: str, rows: list[StoredRow], position: dict[str, int], old_to_new: dict[str, str]) -> str | None:
    at = position.get(old_id)
    if at is None:
        return None
    for row in reversed(rows[:at + 1]):
        if row.id in old_to_new:
            return old_to_new[row.id]
    return None


def plan_carry(result: ExtractionResult, stored: ReadChecklist, now: str) -> tuple[Carry, MergePlan, int]:
    carry = Carry(own_columns=list(stored.own_columns))
    # a row copied back from the removed sheet (or copied twice): one row, nothing dropped
    by_id: dict[str, StoredRow] = {}
    for row in stored.rows + stored.removed:
        copies = list(row.copies)
        if row.id in by_id:
            by_id[row.id] = _merge_copies(by_id[row.id], [row, *copies], carry, now)
        elif copies:
            by_id[row.id] = _merge_copies(row, copies, carry, now)
        else:
            by_id[row.id] = row
    in_checklist = {r.id for r in stored.rows}
    merge = plan(result.claims, list(by_id.values()))
    placed: dict[str, str] = {}  # new claim ID -> old row ID
    restored = 0
    for claim, row in merge.kept:
        placed[claim.id] = row.id
        if row.id not in in_checklist:
            restored += 1
        carry.rows[claim.id] = row
        if row.previous:
            if row.status in CLOSING_STATUSES:  # checked again: the old cells go to the history
                for key, value in row.previous.items():
                    carry.history.append(HistoryItem(claim_id=claim.id, when=now, key=f"previous.{key}",
                                                     value=value, why="closed again after a change"))
                carry.rows[claim.id] = row.model_copy(update={"previous": {}})
            else:
                carry.previous[claim.id] = dict(row.previous)
        mark = row.generated.get("change")
        if mark and row.status not in CLOSING_STATUSES:
            carry.change[claim.id] = _mark_code(mark)
        elif row.id not in in_checklist:
            carry.change[claim.id] = "new"
        _edited_aside(row, claim.id, stored, carry, now)
    for claim, row in merge.changed:
        placed[claim.id] = row.id
        carry.change[claim.id] = "changed"
        old: dict[str, Any] = {"claim": row.text}
        old.update({k: v for k, v in row.editor.items() if v not in (None, "")})
        old.update({_previous_key(k, stored): v for k, v in row.own.items() if v not in (None, "")})
        if _has_work(row) or not row.previous:
            carry.previous[claim.id] = old
            carry.previous_cells[claim.id] = {_previous_key(k, stored): d for k, d in row.cells.items()
                                              if not k.startswith("previous.")}
            if row.previous:  # an earlier change's cells: to the history, not lost
                for key, value in row.previous.items():
                    carry.history.append(HistoryItem(claim_id=claim.id, when=now, key=f"previous.{key}",
                                                     value=value, why="a second change"))
        else:
            carry.previous[claim.id] = dict(row.previous)
        # the new row keeps nothing of the old editor cells; its own columns stay in Vorher
        carry.rows[claim.id] = row.model_copy(update={"editor": {}, "own": {}, "cells": {}, "previous": {}})
        _edited_aside(row, claim.id, stored, carry, now)
    for claim in merge.new:
        carry.change[claim.id] = "new"
    newly_removed = 0
    for row in merge.removed:
        if row.id in in_checklist:
            newly_removed += 1
    removed_ids = {r.id for r in merge.removed}
    # the removed sheet keeps its order; newly removed rows come after
    carry.removed = [by_id[r.id] for r in stored.removed if r.id in removed_ids]
    carry.removed += [by_id[r.id] for r in stored.rows if r.id in removed_ids]
    checklist_notes = [n for n in stored.notes if n.sheet == "checklist" and not n.header]
    carry.removed_notes = [n for n in stored.notes if n.sheet == "removed" and not n.header]
    carry.header_notes = [n for n in stored.notes if n.header]
    carry.order = _order(result, stored, merge, placed, checklist_notes)
    return carry, merge, restored  # content under merged cells elsewhere: the writer, after the notes


def _mark_code(mark: Any) -> str:
    from claims.checklist.labels import _load, available

    word = " ".join(str(mark).split()).casefold()
    for lang in available():
        for code, label in _load(lang).data.get("change", {}).items():
            if word in (code, str(label).casefold()):
                return code
    return "changed"


def _edited_aside(row: StoredRow, claim_id: str, stored: ReadChecklist, carry: Carry, now: str) -> None:
    """Generated cells the editor typed over: the new row shows the claim as it is now, so what
    they typed goes to the kept sheet, with where it was."""
    sheet = stored.sheet_titles.get(row.sheet, row.sheet)
    for key, value in row.edited.items():
        if key == "change":
            continue
        carry.kept.append(KeptItem(origin=f"{sheet}, row {row.row}, column {key}", what="typed over",
                                   value=value, claim_id=claim_id, when=now))


def _refuse_foreign(stored: ReadChecklist, article: Article, checklist: Path) -> None:
    """A checklist whose article is another one (by name, checksum history and language)."""
    meta = stored.meta
    history = set(json.loads(meta.get("article_sha256_history") or "[]")) | {meta.get("article_sha256", "")}
    if article.sha256 in history:
        return
    stored_name = Path(meta.get("article_path") or "").name
    other_name = bool(stored_name) and stored_name != Path(article.path or "").name and article.path not in (None, "<stdin>")
    other_lang = bool(meta.get("lang")) and labels_for(meta["lang"]).lang != labels_for(article.lang).lang
    if other_name or other_lang:
        reasons = []
        if other_name:
            reasons.append(f"it was made for {stored_name!r}")
        if other_lang:
            reasons.append(f"in language {meta['lang']!r}, this article is {article.lang!r}")
        raise ClaimsError(f"this looks like the checklist of another article ({'; '.join(reasons)}; "
                          f"the article's text was never the one checked in it). Nothing was changed; "
                          f"pass --force if it is this article's checklist", checklist)


def refuse_foreign(checklist: Path, article: Article, stored: ReadChecklist | None = None) -> None:
    _refuse_foreign(stored or read_checklist(checklist), article, checklist)


def update_checklist(result: ExtractionResult, article: Article, checklist: Path, *,
                     force: bool = False, vocabulary: dict[str, str] | None = None) -> UpdateReport:
    from claims.checklist.writer import render_workbook
    from claims.checklist.atomic import clean_stale, write_bytes, write_target
    from claims.fileops import keep_backup, prune_backups, refuse_if_open, refuse_if_read_only

    if not force:
        refuse_if_open(checklist)
    refuse_if_read_only(checklist)
    warnings: list[str] = []
    removed_temp, left_temp = clean_stale(checklist)
    for temp in removed_temp:
        warnings.append(f"removed {temp.name}, a temporary file left by a run that was killed")
    for temp in left_temp:
        warnings.append(f"{temp.name}: a temporary file of another claims run that is still going")
    target = write_target(checklist)
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise ClaimsError(f"cannot read: {exc.strerror or exc}", checklist) from None
    stored = read_checklist(checklist, vocabulary, for_update=True)
    if not force:
        _refuse_foreign(stored, article, checklist)
    warnings += [f"{checklist}: {w}" for w in stored.warnings]
    for cell, text in stored.unknown_statuses:
        warnings.append(f"{checklist} ({cell}): unknown status {shorten(text)!r}, counted as open")
    for claim_id, cell in stored.duplicates:
        warnings.append(f"{checklist} ({cell}): claim {shorten(claim_id, 40)} appeared twice; the two rows were merged "
                        f"(differing cells of the copy are on the history sheet)")
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    carry, merge, restored = plan_carry(result, stored, now)
    history = json.loads(stored.meta.get("article_sha256_history") or "[]")
    for sha in (stored.meta.get("article_sha256"), article.sha256):
        if sha and sha not in history:
            history.append(sha)
    carry.sha_history = history[-50:]
    payload, notes = render_workbook(result, article, carry=carry, base=stored)
    warnings += notes.warnings
    backup = keep_backup(checklist, data)
    try:
        write_bytes(payload, checklist)
    except BaseException:
        backup.unlink(missing_ok=True)  # the checklist is as it was: its copy would only be noise
        raise
    prune_backups(checklist)
    already = sum(1 for r in stored.removed if r.id in {x.id for x in merge.removed})
    newly = len(merge.removed) - already
    return UpdateReport(checklist=str(checklist), backup=str(backup), kept=len(merge.kept) - restored,
                        changed=len(merge.changed), new=len(merge.new), removed=newly, restored=restored,
                        already_removed=already, kept_aside=notes.kept, to_history=_closed_count(carry),
                        warnings=warnings)


def _closed_count(carry: Carry) -> int:
    return len({h.claim_id for h in carry.history if h.why == "closed again after a change"})

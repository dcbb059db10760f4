"""Pair the claims of the current article with the rows of its checklist.

Rows are found by claim ID, never by position. A claim whose ID is not in the
checklist is either *changed* (it pairs with a row whose claim is gone: same
kind, and the same sentence around it, or the same claim in a reworded
sentence) or *new*. Rows whose claim is gone and that pair with nothing are
*removed*. ``check`` reports from this plan; ``update`` writes it.
"""

from __future__ import annotations

from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field

from claims.models import Claim

EDITOR_KEYS: tuple[str, ...] = ("status", "checked_by", "checked_on", "evidence", "note")
_TOKEN = regex.compile(r"\w+")
# A reworded sentence still counts as the same place when this share of its words stayed.
SENTENCE_SIMILARITY = 0.6


# defer_build: a schema is built when a model is first used, not at import (a cold run that
# writes a new checklist never uses most of these)
_LAZY = ConfigDict(defer_build=True)


class CellData(BaseModel):
    """What a cell holds beyond its value: comment (with author), hyperlink, formula, format."""
    model_config = _LAZY

    value: Any = None  # the value (for a formula: what it last computed)
    formula: str | None = None  # "=…" as typed
    comment: str | None = None
    author: str | None = None
    link: str | None = None  # a URL, or "#Sheet!A1" for a place in the workbook
    link_tooltip: str | None = None
    number_format: str | None = None
    coordinate: str | None = None  # where it stood (a formula's references are moved from there)


class OwnColumn(BaseModel):
    """A column the editor added: its key (unique, also for a repeated or empty title) and title."""
    model_config = _LAZY

    key: str
    title: str


class NoteRow(BaseModel):
    """A row without a claim ID that an editor typed into a claim sheet."""
    model_config = _LAZY

    sheet: str  # "checklist" or "removed"
    after: str | None  # the claim ID of the row above it (None: at the top)
    row: int = 0
    header: bool = False  # a comment or link on a header cell
    cells: dict[str, CellData] = Field(default_factory=dict)  # by column key


class StoredRow(BaseModel):
    """A claim row as read back from a checklist: what was found, and what editors typed."""
    model_config = _LAZY

    id: str
    kind: str
    text: str
    sentence: str = ""
    status: str = "open"  # canonical code: open, confirmed, corrected, wrong, dropped
    editor: dict[str, Any] = Field(default_factory=dict)  # editor columns by key
    own: dict[str, Any] = Field(default_factory=dict)  # the editor's own columns by OwnColumn.key
    previous: dict[str, Any] = Field(default_factory=dict)  # cells kept from before a change
    generated: dict[str, Any] = Field(default_factory=dict)  # our cells as read (number, value, hint …)
    edited: dict[str, Any] = Field(default_factory=dict)  # generated cells the editor typed over
    cells: dict[str, CellData] = Field(default_factory=dict)  # comments, links, formulas by column key
    copies: list[StoredRow] = Field(default_factory=list)  # the same ID once more (a copied row)
    row: int = 0  # where it stood in the sheet (for messages only)
    sheet: str = "checklist"
    number: int | None = None  # its Nr. as read

class MergePlan(BaseModel):
    model_config = _LAZY
    kept: list[tuple[Claim, StoredRow]] = Field(default_factory=list)
    changed: list[tuple[Claim, StoredRow]] = Field(default_factory=list)
    new: list[Claim] = Field(default_factory=list)
    removed: list[StoredRow] = Field(default_factory=list)


def _tokens(text: str) -> set[str]:
    return {t.casefold() for t in _TOKEN.findall(text)}


def _context(sentence: str, claim_text: str) -> str:
    """The sentence with the claim cut out: what stays when only the claim changed."""
    at = sentence.find(claim_text)
    if at < 0:
        return " ".join(sentence.split())
    return " ".join((sentence[:at] + "\x00" + sentence[at + len(claim_text):]).split())


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _pair_score(claim: Claim, row: StoredRow) -> float:
    if claim.kind != row.kind:
        return 0.0
    if _context(claim.sentence, claim.text) == _context(row.sentence, row.text):
        return 3.0  # only the claim changed in its sentence
    similarity = _jaccard(_tokens(claim.sentence), _tokens(row.sentence))
    if " ".join(claim.text.split()) == " ".join(row.text.split()) and similarity >= 0.3:
        return 2.0 + similarity  # the same claim in a reworded sentence
    context_similarity = _jaccard(_tokens(_context(claim.sentence, claim.text)),
                                  _tokens(_context(row.sentence, row.text)))
    return context_similarity if context_similarity >= SENTENCE_SIMILARITY else 0.0


def plan(claims: list[Claim], rows: list[StoredRow]) -> MergePlan:
    by_id = {row.id: row for row in rows}
    result = MergePlan()
    unmatched_claims: list[Claim] = []
    for claim in claims:
        row = by_id.pop(claim.id, None)
        if row is not None:
            result.kept.append((claim, row))
        else:
            unmatched_claims.append(claim)
    orphans = list(by_id.values())
    pairs = sorted(((score, ci, ri) for ci, claim in enumerate(unmatched_claims)
                    for ri, row in enumerate(orphans) if (score := _pair_score(claim, row)) > 0),
                   key=lambda p: (-p[0], p[1], p[2]))
    used_claims: set[int] = set()
    used_rows: set[int] = set()
    changed: dict[int, StoredRow] = {}
    for _, ci, ri in pairs:
        if ci in used_claims or ri in used_rows:
            continue
        used_claims.add(ci)
        used_rows.add(ri)
        changed[ci] = orphans[ri]
    for ci, claim in enumerate(unmatched_claims):
        if ci in changed:
            result.changed.append((claim, changed[ci]))
        else:
            result.new.append(claim)
    result.removed = [row for ri, row in enumerate(orphans) if ri not in used_rows]
    return result


class KeptItem(BaseModel):
    """Something an editor made that has no place in the new layout: kept on a sheet of its own."""
    model_config = _LAZY

    origin: str  # where it was: "Artikel!D4", "Prüfliste, row 7, column value"
    what: str  # hidden (under a merged cell), typed over, note, comment, rest (of a long text)
    value: Any = None
    comment: str | None = None
    claim_id: str | None = None
    when: str = ""


class HistoryItem(BaseModel):
    """An editor's earlier cell of a claim, moved out of the way (never deleted)."""
    model_config = _LAZY

    claim_id: str
    when: str
    key: str  # column key ("previous.note", "note", "own:Rückruf")
    value: Any = None
    why: str = ""


class Carry(BaseModel):
    """What ``update`` carries from the previous checklist into the new one, by claim ID."""
    model_config = _LAZY

    rows: dict[str, StoredRow] = Field(default_factory=dict)  # current claim ID -> its stored row
    previous: dict[str, dict[str, Any]] = Field(default_factory=dict)  # changed claims: the old cells
    previous_cells: dict[str, dict[str, CellData]] = Field(default_factory=dict)  # their comments, links
    change: dict[str, str] = Field(default_factory=dict)  # claim ID -> "new" | "changed"
    own_columns: list[OwnColumn] = Field(default_factory=list)  # columns the editor added
    order: list[str | NoteRow] = Field(default_factory=list)  # rows of the checklist sheet
    removed: list[StoredRow] = Field(default_factory=list)  # rows for the removed sheet
    removed_notes: list[NoteRow] = Field(default_factory=list)
    header_notes: list[NoteRow] = Field(default_factory=list)
    kept: list[KeptItem] = Field(default_factory=list)  # for the kept sheet
    history: list[HistoryItem] = Field(default_factory=list)  # for the history sheet
    sha_history: list[str] = Field(default_factory=list)  # every checksum the article had

    @property
    def extra_headers(self) -> list[str]:
        return [c.title for c in self.own_columns]

    @property
    def editor(self) -> dict[str, dict[str, Any]]:
        return {claim_id: {**row.editor, **row.own} for claim_id, row in self.rows.items()}

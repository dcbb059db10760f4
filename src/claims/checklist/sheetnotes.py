"""What an editor typed on the article and overview sheets, and where it goes in the new file.

The writer records how far its own cells reach (``article_last_row``, ``overview_cells`` in
``_meta``); every other cell with a value, and every comment or hyperlink, is the editor's.

- On the article sheet a note beside a paragraph stays beside it (found again by its text,
  else by its number); a note below the table stays below it, as far down; a note in the
  header row stays where it is.
- On the overview sheet a note keeps its cell unless the new overview uses that cell.
- What has no place goes to the kept sheet (see :mod:`claims.checklist.aside`).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from claims.checklist.merge import CellData, KeptItem

ARTICLE_COLUMNS = 3


# defer_build: a schema is built when a model is first used, not at import (a cold run that
# writes a new checklist never uses most of these)
_LAZY = ConfigDict(defer_build=True)


class PlacedCell(BaseModel):
    model_config = _LAZY
    origin: str  # "Artikel!D4"
    row: int
    col: int
    data: CellData
    paragraph: Any = None  # the paragraph number of the row it stood in
    text: str | None = None  # that row's paragraph text (normalized)
    below: int | None = None  # rows below the last paragraph row, for notes under the table


class SheetNotes(BaseModel):
    model_config = _LAZY
    article: list[PlacedCell] = Field(default_factory=list)
    overview: list[PlacedCell] = Field(default_factory=list)
    kept: list[KeptItem] = Field(default_factory=list)  # typed over one of our cells


def _norm(value: Any) -> str:
    return " ".join(str(value).split())


def cell_fp(value: Any) -> str:
    from claims.checklist.reader import cell_fp as fp

    return fp(value)


def _data(cell: Any, hidden: dict[tuple[str, str], Any], title: str) -> CellData | None:
    from claims.checklist.reader import _cell_data, _cell_value

    value = _cell_value(cell)
    under = hidden.pop((title, cell.coordinate), None)
    if under is not None:
        value = under
    data = _cell_data(cell, value)
    if data is None:
        if value is None:
            return None
        data = CellData(value=value)
    data.coordinate = cell.coordinate
    return data


def harvest(wb: Any, meta: dict[str, str], article_title: str | None, overview_title: str | None,
            hidden: dict[tuple[str, str], Any]) -> SheetNotes:
    notes = SheetNotes()
    if article_title and article_title in wb.sheetnames:
        ws = wb[article_title]
        last = _int(meta.get("article_last_row"))
        texts: dict[int, tuple[Any, str]] = {}
        for row in ws.iter_rows(min_row=2):
            first = {c.column: c for c in row if getattr(c, "column", None)}
            a, b = first.get(1), first.get(2)
            if last is None and a is not None and isinstance(a.value, int) and b is not None and b.value:
                texts[a.row] = (a.value, _norm(b.value))
            elif last is not None and row and row[0].row <= last:
                texts[row[0].row] = (a.value if a is not None else None, _norm(b.value) if b is not None else "")
        if last is None:
            last = max(texts, default=1)
        written = dict(part.split(":", 1) for part in (meta.get("article_rows_fp") or "").split(",") if ":" in part)
        edited_rows = set()
        for r, fp in written.items():
            cells = [c for c in ws[int(r)][:ARTICLE_COLUMNS]] if int(r) <= (ws.max_row or 0) else []
            if cells and _row_fp(cells) != fp:
                edited_rows.add(int(r))
        for r in sorted(edited_rows):  # one of our cells typed over: what it holds now is kept
            for cell in ws[r][:ARTICLE_COLUMNS]:
                if cell.value not in (None, ""):
                    notes.kept.append(KeptItem(origin=f"{ws.title}!{cell.coordinate}", what="typed over",
                                               value=cell.value))
        for row in ws.iter_rows(min_row=1):
            for cell in row:
                if not getattr(cell, "column", None):
                    continue
                ours = cell.row == 1 and cell.column <= ARTICLE_COLUMNS or \
                    1 < cell.row <= last and cell.column <= ARTICLE_COLUMNS
                data = _data(cell, hidden, ws.title)
                if data is None:
                    continue
                if ours:
                    if not (data.comment or data.link):
                        continue
                    data = data.model_copy(update={"value": None, "formula": None})
                paragraph, text = texts.get(cell.row, (None, None))
                notes.article.append(PlacedCell(
                    origin=f"{ws.title}!{cell.coordinate}", row=cell.row, col=cell.column, data=data,
                    paragraph=paragraph, text=text, below=cell.row - last if cell.row > last else None))
    if overview_title and overview_title in wb.sheetnames:
        ws = wb[overview_title]
        written = json.loads(meta.get("overview_cells") or "{}")
        ours = written if isinstance(written, dict) else dict.fromkeys(written, None)
        for row in ws.iter_rows():
            for cell in row:
                if not getattr(cell, "column", None):
                    continue
                data = _data(cell, hidden, ws.title)
                if data is None:
                    continue
                mine = cell.coordinate in ours or (not ours and cell.column <= 2)
                typed_over = mine and ours.get(cell.coordinate) not in (None, "=") and data.formula is None \
                    and cell_fp(data.value) != ours[cell.coordinate]
                if mine and not typed_over:
                    if not (data.comment or data.link):
                        continue
                    data = data.model_copy(update={"value": None, "formula": None})
                elif typed_over:
                    notes.kept.append(KeptItem(origin=f"{ws.title}!{cell.coordinate}", what="typed over",
                                               value=data.value, comment=data.comment))
                    continue
                notes.overview.append(PlacedCell(origin=f"{ws.title}!{cell.coordinate}", row=cell.row,
                                                 col=cell.column, data=data))
    return notes


def _row_fp(cells: list[Any]) -> str:
    from claims.checklist.reader import _cell_value

    values = []
    for cell in cells:
        value = _cell_value(cell)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        values.append(value)
    return cell_fp(" | ".join("" if v is None else str(v) for v in values))


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

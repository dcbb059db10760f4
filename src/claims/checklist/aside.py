"""The sheets where ``update`` puts what it moves out of the way, never deleting it.

- *Bewahrt* (*Kept*): what an editor made that has no place in the new layout (a cell
  typed over a generated one, a note beside a paragraph that is gone, text hidden under a
  merged cell of an own sheet, the rest of a text longer than a cell holds), with where it
  came from.
- *Verlauf* (*History*): a claim's earlier cells (the "Vorher" cells of a row that was
  closed again, the differing cells of a copied row), with when and why.

Both sheets only grow: rows already on them stay, new ones are appended.
"""

from __future__ import annotations

from typing import Any

from claims.checklist.labels import Labels, _load, available
from claims.checklist.merge import CellData, HistoryItem, KeptItem
from claims.checklist.text import MAX_CELL_CHARS

CONTINUED = " […]"


def sheet_title(wb: Any, key: str, labels: Labels) -> Any:
    """The sheet ``key`` (kept, history) of the workbook in any language, or a new one."""
    names = {_load(lang).sheets.get(key, "").casefold() for lang in available()} - {""}
    for ws in wb.worksheets:
        if ws.title.casefold() in names:
            return ws
    return None


class Aside:
    """Collects kept and history items while the workbook is built, then writes the sheets."""

    def __init__(self, labels: Labels, when: str) -> None:
        self.labels = labels
        self.when = when
        self.kept: list[KeptItem] = []
        self.history: list[HistoryItem] = []
        self.warnings: list[str] = []

    def too_long(self, text: str, origin: str) -> str:
        room = MAX_CELL_CHARS - len(CONTINUED)
        head, rest = text[:room], text[room:]
        part = 1
        while rest:
            chunk, rest = rest[:room], rest[room:]
            self.kept.append(KeptItem(origin=f"{origin} (part {part + 1})", what="rest", value=chunk,
                                      when=self.when))
            part += 1
        self.warnings.append(f"{origin}: the text has {len(text):,} characters, more than a cell holds "
                             f"({MAX_CELL_CHARS:,}); the rest is on the sheet {self.labels.sheets['kept']}")
        return head + CONTINUED

    def note(self, origin: str, data: CellData, claim_id: str | None = None) -> None:
        value = data.formula or data.value
        if value in (None, "") and not data.comment and not data.link:
            return
        self.kept.append(KeptItem(origin=origin, what="note", value=value if value not in (None, "") else data.link,
                                  comment=data.comment, claim_id=claim_id, when=self.when))

    def write(self, wb: Any) -> int:
        """Append the items to the kept and history sheets (made when first needed)."""
        from claims.checklist.text import clean

        written = 0
        labels = self.labels
        if self.kept:
            ws = _sheet(wb, "kept", labels, labels.data["kept_columns"])
            what = labels.data.get("kept_what", {})
            for item in self.kept:
                _append(ws, _row([item.origin, what.get(item.what, item.what), item.value, item.comment,
                                  item.claim_id, item.when], clean))
            written += len(self.kept)
        if self.history:
            ws = _sheet(wb, "history", labels, labels.data["history_columns"])
            why = labels.data.get("history_why", {})
            titles = {**{f"previous.{k}": v for k, v in labels.data.get("previous_columns", {}).items()},
                      **labels.columns}
            for item in self.history:
                key = titles.get(item.key) or (item.key[4:] if item.key.startswith("own:") else item.key)
                _append(ws, _row([item.claim_id, item.when, key, item.value, why.get(item.why, item.why)], clean))
        return written


def _append(ws: Any, values: list[Any]) -> None:
    """A row at the end of the sheet; text stays text (a formula an editor typed is kept as its text)."""
    from openpyxl.styles import Alignment

    row = ws.max_row + 1 if ws._cells else 1
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _row(values: list[Any], clean: Any) -> list[Any]:
    import datetime as dt

    out = []
    for value in values:
        if isinstance(value, str):
            out.append(clean(value))
        elif value is None or isinstance(value, (int, float, bool, dt.date, dt.datetime)):
            out.append(value)
        else:
            out.append(clean(str(value)))
    return out


def _sheet(wb: Any, key: str, labels: Labels, columns: dict[str, str]) -> Any:
    from openpyxl.styles import Font

    ws = sheet_title(wb, key, labels)
    if ws is not None:
        return ws
    ws = wb.create_sheet(labels.sheets[key])
    _append(ws, list(columns.values()))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEF", (30, 26, 60, 30, 14, 18), strict=False):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    return ws

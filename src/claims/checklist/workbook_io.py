"""Open an editor's workbook with openpyxl without losing what openpyxl would quietly drop.

- openpyxl's warnings (an Excel extension it cannot read, a workbook without default style)
  are caught and come back as plain sentences for our own warning lines, never raw.
- A number typed into a date-formatted cell beyond Excel's dates (``20250324`` in *Datum*)
  comes back as that number, not as openpyxl's ``#VALUE!``.
- The content hidden under merged cells (LibreOffice keeps it when asked to) comes back in
  ``hidden[(sheet, coordinate)]``: openpyxl empties those cells when it reads the merge.

The patches act only while :func:`open_workbook` runs, under a lock. Untrusted sizes are
refused on the way (docs/security.md): merged ranges and hyperlinks over more cells than
``CLAIMS_MAX_MERGED_CELLS`` before openpyxl expands them, used ranges over
``CLAIMS_MAX_SHEET_CELLS`` right after reading.
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.checklist._openpyxl import openpyxl
from claims.errors import InputError
from claims.limits import limit, shorten

_LOCK = threading.RLock()


class RawNumber(float):
    """A number openpyxl could not turn into a date: kept as the number that was typed."""


@dataclass
class Opened:
    wb: Any
    warnings: list[str] = field(default_factory=list)
    hidden: dict[tuple[str, str], Any] = field(default_factory=dict)  # (sheet, cell) -> value under a merge


class _TooManyCells(Exception):
    def __init__(self, sheet: str, ref: str, cells: int) -> None:
        super().__init__(sheet, ref, cells)
        self.sheet, self.ref, self.cells = sheet, ref, cells


def _guard_cell_ranges() -> None:
    """Refuse merged ranges or hyperlinks over more cells than the limit, before openpyxl makes a
    cell object for each covered cell (a checklist merges none; a few an editor merges are fine): one ``<mergeCell ref="A1:XFD1048576"/>`` of 60 bytes is 17
    billion cells. Installed once into openpyxl's sheet reader; harmless to any other use of it."""
    from openpyxl.utils import range_boundaries
    from openpyxl.worksheet._reader import WorksheetReader

    if getattr(WorksheetReader.bind_merged_cells, "_claims_guard", False):
        return

    def check(reader: Any, refs: list[Any]) -> None:
        most = limit("MERGED_CELLS")
        total = 0
        for ref in refs:
            try:
                min_col, min_row, max_col, max_row = range_boundaries(str(ref))
            except (ValueError, TypeError):
                continue  # openpyxl reports what it cannot read itself
            total += ((max_col or min_col or 1) - (min_col or 1) + 1) * ((max_row or min_row or 1) - (min_row or 1) + 1)
            if total > most:
                raise _TooManyCells(reader.ws.title, str(ref), total)

    # the sheet's XML is parsed while its cells are bound; merges and links are bound after
    def guarded(bind: Any, refs_of: Any) -> Any:
        def bind_checked(self: Any) -> None:
            check(self, refs_of(self.parser))
            bind(self)

        bind_checked._claims_guard = True  # type: ignore[attr-defined]
        return bind_checked

    WorksheetReader.bind_merged_cells = guarded(
        WorksheetReader.bind_merged_cells,
        lambda parser: [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else [])
    WorksheetReader.bind_hyperlinks = guarded(
        WorksheetReader.bind_hyperlinks,
        lambda parser: [h.ref for h in getattr(parser.hyperlinks, "hyperlink", []) if h.ref])


def _refuse_far_cells(wb: Any, path: Path) -> None:
    """A sheet's used range (rows × columns) within the limit: every reader of a sheet walks it as
    a rectangle, and one cell at XFD1048576 makes that 17 billion cells (a 22 KB file took
    minutes and gigabytes). The cell that stretches it is named, so the editor can delete it."""
    from openpyxl.utils import get_column_letter

    most = limit("SHEET_CELLS")
    total = 0
    for ws in wb.worksheets:
        cells = getattr(ws, "_cells", None)
        if not cells:
            continue
        max_row = max(row for row, _ in cells)
        max_col = max(col for _, col in cells)
        total += max_row * max_col
        if total <= most:
            continue
        row, col = max(cells, key=lambda rc: rc[0] * rc[1])
        raise InputError(f"sheet {shorten(ws.title, 40)!r} reaches cell {get_column_letter(col)}{row} "
                         f"({max_row:,} rows × {max_col:,} columns): the sheets' ranges add up to more "
                         f"than {most:,} cells; delete what lies outside the table "
                         f"(CLAIMS_MAX_SHEET_CELLS raises the limit)", path)


def _plain_warning(message: str) -> str:
    text = " ".join(str(message).split())
    if "extension is not supported" in text:
        what = text.split(" extension")[0]
        return f"a part of Excel's newer format openpyxl cannot keep ({what}); it is left out of the new file"
    if "no default style" in text:
        return ""  # harmless: the default style is applied
    return f"the workbook has something claims cannot fully read ({text[:200]})"


def open_workbook(path: Path, data_only: bool, rich_text: bool = False) -> Opened:
    from openpyxl.worksheet import _reader
    from openpyxl.worksheet.worksheet import Worksheet

    opened = Opened(wb=None)
    original_from_excel = _reader.from_excel
    original_clean = Worksheet._clean_merge_range

    raw: list[bool] = []

    def from_excel(value: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return original_from_excel(value, *args, **kwargs)
        except (OverflowError, ValueError):
            raw.append(True)
            return RawNumber(value)

    def clean_merge(ws: Any, mcr: Any) -> None:
        cells = mcr.cells
        next(cells)
        for row, col in cells:
            cell = ws._cells.get((row, col))
            if cell is not None and cell.value not in (None, ""):
                opened.hidden[(ws.title, cell.coordinate)] = cell.value
        original_clean(ws, mcr)

    with _LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _reader.from_excel = from_excel
        Worksheet._clean_merge_range = clean_merge
        _guard_cell_ranges()
        try:
            opened.wb = openpyxl.load_workbook(path, data_only=data_only, rich_text=rich_text)
        except InputError:
            raise
        except _TooManyCells as exc:
            raise InputError(f"sheet {shorten(exc.sheet, 40)!r} merges or links {exc.cells:,} cells "
                             f"({shorten(exc.ref, 40)}); more than {limit('MERGED_CELLS'):,} are refused "
                             f"(CLAIMS_MAX_MERGED_CELLS raises the limit)", path) from None
        except RecursionError:
            raise InputError("cannot read the workbook: it nests too deep", path) from None
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            raise InputError(f"cannot read the workbook: {type(exc).__name__}: {shorten(exc)}", path) from None
        finally:
            _reader.from_excel = original_from_excel
            Worksheet._clean_merge_range = original_clean
    _refuse_far_cells(opened.wb, path)
    if raw:  # such cells are numbers again, also for openpyxl when it saves the workbook
        for ws in opened.wb.worksheets:
            for cell in getattr(ws, "_cells", {}).values():
                if isinstance(cell._value, RawNumber):
                    number = float(cell._value)
                    cell._value = int(number) if number.is_integer() else number
                    cell.data_type = "n"
                    cell.number_format = "General"
    for warning in caught:
        text = _plain_warning(str(warning.message))
        if text and text not in opened.warnings:
            opened.warnings.append(text)
    return opened


def open_read_only(path: Path) -> Any:
    """A lazily read workbook (openpyxl's read-only mode) for a look at one small sheet."""
    with _LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise InputError(f"cannot read the workbook: {type(exc).__name__}: {exc}", path) from None

"""Open an editor's workbook with openpyxl without losing what openpyxl would quietly drop.

- openpyxl's warnings (an Excel extension it cannot read, a workbook without default style)
  are caught and come back as plain sentences for our own warning lines, never raw.
- A number typed into a date-formatted cell beyond Excel's dates (``20250324`` in *Datum*)
  comes back as that number, not as openpyxl's ``#VALUE!``.
- The content hidden under merged cells (LibreOffice keeps it when asked to) comes back in
  ``hidden[(sheet, coordinate)]``: openpyxl empties those cells when it reads the merge.

The patches act only while :func:`open_workbook` runs, under a lock.
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.checklist._openpyxl import openpyxl
from claims.errors import InputError

_LOCK = threading.RLock()


class RawNumber(float):
    """A number openpyxl could not turn into a date: kept as the number that was typed."""


@dataclass
class Opened:
    wb: Any
    warnings: list[str] = field(default_factory=list)
    hidden: dict[tuple[str, str], Any] = field(default_factory=dict)  # (sheet, cell) -> value under a merge


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
        try:
            opened.wb = openpyxl.load_workbook(path, data_only=data_only, rich_text=rich_text)
        except InputError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            raise InputError(f"cannot read the workbook: {type(exc).__name__}: {exc}", path) from None
        finally:
            _reader.from_excel = original_from_excel
            Worksheet._clean_merge_range = original_clean
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

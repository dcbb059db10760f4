"""Rows of a big sheet written as XML by us and spliced into the file openpyxl saved.

openpyxl spends about 15 µs on every cell it writes (style look-ups, one
object per cell); a checklist of 10,000 claims has 250,000 cells. So the
writer builds the sheets with openpyxl (header, widths, validation,
conditional formatting, print setup, styles) and leaves the data rows to this
module: each row becomes a ``<row>`` element of the standard SpreadsheetML
shape, using style ids registered through openpyxl, and is inserted into the
sheet's ``<sheetData>`` after openpyxl has saved the file.

Text is always an inline string (``t="inlineStr"``), never a formula.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from copy import copy
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from claims.checklist.text import clean, risky

BOLD_RPR = '<rPr><rFont val="Calibri"/><b val="1"/><sz val="11"/></rPr>'


class Runs(tuple):  # type: ignore[type-arg]
    """Rich text: a tuple of (text, bold) runs."""


class Formula:
    """A formula an editor typed (``=TODAY()``), with the value it last computed."""

    def __init__(self, text: str, cached: Any = None) -> None:
        self.text = text[1:] if text.startswith("=") else text
        self.cached = cached


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


class Style:
    """A column's cell style, registered with the workbook: its id, and the id of the same
    style with Excel's quote prefix (text that looks like a formula stays text when edited)."""

    def __init__(self, ws: Worksheet, **styles: Any) -> None:
        cell = Cell(ws, row=1, column=1)  # not placed in the sheet: only its style is used
        for name, value in styles.items():
            setattr(cell, name, value)
        self._ws = ws
        self._array = copy(cell._style)
        self.id = cell.style_id
        self._quoted: int | None = None

    @property
    def quoted(self) -> int:
        if self._quoted is None:
            cell = Cell(self._ws, row=1, column=1)
            cell._style = copy(self._array)
            cell.quotePrefix = True
            self._quoted = cell.style_id
        return self._quoted


class FastRows:
    """Data rows of one sheet, kept as XML until :func:`splice` puts them in the saved file."""

    def __init__(self, ws: Worksheet, columns: int) -> None:
        self.ws = ws
        self.title = ws.title
        self.columns = columns
        self.letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self.rows: list[str] = []
        self.last_row = 1
        self.max_col = columns

    def add(self, row: int, values: Sequence[Any], styles: Sequence[Style | int | None],
            height: float | None = None, extra: dict[int, tuple[Any, Style | int | None]] | None = None) -> None:
        """One row: ``values`` of the first columns with their styles (a Style, a style id, or
        None), and ``extra`` cells further right by column number."""
        parts = [f'<row r="{row}"' + (f' ht="{height:g}" customHeight="1">' if height else ">")]
        cells = list(zip(self.letters, values, styles, strict=True))
        for col in sorted(extra or {}):
            if col > len(self.letters):
                value, style = (extra or {})[col]
                cells.append((get_column_letter(col), value, style))
        for letter, value, style in cells:
            ref = f"{letter}{row}"
            sid_value = style.id if isinstance(style, Style) else style
            sid = f' s="{sid_value}"' if style is not None else ""
            if value is None:
                if style is not None:
                    parts.append(f'<c r="{ref}"{sid}/>')
            elif isinstance(value, Runs):
                # rich text starting like a formula is as risky as plain text: the same mark
                if style is not None and risky("".join(text for text, _ in value)):
                    sid = f' s="{style.quoted}"'
                body = "".join(f"<r>{BOLD_RPR if bold else ''}<t xml:space=\"preserve\">{_esc(text)}</t></r>"
                               for text, bold in value)
                parts.append(f'<c r="{ref}"{sid} t="inlineStr"><is>{body}</is></c>')
            elif isinstance(value, str):
                text = clean(value)
                if risky(text) and isinstance(style, Style):
                    sid = f' s="{style.quoted}"'
                parts.append(f'<c r="{ref}"{sid} t="inlineStr"><is><t xml:space="preserve">'
                             f"{_esc(text)}</t></is></c>")
            elif isinstance(value, Formula):
                cached = value.cached
                if isinstance(cached, bool):
                    body, kind = f"<v>{int(cached)}</v>", ' t="b"'
                elif isinstance(cached, (int, float)):
                    body, kind = f"<v>{cached!r}</v>", ""
                elif isinstance(cached, (dt.date, dt.datetime)):
                    body, kind = f"<v>{excel_serial(cached)!r}</v>", ""
                elif cached is None:
                    body, kind = "", ""
                else:
                    body, kind = f"<v>{_esc(clean(str(cached)))}</v>", ' t="str"'
                parts.append(f'<c r="{ref}"{sid}{kind}><f>{_esc(value.text)}</f>{body}</c>')
            elif isinstance(value, dt.time):  # an editor's time of day: a fraction of a day
                seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
                parts.append(f'<c r="{ref}"{sid}><v>{round(seconds / 86400, 10)!r}</v></c>')
            elif isinstance(value, dt.timedelta):
                parts.append(f'<c r="{ref}"{sid}><v>{round(value.total_seconds() / 86400, 10)!r}</v></c>')
            elif isinstance(value, (dt.date, dt.datetime)):  # an editor's date: Excel's serial number
                parts.append(f'<c r="{ref}"{sid}><v>{excel_serial(value)!r}</v></c>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{ref}"{sid} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                parts.append(f'<c r="{ref}"{sid}><v>{value!r}</v></c>')
            else:
                raise TypeError(f"cannot write {type(value).__name__} in a fast row")
        parts.append("</row>")
        self.rows.append("".join(parts))
        self.last_row = max(self.last_row, row)
        self.max_col = max(self.max_col, len(cells))


_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def excel_serial(value: dt.date | dt.datetime) -> float | int:
    if not isinstance(value, dt.datetime):
        return (value - _EXCEL_EPOCH.date()).days
    value = value.replace(tzinfo=None)
    serial = (value - _EXCEL_EPOCH).total_seconds() / 86400
    return int(serial) if serial.is_integer() else round(serial, 10)


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → part name inside the package."""
    workbook = zf.read("xl/workbook.xml").decode("utf-8")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        rid = re.search(r'\bId="([^"]+)"', rel.group())
        target = re.search(r'\bTarget="([^"]+)"', rel.group())
        if rid and target:
            path = target.group(1)
            targets[rid.group(1)] = path.lstrip("/") if path.startswith("/") else "xl/" + path
    parts = {}
    for sheet in re.finditer(r"<sheet\b[^>]*>", workbook):
        name = re.search(r'\bname="([^"]*)"', sheet.group())
        rid = re.search(r'\br:id="([^"]+)"', sheet.group()) or re.search(r'\bid="([^"]+)"', sheet.group())
        if name and rid and rid.group(1) in targets:
            parts[_unesc(name.group(1))] = targets[rid.group(1)]
    return parts


def _unesc(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))




def splice_bytes(data: bytes, sheets: Sequence[FastRows]) -> bytes:
    """The workbook ``data`` (as openpyxl saved it) with the rows of ``sheets`` inserted.

    Streamed part by part, each sheet's rows encoded one at a time: holding every part and
    each sheet as one string tripled the memory of a long article's checklist (10 MB of text,
    92,000 claims: 1.3 GB)."""
    import io

    pending = [s for s in sheets if s.rows]
    if not pending:
        return data
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zf, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out:
        parts = _sheet_parts(zf)
        by_part = {parts[s.title]: s for s in pending}
        for info in zf.infolist():
            sheet = by_part.get(info.filename)
            if sheet is None:
                out.writestr(info, zf.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
                continue
            head, tail = _around_rows(zf.read(info.filename).decode("utf-8"), sheet)
            info.compress_type = zipfile.ZIP_DEFLATED
            with out.open(info, "w", force_zip64=True) as target:
                target.write(head.encode("utf-8"))
                for row in sheet.rows:
                    target.write(row.encode("utf-8"))
                target.write(tail.encode("utf-8"))
    return buffer.getvalue()


_ROW = re.compile(r'<row r="(\d+)"[^>]*?(?:/>|>.*?</row>)', re.S)
_FIRST_ROW = re.compile(r'<row r="(\d+)"')


def _around_rows(xml: str, sheet: FastRows) -> tuple[str, str]:
    """The sheet's XML as openpyxl saved it, cut where the data rows go: (before, after)."""
    first = min(int(m.group(1)) for m in map(_FIRST_ROW.match, sheet.rows) if m)
    # openpyxl writes empty anchor cells for cell comments on data rows; the data rows replace them
    xml = _ROW.sub(lambda m: "" if int(m.group(1)) >= first else m.group(0), xml)
    last = get_column_letter(max(sheet.columns, sheet.max_col))
    xml = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last}{sheet.last_row}"/>', xml, count=1)
    if "</sheetData>" in xml:
        head, tail = xml.split("</sheetData>", 1)
        return head, "</sheetData>" + tail
    head, tail = xml.split("<sheetData/>", 1)
    return head + "<sheetData>", "</sheetData>" + tail

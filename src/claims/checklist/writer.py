"""Write the checklist workbook (.xlsx) of one article.

Layout and the metadata contract are in :mod:`claims.checklist.layout`; the
labels come from the article's language (:mod:`claims.checklist.labels`).
Every text from the article goes through :func:`claims.checklist.text.clean`
and is stored as a string cell, never as a formula.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from claims.checklist._openpyxl import Workbook  # noqa: I001 (first: imports openpyxl without numpy)
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from claims import __version__
from claims.checklist import display, layout
from claims.checklist.aside import Aside
from claims.checklist.atomic import write_bytes
from claims.checklist.fastrows import FastRows, Formula, Runs, Style, splice_bytes
from claims.checklist.labels import CLOSING_STATUSES, STATUS_CODES, Labels, labels_for
from claims.checklist.merge import Carry, CellData, KeptItem, NoteRow, StoredRow
from claims.checklist.reader import GENERATED, cell_fp
from claims.checklist.sheetnotes import PlacedCell, SheetNotes
from claims.checklist.text import MAX_CELL_CHARS, clean, risky
from claims.engine.ids import fingerprint
from claims.findings import workbook as finding_marks
from claims.findings.workbook import cells as finding_cells, overview_rows as findings_overview
from claims.memory import workbook as memory_marks
from claims.models import Article, Claim, ExtractionResult

# Row heights are estimated and stored: LibreOffice does not fit rows to wrapped
# text when it opens an .xlsx, and Excel does not either for rows it did not lay out.
LINE_POINTS = 13.5  # one line of 11 pt text (Calibri in Excel needs fewer lines than LibreOffice's fallback)
MAX_ROW_POINTS = 409.0  # Excel's limit
CHUNK_CHARS = 1500  # longer paragraphs continue in the next row of the article sheet

_THIN = Side(style="thin", color=layout.BORDER)
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FONT = "Calibri"  # LibreOffice shows it as the metric-compatible Carlito
_TOKEN = re.compile(r"\S+|\s+")


# --------------------------------------------------------------------------- helpers


def _put(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    """Write a value into a small sheet (header, overview); text is cleaned and always stays
    text, never a formula. The big sheets' rows go through :class:`FastRows`."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = clean(value)
        cell.value = value
        cell.data_type = "s"  # openpyxl takes "=…" for a formula; this undoes it
        if risky(value):
            cell.quotePrefix = True  # Excel's "stored as text" mark: stays text when edited
    else:
        cell.value = value
    return cell


def _rich(runs: Iterable[tuple[str, bool]]) -> Runs | str:
    """Runs of (text, bold) as rich text; plain text when nothing is bold."""
    parts: list[tuple[str, bool]] = []
    for text, bold in runs:
        text = clean(text)
        if not text:
            continue
        if parts and parts[-1][1] == bold:
            parts[-1] = (parts[-1][0] + text, bold)
        else:
            parts.append((text, bold))
    if not any(bold for _, bold in parts):
        return "".join(t for t, _ in parts)
    total = 0
    blocks: list[tuple[str, bool]] = []
    for text, bold in parts:  # keep within the cell limit
        room = 32_767 - total
        if room <= 0:
            break
        text = text[:room]
        total += len(text)
        blocks.append((text, bold))
    return Runs(blocks)


def claim_in_sentence(claim: Claim) -> tuple[int, int] | None:
    """Where the claim's text stands in its sentence, as (start, end); None if not found."""
    sentence, text = claim.sentence, claim.text
    if not sentence or not text:
        return None
    at = claim.start - claim.sentence_start
    if 0 <= at and sentence[at:at + len(text)] == text:
        return at, at + len(text)
    found = sentence.find(text)
    if found >= 0:
        return found, found + len(text)
    # whitespace may differ (line breaks inside the claim): match word by word
    words = [re.escape(w) for w in text.split()]
    if words:
        m = re.search(r"\s+".join(words), sentence)
        if m:
            return m.start(), m.end()
    return None


def sentence_runs(claim: Claim) -> list[tuple[str, bool]]:
    where = claim_in_sentence(claim)
    if where is None:
        return [(claim.sentence or claim.text, False)]
    s, e = where
    return [(claim.sentence[:s], False), (claim.sentence[s:e], True), (claim.sentence[e:], False)]


def _lines_needed(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column ``width`` characters wide (word wrap, roughly)."""
    chars = max(int(width * 1.1) - 1, 4)  # a column of width w holds about 1.1 w average chars
    lines = 0
    for part in text.split("\n"):
        used = 0
        lines += 1
        for word in part.split(" "):
            size = len(word) + (1 if used else 0)
            if used and used + size > chars:
                lines += 1
                used = len(word)
            else:
                used += size
            while used > chars:  # a word longer than the column breaks anywhere
                lines += 1
                used -= chars
    return lines


def _row_height(texts: Sequence[tuple[str, float]]) -> float | None:
    lines = max((_lines_needed(t, w) for t, w in texts if t), default=1)
    if lines <= 1:
        return None
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + 3)


def _ranges(numbers: Sequence[int]) -> str:
    """``[1, 2, 3, 5]`` → ``1–3, 5``."""
    out: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        out.append(str(numbers[i]) if i == j else
                   f"{numbers[i]}, {numbers[j]}" if j == i + 1 else f"{numbers[i]}–{numbers[j]}")
        i = j + 1
    return ", ".join(out)


def _style_header(ws: Worksheet, columns: Sequence[layout.Column], titles: Sequence[str]) -> None:
    plain_fill = PatternFill("solid", start_color=layout.HEADER_FILL, end_color=layout.HEADER_FILL)
    plain_font = Font(name=FONT, bold=True, color=layout.HEADER_FONT)
    editor_fill = PatternFill("solid", start_color=layout.EDITOR_HEADER_FILL,
                              end_color=layout.EDITOR_HEADER_FILL)
    editor_font = Font(name=FONT, bold=True, color=layout.EDITOR_HEADER_FONT)
    align = Alignment(wrap_text=True, vertical="center")
    memory_fill = PatternFill("solid", start_color=memory_marks.HEADER_FILL, end_color=memory_marks.HEADER_FILL)
    for col, (column, title) in enumerate(zip(columns, titles, strict=True), start=1):
        cell = _put(ws, layout.HEADER_ROW, col, title)
        cell.fill = editor_fill if column.editor else memory_fill if memory_marks.is_memory(column.key) else plain_fill
        cell.font = editor_font if column.editor else plain_font
        cell.alignment = align
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.row_dimensions[layout.HEADER_ROW].height = 32


PRINTABLE_POINTS = 841.9 - 2 * 0.3 * 72  # A4 landscape less the side margins
PORTRAIT_POINTS = 595.3 - 2 * 0.3 * 72
MIN_PRINT_SCALE = 73  # 11 pt text prints at >= 8 pt


def column_points(width: float) -> float:
    """A column's printed width in points (Excel's: width characters of 7 px, 5 px padding)."""
    return (width * 7 + 5) * 0.75


def fit_to_page(ws: Worksheet, widths: Sequence[float], printable: float = PRINTABLE_POINTS) -> int:
    """Print at the scale that fits the columns to the page width, but never below 73 % (11 pt
    text stays >= 8 pt); where they do not fit at 73 %, the rightmost columns go on to a next
    page. An explicit scale, not "fit to width": a client whose fallback font is wider than
    Calibri/Carlito would otherwise shrink the page below 8 pt. Returns the scale."""
    needed = sum(column_points(w) for w in widths) or 1
    scale = max(MIN_PRINT_SCALE, int(min(100, 100 * printable * 0.93 / needed)))  # LibreOffice lays columns out ~5 % wider
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = scale
    return scale


def _page_setup(ws: Worksheet, labels: Labels, title: str, rows: str | None = "1:1",
                widths: Sequence[float] | None = None, portrait: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT if portrait else ws.ORIENTATION_LANDSCAPE
    if widths is None:
        widths = [ws.column_dimensions[get_column_letter(i)].width or 13
                  for i in range(1, (ws.max_column or 1) + 1)]
    fit_to_page(ws, widths, PORTRAIT_POINTS if portrait else PRINTABLE_POINTS)
    ws.page_margins.left = ws.page_margins.right = 0.3
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if rows:
        ws.print_title_rows = rows
    header = labels.print["header"].format(title=title).replace("&", "&&")
    ws.HeaderFooter.scaleWithDoc = False  # Excel: header and footer keep their size
    ws.oddHeader.left.text = clean(header, 200)
    ws.oddHeader.left.size = 11  # LibreOffice scales it with the page: 8 pt at 73 %
    ws.oddFooter.right.text = labels.print["footer"]
    ws.oddFooter.right.size = 11
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.left.size = 11


# --------------------------------------------------------------------------- sheets


PREVIOUS_KEYS = ("claim", "status", "checked_by", "checked_on", "evidence", "note")

VALUE_MAX_WIDTH = 30


def carried_columns(labels: Labels, carry: Carry | None,
                    previous: Iterable[dict[str, Any]] | None = None) -> tuple[list[layout.Column], list[str]]:
    """Columns beyond the standard ones: the editor's own, then cells kept from before a change."""
    if carry is None:
        return [], []
    columns: list[layout.Column] = []
    titles: list[str] = []
    for own in carry.own_columns:
        width = max(10.0, min(18.0, _longest_word([own.title]) * 1.1 + 2))
        columns.append(layout.Column(own.key, width, editor=True))
        titles.append(own.title)
    labels_previous = labels.data.get("previous_columns", {})
    cells_list = list(carry.previous.values() if previous is None else previous)
    for note in carry.order:
        if isinstance(note, NoteRow):
            cells_list.append({k.split(".", 1)[1]: 1 for k in note.cells if k.startswith("previous.")})
    used = [k for k in PREVIOUS_KEYS if any(k in cells for cells in cells_list)]
    others: list[str] = []
    for cells in cells_list:
        others += [k for k in cells if k not in PREVIOUS_KEYS and k not in others]
    for key in used + others:
        columns.append(layout.Column(f"previous:{key}", 24 if key == "claim" else 14))
        titles.append(labels_previous.get(key) or f"{labels_previous.get('prefix', '')}{key}")
    return columns, titles


def _plain_value(value: Any) -> Any:
    """Editors' cells keep their type where a fast row can hold it; anything else as text."""
    if value is None or isinstance(value, (str, int, float, bool, dt.date, dt.datetime, dt.time,
                                           dt.timedelta, Formula)):
        return value
    return str(value)


def _longest_word(texts: Iterable[str]) -> int:
    return max((len(w) for t in texts for w in str(t).split()), default=0)


class _Writer:
    """Writes the rows of a claim sheet: values, editor cells, comments, links, formulas, notes."""

    def __init__(self, ws: Worksheet, columns: Sequence[layout.Column], labels: Labels,
                 aside: Aside, sheet_label: str) -> None:
        self.ws = ws
        self.columns = columns
        self.labels = labels
        self.aside = aside
        self.sheet_label = sheet_label
        self.col_of = {c.key: i for i, c in enumerate(columns, start=1)}
        self.width_of = {c.key: c.width for c in columns}
        editor_fill = PatternFill("solid", start_color=layout.EDITOR_FILL, end_color=layout.EDITOR_FILL)
        self.date_format = labels.date_format
        self.base: dict[str, dict[str, Any]] = {}
        for column in columns:
            styles: dict[str, Any] = {"alignment": Alignment(wrap_text=column.wrap, vertical="top",
                                                             horizontal="center" if column.center else None),
                                      "border": _BORDER}
            if column.editor:
                styles["fill"] = editor_fill
            if column.key == "id":
                styles["font"] = Font(name="Consolas", size=11)
            if column.key in ("checked_on", "previous:checked_on"):
                styles["number_format"] = self.date_format
            if column.key.startswith("previous:"):
                styles["font"] = Font(name=FONT, color="595959", italic=True)
            if column.key == "change":
                styles["font"] = Font(name=FONT, bold=True, color="9C5700")
            if memory_marks.is_memory(column.key):
                styles["fill"] = PatternFill("solid", start_color=memory_marks.FILL, end_color=memory_marks.FILL)
                styles["font"] = Font(name=FONT, color=memory_marks.FONT)
            self.base[column.key] = styles
        self.protos = {c.key: Style(ws, **self.base[c.key]) for c in columns}
        # a finding's cell stands out (claims.findings.workbook's colours)
        self.marked = Style(ws, **{**self.base["finding"], "fill": PatternFill(
            "solid", start_color=finding_marks.FILL, end_color=finding_marks.FILL),
            "font": Font(name=FONT, bold=True, color=finding_marks.FONT)}) if "finding" in self.base else None
        self.variants: dict[tuple[str, str], Style] = {}
        self.note_style = Style(ws, alignment=Alignment(wrap_text=True, vertical="top"))
        self.fast = FastRows(ws, len(columns))

    def format_for(self, value: Any) -> str | None:
        """The number format that shows a date or time an editor typed as one."""
        if isinstance(value, dt.datetime):
            return self.date_format + " HH:MM"
        if isinstance(value, dt.date):
            return self.date_format
        if isinstance(value, dt.time):
            return "HH:MM:SS"
        if isinstance(value, dt.timedelta):
            return "[HH]:MM:SS"
        return None

    def note_variant(self, number_format: str) -> Style:
        variant = self.variants.get(("", number_format))
        if variant is None:
            variant = Style(self.ws, alignment=Alignment(wrap_text=True, vertical="top"), number_format=number_format)
            self.variants[("", number_format)] = variant
        return variant

    def style(self, key: str, value: Any, number_format: str | None) -> Style:
        if key == "finding" and value and self.marked is not None:
            return self.marked
        if number_format is None and key not in ("checked_on", "previous:checked_on"):
            number_format = self.format_for(value)
        if key in ("checked_on", "previous:checked_on") and not isinstance(value, (dt.date, dt.datetime)) \
                and not isinstance(value, Formula) and number_format is None:
            number_format = "General"  # a number typed as is (20250324) stays that number
        if number_format is None or number_format == self.base[key].get("number_format"):
            return self.protos[key]
        variant = self.variants.get((key, number_format))
        if variant is None:
            variant = Style(self.ws, **{**self.base[key], "number_format": number_format})
            self.variants[(key, number_format)] = variant
        return variant

    def cell_value(self, value: Any, data: CellData | None, row: int, col: int, origin: str) -> Any:
        """The value to write; a formula stays a formula (its references follow the row)."""
        if data is not None and data.formula:
            text = data.formula
            if data.coordinate:
                from openpyxl.formula.translate import Translator

                try:
                    text = Translator(text, origin=data.coordinate).translate_formula(
                        f"{get_column_letter(col)}{row}")
                except Exception:  # a formula openpyxl cannot parse: as it was typed
                    text = data.formula
            return Formula(text, _plain_value(value))
        value = _plain_value(value)
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            return self.aside.too_long(value, origin)
        return value

    def decorate(self, row: int, col: int, data: CellData | None) -> None:
        if data is None:
            return
        if data.comment:
            comment = Comment(clean(data.comment), data.author or "claims")
            comment.width, comment.height = 240, 110
            self.ws.cell(row=row, column=col).comment = comment
        if data.link:
            from openpyxl.worksheet.hyperlink import Hyperlink

            link = Hyperlink(ref=f"{get_column_letter(col)}{row}", tooltip=data.link_tooltip,
                             **({"location": data.link[1:]} if data.link.startswith("#") else {"target": data.link}))
            self.ws.cell(row=row, column=col).hyperlink = link

    def note(self, row: int, note: NoteRow) -> None:
        """An editor's own row, its cells where their columns are now."""
        extra: dict[int, tuple[Any, Any]] = {}
        for key, data in note.cells.items():
            col = self.col_of.get(key.replace("previous.", "previous:", 1))
            if col is None:
                self.aside.note(f"{self.sheet_label}, row {note.row}, column {key}", data)
                continue
            value = self.cell_value(data.value, data, row, col, f"{self.sheet_label}!{get_column_letter(col)}{row}")
            number_format = data.number_format
            if number_format is None and isinstance(value, (dt.date, dt.time, dt.timedelta)):
                number_format = self.format_for(value)
            extra[col] = (value, self.note_style if number_format is None else
                          self.note_variant(number_format))
            self.decorate(row, col, data)
        inside = {i: extra.pop(i) for i in range(1, len(self.columns) + 1) if i in extra}
        values = [inside[i][0] if i in inside else None for i in range(1, len(self.columns) + 1)]
        styles: list[Any] = [inside[i][1] if i in inside else None for i in range(1, len(self.columns) + 1)]
        self.fast.add(row, values, styles, None, extra)

    def claim_row(self, row: int, cells: dict[str, Any], stored: StoredRow | None,
                  previous: dict[str, Any], previous_cells: dict[str, CellData], texts_for_height: list) -> None:
        data_of: dict[str, CellData] = {}
        if stored is not None:
            data_of.update({k.replace("previous.", "previous:", 1): d for k, d in stored.cells.items()})
            for key, value in stored.editor.items():
                cells[key] = value
            for key, value in stored.own.items():
                cells[key] = value
        for key, value in previous.items():
            cells[f"previous:{key}"] = value
        for key, data in previous_cells.items():
            data_of[f"previous:{key}"] = data
        if cells.get("status") in (None, ""):
            cells["status"] = self.labels.status_label("open")
        values: list[Any] = []
        styles: list[Any] = []
        for col, column in enumerate(self.columns, start=1):
            value = cells.get(column.key)
            data = data_of.get(column.key)
            origin = f"{self.sheet_label}!{get_column_letter(col)}{row}"
            if column.editor or column.key.startswith(("previous:", "own:")) or data is not None:
                value = self.cell_value(value, data, row, col, origin)
            values.append(value)
            styles.append(self.style(column.key, value, data.number_format if data else None))
            self.decorate(row, col, data)
        for key, data in data_of.items():
            if key not in self.col_of and (data.comment or data.link or data.formula or data.value not in (None, "")):
                self.aside.note(f"{self.sheet_label}, row {row}, column {key}", data)
        self.fast.add(row, values, styles, _row_height(texts_for_height))


def _value_width(claims: Sequence[Claim], labels: Labels) -> float:
    longest = _longest_word(display.show(c.kind, c.value, labels) for c in claims)
    return float(min(VALUE_MAX_WIDTH, max(15, longest + 2)))


def _sized(columns: Sequence[layout.Column], value_width: float,
           extra: Sequence[layout.Column] = ()) -> list[layout.Column]:
    """The value column as wide as its longest word needs; the sentence, hint and claim columns
    give room back (down to layout.SHRINKABLE) so the printed page stays at 73 % or more."""
    from dataclasses import replace

    out = [replace(c, width=value_width) if c.key == "value" else c for c in columns]
    printed = [c for c in (*out, *extra) if not c.key.startswith("previous:")]
    budget = (PRINTABLE_POINTS * 100 / MIN_PRINT_SCALE / 0.75 - 5 * len(printed)) / 7
    over = sum(c.width for c in printed) - budget
    for key, floor in layout.SHRINKABLE:
        if over <= 0:
            break
        i = next(i for i, c in enumerate(out) if c.key == key)
        give = min(over, out[i].width - floor)
        if give > 0:
            out[i] = replace(out[i], width=out[i].width - give)
            over -= give
    return out


def _checklist(ws: Worksheet, result: ExtractionResult, labels: Labels, title: str,
               carry: Carry | None, aside: Aside) -> tuple[FastRows, dict[str, dict[str, str]]]:
    extra_columns, extra_titles = carried_columns(labels, carry)
    base_columns = _sized(layout.CHECKLIST_COLUMNS, _value_width(result.claims, labels), extra_columns)
    recalled = getattr(result, "memory", None) or {}
    memory_columns, memory_titles = memory_marks.columns(labels, recalled)
    columns = tuple(base_columns) + tuple(extra_columns) + tuple(memory_columns)
    writer = _Writer(ws, columns, labels, aside, labels.sheets["checklist"])
    _style_header(ws, columns, [labels.columns[c.key] for c in layout.CHECKLIST_COLUMNS] + extra_titles
                  + memory_titles)
    col_of = writer.col_of
    width_of = writer.width_of
    fps: dict[str, dict[str, str]] = {}
    number_of = {c.id: n for n, c in enumerate(result.claims, start=1)}
    claim_of = {c.id: c for c in result.claims}
    order: list[str | NoteRow] = list(carry.order) if carry is not None and carry.order else \
        [c.id for c in result.claims]
    change_labels = labels.data.get("change", {})
    found = finding_cells(result, labels)
    row = layout.FIRST_ROW - 1
    for item in order:
        row += 1
        if isinstance(item, NoteRow):
            writer.note(row, item)
            continue
        claim = claim_of[item]
        value = display.show(claim.kind, claim.value, labels, claim.text)
        mark = carry.change.get(claim.id) if carry is not None else None
        cells = {
            "number": number_of[claim.id],
            "id": claim.id,
            "kind": labels.kind(claim.kind),
            "claim": claim.text,
            "sentence": _rich(sentence_runs(claim)),
            "value": value,
            "finding": found[claim.id][0] if claim.id in found else None,
            "paragraph": claim.paragraph or None,
            "line": claim.line or None,
            "hint": claim.hint,
            "change": change_labels.get(mark) if mark else None,
            "status": labels.status_label("open"),
            **memory_marks.cells(recalled.get(claim.id), labels),
        }
        fps[claim.id] = {k: cell_fp(_runs_text(v)) for k, v in cells.items()
                         if k not in layout.EDITOR_KEYS and k != "id"}
        stored = carry.rows.get(claim.id) if carry is not None else None
        previous = carry.previous.get(claim.id, {}) if carry is not None else {}
        previous_cells = carry.previous_cells.get(claim.id, {}) if carry is not None else {}
        if stored is None and not previous:  # a claim no editor has seen: the memory may close it
            cells.update(memory_marks.reused(recalled.get(claim.id), labels))
        writer.claim_row(row, cells, stored, previous, previous_cells,
                         [(claim.sentence, width_of["sentence"]), (claim.text, width_of["claim"]),
                          (claim.hint, width_of["hint"]), (value, width_of["value"]),
                          (labels.kind(claim.kind), width_of["kind"]),
                          (cells["finding"] or "", width_of["finding"]),
                          *[(str(cells.get(k) or ""), width_of[k]) for k in width_of if memory_marks.is_memory(k)]])
        finding_cell = ws.cell(row=row, column=col_of["finding"])
        if claim.id in found and found[claim.id][1] and finding_cell.comment is None:
            # the related claims' numbers, on hovering; an editor's comment there wins
            finding_cell.comment = Comment(clean(found[claim.id][1]), layout.FINDING_NOTE_AUTHOR)
    for note in carry.header_notes if carry is not None else []:
        for key, data in note.cells.items():
            col = col_of.get(key)
            if col is not None:
                writer.decorate(layout.HEADER_ROW, col, data)
    last_row = max(row, layout.FIRST_ROW)
    _claim_sheet_layout(ws, columns, labels, title, last_row, col_of)
    return writer.fast, fps


def _runs_text(value: Any) -> Any:
    return "".join(t for t, _ in value) if isinstance(value, Runs) else value


def _claim_sheet_layout(ws: Worksheet, columns: Sequence[layout.Column], labels: Labels, title: str,
                        last_row: int, col_of: dict[str, int]) -> None:
    """Frozen header, filter, drop-down, dates, status colours, grouped "Vorher" columns, print."""
    last_col = get_column_letter(len(columns))
    ws.freeze_panes = f"A{layout.FIRST_ROW}"
    ws.auto_filter.ref = f"A{layout.HEADER_ROW}:{last_col}{last_row}"
    status_col = get_column_letter(col_of["status"])
    choices = ",".join(labels.status_label(code) for code in STATUS_CODES)
    status_dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True,
                               showErrorMessage=True, showInputMessage=False,
                               errorTitle=labels.columns["status"],
                               error=labels.messages["status_error"].format(choices=choices.replace(",", ", ")))
    status_dv.add(f"{status_col}{layout.FIRST_ROW}:{status_col}{last_row}")
    date_col = get_column_letter(col_of["checked_on"])
    date_dv = DataValidation(type="date", operator="greaterThan", formula1="32874", allow_blank=True,
                             showErrorMessage=True, errorTitle=labels.columns["checked_on"],
                             error=labels.messages["date_error"])
    date_dv.add(f"{date_col}{layout.FIRST_ROW}:{date_col}{last_row}")
    ws.add_data_validation(status_dv)
    ws.add_data_validation(date_dv)
    area = f"A{layout.FIRST_ROW}:{last_col}{last_row}"
    for code, fill in layout.STATUS_FILLS.items():
        label = labels.status_label(code).replace('"', '""')
        ws.conditional_formatting.add(area, FormulaRule(
            formula=[f'TRIM(${status_col}{layout.FIRST_ROW})="{label}"'], stopIfTrue=True,
            fill=PatternFill("solid", start_color=fill, end_color=fill),
            font=Font(color=layout.STATUS_FONTS[code])))
    change_col = col_of.get("change")
    if change_col is not None:
        letter = get_column_letter(change_col)
        ws.conditional_formatting.add(f"{letter}{layout.FIRST_ROW}:{letter}{last_row}", FormulaRule(
            formula=[f'LEN(TRIM(${letter}{layout.FIRST_ROW}))>0'],
            fill=PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C")))
    # kept cells and the memory's: grouped (one click folds them) and left out of the printed page
    previous = [i for i, c in enumerate(columns, start=1) if c.key.startswith(("previous:", "memory_"))]
    printed = [c.width for c in columns if not c.key.startswith(("previous:", "memory_"))]
    _page_setup(ws, labels, title, widths=printed)
    if previous:  # grouped (one click folds them) and left out of the printed page
        for i in previous:
            ws.column_dimensions[get_column_letter(i)].outline_level = 1
        ws.print_area = f"A1:{get_column_letter(previous[0] - 1)}{last_row}"


def _paragraph_chunks(text: str, start: int, end: int, breaks: Sequence[int]) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most CHUNK_CHARS, at line breaks or sentence starts."""
    chunks: list[tuple[int, int]] = []
    while end - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        floor = start + CHUNK_CHARS // 3
        newline = text.rfind("\n", floor, limit)
        if newline > start:
            cut = newline + 1
        else:
            i = bisect.bisect_right(breaks, limit) - 1
            cut = breaks[i] if i >= 0 and breaks[i] > floor else limit
        chunks.append((start, cut))
        start = cut
    chunks.append((start, end))
    return chunks


def _display_runs(text: str, start: int, end: int, spans: Sequence[tuple[int, int]],
                  edges: Sequence[int], starts: Sequence[int]) -> list[tuple[str, bool]]:
    """text[start:end] with whitespace tidied (spaces collapsed, blank lines dropped) and the
    claim spans (merged, sorted; ``edges`` their sorted ends and starts, ``starts`` their starts)
    marked bold."""

    def bold_at(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    runs: list[tuple[str, bool]] = []
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        token = m.group()
        if token.isspace():
            runs.append(("\n" if "\n" in token else " ", bold_at(a) and bold_at(b)))
            continue
        cuts = [a, *edges[bisect.bisect_right(edges, a):bisect.bisect_left(edges, b)], b]
        for x, y in zip(cuts, cuts[1:], strict=False):
            runs.append((text[x:y], bold_at(x)))
    while runs and runs[0][0].isspace():
        runs.pop(0)
    while runs and runs[-1][0].isspace():
        runs.pop()
    return runs


def _merged_spans(claims: Iterable[Claim]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s, e in sorted((c.start, c.end) for c in claims if c.end > c.start):
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


def _article(ws: Worksheet, result: ExtractionResult, article: Article, labels: Labels,
             title: str, notes: Sequence[PlacedCell] = (), aside: Aside | None = None) -> tuple[FastRows, int, str]:
    """The article sheet, the row of its last paragraph, and each row's fingerprint (for
    _meta.article_rows_fp; empty for an article too long for one cell). An editor's notes
    beside a paragraph stay beside it (by its text, else its number), notes below the table
    stay below it."""
    columns = layout.ARTICLE_COLUMNS
    _style_header(ws, columns, [labels.article_columns[c.key] for c in columns])
    text = article.clean if len(article.clean) == len(article.text) else article.text
    spans = _merged_spans(result.claims)
    edges = sorted({p for span in spans for p in span})
    span_starts = [s for s, _ in spans]
    claim_starts = sorted((c.start, n) for n, c in enumerate(result.claims, start=1))
    starts_only = [s for s, _ in claim_starts]
    breaks = sorted(s.start for s in result.sentences)
    align_text = Alignment(wrap_text=True, vertical="top")
    align_num = Alignment(horizontal="center", vertical="top")
    paragraphs = result.paragraphs or []
    if not paragraphs and text.strip():
        from claims.models import Paragraph

        paragraphs = [Paragraph(start=0, end=len(text), index=1)]
    protos = [Style(ws, alignment=align, border=_BORDER) for align in (align_num, align_text, align_text)]
    fast = FastRows(ws, len(columns))
    planned: list[tuple[int, list[Any], float | None, str, int]] = []
    row = layout.FIRST_ROW
    for paragraph in paragraphs:
        for a, b in _paragraph_chunks(text, paragraph.start, paragraph.end, breaks):
            runs = _display_runs(text, a, b, spans, edges, span_starts)
            if not runs:
                continue
            lo, hi = bisect.bisect_left(starts_only, a), bisect.bisect_left(starts_only, b)
            numbers = sorted(n for _, n in claim_starts[lo:hi])
            plain = "".join(t for t, _ in runs)
            height = _row_height([(plain, columns[1].width)])
            planned.append((row, [paragraph.index, _rich(runs), _ranges(numbers)], height,
                            " ".join(plain.split()), paragraph.index))
            row += 1
    last = row - 1
    extra: dict[int, dict[int, tuple[Any, Any]]] = {}
    if notes and aside is not None:
        by_text: dict[str, list[int]] = {}
        by_number: dict[Any, list[int]] = {}
        for r, _values, _h, plain, index in planned:
            by_text.setdefault(plain, []).append(r)
            by_number.setdefault(index, []).append(r)
        note_style = Style(ws, alignment=Alignment(wrap_text=True, vertical="top"))
        for note in notes:
            if note.row == layout.HEADER_ROW:
                target = layout.HEADER_ROW
            elif note.below is not None:
                target = last + note.below
            else:
                rows = by_text.get(note.text or "") or by_number.get(note.paragraph) or []
                target = rows[0] if rows else None
            if target is None or target == layout.HEADER_ROW and note.col <= len(columns) \
                    and note.data.value not in (None, ""):
                aside.note(note.origin, note.data)
                continue
            if note.data.value not in (None, "") or note.data.formula:
                value = Formula(note.data.formula, note.data.value) if note.data.formula else _plain_value(note.data.value)
                if target == layout.HEADER_ROW:
                    _put(ws, target, note.col, value if not isinstance(value, Formula) else "=" + value.text)
                else:
                    extra.setdefault(target, {})[note.col] = (value, note_style)
            _decorate(ws, target, note.col, note.data)
    fps = []
    for r, values, height, _plain, _index in planned:
        fps.append(f"{r}:{article_row_fp(values)}")
        cells = extra.pop(r, {})
        for col in [c for c in cells if c <= len(columns)]:  # a note in our columns: beside, not over
            aside.note(f"{ws.title}!{get_column_letter(col)}{r}", CellData(value=cells.pop(col)[0])) if aside else None
        fast.add(r, values, protos, height, cells)
    for r in sorted(extra):
        cells = extra[r]
        values = [cells.pop(c)[0] if c in cells else None for c in range(1, len(columns) + 1)]
        fast.add(r, values, [None if v is None else protos[1] for v in values], None, cells)
    ws.freeze_panes = f"A{layout.FIRST_ROW}"
    _page_setup(ws, labels, title)
    return fast, last, ",".join(fps) if sum(len(f) + 1 for f in fps) < 30_000 else ""


def article_row_fp(values: Sequence[Any]) -> str:
    """A fingerprint of one article row as written (paragraph, text, claim numbers)."""
    return cell_fp(" | ".join("" if v is None else str(_runs_text(v)) for v in values))


def _decorate(ws: Worksheet, row: int, col: int, data: CellData) -> None:
    if data.comment:
        ws.cell(row=row, column=col).comment = Comment(clean(data.comment), data.author or "claims")
    if data.link:
        from openpyxl.worksheet.hyperlink import Hyperlink

        ws.cell(row=row, column=col).hyperlink = Hyperlink(
            ref=f"{get_column_letter(col)}{row}", tooltip=data.link_tooltip,
            **({"location": data.link[1:]} if data.link.startswith("#") else {"target": data.link}))


def _overview(ws: Worksheet, result: ExtractionResult, article: Article, labels: Labels,
              title: str, created: dt.datetime, checklist_name: str, last_row: int | None = None) -> None:
    ov = labels.overview
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 70
    bold = Font(name=FONT, bold=True)
    heading = _put(ws, 1, 1, f"{ov['heading']}: {title}")
    heading.font = Font(name=FONT, bold=True, size=14)
    ws.row_dimensions[1].height = 22
    left = Alignment(horizontal="left", vertical="top", wrap_text=True)
    info: list[tuple[str, Any, str | None]] = [
        (ov["title"], article.title or "", None),
        (ov["file"], article.path or "", None),
        (ov["date"], article.date, labels.date_format),
        (ov["sha256"], article.sha256, None),
        (ov["ruleset"], f"{result.ruleset} {result.ruleset_version}".strip(), None),
        (ov["tool"], f"claims {__version__}", None),
        (ov["created"], created.replace(tzinfo=None), labels.datetime_format),
        (ov["lang"], article.lang, None),
    ]
    row = 3
    for label, value, number_format in info:
        _put(ws, row, 1, label).font = bold
        cell = _put(ws, row, 2, value)
        cell.alignment = left
        if number_format:
            cell.number_format = number_format
        row += 1

    n = len(result.claims)
    last = max(layout.FIRST_ROW + max(n, 1) - 1, last_row or 0)  # an editor's notes between rows too
    col_of = {c.key: get_column_letter(i) for i, c in enumerate(layout.CHECKLIST_COLUMNS, start=1)}
    sheet = "'" + checklist_name.replace("'", "''") + "'"

    def rng(key: str) -> str:
        return f"{sheet}!${col_of[key]}${layout.FIRST_ROW}:${col_of[key]}${last}"

    section = Font(name=FONT, bold=True, size=12)
    row += 1
    _put(ws, row, 1, ov["by_kind"]).font = section
    row += 1
    from claims.kinds import KINDS

    for kind in KINDS:
        _put(ws, row, 1, labels.kind(kind))
        ws.cell(row=row, column=2, value=f'=COUNTIF({rng("kind")},"{labels.kind(kind)}")')
        row += 1
    total_row = row
    _put(ws, row, 1, ov["total"]).font = bold
    ws.cell(row=row, column=2, value=f'=COUNTA({rng("id")})').font = bold
    row += 2
    _put(ws, row, 1, ov["by_status"]).font = section
    row += 1
    status_rows: dict[str, int] = {}
    first_status_row = row
    for code in STATUS_CODES:
        status_rows[code] = row
        label = _put(ws, row, 1, labels.status_label(code))
        if code in layout.STATUS_FILLS:
            label.fill = PatternFill("solid", start_color=layout.STATUS_FILLS[code],
                                     end_color=layout.STATUS_FILLS[code])
        row += 1
    others = [code for code in STATUS_CODES if code != "open"]
    for code in others:
        ws.cell(row=status_rows[code], column=2,
                value=f'=COUNTIF({rng("status")},"{labels.status_label(code)}")')
    # open: every claim not in another status (empty cells and typos count as open)
    ws.cell(row=status_rows["open"], column=2,
            value=f"=B{total_row}-SUM(B{first_status_row + 1}:B{row - 1})")
    row += 1
    for label_text, formula in findings_overview(labels, rng("finding"), rng("status")):
        _put(ws, row, 1, label_text).font = bold
        ws.cell(row=row, column=2, value=formula).font = bold
        row += 1
    row += 1
    closing = "+".join(f"B{status_rows[c]}" for c in STATUS_CODES if c in CLOSING_STATUSES)
    _put(ws, row, 1, ov["progress"]).font = section
    progress = ws.cell(row=row, column=2, value=f"=IF(B{total_row}=0,1,({closing})/B{total_row})")
    progress.number_format = "0%"
    progress.font = Font(name=FONT, bold=True, size=12)
    progress.alignment = Alignment(horizontal="left")
    for r in range(3, row + 1):
        ws.cell(row=r, column=2).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    row += 2
    note = _put(ws, row, 1, ov["help"])
    note.alignment = Alignment(wrap_text=True, vertical="top")
    note.font = Font(name=FONT, italic=True, color="595959")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    ws.row_dimensions[row].height = 32
    _page_setup(ws, labels, title, rows=None, portrait=True)




def _overview_notes(ws: Worksheet, notes: Sequence[PlacedCell], aside: Aside) -> None:
    """An editor's cells on the overview keep their place unless the new overview uses it."""
    for note in notes:
        cell = ws.cell(row=note.row, column=note.col)
        value = note.data.formula or note.data.value
        if value not in (None, ""):
            if cell.value not in (None, ""):
                aside.note(note.origin, note.data)
                continue
            if note.data.formula:
                cell.value = note.data.formula
            else:
                cell.value = _plain_value(value)
                if isinstance(cell.value, str):
                    cell.data_type = "s"
            if note.data.number_format:
                cell.number_format = note.data.number_format
        _decorate(ws, note.row, note.col, note.data)


def meta_values(result: ExtractionResult, article: Article, labels: Labels,
                created: dt.datetime, extra: dict[str, str] | None = None) -> dict[str, str]:
    values = {
        "format_version": layout.FORMAT_VERSION,
        "tool_version": __version__,
        "lang": labels.lang,
        "article_path": article.path or "",
        "article_title": article.title or "",
        "article_date": article.date.isoformat() if article.date else "",
        "article_sha256": article.sha256,
        "ruleset": result.ruleset,
        "ruleset_version": result.ruleset_version,
        "created": created.isoformat(timespec="seconds"),
        "claim_count": str(len(result.claims)),
        "columns": json.dumps([c.key for c in layout.CHECKLIST_COLUMNS]),
        "first_row": str(layout.FIRST_ROW),
        "article_lang": article.lang or "",
        "article_sha256_history": json.dumps([article.sha256]),
        "article_last_row": "",
        "article_rows_fp": "",
        "overview_cells": "{}",
    }
    values.update(extra or {})
    return values


def _hidden(wb: Workbook, result: ExtractionResult, meta: dict[str, str],
            fps: dict[str, dict[str, str]]) -> FastRows:
    ws = wb.create_sheet(layout.CLAIMS_SHEET)
    ws.sheet_state = "hidden"
    for col, key in enumerate(layout.CLAIM_META_KEYS, start=1):
        _put(ws, 1, col, key)
    fast = FastRows(ws, len(layout.CLAIM_META_KEYS))
    no_styles = [None] * len(layout.CLAIM_META_KEYS)
    for number, claim in enumerate(result.claims, start=1):
        row = number + 1
        values = {
            "id": claim.id, "number": number, "kind": claim.kind, "rule": claim.rule,
            "text_fp": fingerprint(claim.text), "sentence_fp": fingerprint(claim.sentence),
            "start": claim.start, "end": claim.end, "line": claim.line, "paragraph": claim.paragraph,
            "text": claim.text,
            "value": json.dumps(claim.value, ensure_ascii=False, sort_keys=True, default=str),
            "cells_fp": json.dumps(fps.get(claim.id, {}), separators=(",", ":")),
        }
        fast.add(row, [values[key] for key in layout.CLAIM_META_KEYS], no_styles)
    ms = wb.create_sheet(layout.META_SHEET)
    ms.sheet_state = "hidden"
    for row, key in enumerate(layout.META_KEYS, start=1):
        _put(ms, row, 1, key)
        _put(ms, row, 2, meta[key])
    return fast


# --------------------------------------------------------------------------- entry point


def _removed(ws: Worksheet, carry: Carry, labels: Labels, title: str, aside: Aside,
             result_claims: Sequence[Claim]) -> FastRows:
    """Rows whose claim left the article, with every cell an editor typed, in the checklist's own
    columns (a row copied from here back to the checklist fits there). Never deleted."""
    extra_columns, extra_titles = carried_columns(labels, carry, [r.previous for r in carry.removed])
    base_columns = _sized(layout.CHECKLIST_COLUMNS, _value_width(result_claims, labels), extra_columns)
    columns = tuple(base_columns) + tuple(extra_columns)
    _style_header(ws, columns, [labels.columns[c.key] for c in layout.CHECKLIST_COLUMNS] + extra_titles)
    writer = _Writer(ws, columns, labels, aside, labels.sheets["removed"])
    notes_after: dict[str | None, list[NoteRow]] = {}
    for note in carry.removed_notes:
        notes_after.setdefault(note.after, []).append(note)
    row = layout.FIRST_ROW - 1
    for note in notes_after.pop(None, []):
        row += 1
        writer.note(row, note)
    for stored in carry.removed:
        row += 1
        cells = {key: stored.generated.get(key) for key in GENERATED}
        cells.update({"id": stored.id, "claim": stored.generated.get("claim") or stored.text,
                      "sentence": stored.generated.get("sentence") or stored.sentence,
                      "kind": stored.generated.get("kind") or labels.kind(stored.kind), "change": None})
        data_cells = {k: d for k, d in stored.cells.items()}
        writer.claim_row(row, cells, stored.model_copy(update={"cells": data_cells}),
                         dict(stored.previous), {},
                         [(str(cells.get(key) or ""), writer.width_of[key])
                          for key in ("sentence", "claim", "hint", "value", "kind")])
        for note in notes_after.pop(stored.id, []):
            row += 1
            writer.note(row, note)
    for group in notes_after.values():  # notes whose row left this sheet: at the end
        for note in group:
            row += 1
            writer.note(row, note)
    _claim_sheet_layout(ws, columns, labels, title, max(row, layout.FIRST_ROW), writer.col_of)
    ws.data_validations.dataValidation = [dv for dv in ws.data_validations.dataValidation
                                          if dv.type != "date"]
    return writer.fast


OUR_SHEETS = ("checklist", "article", "overview", "removed")


def _take_base(base: Any, labels: Labels) -> tuple[Workbook, list[tuple[str, str | None]], list[str]]:
    """The editor's workbook with our sheets taken out: their own sheets, the kept and history
    sheets, their defined names and properties stay. Returns the sheets' order as it was
    (title, and our key for our sheets)."""
    wb = base.workbook
    order: list[tuple[str, str | None]] = []
    notes: list[str] = []
    names = {key: set(_all_names(key)) for key in OUR_SHEETS}
    for ws in list(wb.worksheets):
        key = next((k for k, n in names.items() if ws.title.casefold() in n), None)
        if ws.title == base.sheet_titles.get("checklist"):
            key = "checklist"
        if ws.title in (layout.CLAIMS_SHEET, layout.META_SHEET):
            key = ws.title
        order.append((ws.title, key))
        if key is None:
            continue
        if key == "checklist" and ws.merged_cells.ranges:
            notes.append(f"the merged cells on {ws.title} were unmerged (each cell kept its content)")
        wb.remove(ws)
    wb.custom_doc_props.props = [p for p in wb.custom_doc_props.props
                                 if getattr(p, "name", "") not in layout.DOC_PROPERTIES]
    return wb, order, notes


def build_workbook(result: ExtractionResult, article: Article, created: dt.datetime | None = None,
                   carry: Carry | None = None, base: Any = None,
                   aside: Aside | None = None) -> tuple[Workbook, list[FastRows]]:
    """The checklist workbook in memory (see :mod:`claims.checklist.layout`), and the data rows
    to splice into it once openpyxl has saved it (see :mod:`claims.checklist.fastrows`).

    ``base`` (from ``claims update``: the previous checklist as read) gives the workbook to
    build in, so that the editor's own sheets and everything on them stay as they were."""
    labels = labels_for(article.lang or result.article.lang)
    created = created or _now()
    title = clean(article.title or (Path(article.path).stem if article.path else ""), 200)
    aside = aside or Aside(labels, created.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds"))
    if carry is not None:
        aside.kept += carry.kept
        aside.history += carry.history
    notes = SheetNotes()
    positions: list[tuple[str, str | None]] = []
    if base is not None and base.workbook is not None:
        from claims.checklist.sheetnotes import harvest

        titles = {ws.title.casefold(): ws.title for ws in base.workbook.worksheets}
        article_title = next((titles[n] for n in _all_names("article") if n in titles), None)
        overview_title = next((titles[n] for n in _all_names("overview") if n in titles), None)
        notes = harvest(base.workbook, base.meta, article_title, overview_title, base.hidden)
        for item in notes.kept:
            item.when = aside.when
        aside.kept += notes.kept
        for (sheet, coordinate), value in list(base.hidden.items()):
            aside.kept.append(KeptItem(origin=f"{sheet}!{coordinate}", what="hidden", value=value, when=aside.when))
        base.hidden.clear()
        wb, positions, layout_notes = _take_base(base, labels)  # positions: the old order
        aside.warnings += layout_notes
        ws = wb.create_sheet(labels.sheets["checklist"])
    else:
        wb = Workbook()
        ws = wb.active
        ws.title = labels.sheets["checklist"]
    checklist_rows, fps = _checklist(ws, result, labels, title, carry, aside)
    article_rows, article_last, article_fps = _article(wb.create_sheet(labels.sheets["article"]), result, article,
                                          labels, title, notes.article, aside)
    rows = [checklist_rows, article_rows]
    overview = wb.create_sheet(labels.sheets["overview"])
    _overview(overview, result, article, labels, title, created, labels.sheets["checklist"],
              checklist_rows.last_row)
    overview_cells = {c.coordinate: ("=" if c.data_type == "f" else cell_fp(c.value))
                      for c in overview._cells.values() if c.value is not None}
    _overview_notes(overview, notes.overview, aside)
    if carry is not None and (carry.removed or carry.removed_notes):
        rows.append(_removed(wb.create_sheet(labels.sheets["removed"]), carry, labels, title, aside,
                             result.claims))
    extra = {"article_last_row": str(article_last), "article_rows_fp": article_fps,
             "overview_cells": json.dumps(overview_cells, separators=(",", ":"), sort_keys=True)}
    if carry is not None and carry.sha_history:
        extra["article_sha256_history"] = json.dumps(carry.sha_history)
    meta = meta_values(result, article, labels, created, extra)
    rows.append(_hidden(wb, result, meta, fps))
    aside.write(wb)
    _arrange(wb, positions, labels)
    for name, key in layout.DOC_PROPERTIES.items():
        wb.custom_doc_props.append(StringProperty(name=name, value=clean(meta[key], 255) or "-"))
    wb.properties.title = title or None
    wb.properties.creator = f"claims {__version__}"
    wb.properties.created = created.astimezone(dt.timezone.utc).replace(tzinfo=None)
    wb.properties.language = labels.lang
    wb.active = wb.worksheets.index(ws)
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet is ws
    wb.calculation.fullCalcOnLoad = True
    return wb, rows


def _all_names(key: str) -> list[str]:
    from claims.checklist.labels import _load, available

    return [_load(lang).sheets[key].casefold() for lang in available()]


def _arrange(wb: Workbook, order: list[tuple[str, str | None]], labels: Labels) -> None:
    """Our new sheets where the old ones were in the editor's workbook, theirs where they were."""
    if not order:
        return
    new = {labels.sheets[k]: k for k in OUR_SHEETS}
    new.update({layout.CLAIMS_SHEET: layout.CLAIMS_SHEET, layout.META_SHEET: layout.META_SHEET})
    ours = {new[ws.title]: ws for ws in wb._sheets if ws.title in new}
    sheets: list[Any] = []
    for title, key in order:
        if key is None:
            if title in wb.sheetnames:
                sheets.append(wb[title])
        elif key in ours:
            sheets.append(ours.pop(key))
    for key, ws in ours.items():  # ours that were not there before (the removed sheet)
        after = {"removed": "overview"}.get(key)
        at = next((i + 1 for i, s in enumerate(sheets) if s.title == labels.sheets.get(after or "", "")), None)
        sheets.insert(at if at is not None else len(sheets), ws)
    hidden = [s for s in sheets if s.title in (layout.CLAIMS_SHEET, layout.META_SHEET)]
    rest = [ws for ws in wb._sheets if ws not in sheets]  # kept and history sheets made now
    sheets = [s for s in sheets if s not in hidden] + rest + hidden
    wb._sheets = sheets


def _now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).astimezone()
    return dt.datetime.now().astimezone().replace(microsecond=0)


class RenderNotes(BaseModel):
    warnings: list[str] = []
    kept: int = 0


def render_workbook(result: ExtractionResult, article: Article, carry: Carry | None = None,
                    base: Any = None) -> tuple[bytes, RenderNotes]:
    """The checklist workbook as the bytes of an .xlsx file, and what the writer has to say."""
    import io

    labels = labels_for(article.lang or result.article.lang)
    created = _now()
    aside = Aside(labels, created.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds"))
    wb, rows = build_workbook(result, article, created=created, carry=carry, base=base, aside=aside)
    buffer = io.BytesIO()
    wb.save(buffer)
    return splice_bytes(buffer.getvalue(), rows), RenderNotes(warnings=aside.warnings, kept=len(aside.kept))


def write_workbook(result: ExtractionResult, article: Article, path: Path, carry: Carry | None = None) -> None:
    """Write the checklist workbook of ``article`` to ``path``, atomically.

    ``carry`` (from ``claims update``) brings the editors' cells of the previous checklist.
    """
    data, _notes = render_workbook(result, article, carry=carry)
    write_bytes(data, Path(path))

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
from claims.checklist.atomic import atomic_save
from claims.checklist.fastrows import FastRows, Runs, Style, splice
from claims.checklist.labels import CLOSING_STATUSES, STATUS_CODES, Labels, labels_for
from claims.checklist.text import clean, risky
from claims.engine.ids import fingerprint
from claims.findings.workbook import cells as finding_cells, overview_rows as findings_overview
from claims.checklist.merge import Carry
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
    for col, (column, title) in enumerate(zip(columns, titles, strict=True), start=1):
        cell = _put(ws, layout.HEADER_ROW, col, title)
        cell.fill = editor_fill if column.editor else plain_fill
        cell.font = editor_font if column.editor else plain_font
        cell.alignment = align
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.row_dimensions[layout.HEADER_ROW].height = 32


def _page_setup(ws: Worksheet, labels: Labels, title: str, rows: str | None = "1:1") -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if rows:
        ws.print_title_rows = rows
    header = labels.print["header"].format(title=title).replace("&", "&&")
    ws.oddHeader.left.text = clean(header, 200)
    ws.oddHeader.left.size = 9
    ws.oddFooter.right.text = labels.print["footer"]
    ws.oddFooter.right.size = 9
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.left.size = 9


# --------------------------------------------------------------------------- sheets


PREVIOUS_KEYS = ("claim", "status", "checked_by", "checked_on", "evidence", "note")


def carried_columns(labels: Labels, carry: Carry | None) -> tuple[list[layout.Column], list[str]]:
    """Columns beyond the standard ones: the editor's own, then cells kept from before a change."""
    if carry is None:
        return [], []
    columns: list[layout.Column] = []
    titles: list[str] = []
    for header in carry.extra_headers:
        columns.append(layout.Column(f"extra:{header}", 18, editor=True))
        titles.append(header)
    previous = labels.data.get("previous_columns", {})
    used = [k for k in PREVIOUS_KEYS if any(k in cells for cells in carry.previous.values())]
    others: list[str] = []
    for cells in carry.previous.values():
        others += [k for k in cells if k not in PREVIOUS_KEYS and k != "_comments" and k not in others]
    for key in used + others:
        columns.append(layout.Column(f"previous:{key}", 24 if key == "claim" else 14))
        titles.append(previous.get(key) or f"{previous.get('prefix', '')}{key}")
    return columns, titles


def _carried_cells(claim_id: str, columns: Sequence[layout.Column], carry: Carry | None) -> dict[str, Any]:
    if carry is None:
        return {}
    editor = carry.editor.get(claim_id, {})
    previous = carry.previous.get(claim_id, {})
    cells: dict[str, Any] = {}
    for column in columns:
        if column.key.startswith("extra:"):
            cells[column.key] = editor.get(column.key[6:])
        elif column.key.startswith("previous:"):
            cells[column.key] = previous.get(column.key[9:])
        elif column.editor and column.key in editor:
            cells[column.key] = editor[column.key]
    return cells


def _comment_targets(claim_id: str, carry: Carry | None) -> dict[str, str]:
    if carry is None:
        return {}
    return dict(carry.editor.get(claim_id, {}).get("_comments", {}))


def _plain_value(value: Any) -> Any:
    """Editors' cells keep their type where a fast row can hold it; anything else as text."""
    if value is None or isinstance(value, (str, int, float, bool, dt.date, dt.datetime)):
        return value
    return str(value)


def _marked(ws: Worksheet, styles: list[Style], columns: Sequence[layout.Column],
            aligns: dict[str, Alignment]) -> list[Style]:
    """The row styles with the finding cell marked (claims.findings.workbook's colours)."""
    from claims.findings import workbook as marks

    marked = Style(ws, alignment=aligns["finding"], border=_BORDER,
                   fill=PatternFill("solid", start_color=marks.FILL, end_color=marks.FILL),
                   font=Font(name=FONT, bold=True, color=marks.FONT))
    return [marked if c.key == "finding" else style for c, style in zip(columns, styles, strict=True)]


def _checklist(ws: Worksheet, result: ExtractionResult, labels: Labels, title: str,
               carry: Carry | None = None) -> FastRows:
    extra_columns, extra_titles = carried_columns(labels, carry)
    columns = tuple(layout.CHECKLIST_COLUMNS) + tuple(extra_columns)
    fast = FastRows(ws, len(columns))
    _style_header(ws, columns, [labels.columns[c.key] for c in layout.CHECKLIST_COLUMNS] + extra_titles)
    col_of = {c.key: i for i, c in enumerate(columns, start=1)}
    width_of = {c.key: c.width for c in columns}
    aligns = {c.key: Alignment(wrap_text=c.wrap, vertical="top",
                               horizontal="center" if c.center else None) for c in columns}
    editor_fill = PatternFill("solid", start_color=layout.EDITOR_FILL, end_color=layout.EDITOR_FILL)
    mono = Font(name="Consolas", size=10)
    open_label = labels.status_label("open")
    date_format = "DD.MM.YYYY" if labels.lang == "de" else "YYYY-MM-DD"

    protos: dict[str, Style] = {}
    for column in columns:
        styles: dict[str, Any] = {"alignment": aligns[column.key], "border": _BORDER}
        if column.editor:
            styles["fill"] = editor_fill
        if column.key == "id":
            styles["font"] = mono
        if column.key == "checked_on" or column.key == "previous:checked_on":
            styles["number_format"] = date_format
        if column.key.startswith("previous:"):
            styles["font"] = Font(name=FONT, color="595959", italic=True)
        protos[column.key] = Style(ws, **styles)
    styles_in_order = [protos[c.key] for c in columns]
    found = finding_cells(result, labels)
    marked_styles = _marked(ws, styles_in_order, columns, aligns) if found else styles_in_order

    for number, claim in enumerate(result.claims, start=1):
        row = layout.FIRST_ROW + number - 1
        value = display.show(claim.kind, claim.value, labels)
        cells = {
            "number": number,
            "id": claim.id,
            "kind": labels.kind(claim.kind),
            "claim": claim.text,
            "sentence": _rich(sentence_runs(claim)),
            "value": value,
            "finding": found[claim.id][0] if claim.id in found else None,
            "paragraph": claim.paragraph or None,
            "line": claim.line or None,
            "hint": claim.hint,
            "status": open_label,
            "checked_by": None,
            "checked_on": None,
            "evidence": None,
            "note": None,
        }
        carried = {k: _plain_value(v) for k, v in _carried_cells(claim.id, columns, carry).items()}
        cells.update(carried)
        if carried.get("status") in (None, ""):
            cells["status"] = open_label
        for target, text in _comment_targets(claim.id, carry).items():
            col = next((i for i, c in enumerate(columns, start=1)
                        if c.key == target or c.key == f"extra:{target}"), None)
            if col is not None:
                ws.cell(row=row, column=col).comment = Comment(clean(str(text)), "claims")
        height = _row_height([(claim.sentence, width_of["sentence"]), (claim.text, width_of["claim"]),
                              (claim.hint, width_of["hint"]), (value, width_of["value"]),
                              (labels.kind(claim.kind), width_of["kind"]),
                              (cells["finding"] or "", width_of["finding"])])
        if claim.id in found and found[claim.id][1]:  # the related claims' numbers, on hovering
            ws.cell(row=row, column=col_of["finding"]).comment = Comment(clean(found[claim.id][1]), "claims")
        fast.add(row, [cells[c.key] for c in columns], marked_styles if claim.id in found else styles_in_order,
                 height)

    last_row = layout.FIRST_ROW + max(len(result.claims), 1) - 1
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
    _page_setup(ws, labels, title)
    return fast


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
             title: str) -> FastRows:
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
    row = layout.FIRST_ROW
    for paragraph in paragraphs:
        for a, b in _paragraph_chunks(text, paragraph.start, paragraph.end, breaks):
            runs = _display_runs(text, a, b, spans, edges, span_starts)
            if not runs:
                continue
            lo, hi = bisect.bisect_left(starts_only, a), bisect.bisect_left(starts_only, b)
            numbers = sorted(n for _, n in claim_starts[lo:hi])
            height = _row_height([("".join(t for t, _ in runs), columns[1].width)])
            fast.add(row, [paragraph.index, _rich(runs), _ranges(numbers)], protos, height)
            row += 1
    ws.freeze_panes = f"A{layout.FIRST_ROW}"
    _page_setup(ws, labels, title)
    return fast


def _overview(ws: Worksheet, result: ExtractionResult, article: Article, labels: Labels,
              title: str, created: dt.datetime, checklist_name: str) -> None:
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
        (ov["date"], article.date, "DD.MM.YYYY" if labels.lang == "de" else "YYYY-MM-DD"),
        (ov["sha256"], article.sha256, None),
        (ov["ruleset"], f"{result.ruleset} {result.ruleset_version}".strip(), None),
        (ov["tool"], f"claims {__version__}", None),
        (ov["created"], created.replace(tzinfo=None),
         "DD.MM.YYYY HH:MM" if labels.lang == "de" else "YYYY-MM-DD HH:MM"),
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
    last = layout.FIRST_ROW + max(n, 1) - 1
    col_of = {c.key: get_column_letter(i) for i, c in enumerate(layout.CHECKLIST_COLUMNS, start=1)}
    sheet = "'" + checklist_name.replace("'", "''") + "'"

    def rng(key: str) -> str:
        return f"{sheet}!${col_of[key]}${layout.FIRST_ROW}:${col_of[key]}${last}"

    section = Font(name=FONT, bold=True, size=12)
    row += 1
    _put(ws, row, 1, ov["by_kind"]).font = section
    row += 1
    from claims.models import KINDS

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
    _page_setup(ws, labels, title, rows=None)
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT


def meta_values(result: ExtractionResult, article: Article, labels: Labels,
                created: dt.datetime) -> dict[str, str]:
    return {
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
    }


def _hidden(wb: Workbook, result: ExtractionResult, meta: dict[str, str]) -> FastRows:
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
        }
        fast.add(row, [values[key] for key in layout.CLAIM_META_KEYS], no_styles)
    ms = wb.create_sheet(layout.META_SHEET)
    ms.sheet_state = "hidden"
    for row, key in enumerate(layout.META_KEYS, start=1):
        _put(ms, row, 1, key)
        _put(ms, row, 2, meta[key])
    return fast


# --------------------------------------------------------------------------- entry point


REMOVED_KEYS = ("id", "kind", "claim", "sentence", "status", "checked_by", "checked_on", "evidence", "note")


def _removed(ws: Worksheet, carry: Carry, labels: Labels, title: str) -> None:
    """Rows whose claim left the article, with every cell an editor typed. Never deleted."""
    base = [layout.Column(key, next((c.width for c in layout.CHECKLIST_COLUMNS if c.key == key), 14),
                          editor=key in layout.EDITOR_KEYS) for key in REMOVED_KEYS]
    extra_columns, extra_titles = carried_columns(labels, Carry(
        extra_headers=carry.extra_headers, previous={r.id: r.previous for r in carry.removed}))
    columns = base + extra_columns
    _style_header(ws, columns, [labels.columns[k] for k in REMOVED_KEYS] + extra_titles)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, stored in enumerate(carry.removed, start=layout.FIRST_ROW):
        values: dict[str, Any] = {"id": stored.id, "kind": labels.kind(stored.kind), "claim": stored.text,
                                  "sentence": stored.sentence}
        for column in columns:
            if column.key.startswith("extra:"):
                values[column.key] = stored.editor.get(column.key[6:])
            elif column.key.startswith("previous:"):
                values[column.key] = stored.previous.get(column.key[9:])
            elif column.editor:
                values[column.key] = stored.editor.get(column.key)
        for col, column in enumerate(columns, start=1):
            cell = _put(ws, number, col, _plain_value(values.get(column.key)))
            cell.alignment = wrap
            cell.border = _BORDER
            if column.key in ("checked_on", "previous:checked_on") and isinstance(cell.value, dt.date):
                cell.number_format = "DD.MM.YYYY" if labels.lang == "de" else "YYYY-MM-DD"
        for target, text in stored.editor.get("_comments", {}).items():
            col = next((i for i, c in enumerate(columns, start=1)
                        if c.key == target or c.key == f"extra:{target}"), None)
            if col is not None:
                ws.cell(row=number, column=col).comment = Comment(clean(str(text)), "claims")
        height = _row_height([(str(values.get(c.key) or ""), c.width) for c in columns])
        if height:
            ws.row_dimensions[number].height = height
    ws.freeze_panes = f"A{layout.FIRST_ROW}"
    _page_setup(ws, labels, title)


def build_workbook(result: ExtractionResult, article: Article, created: dt.datetime | None = None,
                   carry: Carry | None = None) -> tuple[Workbook, list[FastRows]]:
    """The checklist workbook in memory (see :mod:`claims.checklist.layout`), and the data rows
    to splice into it once openpyxl has saved it (see :mod:`claims.checklist.fastrows`)."""
    labels = labels_for(article.lang or result.article.lang)
    created = created or _now()
    title = clean(article.title or (Path(article.path).stem if article.path else ""), 200)
    wb = Workbook()
    ws = wb.active
    ws.title = labels.sheets["checklist"]
    rows = [_checklist(ws, result, labels, title, carry),
            _article(wb.create_sheet(labels.sheets["article"]), result, article, labels, title)]
    _overview(wb.create_sheet(labels.sheets["overview"]), result, article, labels, title, created,
              labels.sheets["checklist"])
    if carry is not None and carry.removed:
        _removed(wb.create_sheet(labels.sheets["removed"]), carry, labels, title)
    meta = meta_values(result, article, labels, created)
    rows.append(_hidden(wb, result, meta))
    for name, key in layout.DOC_PROPERTIES.items():
        wb.custom_doc_props.append(StringProperty(name=name, value=clean(meta[key], 255) or "-"))
    wb.properties.title = title or None
    wb.properties.creator = f"claims {__version__}"
    wb.properties.created = created.astimezone(dt.timezone.utc).replace(tzinfo=None)
    wb.properties.language = labels.lang
    wb.active = 0
    wb.calculation.fullCalcOnLoad = True
    return wb, rows


def _now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).astimezone()
    return dt.datetime.now().astimezone().replace(microsecond=0)


def write_workbook(result: ExtractionResult, article: Article, path: Path, carry: Carry | None = None) -> None:
    """Write the checklist workbook of ``article`` to ``path``, atomically.

    ``carry`` (from ``claims update``) brings the editors' cells of the previous checklist.
    """
    wb, rows = build_workbook(result, article, carry=carry)

    def save(tmp: str) -> None:
        wb.save(tmp)
        splice(tmp, rows)

    atomic_save(save, Path(path))

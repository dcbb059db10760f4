"""One workbook for many articles (``claims extract DIR --combine FILE``).

Sheets: the checklist of every claim with an article column first (then the
columns of a single checklist, a status drop-down, a filter), then one sheet
per article with its text paragraph by paragraph. It is for reading,
filtering and assigning work across a batch; it is write-only: ``claims check``
and ``claims update`` work on the per-article checklists, which hold the
fingerprints they need.

Written with openpyxl's write-only mode, so thousands of articles stream to disk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claims.checklist.atomic import atomic_save
from claims.checklist.labels import STATUS_CODES, labels_for
from claims.checklist.text import clean
from claims.models import Article, ExtractionResult

SHEET_NAME_CHARS = 31


def _sheet_name(stem: str, taken: set[str], unnamed: str) -> str:
    base = re.sub(r"[\[\]:*?/\\']", "_", stem)[:SHEET_NAME_CHARS] or unnamed
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_CHARS - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


def write_combined(items: Sequence[tuple[Article, ExtractionResult]], path: Path) -> int:
    """Write the workbook of all ``items`` to ``path`` atomically; returns the number of claims."""
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation

    from claims.report.csvout import rows

    labels = labels_for(items[0][0].lang if items else None)
    article_header = labels.sheets["article"]
    wb = openpyxl.Workbook(write_only=True)
    checklist = wb.create_sheet(labels.sheets["checklist"])
    taken = {checklist.title.casefold()}
    sheet_names = [_sheet_name(Path(article.path or f"{article_header.lower()}-{n}").stem, taken, article_header)
                   for n, (article, _) in enumerate(items, start=1)]
    header: list[Any] | None = None
    total = 0
    table: list[list[Any]] = []
    for (article, result), sheet in zip(items, sheet_names):
        head, *body = rows(result, article)
        header = header or [article_header, *head]
        for row in body:
            table.append([sheet, *row])
        total += len(body)
    header = header or [article_header]
    checklist.freeze_panes = "A2"
    last_row = max(len(table) + 1, 2)
    from openpyxl.utils import get_column_letter

    checklist.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last_row}"
    status_title = labels.columns["status"]
    if status_title in header:
        col = get_column_letter(header.index(status_title) + 1)
        choices = ",".join(labels.status_label(code) for code in STATUS_CODES)
        validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        validation.add(f"{col}2:{col}{last_row}")
        checklist.data_validations.append(validation)
    checklist.append(header)
    for row in table:
        checklist.append([clean(v) if isinstance(v, str) else v for v in row])
    for (article, result), name in zip(items, sheet_names):
        ws = wb.create_sheet(name)
        ws.append([labels.article_columns["paragraph"], labels.article_columns["text"]])
        text = article.clean
        for paragraph in result.paragraphs:
            ws.append([paragraph.index, clean(" ".join(text[paragraph.start:paragraph.end].split()))])
        if not result.paragraphs:
            ws.append([1, clean(text)])
    atomic_save(wb.save, Path(path))
    return total

"""The checklist as CSV (``claims extract --format csv``), for newsrooms that work in Google Sheets.

One row per claim, the same columns as the workbook's checklist sheet, headers
in the article's language. UTF-8 with a byte order mark (so Excel reads umlauts
right), comma-separated, every field quoted, CRLF line ends. A field that a
spreadsheet would take for a formula (``= + - @``, tab, carriage return at its
start) gets a leading apostrophe, as OWASP recommends against CSV injection.
The CSV carries no metadata: ``claims check`` and ``claims update`` need the
workbook. With a verification memory configured, the memory's columns follow the editor's,
as in the workbook (and only when the memory knows a claim of the article).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from claims.checklist import display, layout
from claims.checklist.labels import labels_for
from claims.checklist.text import csv_safe
from claims.checklist.atomic import atomic_save
from claims.models import Article, ExtractionResult


def rows(result: ExtractionResult, article: Article) -> list[list[Any]]:
    """Header and one row per claim, already made safe for a spreadsheet."""
    labels = labels_for(article.lang or result.article.lang)
    keys = [c.key for c in layout.CHECKLIST_COLUMNS if c.key != "change"]  # no update marks in CSV
    titles = [labels.columns[k] for k in keys]
    recalled = result.memory or {}
    if recalled:
        from claims.memory import workbook as memory_marks

        memory_columns, memory_titles = memory_marks.columns(labels, recalled)
        keys += [c.key for c in memory_columns]
        titles += memory_titles
    out: list[list[Any]] = [[csv_safe(t) for t in titles]]
    open_label = labels.status_label("open")
    from claims.findings.workbook import cells as finding_cells

    found = finding_cells(result, labels)
    for number, claim in enumerate(result.claims, start=1):
        cells: dict[str, Any] = {
            "number": number,
            "id": claim.id,
            "kind": labels.kind(claim.kind),
            "claim": claim.text,
            "sentence": " ".join(claim.sentence.split()),
            "value": display.show(claim.kind, claim.value, labels, claim.text),
            "finding": found[claim.id][0] if claim.id in found else "",
            "paragraph": claim.paragraph or "",
            "line": claim.line or "",
            "hint": claim.hint,
            "status": open_label,
            "checked_by": "", "checked_on": "", "evidence": "", "note": "",
        }
        if recalled:
            cells.update(memory_marks.cells(recalled.get(claim.id), labels))
            cells.update(memory_marks.reused(recalled.get(claim.id), labels))  # reuse = "confirmed" only
        out.append([v if isinstance(v, int) else csv_safe(v) for v in (cells.get(k, "") for k in keys)])
    return out


def write_csv(result: ExtractionResult, article: Article, path: Path) -> None:
    """Write the claims of ``article`` as CSV to ``path``, atomically."""
    table = rows(result, article)

    def save(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(table)

    atomic_save(save, Path(path))

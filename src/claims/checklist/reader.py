"""Read a checklist workbook back: claims by ID, every editor cell, whatever the editor did to it.

Robust to what editors and their programs do (see shared FIELD-NOTES): rows
sorted, filtered, blank rows inserted, columns added or moved, statuses typed
in another case or language, the file re-saved by LibreOffice. Columns are
found by their header (labels of any language), rows by claim ID.

Untrusted input: the file is checked to be a zip of sane size and compression
ratio before openpyxl opens it (a zip bomb is refused, not unpacked), and
openpyxl parses XML with defusedxml.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from claims.checklist import layout
from claims.checklist.labels import _load, available, status_code
from claims.checklist.merge import StoredRow
from claims.errors import InputError
from claims.limits import limit, shorten
from claims.ziplimits import check_zip, count_cells

HEADER_SEARCH_ROWS = 10


class ReadChecklist(BaseModel):
    path: str
    meta: dict[str, str]
    rows: list[StoredRow]
    removed: list[StoredRow] = Field(default_factory=list)
    extra_headers: list[str] = Field(default_factory=list)  # columns the editor added, in sheet order
    unknown_statuses: list[tuple[str, str]] = Field(default_factory=list)  # (cell, text)


def _refuse_bombs(path: Path) -> None:
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError as exc:
        raise InputError(f"cannot read the checklist: {exc.strerror or exc}", path) from None
    if not regular:  # a FIFO would block the zip reader, a device never end
        raise InputError("not a regular file (a FIFO, socket or device); refused", path)
    check_zip(path, path, ".xlsx workbook")
    count_cells(path, path)


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


def _header_keys() -> dict[str, str]:
    """Header label (any language, casefolded) -> column key (``previous.<key>`` for kept cells)."""
    keys: dict[str, str] = {}
    for lang in available():
        for key, label in _load(lang).columns.items():
            keys[" ".join(label.split()).casefold()] = key
        for key, label in _load(lang).data.get("previous_columns", {}).items():
            if key != "prefix":
                keys[" ".join(label.split()).casefold()] = f"previous.{key}"
    return keys


def _previous_prefixes() -> list[str]:
    return [p.casefold() for lang in available()
            if (p := _load(lang).data.get("previous_columns", {}).get("prefix"))]


def _sheet_names(key: str) -> set[str]:
    return {_load(lang).sheets.get(key, "").casefold() for lang in available()} - {""}


def _meta(wb: Any, path: Path) -> dict[str, str]:
    meta: dict[str, str] = {}
    if layout.META_SHEET in wb.sheetnames:
        for row in wb[layout.META_SHEET].iter_rows(min_col=1, max_col=2, values_only=True):
            if row[0] is not None:
                meta[str(row[0])] = "" if row[1] is None else str(row[1])
    for prop in getattr(wb, "custom_doc_props", None) or []:
        key = layout.DOC_PROPERTIES.get(getattr(prop, "name", ""))
        if key and key not in meta:
            meta[key] = str(prop.value)
    if not meta.get("format_version"):
        raise InputError("not a claims checklist (no claims metadata in it); make one with "
                         "`claims extract ARTICLE`", path)
    try:
        version = int(meta["format_version"])
    except ValueError:
        raise InputError(f"unreadable checklist format version {shorten(meta['format_version'], 40)!r}",
                         path) from None
    if version > int(layout.FORMAT_VERSION):
        raise InputError(f"made by a newer claims (checklist format {version}; this one reads up to "
                         f"{layout.FORMAT_VERSION}): upgrade claims", path)
    return meta


def _find_header(ws: Any, keys: dict[str, str]) -> tuple[int, dict[int, str], dict[int, str]] | None:
    """(header row, column -> key, column -> extra header) of a sheet with an ID column."""
    for row in ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        known: dict[int, str] = {}
        extra: dict[int, str] = {}
        for cell in row:
            if cell.value is None or str(cell.value).strip() == "":
                continue
            header = " ".join(str(cell.value).split())
            label = header.casefold()
            prefix = next((p for p in _previous_prefixes() if label.startswith(p)), None)
            if label in keys and keys[label] not in known.values():
                known[cell.column] = keys[label]
            elif prefix is not None:  # kept cells of an editor's own column: "Vorher: Rückruf"
                known[cell.column] = f"previous.{header[len(prefix):]}"
            else:
                extra[cell.column] = header
        if "id" in known.values():
            return row[0].row, known, extra
    return None


def _cell_value(cell: Any) -> Any:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, str) and value.strip() == "":
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value  # dates stay dates
    return value if not isinstance(value, str) else str(value)


def _rows(ws: Any, path: Path, meta_ids: dict[str, dict[str, Any]],
          keys: dict[str, str], vocabulary: dict[str, str] | None = None
          ) -> tuple[list[StoredRow], list[str], list[tuple[str, str]]]:
    found = _find_header(ws, keys)
    if found is None:
        raise InputError(f"sheet {ws.title!r} has no ID column; was the header row deleted?", path)
    header_row, known, extra = found
    id_col = next(col for col, key in known.items() if key == "id")
    rows: list[StoredRow] = []
    unknown: list[tuple[str, str]] = []
    seen: set[str] = set()
    for row in ws.iter_rows(min_row=header_row + 1):
        by_col = {cell.column: cell for cell in row if getattr(cell, "column", None)}
        id_cell = by_col.get(id_col)
        claim_id = str(id_cell.value).strip() if id_cell is not None and id_cell.value is not None else ""
        if not claim_id:
            continue  # blank rows, editors' own notes below the table
        if claim_id in seen:
            raise InputError(f"claim ID {shorten(claim_id, 40)} appears twice (cell {id_cell.coordinate}); "
                             f"remove the copied row", path)
        seen.add(claim_id)
        values: dict[str, Any] = {}
        editor: dict[str, Any] = {}
        previous: dict[str, Any] = {}
        for col, key in known.items():
            cell = by_col.get(col)
            value = _cell_value(cell) if cell is not None else None
            if key.startswith("previous."):
                if value is not None:
                    previous[key.split(".", 1)[1]] = value
            elif key in layout.EDITOR_KEYS:
                if value is not None:
                    editor[key] = value
            else:
                values[key] = value
        for col, header in extra.items():
            cell = by_col.get(col)
            value = _cell_value(cell) if cell is not None else None
            if value is not None:
                editor[header] = value
        comments = {(known.get(c.column) or extra.get(c.column) or c.coordinate): c.comment.text
                    for c in row if getattr(c, "comment", None) is not None}
        if comments:
            editor["_comments"] = comments
        raw_status = editor.get("status")
        status = status_code(raw_status, vocabulary)
        if status is None:
            status = "open"
            unknown.append((by_col[next(c for c, k in known.items() if k == "status")].coordinate,
                            str(raw_status)))
        stored = meta_ids.get(claim_id, {})
        rows.append(StoredRow(
            id=claim_id,
            kind=str(stored.get("kind") or values.get("kind") or ""),
            text=str(stored.get("text") or values.get("claim") or ""),
            sentence=str(values.get("sentence") or ""),
            status=status, editor=editor, previous=previous, row=id_cell.row,
        ))
    return rows, list(extra.values()), unknown


def read_checklist(path: str | Path, vocabulary: dict[str, str] | None = None) -> ReadChecklist:
    """Read a claims checklist; any problem is an InputError naming the file (and cell).

    ``vocabulary``: a newsroom's status words (casefolded) to canonical codes (configuration).
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such checklist", path)
    _refuse_bombs(path)
    import openpyxl  # lazy: only commands that read workbooks pay for it

    _guard_cell_ranges()
    try:
        wb = openpyxl.load_workbook(path, data_only=True, rich_text=False)
    except _TooManyCells as exc:
        raise InputError(f"sheet {shorten(exc.sheet, 40)!r} merges or links {exc.cells:,} cells "
                         f"({shorten(exc.ref, 40)}); more than {limit('MERGED_CELLS'):,} are refused "
                         f"(CLAIMS_MAX_MERGED_CELLS raises the limit)", path) from None
    except RecursionError:
        raise InputError("cannot read the workbook: it nests too deep", path) from None
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise InputError(f"cannot read the workbook: {type(exc).__name__}: {shorten(exc)}", path) from None
    _refuse_far_cells(wb, path)
    meta = _meta(wb, path)
    meta_ids: dict[str, dict[str, Any]] = {}
    if layout.CLAIMS_SHEET in wb.sheetnames:
        sheet_rows = wb[layout.CLAIMS_SHEET].iter_rows(values_only=True)
        header = [str(h) for h in next(sheet_rows, ()) if h is not None]
        for values in sheet_rows:
            record = dict(zip(header, values))
            if record.get("id"):
                meta_ids[str(record["id"])] = record
    keys = _header_keys()
    checklist_names = _sheet_names("checklist")
    removed_names = _sheet_names("removed")
    checklist_ws = next((wb[n] for n in wb.sheetnames if n.casefold() in checklist_names), wb.worksheets[0])
    rows, extra, unknown = _rows(checklist_ws, path, meta_ids, keys, vocabulary)
    removed: list[StoredRow] = []
    for name in wb.sheetnames:
        if name.casefold() in removed_names:
            removed, more_extra, more_unknown = _rows(wb[name], path, meta_ids, keys, vocabulary)
            extra += [h for h in more_extra if h not in extra]
            unknown += more_unknown
    for row in removed:
        if row.id in meta_ids and not row.kind:
            row.kind = str(meta_ids[row.id].get("kind") or "")
    return ReadChecklist(path=str(path), meta=meta, rows=rows, removed=removed, extra_headers=extra,
                         unknown_statuses=unknown)

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

import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from claims.checklist import layout
from claims.checklist.labels import _load, available, status_code
from claims.checklist.merge import StoredRow
from claims.errors import InputError

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ENTRIES = 10_000
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
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("not an .xlsx workbook (damaged, or another format)", path) from None
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"the workbook holds {len(entries)} parts; refused as unsafe", path)
    unpacked = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries) or 1
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO and unpacked > 10_000_000:
        raise InputError(f"the workbook would unpack to {unpacked // (1024 * 1024)} MiB "
                         f"(ratio {unpacked // packed}:1); refused as a possible zip bomb", path)


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
        raise InputError(f"unreadable checklist format version {meta['format_version']!r}", path) from None
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
            raise InputError(f"claim ID {claim_id} appears twice (cell {id_cell.coordinate}); "
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

    try:
        wb = openpyxl.load_workbook(path, data_only=True, rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise InputError(f"cannot read the workbook: {type(exc).__name__}: {exc}", path) from None
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

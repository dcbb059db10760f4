"""Read a checklist workbook back: claims by ID, every cell an editor made, whatever they did to it.

Robust to what editors and their programs do (see shared FIELD-NOTES): rows sorted,
filtered, blank rows inserted, columns added or moved, statuses typed in another case or
language, the file re-saved by LibreOffice. Columns are found by their header (labels of
any language), rows by claim ID.

What counts as the editor's, and so is carried by ``update``:

- the editor columns (Status, Geprüft von, Datum, Beleg, Anmerkung) of every claim row;
- the editor's own columns, whatever their header: none, one that repeats another, or one
  that reads like ours (``status``, ``note``): only the first column headed exactly like
  ours (else the first in any case or language) is ours, the others are the editor's;
- rows without a claim ID (notes between or below the table), with where they stood;
- comments (with their author), hyperlinks, formulas and number formats of any such cell;
- the content hidden under merged cells;
- a generated cell (claim, sentence, value, hint …) the editor typed over: the workbook
  stores a fingerprint of each one it wrote, so a change is seen.

Untrusted input: the file is checked to be a zip of sane size and compression
ratio before openpyxl opens it (a zip bomb is refused, not unpacked), and
openpyxl parses XML with defusedxml.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from claims.checklist import layout
from claims.checklist.labels import _load, available, status_code
from claims.checklist.merge import CellData, NoteRow, OwnColumn, StoredRow
from claims.errors import InputError
from claims.limits import shorten
from claims.ziplimits import check_zip, count_cells

HEADER_SEARCH_ROWS = 10


class ReadChecklist(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str
    meta: dict[str, str]
    rows: list[StoredRow]
    removed: list[StoredRow] = Field(default_factory=list)
    own_columns: list[OwnColumn] = Field(default_factory=list)  # the editor's columns, in sheet order
    notes: list[NoteRow] = Field(default_factory=list)  # rows without a claim ID
    unknown_statuses: list[tuple[str, str]] = Field(default_factory=list)  # (cell, text)
    duplicates: list[tuple[str, str]] = Field(default_factory=list)  # (claim ID, cell) seen again
    warnings: list[str] = Field(default_factory=list)
    editor_sorted: bool = False  # the checklist's rows are not in article order
    hidden: dict[tuple[str, str], Any] = Field(default_factory=dict)  # content under merged cells
    workbook: Any = None  # for update: the workbook as read, formulas and all (openpyxl)
    sheet_titles: dict[str, str] = Field(default_factory=dict)  # key (checklist, removed …) -> title

    @property
    def extra_headers(self) -> list[str]:
        return [c.title for c in self.own_columns]


class GateRow:
    """A claim row as ``check`` reads it: what the pairing (:func:`claims.checklist.merge.plan`)
    and the gate look at, none of the editor's cells (:class:`StoredRow` carries those, for
    ``update``). About 100 bytes a row instead of StoredRow's 1.6 KB."""

    __slots__ = ("id", "kind", "text", "sentence", "status", "row", "sheet", "number", "copies")

    def __init__(self, id: str, kind: str, text: str, sentence: str, status: str, row: int, sheet: str,
                 number: int | None) -> None:
        self.id, self.kind, self.text, self.sentence, self.status = id, kind, text, sentence, status
        self.row, self.sheet, self.number = row, sheet, number
        self.copies: list[GateRow] = []


def _refuse_bombs(path: Path) -> None:
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError as exc:
        raise InputError(f"cannot read the checklist: {exc.strerror or exc}", path) from None
    if not regular:  # a FIFO would block the zip reader, a device never end
        raise InputError("not a regular file (a FIFO, socket or device); refused", path)
    check_zip(path, path, ".xlsx workbook")
    count_cells(path, path)


def _norm(text: Any) -> str:
    return " ".join(str(text).split())


def _header_keys() -> dict[str, str]:
    """Header label (any language, casefolded) -> column key (``previous.<key>`` for kept cells)."""
    keys: dict[str, str] = {}
    for lang in available():
        for key, label in _load(lang).columns.items():
            keys[_norm(label).casefold()] = key
        for key, label in _load(lang).data.get("previous_columns", {}).items():
            if key != "prefix":
                keys[_norm(label).casefold()] = f"previous.{key}"
        for key, label in _load(lang).data.get("memory_columns", {}).items():  # ours, regenerated
            keys[_norm(label).casefold()] = key
    return keys


def _exact_labels() -> dict[str, str]:
    return {_norm(label): key for lang in available()
            for key, label in (*_load(lang).columns.items(), *_load(lang).data.get("memory_columns", {}).items())}


def _previous_prefixes() -> list[str]:
    return [p.casefold() for lang in available()
            if (p := _load(lang).data.get("previous_columns", {}).get("prefix"))]


def _sheet_names(key: str) -> set[str]:
    return {_load(lang).sheets.get(key, "").casefold() for lang in available()} - {""}


def _meta(wb: Any, path: Path) -> dict[str, str]:
    pairs = (wb[layout.META_SHEET].iter_rows(min_col=1, max_col=2, values_only=True)
             if layout.META_SHEET in wb.sheetnames else ())
    return _meta_of(pairs, getattr(wb, "custom_doc_props", None) or [], path)


def _meta_of(pairs: Any, props: Any, path: Path) -> dict[str, str]:
    """The stored meta from the ``_meta`` sheet's (key, value) rows, else the custom properties."""
    meta: dict[str, str] = {}
    for row in pairs:
        if row[0] is not None:
            meta[str(row[0])] = "" if row[1] is None else str(row[1])
    for prop in props:
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


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


class _Columns:
    """Which column of a sheet holds what: our keys, kept cells, the editor's own columns."""

    def __init__(self, header_row: int, known: dict[int, str], own: dict[int, OwnColumn]) -> None:
        self.header_row = header_row
        self.known = known  # column -> our key, or previous.<key>
        self.own = own  # column -> the editor's column

    def key(self, col: int) -> str:
        if col in self.known:
            return self.known[col]
        if col not in self.own:  # data in a column without a header: the editor's too
            blank = sum(1 for c in self.own.values() if c.title == "")
            self.own[col] = OwnColumn(key=f"own:#{blank + 1}", title="")
        return self.own[col].key


def _find_header(ws: Any, keys: dict[str, str], path: Path) -> _Columns | None:
    exact = _exact_labels()
    prefixes = _previous_prefixes()
    for row in ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        cells = [(c.column, _norm(c.value)) for c in row
                 if getattr(c, "column", None) and not _empty(c.value)]
        if not any(keys.get(h.casefold()) == "id" for _, h in cells):
            continue
        known: dict[int, str] = {}
        # ours: the first column headed exactly like ours, else the first in any case or language
        for strict in (True, False):
            for col, header in cells:
                key = exact.get(header) if strict else keys.get(header.casefold())
                if key is None or col in known or key in known.values():
                    continue
                known[col] = key
        own: dict[int, OwnColumn] = {}
        seen: Counter[str] = Counter()
        for col, header in cells:
            if col in known:
                continue
            prefix = next((p for p in prefixes if header.casefold().startswith(p)), None)
            if prefix is not None:  # kept cells of an editor's own column: "Vorher: Rückruf"
                known[col] = f"previous.{header[len(prefix):]}"
                continue
            seen[header] += 1
            n = seen[header]
            own[col] = OwnColumn(key=f"own:{header}" + (f"#{n}" if n > 1 else ""), title=header)
        return _Columns(row[0].row, known, own)
    return None


def _cell_value(cell: Any) -> Any:
    value = cell.value
    if _empty(value):
        return None
    if hasattr(value, "text") and not isinstance(value, str):  # ArrayFormula
        return "=" + str(value.text).lstrip("=")
    return value


def _without_finding_note(data: CellData) -> CellData | None:
    """A finding cell's data without the note the writer made there: it is regenerated at each
    run, so read back as the editor's it would outlive the finding. An editor's own comment on
    the cell stays the editor's."""
    if data.author != layout.FINDING_NOTE_AUTHOR or not layout.FINDING_NOTE.match(data.comment or ""):
        return data
    data = data.model_copy(update={"comment": None, "author": None})
    if data.link is None and data.formula is None and data.number_format is None:
        return None
    return data


def _cell_data(cell: Any, cached: Any) -> CellData | None:
    """Comment, hyperlink, formula, number format: what a cell holds beyond its value."""
    comment = getattr(cell, "comment", None)
    link = getattr(cell, "hyperlink", None)
    formula = None
    if getattr(cell, "data_type", None) == "f":
        formula = _cell_value(cell)
        formula = str(formula) if formula is not None else None
    number_format = getattr(cell, "number_format", "General")
    formatted = number_format not in (None, "General") and not isinstance(cached, str) and cached is not None
    if comment is None and link is None and formula is None and not formatted:
        return None
    return CellData(
        value=cached,
        formula=formula,
        comment=comment.text if comment is not None else None,
        author=comment.author if comment is not None else None,
        link=(link.target or (f"#{link.location}" if link.location else None)) if link is not None else None,
        link_tooltip=getattr(link, "tooltip", None) if link is not None else None,
        number_format=None if number_format == "General" else number_format,
        coordinate=getattr(cell, "coordinate", None),
    )


def _fps(record: dict[str, Any]) -> dict[str, str]:
    raw = record.get("cells_fp")
    if not raw:
        return {}
    try:
        data = json.loads(str(raw))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def cell_fp(value: Any) -> str:
    """A short fingerprint of what a generated cell shows, to see later whether an editor typed over it."""
    try:
        return _cell_fp(value.__class__, value)
    except TypeError:  # not hashable
        return _cell_fp.__wrapped__(value.__class__, value)


@lru_cache(maxsize=4096)  # repeated cells (kinds, hints, paragraph numbers) are hashed once
def _cell_fp(_: type, value: Any) -> str:  # by type too: True and 1 are equal keys, not equal texts
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "hour") and hasattr(value, "date") and not isinstance(value, str):  # a datetime
        value = value.replace(microsecond=0)
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            value = value.date()  # openpyxl reads a date back as a datetime at midnight
    import hashlib

    text = "" if value is None else _norm(value)
    return hashlib.blake2s(text.encode("utf-8"), digest_size=4).hexdigest()


GENERATED = ("number", "kind", "claim", "sentence", "value", "paragraph", "line", "hint", "change")


def _rows(ws: Any, cached_ws: Any, path: Path, meta_ids: dict[str, dict[str, Any]],
          keys: dict[str, str], vocabulary: dict[str, str] | None, sheet_key: str,
          out: ReadChecklist, gate_only: bool = False) -> tuple[list[StoredRow], list[OwnColumn]]:
    columns = _find_header(ws, keys, path)
    if columns is None:
        raise InputError(f"sheet {ws.title!r} has no ID column; was the header row deleted?", path)
    status_col = next((c for c, k in columns.known.items() if k == "status"), None)
    if status_col is None:
        raise InputError(f"sheet {ws.title!r} has no column headed 'Status' in row {columns.header_row}: "
                         f"its header was cleared or renamed. Type 'Status' into it again (nothing "
                         f"was changed; without it every tick would read as open)", path)
    id_col = next(col for col, key in columns.known.items() if key == "id")
    finding_col = next((col for col, key in columns.known.items() if key == "finding"), None)
    above = ws.iter_rows(min_row=1, max_row=columns.header_row - 1) if columns.header_row > 1 else ()
    for row in above:  # a title row the editor put on top
        cells = {}
        for cell in row:
            if not getattr(cell, "column", None):
                continue
            data = _cell_data(cell, _cell_value(cell))
            value = _cell_value(cell)
            if value is not None or data is not None:
                cells[columns.key(cell.column)] = data or CellData(value=value, coordinate=cell.coordinate)
        if cells:
            out.notes.append(NoteRow(sheet=sheet_key, after=None, row=row[0].row, cells=cells))
    rows: list[StoredRow] = []
    seen: dict[str, StoredRow] = {}
    previous_id: str | None = None
    cached_rows = cached_ws.iter_rows(min_row=columns.header_row + 1) if cached_ws is not None else None
    # cells beside the header row: the editor's own titles; a title of our own columns is ours
    for cell in next(ws.iter_rows(min_row=columns.header_row, max_row=columns.header_row), ()):
        if getattr(cell, "column", None) and (_cell_data(cell, None) is not None):
            data = _cell_data(cell, _cell_value(cell))
            if data is not None and (data.comment or data.link):
                out.notes.append(NoteRow(sheet=sheet_key, after=None, header=True, row=cell.row,
                                         cells={columns.key(cell.column): data.model_copy(
                                             update={"value": None})}))
    streamed = getattr(ws, "streamed", False) and cached_rows is None
    for row in ws.iter_rows(min_row=columns.header_row + 1):
        cached_row = next(cached_rows, ()) if cached_rows is not None else ()
        cached_by_col = {c.column: c.value for c in cached_row if getattr(c, "column", None)}
        by_col = {cell.column: cell for cell in row if getattr(cell, "column", None)}
        id_cell = by_col.get(id_col)
        claim_id = str(id_cell.value).strip() if id_cell is not None and not _empty(id_cell.value) else ""
        cells: dict[str, Any] = {}
        rich: dict[str, CellData] = {}
        for col, cell in by_col.items():
            if streamed:  # a value, with neither comment, link nor formula: skip what cannot apply
                value = cell.value
                if value.__class__ is str and not value.strip():
                    value = None
                if out.hidden and (hidden := out.hidden.pop((ws.title, cell.coordinate), None)) is not None:
                    value = hidden
                data = None if (value is None or value.__class__ is str or cell.number_format == "General") \
                    else _cell_data(cell, value)
                if value is None and data is None:
                    continue
                key = columns.key(col)
                if data is not None:
                    rich[key] = data
                cells[key] = value
                continue
            value = _cell_value(cell)
            cached = cached_by_col.get(col, value) if cached_rows is not None else value
            if out.hidden and (hidden := out.hidden.pop((ws.title, cell.coordinate), None)) is not None:
                value = cached = hidden
            data = _cell_data(cell, cached)
            if data is not None and data.comment is not None and col == finding_col:
                data = _without_finding_note(data)
            if value is None and data is None:
                continue
            key = columns.key(col)  # a column of the editor's gets its key here, at its first cell
            if data is not None:
                rich[key] = data
            if data is not None and data.formula is not None:  # its last value, or (never computed) itself
                cells[key] = cached if cached not in (None, "") else data.formula
            else:
                cells[key] = value
        if not claim_id:
            if cells or rich:  # an editor's own row: a note between or below the table
                out.notes.append(NoteRow(sheet=sheet_key, after=previous_id, row=row[0].row,
                                         cells={k: rich.get(k) or CellData(value=v) for k, v in cells.items()}))
            continue
        editor: dict[str, Any] = {}
        own: dict[str, Any] = {}
        previous: dict[str, Any] = {}
        generated: dict[str, Any] = {}
        for key, value in cells.items():
            if key.startswith("previous."):
                if value is not None:
                    previous[key.split(".", 1)[1]] = value
            elif key.startswith("own:"):
                own[key] = value
            elif key in layout.EDITOR_KEYS:
                editor[key] = value
            elif key != "id":
                generated[key] = value
        stored = meta_ids.get(claim_id, {})
        if gate_only:
            edited: dict[str, Any] = {}
        else:
            fps = _fps(stored)
            edited = {k: v for k, v in generated.items() if k in fps and cell_fp(v) != fps[k]}
            edited.update({k: None for k in fps if k not in generated and fps[k] != cell_fp(None)})
        raw_status = editor.get("status")
        status = status_code(raw_status, vocabulary)
        if status is None:
            status = "open"
            out.unknown_statuses.append((f"{ws.title}!{by_col[status_col].coordinate}"
                                         if status_col in by_col else ws.title, str(raw_status)))
        kind = str(stored.get("kind") or generated.get("kind") or "")
        text = str(stored.get("text") or generated.get("claim") or "")
        sentence = str(generated.get("sentence") or "")
        number = _int(generated.get("number"))
        record: Any
        if gate_only:
            record = GateRow(claim_id, kind, text, sentence, status, id_cell.row, sheet_key, number)
        else:
            record = StoredRow(
                id=claim_id, kind=kind, text=text, sentence=sentence,
                status=status, editor=editor, own=own, previous=previous, generated=generated,
                edited=edited, cells=rich, row=id_cell.row, sheet=sheet_key,
                number=number,
            )
        if claim_id in seen:
            out.duplicates.append((claim_id, f"{ws.title}!{id_cell.coordinate}"))
            seen[claim_id].copies.append(record)
            continue
        seen[claim_id] = record
        rows.append(record)
        previous_id = claim_id
    return rows, [columns.own[c] for c in sorted(columns.own)]


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def read_checklist(path: str | Path, vocabulary: dict[str, str] | None = None, *,
                   for_update: bool = False, gate_only: bool = False) -> ReadChecklist:
    """Read a claims checklist; any problem is an InputError naming the file (and cell).

    ``vocabulary``: a newsroom's status words (casefolded) to canonical codes (configuration).
    ``for_update``: read formulas as formulas too, and keep the workbook for the writer.
    Otherwise (``check``) the sheets are streamed a row at a time: the same rows, statuses and
    refusals, without the cells' comments and hyperlinks. ``gate_only``: keep of each row only
    what ``check`` reads (ID, kind, claim, sentence, status, where it stood), a third of the memory.
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such checklist", path)
    _refuse_bombs(path)
    if not for_update:
        return _read_streamed(path, vocabulary, gate_only)
    return _read_full(path, vocabulary, for_update)


def _read_full(path: Path, vocabulary: dict[str, str] | None, for_update: bool) -> ReadChecklist:
    """The whole workbook through openpyxl: what ``update`` needs (formulas, comments, links,
    styles, the workbook itself for the writer). Without ``for_update`` this was what every
    read did; the streamed read is held equal to it (tests/test_checklist_stream.py)."""
    from claims.checklist.workbook_io import open_workbook

    opened = open_workbook(path, data_only=not for_update)
    wb = opened.wb
    cached_wb = None
    if for_update and _has_formulas(path, _sheet_names("checklist") | _sheet_names("removed")):
        cached_wb = open_workbook(path, data_only=True).wb
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
    out = ReadChecklist(path=str(path), meta=meta, rows=[], warnings=list(opened.warnings),
                        hidden=dict(opened.hidden))
    checklist_names = _sheet_names("checklist")
    removed_names = _sheet_names("removed")
    checklist_ws = next((wb[n] for n in wb.sheetnames if n.casefold() in checklist_names), wb.worksheets[0])
    out.sheet_titles["checklist"] = checklist_ws.title
    cached = cached_wb[checklist_ws.title] if cached_wb is not None else None
    rows, own = _rows(checklist_ws, cached, path, meta_ids, keys, vocabulary, "checklist", out)
    removed: list[StoredRow] = []
    for name in wb.sheetnames:
        if name.casefold() in removed_names and name != checklist_ws.title:
            out.sheet_titles["removed"] = name
            cached = cached_wb[name] if cached_wb is not None else None
            more, more_own = _rows(wb[name], cached, path, meta_ids, keys, vocabulary, "removed", out)
            removed += more
            own += [c for c in more_own if c.key not in {o.key for o in own}]
    _finish(out, rows, removed, own, meta_ids, path, for_update)
    if for_update:
        out.workbook = wb
        out.warnings += _pictures_warning(path)
    return out


def _finish(out: ReadChecklist, rows: list[StoredRow], removed: list[StoredRow], own: list[OwnColumn],
            meta_ids: dict[str, dict[str, Any]], path: Path, for_update: bool) -> None:
    for row in removed:
        if row.id in meta_ids and not row.kind:
            row.kind = str(meta_ids[row.id].get("kind") or "")
    if not for_update:
        within = [(i, c) for i, c in out.duplicates]
        for claim_id, cell in within:
            first = next((r for r in rows + removed if r.id == claim_id), None)
            if first is not None and any(copy.sheet == first.sheet for copy in first.copies):
                raise InputError(f"claim ID {shorten(claim_id, 40)} appears twice (cell {cell}); remove the copied "
                                 f"row, or run `claims update`, which merges the two", path)
    numbers = [r.number for r in rows if r.number is not None]
    out.editor_sorted = numbers != sorted(numbers)
    out.rows, out.removed, out.own_columns = rows, removed, own


_GATE_RECORD = frozenset({"id", "kind", "text"})  # of the _claims sheet, what check reads


def _read_streamed(path: Path, vocabulary: dict[str, str] | None, gate_only: bool = False) -> ReadChecklist:
    """What ``check`` reads, a row at a time (:mod:`claims.checklist.sheetstream`): the same rows,
    statuses, warnings and refusals as the full read, without comments and hyperlinks (only
    ``update`` carries those), in a few bytes a cell instead of openpyxl's ~500."""
    from claims.checklist.sheetstream import Book, values_by_row

    book = Book(path)
    try:
        hidden: dict[tuple[str, str], Any] = {}
        titles = book.worksheet_titles
        pairs: list[tuple[Any, Any]] = []
        if layout.META_SHEET in book.sheetnames and layout.META_SHEET in titles:
            pairs = [(v.get(1), v.get(2)) for _, v in values_by_row(book.sheet(layout.META_SHEET, hidden))]
        meta = _meta_of(pairs, book.custom_doc_props, path)
        meta_ids: dict[str, dict[str, Any]] = {}
        if layout.CLAIMS_SHEET in titles:
            rows_of = values_by_row(book.sheet(layout.CLAIMS_SHEET, hidden))
            header: list[str] = []
            for number, values in rows_of:
                if number == 1:  # the full read takes row 1 as the header, whatever it holds
                    width = max(values, default=0)
                    header = [str(values[c]) for c in range(1, width + 1) if values.get(c) is not None]
                    continue
                if not header:
                    continue
                # as zip(header, row) pairs the header's n-th name with the row's n-th column
                record = {name: values.get(i) for i, name in enumerate(header, start=1)
                          if not gate_only or name in _GATE_RECORD}
                if record.get("id"):
                    meta_ids[str(record["id"])] = record
        keys = _header_keys()
        out = ReadChecklist(path=str(path), meta=meta, rows=[], warnings=list(book.warnings))
        out.hidden = hidden
        checklist_names = _sheet_names("checklist")
        removed_names = _sheet_names("removed")
        if not titles:
            raise InputError("cannot read the workbook: it has no worksheet", path)
        checklist_title = next((n for n in book.sheetnames if n.casefold() in checklist_names and n in titles),
                               titles[0])
        out.sheet_titles["checklist"] = checklist_title
        rows, own = _rows(book.sheet(checklist_title, out.hidden), None, path, meta_ids, keys, vocabulary,
                          "checklist", out, gate_only)
        removed: list[StoredRow] = []
        for name in book.sheetnames:
            if name.casefold() in removed_names and name != checklist_title and name in titles:
                out.sheet_titles["removed"] = name
                more, more_own = _rows(book.sheet(name, out.hidden), None, path, meta_ids, keys, vocabulary,
                                       "removed", out, gate_only)
                removed += more
                own += [c for c in more_own if c.key not in {o.key for o in own}]
        _finish(out, rows, removed, own, meta_ids, path, False)
        return out
    finally:
        book.close()


def _pictures_warning(path: Path) -> list[str]:
    """openpyxl drops pictures without a word when Pillow is missing: say so."""
    import importlib.util

    if importlib.util.find_spec("PIL") is not None:
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            pictures = [n for n in archive.namelist() if n.startswith("xl/media/")]
    except (zipfile.BadZipFile, OSError):
        return []
    if not pictures:
        return []
    return [f"{len(pictures)} pictures in the workbook cannot be carried into the new file without "
            f"Pillow (pip install pillow); they stay in the backup"]


def stored_meta(path: Path) -> dict[str, str]:
    """The ``_meta`` values of a checklist (language, article date …), read without loading the
    whole workbook; empty when there is no readable checklist (the full read says why)."""
    from claims.checklist.workbook_io import open_read_only

    try:
        if not Path(path).is_file():
            return {}
    except OSError:  # a name too long for the file system: the full read says so
        return {}
    try:
        _refuse_bombs(Path(path))
        wb = open_read_only(Path(path))
    except InputError:
        return {}
    try:
        if layout.META_SHEET not in wb.sheetnames:
            return {}
        meta: dict[str, str] = {}
        for row in wb[layout.META_SHEET].iter_rows(min_col=1, max_col=2, values_only=True):
            if row and row[0] is not None:
                meta[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
        return meta
    except Exception:  # a damaged part: the full read reports it
        return {}
    finally:
        wb.close()


def _has_formulas(path: Path, titles: set[str]) -> bool:
    """Does a claim sheet hold a formula (``<f>``)? Only then is the file read a second time for
    the values the formulas last computed (the overview's own formulas do not count)."""
    from claims.checklist.fastrows import _sheet_parts

    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            for title, part in parts.items():
                if title.casefold() not in titles:
                    continue
                with archive.open(part) as handle:
                    while chunk := handle.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk or b":f>" in chunk or b":f " in chunk:
                            return True
    except (zipfile.BadZipFile, OSError, KeyError):
        return True
    return False

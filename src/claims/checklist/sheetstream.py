"""Stream the cells of a workbook's sheets, as openpyxl would read them, without holding the sheet.

openpyxl's normal mode builds an object of about 500 bytes for every cell (a 50,000-claim
checklist: 1.4 million cells, 764 MiB, 40 s), and its read-only mode still spends ~15 µs a
cell. ``claims check`` needs each row's values once, in order, so the sheet XML is parsed
here with expat, one row at a time, and only the values are kept; what openpyxl would make of
each cell is reproduced (``data_only``: a formula's last computed value):

- types: numbers (int or float as openpyxl casts them), shared and inline strings (their
  plain text, phonetic runs left out), booleans, ISO dates, error values as their text; a
  number in a date-formatted cell becomes a date, or stays the number when it is beyond
  Excel's dates (as :mod:`claims.checklist.workbook_io` does);
- rows and cells without ``r`` attributes are counted on as openpyxl counts them;
- the content hidden under merged cells: empty in the cell, given in ``hidden`` (as
  :func:`claims.checklist.workbook_io.open_workbook` gives it), so the reader treats it the same;
- number formats (for the cells an editor formatted); comments and hyperlinks are not read:
  only ``update`` carries them, and it reads the workbook in full.

The workbook's small parts (its sheet list, styles, custom properties) are read by openpyxl
itself (its read-only reader, which parses no sheet). Untrusted input: the zip was checked
before (:mod:`claims.ziplimits`); a part declaring entities is refused (what defusedxml
refuses for openpyxl); merged ranges and hyperlinks over more than ``CLAIMS_MAX_MERGED_CELLS``
cells and used ranges over ``CLAIMS_MAX_SHEET_CELLS`` are refused with openpyxl's messages of
:mod:`claims.checklist.workbook_io`, though nothing here would expand them.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pyexpat import ParserCreate
from pyexpat import error as ExpatError

from claims.errors import InputError
from claims.limits import limit, shorten

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SEP = "\x01"
_ROW, _C, _V, _IS, _T, _R = (f"{_MAIN}{_SEP}{name}" for name in ("row", "c", "v", "is", "t", "r"))
_SI = f"{_MAIN}{_SEP}si"
_COORD = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)$")
_CHUNK = 1 << 20
# what a damaged part raises while it inflates or parses (a bad checksum, a cut stream, a number
# that is none): a clean refusal naming the file, as the full read's "cannot read the workbook"
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, IndexError, OverflowError,
            TypeError, KeyError)


class StreamCell:
    """A cell as the reader uses it: what openpyxl's cell offers, without comment or link."""

    __slots__ = ("row", "column", "value", "number_format", "data_type")
    comment = None
    hyperlink = None

    def __init__(self, row: int, column: int, value: Any, number_format: str, data_type: str) -> None:
        self.row, self.column, self.value = row, column, value
        self.number_format, self.data_type = number_format, data_type

    @property
    def coordinate(self) -> str:
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.column)}{self.row}"


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _cast_number(value: str) -> int | float:
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


def _parser(path: Path, part: str, namespaces: bool = True) -> Any:
    parser = ParserCreate(namespace_separator=_SEP) if namespaces else ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 1 << 16

    def refuse(*_: Any) -> None:
        raise InputError(f"part {shorten(part, 60)!r} of the workbook declares entities, which Excel and "
                         f"LibreOffice never write; refused", path)

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    return parser


def _feed(parser: Any, handle: Any, path: Path, part: str) -> Iterator[None]:
    """Feed a part to ``parser`` chunk by chunk, yielding after each chunk."""
    try:
        while chunk := handle.read(_CHUNK):
            parser.Parse(chunk, False)
            yield
        parser.Parse(b"", True)
        yield
    except ExpatError as exc:
        raise InputError(f"cannot read the workbook: part {shorten(part, 60)!r} is not well-formed XML "
                         f"({exc})", path) from None
    except RecursionError:
        raise InputError("cannot read the workbook: it nests too deep", path) from None


def shared_strings(archive: zipfile.ZipFile, part: str | None, path: Path) -> list[str]:
    """The shared string table as openpyxl reads it (plain text of each item)."""
    if not part or part not in archive.namelist():
        return []
    strings: list[str] = []
    stack: list[str] = []
    text: list[str] | None = None
    item: list[str] = []

    def start(name: str, attrs: Any) -> None:
        nonlocal text
        parent = stack[-1] if stack else ""
        stack.append(name)
        if name == _T and (parent == _SI or (parent == _R and len(stack) > 2 and stack[-3] == _SI)):
            text = []

    def end(name: str) -> None:
        nonlocal text, item
        stack.pop()
        if name == _T and text is not None:
            item.append("".join(text))
            text = None
        elif name == _SI:
            strings.append("".join(item).replace("x005F_", ""))
            item = []

    def chars(data: str) -> None:
        if text is not None:
            text.append(data)

    parser = _parser(path, part)
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    with archive.open(part) as handle:
        for _ in _feed(parser, handle, path, part):
            pass
    return strings


_MERGE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?(mergeCell|hyperlink)\b[^>]*?\bref="([^"]*)"')
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet\b([^>]*)>")


def _ranges(archive: zipfile.ZipFile, part: str) -> tuple[list[str], list[str], str | None]:
    """The merged ranges and hyperlink ranges of a sheet (both follow its rows in the XML, so
    they are looked up first, in the inflated bytes, never held whole), and the prefix of the
    sheet's element names when the root alone declares namespaces and binds the main one to it
    ("" for the default namespace): then expat may skip namespace processing (40 % of its time),
    since every name means what its prefix says. None: names are resolved as XML says."""
    merges: list[str] = []
    links: list[str] = []
    prefix: str | None = None
    root_end = -1
    declarations = 0
    with archive.open(part) as handle:
        tail = b""
        first = True
        while chunk := handle.read(_CHUNK):
            data = tail + chunk
            if first:
                first = False
                root = _ROOT.search(data)
                if root is not None:
                    name = (root.group(1) or b"").decode("ascii")
                    attrs = root.group(2).decode("utf-8", "replace")
                    declared = re.search(r"\bxmlns" + (r":" + re.escape(name[:-1]) if name else "")
                                         + r"""\s*=\s*["']([^"']*)["']""", attrs)
                    if declared is not None and declared.group(1) == _MAIN:
                        prefix = name
                    root_end = root.end()
                    declarations = data.count(b"xmlns", root_end)
            else:
                declarations += data.count(b"xmlns", max(len(tail) - 4, 0))
            if b"mergeCell" in data or b"hyperlink" in data:
                cut = len(data) if len(chunk) < _CHUNK else max(len(data) - 4096, 0)
                for m in _MERGE.finditer(data):
                    if m.start() < cut:
                        (merges if m.group(1) == b"mergeCell" else links).append(m.group(2).decode("utf-8", "replace"))
                tail = data[cut:]
            else:
                tail = data[-4096:]
    return merges, links, prefix if declarations == 0 and root_end >= 0 else None


def _covered(title: str, merges: list[str], links: list[str], path: Path) -> set[tuple[int, int]]:
    """Cells under a merge (all but each range's first), after the limit workbook_io applies."""
    from openpyxl.utils import range_boundaries

    most = limit("MERGED_CELLS")
    covered: set[tuple[int, int]] = set()
    for refs, keep in ((merges, True), (links, False)):
        total = 0
        for ref in refs:
            try:
                min_col, min_row, max_col, max_row = range_boundaries(ref)
            except (ValueError, TypeError):
                continue
            min_col, min_row = min_col or 1, min_row or 1
            max_col, max_row = max_col or min_col, max_row or min_row
            total += (max_col - min_col + 1) * (max_row - min_row + 1)
            if total > most:
                raise InputError(f"sheet {shorten(title, 40)!r} merges or links {total:,} cells "
                                 f"({shorten(ref, 40)}); more than {most:,} are refused "
                                 f"(CLAIMS_MAX_MERGED_CELLS raises the limit)", path)
            if keep:
                covered.update((r, c) for r in range(min_row, max_row + 1)
                               for c in range(min_col, max_col + 1) if (r, c) != (min_row, min_col))
    return covered


class Styles:
    """Per style index: its number format, and whether openpyxl reads its numbers as dates."""

    def __init__(self, wb: Any) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        self.formats: list[str] = []
        for style in wb._cell_styles:
            idx = style.numFmtId
            if idx < BUILTIN_FORMATS_MAX_SIZE:
                self.formats.append(BUILTIN_FORMATS.get(idx, "General"))
            else:
                self.formats.append(wb._number_formats[idx - BUILTIN_FORMATS_MAX_SIZE])
        self.dates: set[int] = set(wb._date_formats)
        self.durations: set[int] = set(wb._timedelta_formats)
        self.epoch = wb.epoch

    def format(self, style: int) -> str:
        return self.formats[style] if 0 <= style < len(self.formats) else "General"


class Book:
    """A workbook opened for streaming: its sheet list and what reading cells needs."""

    def __init__(self, path: Path) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet
        from openpyxl.xml.constants import SHARED_STRINGS

        from claims.checklist.workbook_io import _LOCK

        self.path = path
        self.warnings: list[str] = []
        with _LOCK, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                reader = ExcelReader(str(path), read_only=True, data_only=True)
                reader.read_manifest()
                reader.read_workbook()
                reader.read_custom()
                apply_stylesheet(reader.archive, reader.wb)
                reader.read_worksheets()
                found = reader.package.find(SHARED_STRINGS)
            except InputError:
                raise
            except RecursionError:
                raise InputError("cannot read the workbook: it nests too deep", path) from None
            except Exception as exc:  # openpyxl raises many kinds on damaged files
                raise InputError(f"cannot read the workbook: {type(exc).__name__}: {shorten(exc)}", path) from None
        self.archive: zipfile.ZipFile = reader.archive
        self.wb = reader.wb
        self.sheetnames: list[str] = list(self.wb.sheetnames)
        self.parts = {ws.title: ws._worksheet_path for ws in self.wb.worksheets}
        self.custom_doc_props = getattr(self.wb, "custom_doc_props", None) or []
        self.styles = Styles(self.wb)
        self._strings_part = found.PartName[1:] if found is not None else None
        self._strings: list[str] | None = None
        self.used_cells = 0  # rows × columns of the sheets streamed so far (the SHEET_CELLS limit)

    @property
    def worksheet_titles(self) -> list[str]:
        return [ws.title for ws in self.wb.worksheets]

    @property
    def strings(self) -> list[str]:
        if self._strings is None:
            try:
                self._strings = shared_strings(self.archive, self._strings_part, self.path)
            except InputError:
                raise
            except _DAMAGED as exc:
                raise InputError(f"cannot read the workbook: {type(exc).__name__}: {shorten(exc)}",
                                 self.path) from None
        return self._strings

    def sheet(self, title: str, hidden: dict[tuple[str, str], Any]) -> StreamSheet:
        return StreamSheet(self, title, self.parts[title], hidden)

    def close(self) -> None:
        self.archive.close()


class StreamSheet:
    """One sheet's rows, parsed as they are asked for. The first rows are kept (the header is
    looked for there, then read again); after that each row is read once. Cells without a
    value are left out (nothing here carries a comment or link that would make them count)."""

    streamed = True

    def __init__(self, book: Book, title: str, part: str, hidden: dict[tuple[str, str], Any]) -> None:
        self.book, self.title, self.part, self.hidden = book, title, part, hidden
        try:
            merges, links, self._prefix = _ranges(book.archive, part)
        except _DAMAGED as exc:
            raise InputError(f"cannot read the workbook: {type(exc).__name__}: {shorten(exc)}", book.path) from None
        self._covered = _covered(title, merges, links, book.path)
        self._source = self._parse()
        self._kept: list[tuple[int, list[StreamCell]]] = []
        self._done = False
        self._streaming = False

    def _pull(self) -> bool:
        if self._done:
            return False
        for item in self._source:
            self._kept.append(item)
            return True
        self._done = True
        return False

    def iter_rows(self, min_row: int = 1, max_row: int | None = None) -> Iterator[list[StreamCell]]:
        """Rows (lists of the cells stored in them, by column) from ``min_row`` to ``max_row``.
        Rows without cells are left out; an open-ended iteration consumes the sheet."""
        if max_row is not None:
            while not self._done and (not self._kept or self._kept[-1][0] <= max_row):
                if not self._pull():
                    break
            for number, cells in self._kept:
                if min_row <= number <= max_row and cells:
                    yield cells
            return
        if self._streaming:
            raise RuntimeError("a streamed sheet is read to its end once")
        self._streaming = True
        kept, self._kept = self._kept, []
        for number, cells in kept:
            if number >= min_row and cells:
                yield cells
        for number, cells in self._source:
            if number >= min_row and cells:
                yield cells
        self._done = True

    def _parse(self) -> Iterator[tuple[int, list[StreamCell]]]:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        book, path, title = self.book, self.book.path, self.title
        styles = book.styles
        covered, hidden = self._covered, self.hidden
        prefix = self._prefix
        if prefix is None:
            names = [f"{_MAIN}{_SEP}{n}" for n in ("row", "c", "v", "is", "t", "rPh")]
        else:
            names = [f"{prefix}{n}" for n in ("row", "c", "v", "is", "t", "rPh")]
        ROW, C, V, IS, T, RPH = names  # noqa: N806
        columns: dict[str, int] = {}
        ready: list[tuple[int, list[StreamCell]]] = []
        in_row = in_cell = in_is = in_rph = False
        row_number = col_number = 0
        row_numbered = False
        cells: list[StreamCell] = []
        kind = "n"
        ref: str | None = None
        style: str | None = None
        text: list[str] | None = None
        value_text: list[str] = []
        inline: list[str] | None = None
        far = [0, 0, 0, 0]  # max row, max column, and the cell that stretches the range most

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal in_row, in_cell, in_is, in_rph, row_number, col_number, cells, kind, ref, style
            nonlocal text, value_text, inline, row_numbered
            if name == T:
                if in_is and not in_rph:
                    text = inline
            elif name == C:
                if in_row and not in_cell:
                    in_cell = True
                    kind = attrs.get("t", "n")
                    ref = attrs.get("r")
                    style = attrs.get("s")
                    value_text = []
                    inline = None
            elif name == V:
                if in_cell and not in_is and kind != "inlineStr":
                    text = value_text
            elif name == IS:
                if in_cell:
                    in_is = True
                    if inline is None:
                        inline = []
            elif name == RPH:
                in_rph = True
            elif name == ROW and not in_row:
                in_row = True
                r = attrs.get("r")
                row_numbered = r is not None
                if r is not None:
                    try:
                        row_number = int(r)
                    except ValueError:
                        number = float(r)
                        if not number.is_integer():
                            raise ValueError(f"{r} is not a valid row number") from None
                        row_number = int(number)
                else:
                    row_number += 1
                col_number = 0
                cells = []

        def end(name: str) -> None:
            nonlocal in_row, in_cell, in_is, in_rph, text, col_number, style
            if name == T or name == V:
                text = None
            elif name == C:
                if not in_cell:
                    return
                in_cell = in_is = False
                if ref:
                    letters = ref.rstrip("0123456789")
                    col = columns.get(letters, 0)
                    if not col:
                        if not (0 < len(letters) <= 3 and letters.isascii() and letters.isalpha()):
                            raise ValueError(f"invalid cell coordinates ({ref})")
                        col = columns[letters] = _column_index(letters)
                    row = int(ref[len(letters):])
                    col_number = col
                    if row != row_number and row_numbered:
                        # openpyxl moves it into the row it names; a stream cannot go back: refused, not misplaced
                        raise ValueError(f"cell {ref} stands in row {row_number}")
                else:
                    col_number += 1
                    row, col = row_number, col_number
                if row > far[0]:
                    far[0] = row
                if col > far[1]:
                    far[1] = col
                if row * col > far[2] * far[3]:
                    far[2], far[3] = row, col
                if kind == "inlineStr":
                    if inline is None:
                        return
                    data_type, value = "s", "".join(inline)
                elif not value_text:
                    return  # an empty cell: nothing the reader uses (it carries no comment here)
                else:
                    value = "".join(value_text)
                    if not value:
                        return
                    data_type = kind
                    if kind == "n":
                        value = _cast_number(value)
                        st = int(style) if style else 0
                        if st in styles.dates:
                            data_type = "d"
                            try:
                                value = from_excel(value, styles.epoch, timedelta=st in styles.durations)
                            except (OverflowError, ValueError):  # beyond Excel's dates: the number typed
                                data_type = "n"
                                value = int(value) if float(value).is_integer() else float(value)
                                style = None  # and, as workbook_io makes it, in the General format
                    elif kind == "s":
                        value = book.strings[int(value)]
                    elif kind == "b":
                        value = bool(int(value))
                    elif kind == "str":
                        data_type = "s"
                    elif kind == "d":
                        value = from_ISO8601(value)
                if covered and (row, col) in covered:  # openpyxl empties it; workbook_io keeps what it held
                    if value != "":
                        hidden[(title, StreamCell(row, col, None, "", "").coordinate)] = value
                        cells.append(StreamCell(row, col, None, "General", "n"))  # where the reader looks
                    return
                # the number format matters only where the value is not text (the reader's CellData)
                fmt = "General" if value.__class__ is str or not style else styles.format(int(style))
                cells.append(StreamCell(row, col, value, fmt, data_type))
            elif name == IS:
                in_is = False
            elif name == RPH:
                in_rph = False
            elif name == ROW and in_row and not in_cell:
                in_row = False
                if any(a.column > b.column for a, b in zip(cells, cells[1:])):
                    cells.sort(key=lambda c: c.column)
                ready.append((row_number, cells))

        def chars(data: str) -> None:
            if text is not None:
                text.append(data)

        parser = _parser(path, self.part, namespaces=prefix is None)
        parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
        with book.archive.open(self.part) as handle:
            try:
                for _ in _feed(parser, handle, path, self.part):
                    if ready:
                        yield from ready
                        ready.clear()
            except InputError:
                raise
            except _DAMAGED as exc:  # what openpyxl would fail on too
                raise InputError(f"cannot read the workbook: {type(exc).__name__}: {shorten(exc)}", path) from None
        self._refuse_far(far)

    def _refuse_far(self, far: list[int]) -> None:
        from openpyxl.utils import get_column_letter

        most = limit("SHEET_CELLS")
        self.book.used_cells += far[0] * far[1]
        if self.book.used_cells > most:
            raise InputError(f"sheet {shorten(self.title, 40)!r} reaches cell {get_column_letter(far[3])}{far[2]} "
                             f"({far[0]:,} rows × {far[1]:,} columns): the sheets' ranges add up to more "
                             f"than {most:,} cells; delete what lies outside the table "
                             f"(CLAIMS_MAX_SHEET_CELLS raises the limit)", self.book.path)


def values_by_row(sheet: StreamSheet) -> Iterator[tuple[int, dict[int, Any]]]:
    """(row number, {column: value}) of every stored row, the whole sheet once."""
    for cells in sheet.iter_rows(min_row=1):
        yield cells[0].row, {c.column: c.value for c in cells}

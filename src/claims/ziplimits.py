"""Zip containers from outside (.xlsx workbooks, .docx documents), checked before a library unpacks them.

A zip's directory states each part's unpacked size, and Python's zipfile never yields more
than that size (a part that lies is cut off and fails its checksum), so the stated sizes
bound what openpyxl or python-docx can be made to inflate. Refused, with the limit named:

- more parts than ``ZIP_ENTRIES``;
- more unpacked bytes in all than ``ZIP_UNPACKED_BYTES``;
- a part of more than a megabyte that inflates more than ``ZIP_RATIO`` times (zip bombs;
  a real sheet of repetitive XML compresses 10-20 times);
- for Word documents, a document type declaration in any XML part: Word never writes one,
  and it is what entity tricks (billion laughs, external files) need.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO

from claims.errors import InputError
from claims.limits import MiB, limit

_RATIO_FLOOR = 1 * MiB  # smaller parts may compress as they like
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def check_zip(source: str | Path | IO[bytes], name: str | Path, what: str) -> None:
    """Refuse ``source`` (a path or a binary file object) if its parts break a limit."""
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise InputError(f"not a readable {what} (damaged, or another format)", name) from None
    most_entries = limit("ZIP_ENTRIES")
    if len(entries) > most_entries:
        raise InputError(f"the {what} holds {len(entries):,} parts; more than {most_entries:,} are refused "
                         f"as unsafe (CLAIMS_MAX_ZIP_ENTRIES)", name)
    unpacked = sum(e.file_size for e in entries)
    most_bytes = limit("ZIP_UNPACKED_BYTES")
    if unpacked > most_bytes:
        raise InputError(f"the {what} would unpack to {unpacked // MiB:,} MiB; more than "
                         f"{most_bytes // MiB:,} MiB are refused as a possible zip bomb "
                         f"(CLAIMS_MAX_ZIP_UNPACKED_BYTES)", name)
    ratio = limit("ZIP_RATIO")
    for entry in entries:
        if entry.file_size > _RATIO_FLOOR and entry.file_size > ratio * max(entry.compress_size, 1):
            raise InputError(f"part {entry.filename!r} of the {what} inflates "
                             f"{entry.file_size // max(entry.compress_size, 1):,} times "
                             f"({entry.file_size // MiB:,} MiB); more than {ratio} times is refused "
                             f"as a possible zip bomb (CLAIMS_MAX_ZIP_RATIO)", name)


_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")


def count_cells(path: str | Path, name: str | Path) -> None:
    """Refuse a workbook whose sheets store more cells than ``WORKBOOK_CELLS``, before openpyxl
    builds an object of about 500 bytes for each (a sheet of ``<c r="A1"/>`` packs 24 million
    into the unpacked-size limit). Counted in the sheets' XML as it inflates, never held whole."""
    most = limit("WORKBOOK_CELLS")
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in archive.infolist():
                if not (entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml")):
                    continue
                with archive.open(entry) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        data = tail + chunk
                        # a cell tag cut by the chunk's end is counted with the next chunk
                        cut = len(data) if len(chunk) < 1 << 20 else max(len(data) - 64, 0)
                        total += sum(1 for m in _CELL.finditer(data) if m.start() < cut)
                        tail = data[cut:]
                        if total > most:
                            raise InputError(f"the workbook stores more than {most:,} cells; refused "
                                             f"(CLAIMS_MAX_WORKBOOK_CELLS raises the limit)", name)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise InputError("not an .xlsx workbook (damaged, or another format)", name) from None


def refuse_doctypes(source: str | Path | IO[bytes], name: str | Path, what: str) -> None:
    """Refuse a container whose XML parts declare a document type (entities live there)."""
    try:
        with zipfile.ZipFile(source) as archive:
            for entry in archive.infolist():
                if not entry.filename.lower().endswith((".xml", ".rels")):
                    continue
                with archive.open(entry) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        if _DOCTYPE.search(tail + chunk):
                            raise InputError(f"part {entry.filename!r} of the {what} declares a document "
                                             f"type or entities, which Word never writes; refused", name)
                        tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise InputError(f"not a readable {what} (damaged, or another format)", name) from None

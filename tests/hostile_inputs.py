"""Builders of hostile files shared by the abuse tests and benchmarks/hostile.py."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

PARAGRAPH = "<w:p><w:r><w:t>Am 17. März kamen 80 Menschen.</w:t></w:r></w:p>"


def docx_bytes(body: str = PARAGRAPH, prolog: str = "", extra: tuple[str, bytes] | None = None) -> bytes:
    """A Word document made by python-docx with ``body`` as its body, ``prolog`` after the XML
    declaration (a DOCTYPE), and an ``extra`` part (name, bytes)."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start, end = xml.index("<w:body>") + len("<w:body>"), xml.index("</w:body>")
                xml = (xml[:start] + body + xml[end:]).replace("?>", "?>" + prolog, 1)
                data = xml.encode("utf-8")
            archive.writestr(info, data)
        if extra:
            archive.writestr(*extra)
    return out.getvalue()


def rewrite_part(path: Path, part: str, change: Callable[[str], str]) -> Path:
    """The zip at ``path`` with one part's text changed by ``change`` (in place)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def fragment_rules(levels: int, copies: int) -> str:
    """A figure rule file whose fragments each name the next ``copies`` times, ``levels`` deep."""
    fragments = "\n".join(f'f{i} = "' + "".join([f"{{f{i + 1}}}"] * copies) + '"' for i in range(levels))
    return f'''kind = "figure"

[fragments]
{fragments}
f{levels} = "a"

[[rule]]
id = "de.figure.blowup"
code = "T777"
summary = "Wächst ohne Ende"
pattern = '{{f0}}(?P<number>\\d+)'
value = {{ number = "{{number}}" }}
'''

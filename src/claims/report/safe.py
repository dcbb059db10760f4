"""Text from outside made safe for where it is shown: a terminal, JSON, SARIF, a Markdown summary.

Article text, editors' cells and file names come from outside. In a terminal an escape
sequence among them can recolour or clear the screen, retitle the window, or hide the rest
of a line; a file name that is not UTF-8 (a byte string the OS allows) cannot be encoded
into JSON or a UTF-8 file at all.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any
from urllib.parse import quote

# ESC sequences (CSI, OSC and the like, the 8-bit CSI too), then the remaining C0 controls
# (tab and line feed stay), DEL and C1 controls
_TERMINAL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"         # CSI … final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC … BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"   # DCS, SOS, PM, APC … ST
    r"|\x1b[ -/]*[0-~]?"                # other escapes
    r"|\x9b[0-?]*[ -/]*[@-~]?"          # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\udc80-\udcff]")


def terminal(text: object) -> str:
    """``text`` without the control sequences a terminal would act on."""
    return _TERMINAL.sub("", str(text))


def readable(text: object) -> str:
    """``text`` encodable as UTF-8: bytes of a file name that were not UTF-8 shown as U+FFFD."""
    value = str(text)
    if not _SURROGATE.search(value):
        return value
    return os.fsencode(value).decode("utf-8", errors="replace") if os.name != "nt" else \
        _SURROGATE.sub("\ufffd", value)


def json_dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` with ``ensure_ascii=False`` whose result is always valid UTF-8: a file name's
    undecodable byte (held as a lone surrogate) is written as its escape, ``\\udce9``, which
    Python's json reads back to the same name."""
    text = json.dumps(value, ensure_ascii=False, **options)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def file_uri(path: str) -> str:
    """A relative or absolute path as a URI reference (SARIF's artifactLocation.uri): its bytes
    percent-encoded, so a name that is not UTF-8, or holds spaces or ``#``, stays one exact file."""
    raw = os.fsencode(path).replace(b"\\", b"/") if os.name == "nt" else os.fsencode(path)
    return quote(raw, safe="/")  # a colon too: "a:b.md" must not read as a scheme

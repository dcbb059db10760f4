"""Article text made safe for a spreadsheet cell.

- Characters XML 1.0 forbids (C0 controls except tab, line feed and carriage
  return; lone surrogates; U+FFFE, U+FFFF) are removed: an .xlsx cannot hold
  them, and a CSV reader would choke on them.
- A cell's text is limited to 32,767 characters (Excel's limit); longer text is
  cut with an ellipsis.
- :func:`risky` tells whether a text would be taken for a formula or a DDE call
  by a spreadsheet (OWASP "CSV injection": ``= + - @``, tab, carriage return);
  the workbook writer stores such text as a string cell with Excel's quote
  prefix, the CSV writer prefixes it with an apostrophe.
"""

from __future__ import annotations

import re

MAX_CELL_CHARS = 32_767
ELLIPSIS = "…"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")  # \n: leading line break hides a trigger
# Fullwidth look-alikes some spreadsheets also accept as formula starters.
FORMULA_TRIGGERS_WIDE = ("＝", "＋", "－", "＠")

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object, limit: int = MAX_CELL_CHARS) -> str:
    """``text`` without characters an .xlsx cannot store, at most ``limit`` characters."""
    value = _FORBIDDEN.sub("", str(text))
    if len(value) > limit:
        value = value[: limit - len(ELLIPSIS)] + ELLIPSIS
    return value


def risky(text: str) -> bool:
    """Would a spreadsheet read this text (typed or imported) as a formula?"""
    stripped = text.lstrip(" ")
    return bool(stripped) and stripped.startswith(FORMULA_TRIGGERS + FORMULA_TRIGGERS_WIDE)


def csv_safe(text: object) -> str:
    """OWASP: a field that starts like a formula gets a leading apostrophe."""
    value = clean(text, limit=10 ** 9)
    return "'" + value if risky(value) else value

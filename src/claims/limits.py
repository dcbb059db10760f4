"""Size and work limits for untrusted input, each with a default and a way to raise it.

Articles, workbooks, front matter and rule folders come from outside (a CMS, the web, an
editor's machine, a shared repository). Every one of them is read under a limit, and going
over it is a clear error naming the file and the limit, never gigabytes or minutes.

Each limit can be set with an environment variable ``CLAIMS_MAX_<NAME>`` (a whole number;
``docs/security.md`` lists them), or from Python by assigning ``claims.limits.DEFAULTS``.
"""

from __future__ import annotations

import os

from claims.errors import ClaimsError

KiB = 1024
MiB = 1024 * 1024

# name: (default, what it bounds); docs/security.md has a row for each (a test checks it)
DEFAULTS: dict[str, tuple[int, str]] = {
    "ARTICLE_BYTES": (50 * MiB, "bytes of one article file (or stdin)"),
    "FRONT_MATTER_BYTES": (64 * KiB, "bytes of an article's front matter"),
    "FRONT_MATTER_DEPTH": (32, "nesting depth of front matter (lists in maps in lists …)"),
    "ZIP_ENTRIES": (10_000, "parts in a workbook or Word document"),
    "ZIP_UNPACKED_BYTES": (256 * MiB, "bytes a workbook or Word document unpacks to"),
    "ZIP_RATIO": (200, "compression ratio of a workbook's or Word document's largest parts"),
    "WORKBOOK_CELLS": (3_000_000, "cells stored in a workbook's sheets (a 50,000-claim checklist has 1.4 million)"),
    "SHEET_CELLS": (3_000_000, "cells in the used ranges (rows × columns) of a workbook's sheets, added up"),
    "MERGED_CELLS": (100_000, "cells covered by merged ranges and hyperlinks of a workbook's sheets"),
    "SENTENCE_CHARS": (2_000, "characters of one sentence; longer runs are cut at a space"),
    "PATTERN_CHARS": (1_000_000, "characters of a rule pattern with its fragments and lists expanded"),
    "MESSAGE_CHARS": (200, "characters of a cell's or a name's text quoted in a message"),
}


def limit(name: str) -> int:
    """The limit in force: ``CLAIMS_MAX_<NAME>`` if set, else the default."""
    default = DEFAULTS[name][0]
    raw = os.environ.get(f"CLAIMS_MAX_{name}")
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        raise ClaimsError(f"CLAIMS_MAX_{name}={raw!r} is not a whole number") from None
    if value <= 0:
        raise ClaimsError(f"CLAIMS_MAX_{name}={raw!r} must be above 0")
    return value


def shorten(text: object, limit_chars: int | None = None) -> str:
    """``text`` cut for a message: a cell of 30,000 characters is quoted by its start."""
    value = str(text)
    most = limit_chars or limit("MESSAGE_CHARS")
    if len(value) <= most:
        return value
    return f"{value[:most]}… ({len(value):,} characters)"

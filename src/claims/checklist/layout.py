"""The workbook's layout: sheets, columns, widths, and the hidden metadata a reader relies on.

This module is the contract between the writer (``claims extract``) and the
readers (``claims check``, ``claims update``). Readers find a column by its key
(through the header labels of any language, or the ``columns`` entry of
``_meta``) and a claim by its ID, never by position: editors sort, filter and
insert columns.

Sheets, in order:

1. checklist (Prüfliste / Checklist): header in row 1, one claim a row from row 2.
2. article (Artikel / Article): one paragraph a row.
3. overview (Übersicht / Overview): article data and live counts (formulas).
4. ``_claims`` (hidden): row 1 the keys of :data:`CLAIM_META_KEYS`, then one claim a row.
5. ``_meta`` (hidden): key in column A, value in column B (:data:`META_KEYS`).

Custom document properties (``claims.*``, see :data:`DOC_PROPERTIES`) repeat
the article checksum, the format version, the tool version and the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMAT_VERSION = "1"
# the note hung on a finding's cell (its code, then the related claims' numbers): regenerated at
# every run, so the reader leaves it out of what it keeps as the editor's
FINDING_NOTE_AUTHOR = "claims"
FINDING_NOTE = re.compile(r"[A-Z]\d{3}: ")
CLAIMS_SHEET = "_claims"
META_SHEET = "_meta"


@dataclass(frozen=True)
class Column:
    key: str
    width: float  # in characters, as Excel counts them
    editor: bool = False  # filled in by an editor, never overwritten by the program
    wrap: bool = True
    center: bool = False


# Widths add up to what A4 landscape prints at 73 % or more, so 11 pt text stays >= 8 pt
# (see writer.fit_to_page); the value column widens for its longest word, the sentence gives way.
CHECKLIST_COLUMNS: tuple[Column, ...] = (
    Column("number", 4, wrap=False, center=True),
    Column("id", 13, wrap=False),
    Column("kind", 13),
    Column("claim", 18),
    Column("sentence", 26),
    Column("value", 15),
    Column("finding", 10),  # what the article contradicts in itself (claims.findings), marked
    Column("paragraph", 7.5, wrap=False, center=True),
    Column("line", 6, wrap=False, center=True),
    Column("hint", 15),
    Column("change", 10, center=True),  # new or changed since the last update (filterable)
    Column("status", 11, editor=True),
    Column("checked_by", 10, editor=True),
    Column("checked_on", 11, editor=True, wrap=False),
    Column("evidence", 14, editor=True),
    Column("note", 13, editor=True),
)
# When own columns or a wide value column need room, these give it, down to these widths.
SHRINKABLE: tuple[tuple[str, float], ...] = (("sentence", 25), ("hint", 12), ("claim", 14), ("finding", 8),
                                            ("kind", 11))
EDITOR_KEYS: tuple[str, ...] = tuple(c.key for c in CHECKLIST_COLUMNS if c.editor)

ARTICLE_COLUMNS: tuple[Column, ...] = (
    Column("paragraph", 9, wrap=False, center=True),
    Column("text", 110),
    Column("claims", 18),
)

# Columns of the hidden ``_claims`` sheet, in order. ``text_fp`` and
# ``sentence_fp`` are claims.engine.ids.fingerprint(text) and
# fingerprint(sentence); ``value`` is the value as JSON.
# ``cells_fp``: a fingerprint of each generated cell as written (reader.cell_fp), so that
# ``update`` sees a cell an editor typed over.
CLAIM_META_KEYS: tuple[str, ...] = ("id", "number", "kind", "rule", "text_fp", "sentence_fp",
                                    "start", "end", "line", "paragraph", "text", "value", "cells_fp")

# Keys of the hidden ``_meta`` sheet.
META_KEYS: tuple[str, ...] = ("format_version", "tool_version", "lang", "article_path",
                              "article_title", "article_date", "article_sha256", "ruleset",
                              "ruleset_version", "created", "claim_count", "columns",
                              "first_row", "article_lang", "article_sha256_history", "article_last_row", "article_rows_fp", "overview_cells")

# Custom document properties (name -> _meta key).
DOC_PROPERTIES: dict[str, str] = {
    "claims.format_version": "format_version",
    "claims.tool_version": "tool_version",
    "claims.lang": "lang",
    "claims.article_sha256": "article_sha256",
    "claims.ruleset": "ruleset",
    "claims.ruleset_version": "ruleset_version",
}

HEADER_ROW = 1
FIRST_ROW = 2

# Colours (RGB hex, no alpha).
HEADER_FILL = "1F3A5F"
HEADER_FONT = "FFFFFF"
EDITOR_HEADER_FILL = "F2B705"
EDITOR_HEADER_FONT = "000000"
EDITOR_FILL = "FFF6D5"
BORDER = "BFBFBF"
STATUS_FILLS: dict[str, str] = {
    "confirmed": "C6EFCE",  # green
    "corrected": "BDD7EE",  # blue
    "wrong": "FFC7CE",  # red
    "dropped": "D9D9D9",  # grey
}
STATUS_FONTS: dict[str, str] = {
    "confirmed": "006100",
    "corrected": "1F4E79",
    "wrong": "9C0006",
    "dropped": "595959",
}

"""Label sets of the checklist, one ``labels.toml`` in each language's rule folder.

The program stores canonical codes (kinds ``date`` …, statuses ``open`` …);
editors see labels. :func:`status_code` maps any language's status label back
to its code, so a reader accepts ``bestätigt`` in an English workbook too.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from claims.languages import builtin_rules_dir

DEFAULT_LANG = "de"
FALLBACK_LANG = "en"  # for a language without a label set of its own
STATUS_CODES: tuple[str, ...] = ("open", "confirmed", "corrected", "wrong", "dropped")
CLOSING_STATUSES: frozenset[str] = frozenset({"confirmed", "corrected", "dropped"})
REQUIRED_SECTIONS = ("sheets", "columns", "article_columns", "kinds", "status", "overview",
                     "print", "messages", "values", "numbers", "dates", "durations", "approx")


class Labels:
    """One language's labels, read from ``rules/<lang>/labels.toml``."""

    def __init__(self, data: dict[str, Any]) -> None:
        missing = [s for s in REQUIRED_SECTIONS if s not in data]
        if missing:
            raise ValueError(f"label set {data.get('lang')!r} lacks sections {missing}")
        if tuple(data["status"]) != STATUS_CODES:
            raise ValueError(f"label set {data.get('lang')!r}: status codes must be {STATUS_CODES}")
        self.data = data
        self.lang: str = data["lang"]
        self.sheets: dict[str, str] = data["sheets"]
        self.columns: dict[str, str] = data["columns"]
        self.article_columns: dict[str, str] = data["article_columns"]
        self.kinds: dict[str, str] = data["kinds"]
        self.status: dict[str, str] = data["status"]
        self.overview: dict[str, str] = data["overview"]
        self.print: dict[str, str] = data["print"]
        self.messages: dict[str, str] = data["messages"]
        self.values: dict[str, str] = data["values"]
        self.numbers: dict[str, str] = data["numbers"]
        self.dates: dict[str, Any] = data["dates"]
        self.durations: dict[str, list[str]] = data["durations"]
        self.approx: dict[str, str] = data["approx"]
        self.approx_words: dict[str, str] = data.get("approx_words", {})

    def kind(self, code: str) -> str:
        return self.kinds.get(code, code)

    def status_label(self, code: str) -> str:
        return self.status[code]


@cache
def _available() -> tuple[str, ...]:
    folder = builtin_rules_dir()
    return tuple(sorted(p.name for p in folder.iterdir() if (p / "labels.toml").is_file()))


def available() -> list[str]:
    """The languages with a label set of their own."""
    return list(_available())


@cache
def _load(lang: str) -> Labels:
    text = (builtin_rules_dir() / lang / "labels.toml").read_text(encoding="utf-8")
    return Labels(tomllib.loads(text))


def labels_for(lang: str | None) -> Labels:
    """The label set of ``lang`` (``de-AT`` uses ``de``); English for a language without one."""
    base = (lang or DEFAULT_LANG).lower().replace("_", "-").split("-")[0]
    return _load(base if base in available() else FALLBACK_LANG)


def status_code(label: object, vocabulary: dict[str, str] | None = None) -> str | None:
    """The canonical status code of a label in any language (case and spaces ignored).

    An empty cell counts as ``open``; an unknown word gives ``None``. ``vocabulary``
    maps a newsroom's own words (casefolded) to codes, tried before the label sets.
    """
    if label is None:
        return "open"
    word = " ".join(str(label).split()).casefold()
    if not word:
        return "open"
    if vocabulary and word in vocabulary:
        return vocabulary[word]
    for lang in available():
        for code, text in _load(lang).status.items():
            if word in (text.casefold(), code):
                return code
    return None

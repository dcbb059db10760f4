"""Label sets of the checklist, one ``labels.toml`` in each language's rule folder.

The program stores canonical codes (kinds ``date`` …, statuses ``open`` …);
editors see labels. :func:`status_code` maps any language's status label back
to its code, so a reader accepts ``bestätigt`` in an English workbook too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from claims.errors import RuleError
from claims.languages import language_dir, rule_roots

STATUS_CODES: tuple[str, ...] = ("open", "confirmed", "corrected", "wrong", "dropped")
CLOSING_STATUSES: frozenset[str] = frozenset({"confirmed", "corrected", "dropped"})
LABELS_FILE = "labels.toml"

# Every section of labels.toml, and whether a label set must have it. Unknown sections are
# errors, as in rule files: a misspelt one would leave the workbook without its labels. Checked
# by hand, not by a pydantic model: building one cost the first workbook of a process 24 ms.
SECTIONS: dict[str, bool] = {
    **dict.fromkeys(("sheets", "columns", "article_columns", "kinds", "status", "overview", "print",
                     "messages", "values", "numbers", "dates", "durations", "approx"), True),
    **dict.fromkeys(("previous_columns", "change", "previous_own", "findings", "approx_words",
                     "kept_columns", "kept_what", "history_columns", "history_why", "figure_display",
                     "memory_columns", "memory"),
                    False),
}
_KEYS = ("lang", "name")  # the plain keys beside the sections


def _check(data: dict[str, Any], path: Path, raw: str) -> None:
    from claims.ruleset.files import _key_line

    for key, value in data.items():
        if key not in SECTIONS and key not in _KEYS:
            raise RuleError(f"unknown section {key!r} (known: {', '.join((*_KEYS, *SECTIONS))})", path,
                            _key_line(raw, key) or _section_line(raw, key))
        if key in SECTIONS and not isinstance(value, dict):
            raise RuleError(f"{key} must be a table ([{key}])", path, _key_line(raw, key))
        if key in _KEYS and not isinstance(value, str):
            raise RuleError(f"{key} must be a string", path, _key_line(raw, key))
    missing = [name for name, required in SECTIONS.items() if required and name not in data]
    if "lang" not in data or missing:
        raise RuleError(f"lacks {'lang' if 'lang' not in data else '[' + missing[0] + ']'}", path)
    if tuple(data["status"]) != STATUS_CODES:
        raise RuleError(f"status codes must be {', '.join(STATUS_CODES)}, in this order", path,
                        _section_line(raw, "status"))


def _section_line(raw: str, name: str) -> int | None:
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip().startswith(f"[{name}]") or line.strip().startswith(f"[{name}."):
            return number
    return None


def _workbook(folder: Path) -> dict[str, Any]:
    """``[workbook]`` of the language's ``language.toml``, its keys checked against the schema's
    (:class:`claims.ruleset.schema.WorkbookFormat`), unset ones at their defaults."""
    from claims.ruleset.files import _key_line, _read_toml
    from claims.ruleset.schema import WorkbookFormat

    path = folder / "language.toml"
    data, raw = _read_toml(path)
    table = data.get("workbook", {})
    fields = WorkbookFormat.model_fields
    if not isinstance(table, dict):
        raise RuleError("workbook must be a table ([workbook])", path, _key_line(raw, "workbook"))
    for key, value in table.items():
        if key not in fields:
            raise RuleError(f"workbook.{key}: unknown key (known: {', '.join(fields)})", path, _key_line(raw, key))
        if type(value) is not type(fields[key].default):
            raise RuleError(f"workbook.{key}: must be a {type(fields[key].default).__name__}", path,
                            _key_line(raw, key))
    return {key: table.get(key, info.default) for key, info in fields.items()}


class Labels:
    """One language's labels (``rules/<lang>/labels.toml``) and its workbook formats
    (``[workbook]`` of its ``language.toml``)."""

    def __init__(self, data: dict[str, Any], workbook: dict[str, Any] | None = None) -> None:
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
        if workbook is None:
            from claims.ruleset.schema import WorkbookFormat

            workbook = {key: info.default for key, info in WorkbookFormat.model_fields.items()}
        self.date_format: str = workbook["date_format"]  # number formats of Excel, for date cells
        self.datetime_format: str = workbook["datetime_format"]

    def kind(self, code: str) -> str:
        return self.kinds.get(code, code)

    def status_label(self, code: str) -> str:
        return self.status[code]


@cache
def _available(roots: tuple[Path, ...]) -> tuple[str, ...]:
    from claims.languages import available_languages, language_dir

    return tuple(lang for lang in available_languages()
                 if (language_dir(lang) / LABELS_FILE).is_file())  # type: ignore[operator]


def available() -> list[str]:
    """The languages with a label set of their own."""
    return list(_available(rule_roots()))


def _load(lang: str) -> Labels:
    return _load_from(language_dir(lang))  # type: ignore[arg-type]


@cache
def _load_from(folder: Path) -> Labels:
    from claims.ruleset.files import _read_toml

    path = folder / LABELS_FILE
    data, raw = _read_toml(path)
    _check(data, path, raw)
    if data["lang"] != folder.name:
        raise RuleError(f"lang {data['lang']!r} is not the folder's name {folder.name!r}", path)
    return Labels(data, _workbook(folder))


@cache
def _fallback(roots: tuple[Path, ...]) -> str:
    """The label set for a language without one: the language whose ``language.toml`` says
    ``[workbook] labels_for_others = true``, else the default language."""
    from claims.config import DEFAULT_LANG

    for lang in available():
        if _workbook(language_dir(lang))["labels_for_others"]:  # type: ignore[arg-type]
            return lang
    return DEFAULT_LANG


def labels_for(lang: str | None) -> Labels:
    """The label set of ``lang`` (``de-AT`` uses ``de``); the fallback's for a language without one."""
    from claims.config import DEFAULT_LANG

    base = (lang or DEFAULT_LANG).lower().replace("_", "-").split("-")[0]
    return _load(base if base in available() else _fallback(rule_roots()))


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

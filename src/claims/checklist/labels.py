"""Label sets of the checklist, one ``labels.toml`` in each language's rule folder.

The program stores canonical codes (kinds ``date`` …, statuses ``open`` …);
editors see labels. :func:`status_code` maps any language's status label back
to its code, so a reader accepts ``bestätigt`` in an English workbook too.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claims.errors import RuleError
from claims.languages import language_dir, rule_roots

STATUS_CODES: tuple[str, ...] = ("open", "confirmed", "corrected", "wrong", "dropped")
CLOSING_STATUSES: frozenset[str] = frozenset({"confirmed", "corrected", "dropped"})
LABELS_FILE = "labels.toml"

_Section = dict[str, str]
_STRICT = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LabelsFile(BaseModel):
    """``rules/<lang>/labels.toml``: every text an editor reads in the workbook. Unknown sections
    are errors, as in rule files: a misspelt section would leave the workbook without its labels."""

    model_config = _STRICT

    lang: str
    name: str = ""
    sheets: _Section
    columns: _Section
    previous_columns: _Section = Field(default_factory=dict)
    change: _Section = Field(default_factory=dict)
    previous_own: _Section = Field(default_factory=dict)
    article_columns: _Section
    kinds: _Section
    status: _Section
    overview: _Section
    findings: _Section = Field(default_factory=dict)
    print: _Section
    messages: _Section
    values: _Section
    numbers: _Section
    dates: dict[str, Any]
    durations: dict[str, list[str]]
    approx: _Section
    approx_words: _Section = Field(default_factory=dict)
    kept_columns: _Section = Field(default_factory=dict)
    kept_what: _Section = Field(default_factory=dict)
    history_columns: _Section = Field(default_factory=dict)
    history_why: _Section = Field(default_factory=dict)
    figure_display: dict[str, Any] = Field(default_factory=dict)

    @field_validator("status")
    @classmethod
    def _codes(cls, status: _Section) -> _Section:
        if tuple(status) != STATUS_CODES:
            raise ValueError(f"status codes must be {', '.join(STATUS_CODES)}, in this order")
        return status


class Labels:
    """One language's labels (``rules/<lang>/labels.toml``) and its workbook formats
    (``[workbook]`` of its ``language.toml``)."""

    def __init__(self, data: dict[str, Any], workbook: Any = None) -> None:
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

            workbook = WorkbookFormat()
        self.date_format: str = workbook.date_format  # number formats of Excel, for date cells
        self.datetime_format: str = workbook.datetime_format

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
    from pydantic import ValidationError

    from claims.ruleset.files import _read_toml, _validation_error
    from claims.ruleset.schema import LanguageFile

    path = folder / LABELS_FILE
    data, raw = _read_toml(path)
    try:
        parsed = LabelsFile.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, path, raw) from None
    if parsed.lang != folder.name:
        raise RuleError(f"lang {parsed.lang!r} is not the folder's name {folder.name!r}", path)
    language_path = folder / "language.toml"
    language_data, language_raw = _read_toml(language_path)
    try:
        language = LanguageFile.model_validate(language_data)
    except ValidationError as exc:
        raise _validation_error(exc, language_path, language_raw) from None
    return Labels(data, language.workbook)


@cache
def _fallback(roots: tuple[Path, ...]) -> str:
    """The label set for a language without one: the language whose ``language.toml`` says
    ``[workbook] labels_for_others = true``, else the default language."""
    from claims.config import DEFAULT_LANG
    from claims.ruleset.schema import LanguageFile

    for lang in available():
        data = tomllib.loads((language_dir(lang) / "language.toml").read_text(encoding="utf-8"))  # type: ignore[operator]
        if LanguageFile.model_validate(data).workbook.labels_for_others:
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

"""Project configuration: ``claims.toml`` or ``[tool.claims]`` in ``pyproject.toml``.

The file is searched upwards from the article's folder (or the folder given);
in each folder ``claims.toml`` wins over ``pyproject.toml``, and a
``pyproject.toml`` without ``[tool.claims]`` is passed over. Command-line flags
override the file; the file overrides the defaults. :func:`resolve` returns the
effective values with where each came from (``claims config`` prints them).

Keys (all optional)::

    lang = "de"                            # language when the article does not say (front matter wins)
    rules = ["rules-newsroom"]             # extra rule folders, relative to the file; override by id
    disable = ["de.figure.phone", "credit"]  # rule ids or whole kinds to leave out
    checklist = "{stem}.checklist.xlsx"    # checklist name beside the article; {stem}, {name}, {ext}
    [status]                               # newsroom words -> canonical status codes
    "ok" = "confirmed"
    "geprüft" = "confirmed"
    "fehlerhaft" = "wrong"
    [memory]                               # the verification memory (claims.memory.settings)
    path = "memory.sqlite"                 # or url = "postgresql://…"; record, recall, reuse, max_age_days
    [claimreview]                          # claims export claimreview: author, author_url, url
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claims.errors import ClaimsError
from claims.memory.settings import ClaimReviewSettings, MemorySettings

# The one language the program assumes: of an article that names none (no --lang, front matter,
# checklist or configuration) and whose text the detector cannot decide. Every other language
# fact lives in its folder rules/<lang>/ (docs/configuration.md).
DEFAULT_LANG = "de"
CONFIG_FILE = "claims.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_CHECKLIST = "{stem}.checklist.xlsx"
StatusCode = Literal["open", "confirmed", "corrected", "wrong", "dropped"]


class ConfigError(ClaimsError):
    """A configuration file that cannot be used: syntax, unknown key, wrong value."""


class ConfigFile(BaseModel):
    """The keys of ``claims.toml`` (or ``[tool.claims]``); unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built on first use: a cold run need not pay for it

    lang: str | None = Field(None, min_length=2, max_length=12)
    rules: list[str] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list)
    checklist: str = DEFAULT_CHECKLIST
    status: dict[str, StatusCode] = Field(default_factory=dict)
    memory: MemorySettings | None = None
    claimreview: ClaimReviewSettings | None = None

    @field_validator("checklist")
    @classmethod
    def _pattern(cls, value: str) -> str:
        fields = set(re.findall(r"\{([^{}]*)\}", value))
        unknown = fields - {"stem", "name", "ext"}
        if unknown:
            raise ValueError(f"unknown field {{{sorted(unknown)[0]}}} (known: {{stem}}, {{name}}, {{ext}})")
        if "stem" not in fields and "name" not in fields:
            raise ValueError("must contain {stem} or {name}, or every article would share one checklist")
        if not value.endswith(".xlsx"):
            raise ValueError("must end in .xlsx")
        if Path(value).is_absolute():
            raise ValueError("must be relative to the article's folder")
        return value

    @field_validator("lang")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        if value is not None:
            from claims.languages import check_lang

            try:
                check_lang(value)
            except ClaimsError:
                raise ValueError("not a language name like de or en") from None
        return value

    @field_validator("status")
    @classmethod
    def _words(cls, value: dict[str, str]) -> dict[str, str]:
        from claims.checklist.labels import available, labels_for

        # A status word of the label sets keeps its meaning: "offen" = "confirmed" would let
        # every untouched row of a checklist pass `claims check`.
        builtin: dict[str, str] = {}
        for lang in available():
            for code, label in labels_for(lang).status.items():
                builtin[" ".join(label.split()).casefold()] = code
                builtin[code] = code
        for word, code in value.items():
            if not word.strip():
                raise ValueError("an empty word cannot be a status")
            meant = builtin.get(" ".join(word.split()).casefold())
            if meant is not None and meant != code:
                raise ValueError(f"{word!r} is the status {meant!r} already; it cannot mean {code!r}")
        return value


@dataclass
class Config:
    """The effective configuration for one article (or folder)."""

    file: Path | None = None
    lang: str | None = None
    rules: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    checklist: str = DEFAULT_CHECKLIST
    status: dict[str, str] = field(default_factory=dict)
    memory: MemorySettings | None = None
    claimreview: ClaimReviewSettings | None = None
    sources: dict[str, str] = field(default_factory=dict)

    def checklist_for(self, article: str | Path) -> Path:
        """Where the checklist of ``article`` lives under the naming pattern."""
        article = Path(article)
        name = self.checklist.format(stem=article.stem, name=article.name, ext=article.suffix.lstrip("."))
        return article.parent / name

    def vocabulary(self) -> dict[str, str]:
        """Newsroom status words (casefolded, spaces squeezed) to canonical codes."""
        return {" ".join(word.split()).casefold(): code for word, code in self.status.items()}

    def as_rows(self) -> list[tuple[str, Any, str]]:
        values: dict[str, Any] = {
            "lang": self.lang if self.lang is not None else "the article's front matter, else its checklist's, else detected from the text",
            "rules": [str(p) for p in self.rules], "disable": list(self.disable),
            "checklist": self.checklist, "status": dict(self.status),
            "memory": self.memory.model_dump(exclude_none=True) if self.memory else None,
            "claimreview": self.claimreview.model_dump(exclude_none=True) if self.claimreview else None,
        }
        return [(key, values[key], self.sources.get(key, "default")) for key in values]


def _line_of(raw: str, key: str) -> int | None:
    found = re.search(rf'^[ \t]*"?{re.escape(key)}"?[ \t]*=', raw, re.M)
    return raw.count("\n", 0, found.start()) + 1 if found else None


def _read(path: Path) -> tuple[dict[str, Any], str, str] | None:
    """(the claims table, the raw text, the table's name) or None for a pyproject without one."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the configuration: {exc}", path) from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"TOML syntax error: {message}", path,
                          int(found.group(1)) if found else None) from None
    except RecursionError:
        raise ConfigError("TOML nests too deep", path) from None
    if path.name == PYPROJECT:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "claims" not in tool:
            return None
        if not isinstance(tool["claims"], dict):
            raise ConfigError("[tool.claims] must be a table", path, _line_of(raw, "claims"))
        return tool["claims"], raw, "[tool.claims]"
    return data, raw, CONFIG_FILE


@functools.lru_cache(maxsize=256)
def find_config(folder: Path) -> Path | None:
    """The nearest claims.toml, or pyproject.toml with [tool.claims], at or above ``folder``."""
    for candidate in (folder, *folder.parents):
        for name in (CONFIG_FILE, PYPROJECT):
            path = candidate / name
            if path.is_file() and _read(path) is not None:
                return path
    return None


@functools.lru_cache(maxsize=64)
def load_config_file(path: Path) -> ConfigFile:
    """Parse and validate a configuration file; errors name the file, key and line."""
    read = _read(path)
    if read is None:
        raise ConfigError("no [tool.claims] table in this file", path)
    data, raw, table = read
    try:
        parsed = ConfigFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first["loc"]]
        key = ".".join(loc) or table
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            table_model = {"memory": MemorySettings, "claimreview": ClaimReviewSettings}.get(loc[0]) \
                if len(loc) > 1 else None
            known = ", ".join((table_model or ConfigFile).model_fields)
            message = f"unknown key (known: {known})"
        elif first["type"] == "literal_error" and loc[:1] == ["status"]:
            message = "not a status code; use one of open, confirmed, corrected, wrong, dropped"
        line = _line_of(raw, loc[-1]) if loc else None
        raise ConfigError(f"{table} {key}: {message}", path, line) from None
    base = path.parent
    for rule_dir in parsed.rules:
        if not (base / rule_dir).is_dir():
            raise ConfigError(f"{table} rules: rule directory {rule_dir!r} not found "
                              f"(relative to {base})", path, _line_of(raw, "rules"))
    if parsed.lang is not None:
        from claims.languages import available_languages

        known_langs = available_languages()
        if parsed.lang not in known_langs:
            raise ConfigError(f"{table} lang: no rules for language {parsed.lang!r} "
                              f"(available: {', '.join(known_langs)})", path, _line_of(raw, "lang"))
    return parsed


def resolve(start: str | Path | None = None, *, lang: str | None = None,
            rules: tuple[str | Path, ...] = (), disable: tuple[str, ...] = (),
            config_file: str | Path | None = None) -> Config:
    """The effective configuration for an article (or folder) at ``start``; flags override the file.

    ``rules`` from a flag come after the file's (so they override it by id);
    ``disable`` from a flag adds to the file's list.
    """
    if config_file is not None:
        path: Path | None = Path(config_file).resolve()
        if not path.is_file():
            raise ConfigError("no such configuration file", config_file)
    else:
        folder = Path(start or ".").resolve()
        if not folder.is_dir():
            folder = folder.parent
        path = find_config(folder)
    config = Config(file=path)
    if path is not None:
        parsed = load_config_file(path)
        where = f"{path} ([tool.claims] %s)" if path.name == PYPROJECT else f"{path} (%s)"
        for key in parsed.model_fields_set:
            config.sources[key] = where % key
        config.lang = parsed.lang
        config.rules = tuple(path.parent / d for d in parsed.rules)
        config.disable = tuple(parsed.disable)
        config.checklist = parsed.checklist
        config.status = dict(parsed.status)
        config.memory = parsed.memory
        config.claimreview = parsed.claimreview
    if lang is not None:
        config.lang = lang
        config.sources["lang"] = "--lang"
    if rules:
        config.rules = config.rules + tuple(Path(r) for r in rules)
        config.sources["rules"] = " + ".join(s for s in (config.sources.get("rules"), "--rules") if s)
    if disable:
        config.disable = config.disable + tuple(d for d in disable if d not in config.disable)
        config.sources["disable"] = " + ".join(s for s in (config.sources.get("disable"), "--disable") if s)
    return config

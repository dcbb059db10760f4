"""A language's files as read from disk: TOML with the lines that errors name, word lists, the
folders of a rule set. Nothing here compiles a pattern (:mod:`claims.ruleset.compiler` does).

A language is a folder: ``language.toml`` (name, version, shared fragments, number and workbook
formats), one ``<kind>.toml`` per claim kind, ``labels.toml`` (the workbook's labels),
``findings.toml`` (the checks' cues) and ``lists/`` with word lists (``NAME.txt``: one entry a
line; ``NAME.toml``: entries with values).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from claims.errors import RuleError
from claims.languages import available_languages, language_dir
from claims.ruleset.schema import ListFile


FINDINGS_FILE = "findings.toml"  # not a rule file: the checks' messages and cues (claims.findings.data)
LABELS_FILE = "labels.toml"  # not a rule file: the workbook's labels (claims.checklist.labels)


def lookup_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _trie_pattern(words: list[str], ignore_case: bool, backwards: bool = False) -> str:
    """The words as a regex trie. ``backwards``: branches share endings, not beginnings.

    Inside a lookbehind the regex engine matches from right to left, so a trie of
    beginnings would be tried entry by entry there (a list of 350 role nouns costs
    13 µs a word); a trie of endings branches on the last letter first.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        letters = word.lower() if ignore_case else word
        for ch in (reversed(letters) if backwards else letters):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if backwards:
            branches = [emit(child) + regex.escape(ch, special_only=True)
                        for ch, child in sorted(node.items()) if ch]
        else:
            branches = [regex.escape(ch, special_only=True) + emit(child)
                        for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may end here; prefer the longer one (greedy ?)
            return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
        return body

    if not trie:
        return "(?!)"
    return f"(?i:{emit(trie)})" if ignore_case else f"(?:{emit(trie)})"


@dataclass
class WordList:
    name: str
    path: Path
    entries: dict[str, Any]
    ignore_case: bool = False
    summary: str = ""
    _index: dict[str, Any] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {lookup_key(k): v for k, v in self.entries.items()}

    def alternation(self, backwards: bool = False) -> str:
        """The list as a regex: a trie, so matching costs one branch per letter, not one per word.

        A plain alternation of a hundred words is tried word by word at every
        position of the text (a case-insensitive one costs a second per MB);
        the trie shares prefixes. Longest entries win, as in a sorted alternation.
        ``backwards``: the trie shares endings, for lookbehinds (matched right to left).
        """
        return _trie_pattern(list(self.entries), self.ignore_case, backwards)

    def having(self, value: str) -> "WordList":
        """The entries whose value names ``value``: ``{verbs=mit}`` of a list mapping
        ``teilte = "mit"`` and ``gab = "an bekannt"`` is teilte, not gab."""
        def names(found: Any) -> list[str]:
            if isinstance(found, str):
                return found.split()
            if isinstance(found, list):
                return [str(item) for item in found]
            return [str(found)]
        return WordList(f"{self.name}={value}", self.path,
                        {k: v for k, v in self.entries.items() if value in names(v)}, self.ignore_case)

    def lookup(self, text: str) -> Any:
        # the same few words come back all through an article (März, Prozent, Euro): each
        # text is keyed once
        memo = self._memo
        if text in memo:
            return memo[text]
        key = lookup_key(text)
        found = self._index[key] if key in self._index else self._index.get(key.rstrip("."))
        if len(memo) >= 10_000:
            memo.clear()
        memo[text] = found
        return found


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    if not path.is_file():  # a FIFO in a shared rule folder would block the read
        raise RuleError("not a regular file; refused", path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file: {exc}", path) from None
    try:
        return tomllib.loads(raw), raw
    except tomllib.TOMLDecodeError as exc:
        found = regex.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        message = regex.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise RuleError(f"TOML syntax error: {message}", path, line) from None
    except RecursionError:
        raise RuleError("TOML nests too deep", path) from None


def _table_lines(raw: str, header: str) -> list[int]:
    """1-based line numbers of each ``[[header]]`` in a TOML text, in order."""
    pattern = regex.compile(rf"^[ \t]*\[\[[ \t]*{regex.escape(header)}[ \t]*\]\]", regex.M)
    return [raw.count("\n", 0, m.start()) + 1 for m in pattern.finditer(raw)]


def _key_line(raw: str, key: str, after_line: int | None = None) -> int | None:
    """Line of the first ``key =`` (at or after ``after_line``), or ``after_line`` if none."""
    offset = 0
    for _ in range((after_line or 1) - 1):
        offset = raw.index("\n", offset) + 1
    found = regex.compile(rf"^[ \t]*{regex.escape(key)}[ \t]*=", regex.M).search(raw, offset)
    return raw.count("\n", 0, found.start()) + 1 if found else after_line


def _validation_error(exc: ValidationError, path: Path, raw: str) -> RuleError:
    first = exc.errors()[0]
    loc = first["loc"]
    where = ".".join(str(p) for p in loc)
    line = None
    if len(loc) >= 2 and loc[0] in ("rule", "link") and isinstance(loc[1], int):
        headers = _table_lines(raw, str(loc[0]))
        if loc[1] < len(headers):
            line = headers[loc[1]]
            if len(loc) >= 3:
                line = _key_line(raw, str(loc[2]), line)
    elif loc:
        line = _key_line(raw, str(loc[0]))
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}"
    return RuleError(f"{where}: {message}", path, line)


def _load_lists(folder: Path) -> dict[str, WordList]:
    lists: dict[str, WordList] = {}
    if not folder.is_dir():
        return lists
    for path in sorted(folder.iterdir()):
        if path.suffix in (".txt", ".toml") and not path.is_file():
            raise RuleError("not a regular file; refused", path)
        if path.suffix == ".txt":
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise RuleError(f"cannot read word list: {exc}", path) from None
            entries = {}
            for line in lines:
                word = line.split("#", 1)[0].strip() if not line.lstrip().startswith("\\#") else line.strip()[1:]
                if word:
                    entries[word] = word
            lists[path.stem] = WordList(path.stem, path, entries)
        elif path.suffix == ".toml":
            data, raw = _read_toml(path)
            try:
                spec = ListFile.model_validate(data)
            except ValidationError as exc:
                raise _validation_error(exc, path, raw) from None
            lists[path.stem] = WordList(path.stem, path, dict(spec.entries), spec.ignore_case, spec.summary)
    return lists


def _rule_dirs(lang: str, extra_dirs: tuple[Path, ...]) -> list[Path]:
    base = language_dir(lang)  # checks the name: it is joined to paths below, never a path itself
    if base is None:
        raise RuleError(f"no rules for language {lang!r} (available: {', '.join(available_languages())})")
    dirs = [base]
    for extra in extra_dirs:
        candidate = extra / lang if (extra / lang).is_dir() else extra
        if not candidate.is_dir():
            raise RuleError("rule directory not found", extra)
        dirs.append(candidate)
    return dirs

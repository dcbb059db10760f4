"""Load a language's rule files, expand fragments and lists, compile patterns.

A language is a folder: ``language.toml`` (name, version, shared fragments),
one ``<kind>.toml`` per claim kind, and ``lists/`` with word lists
(``NAME.txt``: one entry a line; ``NAME.toml``: entries with values). A pattern
names a fragment or list as ``{name}``; a value template as ``{group}`` or
``{group|list}`` (look the group's text up in the list).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import os
import sys
import threading
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import regex
from pydantic import ValidationError

from claims.errors import RuleError
from claims.languages import check_lang
from claims.limits import limit
from claims.ruleset import cache, grammar
from claims.ruleset.schema import LanguageFile, LinkSpec, ListFile, RuleFile, RuleSpec

FINDINGS_FILE = "findings.toml"  # not a rule file: the checks' messages and cues (claims.findings.data)
# {name}: a fragment or a word list; {name=value}: the entries of a list whose value names
# ``value`` (a TOML list's value is one word, several separated by blanks, or an array)
REFERENCE = regex.compile(r"(?<!\\[pPNgxuU])\{([A-Za-z_][A-Za-z0-9_]*)(?:=([^{}=\s]+))?\}")
_MAX_EXPANSION_DEPTH = 20


def builtin_rules_dir() -> Path:
    """The rules shipped with the package (in the wheel) or, from a checkout, the repo's."""
    packaged = resources.files("claims") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError("the built-in rules are missing from this installation; reinstall claims")


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


def _lookbehind_spans(pattern: str) -> list[tuple[int, int]]:
    """[start, end) stretches of a pattern inside a lookbehind group ((?<=...) or (?<!...)), in one
    pass: asking position by position cost the square of a long pattern."""
    spans: list[tuple[int, int]] = []
    stack: list[bool] = []
    behind = 0  # lookbehind groups open on the stack
    opened = 0
    i, in_class, n = 0, False, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 2 if pattern[i + 1] == "]" else 3
                continue
        elif ch == "(":
            is_behind = pattern.startswith("(?<=", i) or pattern.startswith("(?<!", i)
            stack.append(is_behind)
            if is_behind:
                behind += 1
                if behind == 1:
                    opened = i + 1
        elif ch == ")" and stack:
            if stack.pop():
                behind -= 1
                if behind == 0:
                    spans.append((opened, i + 1))
        i += 1
    if behind:
        spans.append((opened, n + 1))
    return spans


def _in_lookbehind(pattern: str, pos: int, spans: list[tuple[int, int]] | None = None) -> bool:
    """Whether ``pos`` of a pattern lies inside a lookbehind group ((?<=...) or (?<!...))."""
    spans = _lookbehind_spans(pattern) if spans is None else spans
    i = bisect.bisect_right(spans, (pos, len(pattern) + 2)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


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


@dataclass
class CompiledRule:
    spec: RuleSpec
    kind: str
    path: Path
    line: int
    regex: Any
    example_date: str
    layer: int = 0  # 0 for the built-in rules, 1… for each --rules folder: later folders win ties
    scope: str = "sentence"  # "paragraph": a match may run on to the end of its paragraph
    extend: Any = None  # extend_before compiled to end where the match starts, or None
    anchor: tuple[grammar.AnchorItem, ...] = ()  # spec.anchor parsed against the word lists
    # how it ranks against another rule's match of the same span: higher priority, then a
    # later layer (a user's rule over a built-in one) first
    rank: tuple[int, int] = field(init=False)
    renderers: tuple[grammar.Renderer, ...] = field(init=False)  # spec.value's templates, parsed

    def __post_init__(self) -> None:
        self.rank = (-self.spec.priority, -self.layer)
        self.renderers = grammar.renderers(self.spec.value)

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass
class Link:
    spec: LinkSpec
    kind: str
    path: Path
    line: int
    regex: Any  # None for a link of branches
    # the pattern's branches, compiled one by one with their parsed anchors (empty: the link has one pattern)
    branches: list[tuple[Any, tuple[grammar.AnchorItem, ...]]] = field(default_factory=list)
    claim_regex: Any = None  # the claims the link runs for (None: all)
    anchor: tuple[grammar.AnchorItem, ...] = ()  # spec.anchor parsed against the word lists


@dataclass
class RuleSet:
    lang: str
    name: str
    version: str
    dirs: list[Path]
    rules: list[CompiledRule]
    links: list[Link]
    lists: dict[str, WordList]
    kind_labels: dict[str, str]
    kind_summaries: dict[str, str]
    decimal: str = ","  # the language's digits ([numbers] of language.toml): German by default
    thousands: str = "."
    findings: Any = None  # the language's checks of claims against each other (findings.toml), if any
    # the anchors of all rules and links as one plan (claims.engine.anchors.Plan): made by the
    # engine at its first use in a process, never stored in the cache
    anchor_plan: Any = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "anchor_plan": None}

    def by_id(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def word_list(self, name: str) -> WordList | None:
        return self.lists.get(name)


def _check_agreement(link_id: str, word_list: WordList, path: Path, line: int | None) -> None:
    """An agree list maps each word to features: a string, a list, or a table of features and
    whether the word may speak for a name."""
    if word_list.path.suffix != ".toml":
        raise RuleError(f"link {link_id}: agree needs a TOML list of features", path, line)
    for key, value in word_list.entries.items():
        ok = isinstance(value, (str, list)) or (
            isinstance(value, dict) and set(value) <= {"features", "names"}
            and isinstance(value.get("features", ""), (str, list)) and isinstance(value.get("names", True), bool))
        if not ok:
            raise RuleError(f"link {link_id}: agreement entry {key!r} of {word_list.name} is neither features "
                            f"nor a table of features and names", word_list.path, None)


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


class _Expander:
    """Fragments and lists put into patterns, each expanded once, under a size limit: fragments
    that each name the next twice or thrice grow as 2**n or 3**n (twenty levels, a few hundred
    bytes of rule file, would take minutes and gigabytes)."""

    def __init__(self, fragments: dict[str, str], lists: dict[str, WordList]) -> None:
        self.fragments = fragments
        self.lists = lists
        self._done: dict[tuple[str, bool], str] = {}
        self._most = limit("PATTERN_CHARS")

    def expand(self, pattern: str, path: Path, line: int | None, depth: int = 0,
               seen: tuple[str, ...] = (), behind: bool = False) -> str:
        """Expand fragments and lists; a list inside a lookbehind becomes a trie of endings."""
        if depth > _MAX_EXPANSION_DEPTH:
            raise RuleError(f"fragments nest too deep: {' -> '.join(seen)}", path, line)
        spans: list[tuple[int, int]] | None = None
        size = len(pattern)

        def replace(m: Any) -> str:
            nonlocal spans, size
            name, value = m.group(1), m.group(2)
            if name in seen:
                raise RuleError(f"fragment {name!r} refers to itself: {' -> '.join(seen + (name,))}",
                                path, line)
            if behind:
                inside = True
            else:
                if spans is None:
                    spans = _lookbehind_spans(pattern)
                inside = _in_lookbehind(pattern, m.start(), spans)
            key = (name if value is None else f"{name}={value}", inside)
            piece = self._done.get(key)
            if piece is None:
                if value is not None:  # {list=value}: the entries of the list with that value
                    if name not in self.lists:
                        raise RuleError(f"{{{name}={value}}} names no word list", path, line)
                    chosen = self.lists[name].having(value)
                    if not chosen.entries:
                        raise RuleError(f"no entry of word list {name!r} has the value {value!r}", path, line)
                    piece = chosen.alternation(backwards=inside)
                elif name in self.fragments:
                    inner = self.expand(self.fragments[name], path, line, depth + 1, seen + (name,), inside)
                    piece = f"(?:{inner})"
                elif name in self.lists:
                    piece = self.lists[name].alternation(backwards=inside)
                else:
                    raise RuleError(f"unknown fragment or list {{{name}}}", path, line)
                self._done[key] = piece
            size += len(piece) - len(m.group())
            if size > self._most:
                raise RuleError(f"the pattern grows to more than {self._most:,} characters with its "
                                f"fragments and lists expanded ({' -> '.join(seen + (name,))}); "
                                f"refused (CLAIMS_MAX_PATTERN_CHARS raises the limit)", path, line)
            return piece

        return REFERENCE.sub(replace, pattern)


def _compile(pattern: str, ignore_case: bool, path: Path, line: int | None, what: str) -> Any:
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(pattern, flags)
    except (regex.error, OverflowError, RecursionError) as exc:
        raise RuleError(f"{what}: invalid pattern: {exc}", path, line) from None


def _check_value_templates(spec: RuleSpec, compiled: Any, lists: dict[str, WordList],
                           path: Path, line: int | None) -> None:
    groups = set(compiled.groupindex)
    for key, template in spec.value.items():
        if not isinstance(template, str):
            continue
        for m in regex.finditer(r"\{([^{}|]+)(?:\|([^{}]+))?\}", template):
            group, list_name = m.group(1), m.group(2)
            if group not in groups:
                raise RuleError(f"rule {spec.id}: value.{key} uses group {{{group}}}, "
                                f"which the pattern does not define", path, line)
            if list_name and list_name not in lists:
                raise RuleError(f"rule {spec.id}: value.{key} looks up unknown list {list_name!r}",
                                path, line)


def _check_anchor(spec: Any, lists: dict[str, WordList], path: Path, line: int | None) -> None:
    for item in spec.anchor:
        found = regex.fullmatch(r"\*?\{([A-Za-z_][A-Za-z0-9_]*)\}\*?", item)
        if found and found.group(1) not in lists:
            raise RuleError(f"rule {spec.id}: anchor {item!r} names an unknown word list", path, line)
        if not found and item != "#digit" and not regex.fullmatch(r"\*?[^{}*\s]+\*?", item):
            raise RuleError(f"rule {spec.id}: anchor {item!r} must be one token, {{list}}, *{{list}}, "
                            f"{{list}}*, *{{list}}*, *word, word*, *word* or #digit", path, line)


def _rule_dirs(lang: str, extra_dirs: tuple[Path, ...]) -> list[Path]:
    check_lang(lang)  # joined to paths below: a name, never a path
    base = builtin_rules_dir() / lang
    if not (base / "language.toml").is_file():
        available = sorted(p.name for p in builtin_rules_dir().iterdir() if (p / "language.toml").is_file())
        raise RuleError(f"no rules for language {lang!r} (available: {', '.join(available)})")
    dirs = [base]
    for extra in extra_dirs:
        candidate = extra / lang if (extra / lang).is_dir() else extra
        if not candidate.is_dir():
            raise RuleError("rule directory not found", extra)
        dirs.append(candidate)
    return dirs


def _cache_key(lang: str, dirs: list[Path], disabled: tuple[str, ...]) -> str:
    """Changes whenever a rule file, word list, the tool or the regex module changes."""
    from claims import __version__

    digest = hashlib.sha256(f"{__version__}|{regex.__version__}|{sys.version}|{lang}|{disabled}".encode())
    from claims import findings

    package = Path(findings.__file__).parent
    for code in (Path(__file__), Path(__file__).with_name("schema.py"),  # the pickled classes' shape
                 Path(__file__).with_name("grammar.py"),
                 *sorted(package.glob("*.py"))):
        digest.update(code.read_bytes())
    for folder in dirs:
        digest.update(str(folder.resolve()).encode())  # the rules remember where they live (messages)
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


@functools.lru_cache(maxsize=16)
def load_ruleset(lang: str = "de", extra_dirs: tuple[Path, ...] = (),
                 disabled: tuple[str, ...] = ()) -> RuleSet:
    """Load and compile the rules of ``lang``; later directories override rules by id.

    ``disabled`` holds rule ids or kinds to leave out. Compiling takes the regex
    module about half a second, so a compiled rule set is kept in the user's
    cache directory (``~/.cache/claims``; ``CLAIMS_CACHE_DIR`` to move it,
    ``CLAIMS_NO_CACHE=1`` to do without); a pickled pattern of the regex module
    holds its compiled code, so loading it does not compile again. A cache file is
    unpickled only after its HMAC with the user's secret key checks out, and only from a
    folder of the user's that nobody else may write (:mod:`claims.ruleset.cache`). The cache key
    covers every rule file's content, so an edited rule is never served stale. A
    process's first compile runs in a forked child where it can (see
    ``_compiled_in_child``).
    """
    dirs = _rule_dirs(lang, tuple(Path(d) for d in extra_dirs))
    cache_folder = cache.cache_dir()
    if cache_folder is None:
        return _build_ruleset(lang, dirs, disabled)
    cache_file = cache_folder / f"ruleset-{lang}-{_cache_key(lang, dirs, disabled)}.pickle"
    cached = _read_cache(cache_file)
    if cached is None and _compiled_in_child(lang, dirs, disabled, cache_folder, cache_file):
        cached = _read_cache(cache_file)
    if cached is not None:
        return cached
    ruleset = _build_ruleset(lang, dirs, disabled)
    _write_cache(ruleset, lang, cache_folder, cache_file)
    return ruleset


def _read_cache(cache_file: Path) -> RuleSet | None:
    return cache.read(cache_file, RuleSet)


def _write_cache(ruleset: RuleSet, lang: str, folder: Path, cache_file: Path) -> None:
    cache.write(ruleset, cache_file, f"ruleset-{lang}-*.pickle")


_forked = False


def _compiled_in_child(lang: str, dirs: list[Path], disabled: tuple[str, ...], folder: Path,
                       cache_file: Path) -> bool:
    """Compile the rule set in a forked child that writes the cache; True when it did.

    Compiling leaves ~9 MiB of freed but fragmented memory behind, which a process that then
    extracts from a long text never gets back (its peak was 81 MiB instead of 75). A child's
    memory goes with it. Only where forking is safe: POSIX, and no other thread running; a
    child that fails (a broken rule file) leaves the compiling, and its error message, to
    the process itself.
    """
    global _forked
    # Once per process: a process that loads several rule sets (a test run, a server) compiles
    # the later ones itself, where the regex module's cache of compiled patterns makes the
    # shared built-in patterns cost nothing the second time.
    if _forked or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    _forked = True
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid == 0:  # the child: compile, write, leave without running the parent's exit handlers
        code = 1
        try:
            _write_cache(_build_ruleset(lang, dirs, disabled), lang, folder, cache_file)
            code = 0 if cache_file.is_file() else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _build_ruleset(lang: str, dirs: list[Path], disabled: tuple[str, ...]) -> RuleSet:
    lists: dict[str, WordList] = {}
    fragments: dict[str, str] = {}
    name, version = f"claims-{lang}", "0"
    decimal, thousands = ",", "."
    for folder in dirs:
        lists.update(_load_lists(folder / "lists"))
        language_path = folder / "language.toml"
        if language_path.is_file():
            data, raw = _read_toml(language_path)
            try:
                language = LanguageFile.model_validate(data)
            except ValidationError as exc:
                raise _validation_error(exc, language_path, raw) from None
            fragments.update(language.fragments)
            if folder == dirs[0]:
                name, version = language.name, language.version
                decimal, thousands = language.numbers.decimal, language.numbers.thousands

    files: list[tuple[Path, RuleFile, str]] = []
    for folder in dirs:
        for path in sorted(folder.glob("*.toml")):
            if path.name in ("language.toml", FINDINGS_FILE):
                continue
            data, raw = _read_toml(path)
            try:
                files.append((path, RuleFile.model_validate(data), raw))
            except ValidationError as exc:
                raise _validation_error(exc, path, raw) from None

    rules: dict[str, CompiledRule] = {}
    links: dict[str, Link] = {}
    labels: dict[str, str] = {}
    summaries: dict[str, str] = {}
    codes: dict[str, str] = {}
    for path, rule_file, raw in files:
        expander = _Expander({**fragments, **rule_file.fragments}, lists)
        rule_lines = _table_lines(raw, "rule")
        if rule_file.label:
            labels[rule_file.kind] = rule_file.label
        if rule_file.summary:
            summaries[rule_file.kind] = rule_file.summary
        for index, spec in enumerate(rule_file.rule):
            line = rule_lines[index] if index < len(rule_lines) else None
            if spec.id in disabled or rule_file.kind in disabled:
                rules.pop(spec.id, None)
                continue
            if not spec.id.startswith(f"{lang}.{rule_file.kind}."):
                raise RuleError(f"rule id {spec.id!r} must start with '{lang}.{rule_file.kind}.'",
                                path, line)
            owner = codes.get(spec.code)
            if owner and owner != spec.id and owner in rules and rules[owner].path.parent == path.parent:
                raise RuleError(f"rule {spec.id}: code {spec.code} is already used by {owner}", path, line)
            codes[spec.code] = spec.id
            pattern_line = _key_line(raw, "pattern", line) if line else None
            expanded = expander.expand(spec.pattern, path, pattern_line)
            compiled = _compile(expanded, spec.ignore_case, path, pattern_line, f"rule {spec.id}")
            _check_value_templates(spec, compiled, lists, path, line)
            _check_anchor(spec, lists, path, line)
            extend = None
            if spec.extend_before:
                extend_line = _key_line(raw, "extend_before", line) if line else None
                extend = _compile(rf"(?:{expander.expand(spec.extend_before, path, extend_line)})\Z",
                                  spec.ignore_case, path, extend_line, f"rule {spec.id} (extend_before)")
            rules[spec.id] = CompiledRule(spec, rule_file.kind, path, line or 0, compiled,
                                          rule_file.example_date,
                                          next(i for i, d in enumerate(dirs) if d == path.parent),
                                          spec.scope or rule_file.scope, extend,
                                          grammar.anchor_items(spec.anchor, spec.ignore_case, lists))
        link_lines = _table_lines(raw, "link")
        for index, link_spec in enumerate(rule_file.link):
            line = link_lines[index] if index < len(link_lines) else None
            sources = sum([bool(link_spec.pattern or link_spec.branches), link_spec.inherit,
                           link_spec.from_kind is not None])
            if sources != 1:
                raise RuleError(f"link {link_spec.id}: needs one of a pattern (or branches), inherit "
                                f"or from_kind", path, line)
            if (link_spec.from_kind is None) != (link_spec.from_field is None):
                raise RuleError(f"link {link_spec.id}: from_kind and from_field go together", path, line)
            for list_name in [link_spec.agree, *link_spec.not_in]:
                if list_name is not None and list_name not in lists:
                    raise RuleError(f"link {link_spec.id}: no word list {list_name!r}", path, line)
            if link_spec.agree is not None:
                _check_agreement(link_spec.id, lists[link_spec.agree], path, line)
            # a link of branches keeps only the branches' patterns (their alternation is searched
            # branch by branch), so a long pattern is not held twice
            patterns = [b.pattern for b in link_spec.branches] or ([link_spec.pattern] if link_spec.pattern else [])
            compiled_all = [_compile(expander.expand(p, path, line), link_spec.ignore_case, path, line,
                                     f"link {link_spec.id}") for p in patterns]
            for compiled in compiled_all:
                if link_spec.field not in compiled.groupindex:
                    raise RuleError(f"link {link_spec.id}: pattern has no group named {link_spec.field!r}"
                                    + (" (every branch needs it)" if link_spec.branches else ""), path, line)
            _check_anchor(link_spec, lists, path, line)
            for branch in link_spec.branches:
                _check_anchor(SimpleNamespace(id=link_spec.id, anchor=branch.anchor), lists, path, line)
            claim_regex = _compile(expander.expand(link_spec.claim_pattern, path, line), link_spec.ignore_case,
                                   path, line, f"link {link_spec.id}") if link_spec.claim_pattern else None
            links[link_spec.id] = Link(
                link_spec, rule_file.kind, path, line or 0,
                None if link_spec.branches or not compiled_all else compiled_all[0],
                [(c, grammar.anchor_items(b.anchor, link_spec.ignore_case, lists))
                 for c, b in zip(compiled_all, link_spec.branches)], claim_regex,
                grammar.anchor_items(link_spec.anchor, link_spec.ignore_case, lists))
    from claims.findings.data import read_findings

    return RuleSet(lang=lang, name=name, version=version, dirs=dirs, rules=list(rules.values()),
                   links=sorted(links.values(), key=lambda l: -l.spec.priority), lists=lists,
                   kind_labels=labels, kind_summaries=summaries, decimal=decimal, thousands=thousands,
                   findings=read_findings(lang, dirs, lists, fragments, disabled))

"""Compile a language's rule files into a :class:`RuleSet`: fragments and lists expanded into
patterns, patterns compiled, every rule and link checked against its kind's contract.

A pattern names a fragment or list as ``{name}``; a value template as ``{group}`` or
``{group|list}`` (look the group's text up in the list). The engine runs the result; the
files come from :mod:`claims.ruleset.files`, the cache around it is :mod:`claims.ruleset.loader`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import regex
from pydantic import ValidationError

from claims.errors import RuleError
from claims.kinds import NUMBER, REGISTRY, unknown_fields, wrong_type
from claims.limits import limit
from claims.ruleset import grammar
from claims.ruleset.files import (FINDINGS_FILE, LABELS_FILE, WordList, _key_line, _load_lists, _read_toml,
                                  _table_lines, _validation_error)
from claims.ruleset.schema import LanguageFile, LinkSpec, RuleFile, RuleSpec


# {name}: a fragment or a word list; {name=value}: the entries of a list whose value names
# ``value`` (a TOML list's value is one word, several separated by blanks, or an array)
REFERENCE = regex.compile(r"(?<!\\[pPNgxuU])\{([A-Za-z_][A-Za-z0-9_]*)(?:=([^{}=\s]+))?\}")
_MAX_EXPANSION_DEPTH = 20


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


def _with_claim_before(spec: RuleSpec) -> str:
    """The rule's pattern with its claim_before written in: a lookbehind from the end of group
    ``core`` whose group ``claim`` spans what stands before the core and the core itself. The
    core is found first (an anchor word, a digit), so the optional start costs nothing at the
    positions where no core begins."""
    if not spec.claim_before:
        return spec.pattern
    return f"{spec.pattern}(?<=(?P<claim>(?:{spec.claim_before})(?P=core)))"


def _check_claim_before(spec: RuleSpec, expanded: str, path: Path, line: int | None) -> None:
    # regex allows one name on several groups, so a second claim group would not be an error
    # of the regex module: the claim would silently be the last one set
    if "(?P<core>" not in expanded:
        raise RuleError(f"rule {spec.id}: claim_before needs a group named core in the pattern", path, line)
    if expanded.count("(?P<claim>") > 1:
        raise RuleError(f"rule {spec.id}: claim_before writes the claim group; the pattern has one already",
                        path, line)


def _compile(pattern: str, ignore_case: bool, path: Path, line: int | None, what: str) -> Any:
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(pattern, flags)
    except (regex.error, OverflowError, RecursionError) as exc:
        raise RuleError(f"{what}: invalid pattern: {exc}", path, line) from None


def _check_value_templates(spec: RuleSpec, kind: str, compiled: Any, lists: dict[str, WordList],
                           path: Path, line: int | None) -> None:
    unknown = unknown_fields(kind, spec.value)
    if unknown:
        known = ", ".join(REGISTRY[kind].fields) or "none: its value is empty"
        raise RuleError(f"rule {spec.id}: value.{unknown[0]} is no field of kind {kind} (known: {known})",
                        path, line)
    groups = set(compiled.groupindex)
    for key, template in spec.value.items():
        if not isinstance(template, str):
            if wrong_type(kind, key, template):
                raise RuleError(f"rule {spec.id}: value.{key} = {template!r}: the field takes text"
                                f"{' or a number' if REGISTRY[kind].fields[key] is NUMBER else ''}",
                                path, line)
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
                if language.numbers is None:
                    raise RuleError("a language's language.toml needs [numbers] (decimal and "
                                    "thousands marks)", language_path)
                name, version = language.name, language.version
                decimal, thousands = language.numbers.decimal, language.numbers.thousands

    files: list[tuple[Path, RuleFile, str]] = []
    for folder in dirs:
        for path in sorted(folder.glob("*.toml")):
            if path.name in ("language.toml", FINDINGS_FILE, LABELS_FILE):
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
            if rule_file.yield_to:
                spec = spec.model_copy(update={"yield_to": [*spec.yield_to, *(
                    kind for kind in rule_file.yield_to if kind not in spec.yield_to)]})
            pattern_line = _key_line(raw, "pattern", line) if line else None
            expanded = expander.expand(_with_claim_before(spec), path, pattern_line)
            if spec.claim_before:
                _check_claim_before(spec, expanded, path, _key_line(raw, "claim_before", line) if line else None)
            compiled = _compile(expanded, spec.ignore_case, path, pattern_line, f"rule {spec.id}")
            _check_value_templates(spec, rule_file.kind, compiled, lists, path, line)
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
            if link_spec.field not in REGISTRY[rule_file.kind].fields:
                raise RuleError(f"link {link_spec.id}: field {link_spec.field!r} is no field of kind "
                                f"{rule_file.kind}", path, line)
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

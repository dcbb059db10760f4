"""Read a language's ``findings.toml``: validate it, compile its cues, drop disabled checks.

Called by the rule-set compiler (:func:`claims.ruleset.compiler._build_ruleset`), so the result is
cached with the compiled rules. A folder given with ``--rules`` may bring a ``findings.toml``
of its own: each section it has replaces the built-in one (``[common]`` key by key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError, create_model

from claims.errors import RuleError
from claims.findings.registry import Check, checks
from claims.findings.schema import STRICT, Common, Section, placeholder_names, templates

FILE = "findings.toml"
ALL = "findings"  # `disable = ["findings"]` turns every check off


@dataclass
class Prepared:
    """One check, ready to run: its section (messages, examples) and its compiled cues."""

    name: str
    section: Section
    cues: Any
    path: Path
    line: int


@dataclass
class FindingsData:
    """The checks of one language, as the rule set carries them."""

    lang: str
    example_date: str = "2025-03-24"
    common: Any = None
    checks: dict[str, Prepared] = field(default_factory=dict)  # by check name, in code order


class Prep:
    """What a check's ``prepare`` may use: patterns with the rules' fragments and word lists."""

    def __init__(self, lists: dict[str, Any], fragments: dict[str, str], path: Path, raw: str) -> None:
        self.lists = lists
        self.fragments = fragments
        self.path = path
        self.raw = raw

    def pattern(self, text: str, where: str, flags: int = 0) -> Any:
        from claims.ruleset.compiler import _Expander

        line = _line(self.raw, where)
        expanded = _Expander(self.fragments, self.lists).expand(text, self.path, line)
        try:
            return regex.compile(expanded, regex.V0 | flags)
        except (regex.error, OverflowError, RecursionError) as exc:
            raise RuleError(f"{where}: invalid pattern: {exc}", self.path, line) from None

    def entries(self, items: list[str], where: str) -> list[tuple[str, Any]]:
        """Words and ``{list}`` references: (word as written, the list's value or True), in order."""
        out: list[tuple[str, Any]] = []
        for item in items:
            found = regex.fullmatch(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", item)
            if found:
                name = found.group(1)
                if name not in self.lists:
                    raise RuleError(f"{where}: unknown word list {item}", self.path, _line(self.raw, where))
                out.extend(self.lists[name].entries.items())
            else:
                out.append((item, True))
        return out

    def words(self, items: list[str], where: str) -> dict[str, Any]:
        """Words and ``{list}`` references as one lookup: casefolded word -> the list's value (or True)."""
        out: dict[str, Any] = {}
        for word, value in self.entries(items, where):
            out.setdefault(" ".join(word.split()).casefold(), value)
        return out

    def word_pattern(self, items: list[str], where: str, whole: bool = True) -> Any:
        """A pattern finding any of the words, in lower case, capitalized or as written; ``whole``:
        as whole words only, else also at the start of a longer word (Montag in Montagabend).

        Python's own ``re`` with a plain alternation: for a few dozen words it searches a sentence
        in half the time the regex module's case-blind trie takes, and the checks search many."""
        import re

        words = {" ".join(w.split()) for w, _ in self.entries(items, where)}
        forms = sorted({f for w in words for f in (w, w.lower(), w[:1].upper() + w[1:].lower(), w.upper())},
                       key=lambda w: (-len(w), w))
        if not forms:
            return re.compile(r"(?!)")
        tail = r"(?!\w)" if whole else ""
        return re.compile(r"(?<!\w)(?:%s)%s" % ("|".join(re.escape(f) for f in forms), tail))


def _line(raw: str, where: str) -> int | None:
    """Line of ``[section]`` (and of ``key =`` after it) for ``section.key`` in a TOML text."""
    parts = where.split(".")
    header = regex.search(rf"^[ \t]*\[[ \t]*{regex.escape(parts[0])}[ \t]*\]", raw, regex.M)
    if header is None:
        return None
    line = raw.count("\n", 0, header.start()) + 1
    if len(parts) > 1:
        key = regex.compile(rf"^[ \t]*{regex.escape(parts[1])}[ \t]*=", regex.M).search(raw, header.end())
        if key is not None:
            line = raw.count("\n", 0, key.start()) + 1
    return line


def _file_model() -> Any:
    fields: dict[str, Any] = {"summary": (str, ""), "example_date": (str, "2025-03-24"),
                              "common": (Common, Common())}
    for check in checks():
        fields[check.name.replace("-", "_")] = (check.section | None, None)
    model = create_model("FindingsFile", __config__=STRICT, **fields)
    return model


def _read(path: Path) -> tuple[dict[str, Any], str]:
    from claims.ruleset.files import _read_toml  # the same errors as for a rule file

    return _read_toml(path)


def _validate(data: dict[str, Any], path: Path, raw: str) -> Any:
    # section names are hyphenated in the file (weekday-date) and fields in the model
    renamed = {key.replace("-", "_"): value for key, value in data.items()}
    known = {check.name for check in checks()} | {"summary", "example_date", "common"}
    for key in data:
        if key not in known:
            raise RuleError(f"unknown key {key!r} (checks: {', '.join(c.name for c in checks())})",
                            path, _line(raw, key) or 1)
    try:
        return _file_model().model_validate(renamed)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p).replace("_", "-") if i == 0 else str(p) for i, p in enumerate(first["loc"])]
        where = ".".join(loc)
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
        raise RuleError(f"{where}: {message}", path, _line(raw, ".".join(loc[:2]))) from None


def _check_templates(check: Check, section: Section, path: Path, raw: str) -> None:
    given = templates(section)
    where = f"{check.name}.message"
    missing = set(check.variants) - set(given)
    extra = set(given) - set(check.variants)
    if missing or extra:
        wanted = ", ".join(sorted(check.variants))
        raise RuleError(f"{where}: the check's messages are {wanted}"
                        + (" (one template)" if set(check.variants) == {"default"} else " (a table)"),
                        path, _line(raw, where))
    for variant, template in given.items():
        try:
            names = placeholder_names(template)
        except ValueError as exc:
            raise RuleError(f"{where}.{variant}: {exc}", path, _line(raw, where)) from None
        unknown = names - check.variants[variant]
        if unknown:
            raise RuleError(f"{where}{'' if variant == 'default' else '.' + variant}: unknown placeholder "
                            f"{{{sorted(unknown)[0]}}} (known: "
                            f"{', '.join('{' + n + '}' for n in sorted(check.variants[variant]))})",
                            path, _line(raw, where))


def read_findings(lang: str, dirs: list[Path], lists: dict[str, Any], fragments: dict[str, str],
                  disabled: tuple[str, ...] = ()) -> FindingsData | None:
    """The findings of ``lang`` from the ``findings.toml`` of each folder (later ones override),
    or None when no folder has one."""
    sections: dict[str, tuple[Section, Path, str]] = {}
    common: dict[str, Any] = {}
    common_source: tuple[Path, str] | None = None
    example_date = "2025-03-24"
    found = False
    for folder in dirs:
        path = folder / FILE
        if not path.is_file():
            continue
        found = True
        data, raw = _read(path)
        parsed = _validate(data, path, raw)
        if "example_date" in data:
            example_date = parsed.example_date
        if "common" in data:
            common.update(parsed.common.model_dump(exclude_unset=True))
            common_source = (path, raw)
        for check in checks():
            section = getattr(parsed, check.name.replace("-", "_"))
            if section is not None:
                _check_templates(check, section, path, raw)
                sections[check.name] = (section, path, raw)
    if not found:
        return None
    result = FindingsData(lang=lang, example_date=example_date)
    common_path, common_raw = common_source or (dirs[0] / FILE, "")
    result.common = _prepare_common(Common(**common), Prep(lists, fragments, common_path, common_raw))
    off = set(disabled)
    for check in checks():
        if check.name not in sections or ALL in off or check.code in off or check.name in off:
            continue
        section, path, raw = sections[check.name]
        cues = check.prepare(section, Prep(lists, fragments, path, raw))
        result.checks[check.name] = Prepared(check.name, section, cues, path, _line(raw, check.name) or 1)
    return result


@dataclass
class CommonCues:
    """``[common]`` compiled."""

    titles: frozenset[str]
    person: Any
    clause_break: Any
    stopwords: frozenset[str]
    age: Any
    age_at_event: Any
    age_after_name: Any
    age_after_name_end: Any
    age_name_between: Any
    age_apposition: Any
    age_predicate: Any
    pronoun_start: Any
    age_now: Any
    percent_units: frozenset[str]
    point_units: frozenset[str]
    role_endings: tuple[str, ...]
    role_ending_set: frozenset[str] = frozenset()
    role_ending_max: int = 0

    def __post_init__(self) -> None:
        self.role_ending_set = frozenset(self.role_endings)
        self.role_ending_max = max((len(e) for e in self.role_endings), default=0)


def _prepare_common(common: Common, prep: Prep) -> CommonCues:
    return CommonCues(
        titles=frozenset(prep.words(common.titles, "common.titles")),
        person=prep.pattern(common.person, "common.person"),
        clause_break=prep.pattern(common.clause_break, "common.clause_break"),
        stopwords=frozenset(prep.words(common.stopwords, "common.stopwords")),
        age=prep.pattern(common.age, "common.age"),
        age_at_event=prep.pattern(common.age_at_event, "common.age_at_event"),
        age_after_name=prep.pattern(common.age_after_name, "common.age_after_name"),
        age_after_name_end=prep.pattern(common.age_after_name_end, "common.age_after_name_end"),
        age_name_between=prep.pattern(common.age_name_between, "common.age_name_between"),
        age_apposition=prep.pattern(common.age_apposition, "common.age_apposition"),
        age_predicate=prep.pattern(common.age_predicate, "common.age_predicate"),
        pronoun_start=prep.pattern(common.pronoun_start, "common.pronoun_start"),
        age_now=prep.pattern(rf"(?:{common.age_now})\Z", "common.age_now"),
        percent_units=frozenset(prep.words(common.percent_units, "common.percent_units")),
        point_units=frozenset(prep.words(common.point_units, "common.point_units")),
        role_endings=tuple(sorted(prep.words(common.role_endings, "common.role_endings"))),
    )

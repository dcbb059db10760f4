"""Blank out Markdown markup while keeping every offset.

Each markup character becomes a space (newlines stay), so the cleaned text has
the same length as the file and a claim found in it points into the file.
Front matter (YAML between ``---`` or TOML between ``+++``) is parsed for
title, date and lang, and blanked.
"""

from __future__ import annotations

import bisect
import tomllib
from typing import Any

import regex

from claims.errors import InputError
from claims.limits import limit

_FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", regex.S)

# Patterns whose named group ``keep`` survives; everything else in the match is blanked.
#
# Each is linear in the text: what lies between two delimiters may not hold the opening one
# (link text no "[", a destination no "(" beyond one balanced pair, strong text no "**"), so
# an opener that never closes is given up at the next opener, not after a scan to the end of
# the line. Lazy "anything" between delimiters made 20 kB of "**a " on one line take 13 s
# (every opener scanned the rest of the line) and the same of "[a](", "<http:" seconds.
_DESTINATION = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # (url "title"), one balanced pair inside
_BLANK_WHOLE = [
    regex.compile(r"!\[[^\[\]\n]*\]" + _DESTINATION),  # images
    regex.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S.*$", regex.M),  # link reference definitions
    regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # HTML tags
    regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", regex.M),  # table rules
]
_KEEP_INNER = [
    regex.compile(r"(?<!!)\[(?P<keep>[^\[\]\n]+)\]" + _DESTINATION),  # [text](url)
    regex.compile(r"(?<!!)\[(?P<keep>[^\[\]\n]+)\]\[[^\[\]\n]*\]"),  # [text][ref]
    regex.compile(r"<(?P<keep>(?:https?|mailto):[^<>\s]+)>"),  # autolinks
    regex.compile(r"\*\*(?P<keep>(?=\S)(?:[^*\n]|\*(?!\*))+?(?<=\S))\*\*"
                  r"|__(?P<keep>(?=\S)(?:[^_\n]|_(?!_))+?(?<=\S))__"),  # strong
    regex.compile(r"(?<![\w*])\*(?P<keep>(?=[^\s*])[^*\n]+?(?<=[^\s*]))\*(?![\w*])"),  # emphasis *x*
    regex.compile(r"(?<!\w)_(?P<keep>(?=\S)[^_\n]+?(?<=\S))_(?!\w)"),  # emphasis _x_
    regex.compile(r"~~(?P<keep>.+?)~~"),  # strikethrough
]
_BACKTICKS = regex.compile(r"`+")


def _code_spans(text: str) -> list[tuple[int, int, int]]:
    """Inline code as (start, end, backticks): a run of backticks up to the next run of the same
    length on the line (CommonMark's rule). Pairing runs by length with a dictionary keeps it
    linear; the pattern it replaces tried every length of every run against the rest of the
    line (a line of 176,000 backticks did not finish in minutes)."""
    spans: list[tuple[int, int, int]] = []
    for line in regex.finditer(r"[^\n]+", text):
        runs = [(m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(text, line.start(), line.end())]
        if len(runs) < 2:
            continue
        by_length: dict[int, list[int]] = {}
        for index, (_, length) in enumerate(runs):
            by_length.setdefault(length, []).append(index)
        index = 0
        while index < len(runs):
            start, length = runs[index]
            later = by_length[length]
            found = bisect.bisect_right(later, index)
            if found < len(later):
                close = later[found]
                close_start = runs[close][0]
                if close_start > start + length:  # something between the backticks
                    spans.append((start, close_start + length, length))
                    index = close + 1
                    continue
            index += 1
    return spans


def _comments(text: str) -> list[tuple[int, int]]:
    """Spans of HTML comments; one that never closes ends nothing (and no later one can close)."""
    spans: list[tuple[int, int]] = []
    at = 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        at = end + 3
    return spans


_LINE_MARKERS = [
    regex.compile(r"^(?P<mark>[ \t]{0,3}#{1,6})[ \t]"),  # ATX headings
    regex.compile(r"^(?P<mark>[ \t]*(?:>[ \t]?)+)"),  # block quotes
    regex.compile(r"^(?P<mark>[ \t]*[-*+])[ \t]+"),  # bullets
    regex.compile(r"^(?P<mark>[ \t]{0,3}(?:=+|-+))[ \t]*$"),  # setext underlines
]
_TABLE_PIPE = regex.compile(r"(?<!\\)\|")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


_yaml_loader: Any = None


def _front_matter_loader() -> Any:
    """PyYAML's safe loader, narrowed for front matter from outside.

    - Aliases are refused: ``*name`` repeats a node by reference, and nine nested
      repetitions of nine make a billion strings from a few hundred bytes ("billion laughs").
    - Nesting deeper than the limit is refused before the composer's recursion runs out.
    - Timestamps stay text: PyYAML would turn ``2025-02-30`` into a date and fail inside
      itself; the reader checks the date and says what is wrong with it.
    """
    global _yaml_loader
    if _yaml_loader is not None:
        return _yaml_loader
    import yaml  # lazy: only articles with YAML front matter pay for it

    class FrontMatterLoader(yaml.SafeLoader):
        yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._depth = 0
            self._max_depth = limit("FRONT_MATTER_DEPTH")

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not accepted in "
                                                  "front matter", event.start_mark)
            self._depth += 1
            if self._depth > self._max_depth:
                raise yaml.composer.ComposerError(None, None, f"nests deeper than {self._max_depth} "
                                                  f"levels", self.peek_event().start_mark)
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    _yaml_loader = FrontMatterLoader
    return _yaml_loader


def parse_front_matter(kind: str, body: str, source: str) -> dict[str, Any]:
    most = limit("FRONT_MATTER_BYTES")
    if len(body) > most:
        raise InputError(f"front matter of {len(body):,} characters; more than {most:,} are refused "
                         f"(CLAIMS_MAX_FRONT_MATTER_BYTES raises the limit)", source, 2)
    if kind == "+++":
        try:
            data: Any = tomllib.loads(body)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"front matter is not valid TOML: {exc}", source) from None
        except RecursionError:
            raise InputError("front matter nests too deep", source, 2) from None
    else:
        import yaml

        try:
            data = yaml.load(body, Loader=_front_matter_loader())  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else None
            raise InputError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                             source, line) from None
        except RecursionError:
            raise InputError("front matter nests too deep", source, 2) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values", source, 2)
    return {str(k).lower(): v for k, v in data.items()}


def blank_markup(text: str, source: str = "<text>") -> tuple[str, dict[str, Any]]:
    """Return (text with markup blanked, front matter)."""
    chars = list(text)
    meta: dict[str, Any] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        meta = parse_front_matter(front.group(1), front.group(2), source)
        _blank(chars, 0, front.end())

    for start, end in _comments(text):
        _blank(chars, start, end)
    for pattern in _BLANK_WHOLE:
        for m in pattern.finditer(text):
            _blank(chars, m.start(), m.end())

    # Inline markup: blank the delimiters, keep the inner text. Later patterns see
    # the partly blanked text so nested markup (**[a](b)**) is handled.
    for pattern in _KEEP_INNER:
        current = "".join(chars)
        for m in pattern.finditer(current):
            _blank(chars, m.start(), m.start("keep"))
            _blank(chars, m.end("keep"), m.end())

    for start, end, ticks in _code_spans("".join(chars)):
        _blank(chars, start, start + ticks)
        _blank(chars, end - ticks, end)

    current = "".join(chars)
    offset = 0
    for line in current.splitlines(keepends=True):
        for pattern in _LINE_MARKERS:
            m = pattern.match(line)
            if m:
                _blank(chars, offset + m.start("mark"), offset + m.end("mark"))
                break
        if line.count("|") >= 2 or line.lstrip().startswith("|"):
            for m in _TABLE_PIPE.finditer(line):
                chars[offset + m.start()] = " "
        offset += len(line)
    return "".join(chars), meta

"""The small grammars inside rule fields, parsed once when a rule is compiled: value templates
(``{group}``, ``{group|list}``, literal text mixed with them) and anchor items (``Uhr``,
``{months}``, ``*{role_heads}``, ``{weekdays}*``, ``*tägig*``, ``#digit``; see
:mod:`claims.engine.anchors`). The engine reads the parsed forms from the compiled rule's
fields and never parses a template or an anchor while it runs.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import regex

TEMPLATE_REF = regex.compile(r"\{([^{}|]+)(?:\|([^{}]+))?\}")
TOKEN = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")
_ITEM = regex.compile(r"^(\*)?(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([^{}*\s]+))(\*)?$")

LITERAL, GROUP, MIXED = 0, 1, 2


class Renderer(NamedTuple):
    """How one field of a claim's value is made from a match.

    ``how`` LITERAL: ``template`` is the value itself; GROUP: the text of group ``template``,
    looked up in ``list_name`` where it names one; MIXED: ``template`` is ``(pieces, tail)``,
    pieces being (literal text, group, list) triples."""

    key: str
    how: int
    template: Any
    list_name: str | None


def parse_template(template: str) -> Any:
    """A template's pieces: the template itself (no reference), (group, list) for a template
    that is one reference, or ((literal, group, list) triples, tail)."""
    refs = list(TEMPLATE_REF.finditer(template))
    if not refs:
        return template
    if len(refs) == 1 and refs[0].span() == (0, len(template)):
        return (refs[0].group(1), refs[0].group(2))
    pieces, last = [], 0
    for ref in refs:
        pieces.append((template[last:ref.start()], ref.group(1), ref.group(2)))
        last = ref.end()
    return (pieces, template[last:])


def renderers(value: dict[str, Any]) -> tuple[Renderer, ...]:
    """A rule's value templates, sorted by shape, so rendering a claim's fields is a loop of
    group lookups."""
    found = []
    for key, template in value.items():
        parsed = parse_template(template) if isinstance(template, str) else template
        if not isinstance(template, str) or isinstance(parsed, str):
            found.append(Renderer(key, LITERAL, parsed, None))
        elif isinstance(parsed[0], str):
            found.append(Renderer(key, GROUP, parsed[0], parsed[1]))
        else:
            found.append(Renderer(key, MIXED, parsed, None))
    return tuple(found)


class AnchorItem(NamedTuple):
    """What one anchor item looks for: ``mode`` one of exact, folded (case ignored), suffix,
    prefix, holding (endings, beginnings and parts of words, case ignored) or digit, and the
    words (casefolded where case is ignored)."""

    mode: str
    words: frozenset[str]


def anchor_item(item: str, ignore_case: bool, lists: dict[str, Any]) -> AnchorItem:
    ref = _ITEM.match(item)
    if item == "#digit":
        return AnchorItem("digit", frozenset())
    if ref and (ref.group(1) or ref.group(4)):  # endings, beginnings, parts of words
        # they sit inside words (Vizebürgermeisterin, Dienstagabend), so case is ignored
        if ref.group(2):
            parts = frozenset(first.casefold() for e in lists[ref.group(2)].entries
                              for first in TOKEN.findall(e)[:1])
        else:
            parts = frozenset({ref.group(3).casefold()})
        return AnchorItem("holding" if ref.group(1) and ref.group(4) else "suffix" if ref.group(1) else "prefix",
                          parts)
    if ref and ref.group(2):  # a list: its entries' first words
        word_list = lists[ref.group(2)]
        fold = ignore_case or word_list.ignore_case
        firsts = (TOKEN.findall(entry)[:1] for entry in word_list.entries)
        return AnchorItem("folded" if fold else "exact",
                          frozenset(w[0].casefold() if fold else w[0] for w in firsts if w))
    return AnchorItem("folded" if ignore_case else "exact", frozenset({item.casefold() if ignore_case else item}))


def anchor_items(anchor: list[str], ignore_case: bool, lists: dict[str, Any]) -> tuple[AnchorItem, ...]:
    """A rule's or link's anchor, parsed: empty for no anchor (every sentence)."""
    return tuple(anchor_item(item, ignore_case, lists) for item in anchor)

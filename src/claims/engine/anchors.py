"""Anchors: which sentences a rule needs to look at.

Every rule's regex costs time at every position of the text it scans, so a rule
set of a hundred rules cannot scan a whole article a hundred times and stay
fast. The article's words are indexed once; a rule with ``anchor`` runs only on
the sentences holding one of its anchor tokens:

- ``"Uhr"``, ``"„"``: that token (a word, or one character that is neither
  letter nor digit), exactly;
- ``"{months}"``: any entry of the word list (its first word);
- ``"*{role_heads}"``: any word ending in an entry of the list (its first word; case ignored);
- ``"{date_weekdays}*"``: any word starting with an entry (Dienstagabend; case ignored);
- ``"*{list}*"``: any word holding an entry (case ignored);
- ``"*tägig*"``, ``"Vortag*"``, ``"*jähriges"``: the same for one word (case ignored);
- ``"#digit"``: any word that starts with a digit.

The rule's examples run through the same engine, so an anchor that misses what
its rule finds fails the rule's own tests.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import regex

from claims.models import Sentence
from claims.ruleset.loader import RuleSet

TOKEN = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")
_ITEM = regex.compile(r"^(\*)?(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([^{}*\s]+))(\*)?$")


class TokenIndex:
    """For each distinct token of the article, the sentences (by index) that hold it."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.where: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(sentences):
            for token in set(TOKEN.findall(text, sentence.start, sentence.end)):
                self.where[token].append(i)
        self._folded: dict[str, list[int]] | None = None
        self._cache: dict[str, set[int]] = {}
        self._ranges: dict[tuple[tuple[str, ...], bool], list[tuple[int, int]]] = {}

    def _fold(self) -> dict[str, list[int]]:
        if self._folded is None:
            # lists, not sets: a set per distinct word would hold megabytes; callers collect into a set
            folded: dict[str, list[int]] = {}
            for token, found in self.where.items():
                key = token.casefold()
                if key in folded:
                    folded[key] = folded[key] + found
                else:
                    folded[key] = found
            self._folded = folded
        return self._folded

    def _item(self, item: str, ruleset: RuleSet, ignore_case: bool) -> set[int]:
        key = f"{ignore_case}|{item}"
        if key in self._cache:
            return self._cache[key]
        result: set[int] = set()
        ref = _ITEM.match(item)
        if item == "#digit":
            for token, found in self.where.items():
                if token[0].isdigit():
                    result.update(found)
        elif ref and (ref.group(1) or ref.group(4)):  # endings, beginnings, parts of words
            # they sit inside words (Vizebürgermeisterin, Dienstagabend), so case is ignored
            if ref.group(2):
                parts = {first.casefold() for e in ruleset.lists[ref.group(2)].entries
                         for first in TOKEN.findall(e)[:1]}
            else:
                parts = {ref.group(3).casefold()}
            folded = self._fold()
            if ref.group(1) and ref.group(4):
                for token, found in folded.items():
                    if any(part in token for part in parts):
                        result.update(found)
            else:
                test = str.endswith if ref.group(1) else str.startswith
                affixes = tuple(parts)
                for token, found in folded.items():
                    if test(token, affixes):
                        result.update(found)
        elif ref and ref.group(2):
            word_list = ruleset.lists[ref.group(2)]
            fold = ignore_case or word_list.ignore_case
            table = self._fold() if fold else self.where
            for entry in word_list.entries:
                words = TOKEN.findall(entry)
                if words:
                    result.update(table.get(words[0].casefold() if fold else words[0], ()))
        else:
            table = self._fold() if ignore_case else self.where
            result.update(table.get(item.casefold() if ignore_case else item, ()))
        self._cache[key] = result
        return result

    def sentences_for(self, anchor: Iterable[str], ruleset: RuleSet, ignore_case: bool) -> list[int]:
        found: set[int] = set()
        for item in anchor:
            found |= self._item(item, ruleset, ignore_case)
        return sorted(found)

    def ranges_for(self, anchor: Iterable[str], ruleset: RuleSet, ignore_case: bool,
                   sentences: list[Sentence]) -> list[tuple[int, int]]:
        """Text ranges of the sentences holding an anchor token; rules with the same anchor share them."""
        key = (tuple(anchor), ignore_case)
        found = self._ranges.get(key)
        if found is None:
            found = self._ranges[key] = ranges(self.sentences_for(anchor, ruleset, ignore_case), sentences)
        return found


def ranges(indices: list[int], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Text ranges of the chosen sentences (sorted indices), neighbours merged."""
    spans: list[tuple[int, int]] = []
    previous = -2
    for i in indices:
        if i == previous + 1 and spans:
            spans[-1] = (spans[-1][0], sentences[i].end)
        else:
            spans.append((sentences[i].start, sentences[i].end))
        previous = i
    return spans

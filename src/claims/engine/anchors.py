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

import bisect
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
        self._sorted: tuple[list[str], list[tuple[str, str]]] | None = None
        self._joined: tuple[str, list[int], list[str]] | None = None

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

    def _affixed(self, affix: str, backwards: bool) -> list[str]:
        """Folded words beginning (or, backwards, ending) with ``affix``: a range of a sorted list."""
        if self._sorted is None:
            keys = list(self._fold())
            self._sorted = (sorted(keys), sorted((k[::-1], k) for k in keys))
        if backwards:
            rev = affix[::-1]
            pairs = self._sorted[1]
            i = bisect.bisect_left(pairs, (rev, ""))
            found = []
            while i < len(pairs) and pairs[i][0].startswith(rev):
                found.append(pairs[i][1])
                i += 1
            return found
        keys = self._sorted[0]
        i = bisect.bisect_left(keys, affix)
        j = bisect.bisect_left(keys, affix + "\U0010ffff")
        return [k for k in keys[i:j] if k.startswith(affix)]

    def _holding(self, parts: set[str]) -> set[str]:
        """Folded words holding one of ``parts``: found in all words joined, not word by word."""
        if self._joined is None:
            keys = list(self._fold())
            starts, at = [], 0
            for k in keys:
                starts.append(at)
                at += len(k) + 1
            self._joined = ("\n".join(keys), starts, keys)
        joined, starts, keys = self._joined
        found: set[str] = set()
        for part in parts:
            at = joined.find(part)
            while at >= 0:
                found.add(keys[bisect.bisect_right(starts, at) - 1])
                at = joined.find(part, at + 1)
        return found

    def _item(self, item: str, ruleset: RuleSet, ignore_case: bool) -> set[int]:
        key = f"{ignore_case}|{item}"
        if key in self._cache:
            return self._cache[key]
        mode, words = _spec(ruleset, item, ignore_case)
        result: set[int] = set()
        if mode == "digit":
            for token, found in self.where.items():
                if token[0].isdigit():
                    result.update(found)
        elif mode in ("suffix", "prefix", "holding"):
            folded = self._fold()
            if mode == "holding":
                for token in self._holding(set(words)):
                    result.update(folded[token])
            elif len(words) * 8 > len(folded):  # a short article: test its words against all affixes
                affixes = tuple(words)
                test = str.endswith if mode == "suffix" else str.startswith
                for token, found in folded.items():
                    if test(token, affixes):
                        result.update(found)
            else:  # a long one: look each affix up in the sorted words
                for part in words:
                    for token in self._affixed(part, backwards=mode == "suffix"):
                        result.update(folded[token])
        else:
            table = self._fold() if mode == "folded" else self.where
            for token in words & table.keys():  # iterates over the smaller side
                result.update(table[token])
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


def _spec(ruleset: RuleSet, item: str, ignore_case: bool) -> tuple[str, frozenset[str]]:
    """What an anchor item looks for, worked out once per rule set (not once per article)."""
    cache = ruleset.__dict__.setdefault("_anchor_specs", {})
    key = (item, ignore_case)
    if key in cache:
        return cache[key]
    ref = _ITEM.match(item)
    if item == "#digit":
        spec = ("digit", frozenset())
    elif ref and (ref.group(1) or ref.group(4)):  # endings, beginnings, parts of words
        # they sit inside words (Vizebürgermeisterin, Dienstagabend), so case is ignored
        if ref.group(2):
            parts = frozenset(first.casefold() for e in ruleset.lists[ref.group(2)].entries
                              for first in TOKEN.findall(e)[:1])
        else:
            parts = frozenset({ref.group(3).casefold()})
        spec = ("holding" if ref.group(1) and ref.group(4) else "suffix" if ref.group(1) else "prefix", parts)
    elif ref and ref.group(2):
        word_list = ruleset.lists[ref.group(2)]
        fold = ignore_case or word_list.ignore_case
        firsts = (TOKEN.findall(entry)[:1] for entry in word_list.entries)
        spec = ("folded" if fold else "exact",
                frozenset(w[0].casefold() if fold else w[0] for w in firsts if w))
    else:
        spec = ("folded" if ignore_case else "exact", frozenset({item.casefold() if ignore_case else item}))
    cache[key] = spec
    return spec


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

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
from sys import intern
from collections import defaultdict
from collections.abc import Iterable

import regex

from claims.models import Sentence
from claims.ruleset.compiler import RuleSet

TOKEN = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")
_SPLIT_NOT_SPACE = "\x1c\x1d\x1e\x1f"  # whitespace to str.split, not to the regex module's \\s
_ITEM = regex.compile(r"^(\*)?(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([^{}*\s]+))(\*)?$")


class TokenIndex:
    """For each distinct token of the article, the sentences (by index) that hold it."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        # Each sentence as its whitespace-separated chunks (str.split, no regex per word), and
        # each distinct chunk's tokens found once: an article repeats its words, so this is a
        # few thousand regex calls instead of one per token. Tokens never hold whitespace, so a
        # sentence holds a token exactly when it holds a chunk holding it. str.split also splits
        # at the separators U+001C..U+001F, which the token pattern treats as punctuation: a text
        # holding one is tokenized sentence by sentence instead.
        if any(c in text for c in _SPLIT_NOT_SPACE):
            findall = TOKEN.findall
            self._chunks = [findall(text, s.start, s.end) for s in sentences]
            self._parts = {token: [token] for token in set().union(*self._chunks)}
        else:
            # interned: a chunk repeated through the article is held once (memory)
            self._chunks = [list(map(intern, text[s.start:s.end].split())) for s in sentences]
            findall = TOKEN.findall
            self._parts = {chunk: findall(chunk) for chunk in set().union(*self._chunks)}
        self._where: dict[str, list[int]] | None = None
        self._folded: dict[str, list[int]] | None = None
        self._cache: dict[str, set[int]] = {}
        self._ranges: dict[tuple[tuple[str, ...], bool], list[tuple[int, int]]] = {}
        self._sorted: tuple[list[str], list[tuple[str, str]]] | None = None
        self._joined: tuple[str, list[int], list[str]] | None = None
        self._planned: list[list[int]] | None = None

    @property
    def where(self) -> dict[str, list[int]]:
        """Every distinct token, with the sentences (by index) holding it."""
        if self._where is None:
            where: dict[str, list[int]] = defaultdict(list)
            parts = self._parts.__getitem__
            for i, chunks in enumerate(self._chunks):
                for token in set().union(*map(parts, chunks)):
                    where[token].append(i)
            self._where = where
        return self._where

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

    def _by_plan(self, plan: _Plan) -> list[list[int]]:
        """Sentences of every anchor item of the rule set, in one pass over the distinct words."""
        if self._planned is None:
            found: list[list[int]] = [[] for _ in plan.items]
            classify = plan.classify
            # the items of each distinct chunk (through its tokens), then the sentences of the
            # chunks some item wants, narrowed with one set operation per sentence
            wanted: dict[str, set[int]] = {}
            for chunk, tokens in self._parts.items():
                item_ids: set[int] = set()
                for token in tokens:
                    item_ids.update(classify(token))
                if item_ids:
                    wanted[chunk] = item_ids
            where: dict[str, list[int]] = {chunk: [] for chunk in wanted}
            narrow = set(wanted).intersection
            for i, chunks in enumerate(self._chunks):
                for chunk in narrow(chunks):
                    where[chunk].append(i)
            for chunk, item_ids in wanted.items():
                for item_id in item_ids:
                    found[item_id] += where[chunk]
            self._planned = found
        return self._planned

    def _item(self, item: str, ruleset: RuleSet, ignore_case: bool) -> set[int]:
        key = f"{ignore_case}|{item}"
        if key in self._cache:
            return self._cache[key]
        plan = _plan(ruleset)
        item_id = plan.ids.get((item, ignore_case)) if plan is not None else None
        if item_id is not None:
            result = self._cache[key] = set(self._by_plan(plan)[item_id])
            return result
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
        plan = _plan(ruleset)
        ids = plan.group(anchor, ignore_case) if plan is not None else None
        if ids is not None:
            lists = self._by_plan(plan)  # type: ignore[arg-type]
            if len(ids) == 1:
                return sorted(set(lists[ids[0]]))
            found: set[int] = set()
            for item_id in ids:
                found.update(lists[item_id])
            return sorted(found)
        found = set()
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


class _Plan:
    """Every anchor item of a rule set, and which of them each word satisfies.

    A word's items are worked out once and remembered across articles (the
    vocabulary of news repeats), so a short article costs a dictionary lookup
    per distinct word instead of a test of its words against every anchor.
    """

    MEMO_LIMIT = 100_000  # words remembered; the memo starts over beyond this

    def __init__(self, ruleset: RuleSet) -> None:
        self.items: list[tuple[str, bool]] = []
        self.ids: dict[tuple[str, bool], int] = {}
        owners = [(o.spec.anchor, o.spec.ignore_case) for o in [*ruleset.rules, *ruleset.links]]
        owners += [(anchor, link.spec.ignore_case) for link in ruleset.links
                   for _, anchor in getattr(link, "branches", ())]
        for anchor, ignore_case in owners:
            for item in anchor:
                key = (item, ignore_case)
                if key not in self.ids:
                    self.ids[key] = len(self.items)
                    self.items.append(key)
        self.digit: tuple[int, ...] = ()
        tables: dict[str, dict[str, list[int]]] = {
            mode: {} for mode in ("exact", "folded", "suffix", "prefix", "holding")}
        digit: list[int] = []
        for item_id, (item, ignore_case) in enumerate(self.items):
            mode, words = _spec(ruleset, item, ignore_case)
            if mode == "digit":
                digit.append(item_id)
                continue
            for word in words:
                tables[mode].setdefault(word, []).append(item_id)
        self.digit = tuple(digit)
        self.exact, self.folded = tables["exact"], tables["folded"]
        self.affixes = [(mode, tables[mode], sorted({len(w) for w in tables[mode]}))
                        for mode in ("suffix", "prefix", "holding") if tables[mode]]
        self.memo: dict[str, tuple[int, ...]] = {}
        self.groups: dict[tuple[tuple[str, ...], bool], tuple[int, ...] | None] = {}

    def group(self, anchor: Iterable[str], ignore_case: bool) -> tuple[int, ...] | None:
        """The item ids of an anchor, or None when one of its items is not the rule set's."""
        key = (tuple(anchor), ignore_case)
        if key not in self.groups:
            ids = [self.ids.get((item, ignore_case)) for item in key[0]]
            self.groups[key] = None if None in ids else tuple(ids)  # type: ignore[arg-type]
        return self.groups[key]

    def classify(self, token: str) -> tuple[int, ...]:
        """The ids of the items ``token`` satisfies."""
        found = self.memo.get(token)
        if found is not None:
            return found
        ids: set[int] = set(self.exact.get(token, ()))
        folded = token.casefold()
        ids.update(self.folded.get(folded, ()))
        size = len(folded)
        for mode, table, lengths in self.affixes:
            for length in lengths:
                if length > size:
                    break
                if mode == "suffix":
                    ids.update(table.get(folded[size - length:], ()))
                elif mode == "prefix":
                    ids.update(table.get(folded[:length], ()))
                else:
                    for at in range(size - length + 1):
                        ids.update(table.get(folded[at:at + length], ()))
        if token[0].isdigit():
            ids.update(self.digit)
        found = tuple(sorted(ids))
        if len(self.memo) >= self.MEMO_LIMIT:
            self.memo.clear()
        self.memo[token] = found
        return found


def _plan(ruleset: RuleSet) -> _Plan | None:
    """The rule set's anchor plan, built once; None for a bare set of lists (tests)."""
    if not hasattr(ruleset, "rules") or not hasattr(ruleset, "links"):
        return None
    plan = ruleset.__dict__.get("_anchor_plan")
    if plan is None:
        plan = ruleset.__dict__["_anchor_plan"] = _Plan(ruleset)
    return plan


def ranges(indices: list[int], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Text ranges of the chosen sentences (sorted indices), neighbours merged."""
    spans: list[tuple[int, int]] = []
    if not indices:
        return spans
    first = previous = indices[0]
    for i in indices:
        if i > previous + 1:
            spans.append((sentences[first].start, sentences[previous].end))
            first = i
        previous = i
    spans.append((sentences[first].start, sentences[previous].end))
    return spans

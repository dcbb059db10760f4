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

Items are parsed when the rule is compiled (:mod:`claims.ruleset.grammar`); the
anchors of a whole rule set are one ``Plan``, tried on each distinct word once.
The rule's examples run through the same engine, so an anchor that misses what
its rule finds fails the rule's own tests.
"""

from __future__ import annotations

from sys import intern
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from claims.models import Sentence
from claims.ruleset.grammar import TOKEN, AnchorItem

_SPLIT_NOT_SPACE = "\x1c\x1d\x1e\x1f"  # whitespace to str.split, not to the regex module's \\s


class TokenIndex:
    """For each distinct token of the article, the sentences (by index) that hold it."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        # Each sentence as its whitespace-separated chunks (str.split, no regex per word), and
        # each distinct chunk's tokens found once: an article repeats its words, so this is a
        # few thousand regex calls instead of one per token. Tokens never hold whitespace, so a
        # sentence holds a token exactly when it holds a chunk holding it. str.split also splits
        # at the separators U+001C..U+001F, which the token pattern treats as punctuation: a text
        # holding one is tokenized sentence by sentence instead.
        # A chunk's tokens are looked for only where the plan has not seen the chunk before
        # (Plan.classify_chunk); a token is its own only chunk.
        if any(c in text for c in _SPLIT_NOT_SPACE):
            findall = TOKEN.findall
            self._chunks = [findall(text, s.start, s.end) for s in sentences]
        else:
            # interned: a chunk repeated through the article is held once (memory)
            self._chunks = [list(map(intern, text[s.start:s.end].split())) for s in sentences]
        self._distinct: set[str] = set().union(*self._chunks)
        self._where: dict[str, list[int]] | None = None
        self._planned: tuple[Plan, list[list[int]]] | None = None

    @property
    def where(self) -> dict[str, list[int]]:
        """Every distinct token, with the sentences (by index) holding it."""
        if self._where is None:
            where: dict[str, list[int]] = defaultdict(list)
            parts = {chunk: TOKEN.findall(chunk) for chunk in self._distinct}.__getitem__
            for i, chunks in enumerate(self._chunks):
                for token in set().union(*map(parts, chunks)):
                    where[token].append(i)
            self._where = where
        return self._where

    def _by_plan(self, plan: Plan) -> list[list[int]]:
        """Sentences of every anchor item of the plan, in one pass over the distinct words."""
        if self._planned is None or self._planned[0] is not plan:
            found: list[list[int]] = [[] for _ in plan.items]
            classify = plan.classify_chunk
            # the items of each distinct chunk, then the sentences of the chunks some item
            # wants, narrowed with one set operation per sentence
            wanted: dict[str, tuple[int, ...]] = {}
            for chunk in self._distinct:
                item_ids = classify(chunk)
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
            self._planned = (plan, found)
        return self._planned[1]

    def sentences_for(self, anchor: tuple[AnchorItem, ...], plan: Plan) -> list[int]:
        """The sentences (sorted indices) holding a token that one of the anchor's items
        (parsed, as a compiled rule holds them; all of them in ``plan``) looks for."""
        lists = self._by_plan(plan)
        hit = [lists[item_id] for item_id in plan.ids_of(anchor) if lists[item_id]]
        if not hit:  # most anchors of a short article: nothing to sort
            return []
        return sorted(set(hit[0]) if len(hit) == 1 else set().union(*hit))


class Plan:
    """Anchor items, and which of them each word satisfies.

    A word's items are worked out once and remembered across articles (the
    vocabulary of news repeats), so a short article costs a dictionary lookup
    per distinct word instead of a test of its words against every anchor.
    """

    MEMO_LIMIT = 100_000  # words remembered; the memo starts over beyond this

    def __init__(self, anchors: Iterable[tuple[AnchorItem, ...]]) -> None:
        self.items: list[AnchorItem] = []
        self.ids: dict[AnchorItem, int] = {}
        for anchor in anchors:
            for item in anchor:
                if item not in self.ids:
                    self.ids[item] = len(self.items)
                    self.items.append(item)
        tables: dict[str, dict[str, list[int]]] = {
            mode: {} for mode in ("exact", "folded", "suffix", "prefix", "holding")}
        digit: list[int] = []
        for item_id, (mode, words) in enumerate(self.items):
            if mode == "digit":
                digit.append(item_id)
                continue
            for word in words:
                tables[mode].setdefault(word, []).append(item_id)
        self.digit = tuple(digit)
        self.exact, self.folded = tables["exact"], tables["folded"]
        self.affixes = [(mode, tables[mode], sorted({len(w) for w in tables[mode]}))
                        for mode in ("suffix", "prefix") if tables[mode]]
        # parts of words are few: each is looked for in the word, not each slice of the word looked up
        self.parts = list(tables["holding"].items())
        self.memo: dict[str, tuple[int, ...]] = {}
        self.chunk_memo: dict[str, tuple[int, ...]] = {}
        self._anchor_ids: dict[tuple[AnchorItem, ...], tuple[int, ...]] = {}

    def classify_chunk(self, chunk: str) -> tuple[int, ...]:
        """The ids of the items the tokens of ``chunk`` (a whitespace-separated piece of text)
        satisfy, remembered like a token's: an article's chunks are mostly ones seen before."""
        found = self.chunk_memo.get(chunk)
        if found is None:
            tokens = TOKEN.findall(chunk)
            if len(tokens) == 1:  # most chunks are a word
                found = self.classify(tokens[0])
            else:
                ids: set[int] = set()
                for token in tokens:
                    ids.update(self.classify(token))
                found = tuple(ids)
            if len(self.chunk_memo) >= self.MEMO_LIMIT:
                self.chunk_memo.clear()
            self.chunk_memo[chunk] = found
        return found

    def ids_of(self, anchor: tuple[AnchorItem, ...]) -> tuple[int, ...]:
        found = self._anchor_ids.get(anchor)
        if found is None:  # asked for every rule of every article: worked out once
            found = self._anchor_ids[anchor] = tuple(self.ids[item] for item in anchor)
        return found

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
                else:
                    ids.update(table.get(folded[:length], ()))
        for part, part_ids in self.parts:
            if part in folded:
                ids.update(part_ids)
        if token[0].isdigit():
            ids.update(self.digit)
        found = tuple(sorted(ids))
        if len(self.memo) >= self.MEMO_LIMIT:
            self.memo.clear()
        self.memo[token] = found
        return found


def plan_of(ruleset: Any) -> Plan:
    """The rule set's plan of every anchor of its rules, links and link branches, made at its
    first use in the process and kept in the rule set's ``anchor_plan``."""
    if ruleset.anchor_plan is None:
        ruleset.anchor_plan = Plan([*(o.anchor for o in [*ruleset.rules, *ruleset.links]),
                                    *(anchor for link in ruleset.links for _, anchor in link.branches)])
    return ruleset.anchor_plan


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

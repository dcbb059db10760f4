"""The generic engine: run every rule, resolve overlaps, link fields, normalize values.

Nothing here knows a claim kind's language: rules bring the patterns, word
lists bring the vocabulary, and ``values/<kind>.py`` turns matched fields into
the value the spec asks for.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import regex

from claims.errors import PatternTimeout
from claims.engine import anchors, ids, values, watchdog
from claims.engine.anchors import TokenIndex
from claims.models import Article, Claim, Paragraph, Sentence, build
from claims.ruleset.compiler import CompiledRule, RuleSet
from claims.ruleset.grammar import GROUP, LITERAL
from claims.text import segment

_WHITESPACE = regex.compile(r"\s+")
_NEWLINE = regex.compile(r"\n")

# Seconds a single rule may spend on an article: generous for a real article
# (a rule scans 1 MB in well under a second), short enough that a pattern
# that backtracks catastrophically is stopped and named instead of hanging.
TIMEOUT_BASE_SECONDS = 2.0
TIMEOUT_SECONDS_PER_MB = 4.0
# How far past its sentence a match of a sentence-scoped rule may reach: enough for a
# lookahead at the next word ("Jun." before a capital is a name, not June). Scanning further
# is not free: where no match follows, the regex is tried at every position of the margin
# (200 characters cost a fifth of the run time).
LOOKAHEAD_CHARS = 20
# how far back a rule's extend_before may reach from the start of its match
EXTEND_CHARS = 60


@dataclass(slots=True)
class Candidate:
    rule: CompiledRule
    start: int
    end: int
    match: Any  # the rule's match; its fields are rendered only if the candidate is kept
    ruleset: RuleSet
    rendered: dict[str, Any] | None = None

    @property
    def fields(self) -> dict[str, Any]:
        if self.rendered is None:
            rendered: dict[str, Any] = {}
            group = self.match.group
            for key, how, template, list_name in self.rule.renderers:
                if how == GROUP:  # the usual template: {group} or {group|list}
                    text = group(template)
                    if text is not None and list_name:
                        found = self.ruleset.lists[list_name].lookup(text)
                        if found is not None:
                            text = found
                    rendered[key] = text
                elif how == LITERAL:
                    rendered[key] = template
                else:  # literal text and groups mixed: "{sign|figure_signs}{number}"
                    pieces, tail = template
                    parts = []
                    for _, name, list_name in pieces:
                        text = group(name)
                        if text is not None and list_name:
                            found = self.ruleset.lists[list_name].lookup(text)
                            if found is not None:
                                text = found
                        parts.append(text)
                    if all(part is None for part in parts):
                        rendered[key] = None
                    else:
                        rendered[key] = "".join(
                            [literal + ("" if part is None else str(part))
                             for (literal, _, _), part in zip(pieces, parts)]) + tail
            self.rendered = rendered
            self.match = None  # the fields hold what is needed; let the match go
        return self.rendered

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class ValueContext:
    """What a value normalizer may know besides the matched fields."""

    article_date: dt.date | None
    lang: str
    ruleset: RuleSet
    text: str = ""  # the claim's text
    paragraph: int = 0  # the claim's paragraph (1-based; 0 when unknown)
    sentence: int = 0  # the claim's sentence (1-based; 0 when unknown)
    state: dict[str, Any] = field(default_factory=dict)  # carried through the article in order


def _timeout_for(text: str) -> float:
    return TIMEOUT_BASE_SECONDS + TIMEOUT_SECONDS_PER_MB * len(text) / 1_000_000


def _paragraph_ends(sentences: list[Sentence]) -> dict[int, int]:
    """Each sentence's end offset mapped to the end of its paragraph."""
    ends: dict[int, int] = {}
    group: list[int] = []
    for i, sentence in enumerate(sentences):
        if group and sentences[group[0]].paragraph != sentence.paragraph:
            for j in group:
                ends[sentences[j].end] = sentences[group[-1]].end
            group = []
        group.append(i)
    for j in group:
        ends[sentences[j].end] = sentences[group[-1]].end
    return ends


def _paragraph_crossing(sentences: list[Sentence]) -> Callable[[int, int], bool]:
    """Whether a stretch of the text starts in one paragraph and ends in another. A claim of a
    sentence-scoped rule never does: a pattern's blanks (\\s+) run over the blank line between
    a headline that ends in a number and the picture credit below it (sechs / Foto: ...)."""
    starts = [s.start for s in sentences]
    paragraphs = [s.paragraph for s in sentences]

    def crosses(start: int, end: int) -> bool:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        return first != last and first >= 0 and paragraphs[first] != paragraphs[last]
    return crosses


def _windows(rule: CompiledRule, ruleset: RuleSet, text: str, index: TokenIndex,
             sentences: list[Sentence], paragraph_ends: dict[int, int] | None,
             cache: dict[tuple[Any, ...], list[tuple[int, int, int]]]) -> list[tuple[int, int, int]]:
    """(start, end, stop) of each stretch of anchored sentences: matches must start before
    ``end``; the scan runs to ``stop``, a little past it so lookaheads see what follows, as in a
    whole-text scan, or to the paragraph's end for a rule whose matches run over sentences
    (quotes). Rules with the same anchor and scope share them.

    A paragraph-scoped rule scans each paragraph once, from its first anchored sentence: one
    scan per stretch, each to the paragraph's end, would cost the square of a long paragraph
    with many stretches (an apostrophe in every line of a 400 kB text without blank lines).
    What starts between two stretches starts in a sentence without the anchor, which a
    certain anchor rules out."""
    key = (rule.anchor, rule.scope)
    found = cache.get(key)
    if found is None:
        size = len(text)
        # the stretches themselves are not kept: the windows are (memory)
        spans = anchors.ranges(index.sentences_for(rule.anchor, anchors.plan_of(ruleset)), sentences)
        if rule.scope == "paragraph" and paragraph_ends is not None:
            merged: list[tuple[int, int, int, int]] = []
            for start, end in spans:
                paragraph_end = paragraph_ends.get(end, end)
                stop = min(size, max(paragraph_end, end + LOOKAHEAD_CHARS))
                if merged and merged[-1][3] == paragraph_end:  # the same paragraph: one scan
                    merged[-1] = (merged[-1][0], end, stop, paragraph_end)
                else:
                    merged.append((start, end, stop, paragraph_end))
            found = [(start, end, stop) for start, end, stop, _ in merged]
        else:
            found = [(start, end, min(size, end + LOOKAHEAD_CHARS)) for start, end in spans]
        cache[key] = found
    return found


def _scan(rule: CompiledRule, text: str, timeout: float | None,
          windows: list[tuple[int, int, int]] | None) -> Iterator[Any]:
    """The rule's matches: over its windows (see _windows), or, with None, over the whole text."""
    if windows is None:
        yield from rule.regex.finditer(text, timeout=timeout)
        return
    finditer = rule.regex.finditer
    for start, end, stop in windows:
        for m in finditer(text, start, stop, timeout=timeout):
            if m.start() >= end:
                break
            yield m


def find_candidates(text: str, ruleset: RuleSet, rules: list[CompiledRule] | None = None,
                    sentences: list[Sentence] | None = None, index: TokenIndex | None = None
                    ) -> list[Candidate]:
    """Every match of every rule. With ``sentences``, anchored rules scan only their sentences."""
    timeout = _timeout_for(text)
    found: list[Candidate] = []
    if index is None and sentences is not None:
        index = anchors.TokenIndex(text, sentences)
    paragraph_ends = _paragraph_ends(sentences) if sentences is not None else None
    cache: dict[tuple[Any, ...], list[tuple[int, int, int]]] = {}
    # where each rule scans, worked out before the rules' time limits run; a rule whose anchor
    # no sentence holds (most rules on a short article) is passed over at once
    todo: list[tuple[CompiledRule, list[tuple[int, int, int]] | None]] = []
    for rule in rules if rules is not None else ruleset.rules:
        if not rule.anchor or index is None or sentences is None:
            todo.append((rule, None))
            continue
        windows = _windows(rule, ruleset, text, index, sentences, paragraph_ends, cache)
        if windows:
            todo.append((rule, windows))
    with watchdog.limits(timeout) as restart:
        per_call = None if restart is not None else timeout
        for rule, windows in todo:
            try:
                if restart is not None:
                    restart()  # each rule has the whole limit
                has_claim = "claim" in rule.regex.groupindex
                extend = rule.extend
                for m in _scan(rule, text, per_call, windows):
                    start, end = m.span("claim") if has_claim else m.span()
                    if start < 0:  # the rule has a claim group, this match left it out
                        start, end = m.span()
                    if extend is not None:
                        before = extend.search(text, max(0, start - EXTEND_CHARS), start, timeout=per_call)
                        if before is not None:
                            start = before.start()
                    if end > start:
                        found.append(Candidate(rule, start, end, m, ruleset))
            except (TimeoutError, watchdog.Expired):
                raise PatternTimeout(
                    f"rule {rule.id} took longer than {timeout:.0f} s on this text; its pattern "
                    f"probably backtracks catastrophically (nested repetition such as (a+)+)",
                    rule.path, rule.line) from None
    return found


def _overlap_order(cand: Candidate) -> tuple[int, tuple[int, int], int]:
    return (cand.start - cand.end, cand.rule.rank, cand.start)


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Within a kind: the longest span wins, then the higher priority, then a user's rule over a
    built-in one, then the earlier start.

    Suppressing rules take part (so ``Galaxy S25`` can beat ``25``) and are
    dropped afterwards.
    """
    by_kind: dict[str, list[Candidate]] = {}
    for cand in candidates:
        by_kind.setdefault(cand.rule.kind, []).append(cand)
    kept: list[Candidate] = []
    for group in by_kind.values():
        # a user's rule (a later layer) wins a tie with a built-in one
        group.sort(key=_overlap_order)
        taken: list[tuple[int, int]] = []  # sorted, non-overlapping spans
        for cand in group:
            i = bisect.bisect_left(taken, (cand.start, cand.end))
            if i > 0 and taken[i - 1][1] > cand.start:
                continue
            if i < len(taken) and taken[i][0] < cand.end:
                continue
            taken.insert(i, (cand.start, cand.end))
            if not cand.rule.spec.suppress:
                kept.append(cand)
    return kept


def drop_yielding(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a claim lying inside a claim of a kind its rule yields to (``50 Jahre``: date, not figure)."""
    starts: dict[str, list[int]] = {}
    ends: dict[str, list[int]] = {}
    for cand in sorted(candidates, key=lambda c: c.start):  # within a kind, spans do not overlap
        starts.setdefault(cand.rule.kind, []).append(cand.start)
        ends.setdefault(cand.rule.kind, []).append(cand.end)

    def inside(cand: Candidate, kind: str) -> bool:
        i = bisect.bisect_right(starts.get(kind, []), cand.start) - 1
        return i >= 0 and ends[kind][i] >= cand.end

    return [c for c in candidates if not any(inside(c, kind) for kind in c.rule.spec.yield_to)]


class _Locator:
    def __init__(self, text: str, sentences: list[Sentence], paragraphs: list[Paragraph]) -> None:
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.paragraphs = paragraphs

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def sentence_index(self, offset: int) -> int:
        """0-based index of the sentence holding offset (or the one before it)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)


def _display(text: str, masked: bool) -> str:
    if masked:
        return _WHITESPACE.sub(" ", text).strip()
    return text.replace("\r", " ").replace("\n", " ")


def apply_links(claims: list[tuple[Candidate, int]], clean: str, sentences: list[Sentence],
                ruleset: RuleSet, index: TokenIndex | None = None) -> None:
    """Fill empty fields (a quote's speaker) from the claim's sentence or the ones before.

    A link with an ``anchor`` searches only sentences holding one of its tokens; one with
    ``at_claim`` is matched where the claim starts, in its sentence.
    """
    if not ruleset.links or not sentences:
        return
    timeout = _timeout_for(clean)
    plan = anchors.plan_of(ruleset) if index is not None else None

    def where(anchor: tuple[Any, ...]) -> set[int] | None:
        return set(index.sentences_for(anchor, plan)) if index is not None and anchor else None

    allowed = {link.spec.id: where(link.anchor) for link in ruleset.links}
    # a link of branches: each branch with the sentences it may match in
    branches = {link.spec.id: [(rx, where(anchor)) for rx, anchor in link.branches]
                for link in ruleset.links if link.branches}
    # the branches whose one-word values must be known names, by link
    known = {link.spec.id: {id(rx) for (rx, _), b in zip(link.branches, link.spec.branches) if b.known}
             for link in ruleset.links if any(b.known for b in link.spec.branches)}
    # claims of each kind that links fill, by start: what a quote says is no place to look for
    # who said it, so every claim of the link's kind is blanked out of the sentences searched
    linked_kinds = {link.kind for link in ruleset.links}
    spans: dict[str, list[tuple[int, int]]] = {}
    for cand, _ in claims:
        if cand.rule.kind in linked_kinds:
            spans.setdefault(cand.rule.kind, []).append((cand.start, cand.end))
    for found_spans in spans.values():
        found_spans.sort()
    # what earlier claims were given (their names without a reference), for links that inherit;
    # the claims of each kind by sentence, for links that read a field of another kind's claim
    names: dict[int, str] = {}
    earlier: dict[str, list[tuple[int, Candidate]]] = {}
    wanted = {link.spec.from_kind for link in ruleset.links if link.spec.from_kind}
    by_sentence: dict[str, dict[int, list[Candidate]]] = {}
    for cand, sentence_index in claims:
        if cand.rule.kind in wanted:
            by_sentence.setdefault(cand.rule.kind, {}).setdefault(sentence_index, []).append(cand)
    search = _LinkSearch(clean, sentences, ruleset, allowed, branches, spans, names, earlier, by_sentence)
    search.known, search.claims = known, claims
    links_of: dict[str, list[Any]] = {}
    for one in ruleset.links:
        links_of.setdefault(one.kind, []).append(one)
    link = None  # the one running, named when time runs out
    try:
        with watchdog.limit(timeout) as guarded:
            search.timeout = None if guarded else timeout
            for cand, sentence_index in claims:
                kind_links = links_of.get(cand.rule.kind)
                if not kind_links:
                    continue
                reference: tuple[str, str, Any, int | None] | None = None  # (field, what a refers link found, link, where)
                for link in kind_links:
                    spec = link.spec
                    if cand.fields.get(spec.field) not in (None, ""):
                        continue
                    if spec.field not in cand.fields:
                        continue
                    if (spec.refers and reference is not None) or (spec.resolves and reference is None):
                        continue
                    if spec.at_claim:
                        if allowed[spec.id] is not None and sentence_index not in allowed[spec.id]:
                            continue
                        sent = sentences[sentence_index]
                        window = clean[sent.start:sent.end]
                        m = link.regex.match(window, max(cand.start - sent.start, 0), timeout=search.timeout)
                        if m is None:
                            continue
                        for name in link.regex.groupindex:  # one scan fills every field it names
                            if m.group(name) and cand.fields.get(name, 0) in (None, ""):
                                cand.fields[name] = _WHITESPACE.sub(" ", m.group(name)).strip()
                        continue
                    if spec.lead_sentences and sentence_index >= spec.lead_sentences:
                        continue
                    if link.claim_regex is not None and not link.claim_regex.search(
                            clean[cand.start:cand.end], timeout=search.timeout):
                        continue
                    pending = reference[1] if reference is not None and reference[0] == spec.field else None
                    search.pending_at = reference[3] if pending is not None else None
                    found = search.value(link, cand, sentence_index, pending)
                    if found is None:
                        continue
                    if spec.refers:
                        reference = (spec.field, found, spec, search.found_at)
                        continue
                    names[id(cand)] = found
                    cand.fields[spec.field] = f"{found} ({pending})" if pending else found
                    break
                if reference is not None and not cand.fields.get(reference[0]) and reference[2].unresolved == "mention":
                    cand.fields[reference[0]] = reference[1]
                earlier.setdefault(cand.rule.kind, []).append((sentence_index, cand))
    except (TimeoutError, watchdog.Expired):
        named = link or ruleset.links[0]  # time ran out before the first link began: name the first
        raise PatternTimeout(f"link {named.spec.id} took longer than {timeout:.0f} s on this text",
                             named.path, named.line) from None


_WORDS = regex.compile(r"\p{L}+")


class _LinkSearch:
    """Where and how a link looks for a claim's field: a pattern in the claim's sentence and the
    ones before it, an earlier claim of its kind (inherit), a claim of another kind (from_kind)."""

    def __init__(self, clean: str, sentences: list[Sentence], ruleset: RuleSet,
                 allowed: dict[str, set[int] | None], branches: dict[str, list[tuple[Any, set[int] | None]]],
                 spans: dict[str, list[tuple[int, int]]], names: dict[int, str],
                 earlier: dict[str, list[tuple[int, Candidate]]],
                 by_sentence: dict[str, dict[int, list[Candidate]]]) -> None:
        self.clean, self.sentences, self.ruleset = clean, sentences, ruleset
        self.allowed, self.branches, self.spans = allowed, branches, spans
        self.names, self.earlier, self.by_sentence = names, earlier, by_sentence
        self.timeout: float | None = None
        # where the value last found by a pattern starts in the article, and where the pending
        # reference stands: in the claim's own sentence a name after the reference (sie sagte,
        # Anna Berger komme) is no name for it
        self.found_at: int | None = None
        self.pending_at: int | None = None
        self._features: dict[tuple[str, str, bool, bool], frozenset[str]] = {}
        self._word_features: dict[tuple[str, bool, bool], dict[str, tuple[str, ...]]] = {}
        self._other_sentences: dict[tuple[str, int, str | None], Any] = {}
        self.known: dict[str, set[int]] = {}  # link id -> the branches whose one-word values must be known
        self.claims: list[tuple[Candidate, int]] = []
        self.cand: Candidate | None = None  # the claim being linked
        self._known_cache: dict[str, tuple[set[str], int]] = {}  # link id -> (words, claims read)

    def value(self, link: Any, cand: Candidate, sentence_index: int, pending: str | None) -> str | None:
        spec = link.spec
        self.found_at = None
        self.cand = cand
        if spec.inherit:
            return self._inherited(link, sentence_index, pending)
        if spec.from_kind:
            return self._from_claims(link, cand, sentence_index, pending)
        return self._searched(link, cand, sentence_index, pending)

    def _inherited(self, link: Any, sentence_index: int, pending: str | None) -> str | None:
        paragraph = self.sentences[sentence_index].paragraph
        for at, other in reversed(self.earlier.get(link.kind, ())):
            if at < sentence_index - link.spec.sentences_before or self.sentences[at].paragraph != paragraph:
                break
            name = self.names.get(id(other))
            if pending is None:  # the claim before as it stands (Karl Huber (er), or er alone)
                value = other.fields.get(link.spec.field)
                if isinstance(value, str) and value and self._acceptable(link, name or value, name or value, None):
                    return value
            elif name and self._acceptable(link, name, name, pending):
                return name
        return None

    def _from_claims(self, link: Any, cand: Candidate, sentence_index: int, pending: str | None) -> str | None:
        spec = link.spec
        paragraph = self.sentences[sentence_index].paragraph
        for back in range(1 if spec.resolves else 0, spec.sentences_before + 1):
            at = sentence_index - back
            if at < 0 or (spec.resolves and self.sentences[at].paragraph < paragraph - 1):
                break
            others = self.by_sentence.get(spec.from_kind, {}).get(at, ())
            if back == 0:  # the nearest claim, one before the claim first
                # a claim inside the claim's own span is what it says, not who says it (a quote
                # whose words hold an attribution: „Wer zweifelt, stellt ein Risiko dar“)
                others = sorted((o for o in others if not (cand.start <= o.start and o.end <= cand.end)),
                                key=lambda o: (o.start > cand.start, abs(o.start - cand.start)))
            elif not spec.resolves:  # the last one of a sentence before; a reference takes the first
                others = list(reversed(others))
            best, best_score = None, 0
            for other in others:
                found = other.fields.get(spec.from_field)
                if isinstance(found, str) and found.strip():
                    found = _WHITESPACE.sub(" ", found).strip()
                    # the claim's text beside the value speaks for it (Bürgermeisterin Eva Moser)
                    score = self._acceptable(link, found, self.clean[other.start:other.end], pending)
                    if score > best_score:
                        best, best_score = found, score
                        if score == 2 or pending is None:
                            break
            if best is not None:
                return best
        return None

    def _searched(self, link: Any, cand: Candidate, sentence_index: int, pending: str | None) -> str | None:
        spec = link.spec
        paragraph = self.sentences[sentence_index].paragraph
        if spec.sentences_after:  # a link that looks ahead looks only ahead
            steps = list(range(1, spec.sentences_after + 1))
        else:
            steps = [-back for back in range(1 if spec.resolves else 0, spec.sentences_before + 1)]
        for step in steps:
            back, at = -step, sentence_index + step
            if at < 0:
                continue
            if at >= len(self.sentences):
                break
            sent = self.sentences[at]
            if spec.resolves and sent.paragraph < paragraph - 1:
                break
            if self.allowed[spec.id] is not None and at not in self.allowed[spec.id]:
                continue
            if back == 0:
                found = self._in_sentence(link, cand, at, back, pending)
            elif spec.id in self.known:  # what is known depends on the claim: not kept
                found = self._in_sentence(link, None, at, back, pending)
            else:  # another sentence reads the same for every claim: searched once per reference
                key = (spec.id, at, pending)
                found = self._other_sentences.get(key, self)
                if found is self:
                    found = self._other_sentences[key] = self._in_sentence(link, None, at, back, pending)
            if found is not None:
                self.found_at = found[1]
                return found[0]
        return None

    def _in_sentence(self, link: Any, cand: Candidate | None, at: int, back: int,
                     pending: str | None) -> tuple[str, int] | None:
        """The value the link finds in sentence ``at`` (``cand``: the claim, in its own), and
        where it starts in the article."""
        spec = link.spec
        sent = self.sentences[at]
        window, marks = _masked(self.clean, sent, cand, self.spans.get(link.kind, ()))
        if spec.id in self.branches:
            matches: Any = [_search_branches(self.branches[spec.id], at, window, self.timeout)]
        else:
            matches = [link.regex.search(window, timeout=self.timeout)]
        if matches[0] is not None and spec.id in self.known and id(matches[0].re) in self.known[spec.id]:
            matches = self._all_matches(link, at, window)  # the leftmost may be no known name
        elif pending is not None and spec.agree is not None and matches[0] is not None and (
                self._features_of(spec.agree, window, True, False)
                or not self._acceptable(link, _WHITESPACE.sub(" ", matches[0].group(spec.field) or "").strip(),
                                        matches[0].group(0), pending)):
            # every match, leftmost first, until one agrees with the reference; where no word
            # of the sentence carries a feature and the leftmost match may do, it is the one
            matches = self._all_matches(link, at, window)
        best, best_score, best_at = None, 0, 0  # of several matches, one that agrees before one that may
        for m in matches:
            if not m or not m.group(spec.field):
                continue
            found = m.group(spec.field)
            if marks and (_CLAIM_MARK in found or _OTHER_MARK in found):
                found = _unmasked(self.clean, sent, marks, *m.span(spec.field))
            found = _WHITESPACE.sub(" ", found).strip()
            if spec.id in self.known and id(m.re) in self.known[spec.id] and " " not in found \
                    and found.casefold() not in self._known_words(spec):
                continue
            found_at = _original(sent, marks, m.start(spec.field))
            if back == 0 and pending is not None and self.pending_at is not None and found_at > self.pending_at:
                continue
            score = self._acceptable(link, found, m.group(0), pending)
            if score > best_score:
                best, best_score, best_at = found, score, found_at
                if score == 2:
                    break
        return None if best is None else (best, best_at)

    def _known_words(self, spec: Any) -> set[str]:
        """The words of the longer names found before the claim being linked: the fields its
        link's known_from names, of claims that start before it, and the names given to the
        claims of its kind before it.

        Claims are linked in article order and a claim's fields are final once it is linked, so
        the words only grow: each link keeps its set and reads each claim once as the claim
        being linked moves on (reading every earlier claim for every claim cost the square of
        the article's claims)."""
        cand = self.cand
        assert cand is not None
        words, at = self._known_cache.get(spec.id, (set(), 0))
        wanted = [item.partition(".") for item in spec.known_from]
        claims = self.claims
        while at < len(claims) and claims[at][0].start < cand.start:
            other = claims[at][0]
            at += 1
            for kind, _, name in wanted:
                if other.rule.kind != kind:
                    continue
                value = self.names.get(id(other)) if name == spec.field and kind == cand.rule.kind \
                    else other.fields.get(name)
                if isinstance(value, str) and " " in value.strip():
                    words.update(w.casefold() for w in _WORDS.findall(value))
        self._known_cache[spec.id] = (words, at)
        return words

    def _all_matches(self, link: Any, at: int, window: str) -> list[Any]:
        if link.spec.id in self.branches:
            found = [m for rx, where in self.branches[link.spec.id] if where is None or at in where
                     for m in rx.finditer(window, timeout=self.timeout)]
            return sorted(found, key=lambda m: m.start())
        return list(link.regex.finditer(window, timeout=self.timeout))

    def _acceptable(self, link: Any, found: str, context: str, pending: str | None) -> int:
        """How well a value suits the link: 0 not at all (an entry of a not_in list, the pending
        reference's own words, or features that disagree with the reference's), 2 where the words
        of the match carry a feature the reference's carry too (Bürgermeisterin for sie), else 1."""
        spec = link.spec
        for name in spec.not_in:
            if self.ruleset.lists[name].lookup(found) is not None:
                return 0
        if pending is None:
            return 1
        named = {w.casefold() for w in _WORDS.findall(found)}
        if named <= {w.casefold() for w in _WORDS.findall(pending)}:
            return 0  # the reference itself (an attribution of sagte der Arzt: Arzt) names no one
        if spec.agree is None:
            return 1
        wanted = self._features_of(spec.agree, pending, True, True)
        if not wanted:
            return 1
        # on the name's side only the list's words that may speak for a name (Frau, spokeswoman;
        # not an article of another phrase, von der SPD), and endings only outside the name
        # itself (Valentin is no Direktorin)
        at = context.find(found) if found != context else 0
        around = context[:at] + " " + context[at + len(found):] if at >= 0 and found != context else ""
        offered = self._features_of(spec.agree, context, False, False) | \
            self._features_of(spec.agree, around, True, False)
        if not offered:
            return 1
        return 2 if wanted & offered else 0

    def _features_of(self, list_name: str, text: str, endings: bool, reference: bool) -> frozenset[str]:
        """The features the words of ``text`` carry: for a reference every entry, for a name's
        side the entries not marked ``names = false`` and the endings."""
        key = (list_name, text, endings, reference)
        found = self._features.get(key)
        if found is None:
            words, word_endings = _agreement_entries(self.ruleset.lists[list_name])
            memo = self._word_features.setdefault((list_name, endings, reference), {})
            features: set[str] = set()
            for word in _WORDS.findall(text):
                carried = memo.get(word)
                if carried is None:  # each distinct word is looked up once
                    carried = ()
                    folded = word.casefold()
                    if folded in words and (reference or words[folded][1]):
                        carried = tuple(words[folded][0])
                    elif endings:
                        for ending, values in word_endings:
                            if len(folded) > len(ending) + 2 and folded.endswith(ending):
                                carried = tuple(values)
                                break
                    memo[word] = carried
                features.update(carried)
            found = self._features[key] = frozenset(features)
        return found


def _agreement_entries(word_list: Any) -> tuple[dict[str, tuple[list[str], bool]], list[tuple[str, list[str]]]]:
    """An agreement list as whole words (with their features and whether they may speak for a
    name: an entry ``{ features = "m", names = false }`` speaks only for a reference) and endings
    (keys starting with *), read once per list."""
    found = word_list.__dict__.get("_agreement")
    if found is None:
        words: dict[str, tuple[list[str], bool]] = {}
        endings: list[tuple[str, list[str]]] = []
        for key, value in word_list.entries.items():
            names = True
            if isinstance(value, dict):
                names = bool(value.get("names", True))
                value = value.get("features", "")
            values = value.split() if isinstance(value, str) else [str(v) for v in value]
            if key.startswith("*"):
                endings.append((key[1:].casefold(), values))
            else:
                words[key.casefold()] = (values, names)
        endings.sort(key=lambda e: -len(e[0]))  # the longest ending first
        found = word_list.__dict__["_agreement"] = (words, endings)
    return found


_CLAIM_MARK = "\u25a1"  # the claim being linked, where it stands in its own sentence
_OTHER_MARK = "\u25ab"  # another claim of its kind


def _masked(clean: str, sent: Sentence, cand: Candidate | None, spans: Any) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as a link searches it, and where its placeholders stand: the claim being
    linked (``cand``, in its own sentence) as one placeholder, every other claim of its kind as
    another. One placeholder, not a run of blanks: patterns with \\s* around it would otherwise
    backtrack over every blank (quadratic in the quote's length). The second item lists, for each
    placeholder, its offset in the window and how many characters it stands for, so a value found
    across one is read from the text itself (_unmasked)."""
    start, end = sent.start, sent.end
    i = bisect.bisect_left(spans, (start, -1)) if spans else 0
    while i > 0 and spans[i - 1][1] > start:  # a claim from an earlier sentence running into this one
        i -= 1
    pieces: list[str] = []
    marks: list[tuple[int, int]] = []
    at, size = start, 0
    for a, b in (spans[i:] if spans else ((cand.start, cand.end),) if cand is not None else ()):
        if a >= end:
            break
        if b <= start:
            continue
        text = clean[at:max(a, at)]
        pieces.append(text)
        size += len(text)
        stop = max(at, min(b, end))
        marks.append((size, stop - max(a, at)))
        pieces.append(_CLAIM_MARK if cand is not None and (a, b) == (cand.start, cand.end) else _OTHER_MARK)
        size += 1
        at = stop
    pieces.append(clean[at:end])
    return "".join(pieces), marks


def _original(sent: Sentence, marks: list[tuple[int, int]], offset: int) -> int:
    """The article offset of a window's offset."""
    shift = 0
    for at, length in marks:
        if at >= offset:
            break
        shift += length - 1
    return sent.start + offset + shift


def _unmasked(clean: str, sent: Sentence, marks: list[tuple[int, int]], a: int, b: int) -> str:
    """The text of the window's stretch a..b in the article, placeholders restored."""
    return clean[_original(sent, marks, a):_original(sent, marks, b)]


def _search_branches(branches: list[tuple[Any, set[int] | None]], at: int, window: str,
                     timeout: float | None) -> Any:
    """What the alternation of the branches finds in ``window``: the leftmost match, and at the
    same place the earlier branch's; a branch whose anchor sentence ``at`` lacks cannot match."""
    best = None
    for rx, sentences in branches:
        if sentences is not None and at not in sentences:
            continue
        m = rx.search(window, timeout=timeout)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
            if best.start() == 0:  # no later branch can start further left
                break
    return best


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """An extraction allocates tens of thousands of objects and makes no reference cycles, so
    the cyclic collector's passes over them find nothing; they cost 6 % of a long article's run.
    Reference counting still frees everything as usual.

    The collector is the whole process's: with other threads running (a server extracting in
    several), pausing it would leave their cycles uncollected, so it is paused only when the
    extraction is all the process is doing."""
    was_enabled = gc.isenabled()
    if not was_enabled or threading.active_count() > 1:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def run(article: Article, ruleset: RuleSet) -> tuple[list[Claim], list[Paragraph], list[Sentence]]:
    with _cyclic_gc_paused():
        return _run(article, ruleset)


def _run(article: Article, ruleset: RuleSet) -> tuple[list[Claim], list[Paragraph], list[Sentence]]:
    clean = article.clean
    abbreviations = frozenset(ruleset.lists["abbreviations"].entries) \
        if "abbreviations" in ruleset.lists else frozenset()
    paras = segment.paragraphs(clean, article.text)
    starters = frozenset(ruleset.lists["sentence_starters"].entries) \
        if "sentence_starters" in ruleset.lists else frozenset()
    before_numbers = frozenset(ruleset.lists["abbreviations_before_numbers"].entries) \
        if "abbreviations_before_numbers" in ruleset.lists else frozenset()
    sents = segment.sentences(clean, paras, abbreviations, starters, before_numbers)

    index = anchors.TokenIndex(clean, sents)
    crosses = _paragraph_crossing(sents)
    found = [c for c in find_candidates(clean, ruleset, sentences=sents, index=index)
             if c.rule.scope == "paragraph" or not crosses(c.start, c.end)]
    chosen = drop_yielding(resolve_overlaps(found))
    chosen.sort(key=lambda c: (c.start, -c.length))
    locator = _Locator(article.text, sents, paras)
    placed = [(cand, locator.sentence_index(cand.start)) for cand in chosen]
    apply_links(placed, clean, sents, ruleset, index)
    del index, chosen  # the word index is done with; free it before the claims are built

    masked = article.text != clean
    ctx = ValueContext(article_date=article.date, lang=ruleset.lang, ruleset=ruleset)
    claims: list[Claim] = []
    shown: dict[int, str] = {}  # sentences as displayed, once each
    for _, i in placed:
        if sents and i not in shown:
            shown[i] = _display(clean[sents[i].start:sents[i].end], masked)
    normalize, line_col, original = values.normalize, locator.line_col, article.text
    for cand, sentence_index in placed:
        start, end, rule = cand.start, cand.end, cand.rule
        raw = clean[start:end]
        sent = sents[sentence_index] if sents else None
        ctx.text = raw
        ctx.sentence = sent.index if sent else 0
        ctx.paragraph = sent.paragraph if sent else 0
        value = normalize(rule.kind, cand.fields, ctx)
        line, column = line_col(start)
        # build, not validation: the engine builds valid claims itself; validation would cost a
        # third of the run
        claims.append(build(
            Claim, id="",
            kind=rule.kind,  # type: ignore[arg-type]
            text=_display(raw, masked and raw != original[start:end]),
            start=start, end=end, line=line, column=column,
            sentence=shown[sentence_index] if sent else "",
            sentence_start=sent.start if sent else 0,
            paragraph=sent.paragraph if sent else 0,
            value=value, rule=rule.spec.id, hint=rule.spec.hint,
        ))
    ids.assign(claims)
    return claims, paras, sents

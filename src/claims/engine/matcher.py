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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import regex

from claims.errors import PatternTimeout
from claims.engine import anchors, ids, values, watchdog
from claims.engine.anchors import TokenIndex
from claims.models import Article, Claim, Paragraph, Sentence, build
from claims.ruleset.loader import CompiledRule, RuleSet
from claims.text import segment

_TEMPLATE_REF = regex.compile(r"\{([^{}|]+)(?:\|([^{}]+))?\}")
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
            for key, how, template, list_name in _renderers(self.rule):
                if how == _GROUP:  # the usual template: {group} or {group|list}
                    text = group(template)
                    if text is not None and list_name:
                        found = self.ruleset.lists[list_name].lookup(text)
                        if found is not None:
                            text = found
                    rendered[key] = text
                elif how == _LITERAL:
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


_LITERAL, _GROUP, _MIXED = 0, 1, 2


def _renderers(rule: CompiledRule) -> list[tuple[str, int, Any, str | None]]:
    """The rule's value templates sorted by shape once, so rendering a claim's fields is a loop
    of group lookups, not a parse of each template."""
    found = rule.__dict__.get("_renderers")
    if found is None:
        found = []
        for key, template in rule.spec.value.items():
            parsed = _parse_template(template) if isinstance(template, str) else template
            if not isinstance(template, str) or isinstance(parsed, str):
                found.append((key, _LITERAL, parsed, None))
            elif isinstance(parsed[0], str):
                found.append((key, _GROUP, parsed[0], parsed[1]))
            else:
                found.append((key, _MIXED, parsed, None))
        rule.__dict__["_renderers"] = found
    return found


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


_PARSED: dict[str, Any] = {}


def _parse_template(template: str) -> Any:
    """A template's pieces, parsed once: (literal text, group, list) triples, or the template."""
    parsed = _PARSED.get(template)
    if parsed is None:
        refs = list(_TEMPLATE_REF.finditer(template))
        if not refs:
            parsed = template
        elif len(refs) == 1 and refs[0].span() == (0, len(template)):
            parsed = (refs[0].group(1), refs[0].group(2))
        else:
            pieces, last = [], 0
            for ref in refs:
                pieces.append((template[last:ref.start()], ref.group(1), ref.group(2)))
                last = ref.end()
            parsed = (pieces, template[last:])
        _PARSED[template] = parsed
    return parsed


def _resolve(match: Any, group: str, list_name: str | None, ruleset: RuleSet) -> Any:
    text = match.group(group)
    if text is None:
        return None
    if list_name:
        found = ruleset.lists[list_name].lookup(text)
        return found if found is not None else text
    return text


def render_template(template: Any, match: Any, ruleset: RuleSet) -> Any:
    """A value template: a literal, ``{group}`` or ``{group|list}``, or a string mixing them."""
    if not isinstance(template, str):
        return template
    parsed = _parse_template(template)
    if isinstance(parsed, str):
        return parsed
    if isinstance(parsed[0], str):
        return _resolve(match, parsed[0], parsed[1], ruleset)
    pieces, tail = parsed
    parts = [_resolve(match, group, list_name, ruleset) for _, group, list_name in pieces]
    if all(p is None for p in parts):
        return None
    out = []
    for (literal, _, _), part in zip(pieces, parts):
        out.append(literal)
        out.append("" if part is None else str(part))
    out.append(tail)
    return "".join(out)


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
    key = (tuple(rule.spec.anchor), rule.spec.ignore_case, rule.scope)
    found = cache.get(key)
    if found is None:
        size = len(text)
        # the stretches themselves are not kept: the windows are (memory)
        spans = anchors.ranges(index.sentences_for(rule.spec.anchor, ruleset, rule.spec.ignore_case),
                               sentences)
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


def _scan(rule: CompiledRule, ruleset: RuleSet, text: str, timeout: float | None, index: TokenIndex | None,
          sentences: list[Sentence] | None, paragraph_ends: dict[int, int] | None = None,
          cache: dict[tuple[Any, ...], list[tuple[int, int, int]]] | None = None) -> Iterator[Any]:
    """The rule's matches: over its anchored sentences, or over the whole text."""
    if not rule.spec.anchor or index is None or sentences is None:
        yield from rule.regex.finditer(text, timeout=timeout)
        return
    finditer = rule.regex.finditer
    for start, end, stop in _windows(rule, ruleset, text, index, sentences, paragraph_ends,
                                     {} if cache is None else cache):
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
    windows: dict[tuple[Any, ...], list[tuple[int, int, int]]] = {}
    for rule in rules if rules is not None else ruleset.rules:
        try:
            with watchdog.limit(timeout) as guarded:
                per_call = None if guarded else timeout
                has_claim = "claim" in rule.regex.groupindex
                extend = rule.extend
                for m in _scan(rule, ruleset, text, per_call, index, sentences, paragraph_ends, windows):
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
    def where(anchor: list[str], ignore_case: bool) -> set[int] | None:
        return set(index.sentences_for(anchor, ruleset, ignore_case)) if index is not None and anchor else None

    allowed = {link.spec.id: where(link.spec.anchor, link.spec.ignore_case) for link in ruleset.links}
    # a link of branches: each branch with the sentences it may match in
    branches = {link.spec.id: [(rx, where(anchor, link.spec.ignore_case)) for rx, anchor in link.branches]
                for link in ruleset.links if link.branches}
    link = None  # the one running, named when time runs out
    try:
        with watchdog.limit(timeout) as guarded:
            per_call = None if guarded else timeout
            for cand, sentence_index in claims:
                reference: tuple[str, str] | None = None  # (field, what a referring link found)
                for link in ruleset.links:
                    if link.kind != cand.rule.kind or cand.fields.get(link.spec.field) not in (None, ""):
                        continue
                    if link.spec.field not in cand.fields:
                        continue
                    if link.spec.refers and reference is not None:
                        continue
                    if link.spec.at_claim:
                        if allowed[link.spec.id] is not None and sentence_index not in allowed[link.spec.id]:
                            continue
                        sent = sentences[sentence_index]
                        window = clean[sent.start:sent.end]
                        m = link.regex.match(window, max(cand.start - sent.start, 0), timeout=per_call)
                        if m is None:
                            continue
                        for name in link.regex.groupindex:  # one scan fills every field it names
                            if m.group(name) and cand.fields.get(name, 0) in (None, ""):
                                cand.fields[name] = _WHITESPACE.sub(" ", m.group(name)).strip()
                        continue
                    for back in range(0, link.spec.sentences_before + 1):
                        at = sentence_index - back
                        if at < 0:
                            break
                        if allowed[link.spec.id] is not None and at not in allowed[link.spec.id]:
                            continue
                        sent = sentences[at]
                        window = clean[sent.start:sent.end]
                        if back == 0:  # the claim itself is no place to look for its speaker
                            # one placeholder, not a run of blanks: patterns with \s* around it would
                            # otherwise backtrack over every blank (quadratic in the quote's length)
                            a, b = cand.start - sent.start, cand.end - sent.start
                            window = window[:max(a, 0)] + "\u25a1" + window[b:]
                        if link.spec.id in branches:
                            m = _search_branches(branches[link.spec.id], at, window, per_call)
                        else:
                            m = link.regex.search(window, timeout=per_call)
                        if m and m.group(link.spec.field):
                            found = _WHITESPACE.sub(" ", m.group(link.spec.field)).strip()
                            if link.spec.refers:
                                reference = (link.spec.field, found)
                            elif reference is not None and reference[0] == link.spec.field:
                                cand.fields[link.spec.field] = f"{found} ({reference[1]})"
                            else:
                                cand.fields[link.spec.field] = found
                            break
                    if cand.fields.get(link.spec.field):
                        break
                if reference is not None and not cand.fields.get(reference[0]):
                    cand.fields[reference[0]] = reference[1]
    except (TimeoutError, watchdog.Expired):
        named = link or ruleset.links[0]  # time ran out before the first link began: name the first
        raise PatternTimeout(f"link {named.spec.id} took longer than {timeout:.0f} s on this text",
                             named.path, named.line) from None


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
    chosen = drop_yielding(resolve_overlaps(find_candidates(clean, ruleset, sentences=sents, index=index)))
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

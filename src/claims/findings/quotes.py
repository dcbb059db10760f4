"""Checks over quotations: one quotation given twice in different words, or given to two
different speakers.

Two quotations are the same when one holds the other (a short piece of a longer one) or when
most of their words agree in order; a quotation of fewer words than ``min_words`` is left out
(a quoted phrase is no statement). Two speakers are different when neither's surname is among
the other's words (Herr Lee and Lee Jae-yong are one speaker).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from claims.findings.context import Context
from claims.findings.people import _looks_like_name, fold_part, parts_of
from claims.findings.registry import Check, variants
from claims.findings.schema import Section
from claims.findings.values import TOKEN, words
from claims.models import Claim

GROUP_LIMIT = 300  # distinct quotations compared pairwise at most
EXCERPT = 60


class QuoteSection(Section):
    min_words: int = 4  # shorter quotations are not compared (names of works, mottos are short)
    similarity: float = 0.75  # share of words that must agree for two wordings of one quotation


@dataclass
class QuoteCues:
    min_words: int
    similarity: float


def _prepare(section: QuoteSection, prep: Any) -> QuoteCues:
    return QuoteCues(section.min_words, section.similarity)


@dataclass
class Quote:
    claim: Claim
    words: tuple[str, ...]
    speaker: str | None
    text: str  # without its quotation marks
    vocabulary: frozenset[str]  # its distinct words: a pair sharing none is no pair


def _quotes(ctx: Context, cues: QuoteCues) -> list[Quote]:
    """The quotations of at least ``min_words`` words, tokenized once for both checks."""
    cache = ctx.__dict__.setdefault("_quote_list", {})
    if cues.min_words not in cache:
        cache[cues.min_words] = _quotes_now(ctx, cues)
    return cache[cues.min_words]


def _quotes_now(ctx: Context, cues: QuoteCues) -> list[Quote]:
    if not ctx.by_kind["quote"]:
        return []
    out = []
    for claim in ctx.by_kind["quote"]:
        value = claim.value if isinstance(claim.value, dict) else {}
        text = value.get("quote") or claim.text
        found = tuple(w.casefold() for w in TOKEN.findall(str(text)))  # numbers count: 80 or 86 Monate
        if len(found) >= cues.min_words:
            speaker = value.get("speaker")
            out.append(Quote(claim, found, speaker if isinstance(speaker, str) and speaker.strip() else None,
                             " ".join(str(text).split()), frozenset(found)))
    return out


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _relation(a: Quote, b: Quote, cues: QuoteCues) -> str | None:
    """'same' (one holds the other), 'reworded' (most words agree), or None (other quotations)."""
    if a.words == b.words:
        return "same"
    (short, few), (long, many) = sorted(((a.words, a.vocabulary), (b.words, b.vocabulary)),
                                        key=lambda pair: len(pair[0]))
    if few <= many and _contains(long, short):
        return "same"
    if len(short) < cues.min_words or len(short) < 0.6 * len(long):
        return None  # a piece of a longer quotation in other words, or two statements
    if few.isdisjoint(many):
        return None
    matcher = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False)
    if matcher.real_quick_ratio() < cues.similarity or matcher.quick_ratio() < cues.similarity:
        return None
    return "reworded" if matcher.ratio() >= cues.similarity else None


def _same_speaker(ctx: Context, a: str, b: str) -> bool:
    pa, pb = parts_of(ctx, a), parts_of(ctx, b)
    fa, fb = {fold_part(p) for p in pa}, {fold_part(p) for p in pb}
    if not pa or not pb:
        return True
    return fold_part(pa[-1]) in fb or fold_part(pb[-1]) in fa


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _pairs(ctx: Context, cues: QuoteCues) -> list[tuple[Quote, Quote, str]]:
    """(earlier, later, relation) for the quotations that are one quotation twice."""
    key = (cues.min_words, cues.similarity)  # both checks read the same pairs, unless set apart
    cache = ctx.__dict__.setdefault("_quote_pairs", {})
    if key in cache:
        return cache[key]
    quotes = _quotes(ctx, cues)
    pairs: list[tuple[Quote, Quote, str]] = []
    # identical wordings first, in one pass; then the distinct wordings pairwise
    first_of: dict[tuple[str, ...], Quote] = {}
    distinct: list[Quote] = []
    for quote in quotes:
        earlier = first_of.get(quote.words)
        if earlier is None:
            first_of[quote.words] = quote
            distinct.append(quote)
        else:
            pairs.append((earlier, quote, "same"))
    if len(distinct) <= GROUP_LIMIT:
        for j, later in enumerate(distinct):
            vocabulary = later.vocabulary
            for earlier in distinct[:j]:
                if vocabulary.isdisjoint(earlier.vocabulary):
                    continue
                relation = _relation(earlier, later, cues)
                if relation is not None:
                    pairs.append((earlier, later, relation))
    cache[key] = pairs
    return pairs


def _quote_wording(ctx: Context, cues: QuoteCues) -> None:
    reported: set[str] = set()
    for earlier, later, relation in _pairs(ctx, cues):
        if relation == "reworded" and later.claim.id not in reported:
            reported.add(later.claim.id)
            ctx.add("quote-wording", "default", later.claim, [earlier.claim],
                    first=_excerpt(earlier.text), second=_excerpt(later.text))


def _named_beside(ctx: Context, quote: Quote) -> bool:
    """Whether the speaker's surname stands in the quotation's own sentence, outside it: a speaker
    the link found in a sentence around is less sure than two quotations' words are alike."""
    seen = ctx.__dict__.setdefault("_named_beside", {})
    key = id(quote.claim)
    if key not in seen:
        seen[key] = _named_beside_now(ctx, quote)
    return seen[key]


def _named_beside_now(ctx: Context, quote: Quote) -> bool:
    parts = parts_of(ctx, quote.speaker or "")
    if not parts or not _looks_like_name(ctx, parts):
        return False
    start, end = ctx.sentence_span(quote.claim)
    surname = fold_part(parts[-1])
    return any(fold_part(w) == surname for w in words(ctx.text[start:quote.claim.start] + " " +
                                                         ctx.text[quote.claim.end:end]))


def _quote_speakers(ctx: Context, cues: QuoteCues) -> None:
    reported: set[str] = set()
    for earlier, later, _ in _pairs(ctx, cues):
        if earlier.speaker is None or later.speaker is None or later.claim.id in reported:
            continue
        if not (_named_beside(ctx, earlier) and _named_beside(ctx, later)):
            continue
        if not _same_speaker(ctx, earlier.speaker, later.speaker):
            reported.add(later.claim.id)
            ctx.add("quote-speakers", "default", later.claim, [earlier.claim], quote=_excerpt(later.text),
                    first=earlier.speaker, second=later.speaker)


CHECKS = (
    Check("K501", "quote-wording", "One quotation given twice in different words.", "warning", QuoteSection,
          variants(default="first second"), _quote_wording, _prepare),
    Check("K502", "quote-speakers", "One quotation given to two different speakers.", "error", QuoteSection,
          variants(default="quote first second"), _quote_speakers, _prepare),
)

"""Checks over figures: one quantity stated twice with different values, parts in per cent that
add up to more than a whole, and arithmetic the text states that does not hold.

What a figure counts is its unit (CEOs, Prozent); what it is about, its subject, the claims do
not carry: it is derived from the words of its clause (``subject_word`` of the language: for
German its nouns), compared after the language's inflection endings are cut. A change
(von 20 auf 30 Prozent, ein Plus von 20 Prozent), a factor (verdoppelt) and a total with its
parts (insgesamt 120: 50 Männer, 40 Frauen und 20 Kinder) are read from the words between
the figures, which the language names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from claims.findings.context import Context
from claims.findings.registry import Check, variants
from claims.findings.schema import Section
from claims.findings.values import cut_ending, found_in, number, words
from claims.models import Claim

GROUP_LIMIT = 12  # more figures of one unit than this: a table or a list, not statements to compare


def _unit(claim: Claim) -> str | None:
    """A figure's unit (CEOs, Prozent), or a duration's (PTM: minutes)."""
    value = claim.value
    if claim.kind == "date":
        return "P" + value[-1] if isinstance(value, str) else None  # a duration's unit, PTM: minutes
    unit = value.get("unit") if isinstance(value, dict) else None
    return unit if isinstance(unit, str) and unit.strip() else None


def _approx(claim: Claim) -> str | None:
    value = claim.value
    approx = value.get("approx") if isinstance(value, dict) else None
    return approx if isinstance(approx, str) else None


def _in_sentence(ctx: Context) -> dict[int, list[Claim]]:
    """Figure claims by sentence start, in order; with them the durations, which the rules take
    as dates (von 400 auf 280 Minuten: the change ends in a date claim)."""
    cached = getattr(ctx, "_figures_by_sentence", None)
    if cached is None:
        cached = {}
        for claim in ctx.claims:
            kind = claim.kind
            if kind == "figure" or (kind == "date" and str(claim.value)[:1] == "P" and number(claim) is not None):
                cached.setdefault(claim.sentence_start, []).append(claim)
        ctx._figures_by_sentence = cached  # type: ignore[attr-defined]
    return cached


@dataclass(frozen=True)
class Change:
    start: Claim  # von …
    end: Claim  # … auf
    unit: str | None


def _changes(ctx: Context, cues: Any) -> list[Change]:
    """Pairs of figures of one sentence that state a change: <from-word> A <to-word> B (the cues'
    ``from_words`` and ``to_words``)."""
    cached = getattr(ctx, "_changes", None)
    if cached is not None:
        return cached
    out: list[Change] = []
    text = ctx.text
    for figures in _in_sentence(ctx).values():
        for a, b in zip(figures, figures[1:]):
            if b.start - a.end > 12:
                continue  # more than one short word between: no change of A to B
            between = words(text[a.end:b.start])
            if not between and words(b.text):  # the rules took the to-word in: auf 84 Minuten
                between = words(b.text)[:1]
            if len(between) != 1 or between[0].casefold() not in cues.to_words:
                continue
            before = words(text[max(0, a.start - 12):a.start])
            if not before or before[-1].casefold() not in cues.from_words:
                if not words(a.text) or words(a.text)[0].casefold() not in cues.from_words:
                    continue
            out.append(Change(a, b, _unit(b) or _unit(a)))
    ctx._changes = out  # type: ignore[attr-defined]
    return out


def _in_change(ctx: Context, cues: Any) -> set[str]:
    return {c.id for change in _changes(ctx, cues) for c in (change.start, change.end)}


# --------------------------------------------------------------------------- K301 same-quantity


class QuantitySection(Section):
    # endings cut from a unit or a noun before they are compared (CEOs, Besuchern: ceo, besucher)
    endings: list[str] = Field(default_factory=list)
    # units that measure (Euro, Meter, Prozent): their figures must also share a noun of their clause
    measures: list[str] = Field(default_factory=list)
    # a word of a figure's clause that tells what it is about (a noun, for German)
    subject_word: str = r"(?!)"
    # words beside a figure that make it another one than its namesake (weitere, davon, jeweils, pro)
    distinct: list[str] = Field(default_factory=list)
    # … and words anywhere in its clause that put it in another time (Vorjahr, damals, zuvor)
    distinct_clause: list[str] = Field(default_factory=list)
    # words of a change (von … auf …), so that a change's two figures are not one quantity twice
    from_words: list[str] = Field(default_factory=list)
    to_words: list[str] = Field(default_factory=list)


@dataclass
class QuantityCues:
    from_words: frozenset[str]
    to_words: frozenset[str]
    endings: tuple[str, ...]
    measures: frozenset[str]
    subject: Any
    distinct: frozenset[str]
    distinct_clause: frozenset[str]


def _prepare_quantity(section: QuantitySection, prep: Any) -> QuantityCues:
    endings = tuple(sorted((e.casefold() for e in section.endings), key=len, reverse=True))
    return QuantityCues(
        frozenset(prep.words(section.from_words, "same-quantity.from_words")),
        frozenset(prep.words(section.to_words, "same-quantity.to_words")), endings,
        frozenset(cut_ending(w, endings) for w in prep.words(section.measures, "same-quantity.measures")),
        prep.pattern(section.subject_word, "same-quantity.subject_word"),
        frozenset(prep.words(section.distinct, "same-quantity.distinct")),
        frozenset(prep.words(section.distinct_clause, "same-quantity.distinct_clause")))


def _slip(a: float, b: float) -> bool:
    """Two values a writer may have mixed up: close (80 and 85), digits swapped (45 and 54), or a
    zero too many (1.200 and 12.000)."""
    lo, hi = sorted((abs(a), abs(b)))
    if lo == 0:
        return False
    if hi / lo <= 1.25:
        return True
    da, db = f"{a:g}".replace(".", ""), f"{b:g}".replace(".", "")
    if len(da) == len(db) >= 2 and sorted(da) == sorted(db):
        return True
    # one digit of two or more significant ones written wrong (1,2 and 1,7 Millionen); not round
    # figures (400 and 600 are two estimates, not a slip)
    sa, sb = da.rstrip("0"), db.rstrip("0")
    if len(sa) == len(sb) >= 2 and len(da) == len(db) and sum(x != y for x, y in zip(sa, sb)) == 1:
        return True
    ratio = hi / lo
    return abs(ratio - round(ratio)) < 1e-9 and round(ratio) in (10, 100, 1000)


def _approx_agrees(a: Claim, b: Claim) -> bool:
    """rund 80 and 82: an approximate value and one near it say the same."""
    x, y = number(a), number(b)
    loose = {"about", "almost"}
    if x is None or y is None or not ({_approx(a), _approx(b)} & loose):
        return False
    return abs(x - y) <= 0.1 * max(abs(x), abs(y))


def _same_quantity(ctx: Context, cues: QuantityCues) -> None:
    common = ctx.common
    changes = _in_change(ctx, cues)
    groups: dict[str, list[Claim]] = {}
    stems: dict[str, str] = {}
    for claim in ctx.by_kind["figure"]:
        value = claim.value
        unit = value.get("unit") if isinstance(value, dict) else None
        if not isinstance(unit, str) or not unit or claim.id in changes or number(claim) is None \
                or found_in(common.age, claim.text):
            continue
        stem = stems.get(unit)
        if stem is None:
            stem = stems[unit] = cut_ending(unit, cues.endings)
        groups.setdefault(stem, []).append(claim)
    text = ctx.text
    info: dict[str, tuple[frozenset[str], bool]] = {}

    def about(claim: Claim) -> tuple[frozenset[str], bool]:
        """The nouns of the claim's clause, and whether a word makes it another figure."""
        found = info.get(claim.id)
        if found is None:
            left, right = ctx.clause(claim)
            sentence_start, _ = ctx.sentence_span(claim)
            nouns = set()
            for m in cues.subject.finditer(text, left, right):
                if claim.start <= m.start() < claim.end or m.start() <= sentence_start + 1:
                    continue  # the figure's own words; a capital that only starts the sentence
                word = m.group().casefold()
                if word not in ctx.common.stopwords:
                    nouns.add(cut_ending(word, cues.endings))
            # the words around the figure (weitere 85 Besucher, 85 Besucher jährlich), not all of its clause
            before, after = words(text[left:claim.start]), words(text[claim.end:right])
            near = {w.casefold() for w in before[-3:] + words(claim.text) + after[:2]}
            clause = {w.casefold() for w in before + after}
            found = (frozenset(nouns), bool(near & cues.distinct or clause & cues.distinct_clause))
            info[claim.id] = found
        return found

    for unit, figures in groups.items():
        if len(figures) < 2 or len(figures) > GROUP_LIMIT:
            continue
        values = {number(f) for f in figures}
        if len(values) < 2:
            continue
        reported: set[str] = set()
        for j, later in enumerate(figures):
            for earlier in figures[:j]:
                x, y = number(earlier), number(later)
                if x == y or later.id in reported or earlier.sentence_start == later.sentence_start:
                    continue
                if not _slip(x, y) or _approx_agrees(earlier, later):  # type: ignore[arg-type]
                    continue
                nouns_a, distinct_a = about(earlier)
                nouns_b, distinct_b = about(later)
                if distinct_a or distinct_b:
                    continue
                shared = (nouns_a & nouns_b) - {unit}
                alone = len(figures) == 2 and unit not in cues.measures and \
                    max(x, y) / min(x, y) <= 1.25  # type: ignore[type-var, operator]
                if not shared and not alone:
                    continue
                reported.add(later.id)
                ctx.add("same-quantity", "default", later, [earlier], first=earlier.text,
                        second=later.text)


# --------------------------------------------------------------------------- K302 percent-over-100


class PercentSection(Section):
    # a share after one of these words is a change, not a part (um 5 Prozent, ein Plus von 5 Prozent)
    change_before: list[str] = Field(default_factory=list)
    # words in the sentence that make its per cents no parts of one whole (jeweils, gegenüber, Vorjahr)
    not_parts: list[str] = Field(default_factory=list)
    from_words: list[str] = Field(default_factory=list)
    to_words: list[str] = Field(default_factory=list)
    # what may stand between two parts of one list (", die SPÖ auf", " und ")
    between: str = r"(?!)"
    # a part's whole after it (45 Prozent der Befragten): group "whole"
    whole_after: str = r"(?!)"
    # words that announce parts of one whole (der Rest, dagegen): then two shares over 50 cannot be
    parts_words: list[str] = Field(default_factory=list)


@dataclass
class PercentCues:
    from_words: frozenset[str]
    to_words: frozenset[str]
    change_before: frozenset[str]
    not_parts: frozenset[str]
    between: Any
    whole_after: Any
    parts_words: frozenset[str] = frozenset()


def _prepare_percent(section: PercentSection, prep: Any) -> PercentCues:
    return PercentCues(
        frozenset(prep.words(section.from_words, "percent-over-100.from_words")),
        frozenset(prep.words(section.to_words, "percent-over-100.to_words")),
        frozenset(prep.words(section.change_before, "percent-over-100.change_before")),
        frozenset(prep.words(section.not_parts, "percent-over-100.not_parts")),
        prep.pattern(section.between, "percent-over-100.between"),
        prep.pattern(section.whole_after, "percent-over-100.whole_after"),
        frozenset(prep.words(section.parts_words, "percent-over-100.parts_words")))


def _is_percent(ctx: Context, claim: Claim) -> bool:
    unit = _unit(claim)
    return unit is not None and unit.casefold() in ctx.common.percent_units


def _percent_over_100(ctx: Context, cues: PercentCues) -> None:
    text = ctx.text
    changes = _in_change(ctx, cues)
    for figures in _in_sentence(ctx).values():
        shares = [f for f in figures if _is_percent(ctx, f)]
        if len(shares) < 2:
            continue
        start, end = ctx.sentence_span(shares[0])
        sentence_words = {w.casefold() for w in words(text[start:end])}
        if sentence_words & cues.not_parts:
            continue
        run: list[Claim] = []
        runs: list[list[Claim]] = []
        for share in shares:
            before = [w.casefold() for w in words(text[max(start, share.start - 25):share.start])[-2:]]
            own = [w.casefold() for w in words(share.text)[:1]]
            if share.id in changes or set(before + own) & cues.change_before:
                if len(run) >= 2:
                    runs.append(run)
                run = []
                continue
            if run and not cues.between.match(text[run[-1].end:share.start]):
                if len(run) >= 2:
                    runs.append(run)
                run = []
            run.append(share)
        if len(run) >= 2:
            runs.append(run)
        for parts in runs:
            wholes = set()
            for part in parts:
                found = cues.whole_after.match(text, part.end, end)
                if found is not None:
                    wholes.add(found.group("whole").casefold())
            if len(wholes) > 1:
                continue  # 60 Prozent der Männer und 55 Prozent der Frauen: two wholes
            values = [number(p) or 0.0 for p in parts]
            if any(_approx(p) in ("under", "almost", "up_to") for p in parts):
                continue
            if sum(v >= 50 for v in values) >= 2 and not sentence_words & cues.parts_words:
                continue  # two majorities: shares of different things (66 Prozent kennen A, 65 Prozent B)
            total = sum(values)
            if total > 100 + 0.5 * len(parts):
                ctx.add("percent-over-100", "default", parts[-1], parts[:-1],
                        parts=" + ".join(p.text for p in parts), total=ctx.show_number(round(total, 2)))


# --------------------------------------------------------------------------- K303 arithmetic


class ArithmeticSection(Section):
    from_words: list[str] = Field(default_factory=list)  # von (20 auf 30)
    to_words: list[str] = Field(default_factory=list)  # (von 20) auf (30)
    # right before a stated difference: a rise (ein Plus von, ein Anstieg um) or a fall
    rise_before: str = r"(?!)"
    fall_before: str = r"(?!)"
    # verbs of the clause that say the direction of a change (stieg, sank)
    rise_words: list[str] = Field(default_factory=list)
    fall_words: list[str] = Field(default_factory=list)
    # words that say a factor, by their beginning: verdoppel = 2, halbier = 0.5
    factors: dict[str, float] = Field(default_factory=dict)
    # right before a total (insgesamt, zusammen) or right after it
    total_before: str = r"(?!)"
    total_after: str = r"(?!)"
    # between a total and its parts: all of them (120 Besucher: 50 …) or some (davon, darunter)
    parts_all: str = r"(?!)"
    parts_some: str = r"(?!)"
    # between two parts of a list (", " and " und ")
    part_joint: str = r"(?!)"


@dataclass
class ArithmeticCues:
    from_words: frozenset[str]
    to_words: frozenset[str]
    rise_before: Any
    fall_before: Any
    rise_words: Any
    fall_words: Any
    factors: list[tuple[str, float]]
    total_before: Any
    total_after: Any
    parts_all: Any
    parts_some: Any
    part_joint: Any


def _prepare_arithmetic(section: ArithmeticSection, prep: Any) -> ArithmeticCues:
    return ArithmeticCues(
        frozenset(prep.words(section.from_words, "arithmetic.from_words")),
        frozenset(prep.words(section.to_words, "arithmetic.to_words")),
        prep.pattern(rf"(?:{section.rise_before})\Z", "arithmetic.rise_before"),
        prep.pattern(rf"(?:{section.fall_before})\Z", "arithmetic.fall_before"),
        prep.word_pattern(section.rise_words, "arithmetic.rise_words", whole=False),
        prep.word_pattern(section.fall_words, "arithmetic.fall_words", whole=False),
        sorted(((w.casefold(), f) for w, f in section.factors.items()), key=lambda p: -len(p[0])),
        prep.pattern(rf"(?:{section.total_before})\Z", "arithmetic.total_before"),
        prep.pattern(section.total_after, "arithmetic.total_after"),
        prep.pattern(section.parts_all, "arithmetic.parts_all"),
        prep.pattern(section.parts_some, "arithmetic.parts_some"),
        prep.pattern(section.part_joint, "arithmetic.part_joint"))


def _close(stated: float, actual: float, approximate: bool) -> bool:
    tolerance = max(0.5, 0.02 * abs(actual)) if not approximate else max(1.0, 0.1 * abs(actual))
    return abs(stated - actual) <= tolerance


def _show(ctx: Context, value: float) -> str:
    return ctx.show_number(round(value, 2))


def _check_change(ctx: Context, cues: ArithmeticCues, change: Change, figures: list[Claim]) -> None:
    text = ctx.text
    a, b = number(change.start), number(change.end)
    if a is None or b is None:
        return
    start, end = ctx.sentence_span(change.end)
    left, right = ctx.clause(change.start)[0], ctx.clause(change.end)[1]
    # the direction the clause's verb gives
    rises = cues.rise_words.search(text, left, right) is not None
    falls = cues.fall_words.search(text, left, right) is not None
    if rises != falls and b != a and (b > a) != rises:
        verb = (cues.rise_words if rises else cues.fall_words).search(text, left, right).group()
        ctx.add("arithmetic", "direction", change.end, [change.start], start=change.start.text,
                end=change.end.text, verb=verb)
        return
    # a factor word in the clause (verdoppelt)
    for word in words(text[left:right]):
        folded = word.casefold()
        factor = next((f for stem, f in cues.factors if folded.startswith(stem)), None)
        if factor is not None and a:
            actual = b / a
            if abs(actual - factor) > 0.1 * factor:
                ctx.add("arithmetic", "factor", change.end, [change.start], start=change.start.text,
                        end=change.end.text, word=word, actual=_show(ctx, actual))
            return
    # a difference stated after the change in the same sentence (ein Plus von 20 Prozent)
    for stated in figures:
        if stated.start <= change.end.start:
            continue
        rise = cues.rise_before.search(text, max(start, stated.start - 40), stated.start)
        fall = cues.fall_before.search(text, max(start, stated.start - 40), stated.start)
        if rise is None and fall is None:
            continue
        d = number(stated)
        if d is None:
            return
        if (rise is not None and b < a) or (fall is not None and b > a):
            ctx.add("arithmetic", "direction", stated, [change.start, change.end], start=change.start.text,
                    end=change.end.text, verb=(rise or fall).group().strip())
            return
        unit = (_unit(stated) or "").casefold()
        common = ctx.common
        absolute = abs(b - a)
        relative = abs(b - a) / abs(a) * 100 if a else math.inf
        approximate = _approx(stated) is not None or _approx(change.start) is not None \
            or _approx(change.end) is not None
        if unit in common.point_units:
            candidates = [absolute]
        elif unit in common.percent_units:
            change_in_percent = (change.unit or "").casefold() in common.percent_units
            candidates = [relative, absolute] if change_in_percent else [relative]
        else:
            candidates = [absolute]
        if not any(_close(d, c, approximate) for c in candidates):
            ctx.add("arithmetic", "change", stated, [change.start, change.end], start=change.start.text,
                    end=change.end.text, stated=stated.text,
                    actual=" / ".join(_show(ctx, c) + ("" if c is absolute else " %") for c in candidates))
        return


def _check_sums(ctx: Context, cues: ArithmeticCues, figures: list[Claim], changes: set[str]) -> None:
    text = ctx.text
    start, end = ctx.sentence_span(figures[0])
    for i, total in enumerate(figures):
        if total.id in changes or number(total) is None:
            continue
        marked = cues.total_before.search(text, max(start, total.start - 40), total.start) is not None or \
            cues.total_after.match(text[total.end:min(end, total.end + 30)]) is not None
        # parts after the total: insgesamt 120 Besucher: 50 Männer, 40 Frauen und 20 Kinder (all of
        # them: the total must say it is one), 80 Mitglieder, davon 50 Frauen (some of them)
        after = figures[i + 1:]
        if after:
            gap = text[total.end:after[0].start]
            kind = "all" if marked and cues.parts_all.search(gap) else \
                "some" if cues.parts_some.search(gap) else None
            parts = [after[0]]
            for part in after[1:]:
                if not cues.part_joint.match(text[parts[-1].end:part.start]):
                    break
                parts.append(part)
            if kind and len(parts) >= 2:
                _compare_sum(ctx, total, parts, exact=kind == "all")
                continue
        if not marked:
            continue
        # parts before the total: 50 Männer, 40 Frauen und 20 Kinder, insgesamt 120 Besucher
        before = figures[:i]
        if len(before) >= 2:
            parts = [before[-1]]
            for part in reversed(before[:-1]):
                if not cues.part_joint.match(text[part.end:parts[0].start]):
                    break
                parts.insert(0, part)
            gap = text[parts[-1].end:total.start]
            if len(parts) >= 2 and len(words(gap)) <= 2 and "," in gap:
                _compare_sum(ctx, total, parts, exact=True)


def _compare_sum(ctx: Context, total: Claim, parts: list[Claim], exact: bool) -> None:
    t = number(total)
    values = [number(p) for p in parts]
    if t is None or any(v is None for v in values):
        return
    percent = [_is_percent(ctx, c) for c in (total, *parts)]
    if any(percent) and not all(percent[1:]):
        return  # a total in people, its parts in per cent: another sum
    if all(percent[1:]) and not percent[0]:
        return
    s = sum(values)  # type: ignore[arg-type]
    approximate = any(_approx(c) is not None for c in (total, *parts))
    if (exact and not _close(s, t, approximate)) or (not exact and s > t and not _close(s, t, approximate)):
        ctx.add("arithmetic", "sum", total, parts, total=total.text, parts=" + ".join(p.text for p in parts),
                sum=_show(ctx, s))


def _arithmetic(ctx: Context, cues: ArithmeticCues) -> None:
    changes = _changes(ctx, cues)
    by_sentence = _in_sentence(ctx)
    for change in changes:
        _check_change(ctx, cues, change, by_sentence.get(change.end.sentence_start, []))
    in_change = _in_change(ctx, cues)
    for figures in by_sentence.values():
        if len(figures) >= 3 and len(figures) <= 3 * GROUP_LIMIT:
            _check_sums(ctx, cues, figures, in_change)


CHECKS = (
    Check("K301", "same-quantity", "The same quantity stated twice with different values (mehr als 80 CEOs "
          "… 85 CEOs): same unit, same subject.", "warning", QuantitySection,
          variants(default="first second"), _same_quantity, _prepare_quantity),
    Check("K302", "percent-over-100", "Parts of one whole in per cent that add up to more than 100.",
          "error", PercentSection, variants(default="parts total"), _percent_over_100, _prepare_percent),
    Check("K303", "arithmetic", "Arithmetic the text states that does not hold: a change and its difference, "
          "a factor (verdoppelt), a total and its parts, a rise that falls.", "error", ArithmeticSection,
          variants(change="start end stated actual", factor="start end word actual",
                   sum="total parts sum", direction="start end verb"),
          _arithmetic, _prepare_arithmetic),
)

"""Checks over date claims: weekday and date, dates that cannot be, ranges that run backwards,
relative dates beside explicit ones, and tense against the article date.

What is language-specific comes from the language's ``findings.toml``: the weekday names (the
rules' own word list), the words that start and end a range, the relative words, the tense
cues. The comparisons are calendar arithmetic on the claims' TIMEX3 values.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from claims.findings.context import Context
from claims.findings.registry import Check, variants
from claims.findings.schema import Section
from claims.findings.values import (DIGIT, Calendar, days_in_month, found_in, names_year, nearest_day,
                                    week_value, words)
from claims.models import Claim

# --------------------------------------------------------------------------- shared helpers


def _gap(ctx: Context, a: Claim, b: Claim) -> str:
    return ctx.text[a.end:b.start]


def _first_word(claim: Claim) -> str:
    found = words(claim.text)
    return found[0].casefold() if found else ""


# --------------------------------------------------------------------------- K101 weekday-date


class WeekdaySection(Section):
    # the weekday names: words and {lists} mapping each to its ISO number (Monday = 1)
    weekdays: list[str]
    # what may stand between a weekday and the date it names, when they are two claims
    gap: str = r"^[\s,(]*$"


@dataclass
class WeekdayCues:
    pattern: Any
    numbers: dict[str, int]
    names: dict[int, str]
    gap: Any


def _prepare_weekday(section: WeekdaySection, prep: Any) -> WeekdayCues:
    entries = prep.entries(section.weekdays, "weekday-date.weekdays")
    numbers: dict[str, int] = {}
    names: dict[int, str] = {}
    for word, value in entries:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 7:
            from claims.errors import RuleError

            raise RuleError(f"weekday-date.weekdays: {word!r} needs an ISO weekday number (1-7)", prep.path)
        numbers[word.casefold()] = value
        names.setdefault(value, word)
    return WeekdayCues(prep.word_pattern(section.weekdays, "weekday-date.weekdays", whole=False),
                       numbers, names, prep.pattern(section.gap, "weekday-date.gap"))


def _named_weekday(cues: WeekdayCues, text: str) -> int | None:
    """The one weekday a claim's text names (Montag, Dienstagabend), or None (none, or two)."""
    found = {cues.numbers[m.group().casefold()] for m in cues.pattern.finditer(text)}
    return found.pop() if len(found) == 1 else None


def _weekday_date(ctx: Context, cues: WeekdayCues) -> None:
    named_of = {}
    named_text: dict[str, int | None] = {}
    for claim in ctx.by_kind["date"]:
        text = claim.text
        if text not in named_text:
            named_text[text] = _named_weekday(cues, text) if found_in(cues.pattern, text) else 0
        named = named_text[text]
        if named != 0:
            named_of[claim.id] = named
    if not named_of:
        return
    for claim, cal, digit in ctx.dated():
        named = named_of.get(claim.id)
        if named is None:
            continue
        day = cal.date if cal is not None else None
        if day is None:
            continue
        weekday = cues.names[named]
        if day.isoweekday() != named:  # the day it names (or the relative day) is another weekday
            ctx.add("weekday-date", "default", claim, weekday=weekday, date=ctx.show_day(day),
                    actual=cues.names[day.isoweekday()])
            continue
        if digit and ctx.date is not None and cal.month and cal.day \
                and not names_year(claim, day.year):
            # no year in the text: the value took the year in which the weekday fits; the year
            # nearest the article's date is what a reader takes
            near = nearest_day(cal.month, cal.day, ctx.date)
            if near is not None and near != day and near.isoweekday() != named:
                ctx.add("weekday-date", "year", claim, weekday=weekday, date=ctx.show_day(near),
                        actual=cues.names[near.isoweekday()], year=str(day.year))
    # a weekday and its date as two claims: am Montag (18. März), gestern, Montag, …
    for a, b in ctx.neighbours():
        for weekday_claim, other in ((a, b), (b, a)):
            named = named_of.get(weekday_claim.id)
            if named is None or found_in(DIGIT, weekday_claim.text) or other.id in named_of:
                continue
            cal = ctx.calendar(other)
            day = cal.date if cal is not None else None
            if day is None or cal.hour is not None or not cues.gap.match(_gap(ctx, a, b)):
                continue
            if day.isoweekday() != named:
                ctx.add("weekday-date", "default", other, [weekday_claim], weekday=cues.names[named],
                        date=ctx.show_day(day), actual=cues.names[day.isoweekday()])


# --------------------------------------------------------------------------- K102 impossible-date

# Times and dates the rules do not read are searched for in the text itself, up to this length:
# an article is some thousands of characters; a longer text (a book, a compilation of a year's
# articles in one file) has only its claims' values checked.
TEXT_SCAN_LIMIT = 200_000


class ImpossibleSection(Section):
    # a word every clock time holds (Uhr); the text is searched for it, since the rules do not
    # read a time that cannot be; empty: times are not searched
    time_anchor: str = ""
    # the time before the anchor, ending right before it: groups hour and minute
    time_before: str = r"(?!)"
    # a date in digits: groups day, month and (optional) year
    numeric_date: str = r"(?!)"


@dataclass
class ImpossibleCues:
    anchor: str
    time_before: Any
    numeric: Any
    numeric_hint: Any


def _prepare_impossible(section: ImpossibleSection, prep: Any) -> ImpossibleCues:
    import regex

    return ImpossibleCues(section.time_anchor,
                          prep.pattern(rf"(?:{section.time_before})\Z", "impossible-date.time_before"),
                          prep.pattern(section.numeric_date, "impossible-date.numeric_date"),
                          regex.compile(r"\d\d?\.\d\d?\."))


def _month_name(ctx: Context, month: int) -> str:
    return ctx.labels.dates["months"][month - 1]


def _covered(starts: list[int], claims: list[Claim], start: int, end: int) -> bool:
    """Whether a claim holds all of text[start:end] (a claim of a part, 15 Uhr of 27.15 Uhr, does not)."""
    i = bisect.bisect_right(starts, start) - 1
    return 0 <= i < len(claims) and claims[i].start <= start and end <= claims[i].end


def _impossible_value(ctx: Context, claim: Claim, cal: Calendar) -> None:
    if cal.month is not None and not 1 <= cal.month <= 12:
        ctx.add("impossible-date", "month", claim, text=claim.text, month=str(cal.month))
        return
    if cal.month is not None and cal.day is not None:
        days = days_in_month(cal.year, cal.month)
        if cal.day < 1 or cal.day > days:
            if cal.month == 2 and cal.day == 29:
                ctx.add("impossible-date", "leap", claim, text=claim.text, year=str(cal.year))
            else:
                ctx.add("impossible-date", "day", claim, text=claim.text, month=_month_name(ctx, cal.month),
                        days=str(days))
            return
    if cal.hour is not None and (cal.hour > 24 or (cal.minute or 0) > 59 or (cal.hour == 24 and cal.minute)):
        ctx.add("impossible-date", "time", claim, text=claim.text)


def _impossible_date(ctx: Context, cues: ImpossibleCues) -> None:
    for claim, cal, _ in ctx.dated():
        if cal is not None and (cal.month is not None and (cal.month > 12 or (cal.day or 0) > 28 or cal.day == 0
                                                            or cal.month < 1) or cal.hour is not None):
            _impossible_value(ctx, claim, cal)
    text, claims = ctx.text, ctx.claims
    if len(text) > TEXT_SCAN_LIMIT:
        return  # a book or a compilation, no article: only the claims' values are checked
    starts = [c.start for c in claims]
    if cues.anchor:
        at = text.find(cues.anchor)
        while at >= 0:
            found = cues.time_before.search(text, max(0, at - 16), at)
            if found is not None:
                hour, minute = int(found["hour"]), int(found["minute"] or 0)
                if (hour > 24 or minute > 59 or (hour == 24 and minute)) and \
                        not _covered(starts, claims, found.start(), at + len(cues.anchor)):
                    ctx.add("impossible-date", "time", None, at=found.start(),
                            text=text[found.start():at + len(cues.anchor)])
            at = text.find(cues.anchor, at + len(cues.anchor))
    if cues.numeric_hint.search(text) is None:
        return
    for found in cues.numeric.finditer(text):
        day, month = int(found["day"]), int(found["month"])
        year = found["year"]
        full_year = int(year) if year and len(year) == 4 else None
        if 1 <= month <= 12 and 1 <= day <= days_in_month(full_year, month):
            continue
        if _covered(starts, claims, found.start(), found.end("month")) and 1 <= month <= 12:
            continue  # a claim holds it: its value was checked
        at = found.start()
        if not 1 <= month <= 12:
            ctx.add("impossible-date", "month", None, at=at, text=found.group(), month=str(month))
        elif month == 2 and day == 29:
            ctx.add("impossible-date", "leap", None, at=at, text=found.group(), year=str(full_year))
        else:
            ctx.add("impossible-date", "day", None, at=at, text=found.group(), month=_month_name(ctx, month),
                    days=str(days_in_month(full_year, month)))


# --------------------------------------------------------------------------- K103 backwards-range


class RangeSection(Section):
    start: list[str]  # words a range's first date begins with (vom, von, ab)
    end: list[str]  # words its last date begins with (bis, bis zum)
    # what may stand between the two dates; a dash alone also makes a range (25.–28. März)
    gap: str = r"^\s*$"
    dash: str = r"^\s*[-–—]\s*$"
    # or the end word itself, where the rules leave it between the claims (from March 25 to March 23)
    between: str = r"(?!)"


@dataclass
class RangeCues:
    start: frozenset[str]
    end: frozenset[str]
    gap: Any
    dash: Any
    between: Any


def _prepare_range(section: RangeSection, prep: Any) -> RangeCues:
    return RangeCues(frozenset(prep.words(section.start, "backwards-range.start")),
                     frozenset(prep.words(section.end, "backwards-range.end")),
                     prep.pattern(section.gap, "backwards-range.gap"), prep.pattern(section.dash, "backwards-range.dash"),
                     prep.pattern(section.between, "backwards-range.between"))


def _backwards_range(ctx: Context, cues: RangeCues) -> None:
    for a, b in ctx.neighbours():
        gap = _gap(ctx, a, b)
        dashed = cues.dash.match(gap) is not None
        ends = (cues.gap.match(gap) and _first_word(b) in cues.end) or cues.between.match(gap)
        if not dashed and not (ends and _first_word(a) in cues.start):
            continue
        first, last = ctx.calendar(a), ctx.calendar(b)
        if first is None or last is None:
            continue
        if first.year is None and last.year is None and first.month is not None and last.month is not None:
            # no article date, no year: one unknown year for both (vom 25. bis 23. März runs backwards anyway)
            first = Calendar(2000, first.month, first.day, first.hour, first.minute)
            last = Calendar(2000, last.month, last.day, last.hour, last.minute)
        if first.year is None or last.year is None:
            continue
        if first.hour is not None or last.hour is not None:
            continue  # von 22 bis 6 Uhr: clock times run on into the next day
        # a range names its year once: vom 25. bis 28. März 2025, von Januar bis September 2010
        if names_year(b, last.year) and not names_year(a, first.year):
            first = Calendar(last.year, first.month, first.day, None, None)
        elif names_year(a, first.year) and not names_year(b, last.year) and last.month is not None:
            last = Calendar(first.year, last.month, last.day, None, None)
        by_month = first.precision == "month" and last.precision == "month"
        if not (found_in(DIGIT, a.text) and found_in(DIGIT, b.text)) and not by_month:
            continue  # von Montag bis Sonntag: weekdays run on into the next week
        precision = min((first.precision, last.precision), key=("year", "month", "day").index)
        k1, k2 = first.key(precision), last.key(precision)
        if k1 is None or k2 is None or k2 >= k1:
            continue
        if precision != "year" and not names_year(b, last.year) and first.month > last.month:
            # no year at the end: a range over New Year (vom 28. Dezember bis 3. Januar) is fine
            d1 = first.date or dt.date(first.year, first.month, 1)
            d2 = last.date or dt.date(last.year, last.month, 1)
            d2 = d2.replace(year=d2.year + 1) if not (d2.month == 2 and d2.day == 29) else d2
            if 0 <= (d2 - d1).days <= 183:
                continue
        ctx.add("backwards-range", "default", b, [a], start=a.text, end=b.text)


# --------------------------------------------------------------------------- K104 relative-date


class RelativeSection(Section):
    # words that make a date relative to the article's (gestern, heuer, Vorjahr): words and {lists}
    relative: list[str]
    # or a pattern on the claim's text (vor drei Jahren)
    relative_pattern: str = r"(?!)"
    # what may stand between a relative date and the explicit one after it (gestern, am 17. März)
    gap: str = r"^[\s,(]*$"
    # … and between an explicit date and the relative one after it (2019, also vor drei Jahren)
    gap_after: str = r"(?!)"
    # a date beginning with one of these words is a start or an end, not the same time (seit 1958)
    skip: list[str] = Field(default_factory=list)
    # words (and {lists}) whose value counts from the article date: days as a number (gestern = -1),
    # or a unit and a number ("Y -1": Vorjahr); such a word is also read where no claim took it
    offsets: list[str] = Field(default_factory=list)


@dataclass
class RelativeCues:
    words: Any
    pattern: Any
    gap: Any
    gap_after: Any
    skip: frozenset[str]
    offsets: dict[str, tuple[str, int]]  # relative word -> (unit, offset) from the article date
    word_before: Any  # one of those words right before a date, when no claim took it (Morgen, am 3. Mai)


def _offset(value: Any) -> tuple[str, int] | None:
    """A word list's value as a unit and offset: -1 (days: gestern), "Y -1" (Vorjahr)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "D", value
    if isinstance(value, str):
        parts = value.split()
        if len(parts) == 2 and parts[0] in ("D", "M", "Y") and parts[1].lstrip("-").isdigit():
            return parts[0], int(parts[1])
    return None


def _prepare_relative(section: RelativeSection, prep: Any) -> RelativeCues:
    offsets = {}
    for word, value in prep.entries(section.offsets, "relative-date.offsets"):
        found = _offset(value)
        if found is not None:
            offsets.setdefault(word.casefold(), found)
    import regex

    from claims.ruleset.files import _trie_pattern

    before = _trie_pattern(sorted(offsets), ignore_case=True) if offsets else "(?!)"
    return RelativeCues(prep.word_pattern(section.relative, "relative-date.relative", whole=False),
                        prep.pattern(section.relative_pattern, "relative-date.relative_pattern"),
                        prep.pattern(section.gap, "relative-date.gap"),
                        prep.pattern(section.gap_after, "relative-date.gap_after"),
                        frozenset(prep.words(section.skip, "relative-date.skip")), offsets,
                        regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<word>{before})(?P<gap>[\s,(]*)\Z", regex.V0))


def _counted(unit: str, offset: int, article: dt.date) -> Calendar:
    """The day, month or year ``offset`` units from the article date."""
    if unit == "D":
        day = article + dt.timedelta(days=offset)
        return Calendar(day.year, day.month, day.day, None, None)
    if unit == "M":
        index = article.year * 12 + article.month - 1 + offset
        return Calendar(index // 12, index % 12 + 1, None, None, None)
    return Calendar(article.year + offset, None, None, None, None)


def _from_article(cues: RelativeCues, claim: Claim, article: dt.date) -> Calendar | None:
    """The relative claim read from the article date by its word's offset (the value may count
    from a year named before: Vorjahr after „2026“), or None."""
    for word in words(claim.text):
        found = cues.offsets.get(word.casefold())
        if found is not None:
            return _counted(*found, article)
    return None


def _timex(cal: Calendar) -> str:
    if cal.precision == "day":
        return f"{cal.year:04d}-{cal.month:02d}-{cal.day:02d}"
    return f"{cal.year:04d}-{cal.month:02d}" if cal.precision == "month" else f"{cal.year:04d}"


def _agree(a: Calendar, b: Calendar) -> bool:
    precision = min((a.precision, b.precision), key=("year", "month", "day").index)
    return a.key(precision) == b.key(precision)


def _is_relative(cues: RelativeCues, claim: Claim) -> bool:
    return found_in(cues.words, claim.text) or found_in(cues.pattern, claim.text)


def _relative_word_before(ctx: Context, cues: RelativeCues) -> None:
    """A relative word that no claim took, right before an explicit date (Morgen, am 23. März)."""
    ends = ctx.claim_ends()
    text = ctx.text
    for claim, cal_e, digit in ctx.dated():
        if not digit:
            continue
        # the word before the date, past a comma or bracket: a relative one? (cheap, before any pattern)
        j = claim.start
        while j > 0 and claim.start - j < 3 and not text[j - 1].isalnum():
            j -= 1
        k = j
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if text[k:j].casefold() not in cues.offsets or _first_word(claim) in cues.skip:
            continue
        start, _ = ctx.sentence_span(claim)
        found = cues.word_before.search(ctx.text, max(start, claim.start - 24), claim.start)
        if found is None or found.end("word") in ends or not cues.gap.match(found.group("gap")):
            continue
        if cal_e is None or cal_e.year is None or cal_e.hour is not None:
            continue
        word = found.group("word")
        plain = _counted(*cues.offsets[word.casefold()], ctx.date)  # type: ignore[arg-type]
        if not _agree(plain, cal_e):
            ctx.add("relative-date", "default", claim, relative=word, relative_date=ctx.show_date(_timex(plain)),
                    explicit=claim.text, explicit_date=ctx.show_date(claim.value))


def _relative_date(ctx: Context, cues: RelativeCues) -> None:
    if ctx.date is None:
        return
    _relative_word_before(ctx, cues)
    for a, b in ctx.neighbours():
        rel_a, rel_b = _is_relative(cues, a), _is_relative(cues, b)
        if rel_a == rel_b or _first_word(a) in cues.skip or _first_word(b) in cues.skip:
            continue
        if not (cues.gap if rel_a else cues.gap_after).match(_gap(ctx, a, b)):
            continue
        relative, explicit = (a, b) if rel_a else (b, a)
        if not found_in(DIGIT, explicit.text):
            continue
        cal_e = ctx.calendar(explicit)
        if cal_e is None or cal_e.year is None or cal_e.hour is not None:
            continue  # a clock time is no date of its own (heute ab 15 Uhr, am morgigen Sonntag …)
        cal_r = ctx.calendar(relative)
        if cal_r is not None and cal_r.hour is not None:
            continue
        if cal_r is None:
            week = week_value(relative.value)
            day = cal_e.date
            if week is None or day is None or day.isocalendar()[:2] == week:
                continue
        else:
            if cal_r.year is None:
                continue
            precision = min((cal_r.precision, cal_e.precision), key=("year", "month", "day").index)
            if cal_r.key(precision) == cal_e.key(precision):
                continue
            plain = _from_article(cues, relative, ctx.date)
            if plain is not None and _agree(plain, cal_e):
                continue
        ctx.add("relative-date", "default", relative, [explicit], relative=relative.text,
                relative_date=ctx.show_date(relative.value), explicit=explicit.text,
                explicit_date=ctx.show_date(explicit.value))


# --------------------------------------------------------------------------- K105 tense-date


class TenseSection(Section):
    future: list[str]  # words of the future tense or of plans (wird, soll, geplant)
    past: list[str]  # words of the past tense (wurde, war, hatte)
    past_pattern: str = r"(?!)"  # or a pattern for it (hat … gebaut)
    # a date right after one of these words is no time of the clause's event (seit 2019, wie 2019)
    skip_before: list[str] = Field(default_factory=list)
    # in the past tense, a later date after one of these words is a target (auf den 25. März verschoben)
    target_before: list[str] = Field(default_factory=list)
    # right after the date: a participle describing a noun (der 2019 gegründete Verein)
    attributive: str = r"(?!)"
    # a date that labels a noun rather than timing the clause (die Fußball-WM 2006): the text
    # before it, and the date's own text; in the past tense any date after a noun counts (vor der
    # Wahl am 6. April wurde …)
    label_before: str = r"(?!)"
    label: str = r"(?!)"
    # a past clause that announces or plans (kündigte an, … zu kandidieren): a later date is no slip
    past_not: str = r"(?!)"
    # from the clause on to the end of the sentence: a future cue that speaks of the past
    # (soll … erschossen haben: hearsay)
    future_not: str = r"(?!)"
    # how many words before the date the skip_before words are looked for (in its clause)
    skip_window: int = 4
    # a date without a year in the text counts only this close to the article date (days)
    window_days: int = 92


@dataclass
class TenseCues:
    future: Any
    past: Any
    any: Any  # future or past words, in one pattern
    future_words: frozenset[str]
    past_pattern: Any
    skip_before: frozenset[str]
    target_before: frozenset[str]
    attributive: Any
    label_before: Any
    label: Any
    past_not: Any
    future_not: Any
    skip_window: int
    window: int


def _prepare_tense(section: TenseSection, prep: Any) -> TenseCues:
    return TenseCues(prep.word_pattern(section.future, "tense-date.future"),
                     prep.word_pattern(section.past, "tense-date.past"),
                     prep.word_pattern(section.future + section.past, "tense-date"),
                     frozenset(prep.words(section.future, "tense-date.future")),
                     prep.pattern(section.past_pattern, "tense-date.past_pattern"),
                     frozenset(prep.words(section.skip_before, "tense-date.skip_before")),
                     frozenset(prep.words(section.target_before, "tense-date.target_before")),
                     prep.pattern(section.attributive, "tense-date.attributive"),
                     prep.pattern(rf"(?:{section.label_before})\Z", "tense-date.label_before"),
                     prep.pattern(section.label, "tense-date.label"),
                     prep.pattern(section.past_not, "tense-date.past_not"),
                     prep.pattern(section.future_not, "tense-date.future_not"),
                     section.skip_window, section.window_days)


def _side(cal: Calendar, claim: Claim, article: dt.date, window: int) -> int:
    """-1 when the date lies before the article date, 1 after it, 0 the same (at its precision)."""
    year_given = cal.year is not None and names_year(claim, cal.year)
    day = cal.date
    if cal.precision == "day" and day is not None:
        if not year_given and abs((day - article).days) > window:
            return 0
        return (day > article) - (day < article)
    if cal.precision == "month":
        this = (cal.year, cal.month)
        that = (article.year, article.month)
        if not year_given and abs((this[0] - that[0]) * 12 + this[1] - that[1]) > window // 30:
            return 0
        return (this > that) - (this < that)
    return (cal.year > article.year) - (cal.year < article.year)


def _tense_date(ctx: Context, cues: TenseCues) -> None:
    article = ctx.date
    if article is None:
        return
    text = ctx.text
    quotes = sorted((q.start, q.end) for q in ctx.by_kind["quote"])
    quote_starts = [s for s, _ in quotes]
    # the tense words of a sentence, found once: (position, word, future?) in order; the pattern
    # for the past (hat … gebaut) only in a clause that wants a past cue and has no past word
    cues_of: dict[int, list[tuple[int, str, bool]]] = {}
    for claim, cal, digit in ctx.dated():
        if not digit or cal is None or cal.year is None:
            continue  # am Sonntag, am nächsten Tag: worked out from context, maybe from this very tense
        side = _side(cal, claim, article, cues.window)
        if side == 0:
            continue
        start, end = ctx.sentence_span(claim)
        found = cues_of.get(start)
        if found is None:
            found = cues_of[start] = [(m.start(), m.group(), m.group().casefold() in cues.future_words)
                                      for m in cues.any.finditer(text, start, end)]
        if side < 0 and not any(future for _, _, future in found):
            continue
        i = bisect.bisect_right(quote_starts, claim.start) - 1
        if i >= 0 and quotes[i][0] <= claim.start < quotes[i][1]:
            continue  # a quotation keeps the time it was said in
        left, right = ctx.clause(claim)
        inside = [(at, word, future) for at, word, future in found
                  if left <= at < right and not (claim.start <= at < claim.end)]
        future = next((word for _, word, is_future in inside if is_future), None)
        past, past_at = next(((word, at) for at, word, is_future in inside if not is_future), (None, -1))
        if past is None and (side > 0 or future is not None):  # also: soll … angezündet haben
            m = cues.past_pattern.search(text, left, right)
            if m is not None and not (claim.start <= m.start() < claim.end):
                past, past_at = m.group(), m.start()
        if (future is None) == (past is None):
            continue  # no tense, or both (war für den 3. März geplant)
        before = [w.casefold() for w in words(text[left:claim.start])[-cues.skip_window:]] + [_first_word(claim)]
        if any(w in cues.skip_before for w in before):
            continue
        if cues.attributive.match(text, claim.end, right):
            continue
        after_noun = cues.label_before.search(text, max(left, claim.start - 40), claim.start) is not None
        if after_noun and found_in(cues.label, claim.text):
            continue
        if future is not None and side < 0:
            if cues.future_not.search(text, left, end):
                continue
            ctx.add("tense-date", "future", claim, text=claim.text, date=ctx.show_date(claim.value),
                    article_date=ctx.show_day(article), cue=future)
        elif past is not None and side > 0:
            # vor der Wahl am 6. April wurde …: a date after its noun, before the verb, names the
            # noun's event; after the verb (der Saal war am 24. März besetzt) it times the clause
            if any(w in cues.target_before for w in before) or cues.past_not.search(text, left, right) \
                    or (after_noun and past_at > claim.end):
                continue
            ctx.add("tense-date", "past", claim, text=claim.text, date=ctx.show_date(claim.value),
                    article_date=ctx.show_day(article), cue=past)


CHECKS = (
    Check("K101", "weekday-date", "A weekday that does not fit its date (am Montag, dem 18. März 2025).",
          "error", WeekdaySection, variants(default="weekday date actual", year="weekday date actual year"),
          _weekday_date, _prepare_weekday),
    Check("K102", "impossible-date", "A date or time that cannot exist (31. April, 29. Februar 2023, 25.30 Uhr).",
          "error", ImpossibleSection,
          variants(day="text month days", leap="text year", month="text month", time="text"),
          _impossible_date, _prepare_impossible),
    Check("K103", "backwards-range", "A range of dates that ends before it begins (vom 25. bis 23. März).",
          "error", RangeSection, variants(default="start end"), _backwards_range, _prepare_range),
    Check("K104", "relative-date", "A relative date beside an explicit one that says another day or year "
          "(gestern, am 17. März; vor drei Jahren, 2019).", "error", RelativeSection,
          variants(default="relative relative_date explicit explicit_date"), _relative_date, _prepare_relative),
    Check("K105", "tense-date", "Future tense with a date already past at the article date, or past tense "
          "with a date still to come.", "warning", TenseSection,
          variants(future="text date article_date cue", past="text date article_date cue"),
          _tense_date, _prepare_tense),
)

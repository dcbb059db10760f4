"""TIMEX3 values for date claims, computed from the fields a date rule fills.

Nothing here knows a language: rules match the words and map them to the
fields below through word lists (``{group|list}``); this module only does
calendar arithmetic. Every field is optional; a field that is missing, ``null``
or an empty string is ignored. Numbers may be given as digits (``"17"``,
``"2025"``) or as numbers a word list returns.

Calendar fields
    ``year``      four digits (``"2000"``); two digits are read as 19xx/20xx
                  (within 20 years of the article date when there is one).
    ``month``     1-12.
    ``month_day`` ``"MM-DD"`` in one field (fixed holidays from a word list), or a movable
                  feast: ``"E+39"`` days from Easter Sunday (Christi Himmelfahrt), ``"05-08>7"``
                  the first Sunday (ISO weekday 7) on or after 8 May (Muttertag), ``"11-22<3"``
                  the last Wednesday on or before 22 November (Buß- und Bettag).
    ``day``       1-31.
    ``weekday``   ISO weekday, 1 = Monday ... 7 = Sunday.
    ``season``    ``SP``, ``SU``, ``FA``, ``WI`` (``Herbst 2011`` -> ``2011-FA``).
    ``quarter``   1-4 (``2025-Q3``), or ``"last"``: the quarter mentioned last
                  (``Vorjahresquartal``: ``quarter = "last"`` with ``rel = "Y -1"``);
                  without a year, the year that puts the quarter nearest to the
                  article date; without any quarter before, the last full
                  quarter before the article date.
    ``half``      1-2, a half year (``2025-H1``), its year found like a quarter's.
    ``year_end``  the second year of a pair (``1925/26``, ``2013/2014``): the
                  value is then the decade holding both, ``192``, ``201``; a pair
                  across decades keeps its first year (``2019/20``: ``2019``).
    ``decade``    the decade's first year, or its last two digits (``"90"``):
                  ``199``; ``century`` an ordinal century (``19`` -> ``18``).

A fixed value
    ``timex``     the value as written, for what has no date to resolve
                  (a feast day naming a parish: ``XXXX-XX-XX``).

Time fields
    ``hour``, ``minute``  a clock time (``T14:00``).
    ``part``      part of day: ``MO``, ``MI``, ``AF``, ``EV``, ``NI`` (``TEV``).
    ``vague``     set when the clause names its day only vaguely (``vor einigen
                  Tagen``, ``kürzlich``): a time without a day of its own in its
                  sentence then knows the article's month, not the day
                  (``2013-12-XXTMO``).

Tense fields (a rule's reading of the clause around the date, from word lists)
    ``past``      a clear past form (war, wurde, kam, hat ... beschlossen; was, went).
    ``tense``     ``"future"``: a cue of the future (wird, soll, voraussichtlich; will).
    ``wpast``     a weak guess of the past (sagte, teilten; said, -ed), which ``tense`` beats.
                  The reading: ``past``, else ``future``, else ``wpast`` as past, else present
                  when the rule reads tense at all. A weekday without a date or direction is the
                  latest on or before the article date in the past, else the next on or after it
                  (a present is read like the future: ``tritt am Freitag auf``); a day-month, a
                  month, a season or a feast without a year moves to the past or the future side
                  of the article date when its nearest year lies on the other (a day-month or
                  feast only when more than a week off); in the past, a year the text names
                  for it wins (see ``span``); a weekend in the past read on a weekday is the last.
    ``span``      set on an explicit year that starts or ends a span or belongs to an attribute
                  (seit 2010, bis 2020, der 1990 gegründete): it frames no later date. Any other
                  explicit year frames the days, months and quarters without a year after it in
                  its sentence; a month- or day-precise date in another year than the
                  article's frames past-tense ones in the two sentences after it (a story).

Relative fields
    ``rel_unit``   ``D`` day, ``W`` week, ``WE`` weekend, ``M`` month, ``Y`` year,
                   ``DE`` decade, ``CE`` century.
    ``rel_offset`` how many units from the reference (``-1``, ``0``, ``2``).
    ``rel_sign``   multiplies ``rel_offset`` (``vor drei Jahren``: offset 3, sign -1).
    ``rel``        both in one string, ``"Y -1"`` (for words such as "Vorjahr").
    ``week_ordinal`` the n-th week counted from the reference day's week.
    ``week_offset`` a weekday in the article's week plus that many weeks (``am Montag
                   nächster Woche``: ``1``).
    ``weekday_dir`` for a weekday without a date: ``-1`` the last one before the
                   reference, ``1`` the next one after it; otherwise the latest
                   one on or before it (news mostly report what happened).
    ``anchor``     ``"last"``: the reference is the last day-precise date
                   mentioned before in the article (``am Tag darauf``), future
                   ones included;
                   ``"year"``: a year offset (``Y -1``, ``Y 10``) counts from the
                   year named last in this sentence or the one before
                   (``Im Jahr 2024 ... gegenüber dem Vorjahr`` -> 2023), else
                   from the article date; an offset of 0 always means the
                   article's year;
                   ``"last_week"``: the last week value mentioned before.

Duration fields
    ``dur_number`` (a number, or ``X`` when unknown) and ``dur_unit``
    (``Y``, ``M``, ``W``, ``D``, ``H``, ``MIN``, ``DE``, ``CE``, ``WE``):
    ``P2D``, ``P10Y``, ``PT3H``, ``P2DE``. A fraction of a decade or century
    is given in years (``ein halbes Jahrhundert``: ``P50Y``). ``dur_number2`` and ``dur_unit2``
    add a second, smaller part (``einem Jahr und zehn Monaten``: ``P1Y10M``;
    ``zwei Stunden und 30 Minuten``: ``PT2H30M``).

Resolution
    A day and month without a year take the year that puts them nearest to the
    article date (``ctx.article_date``); without an article date the year is
    ``XXXX``. Relative expressions count from the article date. A time or part
    of day without a date of its own is anchored to the last day-precise date
    mentioned before it in the article (kept in a :class:`DateState`) that is not
    after the article date, else to the article date: news report what
    happened, and a future date (``wird auf den 7. Dezember verschoben``) rarely
    governs the times of the sentences after it. A time whose date stands
    right before it (``am kommenden Samstag um 14 Uhr``) gets that date's
    fields from its rule and needs no anchor. Only within one sentence does a
    future date govern a time (``am kommenden Dienstag ... (erster Lauf um
    17.45 Uhr)``, using ``ctx.sentence``): the sentences after it keep the
    rule above, since event listings often give times for the publication day.
    A weekday without a date or direction that falls between the last two
    calendar dates (day and month) mentioned, when they are at most a week apart, is that
    day (``beginnt am Freitag, 26. September, und endet am Sonntag, 28.
    September ... am Samstag``): an announced event's days. A weekday without
    a date or direction after a day in the same sentence that lies ahead (a
    later date, or a weekday read as future) is the first such weekday on or
    after it (``wird von Freitag, 22 Uhr, bis Montag gesperrt``). A clock time soon after
    midnight that follows an evening time of the same day is on the next day (a listing's
    ``bis 0.05`` after ``22.45``), and so are the daytime hours after it until an evening hour
    or another day comes.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, NamedTuple

_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


@dataclass
class DateState:
    """What the dates of an article tell the dates after them: the normalizer's memory across
    the claims of one article, read and written in article order. Sentences are their numbers
    in the article; ``(sentence, x)`` pairs say where ``x`` was named."""

    sentence_now: int | None = None  # the sentence of the claim being resolved
    recent_days: list[dt.date] = field(default_factory=list)  # the last two calendar dates named
    last_any_day: dt.date | None = None  # the last day-precise date, future ones included
    last_day: dt.date | None = None  # the last day-precise date not after the article date
    sentence_day: tuple[int, dt.date] | None = None  # a date named by its day or weekday
    sentence_ahead: tuple[int, dt.date] | None = None  # such a date ahead of the article's
    date_sentence: int | None = None  # the sentence of the last claim with a date of its own
    last_clock: tuple[dt.date, int, bool] | None = None  # day, hour, and whether past midnight
    last_week: str | None = None  # the last week value (2025-W12)
    last_quarter: tuple[int, int] | None = None  # year and quarter named last
    last_half: tuple[int, int] | None = None  # year and half named last
    named_year: tuple[int, int] | None = None  # the year named last
    frame_year: tuple[int, int] | None = None  # a year that frames the dates after it
    story: tuple[int, int, int] | None = None  # sentence, year, paragraph of the last month- or day-precise date


def _state(ctx: Any) -> DateState:
    """The article's date state, kept on the value context (one context per article run)."""
    state = ctx.state.get("date")
    if state is None:
        state = ctx.state["date"] = DateState()
    return state

_DAY_UNITS = {"D"}
_PARTS = {"MO", "MI", "AF", "EV", "NI", "DT"}
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_TENSE_MARGIN = dt.timedelta(days=7)  # article dates and reports run a few days apart
_MONTH_PRECISE = re.compile(r"\d{4}-\d\d")


# The article's language's digit marks (decimal, thousands: [numbers] of its language.toml), set
# by normalize() for the claim at hand; a context variable, so threads extracting articles of
# different languages at once each read their own.
# Without a rule set (a bare call of normalize), a comma is the decimal mark and a dot groups
# thousands: what the date rules' fields held before their language said otherwise.
_MARKS_UNSET = (",", ".")
_MARKS: ContextVar[tuple[str, str]] = ContextVar("date_number_marks", default=_MARKS_UNSET)
_GROUPED: dict[str, Any] = {".": _THOUSANDS}


def _grouped(thousands: str) -> Any:
    found = _GROUPED.get(thousands)
    if found is None:
        found = _GROUPED[thousands] = re.compile(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+")
    return found


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    text = str(value).strip().rstrip(".")
    decimal, thousands = _MARKS.get()
    if decimal in text:
        text = text.replace(thousands, "").replace(decimal, ".")
    elif _grouped(thousands).fullmatch(text):
        text = text.replace(thousands, "")
    if not text:
        return None
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    if value is None:  # most fields of most rules are absent
        return None
    number = _num(value)
    return int(number) if number is not None else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _fmt_number(number: float) -> str:
    if float(number).is_integer():
        return str(int(number))
    return f"{number:g}"


_TIME_UNITS = {"H": "H", "MIN": "M"}
_YEARS_PER = {"DE": 10, "CE": 100}


def _duration(fields: dict[str, Any]) -> str:
    parts = [(_text(fields.get("dur_unit")) or "X", fields.get("dur_number"))]
    unit2 = _text(fields.get("dur_unit2"))
    if unit2 is not None:
        parts.append((unit2, fields.get("dur_number2")))
    dates, times = [], []
    for unit, raw in parts:
        number = _num(raw)
        if number is not None and unit in _YEARS_PER and not float(number).is_integer():
            number, unit = number * _YEARS_PER[unit], "Y"
        count = "X" if number is None else _fmt_number(number)
        if unit in _TIME_UNITS:
            times.append(count + _TIME_UNITS[unit])
        else:
            dates.append(count + unit)
    return "P" + "".join(dates) + ("T" + "".join(times) if times else "")


def _last_full_quarter(ref: dt.date) -> tuple[int, int]:
    year, month = _add_months(ref.year, ref.month, -3)
    return year, (month - 1) // 3 + 1


def _period(fields: dict[str, Any], ctx: Any, key: str, size: int) -> str | None:
    """A quarter (``size`` 3 months) or half year (6) as ``2025-Q3`` / ``2025-H1``."""
    text = _text(fields.get(key))
    if text is None:
        return None
    article = ctx.article_date
    state = _state(ctx)
    letter = "Q" if size == 3 else "H"
    unit, offset = _split_rel(fields)
    if text == "last":
        last = getattr(state, "last_" + key)
        if last is None:
            if article is None:
                return f"XXXX-{letter}X"
            last = _last_full_quarter(article) if size == 3 else (article.year - 1 if article.month <= 6 else article.year, 2 if article.month <= 6 else 1)
        year, number = last
        if unit == "Y" and offset is not None:
            year += offset
        return f"{year:04d}-{letter}{number}"
    number = _int(text)
    if number is None:
        return None
    year = _year(fields, article)
    if year is None and unit == "Y" and offset is not None and article is not None:
        year = article.year + offset
    frame = state.frame_year
    if year is None and frame is not None and frame[0] == getattr(ctx, "sentence", 0):
        year = frame[1]  # das Ergebnis 2015 ... im dritten Quartal: that year's quarter
    if year is None and article is not None:
        year = _nearest_month_year(number * size - size // 2, article)
    if year is None:
        return f"XXXX-{letter}{number}"
    setattr(state, "last_" + key, (year, number))
    return f"{year:04d}-{letter}{number}"


def _year(fields: dict[str, Any], ref: dt.date | None) -> int | None:
    text = _text(fields.get("year"))
    if text is None:
        return None
    year = _int(text.lstrip("'’"))
    if year is None:
        return None
    if year < 100:
        base = ref.year if ref else 2000
        century = base - base % 100
        year = century + year
        if year > base + 20:
            year -= 100
    return year


def _year_pair(year: int, end: int | None) -> str:
    """``1925/26``: TIMEX3 has no span, so the decade holding both years (``192``); a pair
    across decades (``2019/20``) keeps its first year: a century says less than either year."""
    if end is None:
        return f"{year:04d}"
    if end < 100:
        end += year - year % 100
        if end < year:
            end += 100
    if not 0 < end - year <= 10:
        return f"{year:04d}"
    if year // 10 == end // 10:
        return f"{year // 10:03d}"
    return f"{year:04d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_day(month: int, day: int, ref: dt.date, weekday: int | None) -> dt.date | None:
    best: tuple[int, dt.date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        date = _safe_date(year, month, day)
        if date is None:
            continue
        distance = abs((date - ref).days)
        if weekday is not None and date.isoweekday() != weekday:
            distance += 10_000  # a weekday that fits the year beats a nearer one that does not
        if best is None or distance < best[0]:
            best = (distance, date)
    return best[1] if best else None


def _nearest_month_year(month: int, ref: dt.date) -> int:
    diff = month - ref.month
    if diff > 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _week(date: dt.date) -> str:
    iso = date.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _weekday(weekday: int, ref: dt.date, direction: int | None) -> dt.date:
    delta = (ref.isoweekday() - weekday) % 7  # days back to the latest such weekday, 0 = today
    if direction is not None and direction > 0:
        ahead = (weekday - ref.isoweekday()) % 7 or 7
        return ref + dt.timedelta(days=ahead)
    if direction is not None and direction < 0 and delta == 0:
        delta = 7
    return ref - dt.timedelta(days=delta)


def _remember_calendar_day(state: DateState, date: dt.date | None) -> None:
    """The last two calendar dates (day and month) mentioned: a possible event's span."""
    if date is None:
        return
    recent = state.recent_days
    if not recent or recent[-1] != date:
        recent.append(date)
        del recent[:-2]


def _weekday_in_span(weekday: int, state: DateState) -> dt.date | None:
    """The weekday between the last two day-precise dates mentioned, at most a week apart."""
    days = state.recent_days
    if len(days) < 2:
        return None
    first, last = min(days[-2:]), max(days[-2:])
    if not 0 < (last - first).days <= 7:
        return None
    day = first
    while day <= last:
        if day.isoweekday() == weekday:
            return day
        day += dt.timedelta(days=1)
    return None


def _past_midnight(base: dt.date, hour: int | None, state: DateState, dated: bool = False) -> dt.date:
    """A clock time soon after midnight that follows an evening time of the same day belongs to
    the next day (a programme ``bis 0.05`` after ``22.45``; ``um 23 Uhr ... gegen 2 Uhr``), and
    so do the daytime hours after it, until an evening hour returns to the day's own evening (a
    listing's next programme) or another day is named. A time with its own date only sets the
    clock."""
    if hour is None:
        return base
    last = state.last_clock
    shifted = False
    if not dated and last is not None and last[0] == base:
        shifted = last[2]
        if not shifted and hour < 6 and last[1] >= 18:
            shifted = True
        elif shifted and hour >= 18:
            shifted = False
    state.last_clock = (base, hour, shifted)
    return base + dt.timedelta(days=1) if shifted else base


def _relative(unit: str, offset: int, fields: dict[str, Any], ref: dt.date | None,
              state: DateState) -> tuple[str, dt.date | None]:
    """A value counted from the reference; the date when the value is day-precise."""
    month = _int(fields.get("month"))
    day = _int(fields.get("day"))
    named = _named_year(fields, state) if offset and unit in ("Y", "DE") else None
    if named is not None and offset < 0 and ref is not None and named > ref.year:
        # a target ahead (Investitionen bis 2030 … Im Vorjahr) counts nothing back; a projection
        # told back from a future year (2027 fertig, ein Jahr zuvor …) then counts from the article
        # too: news name future years as targets far more often than as a story's frame
        named = None
    if named is not None:  # zehn Jahre später, zwei Jahrzehnte danach: from the year named
        if unit == "DE":
            unit, offset = "Y", offset * 10
        ref = dt.date(named, 1, 1)
    if unit in _DAY_UNITS:
        if ref is None:
            return "XXXX-XX-XX", None
        date = ref + dt.timedelta(days=offset)
        return date.isoformat(), date
    if unit in ("W", "WE"):
        if ref is None:
            return ("XXXX-WXX-WE" if unit == "WE" else "XXXX-WXX"), None
        if unit == "WE" and offset == 0 and _tense(fields) == "past" and ref.isoweekday() < 6:
            offset = -1  # am Wochenende kamen viele Gäste, read on a weekday: the last weekend
        week = _week(ref + dt.timedelta(weeks=offset))
        state.last_week = week
        return (week + "-WE" if unit == "WE" else week), None
    if unit == "M":
        if ref is None:
            return "XXXX-XX", None
        year, month_ = _add_months(ref.year, ref.month, offset)
        return f"{year:04d}-{month_:02d}", None
    if unit == "DE":
        if ref is None:
            return "XXX", None
        return f"{(ref.year // 10 + offset):03d}", None
    if unit == "CE":  # im vorigen Jahrhundert: the century as TIMEX3 writes it (19 for the 1900s)
        if ref is None:
            return "XX", None
        return f"{(ref.year // 100 + offset):02d}", None
    # years, possibly with a month and day of their own (Juli dieses Jahres)
    if ref is None:
        year_text = "XXXX"
        year = None
    else:
        year = ref.year + offset
        year_text = f"{year:04d}"
    season = _text(fields.get("season"))
    if month is not None:
        if day is not None:
            date = _safe_date(year, month, day) if year is not None else None
            return f"{year_text}-{month:02d}-{day:02d}", date
        return f"{year_text}-{month:02d}", None
    if season:
        if year is not None and offset and named is None and season in _SEASON_START:
            year = _season_year(season, offset, ref)
            year_text = f"{year:04d}"
        return f"{year_text}-{season}", None
    return year_text, None


def _season_year(season: str, offset: int, ref: dt.date) -> int:
    """The year of the season ``offset`` occurrences away: the coming autumn, read in January, is
    this year's; the last one is last year's unless this year's is already over. A winter is the
    year it begins in (December)."""
    start = _SEASON_START[season]
    if offset > 0:  # the next one not yet begun
        first = ref.year if ref.month < start else ref.year + 1
        return first + offset - 1
    # the last one already over (a season lasts three months)
    over = ref.year if ref.month > start + 2 else ref.year - 1
    if start + 2 > 12 and ref.month <= start + 2 - 12:  # in January or February: last winter is still on
        over = ref.year - 2
    return over + offset + 1


def _named_year(fields: dict[str, Any], state: DateState) -> int | None:
    """The year named last in this sentence or the one before, for ``anchor = "year"``."""
    if _text(fields.get("anchor")) != "year":
        return None
    last = state.named_year
    sentence = state.sentence_now
    if last is None or sentence is None or not 0 <= sentence - last[0] <= 1:
        return None
    return last[1]


def _tense(fields: dict[str, Any]) -> str | None:
    """The clause's tense from the cues a rule found: ``past`` (a clear past form), ``future``
    (a cue of the future), a weak guess of the past (``wpast``), else present; ``None`` when the
    rule reads no tense at all. A present is read like the future (HeidelTime's
    PRESENTFUTURE): ``tritt am Freitag auf`` is the coming Friday."""
    if _text(fields.get("past")):
        return "past"
    if _text(fields.get("tense")):  # a future cue: its list value or, from a link, the word
        return "future"
    if _text(fields.get("wpast")):
        return "past"
    return "present" if "past" in fields else None


def _context_year(fields: dict[str, Any], ctx: Any) -> int | None:
    """The year the text gives a day or month without one, in a clause in the past tense (CLAIMS.md
    Values: a year named in the same clause or for the same event beats the nearest year): a year
    named earlier in the same sentence (1945 kapitulierte ... am 8. Mai), else the year of a
    story told just before (the last date of month or day precision, at most two sentences back
    in the same paragraph, in another year than the article's: am 7. Mai 1945 ... Am 8. Mai ...).
    The caller keeps it only when the date is not after the article's."""
    if _tense(fields) != "past":
        return None
    state, sentence = _state(ctx), getattr(ctx, "sentence", 0)
    frame = state.frame_year
    if frame is not None and frame[0] == sentence:
        return frame[1]
    story = state.story
    # a new paragraph goes back to the article's own time (… collapsed in March 2024.¶ A jury
    # convicted him in June: this June), a story goes on within its paragraph
    if story is not None and 0 < sentence - story[0] <= 2 and story[1] != ctx.article_date.year \
            and story[2] == getattr(ctx, "paragraph", 0):
        return story[1]
    return None


_FEAST = re.compile(r"E[+-]\d+$|(\d\d)-(\d\d)([<>])([1-7])$")


def _feast(spec: str, year: int) -> dt.date | None:
    """A movable feast's date in ``year``: Easter from dateutil (the Gregorian computus; imported
    only when a feast is named, so a cold start does not pay for it), weekdays counted from a day."""
    if spec.startswith("E"):
        from dateutil.easter import easter  # a well-kept computus beats our own

        return easter(year) + dt.timedelta(days=int(spec[1:]))
    match = _FEAST.match(spec)
    base = _safe_date(year, int(match.group(1)), int(match.group(2)))
    if base is None:
        return None
    weekday = int(match.group(4))
    if match.group(3) == ">":
        return base + dt.timedelta(days=(weekday - base.isoweekday()) % 7)
    return base - dt.timedelta(days=(base.isoweekday() - weekday) % 7)


def _feast_value(spec: str, year: int | None, fields: dict[str, Any], ctx: Any) -> tuple[str, dt.date | None]:
    """A movable feast: in the year named, else the one nearest the article date, moved by the
    tense like a day and month (zu Ostern wurde gefeiert, read in December: last Easter)."""
    article = ctx.article_date
    if year is None and article is None:
        return "XXXX-XX-XX", None
    if year is not None:
        date = _feast(spec, year)
    else:
        candidates = [d for d in (_feast(spec, article.year + k) for k in (-1, 0, 1)) if d is not None]
        date = min(candidates, key=lambda d: abs((d - article).days))
        tense = _tense(fields)
        if tense == "past" and date > article + _TENSE_MARGIN:
            date = _feast(spec, date.year - 1) or date
        elif tense == "future" and date < article - _TENSE_MARGIN:
            date = _feast(spec, date.year + 1) or date
    if date is None:
        return "XXXX-XX-XX", None
    _remember_calendar_day(_state(ctx), date)
    return date.isoformat(), date


def _tense_year(date: dt.date, tense: str | None, article: dt.date) -> dt.date:
    """A day and month without a year, nearest to the article, moved a year when the tense says
    the other side: a finished event is not weeks ahead (am 20. September wurde er gewählt, read
    in March), an announced one not weeks back (am 3. Januar soll eröffnet werden, read in July)."""
    if tense == "past" and date > article + _TENSE_MARGIN:
        return _safe_date(date.year - 1, date.month, date.day) or date
    if tense == "future" and date < article - _TENSE_MARGIN:
        return _safe_date(date.year + 1, date.month, date.day) or date
    return date


def _split_rel(fields: dict[str, Any]) -> tuple[str | None, int | None]:
    unit = _text(fields.get("rel_unit"))
    offset = _num(fields.get("rel_offset"))
    combined = _text(fields.get("rel"))
    if combined:
        parts = combined.split()
        if len(parts) == 2:
            unit, offset = parts[0], _num(parts[1])
    if unit is None:
        return None, None
    if offset is None:
        return None, None
    sign = _num(fields.get("rel_sign"))
    if sign is not None:
        offset = offset * sign
    return unit, int(offset)


def _reference(fields: dict[str, Any], ctx: Any) -> dt.date | None:
    state = _state(ctx)
    if _text(fields.get("anchor")) == "last" and state.last_any_day is not None:
        return state.last_any_day
    return ctx.article_date


def _time_suffix(fields: dict[str, Any]) -> str:
    hour = _int(fields.get("hour"))
    if hour is not None:
        minute = _int(fields.get("minute")) or 0
        return f"T{hour:02d}:{minute:02d}"
    part = _text(fields.get("part"))
    if part and part.upper() in _PARTS:
        return "T" + part.upper()
    return ""


def _date_value(fields: dict[str, Any], ctx: Any) -> tuple[str | None, dt.date | None]:
    """The date part of the value and, when day-precise, the date itself: the first resolver
    whose fields the rule filled answers (a quarter or half, a relative expression, a counted
    week, else the calendar fields)."""
    for resolve in (_resolve_period, _resolve_relative, _resolve_week, _resolve_calendar):
        found = resolve(fields, ctx)
        if found is not None:
            return found
    return None, None


_Value = tuple[str | None, dt.date | None]


def _resolve_period(fields: dict[str, Any], ctx: Any) -> _Value | None:
    for key, size in (("quarter", 3), ("half", 6)):
        period = _period(fields, ctx, key, size)
        if period is not None:
            return period, None
    return None


def _resolve_relative(fields: dict[str, Any], ctx: Any) -> _Value | None:
    unit, offset = _split_rel(fields)
    if unit == "Y" and _text(fields.get("year")) and fields.get("month") is None:
        unit = None  # im vergangenen Jahr 2023: the year named, not the one counted
    if unit is not None and offset is not None:
        return _relative(unit, offset, fields, _reference(fields, ctx), _state(ctx))
    return None


def _resolve_week(fields: dict[str, Any], ctx: Any) -> _Value | None:
    article = ctx.article_date
    state = _state(ctx)
    ordinal = _int(fields.get("week_ordinal"))
    if ordinal is not None:
        base = state.last_any_day or article
        if base is None:
            return "XXXX-WXX", None
        week = _week(base + dt.timedelta(weeks=ordinal - 1))
        state.last_week = week
        return week, None
    if _text(fields.get("anchor")) == "last_week":
        last = state.last_week
        base = state.last_any_day or article
        if last:
            year, week = last.split("-W")
            base = dt.date.fromisocalendar(int(year), int(week), 1)
        if base is None:
            return "XXXX-WXX", None
        step = _int(fields.get("week_step"))
        week_text = _week(base + dt.timedelta(weeks=1 if step is None else step))
        state.last_week = week_text
        return week_text, None
    return None


class _Calendar(NamedTuple):
    """The calendar fields of a date, read once for the calendar resolvers."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    season: str | None
    back: bool  # a direction back from the article (seit August, last January)


def _resolve_calendar(fields: dict[str, Any], ctx: Any) -> _Value | None:
    year = _year(fields, ctx.article_date)
    month = _int(fields.get("month"))
    day = _int(fields.get("day"))
    month_day = _text(fields.get("month_day"))
    if month_day and _FEAST.match(month_day):
        return _feast_value(month_day, year, fields, ctx)
    if month_day and "-" in month_day:
        month, day = (_int(part) for part in month_day.split("-", 1))
    cal = _Calendar(year, month, day, _int(fields.get("weekday")), _text(fields.get("season")),
                    (_int(fields.get("month_dir")) or 0) < 0)
    for resolve in (_resolve_day_month, _resolve_month, _resolve_season, _resolve_year,
                    _resolve_weekday, _resolve_lone_day):
        found = resolve(cal, fields, ctx)
        if found is not None:
            return found
    return None


def _resolve_day_month(cal: _Calendar, fields: dict[str, Any], ctx: Any) -> _Value | None:
    year, month, day = cal.year, cal.month, cal.day
    if month is None or day is None:
        return None
    article, state = ctx.article_date, _state(ctx)
    if year is None and cal.back and article is not None:
        date = _safe_date(article.year, month, day)
        if date is not None and date > article:
            date = _safe_date(article.year - 1, month, day)
        if date is not None:
            _remember_calendar_day(state, date)
            return date.isoformat(), date
    if year is not None:
        date = _safe_date(year, month, day)
        _remember_calendar_day(state, date)
        return f"{year:04d}-{month:02d}-{day:02d}", date
    if article is None:
        return f"XXXX-{month:02d}-{day:02d}", None
    told = _context_year(fields, ctx)
    date = _safe_date(told, month, day) if told is not None else None
    if date is not None and date <= article:
        _remember_calendar_day(state, date)
        return date.isoformat(), date
    date = _nearest_day(month, day, article, cal.weekday)
    if date is None:
        return f"XXXX-{month:02d}-{day:02d}", None
    date = _tense_year(date, _tense(fields), article)
    _remember_calendar_day(state, date)
    return date.isoformat(), date


def _resolve_month(cal: _Calendar, fields: dict[str, Any], ctx: Any) -> _Value | None:
    year, month, article = cal.year, cal.month, ctx.article_date
    if month is None:
        return None
    if year is None:
        if article is None:
            return f"XXXX-{month:02d}", None
        # a direction (seit August, last January) counts from the article, as for a day-month
        told = None if cal.back else _context_year(fields, ctx)
        if told is not None and (told, month) <= (article.year, article.month):
            return f"{told:04d}-{month:02d}", None
        year = _nearest_month_year(month, article)
        tense = _tense(fields)
        if cal.back or (tense == "past" and (year, month) > (article.year, article.month)):
            year = article.year if month <= article.month else article.year - 1
        elif tense == "future" and (year, month) < (article.year, article.month):
            year = article.year if month >= article.month else article.year + 1
    return f"{year:04d}-{month:02d}", None


def _resolve_season(cal: _Calendar, fields: dict[str, Any], ctx: Any) -> _Value | None:
    year, season, article = cal.year, cal.season, ctx.article_date
    if not season:
        return None
    if year is None and article is not None:
        year = article.year
        tense = _tense(fields)
        if tense == "past" and _SEASON_START[season] > article.month:
            year -= 1  # wie das Land im Herbst bekanntgab, read in spring: last autumn
        elif tense == "future" and season != "WI" and _SEASON_START[season] + 2 < article.month:
            year += 1  # im Frühling soll gebaut werden, read in autumn: next spring
    return (f"{year:04d}" if year is not None else "XXXX") + f"-{season}", None


def _resolve_year(cal: _Calendar, fields: dict[str, Any], ctx: Any) -> _Value | None:
    """A year (or a pair of years), a decade, a century."""
    if cal.year is not None:
        return _year_pair(cal.year, _int(fields.get("year_end"))), None
    decade = _int(fields.get("decade"))
    if decade is not None:
        if decade < 100:
            decade = 1900 + decade if decade >= 10 else 2000 + decade
        return f"{decade // 10:03d}", None
    century = _int(fields.get("century"))
    if century is not None:
        return f"{century - 1:02d}", None
    return None


def _resolve_weekday(cal: _Calendar, fields: dict[str, Any], ctx: Any) -> _Value | None:
    weekday, article = cal.weekday, ctx.article_date
    if weekday is None:
        return None
    if article is None:
        return f"XXXX-WXX-{weekday}", None
    state = _state(ctx)
    week_offset = _int(fields.get("week_offset"))
    if week_offset is not None:  # am Montag nächster Woche: that week's Monday
        monday = article - dt.timedelta(days=article.isoweekday() - 1)
        date = monday + dt.timedelta(weeks=week_offset, days=weekday - 1)
        return date.isoformat(), date
    direction = _int(fields.get("weekday_dir"))
    date = _weekday_in_span(weekday, state) if direction is None else None
    ahead = state.sentence_ahead
    if date is None and direction is None and ahead and getattr(ctx, "sentence", 0) and ahead[0] == ctx.sentence:
        base = ahead[1]  # von Freitag (ahead) bis Montag: after it
        date = base + dt.timedelta(days=(weekday - base.isoweekday()) % 7)
    if date is None and direction is None and _tense(fields) in ("future", "present"):
        date = article + dt.timedelta(days=(weekday - article.isoweekday()) % 7)
    if date is None:
        date = _weekday(weekday, article, direction)
    return date.isoformat(), date


def _resolve_lone_day(cal: _Calendar, fields: dict[str, Any], ctx: Any) -> _Value | None:
    """A day without a month: the last date's month."""
    day = cal.day
    if day is None:
        return None
    base = _state(ctx).last_any_day or ctx.article_date
    if base is None:
        return f"XXXX-XX-{day:02d}", None
    date = _safe_date(base.year, base.month, day)
    return (date.isoformat(), date) if date else (f"XXXX-XX-{day:02d}", None)


def normalize(fields: dict[str, Any], ctx: Any) -> str | None:
    """The claim's TIMEX3 value; None where the calendar cannot hold it.

    An offset beyond the calendar (``vor 5000000 Tagen``, or ``gestern`` from 1 January of the
    year 1) has no date: that claim gets no value instead of failing the whole article."""
    ruleset = getattr(ctx, "ruleset", None)
    _MARKS.set((ruleset.decimal, ruleset.thousands) if ruleset is not None else _MARKS_UNSET)
    try:
        return _normalize(fields, ctx)
    except (OverflowError, ValueError):
        return None


def _normalize(fields: dict[str, Any], ctx: Any) -> str | None:
    fixed = _text(fields.get("timex"))
    if fixed is not None:
        return fixed
    if _text(fields.get("dur_unit")) is not None:
        return _duration(fields)
    state = _state(ctx)
    sentence = getattr(ctx, "sentence", 0)
    state.sentence_now = sentence
    value, date = _date_value(fields, ctx)
    _remember_years(fields, state, sentence, value, getattr(ctx, "paragraph", 0))
    suffix = _time_suffix(fields)
    if value is None:
        return _resolve_time(fields, ctx, suffix) if suffix else None
    _remember_date(fields, ctx, date)
    if suffix and date is not None:
        _past_midnight(date, _int(fields.get("hour")), state, dated=True)
        return value + suffix
    if suffix and value.startswith("XXXX-XX-XX"):
        return value + suffix
    return value


def _remember_years(fields: dict[str, Any], state: DateState, sentence: int, value: str | None,
                    paragraph: int) -> None:
    """The years a value names, for the dates after it (named_year, frame_year, story)."""
    named = _int(fields.get("year"))
    if named is not None and value is not None and value[:4].isdigit():
        state.named_year = (sentence, int(value[:4]))
        if not _text(fields.get("span")):  # not seit 2010, bis 2020, der 2010 gegründete
            state.frame_year = (sentence, int(value[:4]))
    if value is not None and _MONTH_PRECISE.match(value):
        state.story = (sentence, int(value[:4]), paragraph)


def _remember_date(fields: dict[str, Any], ctx: Any, date: dt.date | None) -> None:
    """A claim with a date of its own: the day the times and weekdays after it refer to."""
    state = _state(ctx)
    state.date_sentence = getattr(ctx, "sentence", 0)
    if date is None:
        return
    state.last_any_day = date
    if fields.get("weekday") or fields.get("day"):  # not gestern/morgen: heute und morgen, jeweils 7-17 Uhr
        state.sentence_day = (getattr(ctx, "sentence", 0), date)
        if ctx.article_date is not None and (date > ctx.article_date or _text(fields.get("tense")) == "future"):
            state.sentence_ahead = (getattr(ctx, "sentence", 0), date)
    if ctx.article_date is None or date <= ctx.article_date:
        state.last_day = date


def _resolve_time(fields: dict[str, Any], ctx: Any, suffix: str) -> str:
    """A time or part of day without a date of its own: on the day the text gives it."""
    state = _state(ctx)
    same = state.sentence_day
    ahead = state.sentence_ahead
    if _text(fields.get("vague")) and ctx.article_date is not None \
            and not (same is not None and same[0] == getattr(ctx, "sentence", 0)):
        # "vor einigen Tagen ... in den frühen Morgenstunden": some day near the article
        return f"{ctx.article_date.year:04d}-{ctx.article_date.month:02d}-XX" + suffix
    if same is not None and getattr(ctx, "sentence", 0) and same[0] == ctx.sentence:
        base = same[1]  # a date earlier in the same sentence, future ones included
    elif _text(fields.get("tense")) == "future" and ahead is not None \
            and state.date_sentence != getattr(ctx, "sentence", 0):
        # "Der Umzug beginnt um 10 Uhr": the coming day named before, unless its own
        # sentence already named a day ("heute 15-20 Uhr, morgen von 10-15 Uhr")
        base = ahead[1]
    else:
        base = state.last_day or ctx.article_date
    if base is None:
        return "XXXX-XX-XX" + suffix
    base = _past_midnight(base, _int(fields.get("hour")), state)
    return base.isoformat() + suffix

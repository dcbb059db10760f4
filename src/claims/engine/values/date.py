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
    ``month_day`` ``"MM-DD"`` in one field (fixed holidays from a word list).
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

Relative fields
    ``rel_unit``   ``D`` day, ``W`` week, ``WE`` weekend, ``M`` month, ``Y`` year,
                   ``DE`` decade.
    ``rel_offset`` how many units from the reference (``-1``, ``0``, ``2``).
    ``rel_sign``   multiplies ``rel_offset`` (``vor drei Jahren``: offset 3, sign -1).
    ``rel``        both in one string, ``"Y -1"`` (for words such as "Vorjahr").
    ``week_ordinal`` the n-th week counted from the reference day's week.
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
    mentioned before it in the article (kept in ``ctx.state``) that is not
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
    after it (``wird von Freitag, 22 Uhr, bis Montag gesperrt``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")

_DAY_UNITS = {"D"}
_PARTS = {"MO", "MI", "AF", "EV", "NI", "DT"}
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    text = str(value).strip().rstrip(".")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
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
    state = ctx.state
    letter = "Q" if size == 3 else "H"
    unit, offset = _split_rel(fields)
    if text == "last":
        last = state.get("last_" + key)
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
    if year is None and article is not None:
        year = _nearest_month_year(number * size - size // 2, article)
    if year is None:
        return f"XXXX-{letter}{number}"
    state["last_" + key] = (year, number)
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


def _remember_calendar_day(state: dict[str, Any], date: dt.date | None) -> None:
    """The last two calendar dates (day and month) mentioned: a possible event's span."""
    if date is None:
        return
    recent = state.setdefault("recent_days", [])
    if not recent or recent[-1] != date:
        recent.append(date)
        del recent[:-2]


def _weekday_in_span(weekday: int, state: dict[str, Any]) -> dt.date | None:
    """The weekday between the last two day-precise dates mentioned, at most a week apart."""
    days = state.get("recent_days") or []
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


def _relative(unit: str, offset: int, fields: dict[str, Any], ref: dt.date | None,
              state: dict[str, Any]) -> tuple[str, dt.date | None]:
    """A value counted from the reference; the date when the value is day-precise."""
    month = _int(fields.get("month"))
    day = _int(fields.get("day"))
    named = _named_year(fields, state) if offset and unit in ("Y", "DE") else None
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
        week = _week(ref + dt.timedelta(weeks=offset))
        state["last_week"] = week
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
        return f"{year_text}-{season}", None
    return year_text, None


def _named_year(fields: dict[str, Any], state: dict[str, Any]) -> int | None:
    """The year named last in this sentence or the one before, for ``anchor = "year"``."""
    if _text(fields.get("anchor")) != "year":
        return None
    last = state.get("named_year")
    sentence = state.get("sentence_now")
    if last is None or sentence is None or not 0 <= sentence - last[0] <= 1:
        return None
    return last[1]


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
    state = ctx.state
    if _text(fields.get("anchor")) == "last" and state.get("last_any_day") is not None:
        return state["last_any_day"]
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
    """The date part of the value and, when day-precise, the date itself."""
    article = ctx.article_date
    state = ctx.state
    ref = _reference(fields, ctx)

    for key, size in (("quarter", 3), ("half", 6)):
        period = _period(fields, ctx, key, size)
        if period is not None:
            return period, None

    unit, offset = _split_rel(fields)
    if unit is not None and offset is not None:
        return _relative(unit, offset, fields, ref, state)

    ordinal = _int(fields.get("week_ordinal"))
    if ordinal is not None:
        base = state.get("last_any_day") or article
        if base is None:
            return "XXXX-WXX", None
        week = _week(base + dt.timedelta(weeks=ordinal - 1))
        state["last_week"] = week
        return week, None
    if _text(fields.get("anchor")) == "last_week":
        last = state.get("last_week")
        base = state.get("last_any_day") or article
        if last:
            year, week = last.split("-W")
            base = dt.date.fromisocalendar(int(year), int(week), 1)
        if base is None:
            return "XXXX-WXX", None
        step = _int(fields.get("week_step"))
        week_text = _week(base + dt.timedelta(weeks=1 if step is None else step))
        state["last_week"] = week_text
        return week_text, None

    year = _year(fields, article)
    month = _int(fields.get("month"))
    day = _int(fields.get("day"))
    month_day = _text(fields.get("month_day"))
    if month_day and "-" in month_day:
        month, day = (_int(part) for part in month_day.split("-", 1))
    weekday = _int(fields.get("weekday"))
    season = _text(fields.get("season"))

    back = (_int(fields.get("month_dir")) or 0) < 0
    if month is not None and day is not None:
        if year is None and back and article is not None:
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
        date = _nearest_day(month, day, article, weekday)
        if date is None:
            return f"XXXX-{month:02d}-{day:02d}", None
        _remember_calendar_day(state, date)
        return date.isoformat(), date
    if month is not None:
        if year is None:
            if article is None:
                return f"XXXX-{month:02d}", None
            year = _nearest_month_year(month, article)
            if back:
                year = article.year if month <= article.month else article.year - 1
        return f"{year:04d}-{month:02d}", None
    if season:
        if year is None:
            year = article.year if article else None
        return (f"{year:04d}" if year is not None else "XXXX") + f"-{season}", None
    if year is not None:
        return _year_pair(year, _int(fields.get("year_end"))), None
    decade = _int(fields.get("decade"))
    if decade is not None:
        if decade < 100:
            decade = 1900 + decade if decade >= 10 else 2000 + decade
        return f"{decade // 10:03d}", None
    century = _int(fields.get("century"))
    if century is not None:
        return f"{century - 1:02d}", None
    if weekday is not None:
        if article is None:
            return f"XXXX-WXX-{weekday}", None
        direction = _int(fields.get("weekday_dir"))
        date = _weekday_in_span(weekday, state) if direction is None else None
        ahead = state.get("sentence_ahead")
        if date is None and direction is None and ahead and getattr(ctx, "sentence", 0) and ahead[0] == ctx.sentence:
            base = ahead[1]  # von Freitag (ahead) bis Montag: after it
            date = base + dt.timedelta(days=(weekday - base.isoweekday()) % 7)
        if date is None and direction is None and _text(fields.get("tense")) == "future":
            date = article + dt.timedelta(days=(weekday - article.isoweekday()) % 7)
        if date is None:
            date = _weekday(weekday, article, direction)
        return date.isoformat(), date
    if day is not None:  # a lone day: the last date's month
        base = state.get("last_any_day") or article
        if base is None:
            return f"XXXX-XX-{day:02d}", None
        date = _safe_date(base.year, base.month, day)
        return (date.isoformat(), date) if date else (f"XXXX-XX-{day:02d}", None)
    return None, None


def normalize(fields: dict[str, Any], ctx: Any) -> str | None:
    """The claim's TIMEX3 value; None where the calendar cannot hold it.

    An offset beyond the calendar (``vor 5000000 Tagen``, or ``gestern`` from 1 January of the
    year 1) has no date: that claim gets no value instead of failing the whole article."""
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
    state = ctx.state
    sentence = getattr(ctx, "sentence", 0)
    state["sentence_now"] = sentence
    value, date = _date_value(fields, ctx)
    named = _int(fields.get("year"))
    if named is not None and value is not None and value[:4].isdigit():
        state["named_year"] = (sentence, int(value[:4]))
    suffix = _time_suffix(fields)
    if value is None:
        if not suffix:
            return None
        same = state.get("sentence_day")
        ahead = state.get("sentence_ahead")
        if _text(fields.get("vague")) and ctx.article_date is not None \
                and not (same is not None and same[0] == getattr(ctx, "sentence", 0)):
            # "vor einigen Tagen ... in den frühen Morgenstunden": some day near the article
            return f"{ctx.article_date.year:04d}-{ctx.article_date.month:02d}-XX" + suffix
        if same is not None and getattr(ctx, "sentence", 0) and same[0] == ctx.sentence:
            base = same[1]  # a date earlier in the same sentence, future ones included
        elif _text(fields.get("tense")) == "future" and ahead is not None \
                and state.get("date_sentence") != getattr(ctx, "sentence", 0):
            # "Der Umzug beginnt um 10 Uhr": the coming day named before, unless its own
            # sentence already named a day ("heute 15-20 Uhr, morgen von 10-15 Uhr")
            base = ahead[1]
        else:
            base = state.get("last_day") or ctx.article_date
        if base is None:
            return "XXXX-XX-XX" + suffix
        return base.isoformat() + suffix
    state["date_sentence"] = getattr(ctx, "sentence", 0)
    if date is not None:
        state["last_any_day"] = date
        if fields.get("weekday") or fields.get("day"):  # not gestern/morgen: heute und morgen, jeweils 7-17 Uhr
            state["sentence_day"] = (getattr(ctx, "sentence", 0), date)
            if ctx.article_date is not None and (date > ctx.article_date or _text(fields.get("tense")) == "future"):
                state["sentence_ahead"] = (getattr(ctx, "sentence", 0), date)
        if ctx.article_date is None or date <= ctx.article_date:
            state["last_day"] = date
    if suffix and date is not None:
        return value + suffix
    if suffix and value.startswith("XXXX-XX-XX"):
        return value + suffix
    return value

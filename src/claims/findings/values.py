"""Reading claim values the checks compare: TIMEX3 strings, figures, names. No language here."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import regex

from claims.models import Claim

_CALENDAR = regex.compile(r"^(?P<y>\d{4}|XXXX)(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?"
                          r"(?:T(?:(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?|[A-Z]{2}))?$")
_WEEK = regex.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})$")
WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*")
DIGIT = regex.compile(r"\d")
FOUR_DIGITS = regex.compile(r"(?<!\d)\d{4}(?!\d)")
TWO_DIGIT_YEAR = regex.compile(r"(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?\d{2}(?![\d.])|['’]\d{2}(?!\d)")


class Calendar:
    """A calendar value: year (None for XXXX), month, day, hour, minute (None where not given)."""

    __slots__ = ("year", "month", "day", "hour", "minute")

    def __init__(self, year: int | None, month: int | None, day: int | None, hour: int | None,
                 minute: int | None) -> None:
        self.year, self.month, self.day, self.hour, self.minute = year, month, day, hour, minute

    @property
    def date(self) -> dt.date | None:
        """The day, when the value names a real day of a known year."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def key(self, precision: str) -> tuple[int, ...] | None:
        """The value cut to ``precision`` (year, month, day) for comparing, or None."""
        if self.year is None:
            return None
        if precision == "year":
            return (self.year,)
        if precision == "month":
            return (self.year, self.month) if self.month is not None else None
        return (self.year, self.month, self.day) if self.month is not None and self.day is not None else None


def calendar_value(value: Any) -> Calendar | None:
    """A TIMEX3 calendar value (2025, 2025-03, 2025-03-17, XXXX-03-17, …T14:00, …TEV), else None."""
    if not isinstance(value, str):
        return None
    m = _CALENDAR.match(value)
    if m is None:
        return None
    return Calendar(None if m["y"] == "XXXX" else int(m["y"]), int(m["m"]) if m["m"] else None,
                    int(m["d"]) if m["d"] else None, int(m["hh"]) if m["hh"] else None,
                    int(m["mm"]) if m["mm"] else None)


def week_value(value: Any) -> tuple[int, int] | None:
    if not isinstance(value, str):
        return None
    m = _WEEK.match(value)
    return (int(m["y"]), int(m["w"])) if m else None


def days_in_month(year: int | None, month: int) -> int:
    if month == 2 and year is None:
        return 29  # some year has a 29 February
    return calendar.monthrange(year or 2001, month)[1]


def names_year(claim: Claim, year: int) -> bool:
    """Whether the claim's text states its year (2025, 18.3.25, '25), rather than the year being
    worked out from the article date."""
    text = claim.text
    return str(year) in FOUR_DIGITS.findall(text) or TWO_DIGIT_YEAR.search(text) is not None


def nearest_day(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The day of that month and day nearest to ``ref`` (the reading without other help)."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


_DURATION = regex.compile(r"^P(?:T)?(\d+(?:\.\d+)?)([YMWDHS]|DE|CE)$")


def number(claim: Claim) -> float | None:
    """A figure's number, or the amount of a date claim that is a duration of one unit (auf 280
    Minuten: PT280M), which a change may end in."""
    value = claim.value
    if isinstance(value, str) and claim.kind == "date":
        m = _DURATION.match(value)
        return float(m.group(1)) if m else None
    if not isinstance(value, dict):
        return None
    n = value.get("number")
    if isinstance(n, bool) or not isinstance(n, (int, float)):
        return None
    return float(n)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()

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


MEMO_LIMIT = 20_000  # entries a memo of texts or values keeps before it starts over


def memo(table: dict[Any, Any], key: Any, compute: Any) -> Any:
    """``compute(key)``, remembered in ``table``: the same values and claim texts come back all
    through an article and across articles (2025-03-24, am Montag, Prozent)."""
    if key in table:
        return table[key]
    if len(table) >= MEMO_LIMIT:
        table.clear()
    found = table[key] = compute(key)
    return found


_CALENDARS: dict[str, Calendar | None] = {}


def _parse_calendar(value: str) -> Calendar | None:
    m = _CALENDAR.match(value)
    if m is None:
        return None
    return Calendar(None if m["y"] == "XXXX" else int(m["y"]), int(m["m"]) if m["m"] else None,
                    int(m["d"]) if m["d"] else None, int(m["hh"]) if m["hh"] else None,
                    int(m["mm"]) if m["mm"] else None)


def calendar_value(value: Any) -> Calendar | None:
    """A TIMEX3 calendar value (2025, 2025-03, 2025-03-17, XXXX-03-17, …T14:00, …TEV), else None.
    Calendars are shared between claims of the same value: never change one."""
    if not isinstance(value, str):
        return None
    return memo(_CALENDARS, value, _parse_calendar)


def week_value(value: Any) -> tuple[int, int] | None:
    if not isinstance(value, str):
        return None
    m = _WEEK.match(value)
    return (int(m["y"]), int(m["w"])) if m else None


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int | None, month: int) -> int:
    if month == 2:
        return 29 if year is None or calendar.isleap(year) else 28  # some year has a 29 February
    return _DAYS[month - 1]


_YEARS_NAMED: dict[str, tuple[frozenset[str], bool]] = {}


def _years_in(text: str) -> tuple[frozenset[str], bool]:
    return frozenset(FOUR_DIGITS.findall(text)), TWO_DIGIT_YEAR.search(text) is not None


def names_year(claim: Claim, year: int) -> bool:
    """Whether the claim's text states its year (2025, 18.3.25, '25), rather than the year being
    worked out from the article date."""
    four, two = memo(_YEARS_NAMED, claim.text, _years_in)
    return two or str(year) in four


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


# pattern id -> (the pattern, kept so that its id is not reused; its text -> found)
_SEARCHES: dict[int, tuple[Any, dict[str, bool]]] = {}


def found_in(pattern: Any, text: str) -> bool:
    """Whether ``pattern`` is found in a claim's text, remembered per pattern and text (claim
    texts repeat: am Montag, der 54-Jährige). Keyed by the pattern's id, since hashing a pattern
    hashes its whole source."""
    entry = _SEARCHES.get(id(pattern))
    if entry is None:
        entry = _SEARCHES[id(pattern)] = (pattern, {})
    seen = entry[1]
    found = seen.get(text)
    if found is None:
        if len(seen) >= MEMO_LIMIT:
            seen.clear()
        found = seen[text] = pattern.search(text) is not None
    return found


def cut_ending(word: str, endings: tuple[str, ...]) -> str:
    """``word`` casefolded, without the first of ``endings`` (longest first) it ends in, if at least
    three letters stay: CEOs, Besuchern, Vorsitzender compared as ceo, besuch, vorsitzend."""
    word = word.casefold()
    for ending in endings:
        if len(word) - len(ending) >= 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()

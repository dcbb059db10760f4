"""``{number, approx, unit}`` values for figure claims.

The rules hand over the number as written (``2.000``, ``3,5``) or as a value
looked up in a word list (``zwei`` -> 2), optional multipliers (``scale`` for
``Millionen``, ``fraction`` for ``Drittel``), optional ``minutes`` and ``hours``
of a time given as a measurement (``1:01,79``: 61.79 seconds), an optional ``divisor`` of a
fraction in digits (``3/4``: 0.75), the qualifier's approx code
(looked up in a list, e.g. ``over``) and the unit as written. Nothing here
knows a language's words: only digit formats. Which marks a language uses
for decimals and thousands comes from ``[numbers]`` of its ``language.toml``
(carried on the rule set, ``ctx.ruleset``); German when none is given.
"""

from __future__ import annotations

from typing import Any

APPROX_CODES = frozenset({"over", "under", "about", "almost", "at_least", "up_to"})

_SPACES = ("\u202f", "\u2009", "\u00a0", " ", "'", "\u2019")


def parse_number(text: str, decimal: str = ",", thousands: str = ".") -> float | None:
    """A number in German (or plain) digits: ``2.000`` is 2000, ``3,5`` is 3.5.

    ``1.234.567,89`` is 1234567.89; a single dot followed by exactly three
    digits is a thousands separator (``2.000``), any other single dot a decimal
    point (``2.5``). Thin and non-breaking spaces and apostrophes group digits.
    With ``decimal="."`` (English) the thousands mark is dropped and the dot is
    the decimal point: ``2,000`` is 2000, ``3.5`` is 3.5.
    """
    if decimal != ",":
        return _parse_plain(text, decimal, thousands)
    cleaned = text.strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    cleaned = cleaned.lstrip("+").rstrip(".")
    negative = cleaned.startswith(("-", "\u2212", "\u2013"))
    if negative:
        cleaned = cleaned[1:]
    if not cleaned:
        return None
    if "," in cleaned:
        if cleaned.count(",") > 1:  # 1,000,000 (English grouping)
            cleaned = cleaned.replace(",", "")
        else:
            cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    elif cleaned.count(".") == 1 and len(cleaned.rsplit(".", 1)[1]) == 3:
        cleaned = cleaned.replace(".", "")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return -number if negative else number


def _parse_plain(text: str, decimal: str, thousands: str) -> float | None:
    """Digits with a known decimal mark: thousands marks and spaces dropped (``1,234.5``)."""
    cleaned = text.strip()
    for space in (*_SPACES, thousands):
        cleaned = cleaned.replace(space, "")
    cleaned = cleaned.lstrip("+")
    if cleaned.endswith(decimal):  # a sentence's full stop after the number
        cleaned = cleaned[:-1]
    negative = cleaned.startswith(("-", "\u2212", "\u2013"))
    if negative:
        cleaned = cleaned[1:]
    if not cleaned or cleaned.count(decimal) > 1:
        return None
    try:
        number = float(cleaned.replace(decimal, "."))
    except ValueError:
        return None
    return -number if negative else number


def as_number(raw: Any, decimal: str = ",", thousands: str = ".") -> float | None:
    """A field's value as a number: numbers as they are, text parsed as digits."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    if isinstance(raw, str) and raw.strip():
        return parse_number(raw, decimal, thousands)
    return None


def tidy(number: float) -> int | float:
    """An integral value as int; otherwise rounded to four decimals (2/3 -> 0.6667)."""
    rounded = round(number, 4)
    if rounded.is_integer():
        return int(rounded)
    return rounded


def normalize(fields: dict[str, Any], ctx: Any) -> dict[str, Any]:
    ruleset = getattr(ctx, "ruleset", None)
    decimal = getattr(ruleset, "decimal", ",")
    thousands = getattr(ruleset, "thousands", ".")
    number = as_number(fields.get("number"), decimal, thousands)
    if number is not None:
        # a fraction in digits (3/4): the number over its divisor
        divisor = as_number(fields.get("divisor"), decimal, thousands)
        if divisor:
            number /= divisor
        # a time as a race result (1:01,79): hours and minutes fold into the seconds
        for key, seconds in (("minutes", 60), ("hours", 3600)):
            part = as_number(fields.get(key), decimal, thousands)
            if part is not None:
                number += (part if number >= 0 else -part) * seconds
        for key in ("scale", "fraction"):
            factor = as_number(fields.get(key), decimal, thousands)
            if factor is not None:
                number *= factor
    approx = fields.get("approx")
    if not (isinstance(approx, str) and approx in APPROX_CODES):
        approx = None
    unit = fields.get("unit")
    unit = " ".join(unit.split()) if isinstance(unit, str) and unit.strip() else None
    return {
        "number": tidy(number) if number is not None else None,
        "approx": approx,
        "unit": unit,
    }

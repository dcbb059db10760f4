"""A claim's normalized value as an editor reads it: ``17.03.2025``, ``> 80 CEOs``, ``2 Tage``.

Everything language-specific (month names, separators, units) comes from the
label set; a value this module does not understand is shown as it is.
"""

from __future__ import annotations

import json
import re
from typing import Any

from claims.checklist.labels import Labels
from claims.kinds import REGISTRY

_DATE = re.compile(r"^(?P<y>\d{4}|XXXX)(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?)?"
                   r"(?:T(?:(?P<pod>MO|MI|AF|EV|NI|DT)|(?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?))?$")
_WEEK = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{1,2})$")
_QUARTER = re.compile(r"^(?P<y>\d{4})-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>SP|SU|FA|WI))$")
_DURATION = re.compile(r"^P(?:(?P<date>(?:\d+(?:[.,]\d+)?[YMWD]|\d+(?:[.,]\d+)?(?:DE|CE))+))?"
                       r"(?:T(?P<time>(?:\d+(?:[.,]\d+)?[HMS])+))?$")
_PART = re.compile(r"(\d+(?:[.,]\d+)?)(DE|CE|[YMWDHS])")


def number(value: float | int, labels: Labels, max_decimals: int = 4) -> str:
    """``2000`` → ``2.000`` (de) / ``2,000`` (en); ``3.5`` → ``3,5``; no trailing zeros."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.{max_decimals}f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,d}"
    thousands, decimal = labels.numbers["thousands"], labels.numbers["decimal"]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _duration(match: re.Match[str], labels: Labels) -> str:
    parts: list[str] = []
    for section, is_time in ((match["date"], False), (match["time"], True)):
        for amount, unit in _PART.findall(section or ""):
            key = "TM" if is_time and unit == "M" else unit
            names = labels.durations.get(key)
            if not names:
                return ""
            qty = float(amount.replace(",", "."))
            name = names[0] if qty == 1 else names[1]
            parts.append(f"{number(qty, labels)} {name}")
    return ", ".join(parts)


def timex(value: str, labels: Labels) -> str:
    """A TIMEX3 value string in the label set's way of writing dates."""
    v = value.strip()
    dates, words = labels.dates, labels.values
    if v in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return words[v.split("_")[0].lower()]
    if v == "XXXX-XX-XX":  # a feast day naming a parish: no day to check
        return words["no_day"]
    m = _DURATION.match(v)
    if m and (m["date"] or m["time"]):
        return _duration(m, labels) or v
    if v.isdigit() and len(v) in (2, 3):  # TIMEX3 decade 192, century 19
        first = int(v) * (10 if len(v) == 3 else 100)
        if len(v) == 3:
            return words["decade"].format(y=first)
        return words["century"].format(c=int(v) + 1, y=first, y_end=first + 99)
    m = _WEEK.match(v)
    if m:
        return words["week"].format(week=int(m["w"]), year=m["y"])
    m = _QUARTER.match(v)
    if m:
        if m["q"]:
            return words["quarter"].format(q=m["q"], year=m["y"])
        if m["h"]:
            return words["half"].format(h=m["h"], year=m["y"])
        return f"{dates['seasons'][m['season']]} {m['y']}"
    m = _DATE.match(v)
    if not m:
        return v
    year = None if m["y"] == "XXXX" else int(m["y"])
    month = int(m["m"]) if m["m"] and m["m"] != "XX" else None
    day = int(m["d"]) if m["d"] and m["d"] != "XX" else None
    if month is not None and not 1 <= month <= 12:
        return v
    month_name = dates["months"][month - 1] if month else ""
    if day is not None and month is not None:
        key = "day" if year is not None else "day_no_year"
    elif month is not None:
        key = "month" if year is not None else "month_no_year"
    elif year is not None and m["m"] is None:
        key = None
    else:
        return v
    text = str(year) if key is None else dates[key].format(d=day or 0, m=month or 0, y=year,
                                                             month=month_name)
    if m["pod"]:
        text += words["part_of_day_sep"] + dates["parts_of_day"][m["pod"]]
    elif m["hh"]:
        clock = f"{m['hh']}:{m['mm']}" + (f":{m['ss']}" if m["ss"] else "")
        text += words["date_time_sep"] + clock + words["time_suffix"]
    return text


def _unit(unit: Any, labels: Labels) -> Any:
    """A counted noun as an editor says it: ``Jährige`` -> ``Jahre`` (label set's figure_display)."""
    if not unit:
        return unit
    for pattern, word in labels.data.get("figure_display", {}).get("units", {}).items():
        m = re.match(pattern, str(unit))
        if m:
            rest = str(unit)[m.end():].strip(" -")
            return f"{word} ({rest})" if rest else word
    return unit


def figure(value: dict[str, Any], labels: Labels, text: str | None = None) -> str:
    qty = value.get("number")
    approx = value.get("approx")
    unit = _unit(value.get("unit"), labels)
    score = labels.data.get("figure_display", {}).get("score")
    if text and score and not unit and re.match(score, text.strip()):
        return re.sub(r"\s+", "", text.strip())  # a result reads as written: 1:1
    parts: list[str] = []
    if approx:
        word = " ".join(str(approx).split())
        code = word if word in labels.approx else labels.approx_words.get(word.casefold())
        parts.append(labels.approx[code] if code else word)
    if isinstance(qty, (int, float)) and not isinstance(qty, bool):
        parts.append(number(qty, labels))
    elif qty not in (None, ""):
        parts.append(str(qty))
    if unit:
        parts.append(str(unit))
    return " ".join(parts)


def _join(*parts: Any, sep: str = ", ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def show(kind: str, value: Any, labels: Labels, text: str | None = None) -> str:
    """The display string of a claim's value (empty when there is nothing to show); ``text``
    is the claim as written (a score reads as written). Each kind's display is named by its
    contract (:mod:`claims.kinds`); a kind the registry does not know reads as :func:`show_other`."""
    spec = REGISTRY.get(kind)
    return (spec.display_function() if spec else show_other)(value, labels, text)


def _empty(value: Any) -> bool:
    return value is None or value == {} or value == ""


def show_other(value: Any, labels: Labels, text: str | None = None) -> str:
    """Any value: text as it is, a table as ``key: value; …``, a number in the language's digits."""
    if _empty(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _join(*(f"{k}: {v}" for k, v in value.items() if v not in (None, "")), sep="; ")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value, labels)
    return json.dumps(value, ensure_ascii=False)


def show_date(value: Any, labels: Labels, text: str | None = None) -> str:
    if isinstance(value, str) and value:
        return timex(value, labels)
    return show_other(value, labels, text)


def show_figure(value: Any, labels: Labels, text: str | None = None) -> str:
    if isinstance(value, dict) and value:
        return figure(value, labels, text)
    return show_other(value, labels, text)


def show_quote(value: Any, labels: Labels, text: str | None = None) -> str:
    if _empty(value):
        return labels.values["speaker_unknown"]
    if isinstance(value, dict):
        return str(value.get("speaker") or labels.values["speaker_unknown"])
    return show_other(value, labels, text)


def show_role(value: Any, labels: Labels, text: str | None = None) -> str:
    if isinstance(value, dict) and value:
        return _join(_join(value.get("person"), value.get("role"), sep=" – "), value.get("org"))
    return show_other(value, labels, text)


def _one_field(key: str) -> Any:
    def show_field(value: Any, labels: Labels, text: str | None = None) -> str:
        if isinstance(value, dict) and value:
            return str(value.get(key) or "")
        return show_other(value, labels, text)
    return show_field


show_attribution = _one_field("source")
show_credit = _one_field("credit")

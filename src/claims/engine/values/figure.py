"""``{number, approx, unit}`` values for figure claims."""

from __future__ import annotations

from typing import Any


def parse_number(text: str) -> float | None:
    """German digits: ``2.000`` is 2000, ``3,5`` is 3.5."""
    cleaned = text.replace("\u202f", "").replace(" ", "").replace("'", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") >= 1 and len(cleaned.rsplit(".", 1)[1]) == 3:
        cleaned = cleaned.replace(".", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _tidy(number: float) -> int | float:
    return int(number) if float(number).is_integer() else round(number, 4)


def normalize(fields: dict[str, Any], ctx: Any) -> dict[str, Any]:
    raw = fields.get("number")
    number = raw if isinstance(raw, (int, float)) else parse_number(str(raw)) if raw else None
    scale = fields.get("scale")
    if number is not None and isinstance(scale, (int, float)):
        number *= scale
    unit = fields.get("unit")
    return {
        "number": _tidy(number) if number is not None else None,
        "approx": fields.get("approx"),
        "unit": " ".join(unit.split()) if isinstance(unit, str) and unit.strip() else None,
    }

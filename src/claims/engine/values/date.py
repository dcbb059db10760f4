"""TIMEX3 values for date claims (filled in by the date rules' fields)."""

from __future__ import annotations

from typing import Any


def normalize(fields: dict[str, Any], ctx: Any) -> str | None:
    year = fields.get("year")
    month = fields.get("month")
    day = fields.get("day")
    if year is None and ctx.article_date is None:
        year_text = "XXXX"
    elif year is None:
        year_text = str(ctx.article_date.year)
    else:
        year_text = str(year)
    parts = [year_text]
    if month is not None:
        parts.append(f"{int(month):02d}")
        if day is not None:
            parts.append(f"{int(day):02d}")
    return "-".join(parts)

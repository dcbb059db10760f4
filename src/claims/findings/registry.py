"""The checks: each a stable code and name, a one-line summary, a severity, the section of
``findings.toml`` it reads, and the function that runs it over one article's claims.

Codes are K + three digits (K for Konsistenz, apart from the rules' letters): K1xx dates,
K2xx ages, K3xx figures, K4xx names and roles, K5xx quotations. A code never changes its
meaning; a check that goes away leaves its code unused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from claims.findings.model import Severity
from claims.findings.schema import Section


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    summary: str  # one line, English, for `claims rules list` and docs/rules.md
    severity: Severity
    section: type[Section]
    # message variants and the placeholders each may use
    variants: Mapping[str, frozenset[str]]
    run: Callable[[Any, Any], None]  # (Context, prepared cues)
    # compile the section's cues once, when the rule set is loaded: (section, Prep) -> cues
    prepare: Callable[[Any, Any], Any] = field(default=lambda section, prep: section)


def _all() -> tuple[Check, ...]:
    from claims.findings import ages, dates, figures, names, quotes

    checks = (*dates.CHECKS, *ages.CHECKS, *figures.CHECKS, *names.CHECKS, *quotes.CHECKS)
    return tuple(sorted(checks, key=lambda c: c.code))


_CHECKS: tuple[Check, ...] | None = None


def checks() -> tuple[Check, ...]:
    global _CHECKS
    if _CHECKS is None:
        _CHECKS = _all()
    return _CHECKS


_BY_NAME: dict[str, Check] = {}


def by_name() -> dict[str, Check]:
    if not _BY_NAME:
        _BY_NAME.update({c.name: c for c in checks()})
    return _BY_NAME


def by_code() -> dict[str, Check]:
    return {c.code: c for c in checks()}


def variants(**fields: str) -> dict[str, frozenset[str]]:
    """``variants(default="date weekday")``: each variant with its space-separated placeholders."""
    return {name: frozenset(names.split()) for name, names in fields.items()}

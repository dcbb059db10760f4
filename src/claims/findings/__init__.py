"""Findings: what an article contradicts in itself, found by comparing its claims.

A documentalist checks much without any source: a weekday against its date, a figure given
twice, a name spelled two ways. :func:`find` runs the checks of the article's language (their
messages and cues are data: ``rules/<lang>/findings.toml``) over the claims of one
extraction. The checks are generic code over claim values; see :mod:`claims.findings.registry`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claims.findings.model import Finding, Severity

__all__ = ["Finding", "Severity", "find"]


def find(text: str, date: dt.date | None, claims: list[Any], sentences: list[Any], data: Any,
         lang: str) -> list[Finding]:
    """The findings of one article, in article order. ``data``: the rule set's findings (None:
    the language has none)."""
    if data is None or not data.checks or not claims:
        return []
    from claims.findings.context import Context
    from claims.findings.registry import by_name

    from claims.engine.matcher import _cyclic_gc_paused

    ctx = Context(text, date, claims, sentences, data, lang)
    checks = by_name()
    with _cyclic_gc_paused():  # as for the extraction: many small objects, no cycles
        for name, prepared in data.checks.items():
            checks[name].run(ctx, prepared.cues)
    seen: set[tuple[str, str, str]] = set()
    out: list[Finding] = []
    for finding in sorted(ctx.findings, key=lambda f: (f.start, f.code)):
        key = (finding.code, finding.claim_id, finding.message)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out

"""A readable list of claims: line, kind, claim and value; the sentence shown with the claim highlighted."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import click

from claims.kinds import KINDS
from claims.models import ExtractionResult
from claims.report.safe import terminal


def show_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v not in (None, ""))
    return json.dumps(value, ensure_ascii=False)


def count_line(result: ExtractionResult) -> str:
    counts = Counter(c.kind for c in result.claims)
    parts = [f"{kind} {counts[kind]}" for kind in KINDS if counts[kind]]
    findings = len(getattr(result, "findings", None) or [])
    return f"{len(result.claims)} claims" + (f" ({', '.join(parts)})" if parts else "") + \
        (f", {findings} finding{'s' if findings != 1 else ''}" if findings else "")


def finding_lines(result: ExtractionResult, claim_id: str, color: bool) -> Iterator[str]:
    """The findings shown at a claim: ``! K104 error: message (with „am 17. März“ 5:68)``."""
    by_id = {c.id: c for c in result.claims}
    for finding in result.findings:
        if finding.claim_id != claim_id:
            continue
        related = ", ".join(f"{by_id[i].text!r} {by_id[i].line}:{by_id[i].column}" for i in finding.related
                            if i in by_id)
        line = f"           ! {finding.code} {finding.severity}: {finding.message}" + \
            (f" (with {related})" if related else "")
        yield click.style(line, fg="red" if finding.severity == "error" else "magenta") if color else line


def as_text(result: ExtractionResult, color: bool) -> Iterator[str]:
    """Lines for a terminal; text from the article loses its control sequences (an ESC in an
    article could recolour, clear or retitle the reader's terminal)."""
    name = terminal(result.article.path or "<text>")
    by_paragraph = name.lower().endswith((".docx", ".html", ".htm"))
    yield f"{name}: {count_line(result)}" + (" (line = paragraph number)" if by_paragraph else "")
    for claim in result.claims:
        value = terminal(show_value(claim.value))
        text = terminal(claim.text)
        head = f"{claim.line:>4}:{claim.column:<4} {claim.kind:<12} {text}"
        if value:
            head += f"  → {value}"
        if not color:
            yield head
            yield from finding_lines(result, claim.id, color)
            continue
        yield click.style(f"{claim.line:>4}:{claim.column:<4} ", dim=True) + \
            click.style(f"{claim.kind:<12}", fg="cyan") + f" {text}" + \
            (click.style(f"  → {value}", fg="green") if value else "")
        shown = terminal(claim.sentence)
        at = shown.find(text)
        if at >= 0:
            sentence = shown[:at] + click.style(text, bold=True, fg="yellow") + shown[at + len(text):]
            yield click.style("           │ ", dim=True) + sentence
        yield from finding_lines(result, claim.id, color)

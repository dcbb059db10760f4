"""How findings show in the checklist: a column beside the value, marked, with a note naming the
related claims' numbers, and their counts on the overview sheet. The writer calls these; the
layout of the rest of the workbook is the writer's."""

from __future__ import annotations

from typing import Any

from claims.models import ExtractionResult

FILL = "FCE4D6"  # a row with a finding: its finding cell in light orange …
FONT = "9C0006"  # … in dark red, like Excel's "bad" style
MARK = "⚠"


def cells(result: ExtractionResult, labels: Any) -> dict[str, tuple[str, str]]:
    """Claim id -> (the finding cell's text, its note): ``⚠ K101: message`` a line per finding,
    the note naming the related claims by their numbers in the checklist."""
    findings = getattr(result, "findings", None) or []
    if not findings:
        return {}
    numbers = {c.id: n for n, c in enumerate(result.claims, start=1)}
    texts: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    template = labels.data.get("findings", {}).get("related", "Nr. {numbers}")
    for finding in findings:
        if finding.claim_id not in numbers:
            continue
        texts.setdefault(finding.claim_id, []).append(f"{MARK} {finding.code}: {finding.message}")
        related = [str(numbers[i]) for i in finding.related if i in numbers]
        if related:
            notes.setdefault(finding.claim_id, []).append(f"{finding.code}: " +
                                                          template.format(numbers=", ".join(related)))
    return {claim_id: ("\n".join(lines), "\n".join(notes.get(claim_id, [])))
            for claim_id, lines in texts.items()}


def overview_rows(labels: Any, finding_range: str, status_range: str) -> list[tuple[str, str]]:
    """(label, formula) rows for the overview: the findings in all (each is marked once in its
    cell), and those in rows not yet closed (live, as the editor ticks)."""
    words = labels.data.get("findings", {})
    marks = f'(LEN({finding_range})-LEN(SUBSTITUTE({finding_range},"{MARK}","")))'
    still_open = "*".join(f'({status_range}<>"{labels.status_label(code)}")'
                          for code in ("confirmed", "corrected", "dropped"))
    return [
        (words.get("total", "Findings"), f"=SUMPRODUCT({marks})"),
        (words.get("open", "in rows not yet closed"), f"=SUMPRODUCT({marks}*{still_open})"),
    ]

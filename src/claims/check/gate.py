"""``claims check``: may the article go out? Every claim in its checklist, closed, none wrong.

Pure logic over an extraction result and a checklist's rows; reading files and
printing are the CLI's and the report modules' jobs.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, Field

from claims.checklist.labels import CLOSING_STATUSES
from claims.checklist.merge import MergePlan, StoredRow, plan
from claims.models import Claim

ProblemCode = Literal["open", "wrong", "new", "changed", "missing-checklist", "inconsistent"]


class Problem(BaseModel):
    code: ProblemCode
    article: str
    checklist: str | None = None
    claim_id: str | None = None
    kind: str | None = None
    text: str = ""
    line: int = 1
    column: int = 1
    message: str
    finding: str | None = None  # for "inconsistent": the check's code (K101 …)
    severity: str = "error"


class ArticleCheck(BaseModel):
    article: str
    checklist: str | None
    claims: int = 0
    closed: int = 0
    problems: list[Problem] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _problem(code: ProblemCode, claim: Claim, article: str, checklist: str, message: str) -> Problem:
    return Problem(code=code, article=article, checklist=checklist, claim_id=claim.id, kind=claim.kind,
                   text=claim.text, line=claim.line or 1, column=claim.column or 1, message=message)


def check_claims(claims: list[Claim], rows: list[StoredRow], article: str, checklist: str,
                 findings: list[Any] = ()) -> ArticleCheck:
    merge: MergePlan = plan(claims, rows)
    result = ArticleCheck(article=article, checklist=checklist, claims=len(claims))
    for claim, row in merge.kept:
        if row.status in CLOSING_STATUSES:
            result.closed += 1
        elif row.status == "wrong":
            result.problems.append(_problem("wrong", claim, article, checklist,
                                            f"marked wrong in the checklist: {claim.text!r}"))
        else:
            result.problems.append(_problem("open", claim, article, checklist,
                                            f"not yet checked: {claim.text!r}"))
    for claim, row in merge.changed:
        if " ".join(row.text.split()) == " ".join(claim.text.split()):
            what = f"the sentence around {claim.text!r} changed since the checklist was made"
        else:
            what = f"changed since the checklist was made: {row.text!r} is now {claim.text!r}"
        result.problems.append(_problem("changed", claim, article, checklist, f"{what} (run `claims update`)"))
    for claim in merge.new:
        result.problems.append(_problem("new", claim, article, checklist,
                                        f"not in the checklist: {claim.text!r} (run `claims update`)"))
    result.problems += inconsistent(findings, merge, article, checklist)
    result.problems.sort(key=lambda p: (p.line, p.column))
    return result


def inconsistent(findings: list[Any], merge: MergePlan, article: str, checklist: str) -> list[Problem]:
    """A finding is a problem while the row that shows it is not closed: the editor closing the
    row (bestätigt, korrigiert, entfällt) has looked at it."""
    status = {claim.id: row.status for claim, row in merge.kept}
    kinds = {c.id: c for c, _ in merge.kept} | {c.id: c for c, _ in merge.changed} | {c.id: c for c in merge.new}
    problems = []
    for finding in findings:
        if status.get(finding.claim_id) in CLOSING_STATUSES:
            continue
        claim = kinds.get(finding.claim_id)
        problems.append(Problem(code="inconsistent", article=article, checklist=checklist,
                                claim_id=finding.claim_id or None, kind=claim.kind if claim else None,
                                text=claim.text if claim else "", line=finding.line, column=finding.column,
                                message=f"{finding.code} {finding.name}: {finding.message}",
                                finding=finding.code, severity=finding.severity))
    return problems


def missing_checklist(article: str, checklist: str, claims: int) -> ArticleCheck:
    return ArticleCheck(article=article, checklist=None, claims=claims, problems=[Problem(
        code="missing-checklist", article=article, checklist=checklist,
        message=f"no checklist {checklist}; make one with `claims extract {article}`")])


def summary(checks: list[ArticleCheck]) -> str:
    total = sum(c.claims for c in checks)
    closed = sum(c.closed for c in checks)
    counts = Counter(p.code for c in checks for p in c.problems)
    parts = [f"{closed} closed"] + [f"{counts[code]} {code}" for code in
                                     ("open", "wrong", "changed", "new", "missing-checklist", "inconsistent")
                                     if counts[code]]
    return f"{total} claims: {', '.join(parts)}"

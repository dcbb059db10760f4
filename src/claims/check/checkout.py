"""``claims check`` as text (one line a problem) and as JSON for scripts."""

from __future__ import annotations

from collections.abc import Iterator

from claims.check.gate import ArticleCheck, summary
from claims.report.safe import json_dumps, terminal


def as_text(checks: list[ArticleCheck]) -> Iterator[str]:
    for check in checks:
        for problem in check.problems:
            yield terminal(f"{problem.article}:{problem.line}:{problem.column}: {problem.code}: {problem.message}")
    yield summary(checks)


def as_json(checks: list[ArticleCheck]) -> str:
    return json_dumps({
        "ok": all(c.ok for c in checks),
        "summary": summary(checks),
        "articles": [{"article": c.article, "checklist": c.checklist, "claims": c.claims, "closed": c.closed,
                      "problems": [p.model_dump() for p in c.problems]} for c in checks],
    }, indent=1)

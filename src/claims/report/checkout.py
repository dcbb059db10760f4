"""``claims check`` as text (one line a problem) and as JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Iterator

from claims.gate import ArticleCheck, summary


def as_text(checks: list[ArticleCheck]) -> Iterator[str]:
    for check in checks:
        for problem in check.problems:
            yield f"{problem.article}:{problem.line}:{problem.column}: {problem.code}: {problem.message}"
    yield summary(checks)


def as_json(checks: list[ArticleCheck]) -> str:
    return json.dumps({
        "ok": all(c.ok for c in checks),
        "summary": summary(checks),
        "articles": [{"article": c.article, "checklist": c.checklist, "claims": c.claims, "closed": c.closed,
                      "problems": [p.model_dump() for p in c.problems]} for c in checks],
    }, ensure_ascii=False, indent=1)

"""The JSON and JSON Lines outputs of ``claims extract``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from claims.models import ExtractionResult


def as_json(result: ExtractionResult) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=1, default=str)


def as_jsonl(result: ExtractionResult) -> Iterator[str]:
    """One claim a line, each with the findings shown in its row (code, message, severity, the
    claims they relate), so a line is complete on its own."""
    shown: dict[str, list] = {}
    for finding in result.findings:
        shown.setdefault(finding.claim_id, []).append(finding.public())
    for claim in result.claims:
        yield json.dumps({"path": result.article.path, **claim.public(), "findings": shown.get(claim.id, [])},
                         ensure_ascii=False, default=str)

"""The JSON and JSON Lines outputs of ``claims extract``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from claims.models import ExtractionResult


def as_json(result: ExtractionResult) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=1, default=str)


def as_jsonl(result: ExtractionResult) -> Iterator[str]:
    for claim in result.claims:
        yield json.dumps({"path": result.article.path, **claim.public()}, ensure_ascii=False, default=str)

"""The JSON and JSON Lines outputs of ``claims extract``."""

from __future__ import annotations

from claims.report.safe import json_dumps
from collections.abc import Iterator

from claims.models import ExtractionResult


def as_json(result: ExtractionResult) -> str:
    return json_dumps(result.to_json(), indent=1, default=str)


def as_jsonl(result: ExtractionResult) -> Iterator[str]:
    for claim in result.claims:
        yield json_dumps({"path": result.article.path, **claim.public()}, default=str)

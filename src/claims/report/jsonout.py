"""The JSON and JSON Lines outputs of ``claims extract``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from claims.models import ExtractionResult
from claims.report.safe import json_dumps


def as_json(result: ExtractionResult) -> str:
    return json_dumps(result.to_json(), indent=1, default=str)


def as_jsonl(result: ExtractionResult) -> Iterator[str]:
    """One claim a line, each with the findings shown in its row (code, message, severity, the
    claims they relate), so a line is complete on its own."""
    shown: dict[str, list] = {}
    for finding in result.findings:
        shown.setdefault(finding.claim_id, []).append(finding.public())
    for claim in result.claims:
        yield json_dumps({"path": result.article.path, **claim.public(), "findings": shown.get(claim.id, [])},
                         default=str)


class JsonArray:
    """Several articles' JSON documents as one JSON array, written as each arrives (a pipeline
    sees the first article while the batch runs); one article alone is its document itself."""

    def __init__(self, out: TextIO, many: bool) -> None:
        self.out, self.many, self.first = out, many, True

    def add(self, document: str) -> None:
        if self.many:
            self.out.write(("[\n" if self.first else ",\n") + document)
        else:
            self.out.write(document + "\n")
        self.first = False
        self.out.flush()

    def close(self) -> None:
        if self.many:
            self.out.write("]\n" if not self.first else "[]\n")

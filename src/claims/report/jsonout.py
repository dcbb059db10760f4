"""The JSON and JSON Lines outputs of ``claims extract``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from claims.models import ExtractionResult
from claims.report.safe import json_dumps


def as_json(result: ExtractionResult) -> str:
    document = result.to_json()
    if result.memory:
        for claim in document["claims"]:
            _remembered(claim, result.memory)
    return json_dumps(document, indent=1, default=str)


def _remembered(claim: dict, memory: dict) -> dict:
    """The claim with what the verification memory holds about it (``memory``), when it holds
    something: as in the workbook, a claim the memory does not know shows nothing of it."""
    recalled = memory.get(claim["id"])
    if recalled is not None:
        claim["memory"] = recalled.public()
    return claim


def as_jsonl(result: ExtractionResult) -> Iterator[str]:
    """One claim a line, each with the findings shown in its row (code, message, severity, the
    claims they relate), so a line is complete on its own."""
    shown: dict[str, list] = {}
    for finding in result.findings:
        shown.setdefault(finding.claim_id, []).append(finding.public())
    for claim in result.claims:
        line = {"path": result.article.path, **claim.public(), "findings": shown.get(claim.id, [])}
        yield json_dumps(_remembered(line, result.memory) if result.memory else line, default=str)


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

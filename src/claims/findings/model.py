"""A finding: something the article says that contradicts itself, found without any source."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning"]


class Finding(BaseModel):
    """One inconsistency between claims of one article.

    ``claim_id`` is the claim whose checklist row shows the finding (and whose closing clears
    it in ``claims check``); ``related`` are the other claims it is about, in article order.
    A finding whose article has no claim at all has an empty ``claim_id``.
    """

    model_config = ConfigDict(defer_build=True)

    code: str  # stable: K101 …
    name: str  # stable: weekday-date …
    severity: Severity
    message: str  # for the editor, in the article's language
    claim_id: str = ""
    related: list[str] = Field(default_factory=list)
    start: int = 0
    end: int = 0
    line: int = 1
    column: int = 1

    def public(self) -> dict[str, Any]:
        """The finding as the JSON outputs show it."""
        return {"code": self.code, "name": self.name, "severity": self.severity, "message": self.message,
                "claim": self.claim_id or None, "related": list(self.related),
                "line": self.line, "column": self.column}

"""Errors a user can act on. Each names the file, and the line or cell where it helps."""

from __future__ import annotations

from pathlib import Path


class ClaimsError(Exception):
    """An error the CLI reports in one line, with exit code 2."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 where: str | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.where = where
        super().__init__(self.render())

    def render(self) -> str:
        location = ""
        if self.path:
            location = self.path
            if self.line is not None:
                location += f":{self.line}"
            if self.where:
                location += f" ({self.where})"
            location += ": "
        return f"{location}{self.message}"


class InputError(ClaimsError):
    """An article or workbook that cannot be read."""


class RuleError(ClaimsError):
    """A rule file that is broken: syntax, schema, pattern, unknown name."""


class PatternTimeout(ClaimsError):
    """A rule pattern that took too long on the text (catastrophic backtracking)."""

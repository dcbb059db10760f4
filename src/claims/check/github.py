"""GitHub workflow annotations (``::error file=…,line=…::…``) and the step summary table."""

from __future__ import annotations

from collections.abc import Iterator

from claims.check.gate import ArticleCheck, summary
from claims.report.safe import readable, terminal

_LEVEL = {"wrong": "error", "open": "error", "new": "error", "changed": "error", "missing-checklist": "error",
          "inconsistent": "error"}


def _escape_data(text: str) -> str:
    text = terminal(readable(text)).replace("\t", " ")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(checks: list[ArticleCheck]) -> Iterator[str]:
    for check in checks:
        for problem in check.problems:
            title = f"claims: {problem.code}" + (f" {problem.finding}" if problem.finding else "")
            level = "warning" if problem.finding and problem.severity == "warning" else _LEVEL[problem.code]
            yield (f"::{level} file={_escape_property(problem.article)},line={problem.line},"
                   f"col={problem.column},title={_escape_property(title)}::{_escape_data(problem.message)}")


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, its pipes escaped, valid UTF-8."""
    return " ".join(terminal(readable(text)).split()).replace("|", "\\|")


def step_summary(checks: list[ArticleCheck]) -> str:
    lines = ["### claims check", "", summary(checks), "",
             "| article | line | problem | claim |", "| --- | ---: | --- | --- |"]
    for check in checks:
        for problem in check.problems:
            text = _cell(problem.text) or _cell(problem.message)
            lines.append(f"| {_cell(problem.article)} | {problem.line} | {problem.code} | {text} |")
    return "\n".join(lines) + "\n"

"""Shared by the update tests: an article of our own, its fresh checklist, header lookup."""

from __future__ import annotations

from claims.cli import main

ARTICLE = ("---\ndate: 2025-03-24\n---\n"
           "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n\n"
           "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr.\n\n"
           "Laut Polizei verlief alles ruhig.\n")


def make_checklist(tmp_path, runner, text: str = ARTICLE):
    """messe.md with `text` and the checklist `claims extract` writes for it."""
    article = tmp_path / "messe.md"
    article.write_text(text, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    return article, tmp_path / "messe.checklist.xlsx"


def header(ws) -> dict[str, int]:
    """Header title -> column of a sheet's first row."""
    return {c.value: c.column for c in ws[1] if c.value is not None}

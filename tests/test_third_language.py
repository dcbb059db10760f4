"""A language is a folder: a third one, made of copies of the German folder in a folder of
its own (CLAIMS_RULES_PATH), works end to end (extract, workbook labels, check, update) with no
change to the program."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from claims.cli import main
from claims.ruleset import builtin_rules_dir

ARTICLE = """---
title: Neues Rathaus
date: 2025-03-24
lang: xx
---
Der Stadtrat hat am 17. März mehr als 80 neue Stellen beschlossen.

Bürgermeisterin Eva Moser sagte: „Das ist ein guter Tag für die Stadt.“
"""


def _copy_of_german(root: Path) -> Path:
    """rules/de copied to root/xx, with the rule ids, the language's name and a few labels
    changed so that the test sees they come from the copy."""
    folder = root / "xx"
    shutil.copytree(builtin_rules_dir() / "de", folder)
    for path in folder.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace('id = "de.', 'id = "xx.').replace('lang = "de"', 'lang = "xx"')
        path.write_text(text, encoding="utf-8")
    labels = folder / "labels.toml"
    text = labels.read_text(encoding="utf-8")
    labels.write_text(text.replace('checklist = "Prüfliste"', 'checklist = "Liste XX"')
                      .replace('confirmed = "bestätigt"', 'confirmed = "geprüft XX"'), encoding="utf-8")
    return folder


@pytest.fixture
def xx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _copy_of_german(tmp_path / "rules")
    monkeypatch.setenv("CLAIMS_RULES_PATH", str(tmp_path / "rules"))
    article = tmp_path / "artikel.md"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


def test_a_language_folder_on_the_rules_path_is_a_language(xx: Path) -> None:
    from claims.languages import available_languages

    assert available_languages() == ["de", "en", "xx"]


def test_the_third_language_extracts_what_its_rules_say(xx: Path, runner) -> None:
    result = runner.invoke(main, ["extract", str(xx), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["article"]["lang"] == "xx"
    found = {(c["kind"], c["text"], c["rule"].split(".")[0]) for c in data["claims"]}
    assert ("date", "am 17. März", "xx") in found
    assert ("figure", "mehr als 80 neue Stellen", "xx") in found or \
        any(k == "figure" and t.startswith("mehr als 80") for k, t, _ in found)


def test_the_third_language_writes_its_own_labels_and_checks_and_updates(xx: Path, runner) -> None:
    checklist = xx.with_name("artikel.checklist.xlsx")
    made = runner.invoke(main, ["extract", str(xx), "-o", str(checklist)])
    assert made.exit_code == 0, made.output
    workbook = openpyxl.load_workbook(checklist)
    assert "Liste XX" in workbook.sheetnames
    sheet = workbook["Liste XX"]
    status = [c.column for c in sheet[1] if c.value == "Status"][0]
    assert sheet.cell(2, status).value == "offen"

    assert runner.invoke(main, ["check", str(xx), "--checklist", str(checklist)]).exit_code == 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value is not None:
            sheet.cell(row, status).value = "geprüft XX"
    workbook.save(checklist)
    checked = runner.invoke(main, ["check", str(xx), "--checklist", str(checklist)])
    assert checked.exit_code == 0, checked.output

    xx.write_text(ARTICLE + "\nAm Montag kamen 300 Gäste.\n", encoding="utf-8")
    updated = runner.invoke(main, ["update", str(xx), "--checklist", str(checklist)])
    assert updated.exit_code == 0, updated.output
    assert runner.invoke(main, ["check", str(xx), "--checklist", str(checklist)]).exit_code == 1


def test_the_third_languages_rule_examples_pass(xx: Path, runner) -> None:
    result = runner.invoke(main, ["rules", "test", "--lang", "xx"])
    assert result.exit_code == 0, result.output[-2000:]

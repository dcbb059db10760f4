"""What a language folder declares is checked like a rule file: an unknown section of
labels.toml or key of language.toml's [workbook] is an error naming the file, and a language
must say how it writes numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claims.checklist.labels import labels_for
from claims.errors import RuleError
from claims.ruleset import builtin_rules_dir, load_ruleset


@pytest.fixture
def xx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "xx"
    shutil.copytree(builtin_rules_dir() / "de", folder)
    for path in folder.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('id = "de.', 'id = "xx.').replace('lang = "de"', 'lang = "xx"'),
                        encoding="utf-8")
    monkeypatch.setenv("CLAIMS_RULES_PATH", str(tmp_path))
    return folder


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_language_folder_gives_its_workbook_labels_and_date_formats(xx: Path):
    labels = labels_for("xx")
    assert labels.lang == "xx" and labels.date_format == "DD.MM.YYYY"


def test_an_unknown_section_of_labels_toml_is_an_error_naming_the_file(xx: Path):
    _append(xx / "labels.toml", '\n[colums]\nid = "ID"\n')
    with pytest.raises(RuleError, match="unknown section 'colums'") as caught:
        labels_for("xx")
    assert str(caught.value.path) == str(xx / "labels.toml") and caught.value.line is not None


def test_an_unknown_workbook_key_of_language_toml_is_an_error(xx: Path):
    text = (xx / "language.toml").read_text(encoding="utf-8")
    (xx / "language.toml").write_text(text.replace('date_format = "DD.MM.YYYY"', 'date_fmt = "DD.MM.YYYY"'),
                                      encoding="utf-8")
    with pytest.raises(RuleError, match="workbook.date_fmt: unknown key"):
        labels_for("xx")


def test_a_language_that_does_not_say_how_it_writes_numbers_is_refused(xx: Path):
    text = (xx / "language.toml").read_text(encoding="utf-8")
    (xx / "language.toml").write_text(text.replace('[numbers]\ndecimal = ","\nthousands = "."\n', ""),
                                      encoding="utf-8")
    with pytest.raises(RuleError, match=r"needs \[numbers\]"):
        load_ruleset("xx")

"""Hostile input: language names, status words and dates that try to slip a check past the gate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import exitcodes
from claims.cli import main
from claims.errors import ClaimsError
from claims.languages import check_lang
from claims.ruleset import load_ruleset
from claims.text.reader import read_article

ARTICLE = "Am 17. März kamen rund 80 Menschen zur Messe nach Bozen.\n"
PATHS = ["../../x", "/tmp/rules", "de/../en", "..", "de/", "de\x00", " de", "de\n", "~/rules"]


@pytest.mark.parametrize("name", PATHS)
def test_a_path_in_front_matter_lang_is_refused_naming_the_file(tmp_path, runner, name):
    article = tmp_path / "a.md"
    article.write_text(f'---\nlang: "{name.encode("unicode_escape").decode()}"\n---\n{ARTICLE}', "utf-8")
    result = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert result.exit_code == exitcodes.ERROR
    assert "a.md" in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("name", ["../en", "/tmp", "de/../en"])
def test_a_path_as_lang_flag_is_refused(tmp_path, runner, name):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    for args in (["extract", str(article), "--format", "json", "--lang", name],
                 ["rules", "list", "--lang", name], ["config", str(tmp_path), "--lang", name]):
        result = runner.invoke(main, args)
        assert result.exit_code == exitcodes.ERROR, args
        assert "not a language name" in result.stderr


def test_a_path_as_lang_in_the_configuration_is_refused_with_its_line(tmp_path, runner):
    (tmp_path / "claims.toml").write_text('checklist = "{stem}.checklist.xlsx"\nlang = "../x"\n', "utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    result = runner.invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == exitcodes.ERROR
    assert "claims.toml:2" in result.stderr and "not a language name" in result.stderr


def test_the_library_refuses_a_path_as_language():
    with pytest.raises(ClaimsError, match="not a language name"):
        claims.extract(ARTICLE, lang="../../etc")
    with pytest.raises(ClaimsError, match="not a language name"):
        load_ruleset("/tmp")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_only_language_tags_pass_the_name_check(name):
    try:
        checked = check_lang(name)
    except ClaimsError:
        return
    assert "/" not in checked and "\\" not in checked and "." not in checked and checked.strip() == checked


@pytest.mark.parametrize("word", ["offen", "Offen ", "OPEN", "open", "falsch", "wrong"])
def test_a_configuration_that_gives_a_status_word_another_meaning_is_refused(tmp_path, runner, word):
    (tmp_path / "claims.toml").write_text(f'[status]\n"{word}" = "confirmed"\n', "utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    result = runner.invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == exitcodes.ERROR
    assert "cannot mean 'confirmed'" in result.stderr


def test_a_newsroom_word_and_a_word_keeping_its_meaning_are_accepted(tmp_path, runner):
    (tmp_path / "claims.toml").write_text('[status]\n"ok" = "confirmed"\n"Bestätigt" = "confirmed"\n', "utf-8")
    result = runner.invoke(main, ["config", str(tmp_path)])
    assert result.exit_code == exitcodes.OK, result.stderr


@pytest.mark.parametrize("front, message", [
    ("date: 2025-02-30", "no day of the calendar"),
    ("date: 2025-13-01", "no day of the calendar"),
    ("date: 0001-01-01", "before 1583"),
    ("date: [2025]", "not a date"),
    ("date: 99999-01-01", "not a date"),
])
def test_an_impossible_front_matter_date_is_named(tmp_path, front, message):
    article = tmp_path / "a.md"
    article.write_text(f"---\n{front}\n---\n{ARTICLE}", "utf-8")
    with pytest.raises(ClaimsError, match=message):
        read_article(article)


def test_a_toml_front_matter_date_that_cannot_be_is_named(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(f"+++\ndate = 2025-02-30\n+++\n{ARTICLE}", "utf-8")
    with pytest.raises(ClaimsError, match="not valid TOML"):
        read_article(article)


@pytest.mark.parametrize("date", ["0001-01-01", "1582-12-31"])
def test_a_date_flag_before_the_gregorian_calendar_is_a_clean_error(tmp_path, runner, date):
    article = tmp_path / "a.txt"
    article.write_text("Gestern kamen 80 Menschen, vor drei Jahren waren es 50.\n", "utf-8")
    result = runner.invoke(main, ["extract", str(article), "--format", "json", "--date", date])
    assert result.exit_code == exitcodes.ERROR
    assert "before 1583" in result.stderr


@pytest.mark.parametrize("date", ["1583-01-01", "9999-12-31"])
def test_article_dates_at_the_ends_of_the_calendar_resolve_what_they_can(date):
    text = ("Gestern kamen 80 Menschen. Morgen kommen mehr. Vor 5000000 Tagen war es still, "
            "in 9000 Jahren auch. Am Montag sagte er das, nächste Woche auch.\n")
    result = claims.extract(text, date=date)
    assert [c.kind for c in result.claims].count("date") >= 5


def test_an_offset_beyond_the_calendar_leaves_the_claim_without_a_value():
    result = claims.extract("Das war vor 5000000 Tagen, sagte sie.", date="2025-03-01")
    claim = next(c for c in result.claims if c.kind == "date")
    assert claim.text == "vor 5000000 Tagen" and claim.value is None

"""{list=value} in a pattern: the entries of a word list whose value names that word."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from claims.errors import RuleError
from claims.ruleset.compiler import _Expander
from claims.ruleset.files import WordList

VERBS = {"teilte": "mit", "gab": "an bekannt", "kündigte": ["an"], "sagte": "zu"}


def expand(pattern: str) -> str:
    lists = {"verbs": WordList("verbs", Path("verbs.toml"), VERBS)}
    return _Expander({}, lists).expand(pattern, Path("x.toml"), 1)


def words(pattern: str, text: str) -> list[str]:
    return regex.findall(rf"(?<!\p{{L}})(?:{expand(pattern)})(?!\p{{L}})", text)


def test_only_the_entries_naming_the_value_are_taken():
    text = "teilte gab kündigte sagte"
    assert words("{verbs=an}", text) == ["gab", "kündigte"]
    assert words("{verbs=mit}", text) == ["teilte"]


def test_a_value_of_several_words_or_an_array_names_each():
    assert words("{verbs=bekannt}", "gab kündigte") == ["gab"]
    assert words("{verbs=an}", "kündigte") == ["kündigte"]


def test_the_whole_list_is_still_every_entry():
    assert words("{verbs}", "teilte gab kündigte sagte") == ["teilte", "gab", "kündigte", "sagte"]


def test_a_value_no_entry_has_is_an_error_naming_it():
    with pytest.raises(RuleError, match="'hin'"):
        expand("{verbs=hin}")


def test_a_value_of_an_unknown_list_is_an_error():
    with pytest.raises(RuleError, match="names no word list"):
        expand("{nouns=an}")

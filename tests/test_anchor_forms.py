"""Anchor forms pick sentences: words, lists, endings, beginnings, parts of words, digits."""

from __future__ import annotations

from pathlib import Path
import anchor_oracle
from claims.engine.anchors import Plan, TokenIndex
from claims.ruleset.files import WordList
from claims.ruleset.grammar import anchor_items
from claims.text.segment import paragraphs, sentences

TEXT = ("Am Dienstagabend kam er. Die Vizebürgermeisterin sprach. Eine zweitägige Messe. "
        "Es kamen 300 Gäste. Nichts geschah.")


def chosen(anchor: list[str], ignore_case: bool = False) -> list[int]:
    sents = sentences(TEXT, paragraphs(TEXT), frozenset(), frozenset())
    lists = {
        "days": WordList("days", Path("days.txt"), {"Dienstag": "Dienstag", "Montag": "Montag"}),
        "heads": WordList("heads", Path("heads.txt"), {"Bürgermeisterin": "x", "Rat": "x"}),
    }
    items = anchor_items(anchor, ignore_case, lists)
    found = TokenIndex(TEXT, sents).sentences_for(items, Plan([items]))
    assert found == anchor_oracle.sentences_for(TokenIndex(TEXT, sents), items)  # the plan and its oracle agree
    return found


def test_a_word_anchor_matches_the_whole_token_only():
    assert chosen(["Messe"]) == [2]
    assert chosen(["Mess"]) == []
    assert chosen(["messe"]) == []
    assert chosen(["messe"], ignore_case=True) == [2]


def test_a_list_anchor_matches_an_entry_as_a_whole_word():
    assert chosen(["{days}"]) == []


def test_an_anchor_with_a_trailing_star_matches_the_beginning_of_a_word():
    assert chosen(["{days}*"]) == [0]
    assert chosen(["Dienstag*"]) == [0]
    assert chosen(["dienstag*"]) == [0]  # beginnings, endings and parts ignore case


def test_an_anchor_with_a_leading_star_matches_the_ending_of_a_word():
    assert chosen(["*{heads}"]) == [1]
    assert chosen(["*tägige"]) == [2]
    assert chosen(["*tägig"]) == []


def test_an_anchor_with_stars_on_both_sides_matches_a_part_of_a_word():
    assert chosen(["*tägig*"]) == [2]
    assert chosen(["*bürger*"]) == [1]
    assert chosen(["*00*"]) == [3]


def test_digit_anchor_matches_words_starting_with_a_digit():
    assert chosen(["#digit"]) == [3]


def test_anchors_add_up():
    assert chosen(["#digit", "{days}*", "Nichts"]) == [0, 3, 4]

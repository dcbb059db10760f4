"""English sentences: titles, initials, U.S., No. and AP datelines do not cut a sentence (a role
or a rank would be cut with it); a number or a word before a full stop still ends one."""

from __future__ import annotations

import pytest

from claims.ruleset import load_ruleset
from claims.text.segment import paragraphs, sentences


@pytest.fixture(scope="module")
def lists():
    return load_ruleset("en").lists


def split(text: str, lists) -> list[str]:
    abbreviations = frozenset(lists["abbreviations"].entries)
    starters = frozenset(lists["sentence_starters"].entries)
    return [text[s.start:s.end] for s in sentences(text, paragraphs(text), abbreviations, starters)]


@pytest.mark.parametrize("text", [
    "The study was led by Dr. Ines Marr of Calder University.",
    "U.S. Attorney Mara Quist said the case was strong.",
    "The No. 7 seed lost in straight sets.",
    "Prosecutors told U.S. District Judge Ann Lee that he had lied.",
    "Gov. Ray Dunn and Rep. Lia Moss spoke after Lt. Col. Sam Reed.",
    "SALEM, Ore. (AP) — A wildfire forced hundreds to flee.",
    "The fire started at about 3 a.m. Sunday near the river.",
    "Maj. Gen. Paul Rook and Det. Ann Vo arrived by Jan. 8.",
])
def test_an_abbreviation_keeps_its_sentence_whole(lists, text):
    assert split(text, lists) == [text]


def test_a_number_before_a_full_stop_ends_a_sentence(lists):
    assert split("The song reached No. 1. It stayed there for weeks.", lists) == [
        "The song reached No. 1.", "It stayed there for weeks."]


def test_a_word_before_a_full_stop_ends_a_sentence(lists):
    assert split("Sales fell in Oregon. The company blamed the fires.", lists) == [
        "Sales fell in Oregon.", "The company blamed the fires."]

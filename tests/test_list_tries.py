"""Word lists become regex tries; inside a lookbehind the trie shares endings (matched right to left)."""

from __future__ import annotations

from pathlib import Path

import regex

from claims.ruleset.compiler import _Expander, _in_lookbehind
from claims.ruleset.files import WordList

WORDS = {w: w for w in ["Meister", "Bürgermeister", "Leiter", "Rat", "Landesrat", "CEO"]}


def expand(pattern: str, ignore_case: bool = False) -> str:
    lists = {"heads": WordList("heads", Path("heads.txt"), WORDS, ignore_case)}
    return _Expander({"word": r"\p{Lu}\p{L}*+(?<={heads})"}, lists).expand(pattern, Path("x.toml"), 1)


def test_a_list_inside_a_lookbehind_is_a_trie_of_endings():
    backwards = expand("(?<={heads})")
    forwards = expand("{heads}")
    assert backwards != forwards
    assert "(?:M|Bürgerm)eis" in backwards  # Meister and Bürgermeister share their ending
    assert "L(?:andesrat|eiter)" in forwards  # Landesrat and Leiter share their beginning


def test_both_tries_match_the_same_words():
    text = "Bürgermeister Huber, Landesrat Moser, der CEO, Rathaus, Leitern, Meisterin"
    found_lb = [m.group() for m in regex.finditer(expand(r"\p{Lu}\p{L}*+(?<={heads})", True), text)]
    found_fw = [m.group() for m in regex.finditer(expand(r"(?<!\p{L})(?=\p{Lu})\p{L}*?{heads}(?!\p{L})", True), text)]
    assert found_lb == found_fw == ["Bürgermeister", "Landesrat", "CEO"]


def test_a_fragment_used_inside_a_lookbehind_passes_the_context_on():
    assert "(?:R|Landesr)at" in expand("(?<=x{word})")
    assert "(?:R|Landesr)at" in expand("x{word}")  # the fragment holds its own lookbehind
    assert "(?:R|Landesr)at" not in expand("x{heads}")


def test_lookbehind_context_skips_escapes_and_classes():
    pattern = r"a(?<=b{x})[(]{y}(?<!c[)]{z})(?<n>{w})\({v}"
    assert [_in_lookbehind(pattern, pattern.index("{" + k)) for k in "xyzwv"] == [True, False, True, False, False]

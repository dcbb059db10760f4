"""Hostile input: Markdown markup that never closes, which made the markup blanker quadratic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import bounded
from claims.text.markdown import blank_markup


@pytest.mark.parametrize("piece", ["**a ", "*a ", "__a ", "_a ", "~~a ", "`a ", "``a ", "<!--", "[a](", "![a](",
                                   "<a ", "[a][", "<http:", "[", "](", "**[a](<http:`*_~~"])
def test_unclosed_markup_on_one_long_line_costs_linear_time(piece):
    text = "Am 17. März kamen 80 Menschen. " + piece * 40_000 + "\n"
    clean, _ = bounded(blank_markup, text, seconds=10, memory_mb=300)  # 20 kB of "**a " took 13 s
    assert len(clean) == len(text) and clean.startswith("Am 17. März kamen 80 Menschen.")


@pytest.mark.parametrize("text", ["`" * 200_000, "a".join("`" * k for k in range(1, 600)), "~" * 200_000,
                                  "*" * 200_000, "_" * 200_000, "[" * 200_000, "<" * 200_000])
def test_long_runs_of_one_delimiter_cost_linear_time(text):
    clean, _ = bounded(blank_markup, text + "\n", seconds=10, memory_mb=300)
    assert len(clean) == len(text) + 1


def test_code_spans_pair_backtick_runs_of_the_same_length():
    clean, _ = blank_markup("Der Befehl `ls -l` und ``a ` b`` und `offen\n")
    assert clean == "Der Befehl  ls -l  und   a ` b   und `offen\n"


def test_markup_that_closes_is_still_blanked():
    text = ("**fett** und *kursiv*, __auch__ _so_, ~~weg~~, `code`, [Link](https://x.at/a_(b) \"T\"), "
            "![Bild](b.png), <https://x.at>, <!-- still --> [ref][1]\n")
    clean, _ = blank_markup(text)
    assert " ".join(clean.split()) == "fett und kursiv , auch so , weg , code , Link , , https://x.at , ref"


PIECES = ["**", "*", "__", "_", "~~", "`", "[", "]", "(", ")", "![", "<", ">", "<!--", "-->", "http:", "a", " ",
          "\n", "|", "#", "> "]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(min_value=1, max_value=3000))
def test_any_markup_soup_keeps_offsets_in_bounded_time(pieces, repeat):
    text = "".join(pieces) * repeat
    clean, _ = bounded(blank_markup, text, seconds=10, memory_mb=300)
    assert len(clean) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(clean) if c == "\n"]

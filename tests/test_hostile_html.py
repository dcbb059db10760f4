"""Hostile input: saved web pages that made the main-text finder or html.parser quadratic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import bounded
from claims.text.formats import html_text

PARAGRAPH = "<p>Am 17. März kamen rund 80 Menschen zur Messe nach Bozen.</p>"
EXPECTED = "Am 17. März kamen rund 80 Menschen zur Messe nach Bozen.\n"


def _page(body: str) -> str:
    return f"<html><head><title>Messe</title></head><body><article>{PARAGRAPH}{body}</article></body></html>"


@pytest.mark.parametrize("name, body", [
    ("deep nesting", "<div>" * 60_000 + "</div>" * 60_000),
    ("unmatched end tags", "<div>" * 30_000 + "</span>" * 30_000),
    ("skipped area nested deep", "<nav>" + "<div>" * 30_000 + "Menü" + "</div>" * 30_000 + "</nav>"),
])
def test_nesting_costs_linear_time(name, body):
    text, title = bounded(html_text, _page(body), seconds=15, memory_mb=300)
    assert text == EXPECTED and title == "Messe"


@pytest.mark.parametrize("piece", ["<a ", "<a b='", "<!--", "<![CDATA[", "<?", "</a", "<!DOCTYPE ", "<a b=\""])
def test_constructs_that_never_close_cost_linear_time(piece):
    page = f"<html><body>{PARAGRAPH}" + piece * 30_000
    text, _ = bounded(html_text, page, seconds=10, memory_mb=200)
    assert text == EXPECTED


def test_a_title_of_many_pieces_is_joined_once():
    page = "<html><title>" + "Messe<i>" * 100_000 + f"</title><body>{PARAGRAPH}</body></html>"
    text, title = bounded(html_text, page, seconds=10, memory_mb=300)
    assert text == EXPECTED and title.startswith("MesseMesse")


def test_text_after_a_tag_cut_off_by_the_end_of_the_page_is_dropped():
    text, _ = html_text(f"<html><body>{PARAGRAPH}<p>Ende <a href='x")
    assert text == EXPECTED + "Ende\n"


PIECES = ["<div>", "</div>", "<p>", "</p>", "<nav>", "</nav>", "<a ", "<a b='", "'", ">", "<!--", "-->",
          "</span>", "<![CDATA[", "]]>", "<?", "&amp;", "&#", "Text ", "17. März ", "<br>", "<script>",
          "</script>", "<article>", "</article>", "<", "\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.integers(min_value=1, max_value=400))
def test_any_tag_soup_is_read_in_bounded_time(pieces, repeat):
    page = "".join(pieces) * repeat
    text, title = bounded(html_text, page, seconds=10, memory_mb=300)
    assert isinstance(text, str)

"""Anchors only skip work: an anchored scan finds what a scan of the whole text finds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claims.engine.anchors import Plan, TokenIndex
from claims.engine.matcher import _paragraph_crossing, find_candidates
from claims.ruleset import load_ruleset
from claims.ruleset.grammar import anchor_items
from claims.text import segment
from claims.text.reader import read_article

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def texts() -> list[str]:
    from generate import text_of_size

    sample = read_article(ROOT / "samples" / "cdf-samsung-xiaomi.md").clean
    return [sample, text_of_size(40_000, seed=3)]


@pytest.mark.parametrize("text", texts(), ids=["sample", "generated"])
def test_anchored_and_whole_text_scans_find_the_same_candidates(text):
    ruleset = load_ruleset("de")
    lists = ruleset.lists
    sentences = segment.sentences(text, segment.paragraphs(text), frozenset(lists["abbreviations"].entries),
                                  frozenset(lists["sentence_starters"].entries))
    # with sentences a sentence-scoped claim never runs into another paragraph; a whole-text
    # scan knows no paragraphs, so the same rule is applied to it here
    crosses = _paragraph_crossing(sentences)
    whole = {(c.rule.id, c.start, c.end) for c in find_candidates(text, ruleset)
             if c.rule.scope == "paragraph" or not crosses(c.start, c.end)}
    anchored = {(c.rule.id, c.start, c.end) for c in find_candidates(text, ruleset, sentences=sentences)}
    assert anchored == whole, sorted(whole ^ anchored)[:10]


def test_an_anchor_list_selects_only_sentences_holding_one_of_its_words():
    ruleset = load_ruleset("de")
    text = "Es regnet. Am 17. März kam sie. Sonst nichts."
    sentences = segment.sentences(text, segment.paragraphs(text), frozenset(), frozenset())
    index = TokenIndex(text, sentences)
    for anchor, expected in ((["{months}"], [1]), (["#digit"], [1]), (["nichts"], [2])):
        items = anchor_items(anchor, False, ruleset.lists)
        assert index.sentences_for(items, Plan([items])) == expected


def test_a_link_with_an_anchor_searches_only_sentences_holding_its_tokens(tmp_path):
    from claims.api import extract_text
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "mine", {"links.toml": '''kind = "quote"

[[link]]
id = "de.quote.test-speaker-after-label"
field = "speaker"
pattern = 'Sprecher (?P<speaker>\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+)'
anchor = ["Pressesprecher"]
sentences_before = 0
priority = 100
'''})
    ruleset = load_ruleset("de", (rules,))

    def speaker(text):
        return next(c for c in extract_text(text, rules=ruleset).claims if c.kind == "quote").value["speaker"]

    # past the article's first two sentences, where a lead quote would look at the sentence after
    lead = "Es regnet. Es ist kalt. "
    assert speaker(lead + "Sprecher Karl Huber: „Wir bleiben hier, ganz sicher.“") is None
    assert speaker(lead + "Der Pressesprecher, Sprecher Karl Huber: „Wir bleiben hier, ganz sicher.“") == "Karl Huber"


def test_a_quote_of_many_sentences_is_found_whole_however_long():
    import claims

    sentences = ["Wir haben in diesem Jahr sehr viel erreicht, mehr als wir uns am Anfang vorgenommen "
                 "hatten, und darauf sind wir alle gemeinsam stolz."] * 6  # longer than the segmenter keeps whole
    text = "Die Obfrau sagte: „" + " ".join(sentences) + "“ Danach gab es Kuchen."
    quotes = [c for c in claims.extract(text).claims if c.kind == "quote"]
    assert [q.text for q in quotes] == ["„" + " ".join(sentences) + "“"]


ACROSS = '''kind = "quote"
{scope}

[[rule]]
id = "de.quote.test-across"
code = "Q900"
summary = "a test rule whose match may cross sentences"
anchor = ["Beginn"]
pattern = 'Beginn[^\\n]*?Ende'
value = {{ quote = "x" }}
'''


def _across(tmp_path, scope: str, text: str) -> list[str]:
    import claims
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / scope, {"quotes.toml": ACROSS.format(scope=f'scope = "{scope}"')})
    ruleset = load_ruleset("de", (rules,))
    return [c.text for c in claims.extract(text, rules=ruleset).claims if c.rule == "de.quote.test-across"]


FAR = "Beginn. " + "Dazwischen steht ein langer Satz ohne Belang. " * 3 + "Ende."


def test_a_sentence_scoped_rule_does_not_reach_a_sentence_far_ahead(tmp_path):
    assert _across(tmp_path, "sentence", FAR) == []


def test_a_paragraph_scoped_rule_reaches_the_end_of_its_paragraph(tmp_path):
    assert _across(tmp_path, "paragraph", FAR) == [FAR[:-1]]  # up to "Ende", without the full stop


def test_a_paragraph_scoped_rule_scans_each_paragraph_once(tmp_path):
    # many anchored sentences in one paragraph: one scan, not one per sentence to the
    # paragraph's end (which costs the square of the paragraph)
    from claims.engine.matcher import _paragraph_ends, _windows
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "p", {"quotes.toml": ACROSS.format(scope='scope = "paragraph"')})
    ruleset = load_ruleset("de", (rules,))
    rule = ruleset.by_id("de.quote.test-across")
    text = "Beginn eins. Nichts. Beginn zwei. Nichts. Beginn drei.\n\nBeginn vier. Ende."
    sentences = segment.sentences(text, segment.paragraphs(text), frozenset(), frozenset())
    windows = _windows(rule, ruleset, text, TokenIndex(text, sentences), sentences,
                       _paragraph_ends(sentences), {})
    first_paragraph_end = text.index("\n")
    assert [(w[0], w[2]) for w in windows][0] == (0, first_paragraph_end)
    assert len(windows) == 2

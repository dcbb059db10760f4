"""The anchor plan: every anchor item of a rule set worked out per word, remembered across articles.

It must select exactly the sentences the item-by-item search selects.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from claims.engine import anchors
from claims.engine.anchors import TokenIndex
from claims.ruleset import load_ruleset
from claims.text import segment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _sentences(text, lists):
    return segment.sentences(text, segment.paragraphs(text), frozenset(lists["abbreviations"].entries),
                             frozenset(lists["sentence_starters"].entries))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_anchor_plan_selects_the_sentences_of_the_item_by_item_search(lang):
    from generate import text_of_size

    ruleset = load_ruleset(lang)
    bare = SimpleNamespace(lists=ruleset.lists)  # no rules: the item-by-item search
    for seed in (3, 4):
        text = text_of_size(30_000, seed=seed) + " Vizebürgermeisterin 2024er DIENSTAGABEND zweitägigen"
        sentences = _sentences(text, ruleset.lists)
        planned, searched = TokenIndex(text, sentences), TokenIndex(text, sentences)
        owners = [*ruleset.rules, *ruleset.links]
        assert any(o.spec.anchor for o in owners)
        for owner in owners:
            anchor, ignore_case = owner.spec.anchor, owner.spec.ignore_case
            if anchor:
                assert planned.sentences_for(anchor, ruleset, ignore_case) == \
                    searched.sentences_for(anchor, bare, ignore_case), owner.spec.id


def test_anchor_plan_remembers_words_across_articles():
    ruleset = load_ruleset("de")
    text = "Am 17. März sagte die Bürgermeisterin etwas. Sonst nichts."
    index = TokenIndex(text, _sentences(text, ruleset.lists))
    index.sentences_for(["{months}"], ruleset, False)
    plan = anchors._plan(ruleset)
    assert "März" in plan.memo and "Bürgermeisterin" in plan.memo
    months = plan.ids[("{months}", False)]
    assert months in plan.memo["März"] and months not in plan.memo["nichts"]


@pytest.mark.parametrize("extra", ["", " Ende\x1cAnfang 7\x1f8."])
def test_token_index_reads_each_distinct_chunk_once_with_the_tokens_of_each_sentence(extra):
    """The index tokenizes whitespace-separated chunks once each; a sentence must still hold
    exactly the tokens the token pattern finds in it (also beside U+001C..U+001F, which
    str.split treats as whitespace and the token pattern as punctuation)."""
    from generate import text_of_size

    ruleset = load_ruleset("de")
    text = text_of_size(20_000, seed=5) + " „Zitat“, sagte sie (am 3.4.) – 12,5 %!" + extra
    sentences = _sentences(text, ruleset.lists)
    expected: dict[str, list[int]] = {}
    for i, sentence in enumerate(sentences):
        for token in set(anchors.TOKEN.findall(text, sentence.start, sentence.end)):
            expected.setdefault(token, []).append(i)
    assert dict(TokenIndex(text, sentences).where) == expected
    if extra:
        assert "\x1c" in expected
    planned = TokenIndex(text, sentences)
    for owner in [*ruleset.rules, *ruleset.links]:
        if owner.spec.anchor:
            assert planned.sentences_for(owner.spec.anchor, ruleset, owner.spec.ignore_case) == \
                TokenIndex(text, sentences).sentences_for(
                    owner.spec.anchor, SimpleNamespace(lists=ruleset.lists), owner.spec.ignore_case)

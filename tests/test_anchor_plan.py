"""The anchor plan: every anchor item of a rule set worked out per word, remembered across articles.

It must select exactly the sentences the item-by-item search (tests/anchor_oracle.py) selects.
"""

from __future__ import annotations

import sys
from pathlib import Path
import pytest

import anchor_oracle
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
    plan = anchors.plan_of(ruleset)
    for seed in (3, 4):
        text = text_of_size(30_000, seed=seed) + " Vizebürgermeisterin 2024er DIENSTAGABEND zweitägigen"
        sentences = _sentences(text, ruleset.lists)
        planned, searched = TokenIndex(text, sentences), TokenIndex(text, sentences)
        owners = [(o.spec.id, o.anchor) for o in [*ruleset.rules, *ruleset.links]]
        owners += [(link.spec.id, anchor) for link in ruleset.links for _, anchor in link.branches]
        assert any(anchor for _, anchor in owners)
        for owner, anchor in owners:
            if anchor:
                assert planned.sentences_for(anchor, plan) == anchor_oracle.sentences_for(searched, anchor), owner


def test_anchor_plan_remembers_words_across_articles():
    ruleset = load_ruleset("de")
    text = "Am 17. März sagte die Bürgermeisterin etwas. Sonst nichts."
    index = TokenIndex(text, _sentences(text, ruleset.lists))
    months_rule = next(r for r in ruleset.rules if r.spec.anchor == ["{months}"])
    plan = anchors.plan_of(ruleset)
    index.sentences_for(months_rule.anchor, plan)
    assert "März" in plan.memo and "Bürgermeisterin" in plan.memo
    months = plan.ids[months_rule.anchor[0]]
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
        if owner.anchor:
            assert planned.sentences_for(owner.anchor, anchors.plan_of(ruleset)) == \
                anchor_oracle.sentences_for(TokenIndex(text, sentences), owner.anchor)

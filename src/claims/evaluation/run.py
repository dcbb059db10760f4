"""Run the extractor over a gold directory and score it."""

from __future__ import annotations

from pathlib import Path

from claims.api import extract_article
from claims.evaluation.gold import load_gold_dir
from claims.evaluation.scoring import Score, score_article
from claims.ruleset import load_ruleset
from claims.text.reader import read_article


def evaluate(folder: Path, lang: str | None = None, rule_dirs: tuple[Path, ...] = ()) -> Score:
    """Score every article of ``folder`` with the rules of its language: ``lang`` if given, else
    the one meta.json names for the article, else the article's own. ``rule_dirs`` are added to
    each language's built-in rules, as ``--rules`` does."""
    score = Score()
    for gold in load_gold_dir(folder):
        article = read_article(gold.article_path, lang=lang or gold.lang, date=gold.date)
        result = extract_article(article, load_ruleset(article.lang, rule_dirs))
        score_article(gold, result.claims, article.text, score)
    return score

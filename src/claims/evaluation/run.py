"""Run the extractor over a gold directory and score it."""

from __future__ import annotations

from pathlib import Path

from claims.api import extract_article
from claims.evaluation.gold import load_gold_dir
from claims.evaluation.scoring import Score, score_article
from claims.ruleset import RuleSet
from claims.text.reader import read_article


def evaluate(folder: Path, lang: str | None = None, rules: RuleSet | None = None) -> Score:
    score = Score()
    for gold in load_gold_dir(folder):
        article = read_article(gold.article_path, lang=lang, date=gold.date)
        result = extract_article(article, rules)
        score_article(gold, result.claims, article.text, score)
    return score

"""The library's entry points: text or a file in, an ExtractionResult out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claims.config import DEFAULT_LANG
from claims.engine import matcher as engine
from claims.findings import find
from claims.models import Article, ArticleInfo, ExtractionResult
from claims.ruleset import RuleSet, load_ruleset
from claims.text.reader import article_from_text, read_article


def extract_article(article: Article, rules: RuleSet | None = None) -> ExtractionResult:
    ruleset = rules or load_ruleset(article.lang)
    claims, paragraphs, sentences = engine.run(article, ruleset)
    return ExtractionResult.model_construct(
        article=ArticleInfo.model_construct(path=article.path, title=article.title, date=article.date,
                            lang=article.lang, sha256=article.sha256),
        claims=claims, paragraphs=paragraphs, sentences=sentences,
        ruleset=ruleset.name, ruleset_version=ruleset.version,
        findings=find(article.clean, article.date, claims, sentences, ruleset.findings, ruleset.lang),
    )


def extract_text(text: str, *, lang: str | None = None, date: Any = None, title: str | None = None,
                 rules: RuleSet | None = None, fmt: str = "txt") -> ExtractionResult:
    """``lang`` unset: the configuration's default language, over any front matter."""
    lang = lang or DEFAULT_LANG
    article = article_from_text(text, fmt=fmt, lang=lang, date=date, title=title)
    return extract_article(article, rules)


def extract_path(path: str | Path, *, lang: str | None = None, date: Any = None,
                 rules: RuleSet | None = None) -> ExtractionResult:
    return extract_article(read_article(path, lang=lang, date=date), rules)

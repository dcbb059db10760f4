"""Shared helpers for the checklist tests: articles of our own and hand-made claims."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claims.api import extract_article
from claims.engine.ids import assign
from claims.models import Article, ArticleInfo, Claim, ExtractionResult, Paragraph, Sentence
from claims.text.reader import article_from_text

GERMAN = (
    "Die Messe in Bozen beginnt am 17. März 2025. Laut Veranstalter kommen mehr als 80 Aussteller.\n\n"
    "Im vergangenen Jahr zählte die Messe rund 2.000 Besucher. Die zweitägige Veranstaltung "
    "endet am 18. März.\n"
)
ENGLISH = (
    "The fair in Bolzano opens on 17 March 2025. More than 80 exhibitors are expected.\n\n"
    "Last year about 2,000 visitors came.\n"
)

OWASP_PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1",
                  "=HYPERLINK(\"http://evil.example\",\"x\")", "=1+1"]


def extracted(text: str = GERMAN, lang: str = "de", date: str = "2025-03-10",
              title: str = "Messe in Bozen") -> tuple[ExtractionResult, Article]:
    article = article_from_text(text, path="messe.txt", lang=lang, date=date, title=title)
    return extract_article(article), article


def handmade(texts: list[str], lang: str = "de", kind: str = "quote",
             value: Any = None) -> tuple[ExtractionResult, Article]:
    """One paragraph per text; each text is one sentence and one claim of its own (no rules)."""
    body = "\n\n".join(texts) + "\n"
    article = Article(path="handmade.txt", title="Handgemacht", lang=lang, text=body, clean=body,
                      sha256="0" * 64)
    claims: list[Claim] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    offset = 0
    for i, text in enumerate(texts, start=1):
        paragraphs.append(Paragraph(start=offset, end=offset + len(text), index=i))
        sentences.append(Sentence(start=offset, end=offset + len(text), index=i, paragraph=i))
        claims.append(Claim(kind=kind, text=text, start=offset, end=offset + len(text), line=2 * i - 1,
                            column=1, sentence=text, sentence_start=offset, paragraph=i,
                            value=value, rule="test.handmade", hint=text))
        offset += len(text) + 2
    assign(claims)
    result = ExtractionResult(article=ArticleInfo(path=article.path, title=article.title,
                                                  lang=lang, sha256=article.sha256),
                              claims=claims, paragraphs=paragraphs, sentences=sentences,
                              ruleset="test", ruleset_version="0")
    return result, article


def sheet_xml(path: Path, name: str) -> str:
    """The XML of the worksheet called ``name`` inside the .xlsx at ``path``."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as zf:
        workbook = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet[^>]*name="{re.escape(name)}"[^>]*r:id="([^"]+)"', workbook)
        assert rid, f"no sheet {name}"
        target = re.search(rf'<Relationship[^>]*Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels) or \
            re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
        assert target
        member = target.group(1).lstrip("/")
        if not member.startswith("xl/"):
            member = "xl/" + member
        return zf.read(member).decode()

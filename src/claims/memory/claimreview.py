"""``claims export claimreview``: schema.org ClaimReview JSON-LD for the claims a desk found
falsch or korrigiert, with the fields Google's fact-check markup asks for (claimReviewed,
reviewRating with alternateName, itemReviewed as a Claim with author and datePublished,
author, datePublished, url). The review's author and URL come from ``[claimreview]``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from claims.checklist.labels import labels_for

# schema.org Rating on a scale of 1 (false) to 5 (true): falsch is 1; korrigiert, a claim the
# desk found wrong and had corrected before publication, is 2 (the text as first written was wrong)
RATINGS = {"wrong": 1, "corrected": 2}
REVIEWED = tuple(RATINGS)
MAX_CLAIM_CHARS = 500


def _claim_author(kind: str, value: Any, publisher: dict[str, Any]) -> dict[str, Any]:
    """Who made the claim: a quotation's speaker, an attribution's source, else the publication."""
    name = None
    if isinstance(value, dict):
        name = value.get("speaker") if kind == "quote" else value.get("source") if kind == "attribution" else None
    if name:
        return {"@type": "Person" if kind == "quote" else "Organization", "name": str(name)}
    return dict(publisher)


def reviews(checklist: str | Path, settings: Any, vocabulary: dict[str, str] | None = None,
            today: dt.date | None = None) -> list[dict[str, Any]]:
    from claims.checklist.reader import read_checklist
    from claims.memory.record import _claim_values, _iso_day, _text

    path = Path(checklist)
    read = read_checklist(path, vocabulary)
    values = _claim_values(path)
    meta = read.meta
    labels = labels_for(meta.get("lang") or "de")
    article = Path(meta.get("article_path") or path.name)
    url = settings.url.format(stem=article.stem, name=article.name)
    publisher: dict[str, Any] = {"@type": "Organization", "name": settings.author}
    if settings.author_url:
        publisher["url"] = settings.author_url
    published = meta.get("article_date") or None
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": meta.get("article_title") or article.name}
    if published:
        appearance["datePublished"] = published
    out = []
    for row in [*read.rows, *read.removed]:
        if row.status not in REVIEWED:
            continue
        sentence = _text(row.generated.get("sentence")) or row.text
        claim: dict[str, Any] = {"@type": "Claim",
                                 "author": _claim_author(row.kind, values.get(row.id), publisher),
                                 "appearance": appearance}
        if published:
            claim["datePublished"] = published
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{url}#{row.id}",
            "claimReviewed": sentence if len(sentence) <= MAX_CLAIM_CHARS else sentence[:MAX_CLAIM_CHARS - 1] + "…",
            "itemReviewed": claim,
            "author": publisher,
            "datePublished": _iso_day(row.editor.get("checked_on")) or (today or dt.date.today()).isoformat(),
            "reviewRating": {"@type": "Rating", "ratingValue": RATINGS[row.status], "bestRating": 5,
                             "worstRating": 1, "alternateName": labels.status_label(row.status)},
        }
        body = " ".join(x for x in (_text(row.editor.get("note")), _text(row.editor.get("evidence"))) if x)
        if body:
            review["reviewBody"] = body
        out.append(review)
    return out

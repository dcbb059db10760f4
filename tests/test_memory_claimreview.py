"""``claims export claimreview``: schema.org ClaimReview JSON-LD for the claims found falsch or
korrigiert, checked against the fields Google's fact-check markup requires."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claims.cli import main
from memory_support import DAY_ONE, tick

SETTINGS = ('[claimreview]\nauthor = "Dokumentation des Lindacher Boten"\nauthor_url = "https://bote.example.org"\n'
            'url = "https://bote.example.org/faktencheck/{stem}"\n')


def google_problems(review: dict) -> list[str]:
    """What Google's ClaimReview markup requires (Search Central, fact-check structured data):
    claimReviewed, reviewRating.alternateName, url, author with a name; recommended and checked
    here too: itemReviewed as a Claim with author and datePublished, datePublished as a date."""
    import datetime as dt

    problems = []
    if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
        problems.append("@context/@type")
    for key in ("claimReviewed", "url", "datePublished"):
        if not isinstance(review.get(key), str) or not review[key].strip():
            problems.append(key)
    if not str(review.get("url", "")).startswith(("http://", "https://")):
        problems.append("url is no URL")
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not rating.get("alternateName"):
        problems.append("reviewRating.alternateName")
    if "ratingValue" in rating and not (rating.get("worstRating", 1) <= rating["ratingValue"] <= rating.get("bestRating", 5)):
        problems.append("reviewRating.ratingValue out of its scale")
    author = review.get("author") or {}
    if author.get("@type") not in ("Organization", "Person") or not author.get("name"):
        problems.append("author")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim" or not (item.get("author") or {}).get("name"):
        problems.append("itemReviewed.author")
    for key in ("datePublished",):
        try:
            dt.date.fromisoformat(item.get(key, ""))
        except ValueError:
            problems.append(f"itemReviewed.{key}")
    try:
        dt.date.fromisoformat(review.get("datePublished", ""))
    except ValueError:
        problems.append("datePublished is no date")
    return problems


def _checklist(tmp_path: Path, marks: dict[str, str], settings: str = SETTINGS) -> Path:
    (tmp_path / "claims.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "tag1.md").write_text(DAY_ONE, encoding="utf-8")
    assert CliRunner().invoke(main, ["extract", str(tmp_path / "tag1.md")]).exit_code == 0
    checklist = tmp_path / "tag1.checklist.xlsx"
    tick(checklist, marks)
    return checklist


def test_each_claim_found_wrong_or_corrected_becomes_a_valid_claim_review(tmp_path: Path) -> None:
    checklist = _checklist(tmp_path, {"*": "bestätigt", "rund 4 Millionen Euro": "falsch",
                                      "„Die Brücke ist das Herz unserer Gemeinde“": "korrigiert"})
    result = CliRunner().invoke(main, ["export", "claimreview", str(checklist)])
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.output)
    assert len(reviews) == 2
    for review in reviews:
        assert google_problems(review) == []
    wrong = next(r for r in reviews if r["reviewRating"]["alternateName"] == "falsch")
    assert "4 Millionen Euro" in wrong["claimReviewed"]
    assert wrong["url"].startswith("https://bote.example.org/faktencheck/tag1#")
    assert wrong["itemReviewed"]["datePublished"] == "2026-03-02"
    assert wrong["datePublished"] == "2026-03-02"  # the day the desk checked it
    quote = next(r for r in reviews if r["reviewRating"]["alternateName"] == "korrigiert")
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Roth"}


def test_the_validator_sees_a_review_without_its_rating_name() -> None:
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "x",
              "url": "https://x.example", "datePublished": "2026-03-02",
              "author": {"@type": "Organization", "name": "Dok"},
              "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Roth"},
                               "datePublished": "2026-03-02"},
              "reviewRating": {"@type": "Rating", "ratingValue": 1}}
    assert google_problems(review) == ["reviewRating.alternateName"]


def test_export_without_claimreview_settings_is_exit_2(tmp_path: Path) -> None:
    checklist = _checklist(tmp_path, {"*": "falsch"}, settings="")
    result = CliRunner().invoke(main, ["export", "claimreview", str(checklist)])
    assert result.exit_code == 2 and "[claimreview]" in result.output

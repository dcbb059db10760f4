"""English is a folder of rules: an English article gets English dates, figures in English
number format (2,000 is two thousand, 3.5 is three and a half), quotes with speakers, and
an English workbook. The sentences are our own."""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner

import claims
from claims.cli import main
from claims.engine.values.figure import normalize, parse_number
from claims.kinds import KINDS
from claims.ruleset import load_ruleset
from claims.examples import run_examples

ARTICLE = (
    "SEOUL (Reuters) - More than 80 CEOs and about 2,000 deputy chairmen met in Seoul on March 17 "
    "for a two-day summit. Samsung Chairman Lee Jae-yong opened it at 2 p.m.\n\n"
    "“We have never seen demand like this,” said Xiaomi CEO Lei Jun. According to police, "
    "thousands of protesters gathered outside. The company announced a $3.5bn investment, "
    "its largest since 2023.\n\n"
    "Tim Cook, CEO of Apple, said sales rose 12.5 percent last year. Analysts said two thirds "
    "of the growth came from China.\n\n"
    "Photo: Reuters\n"
)


def _claims(text: str = ARTICLE) -> dict[str, list]:
    result = claims.extract(text, lang="en", date="2025-03-24")
    found: dict[str, list] = {}
    for claim in result.claims:
        found.setdefault(claim.kind, []).append((claim.text, claim.value))
    return found


def test_english_article_gives_dates_resolved_against_the_article_date():
    dates = dict(_claims()["date"])
    assert dates["on March 17"] == "2025-03-17"
    assert dates["two-day"] == "P2D"
    assert dates["at 2 p.m."] == "2025-03-17T14:00"
    assert dates["since 2023"] == "2023"
    assert dates["last year"] == "2024"


def test_english_figures_read_english_number_format():
    figures = dict(_claims()["figure"])
    assert figures["about 2,000 deputy chairmen"] == {"number": 2000, "approx": "about",
                                                       "unit": "deputy chairmen"}
    assert figures["More than 80 CEOs"]["approx"] == "over"
    assert figures["$3.5bn"]["number"] == 3_500_000_000
    assert figures["12.5 percent"]["number"] == 12.5
    assert figures["two thirds"]["number"] == pytest.approx(0.6667)
    assert figures["thousands of protesters"] == {"number": 1000, "approx": "over", "unit": "protesters"}


def test_english_quotes_get_their_speaker_and_the_other_kinds_are_found():
    found = _claims()
    assert found["quote"] == [("“We have never seen demand like this,”",
                               {"quote": "We have never seen demand like this,", "speaker": "Lei Jun"})]
    assert ("According to police", {"source": "police"}) in found["attribution"]
    assert ("Analysts said", {"source": "Analysts"}) in found["attribution"]
    roles = dict(found["role"])
    assert roles["Samsung Chairman Lee Jae-yong"] == {"person": "Lee Jae-yong", "role": "chairman",
                                                      "org": "Samsung"}
    assert roles["Tim Cook, CEO of Apple"]["org"] == "Apple"
    assert ("its largest", {}) in found["superlative"]
    assert ("(Reuters)", {"credit": "Reuters"}) in found["credit"]
    assert ("Photo: Reuters", {"credit": "Reuters"}) in found["credit"]


def test_number_format_comes_from_language_toml():
    assert load_ruleset("en").decimal == "." and load_ruleset("en").thousands == ","
    assert load_ruleset("de").decimal == "," and load_ruleset("de").thousands == "."
    assert parse_number("2,000", decimal=".", thousands=",") == 2000
    assert parse_number("1,234,567.89", decimal=".", thousands=",") == pytest.approx(1234567.89)
    assert parse_number("3.5", decimal=".", thousands=",") == 3.5
    assert parse_number("1.2.3", decimal=".", thousands=",") is None

    class Ctx:
        ruleset = load_ruleset("en")

    assert normalize({"number": "2,000"}, Ctx())["number"] == 2000
    assert normalize({"number": "2,000"}, None)["number"] == 2  # German default: 2,000 is two


def test_german_digits_keep_german_format():
    result = claims.extract("Es kamen rund 2.000 Besucher und 3,5 Millionen Euro.", lang="de",
                            date="2025-03-24")
    values = {c.text: c.value["number"] for c in result.claims if c.kind == "figure"}
    assert values == {"rund 2.000 Besucher": 2000, "3,5 Millionen Euro": 3500000}


def test_every_english_rule_passes_its_examples_and_has_an_english_hint():
    ruleset = load_ruleset("en")
    assert ruleset.name == "claims-en"
    failed = [r for r in run_examples(ruleset) if r.kind != "todo" and not r.passed]
    assert not failed, [(r.rule, r.text, r.problem) for r in failed]
    for rule in ruleset.rules:
        assert rule.id.startswith("en."), rule.id
        assert rule.spec.hint or rule.spec.suppress, rule.id
    assert {rule.kind for rule in ruleset.rules} == set(KINDS)


def test_extract_cli_on_english_markdown_writes_an_english_workbook(tmp_path):
    article = tmp_path / "summit.md"
    article.write_text("---\ntitle: Chipmakers meet\ndate: 2025-03-24\nlang: en\n---\n\n" + ARTICLE,
                       encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["article"]["lang"] == "en"
    assert any(c["rule"].startswith("en.") for c in data["claims"])

    workbook = tmp_path / "summit.xlsx"
    out = runner.invoke(main, ["extract", str(article), "-o", str(workbook)])
    assert out.exit_code == 0, out.output
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames[0] == "Checklist"
    texts = [row[3] for row in book["Checklist"].iter_rows(values_only=True)]
    assert "about 2,000 deputy chairmen" in texts

"""Scoring as the spec's "Gold files and scoring" says."""

from __future__ import annotations

import json

from claims.cli import main
from claims.evaluation.gold import GoldArticle, GoldClaim
from claims.evaluation.scoring import Score, score_article, value_matches
from claims.models import Claim

TEXT = "Am 17. März kamen mehr als 80 Gäste. Am 18. März kamen 90 Gäste."


def gold(kind, text, occurrence=1, value=None, optional=False):
    start = -1
    for _ in range(occurrence):
        start = TEXT.find(text, start + 1)
    return GoldClaim(kind=kind, text=text, occurrence=occurrence, value=value, optional=optional,
                     start=start, end=start + len(text))


def found(kind, text, value=None, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = TEXT.find(text, start + 1)
    return Claim(kind=kind, text=text, start=start, end=start + len(text), value=value, rule="t")


def score(golds, founds):
    article = GoldArticle(stem="a", article_path="a.txt", date=None, kinds=["date", "figure"], claims=golds)
    result = Score()
    score_article(article, founds, TEXT, result)
    return result


def test_an_overlapping_claim_of_the_same_kind_matches():
    result = score([gold("date", "Am 17. März", value="2025-03-17")], [found("date", "17. März", "2025-03-17")])
    date = result.kinds["date"]
    assert (date.precision, date.recall, date.value_accuracy, date.exact_rate) == (1, 1, 1, 0)


def test_each_gold_claim_matches_at_most_one_found_claim():
    result = score([gold("date", "Am 17. März")], [found("date", "Am 17."), found("date", "März")])
    assert result.kinds["date"].precision == 0.5


def test_optional_gold_counts_neither_as_miss_nor_as_false_alarm():
    result = score([gold("figure", "90 Gäste", optional=True)], [found("figure", "90 Gäste")])
    figure = result.kinds["figure"]
    assert (figure.gold, figure.found) == (0, 0)
    assert result.misses == []


def test_a_claim_of_another_kind_does_not_match():
    result = score([gold("figure", "80 Gäste")], [found("date", "80 Gäste")])
    assert result.kinds["figure"].recall == 0
    assert [m.problem for m in result.misses] == ["false-alarm", "missed"]


def test_figure_values_compare_number_and_approx_only():
    assert value_matches("figure", {"number": 80, "approx": "over", "unit": "Gäste"},
                         {"number": 80.0, "approx": "over", "unit": "Besucher"})
    assert not value_matches("figure", {"number": 80, "approx": "over"}, {"number": 80, "approx": None})


def test_eval_cli_prints_a_table_and_json(tmp_path, runner):
    (tmp_path / "a.txt").write_text("Die Messe beginnt am 17. März in Bozen.\n", encoding="utf-8")
    (tmp_path / "a.gold.jsonl").write_text(json.dumps(
        {"kind": "date", "text": "am 17. März", "occurrence": 1, "value": "2025-03-17"}) + "\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"a": {"date": "2025-03-24", "kinds": ["date"]}}))
    table = runner.invoke(main, ["eval", str(tmp_path)])
    assert table.exit_code == 0 and "date" in table.output
    data = json.loads(runner.invoke(main, ["eval", str(tmp_path), "--json"]).output)
    assert data["kinds"]["date"]["recall"] == 1.0 and data["kinds"]["date"]["value_accuracy"] == 1.0


def test_eval_of_a_folder_without_gold_files_is_an_input_error(tmp_path, runner):
    result = runner.invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 2 and "no *.gold.jsonl" in result.output


def test_a_name_is_right_when_the_gold_names_last_word_is_one_of_the_found_names_words():
    assert value_matches("quote", {"speaker": "Lee"}, {"quote": "…", "speaker": "Herr Lee"})
    assert value_matches("attribution", {"source": "die Polizei"}, {"source": "Polizei"})
    assert value_matches("role", {"person": "Anna Berger", "role": "Landesrätin", "org": None},
                         {"person": "Berger", "role": "Rätin", "org": "Land"})
    assert not value_matches("attribution", {"source": "Anna Berger"}, {"source": "Anna"})


def test_names_compare_without_case_and_punctuation():
    assert value_matches("credit", {"credit": "APA/AFP"}, {"credit": "apa / afp"})


def test_a_gold_speaker_of_none_is_matched_only_by_none():
    assert value_matches("quote", {"speaker": None}, {"quote": "…", "speaker": None})
    assert not value_matches("quote", {"speaker": None}, {"quote": "…", "speaker": "Müller"})
    assert not value_matches("quote", {"speaker": "Müller"}, {"quote": "…", "speaker": None})


def test_eval_reads_each_articles_language_from_meta(tmp_path, runner):
    (tmp_path / "de.txt").write_text("Die Messe beginnt am 17. März in Bozen.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The fair opens on March 17 in Bolzano.\n", encoding="utf-8")
    for stem, text, value in (("de", "am 17. März", "2025-03-17"), ("en", "on March 17", "2025-03-17")):
        (tmp_path / f"{stem}.gold.jsonl").write_text(json.dumps(
            {"kind": "date", "text": text, "occurrence": 1, "value": value}) + "\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({
        "de": {"date": "2025-03-24", "lang": "de", "kinds": ["date"]},
        "en": {"date": "2025-03-24", "lang": "en", "kinds": ["date"]}}))
    data = json.loads(runner.invoke(main, ["eval", str(tmp_path), "--json"]).output)
    assert data["kinds"]["date"]["recall"] == 1.0 and data["kinds"]["date"]["value_accuracy"] == 1.0

"""The article's language and date, and whose checklist it is (issue 9, items 1 and 2)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from claims import exitcodes
from claims.cli import main
from claims.text.language import detect

ENGLISH = ("The council met on 3 March. More than 200 residents attended the meeting.\n\n"
           "Mayor John Hale said the bridge would reopen in May. Police said it was quiet.\n\n"
           "According to the council, the budget rose by 4 per cent. The hall was built in 1998.\n")
GERMAN = ("Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n\n"
          "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr. Laut Polizei verlief alles ruhig.\n")


def claims_of(runner, *args) -> list[dict]:
    result = runner.invoke(main, ["extract", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["claims"]


def test_an_english_txt_extracted_with_lang_en_keeps_every_claim_on_update_and_check(tmp_path, runner):
    article = tmp_path / "council.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article), "--lang", "en"]).exit_code == 0
    checklist = tmp_path / "council.checklist.xlsx"
    count = len(claims_of(runner, str(article), "--lang", "en"))
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == 0 and f"{count} kept" in result.output and "nothing new, changed or removed" in result.output
    check = runner.invoke(main, ["check", str(article), "--format", "json"])
    assert not [p for p in json.loads(check.output)["articles"][0]["problems"] if p["code"] in ("new", "changed")]
    assert openpyxl.load_workbook(checklist).sheetnames[0] == "Checklist"


def test_a_german_txt_without_front_matter_keeps_its_dates_year_from_the_stored_date(tmp_path, runner):
    article = tmp_path / "messe.txt"
    article.write_text(GERMAN, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article), "--date", "2025-03-10"]).exit_code == 0
    checklist = tmp_path / "messe.checklist.xlsx"
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    wb = openpyxl.load_workbook(checklist)
    stored = {row[0].value: row for row in wb["_claims"].iter_rows(min_row=2)}
    header = [c.value for c in wb["_claims"][1]]
    values = [json.loads(row[header.index("value")].value) for row in stored.values()]
    assert "2025-03-17" in values
    check = runner.invoke(main, ["check", str(article), "--format", "json"])
    assert not [p for p in json.loads(check.output)["articles"][0]["problems"] if p["code"] in ("new", "changed")]


def test_a_date_on_the_command_line_wins_over_the_stored_one(tmp_path, runner):
    article = tmp_path / "messe.txt"
    article.write_text(GERMAN, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article), "--date", "2025-03-10"]).exit_code == 0
    assert runner.invoke(main, ["update", str(article), "--date", "2026-03-10"]).exit_code == 0
    wb = openpyxl.load_workbook(tmp_path / "messe.checklist.xlsx")
    meta = {row[0].value: row[1].value for row in wb["_meta"].iter_rows()}
    header = [c.value for c in wb["_claims"][1]]
    values = [json.loads(row[header.index("value")].value) for row in wb["_claims"].iter_rows(min_row=2)]
    assert meta["article_date"] == "2026-03-10" and "2026-03-17" in values


@pytest.mark.parametrize("command", ["extract", "check", "update"])
def test_every_command_that_reads_articles_takes_lang_and_date(runner, command):
    text = runner.invoke(main, [command, "--help"]).output
    assert "--lang" in text and "--date" in text and "--rules" in text


def test_an_article_with_no_language_anywhere_gets_it_detected(tmp_path, runner):
    english = tmp_path / "council.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(english), "--format", "json"])
    assert json.loads(result.output)["article"]["lang"] == "en"
    german = tmp_path / "messe.txt"
    german.write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(german), "--format", "json"])
    assert json.loads(result.output)["article"]["lang"] == "de"


def test_front_matter_and_configuration_win_over_detection(tmp_path, runner):
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "claims.toml").write_text('lang = "de"\n', encoding="utf-8")
    article = tmp_path / "council.md"
    article.write_text("---\nlang: de\n---\n" + ENGLISH, encoding="utf-8")
    assert json.loads(runner.invoke(main, ["extract", str(article), "--format", "json"]).output)["article"]["lang"] == "de"
    plain = tmp_path / "conf" / "council.txt"
    plain.write_text(ENGLISH, encoding="utf-8")
    assert json.loads(runner.invoke(main, ["extract", str(plain), "--format", "json"]).output)["article"]["lang"] == "de"


@pytest.mark.parametrize("text, lang", [
    ("Der Rat beschließt das Budget für das kommende Jahr.", "de"),
    ("The council approves the budget for the coming year.", "en"),
    ("Die Polizei sperrt die Straße", "de"),
    ("Police close the road to the harbour", "en"),
])
def test_the_function_word_vote_decides_short_texts(text, lang):
    assert detect(text) == lang


def test_the_vote_abstains_where_no_function_word_decides():
    assert detect("Foto: Maria Huber/APA") is None
    assert detect("1:0 (2:1)") is None


def test_a_checklist_of_another_article_is_refused_unless_forced(tmp_path, runner):
    one, other = tmp_path / "messe.md", tmp_path / "rat.md"
    one.write_text("---\ndate: 2025-03-24\n---\n" + GERMAN, encoding="utf-8")
    other.write_text("---\ndate: 2025-03-24\n---\nDer Gemeinderat tagte am 4. April. Es ging um 3 Millionen Euro.\n",
                     encoding="utf-8")
    assert runner.invoke(main, ["extract", str(one)]).exit_code == 0
    checklist = tmp_path / "messe.checklist.xlsx"
    before = checklist.read_bytes()
    result = runner.invoke(main, ["update", str(other), "--checklist", str(checklist)])
    assert result.exit_code == exitcodes.ERROR and "another article" in result.output and "--force" in result.output
    assert checklist.read_bytes() == before
    result = runner.invoke(main, ["check", str(other), "--checklist", str(checklist)])
    assert result.exit_code == exitcodes.ERROR and "another article" in result.output
    assert runner.invoke(main, ["update", str(other), "--checklist", str(checklist), "--force"]).exit_code == 0


def test_the_same_article_renamed_or_edited_is_still_its_own(tmp_path, runner):
    article = tmp_path / "messe.md"
    article.write_text("---\ndate: 2025-03-24\n---\n" + GERMAN, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    checklist = tmp_path / "messe.checklist.xlsx"
    renamed = tmp_path / "messe-final.md"
    article.rename(renamed)  # renamed, same text: its checksum is in the history
    assert runner.invoke(main, ["update", str(renamed), "--checklist", str(checklist)]).exit_code == 0
    renamed.write_text(renamed.read_text(encoding="utf-8") + "\nNeu: am 2. Mai.\n", encoding="utf-8")
    assert runner.invoke(main, ["update", str(renamed), "--checklist", str(checklist)]).exit_code == 0

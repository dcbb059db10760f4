"""`claims extract` as a user runs it: outputs, and one clear line for bad input."""

from __future__ import annotations

import json

from claims import exitcodes
from claims.cli import main


def test_json_output_has_the_spec_shape(runner, sample):
    result = runner.invoke(main, ["extract", str(sample), "--format", "json"])
    assert result.exit_code == exitcodes.OK, result.output
    data = json.loads(result.output)
    assert data["article"]["date"] == "2025-03-24" and data["article"]["lang"] == "de"
    assert len(data["article"]["sha256"]) == 64
    claim = next(c for c in data["claims"] if c["text"] == "am 17. März")
    text = sample.read_text(encoding="utf-8")
    assert text[claim["start"]:claim["end"]] == "am 17. März"
    assert claim["value"] == "2025-03-17" and claim["kind"] == "date"
    assert set(claim) >= {"id", "kind", "text", "start", "end", "line", "column", "sentence", "value",
                          "rule", "hint"}
    line = text.splitlines()[claim["line"] - 1]
    assert line[claim["column"] - 1:].startswith("am 17. März")


def test_jsonl_prints_one_claim_a_line_with_the_path(runner, sample):
    result = runner.invoke(main, ["extract", str(sample), "--format", "jsonl"])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert lines and all(line["path"] == str(sample) for line in lines)


def test_text_output_lists_line_kind_claim_and_value(runner, sample):
    result = runner.invoke(main, ["extract", str(sample), "--format", "text"])
    assert result.exit_code == 0
    assert "am 17. März" in result.output and "2025-03-17" in result.output


def test_a_date_option_without_front_matter_resolves_years(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Die Messe beginnt am 17. März in Bozen.\n", encoding="utf-8")
    with_date = json.loads(runner.invoke(main, ["extract", str(article), "--format", "json",
                                                "--date", "2019-03-01"]).output)
    without = json.loads(runner.invoke(main, ["extract", str(article), "--format", "json"]).output)
    assert with_date["claims"][0]["value"] == "2019-03-17"
    assert without["claims"][0]["value"] == "XXXX-03-17"


def test_a_missing_article_is_one_line_and_exit_2(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "fehlt.md"), "--format", "json"])
    assert result.exit_code == exitcodes.ERROR
    assert result.output.strip().count("\n") == 0 and "fehlt.md" in result.output


def test_an_empty_article_is_exit_2_and_nothing_is_written(runner, tmp_path):
    article = tmp_path / "leer.txt"
    article.write_text("\n\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(article)])
    assert result.exit_code == exitcodes.ERROR and "empty" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leer.txt"]


def test_a_binary_article_is_exit_2(runner, tmp_path):
    article = tmp_path / "bild.txt"
    article.write_bytes(b"\x00\x01\x02GIF89a")
    result = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert result.exit_code == exitcodes.ERROR and "binary" in result.output


def test_a_cp1252_article_warns_on_stderr_and_still_extracts(runner, tmp_path):
    article = tmp_path / "alt.txt"
    article.write_bytes("Die Messe beginnt am 17. März in Bozen.\n".encode("cp1252"))
    result = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert result.exit_code == 0
    assert "cp1252" in result.stderr
    assert json.loads(result.stdout)["claims"][0]["text"] == "am 17. März"


def test_library_extract_is_pure_text_in_claims_out():
    import claims

    first = claims.extract("Die Messe beginnt am 17. März in Bozen.", lang="de", date="2025-03-24")
    second = claims.extract("Die Messe beginnt am 17. März in Bozen.", lang="de", date="2025-03-24")
    assert first.claims == second.claims
    assert first.claims[0].value == "2025-03-17"

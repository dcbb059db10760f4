"""Batches: folders and globs, worker processes, results in input order, errors per article."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from claims import exitcodes
from claims.batch import expand_inputs
from claims.cli import main

GOOD = {
    "a-messe.md": "---\ndate: 2025-03-24\n---\nDie Messe beginnt am 17. März in Bozen. Es kamen mehr als 800 Gäste.\n",
    "b-gemeinde.txt": "Der Gemeinderat beschloss am Montag einstimmig, 2,5 Millionen Euro in die Schule zu stecken.\n",
    "sub/c-sport.md": "Die Mannschaft gewann 3:1 und liegt nun auf Platz 4 der Tabelle.\n",
    "sub/d-wetter.md": "Es war der heißeste Juni seit 1950, sagte Meteorologin Maria Gruber.\n",
}


def folder_of(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    base = tmp_path / "artikel"
    base.mkdir()
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return base


def test_an_empty_folder_is_an_input_error_naming_it(tmp_path, runner):
    empty = tmp_path / "leer"
    empty.mkdir()
    result = runner.invoke(main, ["extract", str(empty)])
    assert result.exit_code == exitcodes.ERROR
    assert f"{empty}: no articles in this folder" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_broken_article_is_reported_and_the_good_ones_still_get_their_checklists(tmp_path, runner):
    base = folder_of(tmp_path, {**GOOD, "e-kaputt.txt": b"\xff\xfe\x00", "f-leer.md": "\n\n"})
    result = runner.invoke(main, ["extract", str(base), "--jobs", "2"])
    assert result.exit_code == exitcodes.ERROR
    for name in GOOD:
        article = base / name
        assert article.with_name(f"{article.stem}.checklist.xlsx").is_file(), name
    assert not (base / "e-kaputt.checklist.xlsx").exists()
    assert f"claims: error: {base / 'e-kaputt.txt'}: damaged UTF-16 text" in result.stderr
    assert f"claims: error: {base / 'f-leer.md'}: the article is empty" in result.stderr
    assert "2 of 6 inputs failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.count("wrote ") == 4


def test_jsonl_from_two_workers_comes_in_input_order_and_equals_one_worker(tmp_path, runner):
    many = {f"artikel-{n:02d}.md": f"Am {n % 28 + 1}. Mai kamen rund {100 + n} Besucher zum Fest.\n"
            for n in range(40)}
    base = folder_of(tmp_path, many)
    two = runner.invoke(main, ["extract", str(base), "--format", "jsonl", "--jobs", "2"])
    one = runner.invoke(main, ["extract", str(base), "--format", "jsonl", "--jobs", "1"])
    assert two.exit_code == one.exit_code == exitcodes.OK
    assert two.stdout == one.stdout
    paths = [json.loads(line)["path"] for line in two.stdout.splitlines()]
    assert paths == sorted(paths) and len(set(paths)) == 40
    assert two.stderr == ""  # no progress bar when stderr is no terminal


def test_globs_expand_in_a_stable_order_without_duplicates(tmp_path):
    base = folder_of(tmp_path, GOOD)
    files, problems = expand_inputs([str(base / "**" / "*.md"), str(base / "a-messe.md"), str(base)])
    assert not problems
    assert [f.relative_to(base).as_posix() for f in files] == [
        "a-messe.md", "sub/c-sport.md", "sub/d-wetter.md", "b-gemeinde.txt"]
    _, problems = expand_inputs([str(base / "*.docx")])
    assert [p.render() for p in problems] == [f"{base / '*.docx'}: no article matches this pattern"]


def test_a_quoted_glob_on_the_command_line(tmp_path, runner):
    base = folder_of(tmp_path, GOOD)
    result = runner.invoke(main, ["extract", str(base / "sub" / "*.md"), "--format", "json"])
    assert result.exit_code == exitcodes.OK, result.stderr
    documents = json.loads(result.stdout)
    assert [Path(d["article"]["path"]).name for d in documents] == ["c-sport.md", "d-wetter.md"]


def test_combine_writes_one_workbook_with_an_article_column_and_a_sheet_per_article(tmp_path, runner):
    base = folder_of(tmp_path, GOOD)
    target = tmp_path / "alle.xlsx"
    result = runner.invoke(main, ["extract", str(base), "--combine", str(target), "--jobs", "2"])
    assert result.exit_code == exitcodes.OK, result.stderr
    assert not list(base.rglob("*.checklist.xlsx"))  # instead of, not besides, the per-article ones
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Prüfliste", "a-messe", "b-gemeinde", "c-sport", "d-wetter"]
    rows = list(wb["Prüfliste"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Artikel", "Nr.", "ID")
    assert {r[0] for r in rows[1:]} == {"a-messe", "b-gemeinde", "c-sport", "d-wetter"}
    assert all(r[rows[0].index("Status")] == "offen" for r in rows[1:])
    assert "Die Messe beginnt am 17. März" in wb["a-messe"]["B2"].value
    again = runner.invoke(main, ["extract", str(base), "--combine", str(target)])
    assert again.exit_code == exitcodes.ERROR and "exists already" in again.stderr


def test_one_output_file_for_many_articles_is_a_usage_error(tmp_path, runner):
    base = folder_of(tmp_path, GOOD)
    result = runner.invoke(main, ["extract", str(base), "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == exitcodes.ERROR
    assert "-o names the checklist of one article" in result.stderr


def test_check_runs_over_a_folder(tmp_path, runner):
    base = folder_of(tmp_path, GOOD)
    assert runner.invoke(main, ["extract", str(base / "a-messe.md")]).exit_code == 0
    result = runner.invoke(main, ["check", str(base), "--format", "json", "--jobs", "2"])
    assert result.exit_code == exitcodes.FINDINGS
    checks = json.loads(result.stdout)
    assert [Path(c["article"]).name for c in checks["articles"]] == [
        "a-messe.md", "b-gemeinde.txt", "c-sport.md", "d-wetter.md"]


def test_a_progress_bar_on_a_terminal_only_for_more_than_one_article(monkeypatch, capsys):
    import sys

    from claims.cli import _Progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("CLAIMS_NO_PROGRESS", raising=False)
    bar = _Progress(4)
    for _ in range(4):
        bar.step()
    bar.clear()
    assert "4/4 articles" in capsys.readouterr().err
    single = _Progress(1)
    single.step()
    assert capsys.readouterr().err == ""

"""Hostile input in what we print and write: control sequences, odd file names, full disks, formulas."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import run_cli
from claims import exitcodes
from claims.api import extract_article
from claims.checklist.writer import write_workbook
from claims.cli import main
from claims.report.safe import file_uri, json_dumps, terminal
from claims.text.reader import article_from_text

ARTICLE = "Am 17. März kamen rund 80 Menschen zur Messe nach Bozen.\n"
ESCAPES = ["\x1b[2J", "\x1b]0;pwned\x07", "\x1b]8;;http://x\x1b\\", "\x9b31m", "\x1bP+q\x1b\\", "\x07", "\x08",
           "\x1b(0", "\r"]


@pytest.mark.parametrize("escape", ESCAPES)
def test_text_output_strips_terminal_control_sequences_from_article_text(tmp_path, runner, escape):
    article = tmp_path / "a.txt"
    article.write_text(f"Am 17. März{escape} kamen rund 80 Menschen{escape} nach Bozen.\n", "utf-8")
    for color in ("--color", "--no-color"):
        result = runner.invoke(main, ["extract", str(article), "--format", "text", color], color=True)
        assert result.exit_code == exitcodes.OK
        printed = result.stdout.replace("\x1b[0m", "")
        for code in ("\x1b[2m", "\x1b[36m", "\x1b[32m", "\x1b[1m", "\x1b[33m", "\x1b[22m", "\x1b[39m"):
            printed = printed.replace(code, "")  # our own colours
        assert escape not in printed and "\x1b" not in printed and "\x9b" not in printed and "\x07" not in printed


def test_check_text_and_stderr_strip_control_sequences_from_names_and_cells(tmp_path, runner):
    article = tmp_path / "esc\x1b[31mrot.txt"
    article.write_text(ARTICLE, "utf-8")
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.FINDINGS and "\x1b" not in result.stdout + result.stderr
    missing = runner.invoke(main, ["extract", str(tmp_path / "fehlt\x1b]0;x\x07.txt")])
    assert missing.exit_code == exitcodes.ERROR and "\x1b" not in missing.stderr


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_nothing_a_terminal_acts_on_survives(text):
    shown = terminal(text)
    assert not any(ch in shown for ch in "\x1b\x9b\x07\x08\x00\x7f\r")


@pytest.fixture
def odd_names(tmp_path):
    folder = tmp_path / "artikel"
    folder.mkdir()
    names = [os.fsdecode(b"caf\xe9.md"), "a b#c:d.md", "x" * 200 + ".md"]
    for name in names:
        (folder / name).write_text(ARTICLE, "utf-8")
    return folder, names


def test_json_reports_stay_valid_utf8_with_names_that_are_not(odd_names, tmp_path):
    folder, names = odd_names
    for args in (["extract", str(folder), "--format", "json"], ["extract", str(folder), "--format", "jsonl"],
                 ["check", str(folder), "--format", "json"]):
        result = run_cli(args, cwd=tmp_path)
        assert result.returncode in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
        text = result.stdout.decode("utf-8")  # strict: valid UTF-8
        documents = [json.loads(line) for line in text.splitlines()] if "jsonl" in args else [json.loads(text)]
        assert os.fsdecode(b"caf\xe9.md") in json.dumps(documents, ensure_ascii=False)  # reads back to the name


def test_sarif_locates_odd_names_by_their_bytes(odd_names, tmp_path):
    folder, names = odd_names
    result = run_cli(["check", "artikel", "--format", "sarif"], cwd=tmp_path)
    log = json.loads(result.stdout.decode("utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert {"artikel/caf%E9.md", "artikel/a%20b%23c%3Ad.md", f"artikel/{'x' * 200}.md"} <= uris


def test_the_step_summary_and_annotations_take_odd_names(odd_names, tmp_path):
    folder, names = odd_names
    summary = tmp_path / "summary.md"
    result = run_cli(["check", str(folder), "--format", "github"], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == exitcodes.FINDINGS, result.stderr
    text = summary.read_text("utf-8")  # strict: valid UTF-8
    assert "caf\ufffd.md" in text and all(len(line.split(" | ")) == 4 for line in text.splitlines()
                                           if line.startswith("| ") and "---" not in line)
    assert "caf\ufffd.md" in result.stdout.decode("utf-8")


def test_a_step_summary_on_a_full_disk_keeps_the_verdict(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    result = run_cli(["check", str(article), "--format", "github"], env={"GITHUB_STEP_SUMMARY": "/dev/full"})
    assert result.returncode == exitcodes.FINDINGS
    assert b"cannot write the step summary /dev/full: No space left on device" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_output_to_a_full_disk_is_one_clean_line(tmp_path, fmt):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    with open("/dev/full", "wb") as full:
        import subprocess

        from bounded import CLAIMS
        result = subprocess.run(CLAIMS + ["extract", str(article), "--format", fmt], stdout=full,
                                stderr=subprocess.PIPE, timeout=60)
    assert result.returncode == exitcodes.ERROR
    assert result.stderr == b"claims: error: cannot write the output: No space left on device\n"


def test_a_checklist_name_too_long_for_the_file_system_is_said_before_writing(tmp_path, runner):
    article = tmp_path / ("x" * 245 + ".md")  # its checklist: 260 bytes
    article.write_text(ARTICLE, "utf-8")
    for args in (["extract", str(article)], ["check", str(article)]):
        result = runner.invoke(main, args)
        assert result.exit_code == exitcodes.ERROR, args
        assert "internal error" not in result.stderr and "\n" == result.stderr[-1]
    assert [p.name for p in tmp_path.iterdir()] == [article.name]  # nothing half-written


def test_output_into_a_missing_or_unwritable_place_is_a_clean_error(tmp_path, runner):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    for args in (["extract", str(article), "-o", "/proc/nowhere/a.xlsx"],
                 ["extract", str(article), "-o", "/proc/a.xlsx"],
                 ["extract", str(article), "--format", "csv", "-o", "/proc/a.csv"],
                 ["extract", str(article), "--combine", "/proc/nowhere/all.xlsx"],
                 ["rules", "docs", "-o", "/proc/rules.md"]):
        result = runner.invoke(main, args)
        assert result.exit_code == exitcodes.ERROR, args
        assert result.stderr.startswith("claims: error: ") and "internal error" not in result.stderr, args


def test_json_dumps_escapes_only_undecodable_bytes():
    assert json_dumps({"p": os.fsdecode(b"caf\xe9-\xc3\xa4.md")}) == '{"p": "caf\\udce9-ä.md"}'
    assert file_uri(os.fsdecode(b"dir/caf\xe9 1.md")) == "dir/caf%E9%201.md"


# --- formulas in rich text ------------------------------------------------------------------------

@pytest.mark.parametrize("start", ["=", "+", "-", "@", "＝"])
def test_rich_text_cells_that_start_like_a_formula_carry_the_quote_prefix(tmp_path, start):
    text = f"{start}HYPERLINK(\"http://x\") Am 17. März kamen 80 Menschen.\n\n{start}1+1 sagte am Montag Anna Berger.\n"
    article = article_from_text(text, path=str(tmp_path / "a.txt"), date="2025-03-24")
    path = tmp_path / "a.checklist.xlsx"
    write_workbook(extract_article(article), article, path)
    wb = openpyxl.load_workbook(path, rich_text=True)
    checked = 0
    for ws in wb.worksheets[:2]:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                value = cell.value
                if value is not None and not isinstance(value, (int, float)) and str(value).lstrip().startswith(start):
                    assert cell.quotePrefix and cell.data_type != "f", (ws.title, cell.coordinate)
                    checked += 1
    assert checked >= 3  # the sentences in the checklist and the paragraphs of the article sheet

"""Hostile input: article files that try to blow up, hang or garble the reader.

Every test that could run away runs under :func:`bounded` (a memory cap and a time limit).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import bounded, run_cli
from claims import exitcodes
from claims.batch import expand_inputs
from claims.cli import main
from claims.errors import ClaimsError, InputError
from claims.text.reader import decode, read_article

ARTICLE = "Am 17. März kamen rund 80 Menschen zur Messe nach Bozen.\n"


def _laughs(levels: int = 9) -> str:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghij"[:levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines + [f"title: *{previous}", "---", ARTICLE])


def _read_text(path: Path) -> str:
    return read_article(path).text


def test_yaml_aliases_in_front_matter_are_refused_at_once(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(_laughs(), "utf-8")
    with pytest.raises(InputError, match="aliases"):
        bounded(_read_text, article, seconds=10, memory_mb=100)


@pytest.mark.parametrize("opening, closing, fence", [("[", "]", "---"), ("{a: ", "}", "---"),
                                                     ("[", "]", "+++")])
def test_deeply_nested_front_matter_is_a_clean_error(tmp_path, opening, closing, fence):
    article = tmp_path / "a.md"
    key = "title = " if fence == "+++" else "title: "
    article.write_text(f"{fence}\n{key}{opening * 3000}1{closing * 3000}\n{fence}\n{ARTICLE}", "utf-8")
    with pytest.raises(InputError, match="nests too deep|nests deeper|not valid"):
        bounded(_read_text, article, seconds=10, memory_mb=100)


def test_front_matter_beyond_its_size_limit_is_refused(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: " + "x" * 70_000 + "\n---\n" + ARTICLE, "utf-8")
    with pytest.raises(InputError, match="front matter of 70,007 characters"):
        read_article(article)


def test_a_fifo_and_a_device_in_a_folder_are_named_and_the_rest_is_read(tmp_path):
    folder = tmp_path / "artikel"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, "utf-8")
    os.mkfifo(folder / "b.md")
    (folder / "c.md").symlink_to("/dev/zero")
    result = run_cli(["extract", str(folder), "--format", "jsonl"], seconds=30, memory_mb=200)
    assert result.returncode == exitcodes.ERROR
    stderr = result.stderr.decode()
    assert "b.md: not a regular file" in stderr and "c.md: not a regular file" in stderr
    assert b'"path"' in result.stdout and b"a.md" in result.stdout  # the good article still ran


def test_a_device_given_as_the_article_is_refused(tmp_path):
    with pytest.raises(InputError, match="not a regular file"):
        bounded(read_article, "/dev/zero", input_format="txt", seconds=10, memory_mb=100)


def test_stdin_beyond_the_size_limit_is_refused(monkeypatch):
    result = run_cli(["extract", "-", "--format", "json"], stdin=b"a" * 2_000_001,
                     env={"CLAIMS_MAX_ARTICLE_BYTES": "2000000"}, seconds=30, memory_mb=200)
    assert result.returncode == exitcodes.ERROR
    assert b"larger than 1 MiB and refused" in result.stderr


def test_an_article_beyond_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    article = tmp_path / "big.txt"
    with article.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse: three MiB of nothing on disk
    monkeypatch.setenv("CLAIMS_MAX_ARTICLE_BYTES", str(2 * 1024 * 1024))
    with pytest.raises(InputError, match="larger than 2 MiB"):
        bounded(read_article, article, seconds=10, memory_mb=20)


def test_symlink_loops_are_named_and_the_rest_of_the_batch_still_runs(tmp_path, runner):
    folder = tmp_path / "artikel"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.md").write_text(ARTICLE, "utf-8")
    (folder / "self.md").symlink_to("self.md")
    (folder / "b.md").symlink_to("c.md")
    (folder / "c.md").symlink_to("b.md")
    for args in (["extract", str(folder), "--format", "jsonl"],
                 ["extract", str(folder / "self.md"), str(folder / "sub" / "a.md"), "--format", "jsonl"],
                 ["check", str(folder)]):
        result = runner.invoke(main, args)
        assert result.exit_code == exitcodes.ERROR, args
        assert "symlink loop" in result.stderr and "internal error" not in result.stderr
        assert "a.md" in result.stdout


def test_a_glob_does_not_follow_symlinked_folders_round_in_circles(tmp_path):
    folder = tmp_path / "artikel"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.md").write_text(ARTICLE, "utf-8")
    for name in ("l1", "l2", "l3"):
        (folder / "sub" / name).symlink_to(".")
    files, problems = bounded(expand_inputs, [str(folder / "**" / "*.md")], seconds=10, memory_mb=100)
    assert not problems and [f.name for f in files] == ["a.md"]


# --- encodings ----------------------------------------------------------------------------------

TEXT = "Grüße aus Bozen: Am 17. März kamen rund 80 Menschen, „mehr als je zuvor“, sagte Müller.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32",
                                   "utf-8-sig"])
def test_utf16_and_utf32_are_read_with_and_without_a_bom(codec):
    text, warnings = decode(TEXT.encode(codec))
    assert text == TEXT and warnings == []


def test_one_damaged_byte_keeps_the_rest_utf8_and_names_the_spot():
    data = TEXT.encode("utf-8")
    damaged = data[:30] + b"\xff" + data[30:]
    text, warnings = decode(damaged, "a.txt")
    assert text.replace("\ufffd", "") == TEXT  # every other character as it was
    assert warnings == ["a.txt: not valid UTF-8 at line 1, column 28 (byte 30); each bad byte is read "
                        "as U+FFFD (\ufffd)"]


@pytest.mark.parametrize("codec, label", [("utf-16-le", "UTF-16"), ("utf-32", "UTF-32")])
def test_a_damaged_wide_encoding_keeps_the_rest_and_names_the_spot(codec, label):
    data = bytearray(TEXT.encode(codec))
    if label == "UTF-16":  # a lone high surrogate
        data[len(data) // 4 * 2 + 1] = 0xD8
    else:  # a code point beyond U+10FFFF
        data[len(data) // 8 * 4 + 3] = 0xFF
    text, warnings = decode(bytes(data), "a.txt")
    assert "\ufffd" in text and text.startswith("Grüße aus Bozen")
    assert warnings and warnings[0].startswith(f"a.txt: not valid {label} at byte ")


def test_a_windows_1252_file_is_still_read_as_such():
    text, warnings = decode(TEXT.encode("cp1252"), "a.txt")
    assert text == TEXT and "cp1252" in warnings[0]


def test_a_nul_inside_the_text_is_refused_as_binary():
    with pytest.raises(InputError, match="binary"):
        decode(b"a" * 10_000 + b"\x00" + b"b" * 10)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_cleanly(data):
    try:
        text, warnings = decode(data)
    except InputError:
        return
    assert isinstance(text, str) and "\x00" not in text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               min_size=1, max_size=200))
def test_any_utf8_text_decodes_to_itself(text):
    assert decode(text.encode("utf-8"))[0] == text


def test_a_binary_file_is_never_an_internal_error(tmp_path, runner):
    article = tmp_path / "a.txt"
    article.write_bytes(bytes(range(256)) * 40)
    result = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert result.exit_code == exitcodes.ERROR and "internal error" not in result.stderr
    assert isinstance(result.stderr, str)


def test_errors_reading_are_claims_errors_for_every_kind_of_path(tmp_path):
    for path, message in [(tmp_path / "missing.md", "no such file"), (tmp_path, "is a directory"),
                          (tmp_path / ("x" * 300 + ".md"), "too long")]:
        with pytest.raises(ClaimsError, match=message):
            read_article(path)


def test_a_fifo_as_checklist_or_rule_file_is_refused_without_blocking(tmp_path):
    from claims.checklist.reader import read_checklist
    from claims.errors import RuleError
    from claims.ruleset import load_ruleset
    from conftest import write_rule_dir

    os.mkfifo(tmp_path / "a.checklist.xlsx")
    with pytest.raises(InputError, match="not a regular file"):
        bounded(read_checklist, tmp_path / "a.checklist.xlsx", seconds=10, memory_mb=100)
    rules = write_rule_dir(tmp_path / "mine", {})
    os.mkfifo(rules / "de" / "dates.toml")
    with pytest.raises(RuleError, match="not a regular file"):
        bounded(load_ruleset, "de", (rules,), seconds=20, memory_mb=300)


@pytest.mark.parametrize("meta", ["[" * 100_000 + "]" * 100_000, "[1]"])
def test_a_meta_json_nested_too_deep_or_of_the_wrong_shape_is_a_clean_error(tmp_path, runner, meta):
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "a.gold.jsonl").write_text('{"kind": "date", "text": "Am 17. März"}\n', "utf-8")
    (tmp_path / "meta.json").write_text(meta, "utf-8")
    result = runner.invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == exitcodes.ERROR
    assert "meta.json" in result.stderr and "internal error" not in result.stderr


def test_a_configuration_or_rule_file_nested_too_deep_is_a_clean_error(tmp_path, runner):
    from conftest import write_rule_dir

    deep = "a = " + "[" * 5000 + "]" * 5000 + "\n"
    (tmp_path / "claims.toml").write_text(deep, "utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    result = runner.invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == exitcodes.ERROR and "claims.toml: TOML nests too deep" in result.stderr
    rules = write_rule_dir(tmp_path / "mine", {"dates.toml": 'kind = "date"\n' + deep})
    result = runner.invoke(main, ["rules", "list", "--rules", str(rules)])
    assert result.exit_code == exitcodes.ERROR and "dates.toml: TOML nests too deep" in result.stderr

"""Reading article files: encodings, front matter, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.errors import InputError
from claims.text.reader import read_article

TEXT = "Die Messe beginnt am 17. März in Bozen.\n"


def test_utf8_with_bom_is_read_and_offsets_start_after_the_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode())
    article = read_article(path)
    assert article.text == TEXT
    assert article.warnings == []


def test_cp1252_falls_back_with_a_warning_naming_the_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    article = read_article(path)
    assert article.text == TEXT
    assert "a.txt" in article.warnings[0] and "cp1252" in article.warnings[0]


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert read_article(path).text == TEXT


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        read_article(path)


@pytest.mark.parametrize("content", ["", "   \n\n  \t\n"])
def test_empty_article_is_refused(tmp_path, content):
    path = tmp_path / "leer.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="empty") as info:
        read_article(path)
    assert "leer.txt" in str(info.value)


def test_markdown_with_only_front_matter_is_empty(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Nichts\n---\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_article(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="no such file") as info:
        read_article(tmp_path / "fehlt.txt")
    assert "fehlt.txt" in str(info.value)


def test_unknown_extension_is_refused_with_the_readable_ones(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match=r"\.md"):
        read_article(path)


def test_yaml_front_matter_gives_title_date_and_language(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Messe in Bozen\ndate: 2025-03-24\nlang: de\n---\n" + TEXT, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.date, article.lang) == ("Messe in Bozen", dt.date(2025, 3, 24), "de")


def test_toml_front_matter_is_read(tmp_path):
    path = tmp_path / "a.md"
    path.write_text('+++\ntitle = "Messe"\ndate = 2025-03-24\n+++\n' + TEXT, encoding="utf-8")
    assert read_article(path).date == dt.date(2025, 3, 24)


def test_a_date_option_overrides_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ndate: 2025-03-24\n---\n" + TEXT, encoding="utf-8")
    assert read_article(path, date="2020-01-02").date == dt.date(2020, 1, 2)


def test_broken_front_matter_names_file_and_line(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\n" + TEXT, encoding="utf-8")
    with pytest.raises(InputError, match="front matter") as info:
        read_article(path)
    assert "a.md" in str(info.value)


def test_a_bad_date_in_front_matter_is_an_input_error(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ndate: gestern\n---\n" + TEXT, encoding="utf-8")
    with pytest.raises(InputError, match="not a date"):
        read_article(path)

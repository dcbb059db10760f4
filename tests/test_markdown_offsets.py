"""Markdown markup never shows up in a claim, and offsets still point into the file."""

from __future__ import annotations

import claims
from claims.text.markdown import blank_markup


def test_blanking_keeps_the_length_and_the_lines():
    text = "# Titel\n\nDer **Bürgermeister** sprach am [17. März](https://x.at) in _Bozen_.\n"
    clean, _ = blank_markup(text)
    assert len(clean) == len(text)
    assert clean.count("\n") == text.count("\n")
    assert "**" not in clean and "](" not in clean and "_Bozen_" not in clean


def test_images_and_table_pipes_are_blanked():
    text = "![Foto](bild.jpg)\n\n| Jahr | Besucher |\n|---|---|\n| 2024 | 3.000 |\n"
    clean, _ = blank_markup(text)
    assert "bild.jpg" not in clean and "|" not in clean and "---" not in clean
    assert "3.000" in clean


def test_a_claim_in_a_link_points_into_the_file_and_has_no_markup(tmp_path):
    text = "---\ndate: 2025-03-24\n---\nDie Messe beginnt **am 17. März** in Bozen.\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    result = claims.extract_file(path)
    dates = [c for c in result.claims if c.kind == "date"]
    assert dates, result.claims
    claim = dates[0]
    assert "*" not in claim.text
    assert text[claim.start:claim.end].strip("* ") == claim.text
    assert claim.line == 4

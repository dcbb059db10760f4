"""Word documents, saved web pages and stdin become articles with one paragraph a line."""

from __future__ import annotations

import json
import subprocess

import pytest

from claims.cli import main
from claims.errors import InputError
from claims.text.reader import read_article
from conftest import require_soffice

PARAGRAPHS = ["Messe in Bozen", "Die Messe beginnt am 17. März in Bozen.", "Es kamen mehr als 80 Aussteller."]


def make_docx(path):
    import docx

    document = docx.Document()
    document.add_heading(PARAGRAPHS[0], level=1)
    for text in PARAGRAPHS[1:]:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Besucher"
    table.rows[0].cells[1].text = "3.000 Gäste"
    document.save(path)


def test_a_docx_made_by_python_docx_reads_heading_paragraphs_and_tables(tmp_path):
    path = tmp_path / "artikel.docx"
    make_docx(path)
    article = read_article(path, date="2025-03-24")
    assert article.text.splitlines() == PARAGRAPHS + ["Besucher | 3.000 Gäste"]


def test_a_docx_claim_has_the_paragraph_number_as_line(tmp_path, runner):
    path = tmp_path / "artikel.docx"
    make_docx(path)
    result = runner.invoke(main, ["extract", str(path), "--format", "json", "--date", "2025-03-24"])
    claims = json.loads(result.output)["claims"]
    assert next(c for c in claims if c["kind"] == "date")["line"] == 2


def test_a_docx_written_by_libreoffice_is_read(tmp_path):
    soffice = require_soffice()
    source = tmp_path / "artikel.txt"
    source.write_text("\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    subprocess.run([soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=120)
    article = read_article(tmp_path / "artikel.docx")
    assert "Die Messe beginnt am 17. März in Bozen." in article.text.splitlines()


def test_a_damaged_docx_is_an_input_error(tmp_path):
    path = tmp_path / "kaputt.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="kaputt.docx"):
        read_article(path)


PAGE = """<!doctype html><html><head><title>Messe in Bozen</title></head><body>
<nav><ul><li><a href="/">Start</a></li><li>Wetter am 1. Januar</li></ul></nav>
<header class="site-header">Ausgabe vom 2. Februar</header>
<article><h1>Messe beginnt</h1><p>Die Messe beginnt <b>am 17. März</b> in Bozen.</p>
<p>Es kamen mehr als 80 Aussteller.</p></article>
<section id="comments"><p>Leser am 3. April: Toll, 500 Likes!</p></section>
<footer>© 2025 Verlag</footer><script>var x = "am 4. Mai";</script></body></html>"""


def test_html_keeps_the_article_and_drops_navigation_comments_and_scripts(tmp_path):
    path = tmp_path / "seite.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Messe in Bozen"
    assert article.text.splitlines() == ["Messe beginnt", "Die Messe beginnt am 17. März in Bozen.",
                                         "Es kamen mehr als 80 Aussteller."]


def test_stdin_is_read_with_dash(runner):
    result = runner.invoke(main, ["extract", "-", "--format", "jsonl", "--date", "2025-03-24"],
                           input="Die Messe beginnt am 17. März in Bozen.\n")
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["path"] == "<stdin>"


def test_stdin_needs_an_output_for_a_checklist(runner):
    result = runner.invoke(main, ["extract", "-"], input="Am 17. März.\n")
    assert result.exit_code == 2 and "-o FILE" in result.output


def test_latin1_text_is_read_as_cp1252(tmp_path):
    path = tmp_path / "alt.txt"
    path.write_bytes("Größte Messe am 17. März.\n".encode("latin-1"))
    assert read_article(path).text == "Größte Messe am 17. März.\n"


def test_input_format_overrides_the_extension(tmp_path, runner):
    path = tmp_path / "export.dat"
    path.write_text("---\ndate: 2025-03-24\n---\nDie Messe beginnt am 17. März.\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--input-format", "md", "--format", "json"])
    assert json.loads(result.output)["article"]["date"] == "2025-03-24"

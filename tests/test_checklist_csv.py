"""``claims extract --format csv``: one row per claim, UTF-8 with BOM, formula injection neutralized."""

from __future__ import annotations

import csv
import io

import pytest
from checklist_support import OWASP_PAYLOADS, extracted, handmade

from claims.checklist import layout
from claims.cli import main
from claims.report.csvout import write_csv

COL = {c.key: i for i, c in enumerate(c for c in layout.CHECKLIST_COLUMNS if c.key != "change")}


def read(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads umlauts right
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_csv_has_a_bom_german_header_and_one_row_per_claim(tmp_path):
    result, article = extracted()
    path = tmp_path / "m.csv"
    write_csv(result, article, path)
    rows = read(path)
    assert rows[0][COL["checked_by"]] == "Geprüft von"
    assert len(rows) == len(result.claims) + 1
    for row, claim in zip(rows[1:], result.claims, strict=True):
        assert row[COL["id"]] == claim.id
        assert row[COL["claim"]] == claim.text
        assert row[COL["status"]] == "offen"
    values = {r[COL["claim"]]: r[COL["value"]] for r in rows[1:]}
    assert values["mehr als 80 Aussteller"] == "> 80 Aussteller"
    assert values["am 17. März 2025"] == "17.03.2025"


def test_csv_lines_end_in_crlf_and_every_field_is_quoted(tmp_path):
    result, article = extracted()
    path = tmp_path / "m.csv"
    write_csv(result, article, path)
    text = path.read_bytes()[3:].decode("utf-8")
    assert text.endswith("\r\n")
    assert text.startswith('"Nr.","ID"')


@pytest.mark.parametrize("payload", OWASP_PAYLOADS)
def test_csv_neutralizes_formula_injection_with_a_leading_apostrophe(tmp_path, payload):
    result, article = handmade([payload])
    path = tmp_path / "o.csv"
    write_csv(result, article, path)
    row = read(path)[1]
    assert row[COL["claim"]] == "'" + payload
    assert row[COL["hint"]] == "'" + payload
    for field in row:
        assert not field.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_drops_control_characters(tmp_path):
    result, article = handmade(["Bell\x07 null\x00 ok"])
    path = tmp_path / "c.csv"
    write_csv(result, article, path)
    assert read(path)[1][COL["claim"]] == "Bell null ok"


def test_csv_in_english_for_an_english_article(tmp_path):
    result, article = handmade(["„We will be back“, she said."], lang="en")
    path = tmp_path / "e.csv"
    write_csv(result, article, path)
    rows = read(path)
    assert rows[0][COL["claim"]] == "Claim" and rows[1][COL["status"]] == "open"


def test_extract_format_csv_writes_beside_the_article_and_refuses_overwrite(runner, sample):
    outcome = runner.invoke(main, ["extract", str(sample), "--format", "csv"])
    assert outcome.exit_code == 0, outcome.output
    target = sample.with_name("cdf-samsung-xiaomi.checklist.csv")
    assert len(read(target)) > 1
    again = runner.invoke(main, ["extract", str(sample), "--format", "csv"])
    assert again.exit_code == 2 and "claims update" in again.output

"""The memory in the desk's workflow: recording closed rows, recall beside the editor's columns
in extract and update, reuse only when asked, check recording at once, databases away."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import main
from memory_support import DAY_ONE, DAY_TWO, memory_columns, tick


@pytest.fixture
def desk(tmp_path: Path, memory_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A desk folder with two articles of a story; the memory at ``memory_url`` (CLAIMS_MEMORY)."""
    monkeypatch.setenv("CLAIMS_MEMORY", memory_url)
    (tmp_path / "tag1.md").write_text(DAY_ONE, encoding="utf-8")
    (tmp_path / "tag2.md").write_text(DAY_TWO, encoding="utf-8")
    return tmp_path


def run(*args: str) -> object:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def verified_day_one(desk: Path, marks: dict[str, str] | None = None) -> Path:
    assert run("extract", str(desk / "tag1.md")).exit_code == 0
    checklist = desk / "tag1.checklist.xlsx"
    tick(checklist, marks or {"*": "bestätigt"})
    return checklist


def test_memory_add_records_the_closed_rows_only(desk: Path) -> None:
    checklist = verified_day_one(desk, {"Bürgermeisterin Anna Roth": "bestätigt", "rund 4 Millionen Euro": "falsch"})
    result = run("memory", "add", str(checklist))
    assert result.exit_code == 0 and "recorded 2 verifications" in result.output
    found = json.loads(run("memory", "search", "anna roth", "--json").output)
    assert {(v["kind"], v["status"], v["checked_by"], v["verified_on"]) for v in found} >= {
        ("role", "confirmed", "M. Huber", "2026-03-02")}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_extract_shows_earlier_verifications_beside_the_editor_columns(desk: Path, fmt: str) -> None:
    run("memory", "add", str(verified_day_one(desk)))
    assert run("extract", str(desk / "tag2.md"), "--format", fmt).exit_code == 0
    rows = memory_columns(desk / f"tag2.checklist.{fmt}")
    role = rows["Bürgermeisterin Anna Roth"]
    assert role["Gedächtnis: Status"] == "bestätigt"
    assert role["Gedächtnis: Geprüft von"] == "M. Huber"
    assert role["Gedächtnis: Beleg"] == "Pressestelle, Anruf"
    assert "Brückensanierung in Lindach beginnt" in role["Gedächtnis: aus Artikel"]
    assert role["Status"] == "offen"  # shown, not taken: reuse is off by default
    assert rows["Foto: Paul Weber/Lindacher Bote"]["Gedächtnis: Status"] == "bestätigt"


def test_extract_says_how_many_claims_the_memory_knew(desk: Path) -> None:
    run("memory", "add", str(verified_day_one(desk)))
    result = run("extract", str(desk / "tag2.md"))
    rows = memory_columns(desk / "tag2.checklist.xlsx")
    known = sum(1 for row in rows.values() if row["Gedächtnis: Status"])
    assert known > 0 and f"; {known} found in the verification memory" in result.output


def test_a_new_title_is_shown_as_different_never_as_verified(desk: Path) -> None:
    (desk / "claims.toml").write_text('[memory]\nreuse = "confirmed"\n', encoding="utf-8")
    run("memory", "add", str(verified_day_one(desk)))
    run("extract", str(desk / "tag2.md"))
    row = memory_columns(desk / "tag2.checklist.xlsx")["Oberbauleiter Thomas Gruber"]
    assert row["Gedächtnis: Status"] == "anders: bestätigt"
    assert "früher: Bauleiter Thomas Gruber" in row["Gedächtnis: aus Artikel"]
    assert row["Status"] == "offen"


def test_a_changed_figure_gets_no_earlier_verification(desk: Path) -> None:
    run("memory", "add", str(verified_day_one(desk)))
    run("extract", str(desk / "tag2.md"))
    assert memory_columns(desk / "tag2.checklist.xlsx")["55 Lastwagenfahrten"]["Gedächtnis: Status"] is None


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_reuse_confirmed_sets_bestaetigt_with_a_note_saying_so(desk: Path, fmt: str) -> None:
    (desk / "claims.toml").write_text('[memory]\nreuse = "confirmed"\n', encoding="utf-8")
    run("memory", "add", str(verified_day_one(desk)))
    run("extract", str(desk / "tag2.md"), "--format", fmt)
    row = memory_columns(desk / f"tag2.checklist.{fmt}")["Bürgermeisterin Anna Roth"]
    assert row["Status"] == "bestätigt"
    assert row["Anmerkung"].startswith("Aus dem Gedächtnis übernommen: bestätigt von M. Huber am 2026-03-02")


def json_claims(desk: Path, fmt: str) -> dict[str, dict]:
    """Claim text -> claim, from ``extract tag2.md --format json|jsonl``."""
    result = run("extract", str(desk / "tag2.md"), "--format", fmt)
    assert result.exit_code == 0
    claims = (json.loads(result.stdout)["claims"] if fmt == "json"
              else [json.loads(line) for line in result.stdout.splitlines()])
    return {c["text"]: c for c in claims}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_gives_each_remembered_claim_its_earlier_verification(desk: Path, fmt: str) -> None:
    run("memory", "add", str(verified_day_one(desk)))
    memory = json_claims(desk, fmt)["Bürgermeisterin Anna Roth"]["memory"]
    assert (memory["status"], memory["checked_by"], memory["verified_on"], memory["evidence"]) == (
        "confirmed", "M. Huber", "2026-03-02", "Pressestelle, Anruf")
    assert memory["same_fact"] is True and memory["reused"] is False  # reuse is off by default
    assert memory["article_title"] == "Brückensanierung in Lindach beginnt"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_shows_nothing_of_the_memory_for_a_claim_it_does_not_know(desk: Path, fmt: str) -> None:
    run("memory", "add", str(verified_day_one(desk)))
    assert "memory" not in json_claims(desk, fmt)["55 Lastwagenfahrten"]


def test_json_marks_a_new_title_as_a_different_fact_with_the_earlier_text(desk: Path) -> None:
    (desk / "claims.toml").write_text('[memory]\nreuse = "confirmed"\n', encoding="utf-8")
    run("memory", "add", str(verified_day_one(desk)))
    memory = json_claims(desk, "json")["Oberbauleiter Thomas Gruber"]["memory"]
    assert memory["same_fact"] is False and memory["reused"] is False
    assert memory["claim_text"] == "Bauleiter Thomas Gruber"


def test_json_says_reused_when_the_desk_reuses_confirmed_verifications(desk: Path) -> None:
    (desk / "claims.toml").write_text('[memory]\nreuse = "confirmed"\n', encoding="utf-8")
    run("memory", "add", str(verified_day_one(desk)))
    assert json_claims(desk, "jsonl")["Bürgermeisterin Anna Roth"]["memory"]["reused"] is True


def test_json_without_a_memory_is_the_plain_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_MEMORY", str(tmp_path / "none.sqlite"))
    (tmp_path / "tag2.md").write_text(DAY_TWO, encoding="utf-8")
    claims = json_claims(tmp_path, "json")
    assert claims and all("memory" not in c for c in claims.values())


def test_a_verification_found_wrong_is_shown_never_reused(desk: Path) -> None:
    (desk / "claims.toml").write_text('[memory]\nreuse = "confirmed"\n', encoding="utf-8")
    run("memory", "add", str(verified_day_one(desk, {"*": "bestätigt", "Bürgermeisterin Anna Roth": "falsch"})))
    run("extract", str(desk / "tag2.md"))
    row = memory_columns(desk / "tag2.checklist.xlsx")["Bürgermeisterin Anna Roth"]
    assert row["Gedächtnis: Status"] == "falsch" and row["Status"] == "offen"


def test_a_verification_older_than_max_age_is_shown_never_reused(desk: Path) -> None:
    (desk / "claims.toml").write_text('[memory]\nreuse = "confirmed"\nmax_age_days = 30\n', encoding="utf-8")
    checklist = verified_day_one(desk)
    tick(checklist, {"*": "bestätigt"}, on="02.01.2020")
    run("memory", "add", str(checklist))
    run("extract", str(desk / "tag2.md"))
    row = memory_columns(desk / "tag2.checklist.xlsx")["Bürgermeisterin Anna Roth"]
    assert row["Gedächtnis: Status"] == "bestätigt (zu alt)" and row["Status"] == "offen"


def test_update_keeps_the_editor_cells_and_reads_no_memory_column_as_theirs(desk: Path) -> None:
    run("memory", "add", str(verified_day_one(desk)))
    run("extract", str(desk / "tag2.md"))
    checklist = desk / "tag2.checklist.xlsx"
    tick(checklist, {"Bürgermeisterin Anna Roth": "bestätigt"}, by="L. Berger", on="10.03.2026", evidence="Gemeindeamt")
    result = run("update", str(desk / "tag2.md"))
    assert result.exit_code == 0, result.output
    from claims.checklist.reader import read_checklist

    read = read_checklist(checklist)
    assert read.own_columns == []  # the memory's columns are ours, not the editor's
    row = memory_columns(checklist)["Bürgermeisterin Anna Roth"]
    assert (row["Status"], row["Geprüft von"], row["Beleg (Quelle, URL)"]) == ("bestätigt", "L. Berger", "Gemeindeamt")
    assert row["Gedächtnis: Status"] == "bestätigt"


def test_a_memory_cell_typed_over_is_kept_aside_on_update(desk: Path) -> None:
    import openpyxl

    run("memory", "add", str(verified_day_one(desk)))
    run("extract", str(desk / "tag2.md"))
    checklist = desk / "tag2.checklist.xlsx"
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = next(c.column for c in ws[1] if c.value == "Gedächtnis: Beleg")
    ws.cell(row=2, column=col).value = "mein Hinweis"
    wb.save(checklist)
    assert run("update", str(desk / "tag2.md")).exit_code == 0
    kept = openpyxl.load_workbook(checklist)["Bewahrt"]
    assert any("mein Hinweis" in str(v) for row in kept.iter_rows(values_only=True) for v in row if v)


def test_check_records_when_the_configuration_says_so(desk: Path) -> None:
    (desk / "claims.toml").write_text("[memory]\nrecord = true\n", encoding="utf-8")
    verified_day_one(desk)
    result = run("check", str(desk / "tag1.md"))
    assert result.exit_code == 0
    assert "recorded" in result.output  # CliRunner mixes stderr in
    assert json.loads(run("memory", "search", "innbrücke", "--json").output)


def test_two_checks_recording_at_once_lose_nothing(desk: Path) -> None:
    (desk / "claims.toml").write_text("[memory]\nrecord = true\n", encoding="utf-8")
    verified_day_one(desk)
    run("extract", str(desk / "tag2.md"))
    tick(desk / "tag2.checklist.xlsx", {"*": "bestätigt"})
    runs = [subprocess.Popen([sys.executable, "-m", "claims", "check", str(desk / name)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for name in ("tag1.md", "tag2.md")]
    assert [p.wait(timeout=120) for p in runs] == [0, 0]
    from claims.checklist.reader import read_checklist
    from claims.memory.location import locate

    expected = sum(len(read_checklist(desk / f"{n}.checklist.xlsx").rows) for n in ("tag1", "tag2"))
    with locate(None).store() as store:
        assert store.count() == expected


def test_an_unreachable_memory_on_recall_is_a_warning_and_the_checklist(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_MEMORY", f"postgresql://claims@/claims?host={tmp_path}/nowhere")
    monkeypatch.setenv("CLAIMS_MEMORY_TIMEOUT", "1")
    (tmp_path / "tag1.md").write_text(DAY_ONE, encoding="utf-8")
    result = run("extract", str(tmp_path / "tag1.md"))
    assert result.exit_code == 0
    assert "warning" in result.output and "without the memory" in result.output
    assert (tmp_path / "tag1.checklist.xlsx").is_file()


def test_an_unreachable_memory_on_record_is_exit_2_in_one_line(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tag1.md").write_text(DAY_ONE, encoding="utf-8")
    assert run("extract", str(tmp_path / "tag1.md")).exit_code == 0
    tick(tmp_path / "tag1.checklist.xlsx", {"*": "bestätigt"})
    monkeypatch.setenv("CLAIMS_MEMORY", f"postgresql://claims@/claims?host={tmp_path}/nowhere")
    monkeypatch.setenv("CLAIMS_MEMORY_TIMEOUT", "1")
    result = CliRunner().invoke(main, ["memory", "add", str(tmp_path / "tag1.checklist.xlsx")])
    assert result.exit_code == 2
    assert "cannot reach the memory's server" in result.output and "Traceback" not in result.output


def test_a_password_in_claims_toml_is_refused(tmp_path: Path) -> None:
    (tmp_path / "claims.toml").write_text('[memory]\nurl = "postgresql://dok:geheim@db.example.org/claims"\n')
    result = CliRunner().invoke(main, ["config", str(tmp_path)])
    assert result.exit_code == 2 and "PGPASSWORD" in result.output and "geheim" not in result.output


def test_show_and_forget_one_verification(desk: Path) -> None:
    run("memory", "add", str(verified_day_one(desk)))
    found = json.loads(run("memory", "search", "Bürgermeisterin Anna Roth", "--json").output)
    first = found[0]["id"]
    assert first in run("memory", "show", first).output
    assert run("memory", "forget", first).exit_code == 0
    gone = CliRunner().invoke(main, ["memory", "show", first])
    assert gone.exit_code == 2 and "no verification" in gone.output


def test_csv_without_anything_in_the_memory_has_no_memory_columns(desk: Path) -> None:
    assert run("extract", str(desk / "tag1.md"), "--format", "csv").exit_code == 0
    header = next(iter(memory_columns(desk / "tag1.checklist.csv").values()))
    assert not [title for title in header if title.startswith("Gedächtnis")]


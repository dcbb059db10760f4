"""The memory's storage on both databases: records, lookups, migrations, concurrent writers,
locked and unreachable databases."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claims.memory import migrate
from claims.memory.location import store_at
from claims.memory.store import MemoryUnavailable, Verification


def verification(n: int = 1, **changes: object) -> Verification:
    data = dict(kind="role", fact_key=f"fact-{n}", subject_key=f"person-{n}", context="stadtrat haushalt",
                status="confirmed", checked_by="M. Huber", checked_on="2026-03-02", verified_on="2026-03-02",
                evidence="https://example.org/stadtrat", claim_id=f"c{n:04d}", claim_text=f"Bürgermeisterin Anna Roth {n}",
                sentence="Bürgermeisterin Anna Roth eröffnete die Sitzung.", value='{"person": "Anna Roth"}',
                lang="de", article="stadtrat.md", article_title="Stadtrat", article_date="2026-03-02")
    data.update(changes)
    return Verification(**data)


def test_a_recorded_verification_comes_back_by_its_fact(memory_url: str) -> None:
    with store_at(memory_url) as store:
        store.record([verification(1), verification(2)])
        found = store.lookup(["fact-2"])
    assert [v.claim_text for v in found] == ["Bürgermeisterin Anna Roth 2"]
    assert found[0].id.startswith("m") and found[0].recorded_at


def test_lookup_by_subject_finds_other_facts_about_it(memory_url: str) -> None:
    with store_at(memory_url) as store:
        store.record([verification(1, subject_key="anna-roth"), verification(2, subject_key="anna-roth")])
        found = store.lookup([], ["anna-roth"])
    assert sorted(v.fact_key for v in found) == ["fact-1", "fact-2"]


def test_the_same_row_recorded_twice_is_one_verification_updated(memory_url: str) -> None:
    with store_at(memory_url) as store:
        store.record([verification(1)])
        store.record([verification(1, status="wrong", note="Roth ist Vizebürgermeisterin")])
        assert store.count() == 1
        assert store.lookup(["fact-1"])[0].status == "wrong"


def test_forget_removes_one_verification(memory_url: str) -> None:
    with store_at(memory_url) as store:
        store.record([verification(1), verification(2)])
        gone = store.lookup(["fact-1"])[0].id
        assert store.forget(gone) is True
        assert store.get(gone) is None and store.count() == 1
        assert store.forget(gone) is False


def test_search_matches_words_in_any_case(memory_url: str) -> None:
    with store_at(memory_url) as store:
        store.record([verification(1, search_text="bürgermeisterin anna roth 1 stadtrat.md"),
                      verification(2, search_text="100% sicher_nicht")])
        assert [v.fact_key for v in store.search("ANNA Roth")] == ["fact-1"]
        assert store.search("100%") and not store.search("0%s")  # % and _ are no wildcards
        assert [v.fact_key for v in store.search("e_n")] == []  # "r_n" is in it, "e_n" only as a wildcard


def test_a_new_memory_gets_the_latest_schema(memory_url: str) -> None:
    with store_at(memory_url) as store:
        assert store.schema_version() == migrate.LATEST >= 2


def test_a_memory_of_schema_1_is_upgraded_keeping_its_rows(memory_url: str) -> None:
    store = store_at(memory_url)
    store.conn = store._connect()
    assert migrate.upgrade(store, target=1) == 1
    with store.transaction() as cur:  # a row as the first schema wrote it
        store.execute(cur, "INSERT INTO verifications (id, kind, fact_key, status, verified_on, claim_id, "
                           "claim_text, sentence, article, recorded_at, search_text) "
                           "VALUES ('m0000000001', 'credit', 'k1', 'confirmed', '2025-01-05', 'c1', "
                           "'Foto: Anna Roth', 'Foto: Anna Roth', 'alt.md', '2025-01-05T10:00:00+00:00', 'foto: anna roth')")
    store.close()
    with store_at(memory_url) as store:
        assert store.schema_version() == migrate.LATEST
        old = store.get("m0000000001")
        assert old is not None and old.claim_text == "Foto: Anna Roth" and old.subject_key is None
        store.record([verification(3)])  # the new columns work beside the old row
        assert store.count() == 2


def test_a_memory_of_a_newer_claims_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite"
    with store_at(path) as store:
        with store.transaction() as cur:
            store.execute(cur, "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'x', 'now')")
    with pytest.raises(Exception, match="schema version 99.*upgrade claims"):
        store_at(path).open()


WRITER = textwrap.dedent("""
    import sys
    from claims.memory.location import store_at
    from claims.memory.store import Verification
    url, who = sys.argv[1], sys.argv[2]
    with store_at(url) as store:
        for n in range(60):
            store.record([Verification(kind="figure", fact_key=f"{who}-{n}", status="confirmed",
                                       verified_on="2026-03-02", claim_id=f"{who}{n}", claim_text="12 Tote",
                                       article=f"{who}.md", search_text="12 tote")])
""")


def test_two_writers_at_once_lose_nothing(memory_url: str) -> None:
    with store_at(memory_url) as store:  # the schema exists; the writers race for rows only
        pass
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, memory_url, who]) for who in ("a", "b")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with store_at(memory_url) as store:
        assert store.count() == 120


def test_two_programs_opening_a_new_memory_at_once_migrate_it_once(memory_url: str) -> None:
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, memory_url, who]) for who in ("a", "b")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with store_at(memory_url) as store:
        assert store.count() == 120 and store.schema_version() == migrate.LATEST


def test_a_locked_sqlite_memory_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.sqlite"
    with store_at(path):
        pass
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setenv("CLAIMS_MEMORY_TIMEOUT", "0.2")
    try:
        with pytest.raises(MemoryUnavailable, match="locked by another program"):
            with store_at(path) as store:
                store.record([verification(1)])
    finally:
        holder.rollback()
        holder.close()


def test_a_file_that_is_no_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite"
    path.write_text("not a database, a shopping list\n" * 100)
    with pytest.raises(MemoryUnavailable, match="not an SQLite memory"):
        store_at(path).open()


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_MEMORY_TIMEOUT", "1")
    with pytest.raises(MemoryUnavailable, match="cannot reach the memory's server"):
        store_at(f"postgresql://claims@/claims?host={tmp_path}").open()


def test_the_password_comes_from_pgpassword(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ":" not in postgres_url.split("@")[0].removeprefix("postgresql://")  # none in the URL
    with store_at(postgres_url) as store:
        assert store.count() == 0
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    with pytest.raises(MemoryUnavailable, match="password authentication failed"):
        store_at(postgres_url).open()


def test_the_password_comes_from_a_pgpass_file(postgres_url: str, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    import os

    password = os.environ["PGPASSWORD"]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:*:{password}\n")
    pgpass.chmod(0o600)
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with store_at(postgres_url) as store:
        assert store.count() == 0


def test_lookup_reads_only_the_newest_verifications_of_a_common_fact(memory_url: str) -> None:
    with store_at(memory_url) as store:
        store.record([verification(n, fact_key="year-2025", verified_on=f"2026-01-{n:02d}") for n in range(1, 21)])
        found = store.lookup(["year-2025"], per_key=5)
    assert sorted(v.verified_on for v in found) == [f"2026-01-{n:02d}" for n in range(16, 21)]

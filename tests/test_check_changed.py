"""`claims check --changed BASE`: only articles changed since a git ref, and untracked ones."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from claims import exitcodes
from claims.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"


def git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Redaktion", GIT_AUTHOR_EMAIL="r@example.org",
               GIT_COMMITTER_NAME="Redaktion", GIT_COMMITTER_EMAIL="r@example.org")
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "redaktion"
    (root / "artikel").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "artikel" / "alt.md").write_text(OLD, encoding="utf-8")
    (root / "artikel" / "bleibt.md").write_text("Der Verein zählt 120 Mitglieder.\n", encoding="utf-8")
    (root / "artikel" / "weg.md").write_text("Am Montag kamen 50 Gäste.\n", encoding="utf-8")
    (root / "README.txt").write_text("Hier liegen die Artikel.\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Stand")
    return root


def checked(result) -> list[str]:
    return sorted(Path(c["article"]).as_posix() for c in json.loads(result.stdout)["articles"])


def test_only_changed_added_and_untracked_articles_are_checked(repo, runner, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / "artikel" / "alt.md").write_text(OLD + "Der Eintritt kostet 12 Euro.\n", encoding="utf-8")
    (repo / "artikel" / "neu.md").write_text("Am 3. April eröffnet das Museum.\n", encoding="utf-8")
    git(repo, "add", "artikel/neu.md")
    (repo / "artikel" / "entwurf.txt").write_text("Rund 300 Menschen demonstrierten.\n", encoding="utf-8")
    (repo / "artikel" / "notiz.json").write_text("{}", encoding="utf-8")  # not an article
    git(repo, "rm", "-q", "artikel/weg.md")  # deleted: nothing to check
    result = runner.invoke(main, ["check", "--changed", "HEAD", "--format", "json"])
    assert result.exit_code == exitcodes.FINDINGS  # no checklists yet
    assert checked(result) == ["artikel/alt.md", "artikel/entwurf.txt", "artikel/neu.md"]


def test_changes_committed_on_a_branch_count_against_the_base(repo, runner, monkeypatch):
    git(repo, "checkout", "-q", "-b", "thema")
    (repo / "artikel" / "neu.md").write_text("Am 3. April eröffnet das Museum.\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Neuer Artikel")
    monkeypatch.chdir(repo / "artikel")
    result = runner.invoke(main, ["check", "--changed", "main", "--format", "json"])
    assert checked(result) == ["neu.md"]  # relative to where claims runs


def test_paths_limit_the_search(repo, runner, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / "anderes").mkdir()
    (repo / "anderes" / "x.md").write_text("Am 3. April eröffnet das Museum.\n", encoding="utf-8")
    (repo / "artikel" / "alt.md").write_text(OLD + "Neu: 12 Euro.\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--changed", "HEAD", "artikel", "--format", "json"])
    assert checked(result) == ["artikel/alt.md"]


def test_nothing_changed_passes_and_says_so(repo, runner, monkeypatch):
    monkeypatch.chdir(repo)
    result = runner.invoke(main, ["check", "--changed", "HEAD"])
    assert result.exit_code == exitcodes.OK
    assert "no article changed since HEAD" in result.stderr


def test_an_unknown_ref_or_no_repository_is_one_clear_error(repo, runner, monkeypatch, tmp_path):
    monkeypatch.chdir(repo)
    result = runner.invoke(main, ["check", "--changed", "origin/gibtsnicht"])
    assert result.exit_code == exitcodes.ERROR
    assert "--changed origin/gibtsnicht: no such commit, branch or tag" in result.stderr
    outside = tmp_path / "kein-repo"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = runner.invoke(main, ["check", "--changed", "HEAD"])
    assert result.exit_code == exitcodes.ERROR
    assert f"claims: error: {outside}: --changed needs a git repository" in result.stderr
    assert "Traceback" not in result.stderr

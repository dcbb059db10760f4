"""Faults while `claims update` writes: signals, kills, a full disk, stale temporary files.

A bounded version of benchmarks/fault_injection.py (which kills a 2,000-claim update 100
times): a few kills at random moments, the full disk on a small tmpfs, the signal handlers.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claims import exitcodes
from claims.checklist import atomic
from claims.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fault_injection  # noqa: E402

KILLS = int(os.environ.get("CLAIMS_FAULT_RUNS", "4"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    state = fault_injection.prepare(base / "pristine", 150)
    return base, state


def test_killed_at_random_moments_update_leaves_the_old_checklist_or_a_complete_new_one(pristine):
    base, state = pristine
    rng = random.Random(9)
    for i in range(KILLS):
        sig = signal.SIGKILL if i % 2 else signal.SIGTERM
        outcome = fault_injection.one_run(base / "pristine", base / f"work{i}", state, rng.uniform(0.2, 2.5), sig)
        assert outcome["ok"], outcome


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_the_write_exits_cleanly_and_leaves_no_temporary_file(pristine, sig):
    base, state = pristine
    work = base / f"signal-{sig}"
    shutil.copytree(base / "pristine", work)
    (work / "a.md").write_text(state["edited"], encoding="utf-8")
    before = (work / "a.checklist.xlsx").read_bytes()
    # stop it inside the write: the child pauses there until it is signalled
    code = ("import os, signal, sys, time\n"
            "from claims.checklist import atomic\n"
            "real = atomic._write_all\n"
            "flag = sys.argv[2]\n"
            "def slow(fd, data):\n"
            "    real(fd, data[:100]); open(flag, 'w').close(); time.sleep(30); real(fd, data[100:])\n"
            "atomic._write_all = slow\n"
            "from claims.cli import main\n"
            "sys.argv = ['claims', 'update', sys.argv[1]]\n"
            "main()\n")
    flag = work / "writing"
    proc = subprocess.Popen([sys.executable, "-c", code, str(work / "a.md"), str(flag)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(600):
        if flag.exists() or proc.poll() is not None:
            break
        __import__("time").sleep(0.05)
    assert flag.exists(), proc.communicate()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig and b"interrupted" in err
    assert (work / "a.checklist.xlsx").read_bytes() == before
    assert fault_injection.temps(work) == []
    # the backup (the first thing written) was stopped half-way: no trace of it either
    assert sorted(p.name for p in work.glob("*.bak-*")) == sorted(p.name for p in (base / "pristine").glob("*.bak-*"))


def test_a_stale_temporary_file_of_a_killed_run_is_removed_and_said(tmp_path, runner):
    article = tmp_path / "messe.md"
    article.write_text("---\ndate: 2025-03-24\n---\nDie Messe beginnt am 17. März.\n", encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".messe.checklist.xlsx{atomic.TEMP_MARK}{dead.pid}.0badc0de.tmp"
    stale.write_bytes(b"half a workbook")
    live = tmp_path / f".messe.checklist.xlsx{atomic.TEMP_MARK}{os.getpid()}.0badc0df.tmp"
    live.write_bytes(b"being written by a run that is still going")
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.OK
    assert not stale.exists() and "left by a run that was killed" in result.output
    assert live.exists() and "still going" in result.output


def _tmpfs(path: Path, size: int) -> bool:
    path.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


def test_a_full_disk_while_writing_the_checklist_or_its_backup_changes_nothing(tmp_path, runner, monkeypatch):
    article = tmp_path / "messe.md"
    article.write_text("---\ndate: 2025-03-24\n---\nDie Messe beginnt am 17. März. Es kamen 80 Gäste.\n",
                       encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    checklist = tmp_path / "messe.checklist.xlsx"
    size = checklist.stat().st_size
    mount = tmp_path / "disk"
    if _tmpfs(mount, 64 * 1024 + 3 * size):  # root: a real full disk
        for p in (article, checklist):
            shutil.copy2(p, mount / p.name)
        article, checklist = mount / article.name, mount / checklist.name
        try:
            for room in (size // 2, size + size // 2):  # no room for the backup; for the backup only
                filler = mount / "filler"
                filler.unlink(missing_ok=True)
                free = shutil.disk_usage(mount).free - room
                filler.write_bytes(b"\0" * max(free, 0))
                before = {p.name: p.read_bytes() for p in mount.iterdir()}
                result = runner.invoke(main, ["update", str(article)])
                assert result.exit_code == exitcodes.ERROR and "disk is full" in result.output, result.output
                assert {p.name: p.read_bytes() for p in mount.iterdir()} == before
        finally:
            subprocess.run(["umount", str(mount)], capture_output=True)
    else:  # no tmpfs without root: the same failure, injected where the bytes are written
        real = atomic._write_all
        calls = []

        def full(fd, data):
            calls.append(1)
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic, "_write_all", full)
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        result = runner.invoke(main, ["update", str(article)])
        monkeypatch.setattr(atomic, "_write_all", real)
        assert calls and result.exit_code == exitcodes.ERROR and "disk is full" in result.output
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_the_signal_handlers_are_given_back_after_update(tmp_path, runner):
    article = tmp_path / "messe.md"
    article.write_text("---\ndate: 2025-03-24\n---\nDie Messe beginnt am 17. März.\n", encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == 0
    before = signal.getsignal(signal.SIGTERM)
    assert runner.invoke(main, ["update", str(article)]).exit_code == 0
    assert signal.getsignal(signal.SIGTERM) == before

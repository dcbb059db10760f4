"""docs/writing-rules.md's walk-throughs ("Adding a language", "Adding a kind") are run as they
are written: their shell blocks in a fresh folder, their Python lines put where the text says,
their TOML files written where their first line names. A doc that drifts from the program fails
here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "writing-rules.md"
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)


def _blocks(title: str) -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return [(m.group(1), m.group(2)) for m in _BLOCK.finditer(text[start:end if end > 0 else None])]


def _run(script: str, cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMS_RULES_PATH"}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_walkthrough_of_adding_a_language_runs_as_written(tmp_path: Path):
    (tmp_path / "rules").symlink_to(ROOT / "rules")
    scripts = [code for lang, code in _blocks("Adding a language") if lang == "sh"]
    assert scripts, "the section shows no commands"
    done = _run("\n".join(scripts), tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert '"lang": "fr"' in done.stdout
    assert '"rule": "fr.date.' in done.stdout  # the copy's rules found the date
    assert (tmp_path / "conseil.checklist.xlsx").is_file()


def test_the_walkthrough_of_adding_a_kind_runs_as_written(tmp_path: Path):
    shutil.copytree(ROOT / "src" / "claims", tmp_path / "src" / "claims",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "rules").symlink_to(ROOT / "rules")
    blocks = _blocks("Adding a kind")
    python = [code for lang, code in blocks if lang == "python"]
    registry_line, display_line = python
    kinds = tmp_path / "src" / "claims" / "kinds.py"
    marker = "    # a new kind: one line here"
    assert marker in kinds.read_text(encoding="utf-8")
    kinds.write_text(kinds.read_text(encoding="utf-8").replace(marker, registry_line + marker), encoding="utf-8")
    display = tmp_path / "src" / "claims" / "checklist" / "display.py"
    display.write_text(display.read_text(encoding="utf-8") + "\n\n" + display_line, encoding="utf-8")
    for lang, code in blocks:
        if lang == "toml":
            target = tmp_path / code.splitlines()[0].lstrip("# ").strip()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
    done = _run("\n".join(code for lang, code in blocks if lang == "sh"), tmp_path, tmp_path / "src")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "2 passed, 0 failed" in done.stdout  # the rule's match and no_match examples
    assert '"kind": "event"' in done.stdout and '"name": "Buchmesse"' in done.stdout

"""The GitHub Action and the pre-commit hook are well formed and call commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from claims.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_the_action_is_composite_installs_itself_and_checks_changed_articles():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in s for s in steps if "run" in s)
    script = "\n".join(s.get("run", "") for s in steps)
    assert 'pip install --quiet "${{ github.action_path }}"' in script
    assert re.search(r"claims check --changed \"\$CLAIMS_BASE\" --format github", script)
    used = set(re.findall(r"inputs\.([a-z-]+)", (ROOT / "action.yml").read_text(encoding="utf-8")))
    assert used <= set(action["inputs"])
    check = main.commands["check"]
    assert {"--changed", "--format"} <= {opt for p in check.params for opt in getattr(p, "opts", [])}


def test_the_pre_commit_hook_runs_claims_check_on_article_files():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "claims-check")
    assert hook["entry"] == "claims check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("artikel/messe.md") and files.search("a/b.docx") and files.search("x.html")
    assert not files.search("messe.checklist.xlsx") and not files.search("setup.py")

"""The built-in rules ship inside the wheel and are found from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import claims
from claims.ruleset import builtin_rules_dir

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_contains_every_rule_file(tmp_path):
    pytest.importorskip("hatchling")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("claims-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule_file in (ROOT / "rules").rglob("*"):
        if rule_file.is_file():
            assert f"claims/rules/{rule_file.relative_to(ROOT / 'rules').as_posix()}" in names


def test_an_installed_claims_finds_its_rules_from_another_directory(tmp_path):
    result = subprocess.run([sys.executable, "-m", "claims", "rules", "list"], cwd=tmp_path,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""})
    assert result.returncode == 0, result.stderr
    assert "de.date." in result.stdout


def test_a_non_editable_install_uses_the_packaged_rules():
    installed_from_checkout = Path(claims.__file__).resolve().is_relative_to(ROOT / "src")
    if installed_from_checkout:
        assert builtin_rules_dir() == ROOT / "rules"
    else:  # pip install . (as the README's test command does): rules come from the wheel
        assert builtin_rules_dir().is_relative_to(Path(claims.__file__).resolve().parent)

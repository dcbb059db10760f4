"""Compiled rule sets are cached; the first compile of a process runs in a forked child."""

from __future__ import annotations

import os

import pytest

from claims.errors import RuleError
from claims.ruleset import load_ruleset, loader
from conftest import write_rule_dir

DOZEN = '''kind = "figure"

[[rule]]
id = "de.figure.test-dozen"
code = "T001"
summary = "Ein Dutzend Eier"
pattern = '{b}(?P<number>\\d+)\\s+Dutzend{e}'
value = { number = "{number}", unit = "Dutzend" }
'''


@pytest.fixture
def first_compile(tmp_path, monkeypatch):
    """A fresh cache folder, and a process that has not compiled in a child yet."""
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLAIMS_NO_CACHE", raising=False)
    monkeypatch.setattr(loader, "_forked", False)
    return tmp_path / "cache"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="compiling in a child needs fork (POSIX)")
def test_the_first_compile_runs_in_a_child_that_writes_the_cache(tmp_path, first_compile):
    rules = write_rule_dir(tmp_path / "mine", {"dozen.toml": DOZEN})
    ruleset = load_ruleset("de", (rules,))
    assert loader._forked
    assert ruleset.by_id("de.figure.test-dozen") is not None
    assert len(list(first_compile.glob("ruleset-de-*.pickle"))) == 1


def test_a_broken_rule_file_compiled_first_is_still_named_with_its_line(tmp_path, first_compile):
    rules = write_rule_dir(tmp_path / "mine", {"dozen.toml": DOZEN.replace("(?P<number>", "(?P<number")})
    with pytest.raises(RuleError) as info:
        load_ruleset("de", (rules,))
    assert "dozen.toml:7:" in str(info.value)  # the file and the pattern's line
    assert not list(first_compile.glob("ruleset-de-*.pickle"))


def test_a_second_rule_set_in_the_same_process_is_compiled_in_it(tmp_path, first_compile, monkeypatch):
    monkeypatch.setattr(loader, "_forked", True)

    def no_fork():
        raise AssertionError("forked again")

    monkeypatch.setattr(os, "fork", no_fork)
    rules = write_rule_dir(tmp_path / "mine", {"dozen.toml": DOZEN})
    assert load_ruleset("de", (rules,)).by_id("de.figure.test-dozen") is not None

"""README and --help say what the program does: rule counts, gold sets, every option explained."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from claims.cli import main
from claims.ruleset import builtin_rules_dir, load_ruleset

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_gives_each_languages_rule_count():
    langs = sorted(p.name for p in builtin_rules_dir().iterdir() if (p / "language.toml").is_file())
    for lang in langs:
        count = len(load_ruleset(lang).rules)
        said = re.search(rf"\(`{lang}`, (\d+)(?: rules)?\)", README)
        assert said, f"README.md names no rule count for {lang!r}; write (`{lang}`, {count} rules)"
        assert int(said.group(1)) == count, f"README.md says {said.group(1)} rules for {lang!r}; there are {count}"


def test_the_readme_names_every_gold_set_with_its_article_count():
    for folder in sorted((ROOT / "tests" / "gold").iterdir()):
        if not folder.is_dir():
            continue
        count = len(list(folder.glob("*.gold.jsonl")))
        said = re.search(rf"`{re.escape(folder.name)}` \((\d+)", README)
        assert said, f"README.md does not name the gold set tests/gold/{folder.name} ({count} articles)"
        assert int(said.group(1)) == count, (folder.name, said.group(1), count)


def _commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


@pytest.mark.parametrize("name, command", list(_commands(main)))
def test_every_option_of_every_command_is_explained(name, command):
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"claims {name} {param.opts[0]} has no help text"


@pytest.mark.parametrize("name, command", [(n, c) for n, c in _commands(main)
                                           if any("--rules" in p.opts for p in c.params)])
def test_rules_is_explained_alike_on_every_command(name, command):
    option = next(p for p in command.params if "--rules" in p.opts)
    assert "rule folder of your own" in option.help and "replaces" in option.help


def test_the_readme_lists_every_command():
    for name in main.commands:
        assert f"claims {name}" in README, f"README.md does not mention `claims {name}`"

"""docs/rules.md is generated from the rule files and never stale."""

from __future__ import annotations

from pathlib import Path

from claims.ruleset import builtin_rules_dir, load_ruleset
from claims.ruleset.docs import markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_rules_reference_is_up_to_date():
    langs = sorted(p.name for p in builtin_rules_dir().iterdir() if (p / "language.toml").is_file())
    expected = markdown([load_ruleset(lang) for lang in langs])
    assert DOCS.read_text(encoding="utf-8") == expected, \
        "docs/rules.md is stale: run `claims rules docs -o docs/rules.md`"


def test_rules_list_shows_code_id_kind_and_summary(runner):
    from claims.cli import main

    result = runner.invoke(main, ["rules", "list", "--kind", "date"])
    assert result.exit_code == 0
    first = load_ruleset("de").rules[0]
    assert any(line.startswith("D") and " date " in line for line in result.output.splitlines()), first

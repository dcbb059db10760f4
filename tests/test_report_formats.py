"""The CI outputs of `claims check` keep to their formats: SARIF 2.1.0 and GitHub workflow commands."""

from __future__ import annotations

import json

import regex

from claims.cli import main
from claims.check.gate import ArticleCheck, Problem
from claims.check.github import annotations, step_summary

ARTICLE = "---\ndate: 2025-03-24\n---\nDie Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"


def _sarif(tmp_path, runner):
    article = tmp_path / "messe.md"
    article.write_text(ARTICLE, encoding="utf-8")
    runner.invoke(main, ["extract", str(article)])
    result = runner.invoke(main, ["check", str(article), "--format", "sarif"])
    return json.loads(result.output)


def _without_empty(value):
    """A JSON value without the empty lists and dicts the schema's defaults add back."""
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in ([], {}, None)}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


def test_sarif_validates_against_the_sarif_2_1_0_schema_and_has_no_unknown_keys(tmp_path, runner):
    # pydantic-sarif's models are generated from the official sarif-schema-2.1.0.json
    from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as Sarif

    log = _sarif(tmp_path, runner)
    model = Sarif.model_validate(log)
    round_trip = json.loads(model.model_dump_json(by_alias=True, exclude_unset=True))
    assert _without_empty(round_trip) == _without_empty(log)  # an unknown key would be dropped


def test_sarif_results_point_at_the_article_line(tmp_path, runner):
    log = _sarif(tmp_path, runner)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("messe.md")
    assert location["region"]["startLine"] == 4


WORKFLOW_COMMAND = regex.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^:]*::.+$")


def test_github_annotations_are_well_formed_workflow_commands_with_escaped_data():
    check = ArticleCheck(article="a,b:c.md", checklist="x", claims=1, problems=[Problem(
        code="open", article="a,b:c.md", line=3, column=2, message="50% der Stimmen\nzweite Zeile")])
    [line] = list(annotations([check]))
    assert WORKFLOW_COMMAND.match(line), line
    assert "file=a%2Cb%3Ac.md" in line and line.endswith("50%25 der Stimmen%0Azweite Zeile")


def test_the_step_summary_is_a_markdown_table_with_escaped_pipes():
    check = ArticleCheck(article="a.md", checklist="x", claims=1, problems=[Problem(
        code="new", article="a.md", line=1, text="3 | 4", message="neu")])
    summary = step_summary([check])
    assert "| a.md | 1 | new | 3 \\| 4 |" in summary

"""Configuration: claims.toml or [tool.claims] found upwards, flags on top, errors naming file and key."""

from __future__ import annotations

import json
from pathlib import Path

from claims import exitcodes
from claims.cli import main
from test_cli_check import tick

ARTICLE = ("---\ndate: 2025-03-24\n---\n"
           "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n"
           "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr.\n")


def project(tmp_path: Path, config: str, name: str = "claims.toml") -> Path:
    """A newsroom folder with a configuration at its top and the article two levels down."""
    (tmp_path / name).write_text(config, encoding="utf-8")
    article = tmp_path / "ressort" / "lokal" / "messe.md"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE, encoding="utf-8")
    return article


def test_checklist_naming_from_a_config_above_the_article_is_used_by_extract_check_and_update(tmp_path, runner):
    article = project(tmp_path, 'checklist = "{stem}-pruefliste.xlsx"\n')
    assert runner.invoke(main, ["extract", str(article)]).exit_code == exitcodes.OK
    checklist = article.with_name("messe-pruefliste.xlsx")
    assert checklist.is_file() and not article.with_name("messe.checklist.xlsx").exists()
    tick(checklist)
    assert runner.invoke(main, ["check", str(article)]).exit_code == exitcodes.OK
    result = runner.invoke(main, ["update", str(article)])
    assert result.exit_code == exitcodes.OK and "messe-pruefliste.xlsx" in result.stdout


def test_a_newsroom_status_vocabulary_closes_claims(tmp_path, runner):
    article = project(tmp_path, '[tool.claims.status]\n"ok" = "confirmed"\n"passt nicht" = "wrong"\n',
                      name="pyproject.toml")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == exitcodes.OK
    checklist = article.with_name("messe.checklist.xlsx")
    tick(checklist, default="OK")
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.OK, result.output
    assert "unknown status" not in result.stderr
    tick(checklist, {"am 17. März": "passt  nicht"}, default="ok")
    result = runner.invoke(main, ["check", str(article), "--format", "json"])
    assert result.exit_code == exitcodes.FINDINGS
    assert [p["code"] for p in json.loads(result.stdout)["articles"][0]["problems"]] == ["wrong"]


def test_without_the_vocabulary_a_newsroom_word_is_unknown_and_open(tmp_path, runner):
    article = tmp_path / "messe.md"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims.toml").write_text("", encoding="utf-8")
    assert runner.invoke(main, ["extract", str(article)]).exit_code == exitcodes.OK
    tick(article.with_name("messe.checklist.xlsx"), default="ok")
    result = runner.invoke(main, ["check", str(article)])
    assert result.exit_code == exitcodes.FINDINGS
    assert "unknown status 'ok', counted as open" in result.stderr


def test_disabled_kinds_and_rules_leave_out_their_claims_and_flags_add_to_the_file(tmp_path, runner):
    article = project(tmp_path, 'disable = ["role"]\n')
    result = runner.invoke(main, ["extract", str(article), "--format", "json"])
    kinds = {c["kind"] for c in json.loads(result.stdout)["claims"]}
    assert "role" not in kinds and "date" in kinds and "figure" in kinds
    result = runner.invoke(main, ["extract", str(article), "--format", "json", "--disable", "figure"])
    kinds = {c["kind"] for c in json.loads(result.stdout)["claims"]}
    assert "role" not in kinds and "figure" not in kinds and "date" in kinds


def test_claims_config_prints_each_value_and_where_it_came_from(tmp_path, runner):
    article = project(tmp_path, '[tool.claims]\nlang = "de"\nchecklist = "{stem}.pruef.xlsx"\n',
                      name="pyproject.toml")
    result = runner.invoke(main, ["config", str(article), "--disable", "credit"])
    assert result.exit_code == exitcodes.OK, result.output
    lines = {line.split(" = ")[0]: line for line in result.stdout.splitlines() if " = " in line}
    pyproject = tmp_path / "pyproject.toml"
    assert lines["lang"] == f'lang = "de"    # {pyproject} ([tool.claims] lang)'
    assert lines["checklist"].endswith(f"# {pyproject} ([tool.claims] checklist)")
    assert lines["disable"] == 'disable = ["credit"]    # --disable'
    assert lines["status"] == "status = {}    # default"
    data = json.loads(runner.invoke(main, ["config", str(article), "--json", "--lang", "de"]).stdout)
    assert data["values"]["lang"] == {"value": "de", "source": "--lang"}


def test_claims_toml_wins_over_pyproject_and_a_pyproject_without_tool_claims_is_passed_over(tmp_path, runner):
    (tmp_path / "claims.toml").write_text('checklist = "{stem}.oben.xlsx"\n', encoding="utf-8")
    inner = tmp_path / "sub"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    result = runner.invoke(main, ["config", str(inner), "--json"])
    assert json.loads(result.stdout)["file"] == str(tmp_path / "claims.toml")


def test_an_unknown_key_names_the_file_key_and_line(tmp_path, runner):
    article = project(tmp_path, '[tool.claims]\nlang = "de"\nlanguage = "de"\n', name="pyproject.toml")
    result = runner.invoke(main, ["extract", str(article)])
    assert result.exit_code == exitcodes.ERROR
    assert result.stderr.startswith(f"claims: error: {tmp_path / 'pyproject.toml'}:3: "
                                    f"[tool.claims] language: unknown key")
    assert "Traceback" not in result.stderr


def test_bad_values_name_the_file_and_key(tmp_path, runner):
    cases = {
        '[status]\n"ok" = "done"\n': "claims.toml:2: claims.toml status.ok: not a status code",
        'checklist = "pruefliste.xlsx"\n': "claims.toml:1: claims.toml checklist: must contain {stem}",
        'rules = ["fehlt"]\n': "claims.toml:1: claims.toml rules: rule directory 'fehlt' not found",
        'lang = "xx"\n': "claims.toml:1: claims.toml lang: no rules for language 'xx'",
        'lang = \n': "claims.toml:1: TOML syntax error",
    }
    for number, (text, message) in enumerate(cases.items()):
        folder = tmp_path / f"fall{number}"
        folder.mkdir()
        (folder / "claims.toml").write_text(text, encoding="utf-8")
        (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
        result = runner.invoke(main, ["check", str(folder / "a.md")])
        assert result.exit_code == exitcodes.ERROR, text
        assert f"claims: error: {folder / message}" in result.stderr, (text, result.stderr)


def test_config_rule_folders_are_relative_to_the_file_and_load_over_the_built_ins(tmp_path, runner):
    from claims.ruleset import load_ruleset

    builtin = load_ruleset("de").rules[0]
    rules = tmp_path / "regeln" / "de"
    rules.mkdir(parents=True)
    source = builtin.path.read_text(encoding="utf-8")
    (rules / builtin.path.name).write_text(source.replace(builtin.spec.summary, "Unsere Fassung"),
                                           encoding="utf-8")
    article = project(tmp_path, 'rules = ["regeln"]\n')
    result = runner.invoke(main, ["config", str(article), "--json"])
    assert json.loads(result.stdout)["values"]["rules"]["value"] == [str(tmp_path / "regeln")]
    result = runner.invoke(main, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == exitcodes.OK, result.stderr


def test_a_config_flag_names_the_file_instead_of_searching(tmp_path, runner):
    from claims.cli import main

    (tmp_path / "claims.toml").write_text('checklist = "{stem}.gefunden.xlsx"\n', encoding="utf-8")
    chosen = tmp_path / "redaktion.toml"
    chosen.write_text('checklist = "{stem}.pruefliste.xlsx"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Die Messe beginnt am 17. März in Bozen.\n", encoding="utf-8")
    result = runner.invoke(main, ["--config", str(chosen), "extract", str(article)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.pruefliste.xlsx").exists() and not (tmp_path / "a.gefunden.xlsx").exists()
    missing = runner.invoke(main, ["--config", str(tmp_path / "fehlt.toml"), "extract", str(article)])
    assert missing.exit_code == 2 and "fehlt.toml" in missing.output

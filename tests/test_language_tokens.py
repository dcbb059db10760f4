"""The tokens a language defines once in language.toml ({number}, {person}, …) are usable in
every rule file without a fragment of its own, in that language's notation."""

from __future__ import annotations

from claims.ruleset import load_ruleset

RULE = '''kind = "figure"

[[rule]]
id = "{lang}.figure.test-pieces"
code = "F901"
summary = "Stückzahl"
pattern = '(?P<n>{{number}})\\s+(?P<unit>Stück|pieces)'
value = {{ number = "{{n}}", unit = "{{unit}}" }}
priority = 50
'''


def _numbers(tmp_path, lang: str, text: str) -> list[str]:
    from claims.api import extract_text
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "rules", {"figures.toml": RULE.format(lang=lang)}, lang)
    ruleset = load_ruleset(lang, (rules,))
    return [c.text for c in extract_text(text, lang=lang, rules=ruleset).claims
            if c.rule == f"{lang}.figure.test-pieces"]


def test_a_rule_file_reads_a_german_number_with_the_languages_number_token(tmp_path):
    assert _numbers(tmp_path, "de", "Geliefert wurden 2.000 Stück.") == ["2.000 Stück"]


def test_the_number_token_of_english_has_the_english_marks(tmp_path):
    assert _numbers(tmp_path, "en", "They shipped 2,000 pieces.") == ["2,000 pieces"]


def test_the_number_token_does_not_start_inside_a_model_name(tmp_path):
    assert _numbers(tmp_path, "de", "Das Modell S25 Stück für Stück.") == []

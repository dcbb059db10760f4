"""A referring link (refers = true): its value points to a name elsewhere (a pronoun), so the
later links go on looking; a name they find comes first, the reference after it in brackets."""

from __future__ import annotations

from claims.ruleset import load_ruleset

LINKS = '''kind = "quote"

[[link]]
id = "de.quote.test-pronoun"
field = "speaker"
pattern = 'sagte (?P<speaker>er|sie)'
sentences_before = 0
priority = 101
refers = true

[[link]]
id = "de.quote.test-name"
field = "speaker"
pattern = '(?P<speaker>\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+) kam'
sentences_before = 1
priority = 100
'''


def _speaker(tmp_path, text):
    from claims.api import extract_text
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "refers", {"links.toml": LINKS})
    ruleset = load_ruleset("de", (rules,))
    return next(c for c in extract_text(text, rules=ruleset).claims if c.kind == "quote").value["speaker"]


def test_a_name_found_after_the_reference_comes_first(tmp_path):
    assert _speaker(tmp_path, "Karl Huber kam spät. „Wir bleiben hier“, sagte er.") == "Karl Huber (er)"


def test_the_reference_alone_where_no_name_is_found(tmp_path):
    assert _speaker(tmp_path, "Es regnete. „Wir bleiben hier“, sagte sie.") == "sie"


def test_a_name_without_a_reference_stays_as_it_is(tmp_path):
    assert _speaker(tmp_path, "Karl Huber kam spät. „Wir bleiben hier“, rief jemand.") == "Karl Huber"

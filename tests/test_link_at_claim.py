"""A link ``at_claim``: its pattern is matched where the claim starts, in the claim's sentence,
so its lookarounds read the words around that claim, not the first match anywhere in it."""

from __future__ import annotations

from claims.api import extract_text
from claims.ruleset import load_ruleset

RULES = r'''kind = "credit"

[[rule]]
id = "de.credit.test-photo"
code = "T001"
summary = "Ein Testnachweis"
pattern = 'Foto:\s+(?P<name>\p{Lu}\p{Ll}+)'
value = { credit = "{name}", mark = "" }
match = []
no_match = []

[[link]]
id = "de.credit.test-mark"
field = "mark"
{at}
pattern = '(?:(?<=(?P<mark>farbig)\s))?'
'''


def _marks(tmp_path, at: str) -> list:
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / at.replace(" ", ""), {"credits.toml": RULES.replace("{at}", at)})
    ruleset = load_ruleset("de", (rules,))
    text = "Oben Foto: Huber, unten farbig Foto: Meier und Foto: Berger."
    return [c.value["mark"] for c in extract_text(text, rules=ruleset).claims
            if c.rule == "de.credit.test-photo"]


def test_a_link_at_the_claim_reads_what_stands_right_before_each_claim(tmp_path):
    assert _marks(tmp_path, "at_claim = true") == [None, "farbig", None]


def test_a_plain_link_takes_the_first_match_of_the_sentence_for_every_claim(tmp_path):
    # the same pattern searched through the sentence: an empty match at its start, so no mark
    assert _marks(tmp_path, "at_claim = false") == [None, None, None]

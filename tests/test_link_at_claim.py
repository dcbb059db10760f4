"""A link ``at_claim``: its pattern is matched where the claim starts, in the claim's sentence,
so its lookarounds read the words around that claim, not the first match anywhere in it.
The rules under test are role rules (a link may fill only fields its kind declares: role,
org), matching a made-up cue so that no built-in rule competes."""

from __future__ import annotations

from claims.api import extract_text
from claims.ruleset import load_ruleset

RULES = r'''kind = "role"

[[rule]]
id = "de.role.test-photo"
code = "T001"
summary = "Ein Testnachweis"
pattern = 'Testbild:\s+(?P<name>\p{Lu}\p{Ll}+)'
value = { person = "{name}", role = "" }
match = []
no_match = []

[[link]]
id = "de.role.test-mark"
field = "role"
{at}
pattern = '(?:(?<=(?P<role>farbig)\s))?'
'''


def _marks(tmp_path, at: str) -> list:
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / at.replace(" ", ""), {"roles_test.toml": RULES.replace("{at}", at)})
    ruleset = load_ruleset("de", (rules,))
    text = "Oben Testbild: Huber, unten farbig Testbild: Meier und Testbild: Berger."
    return [c.value["role"] for c in extract_text(text, rules=ruleset).claims
            if c.rule == "de.role.test-photo"]


def test_a_link_at_the_claim_reads_what_stands_right_before_each_claim(tmp_path):
    assert _marks(tmp_path, "at_claim = true") == [None, "farbig", None]


def test_a_plain_link_takes_the_first_match_of_the_sentence_for_every_claim(tmp_path):
    # the same pattern searched through the sentence: an empty match at its start, so no mark
    assert _marks(tmp_path, "at_claim = false") == [None, None, None]


SEVERAL = r'''kind = "role"

[[rule]]
id = "de.role.test-photo"
code = "T001"
summary = "Ein Testnachweis"
pattern = 'Testbild:\s+(?P<name>\p{Lu}\p{Ll}+)'
value = { person = "{name}", role = "", org = "" }
match = []
no_match = []

[[link]]
id = "de.role.test-marks"
field = "role"
at_claim = true
pattern = '(?=\S+\s+\S+\s+(?P<org>groß|klein)?)(?:(?<=(?P<role>farbig)\s))?(?<=(?P<person>\p{Ll}+)\s)?'
'''


def test_a_link_at_the_claim_fills_every_empty_field_its_groups_name(tmp_path):
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "several", {"roles_test.toml": SEVERAL})
    ruleset = load_ruleset("de", (rules,))
    text = "Oben farbig Testbild: Huber groß, unten Testbild: Meier."
    values = [c.value for c in extract_text(text, rules=ruleset).claims if c.rule == "de.role.test-photo"]
    assert [(v["role"], v["org"]) for v in values] == [("farbig", "groß"), (None, None)]
    assert [v["person"] for v in values] == ["Huber", "Meier"]  # a field the rule filled stays as it is

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


SEVERAL = r'''kind = "credit"

[[rule]]
id = "de.credit.test-photo"
code = "T001"
summary = "Ein Testnachweis"
pattern = 'Foto:\s+(?P<name>\p{Lu}\p{Ll}+)'
value = { credit = "{name}", mark = "", size = "", note = "x" }
match = []
no_match = []

[[link]]
id = "de.credit.test-marks"
field = "mark"
at_claim = true
pattern = '(?=\S+\s+\S+\s+(?P<size>groß|klein)?)(?:(?<=(?P<mark>farbig)\s))?(?<=(?P<note>\p{Ll}+)\s)?'
'''


def test_a_link_at_the_claim_fills_every_empty_field_its_groups_name(tmp_path):
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "several", {"credits.toml": SEVERAL})
    ruleset = load_ruleset("de", (rules,))
    text = "Oben farbig Foto: Huber groß, unten Foto: Meier."
    values = [c.value for c in extract_text(text, rules=ruleset).claims if c.rule == "de.credit.test-photo"]
    assert [(v["mark"], v["size"]) for v in values] == [("farbig", "groß"), (None, None)]
    assert [v["note"] for v in values] == ["x", "x"]  # a field the rule filled stays as it is

"""A claim kind is one registered contract (claims.kinds): its value fields with their types,
its normalizer, its display; a rule that fills a field its kind does not know is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.checklist.display import show
from claims.checklist.labels import labels_for
from claims.errors import RuleError
from claims.kinds import KINDS, REGISTRY
from claims.models import Claim
from claims.ruleset import load_ruleset
from tests.conftest import write_rule_dir

RULE = """kind = "{kind}"
[[rule]]
id = "de.{kind}.own"
code = "X901"
summary = "a rule of our own"
pattern = 'Hausnummer (?P<n>\\d+)'
value = {value}
"""


def test_every_kind_of_the_models_is_registered_with_a_normalizer_or_none_and_a_display():
    assert set(Claim.model_fields["kind"].annotation.__args__) == set(KINDS) == set(REGISTRY)
    for spec in REGISTRY.values():
        assert callable(spec.display_function())
        assert spec.normalizer is None or callable(spec.normalize_function())


def test_a_rule_filling_a_field_its_kind_does_not_know_is_refused(tmp_path: Path):
    rules = write_rule_dir(tmp_path, {"own.toml": RULE.format(kind="figure", value='{ nummer = "{n}" }')})
    with pytest.raises(RuleError, match="value.nummer is no field of kind figure"):
        load_ruleset("de", (rules,), ("de.figure.none-such",))


def test_a_rule_giving_a_number_field_a_true_is_refused(tmp_path: Path):
    rules = write_rule_dir(tmp_path, {"own.toml": RULE.format(kind="figure", value='{ number = true }')})
    with pytest.raises(RuleError, match="value.number = True"):
        load_ruleset("de", (rules,), ("de.figure.none-such2",))


def test_a_rule_filling_a_known_field_loads(tmp_path: Path):
    rules = write_rule_dir(tmp_path, {"own.toml": RULE.format(kind="figure", value='{ number = "{n}" }')})
    assert load_ruleset("de", (rules,), ("de.figure.none-such3",)).by_id("de.figure.own") is not None


def test_each_kind_shows_its_value_through_its_registered_display():
    de = labels_for("de")
    assert show("role", {"person": "Eva Moser", "role": "Bürgermeisterin", "org": None}, de) == \
        "Eva Moser – Bürgermeisterin"
    assert show("quote", {"quote": "Gut so", "speaker": None}, de) == de.values["speaker_unknown"]
    assert show("date", "2025-03-17", de) == "17.03.2025"

"""The memory's keys: what makes two claims the same fact, per kind (src/claims/memory/keys.toml)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from claims.memory.keys import KeysFile, claim_keys, context_words, shared, spec


def test_every_kind_has_keys_in_the_data_file() -> None:
    from claims.models import KINDS

    assert set(spec().kinds) == set(KINDS)


def test_a_role_is_the_same_fact_whatever_its_inflection_honorific_or_company_suffix() -> None:
    a = claim_keys("role", {"person": "Lee Jae-yong", "role": "Vorsitzender", "org": "Samsung"}, "")
    b = claim_keys("role", {"person": "Herr Lee Jae-yong", "role": "Vorsitzenden", "org": "Samsung Group"}, "")
    assert a is not None and b is not None and a.fact == b.fact


def test_a_new_title_is_another_fact_about_the_same_person() -> None:
    a = claim_keys("role", {"person": "Anna Roth", "role": "Vizebürgermeisterin", "org": "Lienz"}, "")
    b = claim_keys("role", {"person": "Anna Roth", "role": "Bürgermeisterin", "org": "Lienz"}, "")
    assert a.fact != b.fact and a.subject == b.subject


def test_a_figure_is_its_number_qualifier_and_unit() -> None:
    twelve = claim_keys("figure", {"number": 12, "approx": "at_least", "unit": "Tote"}, "mindestens 12 Tote")
    same = claim_keys("figure", {"number": 12.0, "approx": "at_least", "unit": "Toten"}, "mindestens 12 Toten")
    more = claim_keys("figure", {"number": 15, "approx": "at_least", "unit": "Tote"}, "mindestens 15 Tote")
    assert twelve.fact == same.fact != more.fact
    assert twelve.threshold > 0  # and its subject must be shared by the sentences


def test_a_quote_is_its_wording_and_speaker() -> None:
    a = claim_keys("quote", {"quote": "Wir bauen die Brücke neu.", "speaker": "Anna Roth"}, "")
    b = claim_keys("quote", {"quote": "wir bauen die Brücke neu", "speaker": "Frau Anna Roth"}, "")
    other = claim_keys("quote", {"quote": "Wir bauen die Brücke neu.", "speaker": "Karl Moser"}, "")
    assert a.fact == b.fact != other.fact and a.subject == other.subject


def test_a_claim_without_key_fields_has_no_keys() -> None:
    assert claim_keys("credit", {"credit": None}, "Foto:") is None


def test_context_words_leave_out_the_claim_short_words_and_numbers() -> None:
    words = context_words("Beim Erdbeben in der Provinz Kars starben mindestens 12 Menschen.", "mindestens 12 Menschen")
    assert words == {"erdbeb", "provin", "kar", "starb"}  # endings folded, then the first six letters


def test_the_article_title_joins_the_context() -> None:
    keys = claim_keys("figure", {"number": 7, "approx": "at_least", "unit": "Menschen"}, "mindestens 7 Menschen",
                      "Es starben mindestens 7 Menschen.", "de", "Unwetter in Talheim")
    assert keys.context == {"unwett", "talhei", "starb"}
    assert shared(keys.context, frozenset({"talhei", "gemein"})) == 1


def test_an_unknown_normalizer_in_the_keys_file_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown normalizer"):
        KeysFile.model_validate({"kinds": {"role": {"key": ["person:soundex"]}}})


def test_a_keys_file_without_a_kind_is_refused() -> None:
    kinds = {k: {"key": ["text:text"]} for k in ("date", "figure", "quote", "attribution", "role", "superlative")}
    with pytest.raises(ValidationError, match="no keys for kind 'credit'"):
        KeysFile.model_validate({"kinds": kinds})


def test_keys_read_again_after_a_validation_are_the_validated_ones(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CLAIMS_NO_CACHE", raising=False)
    spec.cache_clear()
    try:
        validated = spec()  # first: validated, the marker written
        assert len(list(tmp_path.glob("memory-keys-*.ok"))) == 1
        spec.cache_clear()
        again = spec()  # then: read from the file without validating
        assert again.model_dump() == validated.model_dump()
    finally:
        spec.cache_clear()


def test_keys_are_validated_when_no_marker_names_this_text(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    (tmp_path / "memory-keys-0123456789abcdef0123456789abcdef.ok").touch()  # another version's
    calls = []
    original = KeysFile.model_validate
    monkeypatch.setattr(KeysFile, "model_validate", lambda data: calls.append(1) or original(data))
    spec.cache_clear()
    try:
        spec()
    finally:
        spec.cache_clear()
    assert calls == [1]

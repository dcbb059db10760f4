"""The engine's fast constructor gives the same objects as pydantic's model_construct."""

from __future__ import annotations

from claims.models import Claim, Paragraph, Sentence, build


def test_build_equals_model_construct_for_every_field():
    values = dict(id="D-X", kind="date", text="am 17. März", start=3, end=14, line=1, column=4,
                  sentence="Er kam am 17. März.", sentence_start=0, paragraph=1,
                  value="2025-03-17", rule="de.date.day-month", hint="?")
    assert set(values) == set(Claim.model_fields)
    built, constructed = build(Claim, **values), Claim.model_construct(**values)
    assert built == constructed
    assert built.public() == constructed.public()
    assert built.model_dump_json() == constructed.model_dump_json()


def test_build_makes_frozen_spans():
    assert build(Sentence, start=0, end=5, index=1, paragraph=1) == Sentence(start=0, end=5, index=1, paragraph=1)
    assert build(Paragraph, start=0, end=5, index=1) == Paragraph(start=0, end=5, index=1)

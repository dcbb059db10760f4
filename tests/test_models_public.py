"""The JSON outputs' dicts, written out by hand so that a cold run builds no pydantic
serializer, stay what pydantic's model_dump gives (a field added later must be added there too)."""

from __future__ import annotations

import datetime as dt

from claims.models import ArticleInfo, Claim


def test_claim_public_equals_model_dump_without_sentence_start():
    claim = Claim(id="Z-X", kind="figure", text="rund 80 Gäste", start=3, end=16, line=2, column=4,
                  sentence="Es kamen rund 80 Gäste.", sentence_start=0, paragraph=1,
                  value={"number": 80, "approx": "about", "unit": "Gäste", "parts": [1, {"a": None}]},
                  rule="de.figure.digits", hint="?")
    assert claim.public() == claim.model_dump(exclude={"sentence_start"})
    assert list(claim.public()) == list(claim.model_dump(exclude={"sentence_start"}))


def test_claim_public_copies_the_value():
    claim = Claim(kind="figure", text="80", start=0, end=2, rule="r", value={"number": 80})
    claim.public()["value"]["number"] = 81
    assert claim.value == {"number": 80}


def test_article_info_public_equals_model_dump_in_json_mode():
    for info in (ArticleInfo(path="a.md", title="Titel", date=dt.date(2025, 3, 24), lang="de", sha256="ab"),
                 ArticleInfo(sha256="cd")):
        assert info.public() == info.model_dump(mode="json")
        assert list(info.public()) == list(info.model_dump(mode="json"))

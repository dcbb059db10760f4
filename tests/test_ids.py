"""Claim IDs are stable: the same hash as always (checklists store them)."""

from __future__ import annotations

import base64
import hashlib

from claims.engine.ids import fingerprint


def reference(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(" ".join(p.split()) for p in parts).encode("utf-8")).digest()
    return base64.b32encode(digest[:5]).decode("ascii")[:8]


def test_fingerprints_are_base32_of_the_first_40_bits_of_sha256():
    for parts in [("date", "am 17. März", "Er kam am 17. März."), ("x",), ("", "a\n b  c"),
                  ("quote", "„Wir sind froh“", "Sie sagte:  „Wir sind froh“\n")]:
        assert fingerprint(*parts) == reference(*parts)


def test_whitespace_does_not_change_a_fingerprint():
    assert fingerprint("Er kam\n am 17. März.") == fingerprint("Er kam am 17. März.")


def test_fingerprint_letters_by_ten_bit_lookups_match_base32_for_many_hashes():
    for i in range(3000):
        parts = ("figure", f"{i} Euro", f"Satz {i // 7} mit {i} Euro.")
        assert fingerprint(*parts) == reference(*parts)


def test_assigned_ids_are_the_kind_letter_and_the_fingerprint_of_kind_text_and_sentence():
    from types import SimpleNamespace

    from claims.engine.ids import assign, base_id

    claims = [SimpleNamespace(kind=k, text=t, sentence=s, id="") for k, t, s in [
        ("date", "am 17. März", "Die Messe beginnt am 17. März  in Bozen."),
        ("figure", "3,5\nMillionen", "Es kamen 3,5\nMillionen Besucher."),
        ("quote", "„Wir bleiben“", "„Wir bleiben“, sagte sie."),
        ("date", "am 17. März", "Die Messe beginnt am 17. März in Bozen."),  # the same claim again
    ]]
    assign(claims)
    base = base_id("date", "am 17. März", "Die Messe beginnt am 17. März in Bozen.")
    assert [c.id for c in claims] == [base, base_id("figure", "3,5 Millionen", "Es kamen 3,5 Millionen Besucher."),
                                      base_id("quote", "„Wir bleiben“", "„Wir bleiben“, sagte sie."), base + "-2"]

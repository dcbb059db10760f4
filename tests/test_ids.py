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

"""Stable claim IDs.

An ID is the claim's kind letter and a hash of what the claim is: its kind,
its text and the text of its sentence (whitespace collapsed). Nothing about
where it stands enters the hash, so editing another sentence, inserting or
moving paragraphs leaves it unchanged. Identical claims in identical sentences
are numbered in article order: ``D-7QK2MX``, ``D-7QK2MX-2``.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from typing import Protocol

from claims.kinds import REGISTRY

KIND_LETTERS = {name: spec.letter for name, spec in REGISTRY.items()}


class _Identifiable(Protocol):
    kind: str
    text: str
    sentence: str
    id: str


_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_PAIRS = [a + b for a in _BASE32 for b in _BASE32]  # ten bits -> two base-32 letters
_sha256 = hashlib.sha256


@functools.lru_cache(maxsize=4096)
def _collapse(text: str) -> str:
    # a sentence with several claims is collapsed once
    return " ".join(text.split())


def fingerprint(*parts: str) -> str:
    """A short, stable hash of text parts with whitespace collapsed."""
    digest = _sha256("\x1f".join([_collapse(p) for p in parts]).encode("utf-8")).digest()
    # base 32 of the first 40 bits (as base64.b32encode(digest[:5]), without its overhead),
    # two letters (ten bits) a lookup
    bits = int.from_bytes(digest[:5], "big")
    return _PAIRS[bits >> 30] + _PAIRS[(bits >> 20) & 1023] + _PAIRS[(bits >> 10) & 1023] + _PAIRS[bits & 1023]


def base_id(kind: str, text: str, sentence: str) -> str:
    return f"{KIND_LETTERS.get(kind, 'X')}-{fingerprint(kind, text, sentence)}"


def assign(claims: Iterable[_Identifiable]) -> None:
    seen: dict[str, int] = {}
    sha256, collapse, pairs = _sha256, _collapse, _PAIRS
    for claim in claims:
        # base_id and fingerprint inlined: ten thousand claims in a long text
        kind = claim.kind
        digest = sha256("\x1f".join((collapse(kind), " ".join(claim.text.split()), collapse(claim.sentence)))
                        .encode("utf-8")).digest()
        bits = int.from_bytes(digest[:5], "big")
        base = (f"{KIND_LETTERS.get(kind, 'X')}-{pairs[bits >> 30]}{pairs[(bits >> 20) & 1023]}"
                f"{pairs[(bits >> 10) & 1023]}{pairs[bits & 1023]}")
        count = seen[base] = seen.get(base, 0) + 1
        claim.id = base if count == 1 else f"{base}-{count}"

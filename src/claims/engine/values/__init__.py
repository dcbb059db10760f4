"""Value normalizers, one module per claim kind that needs more than its matched fields.

Which kind has which normalizer is its contract in :mod:`claims.kinds`. A kind without one
gets its fields as they are, whitespace collapsed and empty fields dropped to ``null``.
"""

from __future__ import annotations

from typing import Any

from claims.kinds import REGISTRY

_NORMALIZERS: dict[str, Any] = {}


def _plain(fields: dict[str, Any], ctx: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, str):
            value = " ".join(value.split()) or None
        out[key] = value
    return out


def normalize(kind: str, fields: dict[str, Any], ctx: Any) -> Any:
    if kind not in _NORMALIZERS:
        _NORMALIZERS[kind] = REGISTRY[kind].normalize_function() or _plain
    return _NORMALIZERS[kind](fields, ctx)

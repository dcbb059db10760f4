"""Value normalizers, one module per claim kind that needs more than its matched fields.

A kind without a module gets its fields as they are, whitespace collapsed and
empty fields dropped to ``null``.
"""

from __future__ import annotations

import importlib
from typing import Any

_NORMALIZERS: dict[str, Any] = {}
_WITH_MODULE = {"date", "figure"}


def _plain(fields: dict[str, Any], ctx: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, str):
            value = " ".join(value.split()) or None
        out[key] = value
    return out


def normalize(kind: str, fields: dict[str, Any], ctx: Any) -> Any:
    if kind not in _NORMALIZERS:
        if kind in _WITH_MODULE:
            _NORMALIZERS[kind] = importlib.import_module(f"claims.engine.values.{kind}").normalize
        else:
            _NORMALIZERS[kind] = _plain
    return _NORMALIZERS[kind](fields, ctx)

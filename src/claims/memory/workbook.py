"""How the memory shows in the checklist: read-only columns at the right of the editor's
(earlier status, by whom, when, Beleg, from which article), only when the memory holds
something about a claim of the article. The writer calls these; like the findings column they
are ours, regenerated at every extract and update, and never read back as the editor's."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from claims.checklist.layout import Column
from claims.checklist.text import clean

KEYS: tuple[str, ...] = ("memory_status", "memory_checked_by", "memory_checked_on", "memory_evidence",
                         "memory_article")
WIDTHS = {"memory_status": 13, "memory_checked_by": 11, "memory_checked_on": 11, "memory_evidence": 16,
          "memory_article": 20}
HEADER_FILL = "3E6A9E"  # a blue of its own: not ours to generate from the article, not the editor's
FILL = "EAF1FB"
FONT = "1F3A5F"
DIFFERENT_FONT = "9C5700"  # a different earlier fact, in the amber of the change marks


def columns(labels: Any, found: dict[str, Any]) -> tuple[list[Column], list[str]]:
    if not found:
        return [], []
    titles = labels.data.get("memory_columns", {})
    return ([Column(k, WIDTHS[k], wrap=k != "memory_checked_on") for k in KEYS],
            [titles.get(k, k) for k in KEYS])


def _day(text: str | None) -> Any:
    try:
        return dt.date.fromisoformat((text or "")[:10])
    except ValueError:
        return text


def _status(labels: Any, code: str) -> str:
    return labels.status.get(code, code)


def cells(recalled: Any, labels: Any) -> dict[str, Any]:
    """The memory's cells of one claim's row (empty when the memory holds nothing about it)."""
    if recalled is None:
        return {}
    words = labels.data.get("memory", {})
    v = recalled.verification
    status = _status(labels, v.status)
    if not recalled.same:
        status = words.get("different", "different: {status}").format(status=status)
    elif recalled.too_old:
        status = words.get("too_old", "{status} (too old)").format(status=status)
    if recalled.count > 1:
        status += "\n" + words.get("more", "{count}").format(count=recalled.count)
    article = v.article_title or v.article
    if v.article_title and v.article:
        article = f"{v.article_title} ({v.article})"
    if not recalled.same:
        article = words.get("earlier", "{claim}").format(claim=v.claim_text) + "\n" + article
    evidence = "\n".join(x for x in (v.evidence, v.note) if x)
    return {
        "memory_status": clean(status),
        "memory_checked_by": clean(v.checked_by or ""),
        "memory_checked_on": _day(v.verified_on),
        "memory_evidence": clean(evidence),
        "memory_article": clean(article),
    }


def reused(recalled: Any, labels: Any) -> dict[str, Any]:
    """The editor's cells a reuse fills (``reuse = "confirmed"``): bestätigt, with a note saying
    where it comes from. Empty unless the verification may be reused."""
    if recalled is None or not recalled.reusable:
        return {}
    v = recalled.verification
    note = labels.data.get("memory", {}).get("reused", "{status} {who} {when} {evidence} {article}").format(
        status=_status(labels, "confirmed"), who=v.checked_by or "?", when=v.verified_on,
        evidence=v.evidence or "-", article=v.article_title or v.article)
    return {"status": _status(labels, "confirmed"), "note": clean(note)}


def is_memory(key: str) -> bool:
    return key.startswith("memory_")


def as_json(found: dict[str, Any]) -> dict[str, Any]:  # for tests and debugging
    return {cid: json.loads(r.verification.model_dump_json()) for cid, r in found.items()}

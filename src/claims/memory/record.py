"""Closed checklist rows into the memory: each row marked bestätigt, korrigiert or falsch
becomes a verification keyed by its fact (:mod:`.keys`), with its checker, date, Beleg and
note, the claim, its sentence and the article it was checked in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from claims.checklist import layout
from claims.memory.keys import claim_keys
from claims.memory.store import Verification

RECORDED = ("confirmed", "corrected", "wrong")


def _claim_values(path: Path) -> dict[str, Any]:
    """Claim ID -> its value, from the hidden ``_claims`` sheet (the value as JSON)."""
    from claims.checklist.workbook_io import open_read_only

    wb = open_read_only(path)
    try:
        if layout.CLAIMS_SHEET not in wb.sheetnames:
            return {}
        rows = wb[layout.CLAIMS_SHEET].iter_rows(values_only=True)
        header = [str(h) if h is not None else "" for h in next(rows, ())]
        values: dict[str, Any] = {}
        for row in rows:
            record = dict(zip(header, row, strict=False))
            if record.get("id"):
                try:
                    values[str(record["id"])] = json.loads(record.get("value") or "null")
                except (TypeError, ValueError):
                    values[str(record["id"])] = None
        return values
    finally:
        wb.close()


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return (value.date() if (value.hour, value.minute, value.second) == (0, 0, 0) else value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _iso_day(value: Any) -> str | None:
    """The editor's date as an ISO day when it reads as one (a date cell, 2026-03-02, 2.3.2026)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text[:10], pattern).date().isoformat()
        except ValueError:
            continue
    return None


def verifications(checklist: str | Path, vocabulary: dict[str, str] | None = None,
                  today: dt.date | None = None, name: Path | None = None) -> list[Verification]:
    """The closed rows of a checklist as verifications (the removed sheet's too: a claim that
    left the article was still verified)."""
    from claims.checklist.reader import read_checklist

    path = Path(checklist)
    read = read_checklist(path, vocabulary)
    values = _claim_values(path)
    meta = read.meta
    lang = meta.get("article_lang") or meta.get("lang") or "de"
    article = meta.get("article_path") or str(path)
    day = (today or dt.date.today()).isoformat()
    out: list[Verification] = []
    for row in [*read.rows, *read.removed]:
        if row.status not in RECORDED:
            continue
        value = values.get(row.id)
        sentence = _text(row.generated.get("sentence")) or row.sentence or row.text
        keys = claim_keys(row.kind, value, row.text, sentence, lang, meta.get("article_title"))
        if keys is None:
            continue
        editor = row.editor
        shown_value = json.dumps(value, ensure_ascii=False) if value is not None else None
        out.append(Verification(
            kind=row.kind, fact_key=keys.fact, subject_key=keys.subject, context=" ".join(sorted(keys.context)),
            status=row.status, checked_by=_text(editor.get("checked_by")), checked_on=_text(editor.get("checked_on")),
            verified_on=_iso_day(editor.get("checked_on")) or day, evidence=_text(editor.get("evidence")),
            note=_text(editor.get("note")), claim_id=row.id, claim_text=row.text, sentence=sentence,
            value=shown_value, lang=lang, article=article, article_title=meta.get("article_title") or None,
            article_date=meta.get("article_date") or None, article_sha256=meta.get("article_sha256") or None,
            checklist=str((name or path).resolve()),
            search_text=" ".join(" ".join(part.split()).casefold() for part in
                                 (row.text, sentence, shown_value or "", article, meta.get("article_title") or "")),
        ))
    return out


def of_claim(claim: Any, article: Any, status: str = "confirmed", checked_by: str | None = None,
             day: str | None = None, evidence: str | None = None) -> Verification | None:
    """A verification of an extracted claim, as if its row had been closed (benchmarks, tests)."""
    keys = claim_keys(claim.kind, claim.value, claim.text, claim.sentence, article.lang, article.title)
    if keys is None:
        return None
    day = day or (article.date.isoformat() if article.date else dt.date.today().isoformat())
    value = json.dumps(claim.value, ensure_ascii=False) if claim.value is not None else None
    name = article.path or "-"
    return Verification(kind=claim.kind, fact_key=keys.fact, subject_key=keys.subject,
                        context=" ".join(sorted(keys.context)), status=status, checked_by=checked_by,
                        checked_on=day, verified_on=day, evidence=evidence, claim_id=claim.id,
                        claim_text=claim.text, sentence=claim.sentence, value=value, lang=article.lang,
                        article=name, article_title=article.title,
                        article_date=article.date.isoformat() if article.date else None,
                        article_sha256=article.sha256,
                        search_text=" ".join(" ".join(p.split()).casefold() for p in
                                             (claim.text, claim.sentence, value or "", name, article.title or "")))


def record_checklists(store: Any, checklists: list[Path], vocabulary: dict[str, str] | None = None) -> int:
    """Record the closed rows of each checklist (one transaction each); returns how many."""
    total = 0
    for checklist in checklists:
        total += store.record(verifications(checklist, vocabulary))
    return total


def record_if_configured(config: Any, checklist: Path, name: Path | None = None) -> str | None:
    """``claims check`` and ``claims update``: record the checklist's closed rows when the
    configuration says ``memory.record = true``; the line to print, or None. A memory that cannot
    be written is an error (exit 2): the desk asked for the record."""
    settings = getattr(config, "memory", None)
    if settings is None or not settings.record or not Path(checklist).is_file():
        return None
    from claims.memory.location import locate

    rows = verifications(checklist, config.vocabulary(), name=name)
    with locate(config).store(create=True) as store:
        store.record(rows)
        return f"recorded {len(rows)} verifications from {name or checklist} in {store.where}"

"""Earlier verifications for an article's claims: one lookup of all its keys, then per claim the
verification to show. Recall informs, it does not decide: a claim is only set bestätigt when the
configuration asks for it (``reuse = "confirmed"``), the earlier verification was bestätigt, of
the same fact, no older than ``max_age_days``, and no verification of that fact says falsch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claims.memory.keys import claim_keys, shared
from claims.errors import ClaimsError
from claims.memory.store import Verification


@dataclass(frozen=True)
class Recalled:
    """What the memory holds about one claim."""

    verification: Verification  # the one shown: the newest of the same fact, else of its subject
    same: bool  # the same fact; False: the same subject stated otherwise (a new title, a new figure)
    too_old: bool
    reusable: bool  # may be taken as bestätigt when the configuration says reuse = "confirmed"
    count: int  # articles the memory holds this fact (or subject) from

    def public(self) -> dict[str, Any]:
        """What ``extract --format json|jsonl`` shows of it beside the claim: codes, not the
        workbook's labels, for the scripts that read it (the same facts as the Gedächtnis columns)."""
        v = self.verification
        value = None
        if v.value is not None:
            import json

            try:
                value = json.loads(v.value)
            except ValueError:  # a memory written by hand or by an older claims: shown as stored
                value = v.value
        return {"id": v.id, "same_fact": self.same, "status": v.status, "checked_by": v.checked_by,
                "verified_on": v.verified_on, "evidence": v.evidence, "note": v.note,
                "too_old": self.too_old, "reused": self.reusable, "articles": self.count,
                "claim_text": v.claim_text, "value": value,
                "article": v.article, "article_title": v.article_title, "article_date": v.article_date}


def _newest(rows: list[Verification]) -> Verification:
    return max(rows, key=lambda v: (v.verified_on, v.recorded_at))


def _own(v: Verification, claim_id: str, article_path: str | None) -> bool:
    """The claim's own earlier row (the same article, recorded from its checklist)."""
    return v.claim_id == claim_id and article_path is not None and Path(v.article).name == Path(article_path).name


def recall(result: Any, store: Any, max_age_days: int = 365, today: dt.date | None = None) -> dict[str, Recalled]:
    """Claim ID -> what the memory holds about it, for the claims it holds something about."""
    lang = result.article.lang
    article_path = result.article.path
    wanted = {}
    for claim in result.claims:
        keys = claim_keys(claim.kind, claim.value, claim.text, claim.sentence, lang, result.article.title)
        if keys is not None:
            wanted[claim.id] = keys
    if not wanted:
        return {}
    rows = store.lookup([k.fact for k in wanted.values()], [k.subject for k in wanted.values() if k.subject])
    by_fact: dict[str, list[Verification]] = {}
    by_subject: dict[str, list[Verification]] = {}
    for row in rows:
        by_fact.setdefault(row.fact_key, []).append(row)
        if row.subject_key:
            by_subject.setdefault(row.subject_key, []).append(row)
    out: dict[str, Recalled] = {}
    for claim_id, keys in wanted.items():
        same = [v for v in by_fact.get(keys.fact, ()) if not _own(v, claim_id, article_path)
                and (keys.threshold <= 0 or shared(keys.context, frozenset((v.context or "").split())) >= keys.threshold)]
        if same:
            shown = _newest(same)
            too_old = shown.age_days(today) > max_age_days
            reusable = shown.status == "confirmed" and not too_old and all(v.status != "wrong" for v in same)
            out[claim_id] = Recalled(shown, True, too_old, reusable, len({v.article for v in same}))
            continue
        if keys.subject:
            other = [v for v in by_subject.get(keys.subject, ()) if v.fact_key != keys.fact
                     and not _own(v, claim_id, article_path)]
            if other:
                shown = _newest(other)
                out[claim_id] = Recalled(shown, False, shown.age_days(today) > max_age_days, False,
                                         len({v.article for v in other}))
    return out


def recall_for(result: Any, location: Any, today: dt.date | None = None) -> tuple[dict[str, Recalled], list[str]]:
    """Recall from the memory at ``location`` (claims.memory.location.Location): (found, warnings).
    No memory yet, recall turned off: nothing. A memory that cannot be read: a warning, and the
    checklist is written without it."""
    if location is None or not location.settings.recall:
        return {}, []
    if not location.exists():
        if location.configured and not location.is_url:
            return {}, [f"{location.shown()}: no memory there yet; the checklist is written without one "
                        f"(record one with `claims memory add CHECKLIST`)"]
        return {}, []
    try:
        with location.store(create=False) as store:
            found = recall(result, store, location.settings.max_age_days, today)
        if location.settings.reuse != "confirmed":  # shown, never taken, unless the desk asks for it
            found = {cid: replace(r, reusable=False) for cid, r in found.items()}
        return found, []
    except ClaimsError as exc:  # unreachable, locked, or written by a newer claims
        return {}, [f"{exc.render()}; the checklist is written without the memory"]
    except Exception as exc:  # noqa: BLE001 - the checklist matters more than the memory
        import os

        if os.environ.get("CLAIMS_DEBUG"):
            raise
        return {}, [f"{location.shown()}: the memory could not be read ({type(exc).__name__}: {exc}); "
                    f"the checklist is written without it"]

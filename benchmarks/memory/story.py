"""Recall on a story followed over several days (benchmarks/memory/story/): each article is
extracted, recalled against the memory of the earlier ones, then verified by the desk (every
claim bestätigt) and recorded. Measures the share of repeated claims recall finds as verified
(target >= 0.90) and the changed claims it suggests as verified (target: 0).

    python benchmarks/memory/story.py [MEMORY]     # default: a temporary SQLite file
"""

from __future__ import annotations

import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "story"


def measure(store: Any) -> dict[str, Any]:
    """Run the story through an empty, opened store; the counts and the claims behind them."""
    from claims.api import extract_path
    from claims.memory.recall import recall
    from claims.memory.record import of_claim
    from claims.text.reader import read_article

    expected = tomllib.loads((HERE / "expected.toml").read_text(encoding="utf-8"))
    out: dict[str, Any] = {"repeated": 0, "found": 0, "changed": 0, "wrong": 0, "missed": [],
                           "wrong_claims": [], "unlisted": [], "different_shown": 0}
    for path in sorted(HERE.glob("*.md")):
        article = read_article(path)
        result = extract_path(path)
        found = recall(result, store, max_age_days=365, today=article.date)
        want = expected.get(path.name, {"repeated": [], "changed": []})
        by_name: dict[str, list[Any]] = {}
        for claim in result.claims:
            by_name.setdefault(f"{claim.kind}|{claim.text}", []).append(claim)
        for name in want["repeated"]:
            out["repeated"] += 1
            hits = [found.get(c.id) for c in by_name.get(name, [])]
            if any(h is not None and h.same and h.verification.status == "confirmed" for h in hits):
                out["found"] += 1
            else:
                out["missed"].append(f"{path.name}: {name}")
        for name in want["changed"]:
            out["changed"] += 1
            hits = [found.get(c.id) for c in by_name.get(name, [])]
            if any(h is not None and h.same and h.verification.status == "confirmed" for h in hits):
                out["wrong"] += 1
                out["wrong_claims"].append(f"{path.name}: {name}")
            if any(h is not None and not h.same for h in hits):
                out["different_shown"] += 1
        listed = set(want["repeated"]) | set(want["changed"])
        for claim in result.claims:  # suggestions for claims in neither list: looked at by hand
            hit = found.get(claim.id)
            if hit is not None and hit.same and f"{claim.kind}|{claim.text}" not in listed:
                out["unlisted"].append(f"{path.name}: {claim.kind}|{claim.text} <- {hit.verification.article}: "
                                       f"{hit.verification.claim_text}")
        store.record([v for c in result.claims
                      if (v := of_claim(c, article, "confirmed", "Dokumentation")) is not None])
    out["recall"] = out["found"] / out["repeated"] if out["repeated"] else 1.0
    return out


def main() -> None:
    from claims.memory.location import store_at

    target = sys.argv[1] if len(sys.argv) > 1 else str(Path(tempfile.mkdtemp()) / "memory.sqlite")
    with store_at(target) as store:
        result = measure(store)
    print(f"repeated claims found as verified: {result['found']}/{result['repeated']} = {result['recall']:.2f}")
    print(f"changed claims suggested as verified: {result['wrong']}/{result['changed']}")
    print(f"changed claims shown as different (same subject): {result['different_shown']}/{result['changed']}")
    for line in result["missed"]:
        print(f"  missed: {line}")
    for line in result["wrong_claims"]:
        print(f"  WRONG: {line}")
    for line in result["unlisted"]:
        print(f"  also suggested: {line}")


if __name__ == "__main__":
    main()

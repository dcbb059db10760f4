"""The per-kind table of ``claims eval``, and the list of misses for ``--show``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from claims.evaluation.scoring import KindScore, Score
from claims.report.text import show_value


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _row(score: KindScore) -> str:
    return (f"{score.kind:<12} {score.gold:>5} {score.found:>6} {score.matched_found:>6} "
            f"{_pct(score.precision):>6} {_pct(score.recall):>6} {_pct(score.f1):>6} "
            f"{_pct(score.value_accuracy):>6} {_pct(score.exact_rate):>6}")


def as_table(score: Score) -> Iterator[str]:
    yield f"{score.articles} articles"
    yield f"{'kind':<12} {'gold':>5} {'found':>6} {'match':>6} {'prec':>6} {'recall':>6} {'F1':>6} " \
          f"{'value':>6} {'exact':>6}"
    for kind_score in score.kinds.values():
        yield _row(kind_score)
    yield _row(score.overall())


def as_json(score: Score) -> str:
    return json.dumps({
        "articles": score.articles,
        "kinds": {k: s.summary() for k, s in score.kinds.items()},
        "overall": score.overall().summary(),
        "misses": [m.model_dump() for m in score.misses],
    }, ensure_ascii=False, indent=1, default=str)


def misses(score: Score, kind: str | None = None) -> Iterator[str]:
    for miss in score.misses:
        if kind and miss.kind != kind:
            continue
        detail = ""
        if miss.problem == "wrong-value":
            detail = f"  expected {show_value(miss.expected)!s} | found {show_value(miss.found)!s}"
        elif miss.problem == "missed" and miss.expected not in (None, {}):
            detail = f"  ({show_value(miss.expected)})"
        elif miss.problem == "false-alarm" and miss.found not in (None, {}):
            detail = f"  ({show_value(miss.found)})"
        yield f"{miss.problem:<12} {miss.kind:<12} {miss.article}:{miss.line}  {miss.text!r}{detail}"
        if miss.sentence:
            yield f"{'':<26}│ {miss.sentence[:300]}"

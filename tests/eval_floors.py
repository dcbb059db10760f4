"""Shared checks for the gold-set tests: per-kind F1 and value-accuracy floors."""

from __future__ import annotations

from claims.evaluation.scoring import KindScore, Score

ALL_KINDS = {"date", "figure", "quote", "attribution", "role", "superlative", "credit"}


def kind_score(score: Score, kind: str) -> KindScore:
    return score.overall() if kind == "all" else score.kinds[kind]


def assert_f1_floor(score: Score, kind: str, floor: float, advice: str) -> None:
    ks = kind_score(score, kind)
    assert ks.f1 is not None and ks.f1 >= floor, (
        f"{kind}: F1 {ks.f1} below floor {floor} (precision {ks.precision}, recall {ks.recall}); {advice}")


def assert_value_floor(score: Score, kind: str, floor: float) -> None:
    ks = kind_score(score, kind)
    assert ks.value_accuracy is not None and ks.value_accuracy >= floor, (
        f"{kind}: value accuracy {ks.value_accuracy} below floor {floor}")

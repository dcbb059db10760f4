"""Shared checks for the gold-set tests: per-kind F1 and value-accuracy floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claims.evaluation.run import evaluate
from claims.evaluation.scoring import KindScore, Score
from claims.kinds import KINDS

ALL_KINDS = set(KINDS)


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


def gold_set_checks(folder: Path, articles: int, f1_floors: dict[str, float], advice: str
                    ) -> tuple[Any, Callable[..., None], Callable[..., None]]:
    """The fixture and the two tests every gold-set module runs: the set is whole, and each
    kind's F1 stays above its floor. A module binds them to names of its own:
    ``score, test_the_set_is_complete, test_f1_stays_above_its_floor = gold_set_checks(...)``."""

    @pytest.fixture(scope="module")
    def score() -> Score:
        return evaluate(folder)

    def complete(score: Score) -> None:
        assert score.articles == articles
        assert set(score.kinds) == ALL_KINDS

    @pytest.mark.parametrize("kind", list(f1_floors))
    def f1_floor(score: Score, kind: str) -> None:
        assert_f1_floor(score, kind, f1_floors[kind], advice)

    return score, complete, f1_floor

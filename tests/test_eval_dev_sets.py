"""The real-news dev sets: floors under what the rules reach on articles written elsewhere.

``../shared/gold`` (beside the project, in every checkout and in CI) holds three sets of real
news annotated outside this project: ``gnad-dev`` (31 Austrian articles, all kinds but quotes,
the quotation marks stripped by the corpus), ``spkatt-dev`` (150 German Wikinews articles,
quotes with speakers and attributions with sources) and ``krauts-dev`` (42 regional articles;
its values other than dates are not annotated). Their licences allow measuring only: nothing of
them is copied here, the tests only score them.

Unlike the blind sets, these were read while writing rules, so their floors do not measure how
the rules generalize (the held-out sets of the same sources do that): they stop a change that
wins on one construction from losing what the dev sets already show working. Each floor is the
figure measured when it was set less 0.05, rounded down; raise it when general rule work lifts
the score, lower it only with a reason in the commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.evaluation.run import evaluate
from claims.evaluation.scoring import Score
from eval_floors import assert_f1_floor, assert_value_floor

SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"

# set -> (articles, {kind: F1 floor}, {kind: value-accuracy floor}); measured 2026-12-07, the
# attribution floors raised on 2026-12-08 after the real-news attribution work
FLOORS: dict[str, tuple[int, dict[str, float], dict[str, float]]] = {
    "gnad-dev": (31, {
        "date": 0.93,          # measured 0.9825
        "figure": 0.93,        # measured 0.9831
        "attribution": 0.91,   # measured 0.9609 (0.9123 when first set)
        "role": 0.93,          # measured 0.9848
        "superlative": 0.92,   # measured 0.9762
        "credit": 0.95,        # measured 1.0000
        "all": 0.92,           # measured 0.9715
    }, {
        "date": 0.95,          # measured 1.0000
        "figure": 0.93,        # measured 0.9828
        "attribution": 0.92,   # sources; measured 0.9767 (0.9481 when first set)
        "role": 0.95,          # persons; measured 1.0000
        "all": 0.93,           # measured 0.9856
    }),
    "spkatt-dev": (150, {
        "quote": 0.95,         # measured 1.0000
        "attribution": 0.79,   # measured 0.8475 (0.7823 when first set)
        "all": 0.84,           # measured 0.8966 (0.8533 when first set)
    }, {
        "quote": 0.71,         # speakers; measured 0.7667 (0.7417 when first set)
        "attribution": 0.86,   # sources; measured 0.9112 (0.8836 when first set)
        "all": 0.80,           # measured 0.8593 (0.8269 when first set)
    }),
    "krauts-dev": (42, {
        "date": 0.93,          # measured 0.9844
        "figure": 0.92,        # measured 0.9724
        "quote": 0.94,         # measured 0.9934
        "attribution": 0.87,   # measured 0.9275 (0.9143 when first set)
        "role": 0.91,          # measured 0.9610
        "superlative": 0.95,   # measured 1.0000
        "credit": 0.95,        # measured 1.0000
        "all": 0.92,           # measured 0.9753
    }, {
        "date": 0.83,          # TIMEX3 values; measured 0.8861
        "figure": 0.93,        # measured 0.9886
    }),
}

_scores: dict[str, Score] = {}


def score_of(name: str) -> Score:
    if name not in _scores:
        _scores[name] = evaluate(SHARED_GOLD / name)
    return _scores[name]


@pytest.mark.parametrize("name", list(FLOORS))
def test_the_dev_set_is_there_and_whole(name):
    articles, f1_floors, _ = FLOORS[name]
    score = score_of(name)
    assert score.articles == articles
    assert set(f1_floors) - {"all"} <= set(score.kinds)


@pytest.mark.parametrize("name,kind", [(n, k) for n, (_, f, _v) in FLOORS.items() for k in f])
def test_f1_stays_above_its_floor_on_the_dev_set(name, kind):
    assert_f1_floor(score_of(name), kind, FLOORS[name][1][kind],
                    f"see `claims eval ../shared/gold/{name} --show`")


@pytest.mark.parametrize("name,kind", [(n, k) for n, (_, _f, v) in FLOORS.items() for k in v])
def test_value_accuracy_stays_above_its_floor_on_the_dev_set(name, kind):
    assert_value_floor(score_of(name), kind, FLOORS[name][2][kind])

"""Blind evaluation, third German set: eight articles that no rule was ever tuned on.

``tests/gold/de-blind3`` (see its README.md) holds eight German news articles
written for this test in the manner of real Austrian, Swiss and German news: an
APA economy report with share prices and a dated sign-off, a Keystone-SDA
football report (``12 400 Zuschauern``, «…»), a dpa court report, an Austrian
council story, a theatre review with a title in quotes, an interview-based
feature in indirect speech, a police report around Pentecost and an APA ski
report with a results line and a basketball score (``54:56``). Three of them
are CMS exports: one paragraph, every quotation mark stripped. They were
annotated by hand following CLAIMS.md before the tool was first run on them;
the first run showed no annotation error the spec decides, so nothing was
corrected.

THIS SET WAS WRITTEN BLIND AND MUST NOT BE USED TO TUNE RULES: do not read its
``--show`` output to write or adjust a rule. Its first measurement (below) is
the honest figure for articles the rules have never seen; once a rule is fitted
to these articles the set measures nothing and a new one has to be written.
(That happened on 2026-12-07, in a later round: its attribution misses were read and the
general constructions fixed, so tests/gold/de-blind4 was written as the next blind set.)

First measurement, 2026-12-07 (``claims eval tests/gold/de-blind3``)::

    kind          gold  found  match   prec recall     F1  value  exact
    date           107     92     90   0.98   0.84   0.90   0.83   0.80
    figure         112    119    108   0.91   0.96   0.94   0.94   0.94
    quote           14     14     14   1.00   1.00   1.00   0.79   1.00
    attribution     40     26     26   1.00   0.65   0.79   0.88   0.73
    role            25     23     22   0.96   0.88   0.92   1.00   0.91
    superlative     17     15     14   0.93   0.82   0.87      -   0.57
    credit           6      5      5   1.00   0.83   0.91   1.00   1.00
    all            321    294    279   0.95   0.87   0.91   0.90   0.86

Each floor is that F1 (or value accuracy) minus 0.05, rounded down to two
decimals, so a regression in how the rules generalize fails the suite. Raise
the floors when general rule work (not work on these articles) lifts the scores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval_floors import assert_value_floor, gold_set_checks

BLIND3 = Path(__file__).resolve().parent / "gold" / "de-blind3"

# kind -> minimum F1 (F1 measured on 2026-12-07 minus 0.05, rounded down)
F1_FLOORS = {
    "date": 0.85,          # measured 0.9045
    "figure": 0.88,        # measured 0.9351
    "quote": 0.95,         # measured 1.0000
    "attribution": 0.73,   # measured 0.7879
    "role": 0.86,          # measured 0.9167
    "superlative": 0.82,   # measured 0.8750
    "credit": 0.85,        # measured 0.9091
    "all": 0.85,           # measured 0.9073
}

# kind -> minimum value accuracy (measured on 2026-12-07 minus 0.05, rounded down); a
# superlative has no value
VALUE_FLOORS = {
    "date": 0.87,          # TIMEX3 strings; measured 0.9255 (after the German date leftovers; first 0.8333)
    "figure": 0.89,        # number and qualifier; measured 0.9444
    "quote": 0.73,         # speakers; measured 0.7857
    "attribution": 0.83,   # sources; measured 0.8846
    "role": 0.95,          # persons; measured 1.0000
    "credit": 0.95,        # credited names; measured 1.0000
    "all": 0.89,           # measured 0.9500 (after the German date leftovers; first 0.8981)
}


score, test_the_third_blind_set_is_complete, test_f1_stays_above_its_floor_on_the_third_blind_set = gold_set_checks(
    BLIND3, 8, F1_FLOORS, "this set is blind: fix the general construction on tests/gold/de, not on these articles")


@pytest.mark.parametrize("kind", list(VALUE_FLOORS))
def test_value_accuracy_stays_above_its_floor_on_the_third_blind_set(score, kind):
    assert_value_floor(score, kind, VALUE_FLOORS[kind])

"""Blind evaluation of the English rules on wire stories: eight articles no rule was tuned on.

``tests/gold/en-news`` (see its README.md) holds eight English news articles
written for this test in the style of AP and Reuters wire copy: a retail-sales
report, a state legislature vote, a tennis quarterfinal, a fraud sentencing, a
wildfire, quarterly results with layoffs, a health study and an obituary, with
datelines, ``said on Tuesday``, ``last week``, ``in the first quarter``, ``the
1990s``, clock times, durations, quotes with speakers, roles before and after
names, money, rankings and photo credits. Names, companies and most
organisations are invented. Every article was annotated by hand following
CLAIMS.md, dates per TimeML TIMEX3, *before* the tool was first run on it;
afterwards only annotation errors that CLAIMS.md decides were corrected (a
price in cents kept in cents, the unit as written; four decade durations
written with TIMEX3's decade unit, ``P3DE``, as HeidelTime does).

THIS SET WAS WRITTEN BLIND AND MUST NOT BE USED TO TUNE RULES. Do not read its
``--show`` output to write or adjust a rule: tune on other material and use
this set only to measure how the English rules generalize. Once a rule has been
fitted to these articles, the set no longer measures anything and a new blind
set has to be written.

First measurement, 2026-12-07, before the corrections (``claims eval tests/gold/en-news``)::

    kind          gold  found  match   prec recall     F1  value  exact
    date           129    126    118   0.94   0.91   0.93   0.88   0.82
    figure         123    127    120   0.94   0.98   0.96   0.98   0.89
    quote           33     33     33   1.00   1.00   1.00   0.79   1.00
    attribution     44     37     33   0.89   0.75   0.81   0.85   0.61
    role            23     13     13   1.00   0.57   0.72   1.00   0.69
    superlative     34     22     22   1.00   0.65   0.79      -   0.36
    credit          10      8      8   1.00   0.80   0.89   1.00   1.00
    all            396    366    347   0.95   0.88   0.91   0.91   0.81

Each floor is that F1 (or value accuracy) minus 0.05, rounded down to two
decimals, so a regression in how the rules generalize fails the suite. Raise
the floors when general rule work (not work on these articles) lifts the scores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval_floors import assert_value_floor, gold_set_checks

EN_NEWS = Path(__file__).resolve().parent / "gold" / "en-news"

# kind -> minimum F1 (F1 measured on 2026-12-07 minus 0.05, rounded down)
F1_FLOORS = {
    "date": 0.91,          # measured 0.9692 (2026-12-07, after the English rule work; first 0.9255)
    "figure": 0.94,        # measured 0.9919 (after the English rule work; first 0.9600)
    "quote": 0.95,         # measured 1.0000
    "attribution": 0.84,   # measured 0.8148; 0.8966 after the English attribution rules (wt-speaker)
    "role": 0.92,          # measured 0.9778 (after the English rule work; first 0.7222)
    "superlative": 0.88,   # measured 0.9394 (after the English rule work; first 0.7857)
    "credit": 0.95,        # measured 1.0000 (after the English rule work; first 0.8889)
    "all": 0.92,           # measured 0.97 with both branches merged (first 0.9108)
}

# kind -> minimum value accuracy (measured on 2026-12-07 minus 0.05, rounded down); a
# superlative has no value
VALUE_FLOORS = {
    "date": 0.89,          # TIMEX3 strings; measured 0.9444 (after the English rule work; first 0.8814)
    "figure": 0.95,        # number and qualifier; measured 1.0000 (after the English rule work; first 0.9833)
    "quote": 0.85,         # speakers; measured 0.7879; 0.9091 after speaker resolution (wt-speaker)
    "attribution": 0.79,   # sources; measured 0.8485
    "role": 0.95,          # persons; measured 1.0000
    "credit": 0.95,        # credited names; measured 1.0000
    "all": 0.90,           # measured 0.95 with both branches merged (first 0.9138)
}


score, test_the_wire_story_set_is_complete, test_f1_stays_above_its_floor_on_the_wire_stories = gold_set_checks(
    EN_NEWS, 8, F1_FLOORS, "this set is blind: fix the general construction elsewhere, not on these articles")


@pytest.mark.parametrize("kind", list(VALUE_FLOORS))
def test_value_accuracy_stays_above_its_floor_on_the_wire_stories(score, kind):
    assert_value_floor(score, kind, VALUE_FLOORS[kind])

"""English news dates follow TimeML's TIMEX3 conventions (as TempEval-3 annotates them): points
get calendar values, spans of time durations, weeks ISO weeks, and a weekday without a date is
decided by its clause's tense. The sentences are our own news-style ones; the article date is a
Wednesday, 26 March 2025 (ISO week 13)."""

from __future__ import annotations

import pytest

import claims
from claims.ruleset import load_ruleset

ARTICLE_DATE = "2025-03-26"


@pytest.fixture(scope="module")
def rules():
    return load_ruleset("en")


def dates(text: str, rules, date: str = ARTICLE_DATE) -> dict[str, str]:
    result = claims.extract(text, lang="en", date=date, rules=rules)
    return {c.text: c.value for c in result.claims if c.kind == "date"}


@pytest.mark.parametrize("text, claim, value", [
    # calendar points
    ("The treaty was signed on October 3, 1990.", "on October 3, 1990", "1990-10-03"),
    ("The fair opens on July 2.", "on July 2", "2025-07-02"),
    ("The law took effect on Jan. 1.", "on Jan. 1", "2025-01-01"),
    ("The museum opened in 2010.", "in 2010", "2010"),
    ("Sales slumped in September 2024.", "in September 2024", "2024-09"),
    # relative points count from the article date
    ("The minister resigned last week.", "last week", "2025-W12"),
    ("The board meets next month.", "next month", "2025-04"),
    ("The deal was signed two years ago.", "two years ago", "2023"),
    ("Earlier this month, the board met.", "Earlier this month", "2025-03"),
    ("By the end of the year, the bridge will be finished.", "By the end of the year", "2025"),
    # quarters, halves, seasons, decades, centuries
    ("Profits fell in Q3.", "in Q3", "2025-Q3"),
    ("In the first half of 2024, revenue grew.", "In the first half of 2024", "2024-H1"),
    ("Last summer was the hottest on record.", "Last summer", "2024-SU"),
    ("The plant closed in the 1990s.", "in the 1990s", "199"),
    ("The church was built in the 19th century.", "in the 19th century", "18"),
    # durations, and an unnumbered stretch ahead (HeidelTime's PX + unit)
    ("The strike lasted 48 hours.", "48 hours", "PT48H"),
    ("Over the past five years, rents doubled.", "Over the past five years", "P5Y"),
    ("Prices will rise in the coming months.", "in the coming months", "PXM"),
    # clock times with their day
    ("The meeting starts at 10 a.m. tomorrow.", "at 10 a.m. tomorrow", "2025-03-27T10:00"),
    ("Police arrived at 2:30 p.m. on Saturday.", "at 2:30 p.m. on Saturday", "2025-03-22T14:30"),
    ("The bar closes at midnight.", "at midnight", "2025-03-26T24:00"),
    # movable feasts
    ("Thousands of pilgrims arrive at Easter.", "at Easter", "2025-04-20"),
    ("The pool opens on Memorial Day.", "on Memorial Day", "2025-05-26"),
])
def test_timeml_values_of_english_news_dates(rules, text, claim, value):
    assert dates(text, rules).get(claim) == value


@pytest.mark.parametrize("text, claim, value", [
    ("Police arrested a man on Monday after a chase.", "on Monday", "2025-03-24"),
    ("The council has approved the budget on Monday.", "on Monday", "2025-03-24"),
    ("On Sunday, thousands marched through the capital.", "On Sunday", "2025-03-23"),
    ("The storm hit the coast on Monday night.", "on Monday night", "2025-03-24TNI"),
    ("The team plays on Friday against the league leaders.", "on Friday", "2025-03-28"),
    ("The election will be held on Sunday.", "on Sunday", "2025-03-30"),
    ("Talks resume on Monday.", "on Monday", "2025-03-31"),
    ("The museum is closed on Sunday.", "on Sunday", "2025-03-30"),
    ("The minister said on Wednesday that the plan would go ahead.", "on Wednesday", "2025-03-26"),
])
def test_the_tense_of_the_clause_decides_an_english_weekday(rules, text, claim, value):
    assert dates(text, rules).get(claim) == value


def test_a_count_of_days_after_a_date_is_a_date_counted_from_it(rules):
    found = dates("The plant was shut on March 3. Two weeks later, it reopened.", rules)
    assert found["Two weeks later"] == "2025-W12"


def test_the_tense_moves_a_month_without_a_year_to_its_side_of_the_article(rules):
    assert dates("The mayor was elected in September.", rules)["in September"] == "2024-09"
    assert dates("The bridge will open in February.", rules)["in February"] == "2026-02"


def test_an_easter_egg_is_no_date(rules):
    assert dates("The Easter egg hunt drew a crowd.", rules) == {}


@pytest.mark.parametrize("text, claim, value", [
    # a present without a verb of schedule tells what happened (headlines, captions, leads)
    ("Storm hits coast on Monday, cutting power to thousands.", "on Monday", "2025-03-24"),
    ("Firefighters battle a blaze near the port on Sunday.", "on Sunday", "2025-03-23"),
    # a present of schedule or plan, and a present passive, tell what is to come
    ("The ferry resumes service on Saturday.", "on Saturday", "2025-03-29"),
    ("The bridge is closed on Friday for repairs.", "on Friday", "2025-03-28"),
    # the verb right before the date is the clause's own: the day of the report
    ("The company said on Tuesday it would close two plants.", "on Tuesday", "2025-03-25"),
    ("The union told reporters Monday that a strike would start soon.", "Monday", "2025-03-24"),
])
def test_english_news_reads_a_present_weekday_as_past_unless_scheduled(rules, text, claim, value):
    assert dates(text, rules).get(claim) == value


@pytest.mark.parametrize("text, claim, value, article", [
    ("Prices are up 4% since October.", "since October", "2024-10", "2025-06-10"),
    ("A 2023 report put the damage at $2 billion.", "2023", "2023", ARTICLE_DATE),
    ("The levee was built in the late 1800s.", "in the late 1800s", "18", ARTICLE_DATE),
    ("The fire started at about 3 a.m. Sunday.", "at about 3 a.m. Sunday", "2025-03-23T03:00", ARTICLE_DATE),
    ("Sterling rose to $1.30 by 1030 GMT.", "by 1030 GMT", "2025-03-26T10:30", ARTICLE_DATE),
    ("Sales fell in the final three months of 2024.", "in the final three months of 2024", "2024-Q4", ARTICLE_DATE),
    ("Rents doubled over the past decade.", "over the past decade", "P1DE", ARTICLE_DATE),
    ("Hundreds of people fled over the weekend.", "over the weekend", "2025-W12-WE", ARTICLE_DATE),
    ("The museum will reopen in two weeks.", "in two weeks", "2025-W15", ARTICLE_DATE),
    ("She won in 2 hours, 41 minutes.", "in 2 hours, 41 minutes", "PT2H41M", ARTICLE_DATE),
    ("Walking for half an hour a day helps.", "for half an hour", "PT30M", ARTICLE_DATE),
])
def test_timeml_values_of_more_english_news_dates(rules, text, claim, value, article):
    assert dates(text, rules, article).get(claim) == value


def test_a_year_before_a_noun_is_a_date_and_no_figure(rules):
    result = claims.extract("She lost in the 2024 quarterfinals.", lang="en", date=ARTICLE_DATE, rules=rules)
    assert [(c.kind, c.text) for c in result.claims] == [("date", "2024")]


@pytest.mark.parametrize("text, claim, value", [
    # the year of the same event frames a month without one (CLAIMS.md Values) ...
    ("The firm was founded in 1998 and in March it hired 40 people.", "in March", "1998-03"),
    # ... a year that ends a span or sits in an aside does not
    ("Dwyer, who ran the unit from 2014 to 2021, was convicted in February.", "in February", "2025-02"),
    ("The plant, built in 1998, closed in March.", "in March", "2025-03"),
])
def test_a_year_frames_a_month_of_its_own_event_only(rules, text, claim, value):
    assert dates(text, rules, "2025-06-18").get(claim) == value

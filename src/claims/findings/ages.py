"""Checks over ages: an age against a birth year or date, and one person's age given twice.

An age is a figure claim whose text the language marks as one (``[common] age``: der
54-Jährige, 54 Jahre alt) or a bare number in brackets after a name (Anna Berger (54)). A
birth date is a date claim with a birth cue beside it (geboren 1975, Jahrgang 1975). The
person of each is the name right beside it or the nearest person named before it (in its
sentence or the one before), a person being someone the claims name (roles, speakers,
sources). That is derived from the sentence, since the claims do not carry it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from claims.findings.context import Context
from claims.findings.people import Person, add_text_names, all_names, fold_part, mentions, parts_of, surnames
from claims.findings.registry import Check, variants
from claims.findings.schema import Section
from claims.findings.values import found_in, names_year, number, words
from claims.models import Claim


@dataclass
class Age:
    claim: Claim
    years: int
    at_event: bool  # mit 18 Jahren, im Alter von 87 Jahren: an age at some event
    person: Person | None
    shown: str  # the name as written, for messages


def _previous_sentence_first(ctx: Context, claim: Claim, known: set[str]) -> Person | None:
    """The first person named in the sentence before the claim's (a paragraph may open with
    „Der 64-Jährige …“ about the person the last one ended with)."""
    sentence = ctx.sentence(claim)
    if sentence is None or sentence.index < 2:
        return None
    previous = ctx.sentences[sentence.index - 2]
    before = mentions(ctx, previous.start, previous.end, known)
    return before[0].person if before else None


def _opens_sentence(ctx: Context, claim: Claim) -> bool:
    start, _ = ctx.sentence_span(claim)
    return not any(ch.isalnum() for ch in ctx.text[start:claim.start][-40:]) or \
        len(words(ctx.text[start:claim.start])) <= 1 and claim.start - start < 8


def _person_of_age(ctx: Context, claim: Claim, known: set[str]) -> Person | None:
    """The person an age is about, from the words beside it (the claims do not say):

    - a name right after it, only capitalized words between: die 54-jährige (Ärztin) Anna Berger;
    - a name right before it, set off (``[common] age_apposition``): Anna Berger, 54 Jahre alt;
    - for an age stated of someone (``age_predicate``: Huber ist 56 Jahre alt): the last name of its clause;
    - an age opening its sentence (Die 54-Jährige …), or in a sentence opening with a pronoun
      (``pronoun_start``: Sie starb mit 97 Jahren): the first person of the sentence before.
    """
    common = ctx.common
    start, end = ctx.sentence_span(claim)
    right = mentions(ctx, claim.end, min(end, claim.end + 40), known)
    if right and common.age_name_between.match(ctx.text[claim.end:right[0].start]):
        return right[0].person
    left = mentions(ctx, start, claim.start, known)
    if left and common.age_apposition.match(ctx.text[left[-1].end:claim.start]):
        return left[-1].person
    if common.age_predicate.search(claim.text):
        clause_start, _ = ctx.clause(claim)
        inside = [m for m in left if m.start >= clause_start]
        if inside:
            return inside[-1].person
    if _opens_sentence(ctx, claim) or (not left and common.pronoun_start.match(ctx.text[start:claim.start])):
        return _previous_sentence_first(ctx, claim, known)  # Die 54-Jährige …; Sie starb mit 97 Jahren
    return None


def _person_of_birth(ctx: Context, claim: Claim, known: set[str]) -> Person | None:
    """The person born: the nearest name before the date in its sentence (Anna Berger, Jahrgang
    1980; Huber wurde 1970 geboren), else the first person of the sentence before (Sie wurde …)."""
    start, _ = ctx.sentence_span(claim)
    left = mentions(ctx, start, claim.start, known)
    if left:
        return left[-1].person
    return _previous_sentence_first(ctx, claim, known)


def _shown(ctx: Context, person: Person) -> str:
    """The person's name as the article writes it, for messages."""
    memo = ctx.__dict__.setdefault("_shown_names", {})
    if person in memo:
        return memo[person]
    shown = person.surname.title() if person.first is None else f"{person.first.title()} {person.surname.title()}"
    for name in all_names(ctx):
        if name.surname == person.surname and len(name.parts) >= 2 and \
                (person.first is None or name.parts[-2].casefold() == person.first):
            shown = name.text
            break
    memo[person] = shown
    return shown


class AgeSection(Section):
    # words right before an age that put it in another time (der damals 35-Jährige)
    skip_before: list[str] = Field(default_factory=list)


AGE_LIMIT = 40  # more ages than this in one text: a list (results, victims), not people to compare
BIRTH_LIMIT = 20


class BirthSection(AgeSection):
    # text right before a date that makes it a birth date (geboren am, Jahrgang, *)
    birth_before: str = r"(?!)"
    # … or the date's own text (Jahrgang 1975)
    birth_claim: str = r"(?!)"
    # … or text right after it (1975 in Linz geboren)
    birth_after: str = r"(?!)"
    # a word one of those holds (geboren, Jahrgang, *): a sentence without one has no birth date
    birth_words: str = r"(?!)"
    # literal pieces one of those holds, looked for before the pattern (cheaply: most sentences
    # with a date are no births)
    birth_markers: list[str] = Field(default_factory=list)


@dataclass
class AgeCues:
    skip_before: frozenset[str]


@dataclass
class BirthCues(AgeCues):
    before: Any
    claim: Any
    after: Any
    words: Any
    markers: tuple[str, ...] = ()


def _prepare_age(section: AgeSection, prep: Any) -> AgeCues:
    return AgeCues(frozenset(prep.words(section.skip_before, "two-ages.skip_before")))


def _prepare_birth(section: BirthSection, prep: Any) -> BirthCues:
    return BirthCues(frozenset(prep.words(section.skip_before, "age-birth-year.skip_before")),
                     prep.pattern(rf"(?:{section.birth_before})\Z", "age-birth-year.birth_before"),
                     prep.pattern(section.birth_claim, "age-birth-year.birth_claim"),
                     prep.pattern(section.birth_after, "age-birth-year.birth_after"),
                     prep.pattern(section.birth_words, "age-birth-year.birth_words"),
                     tuple(section.birth_markers))


def _with_text_names(ctx: Context, births: list[Claim] | None = None) -> None:
    """People of the sentences around ages and birth dates that no claim names."""
    if births:
        add_text_names(ctx, [ctx.sentence_span(b) for b in births])
    if getattr(ctx, "_age_names", False):
        return
    ctx._age_names = True  # type: ignore[attr-defined]
    spans = []
    common = ctx.common
    for claim in ctx.by_kind["figure"]:
        if found_in(common.age, claim.text) or (isinstance(claim.value, dict) and claim.value.get("unit") is None
                                             and claim.start > 0 and ctx.text[claim.start - 1] in "(,"):
            spans.append(ctx.sentence_span(claim))
            sentence = ctx.sentence(claim)
            if sentence is not None and sentence.index >= 2:
                previous = ctx.sentences[sentence.index - 2]
                spans.append((previous.start, previous.end))
    if spans:
        add_text_names(ctx, spans)


def _ages(ctx: Context, skip_before: frozenset[str]) -> list[Age]:
    common = ctx.common
    cached = ctx.__dict__.get("_ages")
    if cached is not None:
        return cached
    text = ctx.text
    marked: list[tuple[Claim, int]] = []
    maybe: list[tuple[Claim, int]] = []  # bare numbers right after a bracket or comma: Berger (54)
    for claim in ctx.by_kind["figure"]:
        n = number(claim)
        if n is None or not n.is_integer() or not 0 < n < 125:
            continue
        if found_in(common.age, claim.text):
            marked.append((claim, int(n)))
            continue
        value = claim.value
        if value.get("unit") or value.get("approx"):
            continue
        i = claim.start - 1
        while i > 0 and text[i] == " ":
            i -= 1
        if i >= 0 and not text[i].isalnum() and text[i] not in ".:":
            maybe.append((claim, int(n)))
    if len(marked) > AGE_LIMIT or len(marked) + len(maybe) < 1:
        ctx._ages = []  # type: ignore[attr-defined]
        return []
    _with_text_names(ctx)
    known = set(surnames(ctx))
    bracketed: list[tuple[Claim, int, Person, str]] = []
    for claim, n in maybe:
        found = common.age_after_name.search(ctx.text, max(0, claim.start - 60), claim.start)
        if found is not None and found.end() == claim.start and \
                common.age_after_name_end.match(ctx.text[claim.end:claim.end + 8]):
            parts = parts_of(ctx, found.group("name"))
            if len(parts) >= 2:
                bracketed.append((claim, n, Person(fold_part(parts[-1]), fold_part(parts[-2])), " ".join(parts)))
                known.add(fold_part(parts[-1]))
    out: list[Age] = []
    in_sentence: dict[int, int] = {}
    for claim, *_ in bracketed:
        in_sentence[claim.sentence_start] = in_sentence.get(claim.sentence_start, 0) + 1
    for claim, years, person, shown in bracketed:
        if in_sentence[claim.sentence_start] == 1:  # several: a list of votes, goals, seats
            out.append(Age(claim, years, False, person, shown))
    for claim, years in marked:
        before = [w.casefold() for w in words(ctx.text[max(0, claim.start - 30):claim.start])[-2:]]
        if any(w in skip_before for w in before):
            continue
        person = _person_of_age(ctx, claim, known)
        at_event = common.age_at_event.search(claim.text) is not None and \
            common.age_now.search(ctx.text, max(0, claim.start - 30), claim.start) is None
        out.append(Age(claim, years, at_event, person, _shown(ctx, person) if person else ""))
    out.sort(key=lambda a: a.claim.start)
    ctx._ages = out  # type: ignore[attr-defined]
    return out


# --------------------------------------------------------------------------- K201 age-birth-year


def _reference(ctx: Context, age: Age, birth: Claim) -> tuple[dt.date | None, int | None]:
    """The day (or year) the age is counted to: a date of the age's own sentence for an age at
    an event, else the article date."""
    if age.at_event:
        for claim in ctx.dates_in(age.claim.sentence_start):
            if claim is not birth:
                cal = ctx.calendar(claim)
                if cal is not None and cal.year is not None and (names_year(claim, cal.year) or
                                                                 cal.date is not None):
                    return cal.date, cal.year
        return None, None
    if ctx.date is None:
        return None, None
    return ctx.date, ctx.date.year


def _age_birth_year(ctx: Context, cues: BirthCues) -> None:
    births: list[tuple[Claim, Any]] = []
    with_words: dict[int, bool] = {}
    for claim, cal, _ in ctx.dated():
        if cal is None or cal.year is None:
            continue
        start = claim.sentence_start
        if start not in with_words:
            sentence = claim.sentence
            with_words[start] = (not cues.markers or any(m in sentence for m in cues.markers)) and \
                cues.words.search(ctx.text, *ctx.sentence_span(claim)) is not None
        if not with_words[start]:
            continue
        if cal is None or cal.year is None or (cal.day is None and not names_year(claim, cal.year)):
            continue
        left, right = ctx.clause(claim)
        if cues.claim.search(claim.text) or cues.before.search(ctx.text, max(0, left - 1, claim.start - 40),
                                                                 claim.start) \
                or cues.after.match(ctx.text, claim.end, right + 1):
            births.append((claim, cal))
    if not births or len(births) > BIRTH_LIMIT:
        return
    _with_text_names(ctx, [b for b, _ in births])
    ages = _ages(ctx, cues.skip_before)
    known = set(surnames(ctx)) | {a.person.surname for a in ages if a.person}
    birth_people = {b.id: _person_of_birth(ctx, b, known) for b, _ in births}
    for age in ages:
        for birth, cal in births:
            person = birth_people[birth.id]
            same_sentence = birth.sentence_start == age.claim.sentence_start
            if not same_sentence and (age.person is None or person is None or not person.same(age.person)):
                continue
            day, year = _reference(ctx, age, birth)
            if year is None:
                continue
            born = cal.date
            if born is not None and day is not None:
                expected = {day.year - born.year - ((day.month, day.day) < (born.month, born.day))}
            else:
                expected = {year - cal.year - 1, year - cal.year}
            if age.years in expected or min(expected) < 0:
                continue
            shown = sorted(expected)
            ctx.add("age-birth-year", "default", age.claim, [birth], age=age.claim.text, years=str(age.years),
                    birth=birth.text, expected=" oder ".join(str(e) for e in shown) if len(shown) > 1
                    else str(shown[0]), when=ctx.show_day(day) if day else str(year),
                    expected_low=str(shown[0]), expected_high=str(shown[-1]))
            break


# --------------------------------------------------------------------------- K202 two-ages


def _in_other_time(ctx: Context, claim: Claim) -> bool:
    """Whether the age's sentence dates itself to another year than the article's (2010 übernahm
    die 39-Jährige …): then it is the age of that time."""
    if ctx.date is None:
        return False
    for date in ctx.dates_in(claim.sentence_start):
        cal = ctx.calendar(date)
        if cal is not None and cal.year is not None and cal.year != ctx.date.year and names_year(date, cal.year):
            return True
    return False


def _two_ages(ctx: Context, cues: AgeCues) -> None:
    common = ctx.common
    if sum(1 for c in ctx.by_kind["figure"] if found_in(common.age, c.text)) + \
            sum(1 for c in ctx.by_kind["figure"] if isinstance(c.value, dict) and c.value.get("unit") is None) < 2:
        return  # no two ages to compare
    seen: list[Age] = []
    for age in _ages(ctx, cues.skip_before):
        if age.person is None or age.at_event or _in_other_time(ctx, age.claim):
            continue
        earlier = next((a for a in seen if a.person.same(age.person)), None)  # type: ignore[union-attr]
        if earlier is None:
            seen.append(age)
        elif earlier.years != age.years:
            ctx.add("two-ages", "default", age.claim, [earlier.claim], person=earlier.shown or age.shown,
                    first=str(earlier.years), second=str(age.years))


CHECKS = (
    Check("K201", "age-birth-year", "An age that does not fit a birth year or date of the same person "
          "(der 54-Jährige … geboren 1975, in 2025).", "error", BirthSection,
          variants(default="age years birth expected when expected_low expected_high"),
          _age_birth_year, _prepare_birth),
    Check("K202", "two-ages", "One person's age given twice, differently (Anna Berger (54) … die 56-Jährige).",
          "error", AgeSection, variants(default="person first second"), _two_ages, _prepare_age),
)

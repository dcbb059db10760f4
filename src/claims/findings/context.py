"""What a check sees of one article: its claims by kind, sentences and clauses, and how to
report a finding. Built once per extraction; everything derived is computed on demand."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from typing import Any

from claims.findings.model import Finding
from claims.findings.schema import templates
from claims.models import Claim, Sentence, build


class Context:
    def __init__(self, text: str, date: dt.date | None, claims: list[Claim], sentences: list[Sentence],
                 data: Any, lang: str) -> None:
        self.text = text
        self.date = date
        self.claims = claims
        self.sentences = sentences
        self.data = data
        self.common = data.common
        self.lang = lang
        self.findings: list[Finding] = []
        by_kind: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_kind[claim.kind].append(claim)
        self.by_kind = by_kind
        self._sentence_at = {s.start: s for s in sentences}
        self._clauses: dict[int, list[int]] = {}
        self._persons: dict[int, list[tuple[int, int, str]]] = {}
        self._labels: Any = None
        self._starts: list[int] | None = None
        self._calendars: dict[int, Any] = {}
        self._dates_in: dict[int, list[Claim]] | None = None

    # ----------------------------------------------------------------- values, read once

    def calendar(self, claim: Claim) -> Any:
        """The claim's TIMEX3 calendar value (claims.findings.values.Calendar) or None, parsed
        once for all checks."""
        key = id(claim)
        if key in self._calendars:
            return self._calendars[key]
        from claims.findings.values import calendar_value

        found = self._calendars[key] = calendar_value(claim.value)
        return found

    def dated(self) -> list[tuple[Claim, Any, bool]]:
        """(claim, its calendar value or None, whether its text has a digit) of every date claim:
        what most date checks start from, worked out once."""
        found = self.__dict__.get("_dated")
        if found is None:
            from claims.findings.values import DIGIT, calendar_value

            cals = self._calendars
            found = []
            digit_of: dict[str, bool] = {}
            by_value: dict[Any, Any] = {}
            for c in self.by_kind["date"]:
                value = c.value
                cal = by_value.get(value, by_value) if isinstance(value, str) else None
                if cal is by_value:
                    cal = by_value[value] = calendar_value(value)
                cals[id(c)] = cal
                text = c.text
                digit = digit_of.get(text)
                if digit is None:
                    digit = digit_of[text] = DIGIT.search(text) is not None
                found.append((c, cal, digit))
            self._dated = found
        return found

    def neighbours(self) -> list[tuple[Claim, Claim]]:
        """Consecutive date claims of one sentence (ranges, a weekday beside its date, …)."""
        found = self.__dict__.get("_neighbours")
        if found is None:
            dates = self.by_kind["date"]
            found = self._neighbours = [(a, b) for a, b in zip(dates, dates[1:])
                                        if a.sentence_start == b.sentence_start and a.end <= b.start]
        return found

    def claim_ends(self) -> set[int]:
        found = self.__dict__.get("_claim_ends")
        if found is None:
            found = self._claim_ends = {c.end for c in self.claims}
        return found

    def dates_in(self, sentence_start: int) -> list[Claim]:
        """The date claims of the sentence starting at ``sentence_start``."""
        if self._dates_in is None:
            self._dates_in = {}
            for claim in self.by_kind["date"]:
                self._dates_in.setdefault(claim.sentence_start, []).append(claim)
        return self._dates_in.get(sentence_start, [])

    # ----------------------------------------------------------------- where a claim stands

    def sentence(self, claim: Claim) -> Sentence | None:
        return self._sentence_at.get(claim.sentence_start)

    def sentence_no(self, claim: Claim) -> int:
        sentence = self._sentence_at.get(claim.sentence_start)
        return sentence.index if sentence is not None else 0

    def sentence_span(self, claim: Claim) -> tuple[int, int]:
        sentence = self._sentence_at.get(claim.sentence_start)
        if sentence is None:
            return claim.start, claim.end
        return sentence.start, max(sentence.end, claim.end)

    def clause(self, claim: Claim) -> tuple[int, int]:
        """The stretch of the claim's sentence between the clause breaks around it (a break inside
        the claim's own text, the comma of „am Montag, dem 18. März“, does not count)."""
        start, end = self.sentence_span(claim)
        breaks = self._clauses.get(start)
        if breaks is None:
            breaks = [m.start() for m in self.common.clause_break.finditer(self.text, start, end)]
            self._clauses[start] = breaks
        i = bisect.bisect_left(breaks, claim.start)
        left = breaks[i - 1] if i > 0 else start
        j = bisect.bisect_left(breaks, claim.end, i)
        right = breaks[j] if j < len(breaks) else end
        return left, right

    def persons(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Personal names in text[start:end] (a sentence), by the language's pattern."""
        found = self._persons.get(start)
        if found is None:
            found = [(m.start(), m.end(), m.group()) for m in self.common.person.finditer(self.text, start, end)]
            self._persons[start] = found
        return found

    # ----------------------------------------------------------------- showing values

    @property
    def labels(self) -> Any:
        if self._labels is None:
            from claims.checklist.labels import labels_for

            self._labels = labels_for(self.lang)
        return self._labels

    def show_date(self, value: Any) -> str:
        from claims.checklist.display import timex

        shown = self.__dict__.setdefault("_shown_dates", {})
        key = str(value)
        if key not in shown:
            shown[key] = timex(key, self.labels)
        return shown[key]

    def show_day(self, day: dt.date) -> str:
        return self.show_date(day.isoformat())

    def show_number(self, number: float) -> str:
        from claims.checklist.display import number as show

        return show(number, self.labels)

    def show_figure(self, claim: Claim) -> str:
        from claims.checklist.display import figure

        return figure(claim.value, self.labels) if isinstance(claim.value, dict) else claim.text

    # ----------------------------------------------------------------- reporting

    def add(self, name: str, variant: str, anchor: Claim | None, related: list[Claim] | tuple[Claim, ...] = (),
            *, at: int | None = None, **fields: Any) -> None:
        """Report a finding of check ``name`` at ``anchor`` (or, without one, at the claim nearest
        to offset ``at``), relating ``related``."""
        from claims.findings.registry import by_name

        check = by_name()[name]
        known = self.__dict__.setdefault("_templates", {})
        if name not in known:
            known[name] = templates(self.data.checks[name].section)
        message = known[name][variant].format(**fields)
        own_place = anchor is None and at is not None
        if own_place:
            anchor = self._nearest(at)  # type: ignore[arg-type]
        others = sorted({c.id: c for c in related if anchor is None or c.id != anchor.id}.values(),
                        key=lambda c: c.start) if related else []
        if anchor is not None and not own_place:
            start, end, line, column = anchor.start, anchor.end, anchor.line or 1, anchor.column or 1
        else:  # what no claim holds is reported where it stands, and shown in the nearest claim's row
            start = end = at or 0
            line = self.text.count("\n", 0, start) + 1
            column = start - (self.text.rfind("\n", 0, start) + 1) + 1
        self.findings.append(build(
            Finding, code=check.code, name=check.name, severity=check.severity, message=message,
            claim_id=anchor.id if anchor is not None else "", related=[c.id for c in others],
            start=start, end=end, line=line, column=column))

    def _nearest(self, at: int) -> Claim | None:
        """The claim of the sentence holding ``at`` nearest to it, else the nearest claim before it
        (a finding without a claim of its own is shown, and closed, in that claim's row)."""
        if not self.claims:
            return None
        if self._starts is None:
            self._starts = [c.start for c in self.claims]
        i = bisect.bisect_right(self._starts, at)
        candidates = [self.claims[j] for j in (i - 1, i) if 0 <= j < len(self.claims)]
        sentence_start = next((s.start for s in self.sentences if s.start <= at < s.end), None)
        same = [c for c in candidates if c.sentence_start == sentence_start]
        if same:
            return min(same, key=lambda c: abs(c.start - at))
        return candidates[0]

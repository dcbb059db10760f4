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
        """The stretch of the claim's sentence between the clause breaks around it."""
        start, end = self.sentence_span(claim)
        breaks = self._clauses.get(start)
        if breaks is None:
            breaks = [m.start() for m in self.common.clause_break.finditer(self.text, start, end)
                      if not (claim.start <= m.start() < claim.end)]
            self._clauses[start] = breaks
        inside = [b for b in breaks if not (claim.start <= b < claim.end)]
        i = bisect.bisect_right(inside, claim.start)
        left = inside[i - 1] if i > 0 else start
        right = inside[i] if i < len(inside) else end
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

        return timex(str(value), self.labels)

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
        template = templates(self.data.checks[name].section)[variant]
        message = template.format(**fields)
        own_place = anchor is None and at is not None
        if own_place:
            anchor = self._nearest(at)  # type: ignore[arg-type]
        others = sorted({c.id: c for c in related if anchor is None or c.id != anchor.id}.values(),
                        key=lambda c: c.start)
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

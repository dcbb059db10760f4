"""Match found claims to gold claims and compute precision, recall, F1, value accuracy, exact spans."""

from __future__ import annotations

from typing import Any

import regex
from pydantic import BaseModel, Field

from claims.evaluation.gold import GoldArticle, GoldClaim
from claims.kinds import KINDS, REGISTRY
from claims.models import Claim


class Miss(BaseModel):
    article: str
    kind: str
    problem: str  # missed, false-alarm, wrong-value
    text: str
    line: int
    expected: Any = None
    found: Any = None
    sentence: str = ""


class KindScore(BaseModel):
    kind: str
    gold: int = 0
    found: int = 0
    matched_gold: int = 0
    matched_found: int = 0
    valued: int = 0
    value_correct: int = 0
    exact: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched_found / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    @property
    def value_accuracy(self) -> float | None:
        return self.value_correct / self.valued if self.valued else None

    @property
    def exact_rate(self) -> float | None:
        return self.exact / self.matched_found if self.matched_found else None

    def add(self, other: "KindScore") -> None:
        for name in ("gold", "found", "matched_gold", "matched_found", "valued", "value_correct", "exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> dict[str, Any]:
        data = self.model_dump()
        for name in ("precision", "recall", "f1", "value_accuracy", "exact_rate"):
            value = getattr(self, name)
            data[name] = round(value, 4) if value is not None else None
        return data


class Score(BaseModel):
    kinds: dict[str, KindScore] = Field(default_factory=dict)
    misses: list[Miss] = Field(default_factory=list)
    articles: int = 0

    def overall(self) -> KindScore:
        total = KindScore(kind="all")
        for score in self.kinds.values():
            total.add(score)
        return total


# The field holding a name, for the kinds whose value is scored by a name (CLAIMS.md, "Gold
# files and scoring"): the rest of such a value (a role's title and organisation) is not scored.
NAME_FIELDS = {name: spec.name_field for name, spec in REGISTRY.items() if spec.name_field}
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def name_matches(gold: str | None, found: str | None) -> bool:
    """The last word of the gold name is one of the found name's words, case and punctuation
    ignored (``Herr Lee`` for ``Lee``, ``Polizei`` for ``die Polizei``); a gold name of ``None``
    (no speaker named) is matched only by ``None``."""
    if gold is None or found is None:
        return gold is None and found is None
    gold_words = _WORD.findall(str(gold).casefold())
    if not gold_words:
        return not _WORD.findall(str(found))
    return gold_words[-1] in _WORD.findall(str(found).casefold())


def value_matches(kind: str, gold: Any, found: Any) -> bool:
    if kind in NAME_FIELDS and isinstance(gold, dict) and NAME_FIELDS[kind] in gold:
        name = NAME_FIELDS[kind]
        return name_matches(gold[name], found.get(name) if isinstance(found, dict) else None)
    if kind == "figure":
        if not isinstance(gold, dict) or not isinstance(found, dict):
            return False
        g, f = gold.get("number"), found.get("number")
        if g is None or f is None:
            return g == f and gold.get("approx") == found.get("approx")
        same_number = abs(float(g) - float(f)) <= 1e-3 * max(1.0, abs(float(g)))
        return same_number and gold.get("approx") == found.get("approx")
    if isinstance(gold, dict):
        if not isinstance(found, dict):
            return False
        return all(_norm(v) == _norm(found.get(k)) for k, v in gold.items())
    return gold == found


def _norm(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _has_value(kind: str, gold: GoldClaim) -> bool:
    if gold.value is None:
        return False
    if isinstance(gold.value, dict):
        return bool(gold.value)
    return True


def score_article(gold: GoldArticle, found: list[Claim], text: str, score: Score) -> None:
    kinds = [k for k in KINDS if k in gold.kinds]
    for kind in kinds:
        ks = score.kinds.setdefault(kind, KindScore(kind=kind))
        golds = [g for g in gold.claims if g.kind == kind]
        mine = [c for c in found if c.kind == kind]
        used: set[int] = set()
        ks.gold += sum(1 for g in golds if not g.optional)
        for claim in mine:
            best, best_key = None, None
            for i, g in enumerate(golds):
                if i in used or g.end <= claim.start or claim.end <= g.start:
                    continue
                overlap = min(g.end, claim.end) - max(g.start, claim.start)
                key = (not g.optional, overlap)
                if best_key is None or key > best_key:
                    best, best_key = i, key
            if best is None:
                ks.found += 1
                score.misses.append(Miss(article=gold.stem, kind=kind, problem="false-alarm", text=claim.text,
                                         line=claim.line, found=claim.value, sentence=claim.sentence))
                continue
            used.add(best)
            g = golds[best]
            if g.optional:
                continue
            ks.found += 1
            ks.matched_found += 1
            ks.matched_gold += 1
            if (g.start, g.end) == (claim.start, claim.end):
                ks.exact += 1
            if _has_value(kind, g):
                ks.valued += 1
                if value_matches(kind, g.value, claim.value):
                    ks.value_correct += 1
                else:
                    score.misses.append(Miss(article=gold.stem, kind=kind, problem="wrong-value",
                                             text=claim.text, line=claim.line, expected=g.value,
                                             found=claim.value, sentence=claim.sentence))
        for i, g in enumerate(golds):
            if i not in used and not g.optional:
                line = text.count("\n", 0, g.start) + 1
                score.misses.append(Miss(article=gold.stem, kind=kind, problem="missed", text=g.text,
                                         line=line, expected=g.value, sentence=_sentence_around(text, g.start)))
    score.articles += 1


def _sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, at - 200)
    end_candidates = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    end = min(end_candidates + [at + 200, len(text)])
    return text[start:end + 1].strip()

"""Run every rule's own examples: the corpus is the test (as in Duckling).

For a ``match`` example the whole rule set runs on the example's text; a
claim of the rule's kind with exactly the expected text must come out, made
by this rule, with the expected value (for a dict value: the keys the example
names). For a suppressing rule, no claim of its kind may overlap the text.
A ``no_match`` text must give no claim of the rule's kind. ``todo`` examples
are run and reported, never failed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from claims.engine import matcher as engine
from claims.models import Claim
from claims.ruleset.compiler import CompiledRule, RuleSet
from claims.text.reader import article_from_text


class ExampleResult(BaseModel):
    rule: str
    path: str
    line: int
    kind: str  # match, no_match, todo
    text: str
    expected: str | None = None
    expected_value: Any = None
    passed: bool
    problem: str = ""


def values_agree(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        return all(values_agree(v, actual.get(k)) for k, v in expected.items())
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and \
            isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return abs(expected - actual) <= 1e-4 * max(1.0, abs(expected))
    return expected == actual


def _claims_for(text: str, date: str | None, ruleset: RuleSet) -> list[Claim]:
    article = article_from_text(text, lang=ruleset.lang, date=dt.date.fromisoformat(date) if date else None)
    claims, _, _ = engine.run(article, ruleset)
    return claims


def _describe(claims: list[Claim], kind: str) -> str:
    found = [f"{c.text!r} ({c.rule}) = {c.value!r}" for c in claims if c.kind == kind]
    return "; ".join(found) if found else "nothing"


def check_match(rule: CompiledRule, text: str, claim: str, value: Any, date: str | None,
                ruleset: RuleSet) -> str:
    """The problem with a match example, or '' when it holds."""
    claims = _claims_for(text, date or rule.example_date, ruleset)
    if rule.spec.suppress:
        at = text.find(claim)
        if at < 0:
            return f"the claim text {claim!r} is not in the example text"
        overlapping = [c for c in claims if c.kind == rule.kind and c.start < at + len(claim) and at < c.end]
        return "" if not overlapping else f"still found: {_describe(overlapping, rule.kind)}"
    same_text = [c for c in claims if c.kind == rule.kind and c.text == claim]
    if not same_text:
        return f"expected {claim!r}, found {_describe(claims, rule.kind)}"
    mine = [c for c in same_text if c.rule == rule.id]
    if not mine:
        return f"{claim!r} was found by {same_text[0].rule}, not by this rule"
    if value is not None and not any(values_agree(value, c.value) for c in mine):
        return f"value {mine[0].value!r}, expected {value!r}"
    return ""


def run_examples(ruleset: RuleSet, rule_ids: set[str] | None = None) -> list[ExampleResult]:
    results: list[ExampleResult] = []
    for rule in ruleset.rules:
        if rule_ids is not None and rule.id not in rule_ids:
            continue
        common = {"rule": rule.id, "path": str(rule.path), "line": rule.line}
        for example in rule.spec.match:
            problem = check_match(rule, example.text, example.claim, example.value, example.date, ruleset)
            results.append(ExampleResult(**common, kind="match", text=example.text, expected=example.claim,
                                         expected_value=example.value, passed=not problem, problem=problem))
        for text in rule.spec.no_match:
            claims = [c for c in _claims_for(text, rule.example_date, ruleset) if c.kind == rule.kind]
            problem = f"found {_describe(claims, rule.kind)}" if claims else ""
            results.append(ExampleResult(**common, kind="no_match", text=text, passed=not problem,
                                         problem=problem))
        for todo in rule.spec.todo:
            problem = check_match(rule, todo.text, todo.claim, todo.value, todo.date, ruleset)
            results.append(ExampleResult(**common, kind="todo", text=todo.text, expected=todo.claim,
                                         expected_value=todo.value, passed=not problem,
                                         problem=problem or "now passes: move it to match"))
    return results

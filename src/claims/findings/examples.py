"""Run every check's own examples (``examples``: it must find; ``quiet``: it must not), as
``claims rules test`` and the test suite do. The whole rule set extracts the claims first,
so an example holds only when rules and check work together."""

from __future__ import annotations

import datetime as dt

from claims.examples import ExampleResult
from claims.ruleset.compiler import RuleSet


def _findings(text: str, date: str, ruleset: RuleSet) -> tuple[list, dict]:
    from claims.api import extract_article
    from claims.text.reader import article_from_text

    article = article_from_text(text, lang=ruleset.lang, date=dt.date.fromisoformat(date))
    result = extract_article(article, ruleset)
    return result.findings, {c.id: c for c in result.claims}


def run_finding_examples(ruleset: RuleSet) -> list[ExampleResult]:
    data = ruleset.findings
    if data is None:
        return []
    from claims.findings.registry import by_name

    results: list[ExampleResult] = []
    for name, prepared in data.checks.items():
        check = by_name()[name]
        common = {"rule": f"{check.code} {name}", "path": str(prepared.path), "line": prepared.line}
        for example in prepared.section.examples:
            findings, claims = _findings(example.text, example.date or data.example_date, ruleset)
            mine = [f for f in findings if f.code == check.code]
            at = [f for f in mine if f.claim_id in claims and claims[f.claim_id].text == example.finds]
            problem = ""
            if not at:
                described = "; ".join(f"at {claims[f.claim_id].text!r}: {f.message}" if f.claim_id in claims
                                      else f.message for f in mine) or "nothing"
                problem = f"expected a finding at {example.finds!r}, found {described}"
            else:
                finding = at[0]
                related = [claims[i].text for i in finding.related if i in claims]
                if example.related and related != example.related:
                    problem = f"related {related!r}, expected {example.related!r}"
                elif example.message is not None and finding.message != example.message:
                    problem = f"message {finding.message!r}, expected {example.message!r}"
            results.append(ExampleResult(**common, kind="match", text=example.text, expected=example.finds,
                                         passed=not problem, problem=problem))
        for quiet in prepared.section.quiet_examples():
            findings, claims = _findings(quiet.text, quiet.date or data.example_date, ruleset)
            mine = [f for f in findings if f.code == check.code]
            problem = "; ".join(f.message for f in mine)
            results.append(ExampleResult(**common, kind="no_match", text=quiet.text, passed=not mine,
                                         problem=f"found {problem}" if mine else ""))
    return results

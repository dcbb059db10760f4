"""SARIF 2.1.0 for code-scanning dashboards, with stable fingerprints (the claim IDs)."""

from __future__ import annotations

import hashlib

from claims import __version__
from claims.check.gate import ArticleCheck
from claims.report.safe import file_uri, json_dumps, readable

RULES = {
    "open": "A claim of the article is not yet checked in its checklist.",
    "wrong": "A claim is marked wrong (falsch) in the checklist.",
    "new": "A claim of the article is not in its checklist.",
    "changed": "A claim or its sentence changed after its checklist row was made.",
    "missing-checklist": "The article has no checklist.",
}


def _finding_rules() -> list[dict]:
    """One rule per check of claims.findings: its code as the id (a problem `inconsistent`
    reports under its check's code)."""
    from claims.findings.registry import checks

    return [{"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
             "defaultConfiguration": {"level": c.severity}} for c in checks()]


def as_sarif(checks: list[ArticleCheck]) -> str:
    results = []
    for check in checks:
        for problem in check.problems:
            identity = f"{problem.code}:{problem.article}:{problem.claim_id or ''}" + \
                (f":{problem.finding}" if problem.finding else "")
            results.append({
                "ruleId": problem.finding or problem.code,
                "level": problem.severity if problem.finding else "error",
                "message": {"text": readable(problem.message)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": file_uri(problem.article)},
                    "region": {"startLine": problem.line, "startColumn": problem.column},
                }}],
                "partialFingerprints": {
                    "claimId/v1": hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:32]},
            })
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claims", "version": __version__, "informationUri": "https://pypi.org/project/claims/",
                "rules": [{"id": code, "shortDescription": {"text": text}} for code, text in RULES.items()]
                + _finding_rules(),
            }},
            "results": results,
        }],
    }
    return json_dumps(log, indent=1)

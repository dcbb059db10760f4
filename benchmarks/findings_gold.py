"""Print every finding the checks make on the articles of gold folders, for review by hand.

Run: python benchmarks/findings_gold.py /work/shared/gold/gnad-dev [more folders] [--sentences]

Gold articles are clean published news: each finding here is either a real slip of the article
or a false finding of a check. The rules change (other engineers improve them), so values and
with them findings change: run this again after a rule change and review what is new. Each
article is read with the date and language meta.json gives it, as `claims eval` does. Only
codes, claim texts and messages are printed; with --sentences also the claims' sentences (for
the review on screen; never copy them into the project: the gold texts' licences forbid it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from claims.api import extract_article
from claims.evaluation.gold import load_gold_dir
from claims.ruleset import load_ruleset
from claims.text.reader import read_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--sentences", action="store_true", help="show each claim's sentence too")
    args = parser.parse_args()
    articles = 0
    codes: Counter[str] = Counter()
    for folder in args.folders:
        for gold in load_gold_dir(folder):
            articles += 1
            article = read_article(gold.article_path, lang=gold.lang, date=gold.date)
            result = extract_article(article, load_ruleset(article.lang))
            claims = {c.id: c for c in result.claims}
            for finding in result.findings:
                codes[finding.code] += 1
                anchor = claims.get(finding.claim_id)
                print(f"{folder.name}/{gold.stem}:{finding.line}  {finding.code} {finding.name}  "
                      f"{finding.message}")
                for claim_id in [finding.claim_id, *finding.related]:
                    claim = claims.get(claim_id)
                    if claim is None:
                        continue
                    mark = "*" if claim is anchor else " "
                    print(f"      {mark} {claim.kind:<11} {claim.text!r} = {claim.value}")
                    if args.sentences:
                        print(f"          | {claim.sentence[:300]}")
    total = sum(codes.values())
    print(f"\n{articles} articles, {total} findings" + (": " + ", ".join(f"{c} {n}" for c, n in
                                                                          sorted(codes.items())) if total else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()

"""What the findings cost: extraction of the throughput benchmark's text with the checks and
without them (the same rule set, its findings taken out), in alternating runs on one core.

Run: python benchmarks/findings/speed.py [--mb 1.0] [--rounds 7]

The machine is shared, so the figure is relative (the median of the per-round ratios), never
an absolute time. Issue 14's budget: at most 5 % on benchmarks/throughput.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate import text_of_size  # noqa: E402

import claims  # noqa: E402
from claims.findings import find  # noqa: E402
from claims.ruleset import load_ruleset  # noqa: E402
from claims.text.reader import article_from_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--text", type=Path, help="measure on this text file instead")
    parser.add_argument("--articles", type=Path, nargs="*",
                        help="also measure on every article of these folders (real news: many short texts)")
    args = parser.parse_args()
    if args.articles:
        _articles(args.articles, args.rounds)
    text = args.text.read_text(encoding="utf-8") if args.text else text_of_size(int(args.mb * 1_000_000))
    rules = load_ruleset("de")
    bare = dataclasses.replace(rules, findings=None)
    for ruleset in (rules, bare):
        claims.extract("Am 17. März.", lang="de", rules=ruleset)
    ratios, with_times, without_times = [], [], []
    result = None
    for n in range(args.rounds):
        order = (rules, bare) if n % 2 == 0 else (bare, rules)
        times = {}
        for ruleset in order:
            start = time.perf_counter()
            result = claims.extract(text, lang="de", date="2025-03-24", rules=ruleset) if ruleset is rules \
                else claims.extract(text, lang="de", date="2025-03-24", rules=ruleset)
            times[id(ruleset)] = time.perf_counter() - start
        with_times.append(times[id(rules)])
        without_times.append(times[id(bare)])
        ratios.append(times[id(rules)] / times[id(bare)])
    # the checks alone, on the claims of the last run
    article = article_from_text(text, lang="de", date="2025-03-24")
    result = claims.extract(text, lang="de", date="2025-03-24", rules=rules)
    checks = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        found = find(article.clean, article.date, result.claims, result.sentences, rules.findings, "de")
        checks.append(time.perf_counter() - start)
    size = len(text.encode("utf-8")) / 1_000_000
    print(f"text: {size:.2f} MB, {len(result.claims)} claims, {len(found)} findings")
    print(f"with the checks:    median {statistics.median(with_times):.3f} s")
    print(f"without the checks: median {statistics.median(without_times):.3f} s")
    print(f"the checks alone:   median {statistics.median(checks) * 1000:.1f} ms")
    print(f"cost: median ratio {statistics.median(ratios):.3f} (+{(statistics.median(ratios) - 1) * 100:.1f} %), "
          f"checks alone {statistics.median(checks) / statistics.median(without_times) * 100:.1f} % of an extraction")


def _articles(folders: list[Path], rounds: int) -> None:
    """Extraction of many real articles with and without the checks, alternating, CPU time."""
    from claims.api import extract_article
    from claims.text.reader import read_article

    texts = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md")):
            texts.append(read_article(path, date="2025-03-24"))
    rules = load_ruleset("de")
    bare = dataclasses.replace(rules, findings=None)
    ratios = []
    for n in range(rounds):
        times = {}
        for ruleset in ((rules, bare) if n % 2 == 0 else (bare, rules)):
            start = time.process_time()
            for article in texts:
                extract_article(article, ruleset)
            times[id(ruleset)] = time.process_time() - start
        ratios.append(times[id(rules)] / times[id(bare)])
    print(f"{len(texts)} articles: checks cost median +{(statistics.median(ratios) - 1) * 100:.1f} % "
          f"(ratios {', '.join(f'{r:.3f}' for r in ratios)})")


if __name__ == "__main__":
    main()

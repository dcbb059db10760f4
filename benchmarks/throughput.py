"""Throughput of extraction with all rules on one core, and peak memory.

Run: python benchmarks/throughput.py [--mb 1.0] [--no-findings]
Targets (issue 2): >= 2 MB/s, <= 80 MiB peak resident memory. The findings' share (issue 14:
at most 5 %): the same run with --no-findings, which loads the rule set as
`disable = ["findings"]` in claims.toml does.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import text_of_size  # noqa: E402

import claims  # noqa: E402
from claims.ruleset import load_ruleset  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0, help="size of the generated text in MB")
    parser.add_argument("--profile", action="store_true", help="time each rule separately")
    parser.add_argument("--text", type=Path, help="measure on this text file instead of generated text")
    parser.add_argument("--runs", type=int, default=3,
                        help="extractions of the same text to time: the first is the figure (its words "
                             "are new to the process), the repeats show the warm caches")
    parser.add_argument("--no-findings", action="store_true",
                        help="leave the consistency checks out (as claims.toml's disable = [\"findings\"])")
    args = parser.parse_args()
    text = args.text.read_text(encoding="utf-8") if args.text else text_of_size(int(args.mb * 1_000_000))
    size_mb = len(text.encode("utf-8")) / 1_000_000
    rules = load_ruleset("de", disabled=("findings",) if args.no_findings else ())
    claims.extract("Am 17. März.", lang="de", rules=rules)  # warm up: compile, import
    times = []
    for _ in range(max(1, args.runs)):
        start = time.perf_counter()
        result = claims.extract(text, lang="de", date="2025-03-24", rules=rules)
        times.append(time.perf_counter() - start)
        if len(times) == 1:  # the peak of one extraction, before later runs' garbage adds to it
            peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    elapsed = times[0]
    import pydantic
    import regex

    print(f"python {platform.python_version()}, regex {regex.__version__}, pydantic {pydantic.__version__}, "
          f"claims from {Path(claims.__file__).parent}")
    print(f"text: {size_mb:.2f} MB, {len(result.claims)} claims, {len(rules.rules)} rules, "
          f"{len(result.findings)} findings" + (" (checks off)" if args.no_findings else ""))
    print(f"time: {elapsed:.3f} s -> {size_mb / elapsed:.2f} MB/s (target >= 2 MB/s)")
    if len(times) > 1:
        repeat = statistics.median(times[1:])
        print(f"repeated on the same text: median {repeat:.3f} s -> {size_mb / repeat:.2f} MB/s")
    print(f"peak memory: {peak_mib:.1f} MiB (target <= 80 MiB)")
    if args.profile:
        from claims.engine.anchors import TokenIndex
        from claims.engine.matcher import find_candidates

        import dataclasses

        bare = dataclasses.replace(rules, links=[])  # the same rules without links
        claims.extract("Am 17. März.", lang="de", rules=bare)
        t0 = time.perf_counter()
        claims.extract(text, lang="de", date="2025-03-24", rules=rules)  # warm, as the bare run
        with_links = time.perf_counter() - t0
        t0 = time.perf_counter()
        claims.extract(text, lang="de", date="2025-03-24", rules=bare)
        print(f"  {with_links - (time.perf_counter() - t0):6.3f} s  (links: a warm run less one without them)")
        t0 = time.perf_counter()
        index = TokenIndex(text, result.sentences)
        print(f"  {time.perf_counter() - t0:6.3f} s  (indexing the words for anchors)")
        timings = []
        for rule in rules.rules:
            t0 = time.perf_counter()
            find_candidates(text, rules, [rule], result.sentences, index)
            timings.append((time.perf_counter() - t0, rule.id))
        print(f"  {sum(t for t, _ in timings):6.3f} s  all rules; the slowest:")
        for seconds, rule_id in sorted(timings, reverse=True)[:15]:
            print(f"  {seconds:6.3f} s  {rule_id}")


if __name__ == "__main__":
    main()

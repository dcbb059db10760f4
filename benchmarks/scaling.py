"""Whether cost grows linearly with input: time per MB and peak memory of one text at 0.1, 1 and
10 MB, and of a folder of 1, 100 and 10,000 articles, each measured in a fresh process.

Run: python benchmarks/scaling.py [--text FILE] [--articles DIR] [--sizes 0.1 1 10]
                                  [--counts 1 100 10000] [--jobs 1]

Without --text the text is benchmarks/generate.py's; with it (the real-news corpus of
benchmarks/realnews.py: /tmp/claims-realnews.txt) the file is repeated or cut to each size at a
paragraph's end. Without --articles the articles are generated (3 kB each); with it the folder's
articles are copied round-robin into a temporary folder of each count. A folder is extracted by
the CLI to JSON Lines (`claims extract DIR --format jsonl --jobs N`, output thrown away).
Figures: CPU seconds of the measured work (not the start-up), seconds per MB, and the peak
resident memory of the process (targets: <= 80 MiB at any size; equal s/MB down the column).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_TEXT_CHILD = r"""
import json, resource, sys, time
import claims
from claims.ruleset import load_ruleset
text = open(sys.argv[1], encoding="utf-8").read()
rules = load_ruleset("de")
claims.extract("Am 17. März.", lang="de", rules=rules)
start = time.process_time()
result = claims.extract(text, lang="de", date="2025-03-24", rules=rules)
seconds = time.process_time() - start
print(json.dumps({"seconds": seconds, "claims": len(result.claims),
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_FOLDER_CHILD = r"""
import json, os, resource, sys, time
from claims.cli import main
start = time.process_time()
sys.argv = ["claims", "extract", sys.argv[1], "--format", "jsonl", "--jobs", sys.argv[2]]
sys.stdout = open(os.devnull, "w")
try:
    main()
except SystemExit:
    pass
self_ = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
seconds = time.process_time() - start + kids.ru_utime + kids.ru_stime
sys.__stdout__.write(json.dumps({"seconds": seconds,
                                 "peak": max(self_.ru_maxrss, kids.ru_maxrss) / 1024}) + "\n")
"""


def _child(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def text_of(source: str, size: int) -> str:
    """``source`` repeated and cut at a paragraph's end to about ``size`` bytes."""
    out, total = [], 0
    paragraphs = [p for p in source.split("\n\n") if p.strip()]
    while total < size:
        for paragraph in paragraphs:
            out.append(paragraph)
            total += len(paragraph.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--text", type=Path)
    parser.add_argument("--articles", type=Path)
    parser.add_argument("--sizes", type=float, nargs="*", default=[0.1, 1.0, 10.0])
    parser.add_argument("--counts", type=int, nargs="*", default=[1, 100, 10_000])
    parser.add_argument("--jobs", default="1")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import article, text_of_size

    import random

    work = Path(tempfile.mkdtemp(prefix="claims-scaling-"))
    try:
        source = args.text.read_text(encoding="utf-8") if args.text else None
        warm = work / "warm.txt"  # the rule cache filled before anything is timed (a compile counts nowhere)
        warm.write_text("Am 17. März sagte sie es.", encoding="utf-8")
        _child(_TEXT_CHILD, str(warm))
        print(f"one text ({args.text or 'generated'}):")
        print(f"{'MB':>8} {'claims':>8} {'CPU s':>8} {'s/MB':>7} {'peak MiB':>9}")
        for mb in args.sizes:
            size = int(mb * 1_000_000)
            text = text_of(source, size) if source else text_of_size(size)
            path = work / "text.txt"
            path.write_text(text, encoding="utf-8")
            real = len(text.encode("utf-8")) / 1_000_000
            found = _child(_TEXT_CHILD, str(path))
            print(f"{real:8.2f} {found['claims']:8d} {found['seconds']:8.2f} {found['seconds'] / real:7.3f} "
                  f"{found['peak']:9.1f}")
        if args.articles:
            pool = [(p.suffix, p.read_text(encoding="utf-8")) for p in sorted(args.articles.glob("*.txt"))
                    + sorted(args.articles.glob("*.md"))]
        else:
            rng = random.Random(11)
            pool = [(".md", f"---\ndate: 2025-03-{1 + n % 28:02d}\n---\n" + article(rng, paragraphs=3))
                    for n in range(200)]
        print(f"a folder of articles ({args.articles or 'generated'}), claims extract --format jsonl "
              f"--jobs {args.jobs}:")
        print(f"{'articles':>8} {'MB':>8} {'CPU s':>8} {'s/MB':>7} {'peak MiB':>9}")
        for count in args.counts:
            folder = work / f"articles-{count}"
            folder.mkdir()
            total = 0
            for n in range(count):
                suffix, text = pool[n % len(pool)]
                (folder / f"a{n:05d}{suffix}").write_text(text, encoding="utf-8")
                total += len(text.encode("utf-8"))
            found = _child(_FOLDER_CHILD, str(folder), args.jobs)
            real = total / 1_000_000
            print(f"{count:8d} {real:8.3f} {found['seconds']:8.2f} {found['seconds'] / real:7.3f} {found['peak']:9.1f}")
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

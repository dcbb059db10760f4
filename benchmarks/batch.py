"""A batch of generated German articles through the CLI to JSON Lines: wall time and memory per worker.

Run: python benchmarks/batch.py [--articles 1000] [--kb 3] [--jobs 2] [--runs 3]
Targets (issue: batches): 1,000 articles (about 3 MB) with --jobs 2 in <= 3 s wall
on 2 cores; peak memory per worker <= 80 MiB.

Each run is a fresh `claims extract DIR --format jsonl --jobs N` process (with a
warm rule cache, as on any machine after the first run). Peak memory per
worker is the high-water mark of resident memory (VmHWM in /proc) of each
worker process, read every 20 ms while it lives; RSS counts pages shared with
the parent after fork, so this is an upper bound of what a worker costs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import article  # noqa: E402


def make_articles(folder: Path, count: int, kb: float, seed: int = 11) -> int:
    rng = random.Random(seed)
    total = 0
    for number in range(count):
        parts = []
        size = 0
        while size < kb * 1000:
            part = article(rng, paragraphs=3)
            parts.append(part)
            size += len(part.encode("utf-8"))
        text = f"---\ndate: 2025-03-{1 + number % 28:02d}\n---\n" + "\n".join(parts)
        path = folder / f"artikel-{number:05d}.md"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _hwm_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def run_once(folder: Path, jobs: int, out: Path) -> tuple[float, int, dict[int, int], int]:
    env = dict(os.environ, CLAIMS_NO_PROGRESS="1")
    start = time.perf_counter()
    with out.open("wb") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "claims", "extract", str(folder), "--format", "jsonl",
                                 "--jobs", str(jobs)], stdout=handle, stderr=subprocess.PIPE, env=env)
        peaks: dict[int, int] = {}
        main_peak = 0
        while proc.poll() is None:
            main_peak = max(main_peak, _hwm_kib(proc.pid) or 0)
            for child in _children(proc.pid):
                hwm = _hwm_kib(child)
                if hwm:
                    peaks[child] = max(peaks.get(child, 0), hwm)
            time.sleep(0.02)
        stderr = proc.stderr.read().decode() if proc.stderr else ""
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"claims failed ({proc.returncode}): {stderr}")
    return elapsed, main_peak, peaks, sum(1 for _ in out.open(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--kb", type=float, default=2.6, help="size of each article in kB (they come out about 0.4 kB longer)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from claims.ruleset import load_ruleset

    load_ruleset("de")  # fill the rule cache, as a first run on any machine does
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        size = make_articles(folder, args.articles, args.kb)
        print(f"{args.articles} articles, {size / 1e6:.2f} MB, --jobs {args.jobs}, "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
        times = []
        for run in range(args.runs):
            elapsed, main_peak, peaks, lines = run_once(folder, args.jobs, Path(tmp) / "out.jsonl")
            times.append(elapsed)
            worker = max(peaks.values(), default=0) / 1024
            print(f"run {run + 1}: {elapsed:.2f} s wall, {lines} claims, {size / 1e6 / elapsed:.2f} MB/s; "
                  f"peak memory: main {main_peak / 1024:.1f} MiB, workers "
                  f"{', '.join(f'{v / 1024:.1f}' for v in peaks.values())} MiB (max {worker:.1f})")
        print(f"median {statistics.median(times):.2f} s, best {min(times):.2f} s (target <= 3 s)")


if __name__ == "__main__":
    main()

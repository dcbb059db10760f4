"""How fast, and in how much memory, a big checklist is read back: by ``check`` and by ``update``.

Run: python benchmarks/checklist_read.py [--mb 5.5 10] [--runs 1] [--work DIR]

For each size a German article of our own is generated (benchmarks/generate.py; 5.5 MB gives
the 50,000-row checklist, 10 MB the 92,000-row one) and ``claims extract`` writes its
checklist into DIR (a temporary folder unless given; nothing is kept in the checkout). Then,
each in a fresh process, peak resident memory (the child's ``ru_maxrss``) and wall time of:

- ``full``: the whole workbook through openpyxl, as every read did before (``_read_full``);
- ``streamed``: ``read_checklist`` (every row field; comments and links left to ``update``);
- ``gate``: ``read_checklist(gate_only=True)``, what ``claims check`` reads;
- ``check``: ``claims check ARTICLE`` end to end (extraction included), and the same with the
  full read put back (``check-before``), so before and after run side by side on one machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import text_of_size  # noqa: E402
from workbook import machine  # noqa: E402

READS = {
    "full": "from claims.checklist.reader import _read_full; r = _read_full(P, None, False)",
    "streamed": "from claims.checklist.reader import read_checklist; r = read_checklist(P)",
    "gate": "from claims.checklist.reader import read_checklist; r = read_checklist(P, gate_only=True)",
}
OLD_READ = ("import claims.checklist.reader as r\n"
            "r._read_streamed = lambda path, vocabulary, gate_only=False: r._read_full(path, vocabulary, False)\n")


def measure(argv: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak MiB, exit code) of a child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, child.returncode


def prepare(mb: float, work: Path) -> tuple[Path, Path]:
    article = work / f"generated-{mb:g}mb.md"
    checklist = article.with_suffix(".checklist.xlsx")
    if not checklist.exists():
        article.write_text("---\ntitle: Generiert\ndate: 2025-03-24\nlang: de\n---\n\n"
                           + text_of_size(int(mb * 1_000_000)), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "claims", "extract", str(article), "-o", str(checklist), "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    return article, checklist


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="+", default=[5.5, 10.0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", type=Path, help="folder for the generated articles and checklists")
    parser.add_argument("--skip", nargs="*", default=[], help="measurements to leave out (full, check-before …)")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for mb in args.mb:
            article, checklist = prepare(mb, work)
            import zipfile

            with zipfile.ZipFile(checklist) as archive:
                unpacked = sum(i.file_size for i in archive.infolist())
            print(f"\n{mb:g} MB article; checklist {checklist.stat().st_size / 2**20:.1f} MiB, "
                  f"{unpacked / 2**20:.0f} MiB unpacked")
            jobs: list[tuple[str, list[str]]] = [
                (name, [sys.executable, "-c", f"from pathlib import Path; P = Path({str(checklist)!r}); {code}"])
                for name, code in READS.items()]
            check = ["check", str(article), "--checklist", str(checklist)]
            jobs.append(("check", [sys.executable, "-m", "claims", *check]))
            jobs.append(("check-before", [sys.executable, "-c", OLD_READ + "from claims.cli import main\n"
                                          f"main({check!r})"]))
            for name, argv in jobs:
                if name in args.skip:
                    continue
                for _ in range(args.runs):
                    wall, peak, code = measure(argv)
                    print(f"  {name:13} {wall:7.1f} s  {peak:7.0f} MiB  (exit {code})", flush=True)


if __name__ == "__main__":
    main()

"""Build a real-news corpus from the shared gold folders, for measuring only.

Run: python benchmarks/realnews.py [--mb 2.0] [--out /tmp/claims-realnews]

It writes, outside the project, OUT.txt (the texts of ../shared/gold/{krauts-dev,gnad-dev,
spkatt-dev}/*.txt one after the other, repeated until the file holds at least --mb MB) and
OUT/ (the same articles, one .txt file each, as they are). The texts
are CC BY-NC(-SA): they are read for measuring and never copied into the project.

Then: python benchmarks/throughput.py --text OUT.txt
      python benchmarks/scaling.py --text OUT.txt --articles OUT
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("krauts-dev", "gnad-dev", "spkatt-dev")


def articles(gold: Path) -> list[tuple[str, str, str | None]]:
    """(name, text, date) of every article of the three dev sets, in a fixed order."""
    found = []
    for name in SETS:
        folder = gold / name
        meta_path = folder / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        for path in sorted(folder.glob("*.txt")):
            date = (meta.get(path.stem) or {}).get("date")
            found.append((f"{name}-{path.stem}", path.read_text(encoding="utf-8"), date))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=2.0, help="least size of the one-file corpus in MB")
    parser.add_argument("--out", type=Path, default=Path("/tmp/claims-realnews"))
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    args = parser.parse_args()
    found = articles(args.gold)
    if not found:
        raise SystemExit(f"no articles in {args.gold}/{{{','.join(SETS)}}}")
    once = "\n\n".join(text.strip() for _, text, _ in found) + "\n\n"
    repeats = max(1, -(-int(args.mb * 1_000_000) // len(once.encode("utf-8"))))
    one_file = args.out.with_suffix(".txt")
    one_file.parent.mkdir(parents=True, exist_ok=True)
    one_file.write_text(once * repeats, encoding="utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.txt"):
        old.unlink()
    for name, text, _ in found:
        (args.out / f"{name}.txt").write_text(text, encoding="utf-8")
    size = len((once * repeats).encode("utf-8")) / 1_000_000
    print(f"{one_file}: {size:.2f} MB ({len(found)} articles x {repeats}); {args.out}/: {len(found)} articles")


if __name__ == "__main__":
    main()

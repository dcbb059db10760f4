"""The identical-output guard: every claim, every sentence boundary and every finding, dumped, to
compare before and after a change that must not change output (speed work, restructuring).

Run: python benchmarks/dump_outputs.py OUT.tsv          (dump)
     python benchmarks/dump_outputs.py --compare A.tsv B.tsv   (first differences, exit 1 if any)

It covers every gold folder in ../shared/gold and tests/gold (each article with its meta.json
date and language, as `claims eval` reads it), the generated benchmark megabyte, and the seeded
corpora of the findings (benchmarks/findings/seeded.py, both template sets, each article and its
consistent twin). The shared gold texts are only read here, never written into the dump: a row
holds offsets, ids, values and a hash of the sentence, not article text; a finding's message
(which quotes the article's names and figures) is a hash too.

Rows: `S` a sentence, `C` a claim, `F` a finding (code, severity, the claim showing it, the
related claims, its offsets, a hash of its message).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "findings"))

from generate import text_of_size  # noqa: E402
import seeded  # noqa: E402

import claims  # noqa: E402
from claims.evaluation.gold import load_gold_dir  # noqa: E402
from claims.text.reader import read_article  # noqa: E402
from claims.api import extract_article  # noqa: E402
from claims.models import ExtractionResult  # noqa: E402
from claims.ruleset import load_ruleset  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def gold_folders() -> list[Path]:
    shared = ROOT.parent / "shared" / "gold"
    found = [shared] + sorted(p for p in shared.iterdir() if p.is_dir()) if shared.is_dir() else []
    found += sorted(p for p in (ROOT / "tests" / "gold").iterdir() if p.is_dir())
    return [f for f in found if any(f.glob("*.gold.jsonl"))]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def rows_of(name: str, result: ExtractionResult) -> list[str]:
    rows = [f"{name}\tS\t{s.index}\t{s.paragraph}\t{s.start}\t{s.end}" for s in result.sentences]
    for c in result.claims:
        value = json.dumps(c.value, ensure_ascii=False, sort_keys=True, default=str)
        rows.append(f"{name}\tC\t{c.id}\t{c.kind}\t{c.start}\t{c.end}\t{c.line}\t{c.column}\t"
                    f"{c.paragraph}\t{c.rule}\t{value}\t{_digest(c.sentence)}\t{_digest(c.text)}")
    for f in result.findings:
        rows.append(f"{name}\tF\t{f.code}\t{f.severity}\t{f.claim_id}\t{','.join(f.related)}\t"
                    f"{f.start}\t{f.end}\t{f.line}\t{f.column}\t{_digest(f.message)}")
    return rows


def dump() -> list[str]:
    rows: list[str] = []
    for folder in gold_folders():
        for gold in load_gold_dir(folder):
            article = read_article(gold.article_path, lang=gold.lang, date=gold.date)
            rows += rows_of(f"{folder.name}/{gold.stem}", extract_article(article))
    generated = claims.extract(text_of_size(1_000_000), lang="de", date="2025-03-24")
    rows += rows_of("generated-1MB", generated)
    rules = load_ruleset("de")
    for blind, label in ((False, "seeded"), (True, "seeded-blind")):
        for n, item in enumerate(seeded.corpus(8, blind=blind), start=1):
            name = f"{label}/{n:04d}-{item.code}-{item.template}"
            rows += rows_of(name, seeded.extract(item.text, rules))
            rows += rows_of(f"{name}-control", seeded.extract(item.control, rules))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before = args.compare[0].read_text(encoding="utf-8").splitlines()
        after = args.compare[1].read_text(encoding="utf-8").splitlines()
        if before == after:
            print(f"identical: {len(before)} rows")
            return 0
        gone, new = sorted(set(before) - set(after)), sorted(set(after) - set(before))
        print(f"DIFFERENT: {len(before)} rows before, {len(after)} after; "
              f"{len(gone)} only before, {len(new)} only after")
        for row in gone[:20]:
            print("-", row)
        for row in new[:20]:
            print("+", row)
        return 1
    if args.out is None:
        parser.error("give OUT.tsv, or --compare BEFORE AFTER")
    rows = dump()
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Damaged checklists read both ways: the streamed read (``check``) and the full one (``update``).

Run: python benchmarks/checklist_stream_fuzz.py [--cases 300] [--seed 1]

A small checklist of our own is written, then one XML part at a time is damaged (bytes
replaced, cut out or repeated from elsewhere) and the file read both ways. Counted: both read
the same rows (ID, status, kind, claim) and meta; both refused; the streamed read reads a file
whose damage lies only in a part it never reads (Artikel, Übersicht, document properties) while
the full read refuses it, or whose damage lies in sheet formatting openpyxl parses and the
streamed read passes over (its rows then equal the undamaged file's); any other difference; and crashes (anything but a clean InputError).
The last two must be 0.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from claims.api import extract_article
from claims.checklist.reader import _read_full, read_checklist
from claims.errors import InputError
from claims.text.reader import article_from_text

TEXT = ("Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n\n"
        "Laut Polizei war alles ruhig, sagte Bürgermeister Hans Gruber um 10 Uhr.\n")
READ_BY_CHECK = ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml",
                 "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "[Content_Types].xml",
                 "docProps/custom.xml")


def damage(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(b))
        op = rng.random()
        if op < 0.4:
            b[at:at + 1] = bytes([rng.choice(b'<>/"=&;#x0123456789ABCrstvc ')])
        elif op < 0.7:
            del b[at:at + rng.randint(1, 20)]
        else:
            b[at:at] = b[rng.randrange(len(b)):][:rng.randint(1, 40)]
    return bytes(b)


def outcome(read) -> tuple:
    try:
        r = read()
    except InputError as exc:
        return ("refused", "stands in row" in str(exc))
    except Exception as exc:  # noqa: BLE001 - what this run looks for
        return ("crash", f"{type(exc).__name__}: {exc}")
    return ("read", [(x.id, x.status, x.kind, x.text) for x in r.rows], r.meta)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    from claims.checklist.writer import write_workbook

    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.xlsx"
        article = article_from_text(TEXT, path="messe.txt", date="2025-03-24")
        write_workbook(extract_article(article), article, base)
        with zipfile.ZipFile(base) as archive:
            members = [(i, archive.read(i.filename)) for i in archive.infolist()]
        intact = outcome(lambda: read_checklist(base))
        xml = [i.filename for i, _ in members if i.filename.endswith((".xml", ".rels"))]
        path = Path(tmp) / "damaged.xlsx"
        for _ in range(args.cases):
            target = rng.choice(xml)
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                for info, data in members:
                    archive.writestr(info, damage(data, rng) if info.filename == target else data)
            streamed = outcome(lambda: read_checklist(path))
            full = outcome(lambda: _read_full(path, None, False))
            if "crash" in (streamed[0], full[0]):
                counts["crashes"] += 1
                print("crash", target, streamed[-1] if streamed[0] == "crash" else full[-1])
            elif streamed == full or streamed[0] == full[0] == "refused":
                counts["both refused" if full[0] == "refused" else "same rows and meta"] += 1
            elif streamed == ("refused", True):
                counts["a cell out of its row: refused (the full read moves it)"] += 1
            elif streamed[0] == "read" and full[0] == "refused" and target not in READ_BY_CHECK:
                counts["damage only where check does not read"] += 1
            elif streamed[0] == "read" and full[0] == "refused" and streamed == intact:
                counts["damage only in sheet formatting (widths …), rows as undamaged"] += 1
            else:
                counts["other differences"] += 1
                print("differs", target, streamed[0], full[0])
                shutil.copy(path, Path(tempfile.gettempdir()) / f"differs-{counts['other differences']}.xlsx")
    print(f"{args.cases} cases, seed {args.seed}")
    for key in ("same rows and meta", "both refused", "damage only where check does not read",
                "damage only in sheet formatting (widths …), rows as undamaged",
                "a cell out of its row: refused (the full read moves it)", "other differences", "crashes"):
        print(f"  {key}: {counts[key]}")


if __name__ == "__main__":
    main()

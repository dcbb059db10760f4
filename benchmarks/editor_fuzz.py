"""Random editor edits of a checklist, `claims update` twice, and a look for every one of them.

    .venv/bin/python benchmarks/editor_fuzz.py [FIRST_SEED] [LAST_SEED]   (default 0 200)

Each seed makes a checklist of a small article of our own, edits it the way editors do
(statuses and notes, own columns under any header, comments, hyperlinks, notes below the
table and on the article and overview sheets, own sheets with formulas, sorting, inserted
blank rows, a renamed header, a row copied back from Entfallen), sometimes re-saves it with
LibreOffice, edits the article, runs `claims update` twice and `claims check` once. Every
text, comment, link and date the editor left in the workbook must be somewhere in the
result; `check` must not fail with an input error. The property test
tests/test_update_properties.py covers the same with fewer kinds of edit.
"""

import datetime as dt
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment

CLAIMS = str(Path(sys.executable).with_name("claims"))
BASE = ("---\ndate: 2025-03-24\n---\n"
        "Die Messe beginnt am 17. März in Bozen. Es kamen mehr als 80 Aussteller.\n\n"
        "Bürgermeister Hans Gruber eröffnete sie um 10 Uhr. „Wir sind zufrieden“, sagte Gruber.\n\n"
        "Laut Polizei verlief alles ruhig. Der 24-Jährige gewann 2:1.\n\n"
        "Im Jahr 2024 kamen rund 2.000 Besucher, so viele wie nie.\n")
EDITS = [lambda t: t.replace("mehr als 80", "mehr als 95"), lambda t: t.replace("Laut Polizei verlief alles ruhig. ", ""),
         lambda t: t + "\nAm 2. Mai kommen 300 Gäste.\n", lambda t: t.replace("Im Jahr 2024", "Im Jahr 2023"),
         lambda t: t.replace("verlief alles ruhig", "verlief der Abend ruhig"), lambda t: t]
def val(rng, i): return rng.choice([f"note{i}", f"=\"f{i}\"", i * 7, f"Wert {i} äöü", dt.datetime(2025, 3, i % 28 + 1)])
MARKERS = ("note", "f", "Wert ", "art", "ov", "own", "below", "comment", "https://x.example/")


def contents(path) -> set:
    wb = openpyxl.load_workbook(path)
    found = set()
    for s in wb.worksheets:
        for row in s.iter_rows():
            for c in row:
                if isinstance(c.value, (dt.datetime, dt.date)):
                    found.add(c.value.isoformat())
                elif c.value is not None:
                    found.add(str(c.value))
                if c.comment:
                    found.add(c.comment.text)
                if c.hyperlink and c.hyperlink.target:
                    found.add(c.hyperlink.target)
    return found


def editor_made(path) -> list:
    """What the editor left in the workbook: our markers' texts, comments, links, dates."""
    return sorted(t for t in contents(path) if t.startswith(MARKERS) or t[:4].isdigit() and "T" in t
                  and not t.startswith(str(dt.date.today().year)))


def run(seed, work):
    rng = random.Random(seed)
    if work.exists(): shutil.rmtree(work)
    work.mkdir()
    art = work / "a.md"; art.write_text(BASE, encoding="utf-8")
    subprocess.run([CLAIMS, "extract", str(art)], check=True, capture_output=True)
    cl = work / "a.checklist.xlsx"
    # first update round to get Entfallen sometimes
    if rng.random() < 0.5:
        art.write_text(EDITS[1](BASE), encoding="utf-8"); subprocess.run([CLAIMS, "update", str(art)], check=True, capture_output=True)
    wb = openpyxl.load_workbook(cl)
    typed = []
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1] if c.value}
    for k in range(rng.randint(1, 12)):
        op = rng.choice(["cell", "own", "comment", "link", "note_below", "artikel", "overview", "sheet", "sort", "copyback", "blankrow", "renamehdr"])
        i = seed * 100 + k
        maxr = ws.max_row
        if op == "cell":
            r = rng.randint(2, maxr); c = col[rng.choice(["Status", "Geprüft von", "Anmerkung", "Beleg (Quelle, URL)", "Datum"])]
            v = val(rng, i) if ws.cell(1, c).value != "Status" else rng.choice(["bestätigt", "falsch", "entfällt"])
            ws.cell(r, c).value = v
            if ws.cell(r, 2).value: typed.append(v)
        elif op == "own":
            c = ws.max_column + 1; ws.cell(1, c).value = rng.choice(["", "status", "Rückruf", "Note", "Rückruf"]) or None
            r = rng.randint(2, maxr); v = val(rng, i); ws.cell(r, c).value = v; typed.append(v)
        elif op == "comment":
            r = rng.randint(1, maxr); c = rng.randint(1, ws.max_column); t = f"comment{i}"
            ws.cell(r, c).comment = Comment(t, "ed"); typed.append(t)
        elif op == "link":
            r = rng.randint(2, maxr); u = f"https://x.example/{i}"; ws.cell(r, col["Beleg (Quelle, URL)"]).hyperlink = u; typed.append(u)
        elif op == "note_below":
            v = f"below{i}"; ws.cell(maxr + rng.randint(1, 4), rng.randint(1, ws.max_column + 2)).value = v; typed.append(v)
        elif op == "artikel":
            a = wb["Artikel"]; v = f"art{i}"; a.cell(rng.randint(1, a.max_row + 3), rng.randint(4, 6)).value = v; typed.append(v)
        elif op == "overview":
            o = wb["Übersicht"]; v = f"ov{i}"; o.cell(rng.randint(1, 30), rng.randint(3, 5)).value = v; typed.append(v)
        elif op == "sheet":
            name = f"Eigen{i}"; s = wb.create_sheet(name); v = f"own{i}"; s["B2"] = v; s["C3"] = "=B2"; typed.append(v)
        elif op == "sort":
            data = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=maxr)]
            rng.shuffle(data)
            for r, vals in enumerate(data, start=2):
                for c, v in enumerate(vals, start=1): ws.cell(r, c).value = v
        elif op == "copyback" and "Entfallen" in wb.sheetnames:
            e = wb["Entfallen"]
            if e.max_row >= 2:
                t = ws.max_row + 1
                for c in range(1, e.max_column + 1): ws.cell(t, c).value = e.cell(2, c).value
        elif op == "blankrow":
            ws.insert_rows(rng.randint(2, maxr))
        elif op == "renamehdr":
            c = col["Geprüft von"]; ws.cell(1, c).value = "Prüfer"
    wb.save(cl)
    resave = rng.random() < 0.2 and shutil.which("soffice") is not None
    if resave:
        out = work / "lo"; out.mkdir()
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/../lo-profile", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(cl)], check=True, capture_output=True, timeout=200)
        shutil.copy(out / cl.name, cl)
    typed = editor_made(cl)
    art.write_text(rng.choice(EDITS)(BASE), encoding="utf-8")
    for _ in range(2):
        p = subprocess.run([CLAIMS, "update", str(art)], capture_output=True, text=True)
        if p.returncode != 0:
            return {"seed": seed, "error": p.stderr[-500:]}
    found = contents(cl)
    missing = [t for t in typed if t not in found]
    chk = subprocess.run([CLAIMS, "check", str(art)], capture_output=True, text=True)
    if chk.returncode == 2:
        return {"seed": seed, "check-error": chk.stderr[-300:]}
    return {"seed": seed, "missing": missing, "resave": resave} if missing else None
def main() -> None:
    import tempfile

    first, last = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else (0, 200)))
    bad = []
    with tempfile.TemporaryDirectory(prefix="claims-fuzz-") as tmp:
        for seed in range(first, last):
            outcome = run(seed, Path(tmp) / "work")
            if outcome:
                bad.append(outcome)
                print(json.dumps(outcome, default=str, ensure_ascii=False)[:600], flush=True)
    print(f"{last - first} seeds, {len(bad)} failed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

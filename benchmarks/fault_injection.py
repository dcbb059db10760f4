"""Kill `claims update` at random moments and fill the disk under it: nothing an editor made is lost.

    .venv/bin/python benchmarks/fault_injection.py [--runs 100] [--claims 2000] [--seed 1]

Each run copies a ticked checklist of a generated article (text of our own) with one
backup generation, edits the article, starts `claims update` in a process of its own and
sends it SIGKILL or SIGTERM (alternately) after a random delay between 0 and the time an
update takes. Then:

- the checklist is byte-identical to the one before, or a complete new one (it reads back,
  every claim is in it, every tick is where it was);
- every backup generation that was there is byte-identical; a new one is complete;
- no temporary file of ours (``.NAME.claims-PID.*.tmp``) is left; if a SIGKILL struck in the
  two system calls between link and rename, the next run must remove it.

Then the full disk: a small tmpfs (mounted here as root; without root the run says so and
is skipped) just large enough for the checklist and not for its backup, then for the backup
and not the new checklist: `update` must fail with one clean error and leave everything as it
was. Results go to stdout as a table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

CLAIMS = [str(Path(sys.executable).with_name("claims"))]


def make_article(claims: int, seed: int = 7) -> str:
    """A generated article of our own with at least ``claims`` claims."""
    from generate import text_of_size

    import claims as lib

    size = 60_000
    while True:
        text = text_of_size(size, seed)
        found = len(lib.extract(text, lang="de", date="2025-03-24").claims)
        if found >= claims:
            return text
        size = int(size * claims / max(found, 1) * 1.1)


def prepare(folder: Path, claims: int) -> dict:
    """folder/a.md with a ticked checklist and one backup; returns the expected state."""
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    article = folder / "a.md"
    text = make_article(claims)
    article.write_text("---\ndate: 2025-03-24\n---\n" + text, encoding="utf-8")
    subprocess.run([*CLAIMS, "extract", str(article)], check=True, capture_output=True)
    checklist = folder / "a.checklist.xlsx"
    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    col = {c.value: c.column for c in ws[1] if c.value}
    ticks = {}
    for r in range(2, ws.max_row + 1, 3):
        claim_id = ws.cell(r, col["ID"]).value
        ws.cell(r, col["Status"]).value = "bestätigt"
        ws.cell(r, col["Anmerkung"]).value = f"geprüft {r}"
        ticks[claim_id] = f"geprüft {r}"
    wb.save(checklist)
    subprocess.run([*CLAIMS, "update", str(article)], check=True, capture_output=True)  # one backup
    # the edit every run makes: a paragraph more at the end (no tick is touched)
    edited = article.read_text(encoding="utf-8") + "\nAm 3. Mai kamen rund 400 Gäste zur Eröffnung.\n"
    return {"ticks": ticks, "edited": edited}


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def complete(checklist: Path, ticks: dict[str, str]) -> bool:
    from claims.checklist.reader import read_checklist

    try:
        read = read_checklist(checklist)
    except Exception:
        return False
    notes = {r.id: r.editor.get("note") for r in read.rows + read.removed}
    return all(notes.get(i) == note for i, note in ticks.items())


def one_run(pristine: Path, work: Path, state: dict, delay: float, sig: int) -> dict:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(pristine, work)
    (work / "a.md").write_text(state["edited"], encoding="utf-8")
    before = snapshot(work)
    proc = subprocess.Popen([*CLAIMS, "update", str(work / "a.md")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    after = snapshot(work)
    checklist = "a.checklist.xlsx"
    old_intact = after.get(checklist) == before[checklist]
    new_complete = not old_intact and complete(work / checklist, state["ticks"])
    backups_intact = all(after.get(name) == data for name, data in before.items() if ".bak-" in name)
    new_backups = [n for n in after if ".bak-" in n and n not in before]
    new_backups_ok = all(after[n] == before[checklist] for n in new_backups)
    left = temps(work)
    cleaned = left
    if left:  # the next run must clean what a SIGKILL left in the link-rename window
        subprocess.run([*CLAIMS, "update", str(work / "a.md")], capture_output=True)
        cleaned = temps(work)
    return {"signal": signal.Signals(sig).name, "delay": round(delay, 3), "exit": proc.returncode,
            "old_intact": old_intact, "new_complete": new_complete, "backups_intact": backups_intact,
            "new_backups_ok": new_backups_ok, "temps_after_kill": len(left), "temps_after_next_run": len(cleaned),
            "ok": (old_intact or new_complete) and backups_intact and new_backups_ok and not cleaned,
            "stderr": err.decode("utf-8", "replace")[-300:]}


def faults(runs: int, claims: int, seed: int, base: Path) -> tuple[list[dict], float]:
    rng = random.Random(seed)
    pristine = base / "pristine"
    state = prepare(pristine, claims)
    # how long an update takes, to spread the kills over all of it
    probe = base / "probe"
    shutil.copytree(pristine, probe)
    (probe / "a.md").write_text(state["edited"], encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([*CLAIMS, "update", str(probe / "a.md")], check=True, capture_output=True)
    duration = time.perf_counter() - start
    results = []
    for i in range(runs):
        sig = signal.SIGKILL if i % 2 == 0 else signal.SIGTERM
        results.append(one_run(pristine, base / "work", state, rng.uniform(0, duration * 1.05), sig))
    return results, duration


def full_disk(claims: int, base: Path) -> list[dict]:
    """update on a tmpfs too small for what it must write; [] when no tmpfs can be mounted."""
    pristine = base / "pristine-small"
    state = prepare(pristine, claims)
    size = (pristine / "a.checklist.xlsx").stat().st_size
    used = sum(p.stat().st_size for p in pristine.iterdir() if p.is_file())
    outcomes = []
    # room for: nothing more; the backup but not the new checklist
    for label, room in (("no room for the backup", size // 2), ("room for the backup only", size + size // 2)):
        mount = base / f"mnt-{len(outcomes)}"
        mount.mkdir()
        total = used + room + 64 * 1024  # tmpfs pages and the edited article
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={total}", "tmpfs", str(mount)],
                              capture_output=True)
        if done.returncode != 0:
            return []
        try:
            for p in pristine.iterdir():
                shutil.copy2(p, mount / p.name)
            (mount / "a.md").write_text(state["edited"], encoding="utf-8")
            filler = mount / "filler"
            free = shutil.disk_usage(mount).free - room
            if free > 0:
                with open(filler, "wb") as handle:
                    handle.write(b"\0" * free)
            before = snapshot(mount)
            run = subprocess.run([*CLAIMS, "update", str(mount / "a.md")], capture_output=True, text=True)
            after = snapshot(mount)
            outcomes.append({
                "case": label, "exit": run.returncode, "message": run.stderr.strip()[-200:],
                "unchanged": all(after.get(n) == d for n, d in before.items()),
                "new_files": sorted(set(after) - set(before)), "temps": temps(mount),
                "ok": run.returncode == 2 and "disk is full" in run.stderr and "Traceback" not in run.stderr
                and all(after.get(n) == d for n, d in before.items()) and not temps(mount)
                and not (set(after) - set(before)),
            })
        finally:
            subprocess.run(["umount", str(mount)], capture_output=True)
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="every run as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claims-faults-") as tmp:
        base = Path(tmp)
        started = time.perf_counter()
        results, duration = faults(args.runs, args.claims, args.seed, base)
        disk = full_disk(min(args.claims, 300), base)
        elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({"runs": results, "disk": disk}, indent=1))
    by = {}
    for r in results:
        key = (r["signal"], "old checklist intact" if r["old_intact"] else
               "new checklist complete" if r["new_complete"] else "BROKEN")
        by[key] = by.get(key, 0) + 1
    print(f"# fault injection: {args.runs} runs, {args.claims}-claim checklist, one update takes {duration:.2f} s, "
          f"whole run {elapsed:.0f} s")
    print("| signal | outcome | runs |")
    print("| --- | --- | --- |")
    for (sig, outcome), n in sorted(by.items()):
        print(f"| {sig} | {outcome} | {n} |")
    print(f"| all | backups intact | {sum(r['backups_intact'] and r['new_backups_ok'] for r in results)} |")
    print(f"| all | temporary files left after the kill | {sum(r['temps_after_kill'] for r in results)} |")
    print(f"| all | temporary files left after the next run | {sum(r['temps_after_next_run'] for r in results)} |")
    print(f"| all | failures | {sum(not r['ok'] for r in results)} |")
    if disk:
        print("\n| full disk (tmpfs) | exit | everything as before | temporary files | ok |")
        print("| --- | --- | --- | --- | --- |")
        for d in disk:
            print(f"| {d['case']} | {d['exit']} | {d['unchanged']} | {len(d['temps'])} | {d['ok']} |")
    else:
        print("\nfull disk: no tmpfs could be mounted (not root?); not measured")
    bad = [r for r in results if not r["ok"]] + [d for d in disk if not d["ok"]]
    for r in bad[:5]:
        print("FAILED:", json.dumps(r, ensure_ascii=False))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

"""What recall costs: one article's claims looked up in a memory of 100,000 verifications, on
SQLite and on PostgreSQL (target: at most 50 ms added to one article's `claims extract`).

    python benchmarks/memory.py [--size 100000] [--postgres URL] [--repeat 30]

Without --postgres, CLAIMS_TEST_POSTGRES_URL is used, else a throw-away cluster is started with
tools/throwaway-postgres. The memory is filled with verifications of made-up claims of every
kind (their keys spread like a desk's: a tenth of the facts checked in several articles) plus
the sample article's own claims, so that recall finds matches and reads their rows. Measured:
``recall_for`` as extract calls it (connect, schema check, one lookup of every key, the choice
per claim), the median of --repeat runs after one warm-up, with the table's statistics
collected (ANALYZE, as PostgreSQL's autovacuum does after a bulk load); and the same extract (CLI, a new
process each) with and without the memory, interleaved, the medians of the wall-clock and
CPU (user + system) times and of the CPU each round's memory added.
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

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "cdf-samsung-xiaomi.md"


def fill(store, size: int, seed: int = 15) -> None:
    from claims.memory.keys import claim_keys
    from claims.memory.store import Verification
    from claims.api import extract_path
    from claims.memory.record import of_claim
    from claims.text.reader import read_article

    rng = random.Random(seed)
    kinds = ["role", "figure", "date", "quote", "attribution", "superlative", "credit"]
    words = ["Gemeinde", "Landesrat", "Brücke", "Schule", "Klinik", "Bahnhof", "Hochwasser", "Haushalt",
             "Stadtwerke", "Verein", "Feuerwehr", "Polizei", "Museum", "Fabrik", "Gericht", "Messe"]
    batch = []
    facts = max(1, size * 9 // 10)
    for n in range(size):
        kind = rng.choice(kinds)
        fact = rng.randrange(facts)  # a tenth of the rows repeat a fact: checked in several articles
        value = {"person": f"Person {fact}", "role": "Vorsitzende", "org": f"Firma {fact % 997}"} if kind == "role" else \
            {"number": fact, "approx": None, "unit": rng.choice(["Euro", "Tote", "Häuser", "%"])} if kind == "figure" else \
            {"quote": f"Zitat Nummer {fact}", "speaker": f"Person {fact}"} if kind == "quote" else \
            {"source": f"Quelle {fact}"} if kind == "attribution" else \
            {"credit": f"Fotograf {fact}"} if kind == "credit" else f"20{fact % 30:02d}-0{fact % 9 + 1}-1{fact % 9}"
        sentence = " ".join(rng.choice(words) for _ in range(12))
        keys = claim_keys(kind, value, f"Behauptung {fact}", sentence, "de", "Aus der Region")
        batch.append(Verification(
            kind=kind, fact_key=keys.fact, subject_key=keys.subject, context=" ".join(sorted(keys.context)),
            status=rng.choice(["confirmed"] * 8 + ["corrected", "wrong"]), checked_by="Dokumentation",
            verified_on=f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}", claim_id=f"X-{n:08d}", claim_text=f"Behauptung {fact}",
            sentence=sentence, article=f"archiv/{n // 40:05d}.md", article_title="Aus der Region",
            search_text=f"behauptung {fact} {sentence.casefold()}"))
        if len(batch) == 5000:
            store.record(batch)
            batch = []
    article = read_article(SAMPLE)
    earlier = article.model_copy(update={"path": "archiv/samsung-frueher.md"})
    batch += [v for c in extract_path(SAMPLE).claims if (v := of_claim(c, earlier, "confirmed", "Dokumentation"))]
    store.record(batch)


def time_recall(location, repeat: int) -> tuple[float, int]:
    from claims.api import extract_path
    from claims.memory.recall import recall_for

    result = extract_path(SAMPLE)
    found, warnings = recall_for(result, location)  # warm-up (and the check that it works)
    assert not warnings, warnings
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        recall_for(result, location)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(found)


def run_cli(memory: str | None, folder: str) -> tuple[float, float]:
    """One ``claims extract`` of the sample to a workbook in a new process: (wall, CPU) seconds,
    CPU being the child's user + system time, which a loaded machine disturbs far less."""
    import resource

    env = dict(os.environ)
    env.pop("CLAIMS_MEMORY", None)
    if memory:
        env["CLAIMS_MEMORY"] = memory
    target = Path(folder) / "out.xlsx"
    target.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claims", "extract", str(SAMPLE), "-o", str(target)],
                   check=True, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_cli(memories: dict[str, str | None], repeat: int) -> dict[str, tuple[float, float, float]]:
    """Name -> (median wall ms, median CPU ms, median CPU ms added against no memory), the runs
    interleaved (none, sqlite, postgresql, none, ...) so that the machine's load falls on all
    alike, and the added CPU the median of each round's difference."""
    walls: dict[str, list[float]] = {name: [] for name in memories}
    cpus: dict[str, list[float]] = {name: [] for name in memories}
    with tempfile.TemporaryDirectory() as folder:
        run_cli(None, folder)  # warm the rule cache and the file system
        for _ in range(repeat):
            for name, memory in memories.items():
                wall, cpu = run_cli(memory, folder)
                walls[name].append(wall * 1000)
                cpus[name].append(cpu * 1000)
    base = cpus["none"]
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name]),
                   statistics.median(c - b for c, b in zip(cpus[name], base))) for name in memories}


def main() -> None:
    from claims.memory.location import Location, store_at
    from claims.memory.settings import MemorySettings

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--postgres", default=os.environ.get("CLAIMS_TEST_POSTGRES_URL"))
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--cli-repeat", type=int, default=7)
    args = parser.parse_args()
    cluster = None
    if not args.postgres:
        base = tempfile.mkdtemp(prefix="claims-bench-pg-")
        os.chmod(base, 0o755)
        cluster = Path(base) / "cluster"
        out = subprocess.run(["bash", str(ROOT / "tools" / "throwaway-postgres"), "start", str(cluster)],
                             check=True, capture_output=True, text=True).stdout
        values = {k.removeprefix("export "): v.strip("'") for k, v in
                  (line.split("=", 1) for line in out.splitlines() if line)}
        args.postgres = values["CLAIMS_TEST_POSTGRES_URL"]
        os.environ["PGPASSWORD"] = values["PGPASSWORD"]
    try:
        folder = tempfile.mkdtemp(prefix="claims-bench-")
        sqlite_path = str(Path(folder) / "memory.sqlite")
        import psycopg

        with psycopg.connect(args.postgres, autocommit=True) as conn:  # a fresh start on the server
            conn.execute("DROP TABLE IF EXISTS verifications, schema_version")
        print(f"# {args.size:,} verifications; sample article {SAMPLE.name}")
        for name, where in (("sqlite", sqlite_path), ("postgresql", args.postgres)):
            start = time.perf_counter()
            with store_at(where) as store:
                fill(store, args.size)
                count = store.count()
                with store.transaction() as cur:  # what autovacuum does after a bulk load (PostgreSQL)
                    store.execute(cur, "ANALYZE verifications")
            filled = time.perf_counter() - start
            location = Location(where, "benchmark", MemorySettings())
            recall_ms, found = time_recall(location, args.repeat)
            print(f"{name:<11} rows {count:>7,}  filled in {filled:5.1f} s  recall {recall_ms:6.1f} ms "
                  f"(median of {args.repeat}; {found} claims with a match)")
        timed = time_cli({"none": None, "sqlite": sqlite_path, "postgresql": args.postgres}, args.cli_repeat)
        print(f"extract (CLI, new process, {args.cli_repeat} interleaved rounds; medians):")
        for name, (wall, cpu, added) in timed.items():
            extra = "" if name == "none" else f"  CPU added {added:+5.0f} ms"
            print(f"  memory {name:<10} wall {wall:6.0f} ms  CPU {cpu:6.0f} ms{extra}")
    finally:
        if cluster is not None:
            subprocess.run(["bash", str(ROOT / "tools" / "throwaway-postgres"), "stop", str(cluster)], capture_output=True)


if __name__ == "__main__":
    main()

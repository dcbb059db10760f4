"""Fixtures of the memory's tests: every test that takes ``memory_url`` runs on SQLite and on
PostgreSQL. PostgreSQL is real: ``CLAIMS_TEST_POSTGRES_URL`` (CI starts a cluster in .ci/run),
else a throw-away cluster this session starts with tools/throwaway-postgres when the binaries
are there. Without either the PostgreSQL tests fail, saying why; they are never skipped."""

from __future__ import annotations

import os
import secrets
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "throwaway-postgres"
ENV = "CLAIMS_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL database the tests may create schemas in."""
    url = os.environ.get(ENV)
    if url:
        yield url
        return
    if os.environ.get("CI"):
        pytest.fail(f"{ENV} is not set: .ci/run starts a PostgreSQL cluster and exports it; "
                    f"the memory's PostgreSQL tests must run in CI")
    base = tempfile.mkdtemp(prefix="claims-pg-")
    os.chmod(base, 0o755)  # as root, the cluster runs as postgres, who must enter it
    folder = Path(base) / "cluster"
    started = subprocess.run(["bash", str(SCRIPT), "start", str(folder)], capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"no PostgreSQL for the memory's tests: set {ENV}, or install PostgreSQL "
                    f"(Debian: apt-get install postgresql) so that {SCRIPT.name} can start one: "
                    f"{started.stderr.strip()[-500:]}")
    values = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.split("\n") if line)
    values = {k: v.strip("'") for k, v in values.items()}
    previous = os.environ.get("PGPASSWORD")
    os.environ["PGPASSWORD"] = values["PGPASSWORD"]
    try:
        yield values[ENV]
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True)
        if previous is None:
            os.environ.pop("PGPASSWORD", None)
        else:
            os.environ["PGPASSWORD"] = previous


def with_schema(url: str, schema: str) -> str:
    """The URL with its connections' search path set to ``schema`` (one fresh schema a test)."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={quote(f'-c search_path={schema}')}"


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty schema on the test server, as a URL."""
    import psycopg

    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(postgres_server, schema)
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def memory_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's memory is: an SQLite file, or a PostgreSQL schema (the test runs on both)."""
    if request.param == "sqlite":
        return str(tmp_path / "memory.sqlite")
    return request.getfixturevalue("postgres_url")


def tick(checklist: Path, marks: dict[str, str], by: str = "M. Huber", on: str = "02.03.2026",
         evidence: str = "Pressestelle, Anruf") -> None:
    """Set the Status (and who, when, Beleg) of the rows whose claim is a key of ``marks``
    (``"*"``: every other row), as an editor does in Excel."""
    import openpyxl

    wb = openpyxl.load_workbook(checklist)
    ws = wb.worksheets[0]
    header = {str(c.value): c.column for c in ws[1] if c.value}
    col = {key: next(v for h, v in header.items() if h.startswith(label))
           for key, label in (("claim", "Behauptung"), ("status", "Status"), ("by", "Geprüft von"),
                              ("on", "Datum"), ("evidence", "Beleg"))}
    for row in range(2, ws.max_row + 1):
        text = ws.cell(row=row, column=col["claim"]).value
        status = marks.get(text, marks.get("*"))
        if text is None or status is None:
            continue
        ws.cell(row=row, column=col["status"]).value = status
        ws.cell(row=row, column=col["by"]).value = by
        ws.cell(row=row, column=col["on"]).value = on
        ws.cell(row=row, column=col["evidence"]).value = evidence
    wb.save(checklist)


DAY_ONE = """---
title: "Brückensanierung in Lindach beginnt"
date: 2026-03-02
lang: de
---

Foto: Paul Weber/Lindacher Bote

Bürgermeisterin Anna Roth gab am Montag den Startschuss für die Sanierung der Lindacher Innbrücke. Die Arbeiten kosten rund 4 Millionen Euro und sollen 18 Monate dauern.

„Die Brücke ist das Herz unserer Gemeinde“, sagte Roth. Die Feier fand am Brückenkopf statt.

Bauleiter Thomas Gruber rechnet mit 40 Lastwagenfahrten pro Tag während der Sanierung der Innbrücke.
"""

DAY_TWO = """---
title: "Lindach: Erste Sperre an der Innbrücke"
date: 2026-03-09
lang: de
---

Foto: Paul Weber/Lindacher Bote

Seit Montag ist die Lindacher Innbrücke für Lastwagen gesperrt. Bürgermeisterin Anna Roth sagte, die Sanierung koste rund 4 Millionen Euro.

Oberbauleiter Thomas Gruber erwartet 55 Lastwagenfahrten pro Tag während der Sanierung der Innbrücke.

„Die Brücke ist das Herz unserer Gemeinde“, sagte Roth.
"""


def memory_columns(checklist: Path) -> dict[str, dict[str, object]]:
    """Claim text -> the row's cells under the memory's and the editor's headers (a workbook, or
    the CSV that extract --format csv writes)."""
    if checklist.suffix == ".csv":
        import csv

        with open(checklist, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
    else:
        import openpyxl

        ws = openpyxl.load_workbook(checklist).worksheets[0]
        table = [list(row) for row in ws.iter_rows(values_only=True)]
    header = [str(c) if c is not None else "" for c in table[0]]
    out: dict[str, dict[str, object]] = {}
    for row in table[1:]:
        cells = dict(zip(header, row))
        if cells.get("Behauptung"):
            out[str(cells["Behauptung"])] = cells
    return out


@pytest.fixture(autouse=True, scope="session")
def _no_user_memory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the developer's own memory (~/.local/share/claims)."""
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "CLAIMS_MEMORY")}
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("xdg-data"))
    os.environ.pop("CLAIMS_MEMORY", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value

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

"""Schema migrations: numbered SQL files in ``migrations/`` (``0001_initial.sql`` …), applied in
order, each once; ``schema_version`` holds one row per applied file. A memory written by a newer
claims (a version above ours) is refused rather than half understood."""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources
from typing import Any

from claims.errors import ClaimsError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@functools.cache
def migrations() -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """(version, file name, statements) of every migration shipped in the package, in order."""
    found = []
    for entry in resources.files("claims.memory").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match is None:
            continue
        text = "\n".join(line for line in entry.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("--"))
        statements = tuple(s.strip() for s in text.split(";") if s.strip())
        found.append((int(match.group(1)), entry.name, statements))
    found.sort()
    if [v for v, _, _ in found] != list(range(1, len(found) + 1)):
        raise AssertionError(f"migrations must be numbered 1, 2, 3 … without gaps: {[n for _, n, _ in found]}")
    return tuple(found)


LATEST = len(migrations())


def current_version(store: Any, cur: Any) -> int:
    """The schema version of the database (0: an empty one)."""
    if not store._has_table(cur, "schema_version"):
        return 0
    store.execute(cur, "SELECT MAX(version) FROM schema_version")
    row = cur.fetchone()
    return int(row[0] or 0) if row else 0


def upgrade(store: Any, target: int | None = None) -> int:
    """Apply the migrations the database lacks, up to ``target`` (default: all); returns the
    version now. Two programs opening a new memory at once: one migrates, the other waits for
    it and then finds nothing to do."""
    target = LATEST if target is None else target
    with store.transaction(write=False) as cur:
        version = current_version(store, cur)
    if version > LATEST:
        raise ClaimsError(f"the memory has schema version {version}; this claims knows up to {LATEST}: "
                          f"upgrade claims", store.where)
    if version >= target:
        return version
    with store.transaction() as cur:
        store._lock_migrations(cur)
        store.execute(cur, "CREATE TABLE IF NOT EXISTS schema_version "
                           "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        version = current_version(store, cur)  # again, under the lock: another may have been first
        for number, name, statements in migrations():
            if version < number <= target:
                for statement in statements:
                    store.execute(cur, statement)
                store.execute(cur, "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                              [number, name, dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()])
                version = number
    return version

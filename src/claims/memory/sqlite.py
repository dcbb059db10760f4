"""The memory in an SQLite file (the standard library's driver): the default, one file per
desk or per user. Writers wait for each other (WAL journal, a busy timeout) instead of failing;
one that waits longer than ``CLAIMS_MEMORY_TIMEOUT`` seconds (default 10) gets a clear error."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from claims.memory.store import MemoryUnavailable, Store


def timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("CLAIMS_MEMORY_TIMEOUT", "10")))
    except ValueError:
        return 10.0


class SqliteStore(Store):
    placeholder = "?"
    dialect = "sqlite"

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self.where = str(self.path)
        self.create = create

    def _connect(self) -> Any:
        if not self.path.exists():
            if not self.create:
                raise MemoryUnavailable("no memory here yet (record one with `claims memory add CHECKLIST`)",
                                        self.path)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise MemoryUnavailable(f"cannot make the memory's folder: {exc.strerror or exc}",
                                        self.path.parent) from None
        # autocommit mode: transactions are begun by us (BEGIN IMMEDIATE for writes)
        conn = sqlite3.connect(self.path, timeout=timeout(), isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout() * 1000)}")
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                _to_wal(conn)  # readers never block the writer
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _begin_write(self, cur: Any) -> None:
        cur.execute("BEGIN IMMEDIATE")  # the write lock now, not at the first write: no deadlock

    def _lock_migrations(self, cur: Any) -> None:
        pass  # BEGIN IMMEDIATE already holds the one write lock

    def transaction(self, write: bool = True) -> Any:
        if not write:
            return _ReadOnly(self)
        return super().transaction(write)

    def _has_table(self, cur: Any, name: str) -> bool:
        cur.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return cur.fetchone() is not None

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.Error,)

    def _explain(self, exc: BaseException, doing: str) -> MemoryUnavailable | None:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return MemoryUnavailable(f"the memory is locked by another program (waited {timeout():g} s; "
                                     f"CLAIMS_MEMORY_TIMEOUT sets how long)", self.path)
        if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text):
            return MemoryUnavailable(f"not an SQLite memory, or a damaged one ({text})", self.path)
        if isinstance(exc, sqlite3.OperationalError):
            return MemoryUnavailable(f"cannot use the memory: {text}", self.path)
        return None


class _ReadOnly:
    """A read in autocommit mode: each statement sees the last committed state; nothing to end."""

    def __init__(self, store: SqliteStore) -> None:
        self.store = store

    def __enter__(self) -> Any:
        self.cur = self.store.conn.cursor()
        return self.cur

    def __exit__(self, *exc: Any) -> None:
        self.cur.close()


def _to_wal(conn: sqlite3.Connection) -> None:
    """Switch a new file to the WAL journal. SQLite answers "locked" at once, without waiting,
    while another program switches the same new file: so we wait here, up to the timeout."""
    import time

    deadline = time.monotonic() + timeout()
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)

"""The memory on a PostgreSQL server (psycopg 3, ``pip install 'claims[postgres]'``): one memory
a desk shares. The URL names server, database and user; the password comes from libpq's own
places (``PGPASSWORD``, ``~/.pgpass``), never from a claims.toml that sits in a repository."""

from __future__ import annotations

import os
from typing import Any

from claims.memory.store import MemoryUnavailable, Store

# one number for the migration lock, the same on every desk: claims' memory (any 64-bit value)
_MIGRATION_LOCK = 0x636C61696D73


def redact(url: str) -> str:
    """The URL without a password in it, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=user + host))


class PostgresStore(Store):
    placeholder = "%s"
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.where = redact(url)

    def _connect(self) -> Any:
        try:
            import psycopg
        except ImportError:
            raise MemoryUnavailable("a PostgreSQL memory needs psycopg: pip install 'claims[postgres]'",
                                    self.where) from None
        try:
            seconds = max(1, int(float(os.environ.get("CLAIMS_MEMORY_TIMEOUT", "10"))))
        except ValueError:
            seconds = 10
        return psycopg.connect(self.url, connect_timeout=seconds, autocommit=False,
                               application_name="claims")

    def _begin_write(self, cur: Any) -> None:
        pass  # psycopg begins a transaction at the first statement

    def _lock_migrations(self, cur: Any) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))

    def _has_table(self, cur: Any, name: str) -> bool:
        cur.execute("SELECT to_regclass(%s) IS NOT NULL", (name,))
        return bool(cur.fetchone()[0])

    def _errors(self) -> tuple[type[BaseException], ...]:
        import psycopg

        return (psycopg.Error,)

    def _explain(self, exc: BaseException, doing: str) -> MemoryUnavailable | None:
        import psycopg

        text = " ".join(str(exc).split())
        if isinstance(exc, psycopg.OperationalError):
            return MemoryUnavailable(f"cannot reach the memory's server: {text}", self.where)
        if isinstance(exc, psycopg.errors.InsufficientPrivilege):
            return MemoryUnavailable(f"the memory's server refuses: {text}", self.where)
        if isinstance(exc, psycopg.Error):
            return MemoryUnavailable(f"the memory's server reports: {text}", self.where)
        return None

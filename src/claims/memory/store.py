"""The store interface: what the memory keeps (a :class:`Verification`) and the SQL both
databases share. The two drivers (:mod:`.sqlite`, :mod:`.postgres`) only connect, lock and
say what their errors mean; every query is here, written once in SQL both understand."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel, ConfigDict

from claims.errors import ClaimsError
from claims.memory import migrate

# the columns of a verification, in the order of the table (schema 2)
COLUMNS: tuple[str, ...] = (
    "id", "kind", "fact_key", "subject_key", "context", "status", "checked_by", "checked_on",
    "verified_on", "evidence", "note", "claim_id", "claim_text", "sentence", "value", "lang",
    "article", "article_title", "article_date", "article_sha256", "checklist", "recorded_at",
    "search_text",
)
PER_KEY = 200  # verifications read per fact or subject at most, the newest first
# what a new recording of the same row (same article, claim and fact) replaces
_UPDATED = tuple(c for c in COLUMNS if c not in ("id", "article", "claim_id", "fact_key"))


class MemoryUnavailable(ClaimsError):
    """The memory's database cannot be reached, opened or written (exit 2 on record)."""


class Verification(BaseModel):
    """One verification: what a desk found about one fact, with where it was checked."""

    model_config = ConfigDict(defer_build=True)  # built when a memory is read, not when imported

    id: str = ""
    kind: str
    fact_key: str
    subject_key: str | None = None
    context: str | None = None  # the sentence's content words (keys.context_words), space-separated; None before schema 2
    status: str  # confirmed, corrected, wrong
    checked_by: str | None = None
    checked_on: str | None = None  # as the editor typed it (an ISO date when it was a date)
    verified_on: str  # ISO date: the editor's date, else the day it was recorded
    evidence: str | None = None
    note: str | None = None
    claim_id: str
    claim_text: str
    sentence: str = ""
    value: str | None = None  # the claim's value as JSON
    lang: str | None = None
    article: str
    article_title: str | None = None
    article_date: str | None = None
    article_sha256: str | None = None
    checklist: str | None = None
    recorded_at: str = ""
    search_text: str = ""

    def age_days(self, today: dt.date | None = None) -> int:
        try:
            day = dt.date.fromisoformat(self.verified_on[:10])
        except ValueError:
            return 0
        return ((today or dt.date.today()) - day).days


def _row(row: Sequence[Any]) -> Verification:
    """A row read back from our own table: its columns are what ``record`` wrote from a validated
    Verification, so it is not validated again (validating builds pydantic's validators, the
    largest part of what recall cost a cold `claims extract`)."""
    return Verification.model_construct(**dict(zip(COLUMNS, row, strict=True)))


def new_id() -> str:
    """A short ID to type (`claims memory show m3fa2b1c9d0`); random, so two desks never collide."""
    return "m" + secrets.token_hex(5)


class Store:
    """A memory on an SQL database. Subclasses set ``placeholder`` and implement
    :meth:`_connect`, :meth:`_begin_write` and :meth:`_explain` (the driver's errors in words)."""

    placeholder = "?"
    dialect = "sqlite"
    where = ""  # the database, for messages (a path, or a URL without its password)

    def __init__(self) -> None:
        self.conn: Any = None

    # ---------------------------------------------------------------- driver hooks

    def _connect(self) -> Any:  # pragma: no cover - every driver has its own
        raise NotImplementedError

    def _begin_write(self, cur: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def _lock_migrations(self, cur: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def _explain(self, exc: BaseException, doing: str) -> MemoryUnavailable | None:  # pragma: no cover
        raise NotImplementedError

    def _errors(self) -> tuple[type[BaseException], ...]:  # pragma: no cover
        raise NotImplementedError

    # ---------------------------------------------------------------- plumbing

    def _sql(self, text: str) -> str:
        return text.replace("?", self.placeholder) if self.placeholder != "?" else text

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        try:
            yield
        except self._errors() as exc:
            explained = self._explain(exc, doing)
            if explained is None:
                raise
            raise explained from None

    def open(self) -> Store:
        """Connect and bring the schema up to date (every migration not yet applied)."""
        with self._guard("open"):
            self.conn = self._connect()
            migrate.upgrade(self)
        return self

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None

    def __enter__(self) -> Store:
        return self.open() if self.conn is None else self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Any]:
        cur = self.conn.cursor()
        try:
            if write:
                self._begin_write(cur)
            yield cur
            self.conn.commit()
        except BaseException:
            try:
                self.conn.rollback()
            except Exception:  # the connection is gone: the error that made us roll back says why
                pass
            raise
        finally:
            cur.close()

    def execute(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        return cur.execute(self._sql(sql), tuple(params))

    # ---------------------------------------------------------------- the memory

    def schema_version(self) -> int:
        with self._guard("read"), self.transaction(write=False) as cur:
            return migrate.current_version(self, cur)

    def record(self, verifications: Iterable[Verification]) -> int:
        """Add verifications in one transaction; the same row recorded again (same article,
        claim and fact) is updated in place. Returns how many were written."""
        rows = list(verifications)
        if not rows:
            return 0
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        columns = ", ".join(COLUMNS)
        marks = ", ".join("?" for _ in COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _UPDATED)
        sql = (f"INSERT INTO verifications ({columns}) VALUES ({marks}) "
               f"ON CONFLICT (article, claim_id, fact_key) DO UPDATE SET {updates}")
        params = []
        for row in rows:
            data = row.model_dump()
            data["id"] = data["id"] or new_id()
            data["recorded_at"] = data["recorded_at"] or now
            params.append(tuple(data[c] for c in COLUMNS))
        with self._guard("record"), self.transaction() as cur:
            cur.executemany(self._sql(sql), params)  # psycopg pipelines these: one round trip, not one a row
        return len(rows)

    def _select(self, where: str, params: Sequence[Any], tail: str = "") -> list[Verification]:
        with self._guard("read"), self.transaction(write=False) as cur:
            self.execute(cur, f"SELECT {', '.join(COLUMNS)} FROM verifications WHERE {where} {tail}", params)
            return [_row(row) for row in cur.fetchall()]

    def lookup(self, fact_keys: Iterable[str], subject_keys: Iterable[str] = (),
               per_key: int = PER_KEY) -> list[Verification]:
        """The verifications of these facts or subjects, the newest ``per_key`` of each key (a
        year like 2025 is a fact of thousands of rows: recall needs the recent ones, not all)."""
        facts = sorted(set(fact_keys))
        subjects = sorted(set(subject_keys))
        found: dict[str, Verification] = {}
        columns = ", ".join(COLUMNS)
        for column, keys in (("fact_key", facts), ("subject_key", subjects)):
            for start in range(0, len(keys), 500):  # within every driver's parameter limit
                chunk = keys[start:start + 500]
                if not chunk:
                    continue
                marks = ", ".join("?" for _ in chunk)
                sql = (f"SELECT {columns} FROM (SELECT {columns}, ROW_NUMBER() OVER (PARTITION BY {column} "
                       f"ORDER BY verified_on DESC, recorded_at DESC) AS nth FROM verifications "
                       f"WHERE {column} IN ({marks})) AS newest WHERE nth <= {int(per_key)}")
                with self._guard("read"), self.transaction(write=False) as cur:
                    self.execute(cur, sql, chunk)
                    for row in cur.fetchall():
                        found[row[0]] = _row(row)
        return list(found.values())

    def search(self, text: str, limit: int = 50) -> list[Verification]:
        """Verifications whose claim, sentence, value or article holds ``text`` (any case)."""
        needle = " ".join(text.split()).casefold()
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return self._select("search_text LIKE ? ESCAPE '\\'", [f"%{escaped}%"],
                            f"ORDER BY verified_on DESC, recorded_at DESC LIMIT {int(limit)}")

    def get(self, verification_id: str) -> Verification | None:
        rows = self._select("id = ?", [verification_id])
        return rows[0] if rows else None

    def forget(self, verification_id: str) -> bool:
        with self._guard("record"), self.transaction() as cur:
            self.execute(cur, "DELETE FROM verifications WHERE id = ?", [verification_id])
            return bool(cur.rowcount)

    def count(self) -> int:
        with self._guard("read"), self.transaction(write=False) as cur:
            self.execute(cur, "SELECT COUNT(*) FROM verifications")
            return int(cur.fetchone()[0])

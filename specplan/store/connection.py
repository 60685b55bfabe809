"""Connections to plan files: the pragmas every connection needs, and explicit transactions.

Python's sqlite3 driver opens transactions implicitly and runs DDL outside them; here the
driver is in autocommit mode (``isolation_level=None``) and every transaction is an explicit
``BEGIN`` (``BEGIN IMMEDIATE`` to write, so a save never meets a writer half-way) that SQLAlchemy
commits or rolls back. The rollback journal (not WAL, which is unsafe on network drives) with
``synchronous=FULL`` makes each commit atomic and durable even if the process is killed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_SECONDS = 10.0


def connect(path: Path, *, writable: bool) -> sqlite3.Connection:
    """A configured sqlite3 connection; read-only connections can never write the file."""
    if writable:
        raw = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    else:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        raw = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        for pragma in ("foreign_keys = ON",  # off by default in SQLite, per connection
                       "trusted_schema = OFF",  # a hostile file's views and triggers call no functions
                       "cell_size_check = ON"):  # detect more corruption, sooner
            raw.execute(f"PRAGMA {pragma}")
        if writable:
            raw.execute("PRAGMA journal_mode = DELETE").fetchall()
            raw.execute("PRAGMA synchronous = FULL")
        else:
            raw.execute("PRAGMA query_only = ON")
    except BaseException:
        raw.close()
        raise
    return raw


def pragma_int(raw: sqlite3.Connection, name: str) -> int:
    """The value of an integer pragma such as ``user_version``."""
    return int(raw.execute(f"PRAGMA {name}").fetchone()[0])


class Database:
    """One open plan file: the sqlite3 connection and a SQLAlchemy engine over it."""

    def __init__(self, raw: sqlite3.Connection, *, writable: bool):
        self.raw = raw
        self.writable = writable
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """Made on first use: reading a plan needs only the driver."""
        if self._engine is None:
            raw = self.raw
            self._engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
            begin = "BEGIN IMMEDIATE" if self.writable else "BEGIN"
            event.listen(self._engine, "begin", lambda conn: conn.exec_driver_sql(begin))
        return self._engine

    @classmethod
    def open(cls, path: Path, *, writable: bool) -> Database:
        return cls(connect(path, writable=writable), writable=writable)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One explicit transaction: committed if the block ends normally, else rolled back."""
        conn = self.engine.connect()
        try:
            with conn.begin():
                yield conn
        except BaseException:
            # A failed COMMIT (disk full, I/O error) can leave the transaction open: end it,
            # so the journal puts every page back.
            if self.raw.in_transaction:
                try:
                    self.raw.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolls a hot journal back when the file is next opened
            raise
        finally:
            conn.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self.raw.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

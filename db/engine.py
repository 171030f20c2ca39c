"""Engine and session setup for the station's SQLite database.

With a key, the file is a SQLCipher database: every page is encrypted
(AES-256) and authenticated (HMAC) with a raw 32-byte key, so no key
derivation runs when a connection opens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db import sqlite_pragmas
from db.dbapi import BUSY_TIMEOUT_MS, cipher_module, connect

__all__ = ["BUSY_TIMEOUT_MS", "Database", "cipher_module", "connect"]


def _make_engine(path: Path, *, immediate: bool, key: bytes | None = None) -> Engine:
    connect_args = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    # hide_parameters: an error's text (which may reach a log file) never
    # carries the values of a statement, such as a citizen's name or ID number.
    if key is None:
        engine = create_engine(f"sqlite:///{path}", connect_args=connect_args, hide_parameters=True)
    else:
        engine = create_engine(
            f"sqlite:///{path}",
            module=cipher_module(),
            creator=lambda: connect(path, key, **connect_args),
            hide_parameters=True,
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # pysqlite's own transaction handling defers BEGIN past the first
        # SELECT; we issue BEGIN ourselves so writes take the lock up front.
        dbapi_conn.isolation_level = None
        sqlite_pragmas.apply(dbapi_conn, busy_timeout_ms=BUSY_TIMEOUT_MS)

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine


class Database:
    """One station database file, with a writer and a reader engine.

    Writes start with BEGIN IMMEDIATE so two processes (the window and a CLI
    command, or the sync worker) never deadlock on a lock upgrade; reads use
    plain deferred transactions and never wait for writers in WAL mode.
    """

    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = Path(path)
        self.key = key
        self.writer = _make_engine(self.path, immediate=True, key=key)
        self.reader = _make_engine(self.path, immediate=False, key=key)
        self._write_sessions = sessionmaker(self.writer, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.reader, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        with self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read transaction without an ORM session, for prebuilt Core statements."""
        with self.reader.connect() as conn, conn.begin():
            yield conn

    def connect(self, **kwargs) -> sqlite3.Connection:
        """A raw DB-API connection to this file, with the key applied."""
        return connect(self.path, self.key, **kwargs)

    def dispose(self) -> None:
        self.writer.dispose()
        self.reader.dispose()

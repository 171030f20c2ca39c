"""Engines, sessions and schema migrations for the server database.

SQLite (one district on one machine) and PostgreSQL (a province) run the same
code. On SQLite, transactions that write start with ``BEGIN IMMEDIATE`` so two
requests never deadlock upgrading a read lock to a write lock; read-only
requests use a second engine with plain deferred transactions, which in WAL
mode never wait for a writer. SQLite admits one writer at a time anyway, so
the server's own writers queue on a lock in the process: a writer that finds
the database busy would otherwise sleep in SQLite's busy handler (1, 2, 5,
10 … ms) however soon the lock is free. The busy timeout still covers other
processes (``python -m server admin``).

Durability: a committed write survives a crash of the server process on
either back-end. Surviving a power cut or a crash of the operating system is
the default too: SQLite commits with ``synchronous=FULL`` (in WAL mode that is
one flush of the WAL per commit) and PostgreSQL with ``synchronous_commit``
on. Writes whose loss after such a crash only costs a retry (an upload's
offset, a new upload the station will simply create again) ask for
``write(durable=False)``: ``synchronous=NORMAL`` on SQLite, whose WAL stays
consistent and only the newest commits can roll back, and
``synchronous_commit = off`` on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from db import sqlite_pragmas

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "motcua_server_version"
SQLITE_BUSY_MS = 30_000
# Execution option naming the SQLite ``synchronous`` level of a write.
SYNC_OPTION = "motcua_synchronous"


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
        pool_size=8,
        max_overflow=16,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        # Let us issue BEGIN ourselves; pysqlite would defer it past SELECTs.
        dbapi_conn.isolation_level = None
        sqlite_pragmas.apply(dbapi_conn, busy_timeout_ms=SQLITE_BUSY_MS)
        record.info[SYNC_OPTION] = sqlite_pragmas.SYNCHRONOUS

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if immediate:
            # The level cannot change inside a transaction: set it first.
            wanted = conn.get_execution_options().get(SYNC_OPTION, sqlite_pragmas.SYNCHRONOUS)
            info = conn.connection.info
            if info.get(SYNC_OPTION) != wanted:
                conn.exec_driver_sql(f"PRAGMA synchronous={wanted}")
                info[SYNC_OPTION] = wanted
        conn.exec_driver_sql(begin)

    return engine


def normalise_url(url: str) -> str:
    """Plain ``postgresql://`` URLs mean psycopg 3, the driver the server ships with."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Database:
    """The server's database: a writer engine and (on SQLite) a reader engine."""

    def __init__(self, url: str) -> None:
        url = normalise_url(url)
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.engine = _sqlite_engine(url, immediate=True)
            self.read_engine = _sqlite_engine(url, immediate=False)
        else:
            self.engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
            self.read_engine = self.engine
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._lossy_writer = sessionmaker(
            self.engine.execution_options(**{SYNC_OPTION: "NORMAL"}), expire_on_commit=False
        )
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        # Re-entrant, so a thread that nests writes still gets SQLite's own
        # "database is locked" after the busy timeout rather than hanging.
        self._write_lock = threading.RLock() if self.is_sqlite else None

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[Session]:
        """A session committed at the end of the block, or rolled back on error.

        ``durable=False`` is for writes whose loss in a power cut costs only a
        retry; the commit then does not wait for the disk (see the module
        docstring). Either way the commit survives a crash of the server.
        """
        if self._write_lock is None:
            with self._writer() as session, session.begin():
                if not durable:
                    session.execute(text("SET LOCAL synchronous_commit = off"))
                yield session
            return
        maker = self._writer if durable else self._lossy_writer
        with self._write_lock, maker() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def read_rows(self) -> Iterator[Connection]:
        """A bare connection for a read-only lookup of plain rows, as on every request.

        Lighter than :meth:`read` (no ORM session); the transaction ends, rolled
        back, when the block does.
        """
        with self.read_engine.connect() as conn:
            yield conn

    def ping(self) -> bool:
        try:
            with self.read_engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False
        return True

    def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()

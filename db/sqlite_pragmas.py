"""The SQLite settings every connection gets, at the station and at the server alike.

``synchronous=FULL`` on both sides. In WAL mode ``NORMAL`` keeps the file
intact on a power cut but may lose the last commits; at the counter that
would be a dossier whose receipt the citizen already holds, and the next
intake would hand out its code again. FULL costs one more fsync per commit,
which a counter receiving a dossier every few minutes never notices. The
server lowers it per write only where a lost write costs a re-send (see
``server.db``).
"""

from __future__ import annotations

import sqlite3

SYNCHRONOUS = "FULL"


def apply(dbapi_conn: sqlite3.Connection, *, busy_timeout_ms: int) -> None:
    """WAL, foreign keys, a busy wait and durable commits, on a fresh connection."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
    finally:
        cur.close()

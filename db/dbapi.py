"""Opening a station database file as a plain DB-API connection, keyed.

Apart from the engine so that a one-shot read (the command line's look-up by
code) can open the file without importing SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# How long a connection waits for another process's write lock.
BUSY_TIMEOUT_MS = 10_000


def cipher_module():
    """The SQLCipher DB-API module (same interface as the standard sqlite3)."""
    from sqlcipher3 import dbapi2

    return dbapi2


def connect(path: Path, key: bytes | None, **kwargs) -> sqlite3.Connection:
    """A DB-API connection to ``path``, keyed before anything reads the file."""
    if key is None:
        return sqlite3.connect(path, **kwargs)
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    conn = cipher_module().connect(str(path), **kwargs)
    # A raw key (x'...') skips SQLCipher's passphrase key derivation.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn

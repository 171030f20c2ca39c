"""Moving a plain station database to SQLCipher, in place and crash-safe.

Export to an encrypted copy, verify the copy (integrity and row counts),
then swap; the plain file is kept only until the copy has verified and is
shredded afterwards. A crash at any point leaves either the plain database
or the verified encrypted one at the usual path.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path

from app.protect import hygiene
from db import engine as db_engine

log = logging.getLogger("motcua.protect")

SQLITE_HEADER = b"SQLite format 3\x00"


def is_plaintext(path: Path) -> bool:
    """True for a plain SQLite file (SQLCipher files start with random salt)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _tables(conn) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]


def row_counts(conn) -> dict[str, int]:
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]


def recover_interrupted(path: Path) -> None:
    """Finish or undo an encryption that a crash interrupted."""
    old = path.with_name(path.name + ".plain-old")
    tmp = path.with_name(path.name + ".encrypting")
    if old.exists():
        if path.exists():
            hygiene.shred(old)  # the swap happened; only the shredding was left
        else:
            os.replace(old, path)  # crashed between the two renames: plain is back
    if tmp.exists():
        hygiene.shred(tmp)
    # A restore killed before its final rename (app.backup.archive) left its copy.
    restoring = path.with_name(path.name + ".restoring")
    if restoring.exists():
        hygiene.shred(restoring)


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Turn the plain SQLite file at ``path`` into a SQLCipher file with ``key``."""
    recover_interrupted(path)
    tmp = path.with_name(path.name + ".encrypting")
    old = path.with_name(path.name + ".plain-old")
    plain = sqlite3.connect(path, isolation_level=None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = row_counts(plain)
    finally:
        plain.close()
    cipher = db_engine.cipher_module()
    conn = cipher.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(tmp),))
        conn.execute("SELECT sqlcipher_export('enc')")
        user_version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA enc.user_version = {int(user_version)}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    hygiene.private_file(tmp)
    check = db_engine.connect(tmp, key, isolation_level=None)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        same = row_counts(check) == counts
    finally:
        check.close()
    if not (ok and same):
        hygiene.shred(tmp)
        raise OSError("the encrypted copy did not verify; the plain database is unchanged")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(path, old)
    os.replace(tmp, path)
    hygiene.fsync_dir(path.parent)
    for side in _sidecars(path):
        with contextlib.suppress(FileNotFoundError):
            hygiene.shred(side)
    hygiene.shred(old)
    log.info("station database encrypted in place")


def encrypt_plain_copies(folder: Path, key: bytes) -> int:
    """Encrypt plain copies left in ``folder`` (older pre-upgrade backups)."""
    done = 0
    if not folder.is_dir():
        return 0
    for copy in sorted(folder.glob("*.sqlite3")):
        if is_plaintext(copy):
            encrypt_in_place(copy, key)
            done += 1
    return done

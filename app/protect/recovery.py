"""Bringing a station's data key back after the operating system lost it."""

from __future__ import annotations

from pathlib import Path

from app.protect import atrest, keys
from db import engine as db_engine


def key_opens(path: Path, key: bytes) -> bool:
    """True when ``key`` decrypts the SQLCipher file at ``path``."""
    try:
        conn = db_engine.connect(path, key, isolation_level=None)
    except db_engine.cipher_module().Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except db_engine.cipher_module().Error:
        return False
    finally:
        conn.close()


def restore_from_code(
    data_dir: Path, db_path: Path, code: str, stores: list[keys.KeyStore] | None = None
) -> str:
    """Check the printed recovery code against the folder's data and keep the key again."""
    return restore_key(data_dir, db_path, keys.key_from_code(code), stores)


def restore_key(
    data_dir: Path, db_path: Path, key: bytes, stores: list[keys.KeyStore] | None = None
) -> str:
    """Keep ``key`` again once it is shown to be this folder's; returns the store.

    A folder with no database yet (a new PC about to restore a backup)
    takes the key as given; otherwise the key must open the database, and
    must match the check value in ``key.json`` when that survived.
    """
    try:
        record = keys.read_record(data_dir)
    except Exception:  # noqa: BLE001 - an unreadable record is replaced below
        record = None
    if record is not None and record.get("check") not in (None, keys.check_value(key)):
        raise keys.wrong_key()
    path = db_path
    has_data = path.exists() and path.stat().st_size > 0 and not atrest.is_plaintext(path)
    if has_data and not key_opens(path, key):
        raise keys.wrong_key()
    keys.forget_cached(data_dir)
    return keys.store_key(data_dir, key, stores)

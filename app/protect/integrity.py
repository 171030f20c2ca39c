"""Checking the station database's pages: quickly after start-up, fully once a day."""

from __future__ import annotations

from db import engine as db_engine
from db.engine import Database


def check(db: Database, *, full: bool = False) -> str | None:
    """None when every page reads back whole; otherwise what SQLite found.

    ``quick_check`` walks every page but skips the index-content comparison;
    the full check adds that and SQLCipher's per-page authentication check.
    """
    cipher = db_engine.cipher_module()
    conn = db.connect(isolation_level=None)
    try:
        pragmas = ["cipher_integrity_check", "integrity_check"] if full else ["quick_check"]
        for pragma in pragmas:
            if pragma == "cipher_integrity_check" and db.key is None:
                continue
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            if pragma == "cipher_integrity_check" and rows:
                return "; ".join(rows[:3])
            if pragma != "cipher_integrity_check" and rows != ["ok"]:
                return "; ".join(rows[:3])
        return None
    except (cipher.Error, OSError) as exc:
        return str(exc)
    finally:
        conn.close()

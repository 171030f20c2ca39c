"""A damaged page is found: by the check, and in the window once it is up."""

from __future__ import annotations

from app.dossiers import intake as intake_uc
from app.protect import integrity
from tests.conftest import INTAKE


def scramble_a_page(db) -> None:
    """Flip bytes in the middle of a data page, as a failing disk would."""
    conn = db.connect(isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.close()
    with open(db.path, "r+b") as fh:
        fh.seek(page * (pages // 2) + 100)
        fh.write(b"\x00" * 64)


def test_the_check_finds_a_scrambled_page(db, clerk, fixed_now):
    for _ in range(20):
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    assert integrity.check(db) is None
    assert integrity.check(db, full=True) is None
    db.dispose()
    scramble_a_page(db)
    assert integrity.check(db) is not None
    assert integrity.check(db, full=True) is not None

"""How a backup copies the live database: one consistent snapshot, checked before it is kept."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.backup import archive
from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.protect import atrest
from tests.conftest import INTAKE


@pytest.fixture
def served(db, clerk, fixed_now):
    for _ in range(3):
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    return db


def _dossiers(db) -> int:
    conn = db.connect()
    try:
        return conn.execute("SELECT count(*) FROM dossier").fetchone()[0]
    finally:
        conn.close()


def test_a_dossier_received_during_the_copy_is_neither_copied_nor_counted(
    served, data_dir, tmp_path, clerk, fixed_now, monkeypatch
):
    db = served
    real_counts = atrest.row_counts
    calls = []

    def counts_then_a_clerk_receives(conn):
        counted = real_counts(conn)
        if not calls:  # the live counts: the copy has not started yet
            intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
        calls.append(counted)
        return counted

    monkeypatch.setattr(atrest, "row_counts", counts_then_a_clerk_receives)
    made = archive.make_backup(db, data_dir, tmp_path / "usb")
    monkeypatch.undo()

    assert made.rows["dossier"] == 3  # the snapshot the copy was taken from
    assert _dossiers(db) == 4  # the intake itself went through
    check = archive.verify_backup(Path(made.file), db.key)
    assert check.ok and check.rows["dossier"] == 3


def test_a_copy_that_does_not_verify_is_thrown_away(served, data_dir, tmp_path, monkeypatch):
    db = served
    real_copy = archive._copy_consistent

    def copy_then_damage(db_, tmp: Path):
        rows = real_copy(db_, tmp)
        data = bytearray(tmp.read_bytes())
        data[len(data) // 2] ^= 0x40  # one bit of one page, as a failing disk would
        tmp.write_bytes(bytes(data))
        return rows

    monkeypatch.setattr(archive, "_copy_consistent", copy_then_damage)
    usb = tmp_path / "usb"
    with pytest.raises(DomainError) as err:
        archive.make_backup(db, data_dir, usb)
    assert err.value.code == "backup_unverified"
    assert list(usb.iterdir()) == []  # no backup, no partial file, no manifest


def test_the_copy_is_private_and_read_with_a_large_page_cache(
    served, data_dir, tmp_path, monkeypatch
):
    # Both read every page; with the default cache SQLCipher decrypts the same
    # index pages again and again (see CHECK_CACHE_KIB).
    sizes, modes = [], []
    real_rows = atrest.row_counts
    usb = tmp_path / "usb"

    def rows_with_cache(conn):
        sizes.append(conn.execute("PRAGMA cache_size").fetchone()[0])
        modes.extend(stat.S_IMODE(p.stat().st_mode) for p in usb.glob(".partial-*"))
        return real_rows(conn)

    monkeypatch.setattr(atrest, "row_counts", rows_with_cache)
    archive.make_backup(served, data_dir, usb)
    # Once on the live database (the copy's counts), once on the copy (its check).
    assert sizes == [-archive.CHECK_CACHE_KIB, -archive.CHECK_CACHE_KIB]
    # The copy being written is the station's user's only, from its first byte,
    # and (a rollback-mode file) gets no -wal or -shm beside it when checked.
    assert modes == [0o600, 0o600]

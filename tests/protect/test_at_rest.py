"""The station database on disk: encrypted, private, and moved from plain in place."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.infra import datadir
from app.infra.storage import open_database
from app.protect import atrest, keys
from db import migrate
from tests.conftest import INTAKE
from tests.protect.conftest import files_holding_secrets


def test_no_file_in_the_data_folder_holds_an_applicant_in_clear(db, data_dir, clerk, fixed_now):
    dossier = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    # While the window is open the newest pages sit in the WAL: grep it too.
    assert (data_dir / f"{datadir.DB_NAME}-wal").exists()
    assert files_holding_secrets(data_dir) == []
    assert lookup.lookup(db, clerk, INTAKE["applicant"]["id_number"]).items[0].code == dossier.code
    assert not atrest.is_plaintext(db.path)
    for path in data_dir.iterdir():
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_the_database_does_not_open_without_its_key(db, data_dir):
    db.dispose()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    from db.engine import cipher_module, connect

    with pytest.raises(cipher_module().DatabaseError):
        connect(db.path, bytes(32)).execute("SELECT count(*) FROM sqlite_master").fetchone()


def _plain_station(data_dir: Path) -> Path:
    """A plain database as an older version left it, with one applicant."""
    data_dir.mkdir(parents=True)
    path = datadir.db_path(data_dir)
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        from alembic import command

        command.upgrade(cfg, "head")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO applicant (id, uuid, kind, id_number, full_name, updated_at) VALUES "
        "(1, 'a-1', 'person', ?, ?, '2026-01-05 08:00:00')",
        (INTAKE["applicant"]["id_number"], INTAKE["applicant"]["full_name"]),
    )
    conn.commit()
    conn.close()
    os.chmod(path, 0o644)
    return path


def test_a_plain_database_is_encrypted_in_place_on_upgrade(tmp_path: Path):
    data_dir = tmp_path / "old"
    path = _plain_station(data_dir)
    assert files_holding_secrets(data_dir)
    db = open_database(data_dir)
    try:
        assert not atrest.is_plaintext(path)
        with db.read() as session:
            name = session.execute(
                __import__("sqlalchemy").text("SELECT full_name FROM applicant")
            ).scalar()
        assert name == INTAKE["applicant"]["full_name"]
    finally:
        db.dispose()
    assert files_holding_secrets(data_dir) == []
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(
        [datadir.DB_NAME, keys.RECORD_NAME, keys.FILE_KEY_NAME]
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_crash_between_the_two_renames_brings_the_plain_file_back(tmp_path: Path):
    data_dir = tmp_path / "old"
    path = _plain_station(data_dir)
    os.replace(path, path.with_name(path.name + ".plain-old"))
    path.with_name(path.name + ".encrypting").write_bytes(os.urandom(4096))
    db = open_database(data_dir)
    try:
        with db.read() as session:
            count = session.execute(
                __import__("sqlalchemy").text("SELECT count(*) FROM applicant")
            ).scalar()
        assert count == 1
    finally:
        db.dispose()
    assert files_holding_secrets(data_dir) == []
    assert not path.with_name(path.name + ".plain-old").exists()
    assert not path.with_name(path.name + ".encrypting").exists()


def test_an_encrypted_file_without_its_key_record_is_not_opened_as_new(db, data_dir: Path):
    db.dispose()
    (data_dir / keys.RECORD_NAME).unlink()
    keys.forget_cached()
    with pytest.raises(DomainError) as err:
        open_database(data_dir)
    assert err.value.code == "key_lost"

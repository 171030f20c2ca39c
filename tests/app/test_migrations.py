from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from app.dossiers import lookup
from app.infra import datadir
from app.infra.storage import connect_file, open_database
from app.office.auth import Actor
from db import migrate
from db.models import Base


def _make_first_release_database(data_dir: Path) -> Path:
    """A database as the first migration left it, holding a dossier."""
    data_dir.mkdir(parents=True)
    path = datadir.db_path(data_dir)
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO office (id, agency_code, name) VALUES (1, '000.00.24.H47', 'UBND xã Tân Lập');
        INSERT INTO station (id, office_id, number, sequence_start, sequence_end, is_local)
            VALUES (1, 1, 1, 1, 1000, 1);
        INSERT INTO officer (id, username, full_name, role, password_hash, active, failed_logins)
            VALUES (1, 'admin', 'Quản trị', 'admin', 'x', 1, 0);
        INSERT INTO procedure (id, code, name, name_folded, processing_value, processing_unit,
            next_day_after_cutoff, fee_amount, fee_set_by, fee_edited, verified, unverified, active)
            VALUES (1, '1.001193', 'Đăng ký khai sinh', 'dang ky khai sinh', 1, 'working_days',
            1, 0, 'none', 0, 1, '[]', 1);
        INSERT INTO applicant (id, uuid, kind, id_number, full_name, updated_at)
            VALUES (1, 'a-1', 'person', '001085012345', 'Đặng Thị Ánh', '2026-01-05 08:00:00');
        INSERT INTO dossier (id, uuid, code, procedure_id, applicant_id, station_id, channel,
            status, sets, received_at, due_at, fee_amount, fee_paid, lookup_secret)
            VALUES (1, 'd-1', '000.00.24.H47-260105-0001', 1, 1, 1, 1, 2, 1,
            '2026-01-05 08:00:00', '2026-01-06 08:00:00', 0, 1, 'ABCDEFGHJK');
        """
    )
    conn.commit()
    conn.close()
    return path


def test_first_release_database_upgrades_and_keeps_its_data(tmp_path: Path):
    data_dir = tmp_path / "old"
    path = _make_first_release_database(data_dir)
    db = open_database(data_dir)
    try:
        assert migrate.current_revision(db.writer) == migrate.head_revision()
        backups = list(datadir.backup_dir(data_dir).glob("*.sqlite3"))
        assert len(backups) == 1, "a copy is kept before upgrading"
        kept = connect_file(backups[0], data_dir=data_dir)
        assert kept.execute("SELECT code FROM dossier").fetchall() == [
            ("000.00.24.H47-260105-0001",)
        ]
        kept.close()
        # The upgrade indexed the existing applicant's name, folded (Đặng → dang).
        result = lookup.lookup(db, Actor("admin", "Quản trị", "admin"), "dang thi anh")
        assert [d.code for d in result.items] == ["000.00.24.H47-260105-0001"]
        assert result.items[0].applicant_name == "Đặng Thị Ánh"
    finally:
        db.dispose()
    assert path.exists()


def test_opening_a_current_database_makes_no_backup(db, data_dir: Path):
    db.dispose()
    again = open_database(data_dir)
    again.dispose()
    assert not list(datadir.backup_dir(data_dir).glob("*.sqlite3"))


def test_models_match_the_migrations(db):
    with db.writer.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS table lives only in the migrations, on purpose.
    diff = [d for d in diff if not (d[0] == "remove_table" and "dossier_search" in d[1].name)]
    assert diff == []


def test_pragmas_are_set(db):
    with db.writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000

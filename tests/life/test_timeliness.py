"""Early / on time / late, overdue for every dossier, and the clock that stops for the citizen."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from app.domain.status import Status
from app.domain.timeliness import classify
from app.dossiers import dossier_query, progress
from app.dossiers import intake as intake_uc
from app.infra import datadir
from app.infra.storage import open_database
from db import migrate

_OLD_ROWS = """
INSERT INTO office (id, agency_code, name) VALUES (1, '000.00.24.H47', 'UBND xã Tân Lập');
INSERT INTO station (id, office_id, number, sequence_start, sequence_end, is_local)
    VALUES (1, 1, 1, 1, 1000, 1);
INSERT INTO procedure (id, code, name, name_folded, processing_value, processing_unit,
    next_day_after_cutoff, fee_amount, fee_set_by, fee_edited, verified, unverified, active)
    VALUES (1, '1.004873', 'Cấp giấy xác nhận tình trạng hôn nhân', 'cap giay', 3,
    'working_days', 0, 0, 'none', 0, 1, '[]', 1);
INSERT INTO applicant (id, uuid, kind, id_number, full_name, updated_at)
    VALUES (1, 'a-1', 'person', '001085012345', 'Đặng Thị Ánh', '2026-01-05 08:00:00');
INSERT INTO dossier (id, uuid, code, procedure_id, applicant_id, station_id, channel,
    status, sets, received_at, due_at, returned_at, fee_amount, fee_paid, lookup_secret)
    VALUES (1, 'd-1', '000.00.24.H47-260105-0001', 1, 1, 1, 1, 10, 1,
    '2026-01-05 08:00:00', '2026-01-08 08:00:00', '2026-08-01 08:00:00', 0, 1, 'AB');
INSERT INTO dossier (id, uuid, code, procedure_id, applicant_id, station_id, channel,
    status, sets, received_at, due_at, fee_amount, fee_paid, lookup_secret)
    VALUES (2, 'd-2', '000.00.24.H47-260105-0002', 1, 1, 1, 1, 2, 1,
    '2026-01-05 08:00:00', '2026-01-08 08:00:00', 0, 1, 'CD');
INSERT INTO status_history (dossier_id, status, officer, at, source)
    VALUES (1, 9, 'admin', '2026-07-30 08:00:00', 'counter');
"""

# Monday 2/3/2026, an ordinary working week; 1.004873 takes 3 working days.
RECEIVED = datetime(2026, 3, 2, 9, 0)


def _receive(db, clerk, intake, procedure="1.004873", at=RECEIVED):
    intake["procedure"] = procedure
    intake["received_at"] = at.isoformat()
    intake["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    return intake_uc.receive(db, clerk, intake, now=at)


def test_a_result_resolved_seven_months_late_stays_late_once_returned(db, clerk, intake):
    got = _receive(db, clerk, intake)
    assert got.due_at == datetime(2026, 3, 5, 9, 0)
    ready = datetime(2026, 10, 5, 10, 0)
    progress.change_status(db, clerk, got.code, Status.PROCESSING, now=datetime(2026, 3, 2, 10))
    progress.change_status(db, clerk, got.code, Status.RESOLVED, now=ready)
    progress.record_return(db, clerk, got.code, "Nguyễn Văn Đức", now=datetime(2026, 10, 6, 8))
    view = dossier_query.detail(db, clerk, got.code, now=datetime(2026, 10, 7))
    assert view.status == Status.RETURNED
    assert view.timeliness == "late"
    assert view.return_timeliness == "late"
    assert view.resolved_at == ready
    assert view.overdue is True
    data = view.to_json()
    assert data["timeliness"] == "late" and data["overdue"] is True
    assert data["original_due_at"] == "2026-03-05T09:00:00"


def test_early_and_on_time_results_are_recorded_and_not_overdue(db, clerk, intake):
    import copy

    early = _receive(db, clerk, copy.deepcopy(intake))
    on_time = _receive(db, clerk, copy.deepcopy(intake))
    progress.change_status(db, clerk, early.code, Status.RESOLVED, now=datetime(2026, 3, 4, 9))
    progress.change_status(db, clerk, on_time.code, Status.RESOLVED, now=datetime(2026, 3, 5, 9))
    later = datetime(2026, 6, 1)
    assert dossier_query.detail(db, clerk, early.code, now=later).timeliness == "early"
    assert dossier_query.detail(db, clerk, on_time.code, now=later).timeliness == "on_time"
    assert not dossier_query.detail(db, clerk, on_time.code, now=later).overdue
    page = dossier_query.fetch_page(db, clerk, now=later)
    assert {r.code: r.overdue for r in page.rows} == {early.code: False, on_time.code: False}


def test_open_dossier_past_its_appointment_is_overdue_and_has_no_timeliness(db, clerk, intake):
    got = _receive(db, clerk, intake)
    view = dossier_query.detail(db, clerk, got.code, now=datetime(2026, 3, 6))
    assert view.overdue is True and view.timeliness is None


def test_time_waiting_for_the_supplement_is_excluded_and_recorded(db, clerk, intake):
    got = _receive(db, clerk, intake)
    # Asked for a paper on Tuesday 9:00; the citizen brings it Thursday 9:00:
    # two working days with the citizen move the appointment two working days.
    progress.change_status(db, clerk, got.code, Status.SUPPLEMENT, now=datetime(2026, 3, 3, 9))
    paused = dossier_query.detail(db, clerk, got.code, now=datetime(2026, 3, 6, 9))
    assert paused.paused is True
    assert paused.overdue is False, "the clock stands still while the citizen holds the dossier"
    progress.change_status(db, clerk, got.code, Status.RECEIVED, now=datetime(2026, 3, 5, 9))
    view = dossier_query.detail(db, clerk, got.code, now=datetime(2026, 3, 5, 10))
    assert view.paused_working_days == 2.0
    assert view.due_at == datetime(2026, 3, 9, 9, 0)
    assert view.original_due_at == datetime(2026, 3, 5, 9, 0)
    progress.change_status(db, clerk, got.code, Status.RESOLVED, now=datetime(2026, 3, 6, 9))
    assert dossier_query.detail(db, clerk, got.code).timeliness == "early"


def test_classify_boundaries():
    due = datetime(2026, 3, 5, 9, 0)
    assert classify(datetime(2026, 3, 4, 17, 0), due) == "early"
    assert classify(datetime(2026, 3, 5, 9, 0), due) == "on_time"
    assert classify(datetime(2026, 3, 5, 8, 0), due) == "on_time"
    assert classify(datetime(2026, 3, 5, 9, 0, 1), due) == "late"
    assert classify(due, None) is None


def test_database_of_the_previous_head_upgrades_and_classifies_finished_dossiers(tmp_path: Path):
    data_dir = tmp_path / "old"
    data_dir.mkdir()
    path = datadir.db_path(data_dir)
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(_OLD_ROWS)
    conn.commit()
    conn.close()
    db = open_database(data_dir)
    try:
        assert migrate.current_revision(db.writer) == migrate.head_revision()
        with db.read() as session:
            rows = session.execute(
                text(
                    "SELECT code, original_due_at, timeliness, return_timeliness,"
                    " paused_working_days, extensions, return_by_post, resolved_at"
                    " FROM dossier ORDER BY id"
                )
            ).all()
        assert [tuple(r) for r in rows] == [
            (
                "000.00.24.H47-260105-0001",
                "2026-01-08 08:00:00",
                "late",
                "late",
                0,
                0,
                0,
                "2026-07-30 08:00:00",
            ),
            ("000.00.24.H47-260105-0002", "2026-01-08 08:00:00", None, None, 0, 0, 0, None),
        ]
    finally:
        db.dispose()


def test_upgrade_and_downgrade_keep_every_status_history_line(tmp_path: Path):
    """Rebuilding the dossier table would cascade-delete its history; the migration must not."""
    path = tmp_path / "s.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    conn = sqlite3.connect(path)
    conn.executescript(_OLD_ROWS)
    conn.commit()
    conn.close()
    for target in ("0006", "0005"):
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            cfg.attributes["connection"] = conn
            (command.upgrade if target == "0006" else command.downgrade)(cfg, target)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM status_history").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM dossier").scalar() == 2
    engine.dispose()

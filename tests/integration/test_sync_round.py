"""The station syncing with the real central server over real HTTP on loopback."""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime

import httpx
import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import progress
from app.dossiers.views import by_code
from app.sync import credentials, enrolment
from app.sync.round import run_round
from db.models import CalendarOverride, OutboxEvent
from server import admin
from tests.conftest import OFFICE_CODE
from tests.integration.conftest import server_count
from tests.server.srvkit import PASSWORD

NOW = datetime(2026, 2, 13, 9, 30)


def receive_many(db, clerk, intake, n: int) -> list[str]:
    return [intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code for _ in range(n)]


def test_offline_intake_reaches_the_server_exactly_once(
    server, db, data_dir, clerk, intake, enrolled
):
    _, sdb, _ = server
    codes = receive_many(db, clerk, intake, 5)
    assert codes[0].endswith(f"-{(enrolled - 1) * 1000 + 1:04d}")
    progress.change_status(db, clerk, codes[0], 4, "Chuyển Tư pháp", now=NOW)

    first = run_round(db, data_dir)
    assert first.ok, first.errors
    assert (first.pushed, first.pending) == (6, 0)
    assert "catalogue" in first.master_updated
    assert server_count(sdb, codes) == 5

    second = run_round(db, data_dir)
    assert second.ok and second.pushed == 0 and second.master_updated == []
    # A crash after the server applied a batch but before the station noted it:
    with db.write() as session:
        for event in session.scalars(select(OutboxEvent)):
            event.sent_at = None
    replay = run_round(db, data_dir)
    assert replay.ok and replay.pushed == 0 and replay.duplicates == 6
    assert server_count(sdb, codes) == 5


def test_back_office_status_comes_back_to_the_station(
    server, db, data_dir, clerk, intake, enrolled
):
    proc, sdb, _ = server
    code = receive_many(db, clerk, intake, 1)[0]
    progress.change_status(db, clerk, code, 4, now=NOW)
    assert run_round(db, data_dir).ok
    username = f"bo{uuid.uuid4().hex[:8]}"
    admin.create_officer(sdb, OFFICE_CODE, username, "Lê Văn Xử", "backoffice", PASSWORD, None)
    login = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": PASSWORD},
    )
    assert login.status_code == 200, login.text
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    moved = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/dossiers/{code}/status",
        json={"to_status": 9, "note": "Đã ký kết quả"},
        headers=headers,
    )
    assert moved.status_code == 200, moved.text

    report = run_round(db, data_dir)
    assert report.ok and report.pulled >= 1
    with db.read() as session:
        dossier = by_code(session, code)
        assert dossier.status == 9
        last = dossier.history[-1]
        assert (last.source, last.note, last.officer) == ("backoffice", "Đã ký kết quả", username)


def test_unreachable_server_keeps_everything_queued(server, db, data_dir, clerk, intake, enrolled):
    _, sdb, _ = server
    cred = credentials.load(data_dir)
    credentials.save(
        data_dir, credentials.Credential(**{**cred.__dict__, "server_url": "http://127.0.0.1:9"})
    )
    codes = receive_many(db, clerk, intake, 2)
    report = run_round(db, data_dir)
    assert not report.ok
    assert "Không kết nối được máy chủ" in report.errors[0]
    assert report.pending == 2
    with db.read() as session:
        attempts = session.scalars(select(OutboxEvent.attempts)).all()
    assert attempts == [1, 1]
    credentials.save(data_dir, cred)
    again = run_round(db, data_dir)
    assert again.ok and again.pushed == 2 and again.pending == 0
    assert server_count(sdb, codes) == 2


def test_a_rejected_event_is_recorded_and_does_not_block_the_queue(
    server, db, data_dir, clerk, intake, enrolled
):
    _, sdb, _ = server
    bad = receive_many(db, clerk, intake, 1)[0]
    with db.write() as session:
        event = session.scalars(select(OutboxEvent)).one()
        event.payload = {**event.payload, "office_code": "000.99.99.H99"}
    good = receive_many(db, clerk, intake, 1)[0]
    report = run_round(db, data_dir)
    assert report.rejected == 1 and report.pushed == 1 and report.pending == 0
    assert server_count(sdb, [bad, good]) == 1
    with db.read() as session:
        assert by_code(session, bad).sync_error
        assert by_code(session, good).sync_error is None


def test_calendar_overrides_from_the_server_change_due_dates(
    server, db, data_dir, clerk, intake, enrolled
):
    _, sdb, _ = server
    admin.set_calendar(sdb, OFFICE_CODE, date(2026, 2, 13), "off", "Nghỉ bù của tỉnh")
    try:
        assert run_round(db, data_dir).ok
        with db.read() as session:
            days = session.scalars(select(CalendarOverride.day)).all()
        assert days == [date(2026, 2, 13)]
        result = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW)
        # Birth registration is same-day; the day off moves it to the next working day.
        assert result.due_at == datetime(2026, 2, 23, 17, 30)
    finally:
        admin.set_calendar(sdb, OFFICE_CODE, date(2026, 2, 13), None)


def test_enrolment_errors_are_plain(server, db, data_dir, admin, clerk):
    proc, _, _ = server
    with pytest.raises(DomainError) as info:
        enrolment.enroll(db, data_dir, admin, proc.base_url, "SAI-MA-DANG-KY")
    assert "từ chối" in info.value.message_vi
    with pytest.raises(DomainError):
        enrolment.enroll(db, data_dir, admin, "ftp://x", "abc")
    with pytest.raises(DomainError) as info:
        enrolment.enroll(db, data_dir, clerk, proc.base_url, "abc")
    assert info.value.code == "forbidden"
    with pytest.raises(DomainError) as info:
        run_round(db, data_dir)
    assert info.value.code == "not_enrolled"


def test_health_warns_about_old_unsent_work_and_stale_master_data(
    server, db, data_dir, clerk, intake, enrolled
):
    from datetime import timedelta

    from app.sync.health import sync_health

    receive_many(db, clerk, intake, 2)
    later = datetime.now() + timedelta(days=2)
    health = sync_health(db, data_dir, later)
    assert health.enrolled and health.pending_events == 2
    assert any("chờ gửi" in w for w in health.warnings)
    assert any("Danh mục" in w for w in health.warnings)
    assert run_round(db, data_dir).ok
    fresh = sync_health(db, data_dir, datetime.now())
    assert fresh.pending_events == 0 and fresh.warnings == []
    assert fresh.last_success is not None and fresh.master_refreshed_at is not None

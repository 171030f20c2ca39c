"""Each sync sends the station's audit chain head; the server keeps them and flags a
log that was rewritten (chain recomputed with another key) or cut back."""

from __future__ import annotations

import os
from datetime import timedelta

import httpx
from sqlalchemy import delete, select

from app.dossiers import intake as intake_uc
from app.protect import audit_chain
from app.sync import credentials
from app.sync.round import run_round
from db.models import AuditKey, AuditLog
from server import admin as server_admin
from server.auth import SESSION_COOKIE
from server.models import AuditHead
from tests.conftest import INTAKE, OFFICE_CODE

PASSWORD = "mat-khau-bo-123"


def _heads(sdb, station_id: int) -> list[AuditHead]:
    with sdb.read() as session:
        return list(
            session.scalars(
                select(AuditHead)
                .where(AuditHead.station_id == station_id)
                .order_by(AuditHead.row_id)
            ).all()
        )


def _rewrite_with_another_key(db, entry_id: int) -> None:
    """Edit one entry, recompute every hash after it, re-seal the day with a key of one's own."""
    other_key = os.urandom(32)
    with db.write() as session:
        key_row = session.get(AuditKey, 1)
        previous = ""
        for r in session.scalars(select(AuditLog).order_by(AuditLog.id)).all():
            if r.id <= key_row.chain_start:
                continue
            if r.id == entry_id:
                r.target = "đã sửa"
            if r.id >= entry_id:
                r.chain_hash = audit_chain.link(
                    audit_chain.canonical(r.id, r.at, r.officer, r.action, r.target, r.detail),
                    previous,
                )
            if r.mac_day == key_row.day:  # the whole day re-sealed, so no seal is off
                r.chain_mac = audit_chain.seal(other_key, r.chain_hash)
            previous = r.chain_hash
        key_row.key = other_key
        key_row.head_hash = previous


def _backoffice_token(base_url: str, sdb) -> str:
    username = f"bo{os.urandom(4).hex()}"
    server_admin.create_officer(sdb, OFFICE_CODE, username, "Lê Thị Thu", "backoffice", PASSWORD)
    response = httpx.post(
        f"{base_url}/api/v1/backoffice/login", json={"username": username, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    return response.json()["token"]


def test_sync_sends_the_head_and_a_rewritten_log_is_flagged(
    server, db, data_dir, enrolled, clerk, fixed_now
) -> None:
    proc, sdb, _settings = server
    station_id = credentials.load(data_dir).station_id
    for i in range(2):
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now + timedelta(minutes=i))
    report = run_round(db, data_dir)
    assert report.ok and not report.warnings, report.to_json()
    with db.read() as session:
        first = audit_chain.head(session)
    (row,) = _heads(sdb, station_id)
    assert (row.head_id, row.head_hash, row.seal, row.flag) == (
        first.id,
        first.hash,
        first.seal,
        None,
    )

    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now + timedelta(minutes=5))
    report = run_round(db, data_dir)
    assert report.ok and not report.warnings, report.to_json()
    assert [h.flag for h in _heads(sdb, station_id)] == [None, None]
    assert run_round(db, data_dir).ok
    assert len(_heads(sdb, station_id)) == 2  # an unchanged head is not kept twice

    # Someone with the database edits an entry the server already vouched for and
    # rebuilds the chain with a key of their own: consistent in itself...
    _rewrite_with_another_key(db, first.id - 1)
    with db.read() as session:
        assert audit_chain.verify(session).ok
    # ...but the next sync gives it away.
    report = run_round(db, data_dir)
    assert report.ok, report.to_json()
    assert any("nhật ký" in w for w in report.warnings), report.warnings
    last = _heads(sdb, station_id)[-1]
    assert last.flag == "rewritten" and last.message and "không còn khớp" in last.message

    token = _backoffice_token(proc.base_url, sdb)
    listed = httpx.get(
        f"{proc.base_url}/api/v1/backoffice/stations",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert listed.status_code == 200, listed.text
    (mine,) = [s for s in listed.json()["stations"] if s["number"] == enrolled]
    assert [f["flag"] for f in mine["flags"]] == ["rewritten"]
    assert mine["key_escrowed_at"] is not None
    page = httpx.get(f"{proc.base_url}/back-office/may-tram", cookies={SESSION_COOKIE: token})
    assert page.status_code == 200
    assert "Nhật ký bị sửa và tính lại chuỗi" in page.text
    assert f"Quầy {enrolled}" in page.text
    assert httpx.get(f"{proc.base_url}/back-office/may-tram").status_code == 303

    # Entries cut off the end (or an older copy restored): the head goes backwards.
    with db.write() as session:
        key_row = session.get(AuditKey, 1)
        keep = key_row.head_id - 3
        session.execute(delete(AuditLog).where(AuditLog.id > keep))
        key_row.head_id = keep
        key_row.head_hash = session.get(AuditLog, keep).chain_hash
    report = run_round(db, data_dir)
    assert report.ok, report.to_json()
    last = _heads(sdb, station_id)[-1]
    assert (last.head_id, last.flag) == (keep, "backwards")


def test_a_server_without_these_calls_is_passed_over_quietly(server, db, data_dir, enrolled):
    """A newer station meeting an older server: 404 on both calls, nothing sent, no error."""
    from app.sync import audit_report, key_escrow
    from app.sync.transport import Transport

    proc, _sdb, _settings = server
    cred = credentials.load(data_dir)
    # Every /api/v1/... under this base is unknown to the server, as to an older one.
    transport = Transport(f"{proc.base_url}/older", cred.station_token)
    try:
        assert audit_report.report_head(db, transport) is None
        assert not key_escrow.deposit_if_needed(
            transport, data_dir, cred.office_code, cred.station_number
        )
    finally:
        transport.close()

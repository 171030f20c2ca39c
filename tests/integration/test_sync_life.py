"""A dossier's life steps reach the real server: extension, cancellation, fee paid, supplied.

Each step is an outbox event pushed over HTTP to a real server process; the
server's rows are read back from its own database. Sending an event again,
or the same step under a new event id, changes nothing more.
"""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.dossiers import dossier_query, lifecycle
from app.dossiers import intake as intake_uc
from app.paper import dossier_slips
from app.sync.round import run_round
from db.models import OutboxEvent
from server.models import Dossier as ServerDossier
from server.models import DossierHistory, EventRecord

AT = datetime(2026, 2, 10, 9, 0)  # a Tuesday


def _receive(db, actor, intake, at=AT, **changes) -> str:
    data = copy.deepcopy(intake)
    data["received_at"] = at.isoformat()
    data.update(changes)
    return intake_uc.receive(db, actor, data, now=at).code


def _server_dossier(sdb, code: str) -> ServerDossier:
    with sdb.read() as session:
        row = session.scalar(select(ServerDossier).where(ServerDossier.code == code))
        session.expunge(row)
        return row


def _history(sdb, code: str) -> list[str]:
    with sdb.read() as session:
        dossier = session.scalar(select(ServerDossier).where(ServerDossier.code == code))
        return [
            h.note or ""
            for h in session.scalars(
                select(DossierHistory)
                .where(DossierHistory.dossier_id == dossier.id)
                .order_by(DossierHistory.id)
            )
        ]


def _round(db, data_dir):
    report = run_round(db, data_dir)
    assert report.ok and report.rejected == 0 and report.pending == 0, report.errors
    return report


def test_life_steps_reach_the_server_once(server, enrolled, db, data_dir, admin, intake):
    _, sdb, _ = server
    extended = _receive(db, admin, intake)
    cancelled = _receive(db, admin, intake)
    paid = _receive(
        db,
        admin,
        intake,
        procedure="2.000815",
        components=[
            {"index": 1, "originals": 1, "copies": 0},
            {"index": 2, "originals": 0, "copies": 5, "pages": 2},
        ],
    )
    supplied = _receive(db, admin, intake)
    _round(db, data_dir)
    first_due = _server_dossier(sdb, extended).due_at
    assert first_due is not None

    step = AT + timedelta(hours=2)
    new_due = first_due + timedelta(days=2)
    dossier_slips.extend(db, admin, extended, new_due, "Cần xác minh tại nơi cư trú", now=step)
    lifecycle.cancel(db, admin, cancelled, "Nhập trùng hồ sơ", now=step)
    lifecycle.record_payment(db, admin, paid, True, now=step, method="transfer")
    dossier_slips.request_supplement(db, admin, supplied, "Thiếu giấy", "2", now=step)
    # The citizen brings the papers the next working day: the appointment moves.
    lifecycle.supplied(db, admin, supplied, now=AT + timedelta(days=1, hours=2))
    local_due = dossier_query.detail(db, admin, supplied).due_at
    assert local_due > _server_dossier(sdb, supplied).due_at
    _round(db, data_dir)

    row = _server_dossier(sdb, extended)
    assert row.due_at == new_due and row.extensions == 1
    assert any("Cần xác minh tại nơi cư trú" in n for n in _history(sdb, extended))
    row = _server_dossier(sdb, cancelled)
    assert row.cancelled_at == step and row.cancel_reason == "Nhập trùng hồ sơ"
    row = _server_dossier(sdb, paid)
    assert row.fee_paid is True and row.fee_payment_method == "transfer"
    row = _server_dossier(sdb, supplied)
    assert row.due_at == local_due and row.status == 2

    # The same events again (a lost answer): answered from the record, nothing re-applied.
    with db.write() as session:
        for event in session.scalars(select(OutboxEvent)):
            event.sent_at = None
    with db.read() as session:
        sent = session.scalar(select(func.count(OutboxEvent.id)))
    before = {code: _history(sdb, code) for code in (extended, cancelled, paid, supplied)}
    report = _round(db, data_dir)
    assert report.duplicates == sent and report.pushed == 0
    assert {code: _history(sdb, code) for code in before} == before

    # The same steps under new event ids (a restored backup sending them again).
    with db.write() as session:
        life = session.scalars(
            select(OutboxEvent).where(
                OutboxEvent.type.in_(["dossier.extended", "dossier.cancelled", "dossier.fee_paid"])
            )
        ).all()
        assert len(life) == 3
        for event in life:
            session.add(
                OutboxEvent(
                    uuid=str(uuid.uuid4()),
                    type=event.type,
                    dossier_uuid=event.dossier_uuid,
                    payload=dict(event.payload),
                    created_at=event.created_at,
                    attempts=0,
                    rejected=False,
                )
            )
    _round(db, data_dir)
    assert {code: _history(sdb, code) for code in before} == before
    with sdb.read() as session:
        outcomes = session.scalars(
            select(func.count(EventRecord.event_uuid)).where(
                EventRecord.type == "dossier.extended", EventRecord.outcome == "applied"
            )
        ).one()
    assert outcomes == 2


def test_an_extension_after_the_back_office_resolved_is_kept_as_a_conflict(
    server, enrolled, db, data_dir, admin, intake
):
    from server.dossiers import set_status

    _, sdb, _ = server
    code = _receive(db, admin, intake)
    _round(db, data_dir)
    with sdb.write() as session:
        row = session.scalar(select(ServerDossier).where(ServerDossier.code == code))
        for status in (4, 9):
            set_status(
                session,
                row,
                status,
                at=AT + timedelta(hours=1),
                source="backoffice",
                officer="giaiquyet",
                note=None,
            )
        due = row.due_at
    dossier_slips.extend(
        db, admin, code, due + timedelta(days=1), "Chờ ý kiến cơ quan", now=AT + timedelta(hours=3)
    )
    _round(db, data_dir)
    assert _server_dossier(sdb, code).due_at == due  # the resolved dossier keeps its date
    with sdb.read() as session:
        row = session.scalar(select(ServerDossier).where(ServerDossier.code == code))
        conflicts = session.scalars(
            select(DossierHistory.note).where(
                DossierHistory.dossier_id == row.id, DossierHistory.conflict.is_(True)
            )
        ).all()
    assert any("Chờ ý kiến cơ quan" in (n or "") for n in conflicts)


def test_a_fee_paid_at_intake_reaches_the_server_with_its_method(
    server, enrolled, db, data_dir, admin, intake
):
    _, sdb, _ = server
    fee = dict(
        procedure="2.000815",
        components=[
            {"index": 1, "originals": 1, "copies": 0},
            {"index": 2, "originals": 0, "copies": 5, "pages": 2},
        ],
        fee_paid=True,
    )
    by_pos = _receive(db, admin, intake, **fee, fee_payment_method="pos")
    unsaid = _receive(db, admin, intake, **fee)
    _round(db, data_dir)
    row = _server_dossier(sdb, by_pos)
    assert row.fee_payment_method == "pos" and row.intake["fee_payment_method"] == "pos"
    assert _server_dossier(sdb, unsaid).fee_payment_method is None
    # A later payment step says otherwise: it stands over the intake's.
    lifecycle.record_payment(db, admin, by_pos, True, now=AT + timedelta(hours=1), method="cash")
    _round(db, data_dir)
    assert _server_dossier(sdb, by_pos).fee_payment_method == "cash"

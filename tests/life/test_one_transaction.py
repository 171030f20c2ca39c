"""One user action, one transaction: slip, audit entry and status change together or not at all."""

from __future__ import annotations

import copy
import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import dossier_query, lifecycle, progress
from app.dossiers import intake as intake_uc
from app.paper import dossier_slips, printing
from db.models import AuditLog, OutboxEvent
from tests.conftest import snapshot

RECEIVED = datetime(2026, 3, 2, 9, 0)  # Monday; 1.004873 takes 3 working days
NOW = datetime(2026, 3, 3, 9, 0)


@pytest.fixture
def code(db, clerk, intake) -> str:
    data = copy.deepcopy(intake)
    data.update(procedure="1.004873", received_at=RECEIVED.isoformat())
    data["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    return intake_uc.receive(db, clerk, data, now=RECEIVED).code


def _audits(db, action: str) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(AuditLog.id)).where(AuditLog.action == action))


def _fail_on_history(db) -> None:
    """A failure after the slip's audit row is written: the history insert aborts."""
    conn = db.connect()
    conn.execute(
        "CREATE TRIGGER fail_history BEFORE INSERT ON status_history "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "action",
    [
        lambda db, a, c: dossier_slips.request_supplement(db, a, c, "Thiếu giấy", "1", now=NOW),
        lambda db, a, c: dossier_slips.stop(db, a, c, "Công dân đề nghị", now=NOW),
        lambda db, a, c: dossier_slips.extend(
            db, a, c, datetime(2026, 3, 9, 9), "Cần xác minh thêm", now=NOW
        ),
    ],
    ids=["supplement", "stop", "extend"],
)
def test_a_failure_after_the_slip_is_recorded_leaves_neither(db, clerk, code, action):
    _fail_on_history(db)
    before = snapshot(db.path)
    with pytest.raises(Exception, match="injected failure"):
        action(db, clerk, code)
    assert snapshot(db.path) == before
    assert _audits(db, "print.supplement") + _audits(db, "print.stop") == 0
    assert _audits(db, "print.apology") == 0


def test_supplement_slip_status_audit_and_event_commit_together(db, clerk, code):
    result = dossier_slips.request_supplement(db, clerk, code, "Thiếu giấy", "1", now=NOW)
    assert result.pdf.startswith(b"%PDF") and result.status == Status.SUPPLEMENT
    assert _audits(db, "print.supplement") == 1
    with db.read() as session:
        types = session.scalars(select(OutboxEvent.type).order_by(OutboxEvent.id)).all()
    assert types == ["dossier.received", "dossier.status_changed"]
    view = dossier_query.detail(db, clerk, code)
    assert view.status == Status.SUPPLEMENT and view.paused


def test_the_slip_is_drawn_outside_the_write_lock(db, clerk, code, monkeypatch):
    """While the PDF is drawn another connection can take the write lock at once."""
    seen: list[str] = []
    real = printing.render_supplement

    def drawing(*args, **kwargs):
        other = db.connect(timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            seen.append("free")
        except sqlite3.OperationalError as exc:
            seen.append(str(exc))
        finally:
            other.close()
        return real(*args, **kwargs)

    monkeypatch.setattr(printing, "render_supplement", drawing)
    dossier_slips.request_supplement(db, clerk, code, "Thiếu giấy", "1", now=NOW)
    assert seen == ["free"]


def test_supplied_restarts_the_clock(db, clerk, code):
    dossier_slips.request_supplement(db, clerk, code, "Thiếu giấy", "1", now=NOW)
    change = lifecycle.supplied(db, clerk, code, now=datetime(2026, 3, 4, 9))
    assert change.to_status == Status.RECEIVED
    view = dossier_query.detail(db, clerk, code)
    assert view.paused is False and view.paused_working_days == 1.0
    assert view.due_at == datetime(2026, 3, 6, 9, 0)
    assert view.original_due_at == datetime(2026, 3, 5, 9, 0)


def test_an_extension_is_saved_once_without_a_supervisor(db, clerk, supervisor, code):
    first = datetime(2026, 3, 9, 9, 0)
    result = dossier_slips.extend(db, clerk, code, first, "Cần xác minh", now=NOW)
    assert result.pdf.startswith(b"%PDF")
    view = dossier_query.detail(db, clerk, code)
    assert view.due_at == first and view.extensions == 1
    assert view.original_due_at == datetime(2026, 3, 5, 9, 0)
    before = snapshot(db.path)
    with pytest.raises(DomainError) as again:
        dossier_slips.extend(db, clerk, code, datetime(2026, 3, 10, 9), "Lần nữa", now=NOW)
    assert again.value.code == "extension_needs_supervisor"
    with pytest.raises(DomainError) as too_far:
        dossier_slips.extend(db, supervisor, code, datetime(2026, 4, 30, 9), "Quá xa", now=NOW)
    assert too_far.value.code == "extension_too_long"
    assert snapshot(db.path) == before
    dossier_slips.extend(db, supervisor, code, datetime(2026, 3, 10, 9), "Lần hai", now=NOW)
    assert dossier_query.detail(db, clerk, code).extensions == 2


def test_stop_and_refusal_change_the_status_with_their_slip(db, clerk, intake, code):
    stopped = dossier_slips.stop(db, clerk, code, "Công dân đề nghị dừng", now=NOW)
    assert stopped.status == Status.STOPPED
    assert dossier_query.detail(db, clerk, code).status == Status.STOPPED
    other = copy.deepcopy(intake)
    other.update(procedure="1.004873", received_at=RECEIVED.isoformat())
    other["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    second = intake_uc.receive(db, clerk, other, now=RECEIVED).code
    dossier_slips.request_supplement(db, clerk, second, "Thiếu giấy", "1", now=NOW)
    refused = dossier_slips.refuse(db, clerk, second, "Không bổ sung", now=NOW)
    assert refused.status == Status.REFUSED
    assert _audits(db, "print.refusal") == 1


def test_withdrawal_is_allowed_before_acceptance(db, clerk, code):
    conn = db.connect()
    conn.execute("UPDATE dossier SET status = 1 WHERE code = ?", (code,))
    conn.commit()
    conn.close()
    change = lifecycle.withdraw(db, clerk, code, "Công dân không nộp nữa", now=NOW)
    assert (change.from_status, change.to_status) == (1, 7)


def test_cancellation_needs_a_supervisor_and_keeps_the_dossier(db, clerk, supervisor, code):
    before = snapshot(db.path)
    with pytest.raises(DomainError) as forbidden:
        lifecycle.cancel(db, clerk, code, "Nhập nhầm thủ tục", now=NOW)
    assert forbidden.value.code == "forbidden"
    with pytest.raises(DomainError) as no_reason:
        lifecycle.cancel(db, supervisor, code, "  ", now=NOW)
    assert no_reason.value.code == "missing_reason"
    assert snapshot(db.path) == before
    lifecycle.cancel(db, supervisor, code, "Nhập nhầm thủ tục", now=NOW)
    view = dossier_query.detail(db, clerk, code, now=datetime(2026, 6, 1))
    assert view.cancelled and view.cancel_reason == "Nhập nhầm thủ tục"
    assert view.overdue is False
    assert _audits(db, "dossier.cancel") == 1
    with pytest.raises(DomainError) as after:
        progress.change_status(db, clerk, code, Status.PROCESSING, now=NOW)
    assert after.value.code == "dossier_cancelled"

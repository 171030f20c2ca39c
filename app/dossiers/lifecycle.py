"""Steps in a dossier's life that hand over no slip: papers supplied, withdrawal, cancellation.

Each is one transaction: the change, its history line, outbox event and
audit entry commit together or not at all.
"""

from __future__ import annotations

from datetime import datetime

from app.domain import payment
from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import progress
from app.dossiers.progress import StatusChange
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from db.engine import Database
from db.models import StatusHistory


def _reason(reason: str | None) -> str:
    text = progress._note(reason)
    if not text:
        raise DomainError(
            "missing_reason", "Cần nhập lý do.", "A reason is required.", field="reason"
        )
    return text


def supplied(
    db: Database, actor: Actor, code: str, note: str | None = None, now: datetime | None = None
) -> StatusChange:
    """The citizen brought the papers: the clock restarts, the appointment moves.

    The dossier returns to the step it was at before the request (received or
    processing); the working time it spent with the citizen is added to the
    appointment and to ``paused_working_days``.
    """
    auth.require(actor, "dossier.status")
    note = progress._note(note) or "Công dân đã bổ sung hồ sơ"
    now = now or clock.now()
    with db.write() as session:
        dossier = by_code(session, code.strip())
        if dossier.status != Status.SUPPLEMENT:
            raise DomainError(
                "not_waiting_supplement",
                f"Hồ sơ {dossier.code} không ở trạng thái chờ bổ sung.",
                f"Dossier {dossier.code} is not waiting for a supplement.",
                field="code",
            )
        before = [
            h.status
            for h in dossier.history
            if h.status in (Status.RECEIVED, Status.PROCESSING, Status.NEW)
        ]
        target = Status(before[-1]) if before else Status.RECEIVED
        if target is Status.NEW:
            target = Status.RECEIVED
        current = progress.apply_status(session, dossier, target, actor, now, note)
    return StatusChange(dossier.code, int(current), int(target), now)


def withdraw(
    db: Database, actor: Actor, code: str, reason: str, now: datetime | None = None
) -> StatusChange:
    """Status 7 at the applicant's request, from any open step (also before acceptance)."""
    text = _reason(reason)
    return progress.change_status(
        db, actor, code, Status.WITHDRAWN, f"Công dân rút hồ sơ: {text}", now=now
    )


def cancel(
    db: Database, actor: Actor, code: str, reason: str, now: datetime | None = None
) -> StatusChange:
    """Cancel a dossier entered in error: a supervisor, with a reason; never deleted.

    The dossier keeps its code, status and history; it is marked cancelled,
    no longer counts as open or overdue, and no further step applies to it.
    """
    auth.require(actor, "dossier.cancel")
    text = _reason(reason)
    now = now or clock.now()
    with db.write() as session:
        dossier = by_code(session, code.strip())
        if dossier.cancelled_at is not None:
            raise DomainError(
                "already_cancelled",
                f"Hồ sơ {dossier.code} đã bị hủy trước đó.",
                f"Dossier {dossier.code} is already cancelled.",
                field="code",
            )
        if dossier.status in (Status.RESOLVED, Status.RETURNED):
            raise DomainError(
                "cannot_cancel",
                f"Hồ sơ {dossier.code} đã có kết quả; không hủy được.",
                f"Dossier {dossier.code} has a result; it cannot be cancelled.",
                field="code",
            )
        dossier.cancelled_at = now
        dossier.cancelled_by = actor.username
        dossier.cancel_reason = text
        dossier.paused_at = None
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=dossier.status,
                officer=actor.username,
                at=now,
                note=f"Hủy hồ sơ nhập nhầm: {text}",
                source="counter",
            )
        )
        journal.add_event(
            session,
            "dossier.cancelled",
            {
                "dossier_uuid": dossier.uuid,
                "code": dossier.code,
                "at": clock.to_wire(now),
                "officer": actor.username,
                "reason": text,
            },
            now,
            dossier.uuid,
        )
        journal.audit(
            session, actor.username, "dossier.cancel", dossier.code, now, {"reason": text}
        )
    return StatusChange(dossier.code, dossier.status, dossier.status, now)


def record_payment(
    db: Database,
    actor: Actor,
    code: str,
    paid: bool = True,
    now: datetime | None = None,
    method: str | None = None,
) -> bool:
    """Record that the fee was paid (or not) after intake; the receipt is then reprinted.

    ``method`` is how (app.domain.payment.METHODS), ``None`` when not said: it
    stays unknown rather than guessed. Marking unpaid clears it. Returns the
    new state. A dossier with nothing to pay is refused.
    """
    auth.require(actor, "dossier.status")
    now = now or clock.now()
    method = payment.parse_method(method) if paid else None
    with db.write() as session:
        dossier = by_code(session, code.strip())
        if dossier.fee_amount <= 0:
            raise DomainError(
                "nothing_to_pay",
                f"Hồ sơ {dossier.code} không phải nộp phí, lệ phí.",
                f"Dossier {dossier.code} has no fee to pay.",
                field="code",
            )
        old = dossier.fee_paid
        old_method = dossier.fee_payment_method
        dossier.fee_paid = paid
        dossier.fee_payment_method = method
        journal.add_event(
            session,
            "dossier.fee_paid",
            {
                "dossier_uuid": dossier.uuid,
                "code": dossier.code,
                "at": clock.to_wire(now),
                "officer": actor.username,
                "fee_paid": paid,
                "method": method,
            },
            now,
            dossier.uuid,
        )
        journal.audit(
            session,
            actor.username,
            "dossier.fee_paid",
            dossier.code,
            now,
            {"from": old, "to": paid, "method_from": old_method, "method": method},
        )
    return paid

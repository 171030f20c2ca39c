"""Moving a dossier along the legal status transitions, and returning results.

``apply_status`` is the one place a status changes, inside the caller's
transaction, so a slip, its audit entry and the change commit together. It
also moves the clock: a request to supplement (5) or to meet a financial
obligation (6) stops it, and the next step the office takes restarts it with
the appointment moved by the working time the citizen held the dossier; a
result ready (9) or handed over (10) is classified early, on time or late.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.status import Status, check_transition, parse_status
from app.domain.text import require_fit_text
from app.domain.timeliness import classify
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth, settings, station
from app.office.auth import Actor
from db.engine import Database
from db.models import Dossier, DossierResult, StatusHistory

# While the dossier waits on the citizen the appointment clock stands still.
PAUSING_STATUSES = frozenset({Status.SUPPLEMENT, Status.FINANCIAL})

MAX_NOTE = 2000


@dataclass(frozen=True)
class StatusChange:
    code: str
    from_status: int
    to_status: int
    at: datetime


def _note(note: str | None) -> str | None:
    if note is None:
        return None
    text = require_fit_text(note.strip(), "note", "Ghi chú")
    if len(text) > MAX_NOTE:
        raise DomainError(
            "note_too_long",
            f"Ghi chú dài quá {MAX_NOTE} ký tự.",
            f"The note is longer than {MAX_NOTE} characters.",
            field="note",
        )
    return text or None


def resume_clock(session: Session, dossier: Dossier, now: datetime) -> float:
    """Restart a stopped clock: move the appointment by the working time paused.

    Returns the working days added (0 when the clock was running).
    """
    if dossier.paused_at is None:
        return 0.0
    calendar = station.work_calendar(session)
    paused = calendar.working_time_between(dossier.paused_at, now)
    days = paused / calendar.hours.day_length
    if dossier.due_at is not None:
        dossier.due_at = calendar.extend_by(dossier.due_at, paused)
    dossier.paused_working_days = (dossier.paused_working_days or 0.0) + days
    dossier.paused_at = None
    return days


def apply_status(
    session: Session,
    dossier: Dossier,
    target: Status,
    actor: Actor,
    now: datetime,
    note: str | None,
    *,
    record: bool = True,
) -> Status:
    """Move ``dossier`` to ``target`` inside the caller's transaction; returns the old status.

    Writes the history line, the outbox event and the audit entry, and keeps
    the clock: paused on 5 and 6, resumed on leaving them, timeliness on 9
    and 10. ``record=False`` leaves the event and audit entry to a caller
    that writes its own (returning a result).
    """
    current = Status(dossier.status)
    check_transition(current, target)
    if dossier.cancelled_at is not None:
        raise DomainError(
            "dossier_cancelled",
            f"Hồ sơ {dossier.code} đã bị hủy (nhập nhầm); không thể thao tác tiếp.",
            f"Dossier {dossier.code} was cancelled as entered in error.",
            field="code",
        )
    if target in PAUSING_STATUSES:
        if dossier.paused_at is None:
            dossier.paused_at = now
    else:
        resume_clock(session, dossier, now)
    if target is Status.RESOLVED:
        dossier.resolved_at = now
        found = classify(now, dossier.due_at)
        dossier.timeliness = str(found) if found else None
    if target is Status.RETURNED:
        dossier.returned_at = now
        found = classify(now, dossier.due_at)
        dossier.return_timeliness = str(found) if found else None
    dossier.status = int(target)
    session.add(
        StatusHistory(
            dossier_id=dossier.id,
            status=int(target),
            officer=actor.username,
            at=now,
            note=note,
            source="counter",
        )
    )
    if not record:
        return current
    journal.add_event(
        session,
        "dossier.status_changed",
        {
            "dossier_uuid": dossier.uuid,
            "code": dossier.code,
            "from_status": int(current),
            "to_status": int(target),
            "at": clock.to_wire(now),
            "officer": actor.username,
            "note": note,
            "due_at": clock.to_wire(dossier.due_at) if dossier.due_at else None,
            "timeliness": dossier.timeliness,
            "paused_working_days": dossier.paused_working_days,
        },
        now,
        dossier.uuid,
    )
    journal.audit(
        session,
        actor.username,
        "dossier.status",
        dossier.code,
        now,
        {"from": int(current), "to": int(target)},
    )
    return current


def change_status(
    db: Database,
    actor: Actor,
    code: str,
    to_status: int | str,
    note: str | None = None,
    now: datetime | None = None,
) -> StatusChange:
    """Apply a legal transition; returning a result goes through ``record_return``."""
    auth.require(actor, "dossier.status")
    target = parse_status(to_status)
    if target is Status.RETURNED:
        raise DomainError(
            "use_return",
            "Trả kết quả phải ghi nhận người nhận; dùng chức năng “Trả kết quả”.",
            "Returning a result records who collected it; use “return” instead.",
        )
    note = _note(note)
    now = now or clock.now()
    with db.write() as session:
        dossier = by_code(session, code.strip())
        current = apply_status(session, dossier, target, actor, now, note)
    return StatusChange(dossier.code, int(current), int(target), now)


def record_return(
    db: Database,
    actor: Actor,
    code: str,
    collector_name: str,
    collector_id_number: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
    *,
    with_result: Callable[[Session, Dossier], None] | None = None,
) -> StatusChange:
    """Hand the result over: status becomes “Đã trả kết quả” with who collected it.

    ``with_result`` records the digitized result in the same transaction
    (``app.capture.results.hand_over``); where the office requires a result at
    hand-over, a dossier without one is refused and nothing changes.
    """
    auth.require(actor, "dossier.return")
    name = require_fit_text(
        " ".join((collector_name or "").split()), "collector_name", "Người nhận kết quả"
    )
    if not name:
        raise DomainError(
            "missing_collector",
            "Chưa nhập họ tên người nhận kết quả.",
            "The name of the person collecting the result is missing.",
            field="collector_name",
        )
    note = _note(note)
    collector_id = (
        require_fit_text(
            (collector_id_number or "").strip(), "collector_id_number", "Giấy tờ người nhận"
        )
        or None
    )
    now = now or clock.now()
    with db.write() as session:
        dossier = by_code(session, code.strip())
        if with_result is not None:
            with_result(session, dossier)
        result = session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))
        if result is None and settings.get(session, "require_result_at_handover") == "1":
            raise DomainError(
                "result_required",
                f"Văn phòng yêu cầu số hóa kết quả trước khi trả; hồ sơ {dossier.code} "
                "chưa có bản số hóa kết quả.",
                f"The office requires the result to be digitized before hand-over; "
                f"dossier {dossier.code} has none.",
                field="result_file",
            )
        text = f"Người nhận: {name}" + (f" ({collector_id})" if collector_id else "")
        current = apply_status(
            session,
            dossier,
            Status.RETURNED,
            actor,
            now,
            f"{text}. {note}" if note else text,
            record=False,
        )
        journal.add_event(
            session,
            "dossier.returned",
            {
                "dossier_uuid": dossier.uuid,
                "code": dossier.code,
                "returned_at": clock.to_wire(now),
                "officer": actor.username,
                "collector_name": name,
                "collector_id_number": collector_id,
                "note": note,
                "return_timeliness": dossier.return_timeliness,
                "result_sha256": result.sha256 if result is not None else None,
            },
            now,
            dossier.uuid,
        )
        journal.audit(session, actor.username, "dossier.return", dossier.code, now)
    return StatusChange(dossier.code, int(current), int(Status.RETURNED), now)

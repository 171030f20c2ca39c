"""Moving a dossier along the legal status transitions, and returning results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import DomainError
from app.domain.status import Status, check_transition, parse_status
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from db.engine import Database
from db.models import StatusHistory

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
    text = note.strip()
    if len(text) > MAX_NOTE:
        raise DomainError(
            "note_too_long",
            f"Ghi chú dài quá {MAX_NOTE} ký tự.",
            f"The note is longer than {MAX_NOTE} characters.",
            field="note",
        )
    return text or None


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
        current = Status(dossier.status)
        check_transition(current, target)
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
    return StatusChange(dossier.code, int(current), int(target), now)


def record_return(
    db: Database,
    actor: Actor,
    code: str,
    collector_name: str,
    collector_id_number: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> StatusChange:
    """Hand the result over: status becomes “Đã trả kết quả” with who collected it."""
    auth.require(actor, "dossier.return")
    name = " ".join((collector_name or "").split())
    if not name:
        raise DomainError(
            "missing_collector",
            "Chưa nhập họ tên người nhận kết quả.",
            "The name of the person collecting the result is missing.",
            field="collector_name",
        )
    note = _note(note)
    collector_id = (collector_id_number or "").strip() or None
    now = now or clock.now()
    with db.write() as session:
        dossier = by_code(session, code.strip())
        current = Status(dossier.status)
        check_transition(current, Status.RETURNED)
        dossier.status = int(Status.RETURNED)
        dossier.returned_at = now
        text = f"Người nhận: {name}" + (f" ({collector_id})" if collector_id else "")
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=int(Status.RETURNED),
                officer=actor.username,
                at=now,
                note=f"{text}. {note}" if note else text,
                source="counter",
            )
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
            },
            now,
            dossier.uuid,
        )
        journal.audit(session, actor.username, "dossier.return", dossier.code, now)
    return StatusChange(dossier.code, int(current), int(Status.RETURNED), now)

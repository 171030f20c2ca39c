"""Actions that hand the applicant a slip: supplement request, refusal, stop, extension.

One user action is one transaction. The slip is drawn first, from what a
read transaction saw and outside the SQLite write lock; then one write
transaction records the slip's audit entry, the status change with its
history line and outbox event, and the new appointment where there is one,
all or nothing. If another station changed the dossier or took the slip
number while the slip was drawn, it is drawn again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.status import Status, check_transition
from app.dossiers import progress
from app.dossiers.dossier_actions import ActionResult
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth, settings, station
from app.office.auth import Actor
from app.paper import printing
from db.engine import Database
from db.models import Dossier, StatusHistory


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise DomainError(
            "missing_reason", "Cần nhập lý do.", "A reason is required.", field="reason"
        )
    if len(text) > progress.MAX_NOTE:
        raise DomainError(
            "note_too_long",
            f"Lý do dài quá {progress.MAX_NOTE} ký tự.",
            f"The reason is longer than {progress.MAX_NOTE} characters.",
            field="reason",
        )
    return text


def _slip_action(
    db: Database,
    actor: Actor,
    code: str,
    form: str,
    options: printing.FormOptions,
    target: Status | None,
    note: str,
    *,
    check: Callable[[Session, Dossier], None] | None = None,
    apply: Callable[[Session, Dossier], None] | None = None,
    now: datetime | None = None,
) -> ActionResult:
    auth.require(actor, "dossier.status")
    auth.require(actor, "dossier.print")
    now = now or clock.now()
    for _ in range(printing.MAX_ATTEMPTS):
        with db.read() as session:
            dossier = by_code(session, code.strip())
            if target is not None:
                check_transition(Status(dossier.status), target)
            if check is not None:
                check(session, dossier)
            prepared = printing.prepare(
                session, actor, form, dossier.code, None, None, None, options, now
            )
        pdf, kept = printing.paper_for(db, prepared)
        try:
            with db.write() as session:
                printing.record(session, actor, prepared, kept)
                dossier = by_code(session, prepared.code)
                if check is not None:
                    check(session, dossier)
                if apply is not None:
                    apply(session, dossier)
                if target is not None:
                    progress.apply_status(session, dossier, target, actor, now, note)
                status = dossier.status
        except printing.SlipNumberTaken:
            continue
        return ActionResult(prepared.code, status, pdf)
    raise DomainError(
        "print_busy",
        "Máy khác đang thao tác trên hồ sơ này; hãy thử lại.",
        "Another station is working on this dossier; try again.",
    )


def request_supplement(
    db: Database,
    actor: Actor,
    code: str,
    reason: str,
    missing: str,
    now: datetime | None = None,
) -> ActionResult:
    """Status 5 and the request-to-supplement slip listing ``missing`` (numbers or names).

    The clock stops until the citizen brings the papers (``lifecycle.supplied``).
    """
    text = _reason(reason)
    options = printing.parse_options(reason=text, missing=missing)
    if not options.missing and not options.missing_names:
        raise DomainError(
            "missing_items",
            "Cần ghi rõ giấy tờ phải bổ sung.",
            "List what must be supplemented.",
            field="missing",
        )
    return _slip_action(db, actor, code, "supplement", options, Status.SUPPLEMENT, text, now=now)


def refuse(
    db: Database, actor: Actor, code: str, reason: str, now: datetime | None = None
) -> ActionResult:
    """Status 3 and the refusal slip with the specific reason."""
    text = _reason(reason)
    options = printing.FormOptions(reason=text)
    return _slip_action(db, actor, code, "refusal", options, Status.REFUSED, text, now=now)


def stop(
    db: Database, actor: Actor, code: str, reason: str, now: datetime | None = None
) -> ActionResult:
    """Status 8 ("Dừng xử lý") and the notice of stopping with its reason."""
    text = _reason(reason)
    options = printing.FormOptions(reason=text)
    return _slip_action(
        db, actor, code, "stop", options, Status.STOPPED, f"Dừng xử lý: {text}", now=now
    )


def extend(
    db: Database,
    actor: Actor,
    code: str,
    new_due_at: datetime,
    reason: str,
    now: datetime | None = None,
) -> ActionResult:
    """The apology letter with a new appointment, which the dossier keeps.

    Once without a supervisor; again only by a supervisor. The new date may
    lie at most the setting ``extension_max_working_days`` working days after
    the current appointment.
    """
    text = _reason(reason)
    options = printing.FormOptions(reason=text, new_due_at=new_due_at)
    when = now or clock.now()

    def check(session: Session, dossier: Dossier) -> None:
        if Status(dossier.status).is_terminal or dossier.status == Status.RESOLVED:
            raise DomainError(
                "cannot_extend",
                "Hồ sơ đã kết thúc hoặc đã có kết quả; không hẹn lại được.",
                "The dossier is finished or its result is ready; it cannot be extended.",
                field="code",
            )
        if dossier.extensions and not auth.can(actor, "dossier.extend_again"):
            raise DomainError(
                "extension_needs_supervisor",
                "Hồ sơ đã được hẹn lại một lần; lần tiếp theo cần lãnh đạo bộ phận.",
                "The dossier was extended once already; a supervisor must extend it again.",
                field="code",
            )
        limit = int(settings.get(session, "extension_max_working_days"))
        if dossier.due_at is not None:
            calendar = station.work_calendar(session)
            extra = calendar.working_days_between(dossier.due_at, new_due_at)
            if extra > limit:
                raise DomainError(
                    "extension_too_long",
                    f"Ngày hẹn mới vượt quá {limit} ngày làm việc sau ngày hẹn hiện tại.",
                    f"The new date is more than {limit} working days after the current one.",
                    field="new_date",
                )

    def apply(session: Session, dossier: Dossier) -> None:
        old = dossier.due_at
        dossier.due_at = new_due_at
        dossier.extensions = (dossier.extensions or 0) + 1
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=dossier.status,
                officer=actor.username,
                at=when,
                note=f"Hẹn lại ngày trả kết quả: {new_due_at:%H:%M %d/%m/%Y}. Lý do: {text}",
                source="counter",
            )
        )
        journal.add_event(
            session,
            "dossier.extended",
            {
                "dossier_uuid": dossier.uuid,
                "code": dossier.code,
                "at": clock.to_wire(when),
                "officer": actor.username,
                "due_at": clock.to_wire(new_due_at),
                "previous_due_at": clock.to_wire(old) if old else None,
                "reason": text,
                "extensions": dossier.extensions,
            },
            when,
            dossier.uuid,
        )
        journal.audit(
            session,
            actor.username,
            "dossier.extend",
            dossier.code,
            when,
            {
                "from": old.isoformat() if old else None,
                "to": new_due_at.isoformat(),
                "reason": text,
            },
        )

    return _slip_action(
        db, actor, code, "apology", options, None, text, check=check, apply=apply, now=when
    )

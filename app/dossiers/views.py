"""Read models of dossiers, as screens, the CLI and forms show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.errors import DomainError
from app.domain.status import Status
from app.domain.timeliness import channel_name, overdue
from db.models import Dossier


@dataclass(frozen=True)
class ComponentView:
    index: int
    name: str
    originals: int
    copies: int
    digitized: bool
    reused: bool
    pages: int | None = None


@dataclass(frozen=True)
class HistoryView:
    status: int
    status_label: str
    officer: str | None
    at: datetime
    note: str | None
    source: str


@dataclass(frozen=True)
class DossierView:
    uuid: str
    code: str
    status: int
    status_label: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    applicant_id_number: str | None
    applicant_birth_date: date | None
    applicant_address: str | None
    applicant_phone: str | None
    applicant_email: str | None
    received_at: datetime
    due_at: datetime | None
    returned_at: datetime | None
    overdue: bool
    fee_amount: int
    fee_paid: bool
    lookup_secret: str
    logbook_book: str | None
    logbook_line: int | None
    sets: int
    summary: str | None
    sync_error: str | None
    # The first appointment; ``due_at`` is the current one after pauses and extensions.
    original_due_at: datetime | None = None
    # early / on_time / late once the result is ready (None while open), and at hand-over.
    timeliness: str | None = None
    return_timeliness: str | None = None
    resolved_at: datetime | None = None
    paused_working_days: float = 0.0
    paused: bool = False
    extensions: int = 0
    channel: str = "counter"
    fee_exemption: str | None = None
    postal_tracking: str | None = None
    return_by_post: bool = False
    cancelled: bool = False
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    due_confirmed_by: str | None = None
    components: list[ComponentView] = field(default_factory=list)
    history: list[HistoryView] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        def conv(value: Any) -> Any:
            if isinstance(value, datetime | date):
                return value.isoformat()
            if isinstance(value, list):
                return [conv(v) for v in value]
            if hasattr(value, "__dataclass_fields__"):
                return {k: conv(getattr(value, k)) for k in value.__dataclass_fields__}
            return value

        return conv(self)


def view(dossier: Dossier, now: datetime, *, detail: bool = False) -> DossierView:
    status = Status(dossier.status)
    applicant = dossier.applicant
    return DossierView(
        uuid=dossier.uuid,
        code=dossier.code,
        status=int(status),
        status_label=status.label_vi,
        procedure_code=dossier.procedure.code,
        procedure_name=dossier.procedure.name,
        applicant_name=applicant.full_name,
        applicant_id_number=applicant.id_number or applicant.tax_code,
        applicant_birth_date=applicant.birth_date,
        applicant_address=applicant.address,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        returned_at=dossier.returned_at,
        overdue=overdue(
            status,
            dossier.due_at,
            now,
            timeliness=dossier.timeliness,
            paused_at=dossier.paused_at,
            cancelled=dossier.cancelled_at is not None,
        ),
        fee_amount=dossier.fee_amount,
        fee_paid=dossier.fee_paid,
        lookup_secret=dossier.lookup_secret,
        logbook_book=dossier.logbook_book,
        logbook_line=dossier.logbook_line,
        sets=dossier.sets,
        summary=dossier.summary,
        sync_error=dossier.sync_error,
        original_due_at=dossier.original_due_at or dossier.due_at,
        timeliness=dossier.timeliness,
        return_timeliness=dossier.return_timeliness,
        resolved_at=dossier.resolved_at,
        paused_working_days=round(dossier.paused_working_days or 0.0, 2),
        paused=dossier.paused_at is not None,
        extensions=dossier.extensions or 0,
        channel=channel_name(dossier.channel),
        fee_exemption=dossier.fee_exemption,
        postal_tracking=dossier.postal_tracking,
        return_by_post=bool(dossier.return_by_post),
        cancelled=dossier.cancelled_at is not None,
        cancelled_at=dossier.cancelled_at,
        cancel_reason=dossier.cancel_reason,
        due_confirmed_by=dossier.due_confirmed_by,
        components=[
            ComponentView(c.index, c.name, c.originals, c.copies, c.digitized, c.reused, c.pages)
            for c in dossier.components
        ]
        if detail
        else [],
        history=[
            HistoryView(h.status, Status(h.status).label_vi, h.officer, h.at, h.note, h.source)
            for h in dossier.history
        ]
        if detail
        else [],
    )


def by_code(session: Session, code: str) -> Dossier:
    dossier = session.scalar(
        select(Dossier)
        .where(Dossier.code == code)
        .options(
            selectinload(Dossier.components),
            selectinload(Dossier.history),
            selectinload(Dossier.applicant),
            selectinload(Dossier.procedure),
        )
    )
    if dossier is None:
        raise DomainError(
            "unknown_dossier",
            f"Không tìm thấy hồ sơ mã “{code}”.",
            f"No dossier with code “{code}”.",
            field="code",
        )
    return dossier

"""Read models of dossiers, as screens, the CLI and forms show them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session, selectinload

from app.domain.errors import DomainError
from app.domain.status import Status
from app.domain.timeliness import channel_name, overdue
from db.models import Applicant, Dossier, Procedure


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
    """The read model of a loaded dossier (with its components and history if ``detail``)."""
    base = _summary(dossier, dossier.applicant, dossier.procedure.code, dossier.procedure.name, now)
    if not detail:
        return base
    return replace(
        base,
        components=[
            ComponentView(c.index, c.name, c.originals, c.copies, c.digitized, c.reused, c.pages)
            for c in dossier.components
        ],
        history=[
            HistoryView(h.status, Status(h.status).label_vi, h.officer, h.at, h.note, h.source)
            for h in dossier.history
        ],
    )


def _summary(d: Any, a: Any, proc_code: str, proc_name: str, now: datetime) -> DossierView:
    # ``d`` has the dossier's attributes and ``a`` the applicant's: mapped
    # objects, or one row of :func:`summary_select` serving as both.
    status = Status(d.status)
    return DossierView(
        uuid=d.uuid,
        code=d.code,
        status=int(status),
        status_label=status.label_vi,
        procedure_code=proc_code,
        procedure_name=proc_name,
        applicant_name=a.full_name,
        applicant_id_number=a.id_number or a.tax_code,
        applicant_birth_date=a.birth_date,
        applicant_address=a.address,
        applicant_phone=a.phone,
        applicant_email=a.email,
        received_at=d.received_at,
        due_at=d.due_at,
        returned_at=d.returned_at,
        overdue=overdue(
            status,
            d.due_at,
            now,
            timeliness=d.timeliness,
            paused_at=d.paused_at,
            cancelled=d.cancelled_at is not None,
        ),
        fee_amount=d.fee_amount,
        fee_paid=d.fee_paid,
        lookup_secret=d.lookup_secret,
        logbook_book=d.logbook_book,
        logbook_line=d.logbook_line,
        sets=d.sets,
        summary=d.summary,
        sync_error=d.sync_error,
        original_due_at=d.original_due_at or d.due_at,
        timeliness=d.timeliness,
        return_timeliness=d.return_timeliness,
        resolved_at=d.resolved_at,
        paused_working_days=round(d.paused_working_days or 0.0, 2),
        paused=d.paused_at is not None,
        extensions=d.extensions or 0,
        channel=channel_name(d.channel),
        fee_exemption=d.fee_exemption,
        postal_tracking=d.postal_tracking,
        return_by_post=bool(d.return_by_post),
        cancelled=d.cancelled_at is not None,
        cancelled_at=d.cancelled_at,
        cancel_reason=d.cancel_reason,
        due_confirmed_by=d.due_confirmed_by,
    )


_DOSSIER_FIELDS = [
    "id",
    "uuid",
    "code",
    "status",
    "received_at",
    "due_at",
    "returned_at",
    "timeliness",
    "paused_at",
    "cancelled_at",
    "fee_amount",
    "fee_paid",
    "lookup_secret",
    "logbook_book",
    "logbook_line",
    "sets",
    "summary",
    "sync_error",
    "original_due_at",
    "return_timeliness",
    "resolved_at",
    "paused_working_days",
    "extensions",
    "channel",
    "fee_exemption",
    "postal_tracking",
    "return_by_post",
    "cancel_reason",
    "due_confirmed_by",
]
_APPLICANT_FIELDS = [
    "full_name",
    "id_number",
    "tax_code",
    "birth_date",
    "address",
    "phone",
    "email",
]


def summary_select() -> Select:
    """Every column a dossier's summary view needs, with its applicant and procedure
    joined in: one statement instead of a dossier query and two relationship loads.
    Plain table columns, so running it sets up no ORM mapper."""
    d, a, p = Dossier.__table__.c, Applicant.__table__.c, Procedure.__table__.c
    return (
        select(
            *(d[name] for name in _DOSSIER_FIELDS),
            *(a[name] for name in _APPLICANT_FIELDS),
            p.code.label("procedure_code"),
            p.name.label("procedure_name"),
        )
        .select_from(Dossier.__table__)
        .join(Applicant.__table__, a.id == d.applicant_id)
        .join(Procedure.__table__, p.id == d.procedure_id)
    )


def summary_views(rows: Iterable[Row], now: datetime) -> list[DossierView]:
    """Summary views of rows of :func:`summary_select`."""
    return [_summary(r, r, r.procedure_code, r.procedure_name, now) for r in rows]


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

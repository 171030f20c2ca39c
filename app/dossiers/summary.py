"""The summary view of a dossier, and the plain SQL that reads one by its code.

Free of SQLAlchemy, so that the command line's look-up by code can answer
from a plain DB-API connection (``app.cli.lookup_cmd``). The window's look-up
runs :func:`app.dossiers.views.summary_select`, built from the same column
lists; a test compiles it and compares it with :data:`BY_CODE_SQL`, so the two
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from app.domain.status import Status
from app.domain.timeliness import channel_name, overdue


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
    # cash / transfer / online / pos; None when not recorded.
    fee_payment_method: str | None = None
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


def summary_view(d: Any, a: Any, proc_code: str, proc_name: str, now: datetime) -> DossierView:
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
        fee_payment_method=d.fee_payment_method,
    )


DOSSIER_FIELDS = [
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
    "fee_payment_method",
]
APPLICANT_FIELDS = [
    "full_name",
    "id_number",
    "tax_code",
    "birth_date",
    "address",
    "phone",
    "email",
]


# The summary's columns with the applicant and procedure joined in, as
# SQLAlchemy compiles summary_select() for SQLite.
SUMMARY_SQL = (
    "SELECT "
    + ", ".join(
        [f"dossier.{name}" for name in DOSSIER_FIELDS]
        + [f"applicant.{name}" for name in APPLICANT_FIELDS]
        + ["procedure.code AS procedure_code", "procedure.name AS procedure_name"]
    )
    + " FROM dossier JOIN applicant ON applicant.id = dossier.applicant_id"
    " JOIN procedure ON procedure.id = dossier.procedure_id"
)
# One dossier by its code (the unique index on dossier.code); named parameter ``value``.
BY_CODE_SQL = SUMMARY_SQL + " WHERE dossier.code = :value"

# How SQLAlchemy's SQLite types store what a plain DB-API row gives back as
# text or integers: DateTime and Date as ISO text, Boolean as 0/1.
_DATETIMES = (
    "received_at",
    "due_at",
    "returned_at",
    "paused_at",
    "cancelled_at",
    "original_due_at",
    "resolved_at",
)
_BOOLEANS = ("fee_paid", "return_by_post")


def _typed(names: list[str], values: tuple) -> SimpleNamespace:
    row = dict(zip(names, values, strict=True))
    for name in _DATETIMES:
        if row[name] is not None:
            row[name] = datetime.fromisoformat(row[name])
    if row["birth_date"] is not None:
        row["birth_date"] = date.fromisoformat(row["birth_date"])
    for name in _BOOLEANS:
        if row[name] is not None:
            row[name] = bool(row[name])
    return SimpleNamespace(**row)


def views_from_cursor(cursor: Any, now: datetime) -> list[DossierView]:
    """Summary views of the rows of a DB-API cursor that ran :data:`SUMMARY_SQL`."""
    names = [column[0] for column in cursor.description]
    rows = [_typed(names, tuple(values)) for values in cursor.fetchall()]
    return [summary_view(r, r, r.procedure_code, r.procedure_name, now) for r in rows]

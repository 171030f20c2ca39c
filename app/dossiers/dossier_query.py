"""Filtered, newest-first pages of dossiers for the counter's dossier table.

Pages are fetched by keyset (the last row's receipt time and id), never by
OFFSET and never with a COUNT, so the thousandth page of a million-dossier
station costs what the first does. Receipt times are compared as the text
SQLite stores, because a round trip through ``datetime`` can change how a
value is written (with or without microseconds) and so skip or repeat rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, String, and_, or_, select, tuple_, type_coerce
from sqlalchemy.orm import Session, selectinload

from app.domain.errors import DomainError
from app.domain.status import OVERDUE_CLOCK_STATUSES, Status, is_due_soon
from app.domain.timeliness import overdue
from app.dossiers.views import DossierView, by_code, view
from app.infra import clock
from app.office import auth
from app.office.auth import Actor
from db.engine import Database
from db.models import Applicant, Dossier, Procedure

PAGE_SIZE = 200
MAX_PAGE_SIZE = 1000
DUE_SOON_DAYS = 2


@dataclass(frozen=True)
class DossierFilter:
    """What the clerk narrowed the table to; every part is optional."""

    status: int | None = None
    procedure_code: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    overdue: bool = False
    due_within_days: int | None = None
    # Still running and due on this day (the start screen's "due today").
    due_on: date | None = None
    # With ``overdue``: only dossiers the office can still act on (the day's alarm),
    # not results that were late.
    overdue_open_only: bool = False

    def __post_init__(self) -> None:
        if self.status is not None:
            Status(self.status)
        if self.received_from and self.received_to and self.received_to < self.received_from:
            raise DomainError(
                "bad_period",
                "Ngày kết thúc phải sau ngày bắt đầu.",
                "The end date must not be before the start date.",
                field="received_to",
            )
        if self.due_within_days is not None and not 0 <= self.due_within_days <= 365:
            raise DomainError(
                "bad_due_window",
                "Số ngày sắp đến hạn phải từ 0 đến 365.",
                "The due-soon window must be 0–365 days.",
                field="due_within_days",
            )


@dataclass(frozen=True)
class DossierRow:
    """One line of the dossier table."""

    id: int
    code: str
    status: int
    status_label: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    received_at: datetime
    due_at: datetime | None
    returned_at: datetime | None
    overdue: bool
    due_soon: bool
    # Why the server refused this dossier for good, if it did (it stays here regardless).
    sync_error: str | None = None


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the last row's stored receipt time and id."""

    received_at: str
    id: int


@dataclass(frozen=True)
class Page:
    rows: list[DossierRow] = field(default_factory=list)
    next_cursor: Cursor | None = None


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _stamp(value: datetime) -> str:
    # The way SQLAlchemy writes datetimes into SQLite; text order equals time order.
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def fetch_page(
    db: Database,
    actor: Actor,
    flt: DossierFilter | None = None,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
    now: datetime | None = None,
) -> Page:
    """One page of dossiers matching ``flt``, newest received first."""
    auth.require(actor, "dossier.lookup")
    flt = flt or DossierFilter()
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    now = now or clock.now()
    received = type_coerce(Dossier.received_at, String)
    due = type_coerce(Dossier.due_at, String)
    query = _columns(received, due)
    conditions = []
    if flt.status is not None:
        conditions.append(Dossier.status == int(flt.status))
    if flt.procedure_code:
        proc_id = select(Procedure.id).where(Procedure.code == flt.procedure_code.strip())
        conditions.append(Dossier.procedure_id == proc_id.scalar_subquery())
    if flt.received_from:
        conditions.append(received >= flt.received_from.isoformat())
    if flt.received_to:
        conditions.append(received < (flt.received_to + timedelta(days=1)).isoformat())
    running = [int(s) for s in OVERDUE_CLOCK_STATUSES]
    if flt.overdue and flt.due_within_days is not None:
        # Overdue or due soon: everything late, and what runs out before the window's end.
        conditions.append(
            or_(
                overdue_clause(now, open_only=flt.overdue_open_only),
                and_(
                    Dossier.status.in_(running),
                    Dossier.cancelled_at.is_(None),
                    due >= _stamp(now),
                    due <= _stamp(now + timedelta(days=flt.due_within_days)),
                ),
            )
        )
    elif flt.overdue:
        conditions.append(overdue_clause(now, open_only=flt.overdue_open_only))
    elif flt.due_within_days is not None:
        conditions.append(Dossier.status.in_(running))
        conditions.append(Dossier.cancelled_at.is_(None))
        conditions.append(due >= _stamp(now))
        conditions.append(due <= _stamp(now + timedelta(days=flt.due_within_days)))
    if flt.due_on is not None:
        conditions.append(Dossier.status.in_(running))
        conditions.append(Dossier.cancelled_at.is_(None))
        conditions.append(due >= flt.due_on.isoformat())
        conditions.append(due < (flt.due_on + timedelta(days=1)).isoformat())
    if after is not None:
        conditions.append(tuple_(received, Dossier.id) < tuple_(after.received_at, after.id))
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(Dossier.received_at.desc(), Dossier.id.desc()).limit(limit)
    with db.read() as session:
        found = session.execute(query).all()
        rows = _rows(session, found, now)
    last = Cursor(found[-1][3], found[-1][0]) if found else None
    return Page(rows, last if len(rows) == limit else None)


def overdue_clause(now: datetime, *, open_only: bool = False) -> ColumnElement[bool]:
    """SQL for ``timeliness.overdue``: the same dossiers, in one condition.

    An open dossier whose clock runs past its appointment; one waiting on the
    citizen that was already late when its clock stopped; and, unless
    ``open_only``, a result that was ready late. Never a cancelled entry.
    """
    due = type_coerce(Dossier.due_at, String)
    paused = type_coerce(Dossier.paused_at, String)
    running = [int(s) for s in OVERDUE_CLOCK_STATUSES] + [int(Status.NEW)]
    # Waiting on the citizen: the clock stood still from ``paused_at``.
    waiting = [int(Status.SUPPLEMENT), int(Status.FINANCIAL)]
    late = [
        and_(Dossier.status.in_(running), due < _stamp(now)),
        and_(Dossier.status.in_(waiting), Dossier.paused_at.is_not(None), due < paused),
    ]
    if not open_only:
        finished = [int(Status.RESOLVED), int(Status.RETURNED)]
        late.append(and_(Dossier.status.in_(finished), Dossier.timeliness == "late"))
    return and_(Dossier.cancelled_at.is_(None), Dossier.due_at.is_not(None), or_(*late))


def sync_failures(db: Database, actor: Actor, limit: int = 100) -> list[DossierRow]:
    """Dossiers the server refused for good, newest first, each with its reason."""
    auth.require(actor, "dossier.lookup")
    received = type_coerce(Dossier.received_at, String)
    query = (
        _columns(received, type_coerce(Dossier.due_at, String))
        .where(Dossier.sync_error.is_not(None))
        .order_by(Dossier.received_at.desc(), Dossier.id.desc())
        .limit(max(1, min(limit, MAX_PAGE_SIZE)))
    )
    with db.read() as session:
        return _rows(session, session.execute(query).all(), clock.now())


def _columns(received, due):
    # Dossier columns only: with joins in the same statement SQLite's planner may
    # start from the applicant table and sort a million rows for one page.
    return select(
        Dossier.id,
        Dossier.code,
        Dossier.status,
        received,
        due,
        type_coerce(Dossier.returned_at, String),
        Dossier.procedure_id,
        Dossier.applicant_id,
        Dossier.sync_error,
        Dossier.timeliness,
        type_coerce(Dossier.paused_at, String),
        Dossier.cancelled_at.is_not(None),
    )


def _rows(session: Session, found: list, now: datetime) -> list[DossierRow]:
    """Table rows for ``_columns`` results, with names fetched in two small queries."""
    if not found:
        return []
    names = dict(
        session.execute(
            select(Applicant.id, Applicant.full_name).where(Applicant.id.in_({r[7] for r in found}))
        ).all()
    )
    procs = {
        r[0]: (r[1], r[2])
        for r in session.execute(
            select(Procedure.id, Procedure.code, Procedure.name).where(
                Procedure.id.in_({r[6] for r in found})
            )
        )
    }
    window = timedelta(days=DUE_SOON_DAYS)
    rows: list[DossierRow] = []
    for r in found:
        status = Status(r[2])
        received_at, due_at = _parse(r[3]), _parse(r[4])
        proc_code, proc_name = procs.get(r[6], ("", ""))
        rows.append(
            DossierRow(
                id=r[0],
                code=r[1],
                status=int(status),
                status_label=status.label_vi,
                procedure_code=proc_code,
                procedure_name=proc_name,
                applicant_name=names.get(r[7], ""),
                received_at=received_at,
                due_at=due_at,
                returned_at=_parse(r[5]),
                overdue=overdue(
                    status,
                    due_at,
                    now,
                    timeliness=r[9],
                    paused_at=_parse(r[10]),
                    cancelled=bool(r[11]),
                ),
                due_soon=is_due_soon(status, due_at, now, window),
                sync_error=r[8],
            )
        )
    return rows


def detail(db: Database, actor: Actor, code: str, now: datetime | None = None) -> DossierView:
    """A dossier with its components and status history, for the detail pane."""
    auth.require(actor, "dossier.lookup")
    with db.read() as session:
        return view(by_code(session, code.strip()), now or clock.now(), detail=True)


def recent(db: Database, actor: Actor, limit: int = 20) -> list[DossierView]:
    """The station's latest dossiers, e.g. for the return-results screen."""
    auth.require(actor, "dossier.lookup")
    now = clock.now()
    with db.read() as session:
        ids = select(Dossier.id).order_by(Dossier.id.desc()).limit(limit)
        found = session.scalars(
            select(Dossier)
            .where(Dossier.id.in_(ids))
            .options(selectinload(Dossier.applicant), selectinload(Dossier.procedure))
            .order_by(Dossier.id.desc())
        ).all()
        return [view(d, now) for d in found]

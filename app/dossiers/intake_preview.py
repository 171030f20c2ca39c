"""What the receive screen shows before anything is saved.

The procedure's form (components, fee, processing time), the appointment the
dossier would get if received now, a returning applicant's saved details, and
the parsing of dates as clerks type them (dd/mm/yyyy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.formatting import format_money
from app.domain.text import fold
from app.domain.workcalendar import ProcessingUnit
from app.office import auth, catalogue, settings, station
from app.office.auth import Actor
from app.office.catalogue import ProcedureSummary
from db.engine import Database
from db.models import Applicant

_DISPLAY_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
# As printed on the ID card and typed fast on the numpad: 12051995.
_COMPACT_DATE = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


@dataclass(frozen=True)
class ComponentSpec:
    index: int
    name: str
    originals: int
    copies: int
    required: bool
    verified: bool


@dataclass(frozen=True)
class ProcedureForm:
    """A procedure as the intake form needs it."""

    code: str
    name: str
    field: str | None
    processing_text: str
    fee_amount: int
    fee_text: str
    verified: bool
    # False until a supervisor records a confirmed processing time.
    receivable: bool
    result_place: str | None
    components: tuple[ComponentSpec, ...]
    # The per-copy/per-page rule, so the window can show the fee the counts make.
    fee_rule: dict[str, Any] | None = None


@dataclass(frozen=True)
class SavedApplicant:
    """A returning applicant's details from an earlier dossier."""

    kind: str
    full_name: str
    id_number: str | None
    tax_code: str | None
    birth_date: date | None
    sex: str | None
    address: str | None
    phone: str | None
    email: str | None


def procedure_matches(proc: ProcedureSummary, query: str) -> bool:
    """The catalogue's own rule: every folded word in the name, or a code prefix."""
    words = fold(query).split()
    name = fold(proc.name)
    return all(w in name or proc.code.startswith(w) for w in words)


def rank_procedures(procs: list[ProcedureSummary], query: str) -> list[ProcedureSummary]:
    """Matching procedures, best first: an exact code, then the typed phrase earliest
    in the shortest name, so "khai sinh" puts "Đăng ký khai sinh" before its variants."""
    phrase = " ".join(fold(query).split())

    def key(p: ProcedureSummary) -> tuple[int, int, int]:
        name = fold(p.name)
        at = name.find(phrase) if phrase else 0
        return (0 if p.code == phrase else 1, at if at >= 0 else 999, len(name))

    return sorted((p for p in procs if procedure_matches(p, query)), key=key)


def procedure_form(db: Database, code: str) -> ProcedureForm:
    with db.read() as session:
        p = catalogue.get(session, code)
        return ProcedureForm(
            code=p.code,
            name=p.name,
            field=p.field,
            processing_text=catalogue.processing_text(p.processing_value, p.processing_unit),
            fee_amount=p.fee_amount,
            fee_text=format_money(p.fee_amount),
            verified=p.verified,
            receivable=p.processing_value is not None and p.processing_unit is not None,
            result_place=p.result_place,
            components=tuple(
                ComponentSpec(c.index, c.name, c.originals, c.copies, c.required, c.verified)
                for c in p.components
            ),
            fee_rule=p.fee_rule,
        )


def preview_due(db: Database, code: str, received_at: datetime) -> datetime:
    """The appointment a dossier of procedure ``code`` received at ``received_at`` gets."""
    with db.read() as session:
        p = catalogue.get(session, code)
        if p.processing_value is None or p.processing_unit is None:
            raise DomainError(
                "procedure_without_time",
                f"Thủ tục {p.code} chưa có thời hạn giải quyết đã xác minh.",
                f"Procedure {p.code} has no confirmed processing time.",
                field="procedure",
            )
        calendar = station.work_calendar(session)
        return calendar.due_at(
            received_at,
            p.processing_value,
            ProcessingUnit(p.processing_unit),
            next_day_after_cutoff=p.next_day_after_cutoff,
            cutoff=settings.get_time(session, "cutoff_time"),
        )


def returning_applicant(db: Database, actor: Actor, number: str) -> SavedApplicant | None:
    """The newest saved applicant with this ID number or tax code, if any."""
    auth.require(actor, "dossier.receive")
    value = "".join((number or "").split())
    if not value:
        return None
    with db.read() as session:
        row = session.scalars(
            select(Applicant)
            .where((Applicant.id_number == value) | (Applicant.tax_code == value))
            .order_by(Applicant.id.desc())
        ).first()
        if row is None:
            return None
        return SavedApplicant(
            kind=row.kind,
            full_name=row.full_name,
            id_number=row.id_number,
            tax_code=row.tax_code,
            birth_date=row.birth_date,
            sex=row.sex,
            address=row.address,
            phone=row.phone,
            email=row.email,
        )


def parse_display_date(text: str, field: str = "birth_date") -> date | None:
    """``13/02/2026``, ``13022026`` (or ISO ``2026-02-13``) → a date; empty → None."""
    value = (text or "").strip()
    if not value:
        return None
    try:
        if _ISO_DATE.match(value):
            return date.fromisoformat(value)
        m = _DISPLAY_DATE.match(value) or _COMPACT_DATE.match(value)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        pass
    raise DomainError(
        "bad_date",
        f"Ngày “{value}” không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 12/03/1985 "
        "hoặc 12031985.",
        f"Invalid date “{value}”; type it as day/month/year, e.g. 12/03/1985 or 12031985.",
        field=field,
    )

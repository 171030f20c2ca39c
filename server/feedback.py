"""Feedback (phản ánh, kiến nghị) on the server: from the counters' push, from the
public page, answered in the back office, and back to the stations on pull.

Each item is stored once, by its UUID: a replayed or re-sent event finds it
and changes nothing. The answer is written once; whoever answers first (the
counter or the back office) wins, and the other side learns it through the
office's change feed, with the moment it went on the public page.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.feedback_clock import (
    FeedbackKind,
    FeedbackTerms,
    deadlines,
    open_deadline,
    waiting_for_sender,
)
from app.domain.workcalendar import WorkCalendar
from app.sync import protocol as p
from server.common import now
from server.dossiers import append_change, lock_office
from server.lookupkey import lookup_digest
from server.models import CalendarOverrideRow, Feedback, Office

# The public page's items take station number 0 in the register's codes.
WEB_STATION = 0
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _reject(message: str) -> DomainError:
    return DomainError("feedback_rejected", message)


def apply_received(
    session: Session,
    office_id: int,
    office_code: str,
    payload: p.FeedbackReceived,
    lookup_key: bytes,
) -> tuple[str, str | None]:
    """Store a counter's item once; the same UUID again is a no-op."""
    if payload.office_code.upper() != office_code.upper():
        raise _reject(f"Mã cơ quan {payload.office_code} không phải của văn phòng {office_code}.")
    if not payload.code.upper().startswith(office_code.upper() + "-PA"):
        raise _reject(f"Mã phản ánh {payload.code} không mang mã cơ quan {office_code}.")
    existing = session.scalar(select(Feedback).where(Feedback.uuid == payload.feedback_uuid))
    if existing is not None:
        if existing.office_id != office_id or existing.code != payload.code.upper():
            raise _reject("Mã định danh phản ánh đã được dùng cho một phản ánh khác.")
        return "applied", "Phản ánh đã có trên máy chủ."
    if session.scalar(select(Feedback.id).where(Feedback.code == payload.code.upper())):
        raise _reject(f"Mã phản ánh {payload.code} đã được dùng cho một phản ánh khác.")
    stamp = now()
    session.add(
        Feedback(
            uuid=payload.feedback_uuid,
            office_id=office_id,
            station=payload.station,
            code=payload.code.upper(),
            register_year=payload.register_year,
            register_line=payload.register_line,
            sender_name=payload.sender.full_name,
            sender_address=payload.sender.address,
            sender_phone=payload.sender.phone,
            sender_email=payload.sender.email,
            content=payload.content,
            channel=payload.channel,
            dossier_code=payload.dossier_code,
            kind=payload.kind,
            received_at=payload.received_at,
            due={k: v.isoformat() for k, v in payload.due.items()},
            lookup_hash=lookup_digest(lookup_key, payload.lookup_secret),
            created_at=stamp,
            updated_at=stamp,
        )
    )
    session.flush()
    return "applied", None


def apply_answered(
    session: Session, office_id: int, payload: p.FeedbackAnswered
) -> tuple[str, str | None]:
    """The counter's answer: kept if none is recorded yet, published at once."""
    row = session.scalar(select(Feedback).where(Feedback.uuid == payload.feedback_uuid))
    if row is None or row.office_id != office_id:
        raise _reject("Không tìm thấy phản ánh này của văn phòng trên máy chủ.")
    if row.answered_at is not None:
        if row.answer == payload.answer:
            return "applied", "Câu trả lời đã có trên máy chủ."
        return (
            "conflict",
            f"Phản ánh {row.code} đã được trả lời trên máy chủ lúc "
            f"{row.answered_at:%H:%M %d/%m/%Y}; câu trả lời tại quầy không được áp dụng.",
        )
    _answer(
        session,
        row,
        payload.answer,
        payload.answered_at,
        payload.answered_by,
        "counter",
        payload.outcome,
    )
    return "applied", None


def _answer(
    session: Session,
    row: Feedback,
    text: str,
    at: datetime,
    by: str | None,
    source: str,
    outcome: str = "answered",
) -> None:
    stamp = now()
    row.outcome = outcome
    row.answer = text
    row.answered_at = at
    row.answered_by = by
    row.answer_source = source
    # The public page shows it from now on: that is its publication.
    row.published_at = stamp
    row.updated_at = stamp
    due = dict(row.due)
    due["publish_by"] = deadlines(
        office_calendar(session, row.office_id),
        row.received_at,
        FeedbackKind(row.kind),
        FeedbackTerms(),
        at,
    )["publish_by"].isoformat()
    row.due = due
    append_change(session, row.office_id, "feedback", _change(row, "answered"))


def _change(row: Feedback, event: str) -> dict[str, Any]:
    change: dict[str, Any] = {
        "event": event,
        "feedback_uuid": str(row.uuid),
        "code": row.code,
        "answer": row.answer,
        "answered_at": p.wire_time(row.answered_at) if row.answered_at else None,
        "answered_by": row.answered_by,
        "answer_source": row.answer_source,
        "outcome": row.outcome,
        "published_at": p.wire_time(row.published_at) if row.published_at else None,
    }
    if event == "received":
        change.update(
            register_year=row.register_year,
            register_line=row.register_line,
            station=row.station,
            sender={
                "full_name": row.sender_name,
                "address": row.sender_address,
                "phone": row.sender_phone,
                "email": row.sender_email,
            },
            content=row.content,
            channel=row.channel,
            dossier_code=row.dossier_code,
            kind=row.kind,
            received_at=p.wire_time(row.received_at),
            due=dict(row.due),
        )
    return change


def office_calendar(session: Session, office_id: int) -> WorkCalendar:
    """National holidays and the office's own days (its hours are the stations' default)."""
    off, work = [], []
    for row in session.scalars(
        select(CalendarOverrideRow).where(CalendarOverrideRow.office_id == office_id)
    ):
        (off if row.kind == "off" else work).append(row.day)
    return WorkCalendar(extra_days_off=off, extra_working_days=work)


def _secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(10))


def receive_from_page(
    session: Session,
    office: Office,
    lookup_key: bytes,
    *,
    sender: p.FeedbackSender,
    content: str,
    dossier_code: str | None,
) -> tuple[str, str]:
    """A citizen's feedback sent from the status page: numbered in the web book (station 00).

    Returns the code and the item's own secret for its status page.
    """
    lock_office(session, office.id)
    stamp = now()
    year = stamp.year
    line = (
        session.scalar(
            select(func.max(Feedback.register_line)).where(
                Feedback.office_id == office.id,
                Feedback.station == WEB_STATION,
                Feedback.register_year == year,
            )
        )
        or 0
    ) + 1
    code = f"{office.code}-PA{year % 100:02d}{WEB_STATION:02d}-{line:04d}"
    kind = FeedbackKind.HANDLING if dossier_code else FeedbackKind.REGULATION
    due = deadlines(office_calendar(session, office.id), stamp, kind, FeedbackTerms())
    secret = _secret()
    row = Feedback(
        uuid=uuid.uuid4(),
        office_id=office.id,
        station=WEB_STATION,
        code=code,
        register_year=year,
        register_line=line,
        sender_name=sender.full_name,
        sender_address=sender.address,
        sender_phone=sender.phone,
        sender_email=sender.email,
        content=content,
        channel="web",
        dossier_code=dossier_code,
        kind=str(kind),
        received_at=stamp,
        due={k: v.isoformat() for k, v in due.items()},
        lookup_hash=lookup_digest(lookup_key, secret),
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(row)
    session.flush()
    append_change(session, office.id, "feedback", _change(row, "received"))
    return code, secret


def is_overdue(row: Feedback, today: date) -> bool:
    if waiting_for_sender(row.answered_at, row.info_requested_at, row.info_supplied_at):
        return False  # the answer's clock stops while the sender is asked for more
    due = {k: date.fromisoformat(v) for k, v in (row.due or {}).items()}
    running = open_deadline(due, row.answered_at is not None, row.published_at is not None)
    return running is not None and today > running[1]


def summary(row: Feedback, office_code: str, today: date) -> p.FeedbackSummary:
    return p.FeedbackSummary(
        feedback_uuid=row.uuid,
        code=row.code,
        office_code=office_code,
        received_at=row.received_at,
        channel=row.channel,
        kind=row.kind,
        dossier_code=row.dossier_code,
        sender_name=row.sender_name,
        sender_address=row.sender_address,
        sender_phone=row.sender_phone,
        content=row.content,
        due={k: date.fromisoformat(v) for k, v in (row.due or {}).items()},
        answer=row.answer,
        answered_at=row.answered_at,
        answered_by=row.answered_by,
        outcome=row.outcome,
        overdue=is_overdue(row, today),
        waiting_for_sender=waiting_for_sender(
            row.answered_at, row.info_requested_at, row.info_supplied_at
        ),
    )


def list_for(
    session: Session, office_ids: list[int], *, overdue: bool = False, limit: int = 200
) -> list[p.FeedbackSummary]:
    codes = {
        office_id: code
        for office_id, code in session.execute(
            select(Office.id, Office.code).where(Office.id.in_(office_ids))
        )
    }
    rows = session.scalars(
        select(Feedback)
        .where(Feedback.office_id.in_(office_ids))
        .order_by(Feedback.received_at.desc(), Feedback.id.desc())
        .limit(5000 if overdue else limit)
    )
    today = now().date()
    items = [summary(r, codes[r.office_id], today) for r in rows]
    if overdue:
        items = [i for i in items if i.overdue]
    return items[:limit]


def find_for(session: Session, office_ids: list[int], code: str) -> Feedback | None:
    return session.scalar(
        select(Feedback).where(
            Feedback.code == code.strip().upper(), Feedback.office_id.in_(office_ids)
        )
    )


def answer_in_backoffice(
    session: Session, row: Feedback, text: str, officer_name: str, outcome: str = "answered"
) -> None:
    """Raises ``DomainError`` when the item already has its answer."""
    lock_office(session, row.office_id)
    session.refresh(row)
    if row.answered_at is not None:
        raise DomainError(
            "already_answered",
            f"Phản ánh {row.code} đã được trả lời lúc {row.answered_at:%H:%M %d/%m/%Y}.",
            f"Feedback {row.code} was already answered.",
        )
    _answer(session, row, text, now(), officer_name, "backoffice", outcome)

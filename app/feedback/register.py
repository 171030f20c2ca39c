"""Entering feedback in the register and recording its answer: one transaction each.

The row, its outbox event and its audit entry commit together, like a
dossier's intake (``app.dossiers.intake``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.feedback_clock import (
    OUTCOMES,
    FeedbackKind,
    FeedbackTerms,
    deadlines,
    due_after_supply,
)
from app.dossiers.intake import new_lookup_secret
from app.feedback import intake_rules
from app.infra import clock, journal
from app.office import auth, settings, station
from app.office.auth import Actor
from db.engine import Database
from db.models import Feedback

EVENT_RECEIVED = "feedback.received"
EVENT_ANSWERED = "feedback.answered"
EVENT_INFO_REQUESTED = "feedback.info_requested"
EVENT_INFO_SUPPLIED = "feedback.info_supplied"


@dataclass(frozen=True)
class FeedbackReceipt:
    uuid: str
    code: str
    register_line: int
    kind: str
    received_at: datetime
    due: dict[str, date]
    lookup_secret: str
    status_url: str


def terms(session: Session) -> FeedbackTerms:
    """The counts the office's settings give (a province may change them)."""
    return FeedbackTerms(
        reject=settings.get_int(session, "feedback_reject_days"),
        request_info=settings.get_int(session, "feedback_request_info_days"),
        forward=settings.get_int(session, "feedback_forward_days"),
        resolve=settings.get_int(session, "feedback_resolve_days"),
        publish=settings.get_int(session, "feedback_publish_days"),
    )


def status_url(base: str, code: str, secret: str) -> str:
    return f"{base.rstrip('/')}/phan-anh/{code}?k={secret}"


def format_code(agency: str, year: int, station_number: int, line: int) -> str:
    """``000.00.24.H47-PA2601-0001``: agency, year, station, line of that station's book."""
    return f"{agency}-PA{year % 100:02d}{station_number:02d}-{line:04d}"


def due_of(row: Feedback) -> dict[str, date]:
    names = ("reject_by", "request_info_by", "forward_by", "resolve_by", "publish_by")
    return {name: getattr(row, name) for name in names if getattr(row, name) is not None}


def receive(db: Database, actor: Actor, data: Any, now: datetime | None = None) -> FeedbackReceipt:
    """Check, classify, count the deadlines and enter the item in the register."""
    auth.require(actor, "feedback.receive")
    now = now or clock.now()
    given = intake_rules.parse(data, now)
    with db.write() as session:
        info = station.load(session)
        kind = intake_rules.classify(given.kind, given.dossier_code, info.agency_code)
        due = deadlines(station.work_calendar(session), given.received_at, kind, terms(session))
        year = given.received_at.year
        line = (
            session.scalar(
                select(func.max(Feedback.register_line)).where(
                    Feedback.register_year == year, Feedback.station_id == info.station_id
                )
            )
            or 0
        ) + 1
        code = format_code(info.agency_code, year, info.station_number, line)
        secret = new_lookup_secret()
        row = Feedback(
            uuid=str(uuid.uuid4()),
            code=code,
            register_year=year,
            register_line=line,
            station_id=info.station_id,
            sender_name=given.sender.full_name,
            sender_address=given.sender.address,
            sender_phone=given.sender.phone,
            sender_email=given.sender.email,
            content=given.content,
            channel=given.channel,
            dossier_code=given.dossier_code,
            kind=str(kind),
            received_at=given.received_at,
            received_by=actor.username,
            lookup_secret=secret,
            **due,
        )
        session.add(row)
        session.flush()
        journal.add_event(
            session, EVENT_RECEIVED, received_payload(row, info, actor.username), now, row.uuid
        )
        journal.audit(session, actor.username, "feedback.receive", code, now)
        base = settings.public_base_url(session)
    return FeedbackReceipt(
        uuid=row.uuid,
        code=code,
        register_line=line,
        kind=str(kind),
        received_at=given.received_at,
        due=due,
        lookup_secret=secret,
        status_url=status_url(base, code, secret),
    )


def received_payload(row: Feedback, info: station.StationInfo, officer: str | None) -> dict:
    return {
        "feedback_uuid": row.uuid,
        "code": row.code,
        "office_code": info.agency_code,
        "station": info.station_number,
        "register_year": row.register_year,
        "register_line": row.register_line,
        "sender": {
            "full_name": row.sender_name,
            "address": row.sender_address,
            "phone": row.sender_phone,
            "email": row.sender_email,
        },
        "content": row.content,
        "channel": row.channel,
        "dossier_code": row.dossier_code,
        "kind": row.kind,
        "received_at": clock.to_wire(row.received_at),
        "due": {k: v.isoformat() for k, v in due_of(row).items()},
        "lookup_secret": row.lookup_secret,
        "officer": officer,
    }


def find(session: Session, code: str) -> Feedback:
    row = session.scalar(select(Feedback).where(Feedback.code == str(code or "").strip().upper()))
    if row is None:
        raise DomainError(
            "feedback_not_found",
            f"Không có phản ánh, kiến nghị mã “{code}” trong sổ.",
            f"No feedback with code “{code}” in the register.",
            field="code",
        )
    return row


def record_answer(
    session: Session,
    row: Feedback,
    text: str,
    at: datetime,
    by: str | None,
    source: str,
    outcome: str = "answered",
) -> None:
    """Set the answer and count the publishing deadline from it."""
    row.outcome = outcome if outcome in OUTCOMES else "answered"
    row.answer = text
    row.answered_at = at
    row.answered_by = by
    row.answer_source = source
    due = deadlines(
        station.work_calendar(session), row.received_at, FeedbackKind(row.kind), terms(session), at
    )
    row.publish_by = due["publish_by"]


@dataclass(frozen=True)
class AnswerResult:
    code: str
    answered_at: datetime
    publish_by: date
    outcome: str = "answered"


def check_outcome(value: Any) -> str:
    if value in (None, ""):
        return "answered"
    if value not in OUTCOMES:
        raise DomainError(
            "bad_outcome",
            f"Cách xử lý “{value}” không hợp lệ; dùng answered (trả lời), rejected (từ chối "
            "tiếp nhận) hoặc forwarded (chuyển cơ quan có thẩm quyền).",
            f"Outcome “{value}” is invalid; use answered, rejected or forwarded.",
            field="outcome",
        )
    return str(value)


def answer(
    db: Database,
    actor: Actor,
    code: str,
    text: Any,
    now: datetime | None = None,
    *,
    outcome: str | None = None,
) -> AnswerResult:
    """Record the office's answer (once: an answer is never rewritten).

    ``outcome``: ``answered`` (default), ``rejected`` (the reason is the text) or
    ``forwarded`` (the text names the body it went to).
    """
    auth.require(actor, "feedback.answer")
    closed = check_outcome(outcome)
    now = now or clock.now()
    body = intake_rules.long_text(text, "text", "Nội dung trả lời", intake_rules.MAX_ANSWER)
    with db.write() as session:
        row = find(session, code)
        if row.answered_at is not None:
            raise DomainError(
                "already_answered",
                f"Phản ánh {row.code} đã được trả lời lúc {row.answered_at:%H:%M %d/%m/%Y}; "
                "câu trả lời đã ghi không sửa được.",
                f"Feedback {row.code} was answered at {row.answered_at:%H:%M %d/%m/%Y}; "
                "a recorded answer cannot be changed.",
                field="code",
            )
        record_answer(session, row, body, now, actor.full_name or actor.username, "counter", closed)
        journal.add_event(
            session,
            EVENT_ANSWERED,
            {
                "feedback_uuid": row.uuid,
                "code": row.code,
                "answer": body,
                "answered_at": clock.to_wire(now),
                "answered_by": row.answered_by,
                "outcome": closed,
                "officer": actor.username,
            },
            now,
            row.uuid,
        )
        journal.audit(session, actor.username, "feedback.answer", row.code, now)
        return AnswerResult(row.code, now, row.publish_by, closed)


@dataclass(frozen=True)
class InfoRequestResult:
    code: str
    requested_at: datetime
    request_info_by: date
    # Asked on or before the ask-more-information deadline's day.
    on_time: bool


@dataclass(frozen=True)
class InfoSuppliedResult:
    code: str
    supplied_at: datetime
    resolve_by: date


def _still_open(row: Feedback) -> None:
    if row.answered_at is not None:
        raise DomainError(
            "already_answered",
            f"Phản ánh {row.code} đã được trả lời lúc {row.answered_at:%H:%M %d/%m/%Y}; "
            "không còn yêu cầu bổ sung thông tin được.",
            f"Feedback {row.code} was answered at {row.answered_at:%H:%M %d/%m/%Y}; "
            "no more information can be asked for.",
            field="code",
        )


def _not_before_receipt(row: Feedback, at: datetime) -> None:
    if at < row.received_at:
        raise DomainError(
            "before_received",
            f"Thời điểm {at:%H:%M %d/%m/%Y} trước lúc tiếp nhận phản ánh "
            f"({row.received_at:%H:%M %d/%m/%Y}).",
            f"{at:%H:%M %d/%m/%Y} is before the feedback was received "
            f"({row.received_at:%H:%M %d/%m/%Y}).",
            field="at",
        )


def ask_info(
    db: Database, actor: Actor, code: str, text: Any, now: datetime | None = None
) -> InfoRequestResult:
    """Record the request to the sender for more information (once per item).

    Until the information arrives the item waits for the sender and is not late
    for its answer; the request itself is judged by ``request_info_by``. The
    step goes to the server, whose public page and reports then agree.
    """
    auth.require(actor, "feedback.answer")
    now = now or clock.now()
    body = intake_rules.long_text(text, "text", "Nội dung yêu cầu bổ sung", intake_rules.MAX_ANSWER)
    with db.write() as session:
        row = find(session, code)
        _still_open(row)
        if row.request_info_by is None:
            raise DomainError(
                "info_request_not_applicable",
                f"Phản ánh {row.code} không thuộc thẩm quyền của cơ quan (chỉ chuyển cơ quan có "
                "thẩm quyền); không yêu cầu bổ sung thông tin.",
                f"Feedback {row.code} is outside the office's competence (to be forwarded); "
                "no more information is asked for.",
                field="code",
            )
        if row.info_requested_at is not None:
            raise DomainError(
                "info_already_requested",
                f"Phản ánh {row.code} đã được yêu cầu bổ sung thông tin lúc "
                f"{row.info_requested_at:%H:%M %d/%m/%Y}.",
                f"More information on feedback {row.code} was already asked for at "
                f"{row.info_requested_at:%H:%M %d/%m/%Y}.",
                field="code",
            )
        _not_before_receipt(row, now)
        row.info_request = body
        row.info_requested_at = now
        row.info_requested_by = actor.full_name or actor.username
        journal.add_event(
            session,
            EVENT_INFO_REQUESTED,
            {
                "feedback_uuid": row.uuid,
                "code": row.code,
                "request": body,
                "requested_at": clock.to_wire(now),
                "requested_by": row.info_requested_by,
                "officer": actor.username,
            },
            now,
            row.uuid,
        )
        journal.audit(session, actor.username, "feedback.ask_info", row.code, now)
        return InfoRequestResult(
            row.code, now, row.request_info_by, now.date() <= row.request_info_by
        )


def info_supplied(
    db: Database, actor: Actor, code: str, now: datetime | None = None
) -> InfoSuppliedResult:
    """The sender supplied what was asked: count the answer's deadline again from today."""
    auth.require(actor, "feedback.answer")
    now = now or clock.now()
    with db.write() as session:
        row = find(session, code)
        _still_open(row)
        if row.info_requested_at is None:
            raise DomainError(
                "info_not_requested",
                f"Phản ánh {row.code} chưa có yêu cầu bổ sung thông tin.",
                f"No more information was asked for on feedback {row.code}.",
                field="code",
            )
        if row.info_supplied_at is not None:
            raise DomainError(
                "info_already_supplied",
                f"Thông tin bổ sung cho phản ánh {row.code} đã được ghi nhận lúc "
                f"{row.info_supplied_at:%H:%M %d/%m/%Y}.",
                f"The information for feedback {row.code} was already recorded at "
                f"{row.info_supplied_at:%H:%M %d/%m/%Y}.",
                field="code",
            )
        if now < row.info_requested_at:
            raise DomainError(
                "before_requested",
                f"Thời điểm {now:%H:%M %d/%m/%Y} trước lúc yêu cầu bổ sung thông tin.",
                f"{now:%H:%M %d/%m/%Y} is before the information was asked for.",
                field="at",
            )
        row.info_supplied_at = now
        counts = terms(session)
        due = due_after_supply(due_of(row), station.work_calendar(session), now, counts)
        row.resolve_by = due["resolve_by"]
        journal.add_event(
            session,
            EVENT_INFO_SUPPLIED,
            {
                "feedback_uuid": row.uuid,
                "code": row.code,
                "supplied_at": clock.to_wire(now),
                "resolve_days": counts.resolve,
                "officer": actor.username,
            },
            now,
            row.uuid,
        )
        journal.audit(session, actor.username, "feedback.info_supplied", row.code, now)
        return InfoSuppliedResult(row.code, now, row.resolve_by)

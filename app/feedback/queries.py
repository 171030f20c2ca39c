"""Reading the feedback register: the list, what is overdue or due soon, one item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.domain.feedback_clock import (
    CHANNEL_LABELS,
    DEADLINE_LABELS,
    OUTCOME_LABELS,
    FeedbackKind,
    open_deadline,
    standing,
    tally_on_time,
)
from app.domain.workcalendar import WorkCalendar
from app.feedback.register import due_of, find, status_url
from app.infra import clock
from app.office import settings, station
from db.engine import Database
from db.models import Feedback


@dataclass(frozen=True)
class FeedbackItem:
    code: str
    register_line: int
    received_at: datetime
    sender_name: str
    sender_address: str
    sender_phone: str
    sender_email: str | None
    channel: str
    kind: str
    dossier_code: str | None
    content: str
    received_by: str | None
    due: dict[str, date]
    answer: str | None
    answered_at: datetime | None
    answered_by: str | None
    answer_source: str | None
    outcome: str | None
    published_at: datetime | None
    # The deadline now running (``None`` once answered and published), and how it stands.
    next_deadline: str | None
    next_due: date | None
    standing: str
    info_request: str | None = None
    info_requested_at: datetime | None = None
    info_requested_by: str | None = None
    info_supplied_at: datetime | None = None

    @property
    def waiting_for_sender(self) -> bool:
        """Asked for more information that has not arrived: the answer's clock stops."""
        return (
            self.answered_at is None
            and self.info_requested_at is not None
            and self.info_supplied_at is None
        )

    @property
    def kind_label(self) -> str:
        return FeedbackKind(self.kind).label_vi

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel)

    @property
    def state_label(self) -> str:
        if self.waiting_for_sender:
            return "Chờ người phản ánh bổ sung thông tin"
        if self.answered_at is None:
            return "Chưa trả lời"
        done = OUTCOME_LABELS.get(self.outcome or "answered", "Đã trả lời")
        if self.published_at is None:
            return f"{done}, chưa công khai"
        return f"{done}, đã công khai"

    @property
    def next_label(self) -> str:
        return DEADLINE_LABELS.get(self.next_deadline or "", "")

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "register_line": self.register_line,
            "received_at": self.received_at.isoformat(),
            "sender": {
                "full_name": self.sender_name,
                "address": self.sender_address,
                "phone": self.sender_phone,
                "email": self.sender_email,
            },
            "channel": self.channel,
            "kind": self.kind,
            "dossier_code": self.dossier_code,
            "content": self.content,
            "due": {k: v.isoformat() for k, v in self.due.items()},
            "answer": self.answer,
            "answered_at": self.answered_at.isoformat() if self.answered_at else None,
            "answered_by": self.answered_by,
            "answer_source": self.answer_source,
            "outcome": self.outcome,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "next_deadline": self.next_deadline,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "standing": self.standing,
            "info_request": None
            if self.info_requested_at is None
            else {
                "text": self.info_request,
                "requested_at": self.info_requested_at.isoformat(),
                "requested_by": self.info_requested_by,
                "on_time": "request_info_by" in self.due
                and self.info_requested_at.date() <= self.due["request_info_by"],
                "supplied_at": self.info_supplied_at.isoformat() if self.info_supplied_at else None,
            },
        }


def _item(row: Feedback, calendar: WorkCalendar, today: date) -> FeedbackItem:
    due = due_of(row)
    running = open_deadline(due, row.answered_at is not None, row.published_at is not None)
    waiting = (
        row.answered_at is None
        and row.info_requested_at is not None
        and row.info_supplied_at is None
    )
    if waiting:
        running = None
    return FeedbackItem(
        code=row.code,
        register_line=row.register_line,
        received_at=row.received_at,
        sender_name=row.sender_name,
        sender_address=row.sender_address,
        sender_phone=row.sender_phone,
        sender_email=row.sender_email,
        channel=row.channel,
        kind=row.kind,
        dossier_code=row.dossier_code,
        content=row.content,
        received_by=row.received_by,
        due=due,
        answer=row.answer,
        answered_at=row.answered_at,
        answered_by=row.answered_by,
        answer_source=row.answer_source,
        outcome=row.outcome,
        published_at=row.published_at,
        next_deadline=running[0] if running else None,
        next_due=running[1] if running else None,
        standing="waiting"
        if waiting
        else standing(calendar, running[1], today)
        if running
        else "done",
        info_request=row.info_request,
        info_requested_at=row.info_requested_at,
        info_requested_by=row.info_requested_by,
        info_supplied_at=row.info_supplied_at,
    )


def list_feedback(
    db: Database, *, overdue: bool = False, today: date | None = None, limit: int = 1000
) -> list[FeedbackItem]:
    """The register, newest first; ``overdue`` keeps only items past their running deadline."""
    today = today or clock.now().date()
    with db.read() as session:
        calendar = station.work_calendar(session)
        query = select(Feedback).order_by(Feedback.received_at.desc(), Feedback.id.desc())
        # Only open items can be late; the exact deadline is checked below.
        query = query.where(Feedback.published_at.is_(None)) if overdue else query.limit(limit)
        items = [_item(row, calendar, today) for row in session.scalars(query)]
    if overdue:
        items = [i for i in items if i.standing == "overdue"][:limit]
    return items


def get(db: Database, code: str, today: date | None = None) -> FeedbackItem:
    today = today or clock.now().date()
    with db.read() as session:
        return _item(find(session, code), station.work_calendar(session), today)


@dataclass(frozen=True)
class FeedbackCounts:
    open: int
    overdue: int
    due_soon: int


def counts(db: Database, today: date | None = None) -> FeedbackCounts:
    """For the day's overview: items still running, and how many are late or close."""
    today = today or clock.now().date()
    with db.read() as session:
        calendar = station.work_calendar(session)
        rows = session.scalars(select(Feedback).where(Feedback.published_at.is_(None))).all()
        running = [_item(r, calendar, today) for r in rows]
    return FeedbackCounts(
        open=sum(1 for i in running if i.standing != "done"),
        overdue=sum(1 for i in running if i.standing == "overdue"),
        due_soon=sum(1 for i in running if i.standing == "due_soon"),
    )


def public_link(db: Database, code: str) -> str | None:
    """The item's status page with its secret; None when the station never had the secret
    (an item sent from the public page)."""
    with db.read() as session:
        row = find(session, code)
        if not row.lookup_secret:
            return None
        return status_url(settings.public_base_url(session), row.code, row.lookup_secret)


def on_time(db: Database, begins: datetime, ends: datetime, as_of: datetime) -> tuple[int, int]:
    """(answered on time, handled) for the period, for the Decision 766 indicator.

    Handled: items answered within the period, and items still unanswered whose
    answer deadline (or forwarding deadline, outside the office's competence)
    fell within the period and has passed. On time: answered on or before that
    deadline's day. Items whose deadline is still ahead are not counted yet.
    """
    with db.read() as session:
        rows = session.execute(
            select(
                Feedback.answered_at,
                Feedback.outcome,
                Feedback.reject_by,
                Feedback.resolve_by,
                Feedback.forward_by,
                Feedback.info_requested_at,
                Feedback.info_supplied_at,
            ).where(
                (Feedback.answered_at.between(begins, ends))
                | (
                    Feedback.answered_at.is_(None)
                    & Feedback.resolve_by.between(begins.date(), ends.date())
                )
            )
        ).all()
    items = []
    for answered_at, outcome, reject_by, resolve_by, forward_by, asked, supplied in rows:
        due = {"reject_by": reject_by, "resolve_by": resolve_by}
        if forward_by is not None:
            due["forward_by"] = forward_by
        items.append((answered_at, outcome, due, asked is not None and supplied is None))
    return tally_on_time(items, begins, ends, as_of)

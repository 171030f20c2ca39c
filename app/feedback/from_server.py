"""Applying what the server says about feedback: items sent from the public page, and
answers given in the back office (or the moment a counter's answer was published)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.feedback_clock import FeedbackKind, deadlines
from app.feedback.register import record_answer, terms
from app.infra import clock, journal
from app.office import station
from db.models import Feedback


def _when(value: Any):
    return clock.parse_datetime(str(value), field="at") if value else None


def apply_change(session: Session, data: dict[str, Any]) -> int:
    """Returns 1 when the register changed, 0 when it already knew (a replayed page)."""
    row = session.scalar(select(Feedback).where(Feedback.uuid == str(data.get("feedback_uuid"))))
    if data.get("event") == "received":
        if row is not None:
            return 0
        row = _from_page(session, data)
    if row is None:
        return 0
    changed = 0
    answer = data.get("answer")
    if answer and (row.answered_at is None or row.answer != answer):
        # The server's answer is the one on the public page: when the counter answered
        # too (offline, at the same time), the published one is kept here as well and
        # the counter's text stays in the audit log.
        replaced = row.answer
        record_answer(
            session,
            row,
            str(answer),
            _when(data.get("answered_at")) or clock.now(),
            data.get("answered_by"),
            data.get("answer_source") or "backoffice",
            str(data.get("outcome") or "answered"),
        )
        journal.audit(
            session,
            None,
            "feedback.answer_pulled",
            row.code,
            clock.now(),
            {"replaced_counter_answer": replaced} if replaced else None,
        )
        changed = 1
    published = _when(data.get("published_at"))
    if published is not None and row.published_at is None:
        row.published_at = published
        changed = 1
    return changed


def _from_page(session: Session, data: dict[str, Any]) -> Feedback:
    """An item a citizen sent from the public page enters this station's register too,
    with the deadlines counted on this office's calendar and settings."""
    sender = data.get("sender") or {}
    received = _when(data.get("received_at")) or clock.now()
    kind = FeedbackKind(data.get("kind") or "regulation")
    due = deadlines(station.work_calendar(session), received, kind, terms(session))
    row = Feedback(
        uuid=str(data["feedback_uuid"]),
        code=str(data["code"]),
        register_year=int(data.get("register_year") or received.year),
        register_line=int(data.get("register_line") or 0),
        # Not this counter's book: the public page's (station 00).
        station_id=None,
        sender_name=str(sender.get("full_name") or ""),
        sender_address=str(sender.get("address") or ""),
        sender_phone=str(sender.get("phone") or ""),
        sender_email=sender.get("email"),
        content=str(data.get("content") or ""),
        channel=str(data.get("channel") or "web"),
        dossier_code=data.get("dossier_code"),
        kind=str(kind),
        received_at=received,
        received_by=None,
        # The server keeps only a digest; the citizen holds the link.
        lookup_secret="",
        **due,
    )
    session.add(row)
    session.flush()
    journal.audit(session, None, "feedback.receive_web", row.code, clock.now())
    return row

"""Printing the feedback register's papers from what the register holds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.feedback_clock import DEADLINE_LABELS
from app.feedback import queries
from app.infra import clock, journal
from app.office import auth, settings
from app.office.auth import Actor
from app.paper import printing
from app.paper.render.feedback import FeedbackPaper, render_acknowledgement, render_answer
from db.engine import Database
from db.models import Officer


def _paper(db: Database, code: str) -> tuple[FeedbackPaper, printing.OfficeInfo, dict]:
    item = queries.get(db, code)
    url = queries.public_link(db, item.code)
    with db.read() as session:
        office = printing.office_info(session)
        values = settings.get_all(session)
        officer = session.scalar(
            select(Officer.full_name).where(Officer.username == item.received_by)
        )
    paper = FeedbackPaper(
        code=item.code,
        register_line=item.register_line,
        received_at=item.received_at,
        sender_name=item.sender_name,
        sender_address=item.sender_address,
        sender_phone=item.sender_phone,
        sender_email=item.sender_email,
        channel_label=item.channel_label,
        kind_label=item.kind_label,
        dossier_code=item.dossier_code,
        content=item.content,
        deadlines=tuple((DEADLINE_LABELS[k], v) for k, v in item.due.items()),
        status_url=url,
        officer=officer or item.received_by or "",
        answer=item.answer,
        answered_at=item.answered_at,
        outcome=item.outcome,
        info_request=item.info_request,
        info_requested_at=item.info_requested_at,
    )
    return paper, office, values


def _printed(db: Database, actor: Actor, form: str, code: str, at: datetime) -> None:
    """Every print is in the audit log, as the dossiers' slips are."""
    with db.write() as session:
        journal.audit(session, actor.username, f"print.{form}", code, at)


def acknowledgement(db: Database, actor: Actor, code: str, now: datetime | None = None) -> bytes:
    """The acknowledgement handed (or posted) to the sender: code, deadlines, status QR."""
    auth.require(actor, "dossier.print")
    now = now or clock.now()
    paper, office, _ = _paper(db, code)
    pdf = render_acknowledgement(office, paper, printed_at=now)
    _printed(db, actor, "feedback_ack", paper.code, now)
    return pdf


def answer_letter(db: Database, actor: Actor, code: str, now: datetime | None = None) -> bytes:
    """The office's answer as a letter to the sender (once the answer is recorded)."""
    auth.require(actor, "dossier.print")
    now = now or clock.now()
    paper, office, values = _paper(db, code)
    if paper.answer is None:
        raise DomainError(
            "not_answered",
            f"Phản ánh {paper.code} chưa được trả lời; chưa có văn bản trả lời để in.",
            f"Feedback {paper.code} has no answer yet; there is no letter to print.",
            field="code",
        )
    pdf = render_answer(
        office,
        paper,
        head_name=values.get("head_name") or None,
        head_title=values.get("head_title") or None,
        printed_at=now,
    )
    _printed(db, actor, "feedback_answer", paper.code, now)
    return pdf


def info_request_letter(
    db: Database, actor: Actor, code: str, now: datetime | None = None
) -> bytes:
    """The request to the sender for more information, as a letter (once recorded)."""
    auth.require(actor, "dossier.print")
    now = now or clock.now()
    paper, office, values = _paper(db, code)
    if paper.info_request is None:
        raise DomainError(
            "info_not_requested",
            f"Phản ánh {paper.code} chưa có yêu cầu bổ sung thông tin; chưa có văn bản để in.",
            f"No more information was asked for on feedback {paper.code}; nothing to print.",
            field="code",
        )
    pdf = render_answer(
        office,
        paper,
        head_name=values.get("head_name") or None,
        head_title=values.get("head_title") or None,
        printed_at=now,
        info_request=True,
    )
    _printed(db, actor, "feedback_info_request", paper.code, now)
    return pdf

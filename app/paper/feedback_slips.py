"""Printing the feedback register's papers from what the register holds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.feedback_clock import DEADLINE_LABELS
from app.feedback import queries
from app.infra import clock
from app.office import settings
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
    )
    return paper, office, values


def acknowledgement(db: Database, code: str, now: datetime | None = None) -> bytes:
    paper, office, _ = _paper(db, code)
    return render_acknowledgement(office, paper, printed_at=now or clock.now())


def answer_letter(db: Database, code: str, now: datetime | None = None) -> bytes:
    paper, office, values = _paper(db, code)
    if paper.answer is None:
        raise DomainError(
            "not_answered",
            f"Phản ánh {paper.code} chưa được trả lời; chưa có văn bản trả lời để in.",
            f"Feedback {paper.code} has no answer yet; there is no letter to print.",
            field="code",
        )
    return render_answer(
        office,
        paper,
        head_name=values.get("head_name") or None,
        head_title=values.get("head_title") or None,
        printed_at=now or clock.now(),
    )

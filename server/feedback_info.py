"""A counter's request to a feedback sender for more information, and its arrival.

While the office waits for the sender the answer's clock stops (the item is
neither late nor counted as handled); once the information is supplied the
answer's deadline is counted again from that day, with the function the
station uses (``app.domain.feedback_clock.due_after_supply``), so the public
page, the back office and the reports agree with the counter's register.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.feedback_clock import FeedbackTerms, due_after_supply
from app.sync import protocol as p
from server.common import now
from server.feedback import office_calendar
from server.models import Feedback


def _item(session: Session, office_id: int, feedback_uuid: object) -> Feedback:
    row = session.scalar(select(Feedback).where(Feedback.uuid == feedback_uuid))
    if row is None or row.office_id != office_id:
        raise DomainError(
            "feedback_rejected", "Không tìm thấy phản ánh này của văn phòng trên máy chủ."
        )
    return row


def _answered(row: Feedback) -> tuple[str, str]:
    # The back office answered first: the counter's step no longer changes the item.
    return (
        "conflict",
        f"Phản ánh {row.code} đã được trả lời trên máy chủ lúc "
        f"{row.answered_at:%H:%M %d/%m/%Y}; bước bổ sung thông tin tại quầy không được áp dụng.",
    )


def apply_info_requested(
    session: Session, office_id: int, payload: p.FeedbackInfoRequested
) -> tuple[str, str | None]:
    row = _item(session, office_id, payload.feedback_uuid)
    if row.info_requested_at is not None:
        return "applied", "Yêu cầu bổ sung thông tin đã có trên máy chủ."
    if row.answered_at is not None:
        return _answered(row)
    row.info_requested_at = payload.requested_at
    row.updated_at = now()
    return "applied", None


def apply_info_supplied(
    session: Session, office_id: int, payload: p.FeedbackInfoSupplied
) -> tuple[str, str | None]:
    row = _item(session, office_id, payload.feedback_uuid)
    if row.info_supplied_at is not None:
        return "applied", "Thông tin bổ sung đã có trên máy chủ."
    if row.answered_at is not None:
        return _answered(row)
    if row.info_requested_at is None:
        raise DomainError(
            "feedback_rejected",
            f"Phản ánh {row.code} chưa có yêu cầu bổ sung thông tin trên máy chủ.",
        )
    due = {k: date.fromisoformat(v) for k, v in (row.due or {}).items()}
    due = due_after_supply(
        due,
        office_calendar(session, row.office_id),
        payload.supplied_at,
        FeedbackTerms(resolve=payload.resolve_days),
    )
    row.info_supplied_at = payload.supplied_at
    row.due = {k: v.isoformat() for k, v in due.items()}
    row.updated_at = now()
    return "applied", None

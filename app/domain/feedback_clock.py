"""The legal clock of a citizen's feedback (phản ánh, kiến nghị), in working days.

Decree 20/2008/NĐ-CP and the national portal's rules give the office, from
the day a feedback item is received: 2 working days to refuse it, 5 to ask
the sender for more information, 5 to forward what is outside its
competence, 15 to resolve it, and 2 more after resolving to publish the
answer. A province may change the counts, so they come from the settings
(:class:`FeedbackTerms`); the days are counted on the office calendar the
way appointments are (:meth:`WorkCalendar.add_working_days`).

Which deadlines apply depends on the kind: refusal and the 15-day answer
always; asking for more information only for what the office handles
itself; forwarding only for what is outside its competence; publishing
only once an answer exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.domain.workcalendar import WorkCalendar


class FeedbackKind(StrEnum):
    """How the register classifies an item."""

    REGULATION = "regulation"  # về quy định hành chính
    HANDLING = "handling"  # về việc giải quyết thủ tục hành chính (a dossier)
    OUTSIDE = "outside"  # không thuộc thẩm quyền: chuyển cơ quan có thẩm quyền

    @property
    def label_vi(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    FeedbackKind.REGULATION: "Về quy định hành chính",
    FeedbackKind.HANDLING: "Về việc giải quyết thủ tục hành chính",
    FeedbackKind.OUTSIDE: "Không thuộc thẩm quyền (chuyển cơ quan có thẩm quyền)",
}

CHANNELS = ("counter", "letter", "phone", "web")
CHANNEL_LABELS = {
    "counter": "Trực tiếp tại quầy",
    "letter": "Qua thư, văn bản",
    "phone": "Qua điện thoại",
    "web": "Qua trang tra cứu trực tuyến",
}

# How an item is closed: answered by the office, refused (within 2 days), or
# forwarded to the competent body (within 5); each is judged by its own deadline.
OUTCOMES = ("answered", "rejected", "forwarded")
OUTCOME_LABELS = {
    "answered": "Đã trả lời",
    "rejected": "Đã từ chối tiếp nhận",
    "forwarded": "Đã chuyển cơ quan có thẩm quyền",
}
_OUTCOME_DEADLINE = {
    "answered": "resolve_by",
    "rejected": "reject_by",
    "forwarded": "forward_by",
}


def deadline_for(due: dict[str, date], outcome: str | None) -> date:
    """The deadline a closed item is judged by (an item never classified as outside the
    office's competence and then forwarded is judged by the 15-day answer)."""
    key = _OUTCOME_DEADLINE.get(outcome or "answered", "resolve_by")
    return due.get(key) or due["resolve_by"]


# Deadline names, in the order a person reads them.
DEADLINE_LABELS = {
    "reject_by": "Hạn từ chối tiếp nhận",
    "request_info_by": "Hạn đề nghị bổ sung thông tin",
    "forward_by": "Hạn chuyển cơ quan có thẩm quyền",
    "resolve_by": "Hạn xử lý, trả lời",
    "publish_by": "Hạn công khai kết quả",
}

# "Due soon" means within this many working days of a deadline still open.
DUE_SOON_WORKING_DAYS = 2


@dataclass(frozen=True)
class FeedbackTerms:
    """The counts, in working days (settings ``feedback_*_days``)."""

    reject: int = 2
    request_info: int = 5
    forward: int = 5
    resolve: int = 15
    publish: int = 2


def deadlines(
    calendar: WorkCalendar,
    received_at: datetime,
    kind: FeedbackKind,
    terms: FeedbackTerms,
    answered_at: datetime | None = None,
) -> dict[str, date]:
    """Every deadline that applies, as dates (the day the period ends)."""

    def after(start: datetime, days: int) -> date:
        return calendar.add_working_days(start, days).date()

    due: dict[str, date] = {"reject_by": after(received_at, terms.reject)}
    if kind is FeedbackKind.OUTSIDE:
        due["forward_by"] = after(received_at, terms.forward)
    else:
        due["request_info_by"] = after(received_at, terms.request_info)
    due["resolve_by"] = after(received_at, terms.resolve)
    if answered_at is not None:
        due["publish_by"] = after(answered_at, terms.publish)
    return due


def resolve_after_supply(
    calendar: WorkCalendar, supplied_at: datetime, terms: FeedbackTerms
) -> date:
    """The answer's deadline once the sender has supplied what was asked: the full
    count again, from the day the information arrived."""
    return calendar.add_working_days(supplied_at, terms.resolve).date()


def due_after_supply(
    due: dict[str, date], calendar: WorkCalendar, supplied_at: datetime, terms: FeedbackTerms
) -> dict[str, date]:
    """The deadlines once the sender has supplied what was asked: only the answer's moves.

    Shared by the station's register and the server, which hold the same item.
    """
    return {**due, "resolve_by": resolve_after_supply(calendar, supplied_at, terms)}


def waiting_for_sender(
    answered_at: datetime | None, requested_at: datetime | None, supplied_at: datetime | None
) -> bool:
    """Asked for more information that has not arrived: the answer's clock stops."""
    return answered_at is None and requested_at is not None and supplied_at is None


def open_deadline(due: dict[str, date], answered: bool, published: bool) -> tuple[str, date] | None:
    """The deadline the office is working against now, or ``None`` when all is done.

    Before an answer, that is the answer itself (or forwarding, for what is
    outside the office's competence); after it, publishing the answer.
    """
    if not answered:
        key = "forward_by" if "forward_by" in due else "resolve_by"
        return key, due[key]
    if not published and "publish_by" in due:
        return "publish_by", due["publish_by"]
    return None


def standing(calendar: WorkCalendar, deadline: date, today: date) -> str:
    """``overdue`` after the deadline's day, ``due_soon`` within two working days, else ``ok``."""
    if today > deadline:
        return "overdue"
    days_left = 0
    cursor = today
    while cursor < deadline:
        cursor = calendar.next_working_day(cursor)
        days_left += 1
        if days_left > DUE_SOON_WORKING_DAYS:
            return "ok"
    return "due_soon"


def tally_on_time(
    items: Iterable[tuple[datetime | None, str | None, dict[str, date], bool]],
    begins: datetime,
    ends: datetime,
    as_of: datetime,
) -> tuple[int, int]:
    """(answered on time, handled) in a period, for the Decision 766 indicator.

    Each item is (answered at, outcome, deadlines, waiting for the sender).
    Handled: items answered within the period, and items still unanswered
    whose answer deadline (or forwarding deadline, outside the office's
    competence) fell within the period and has passed; an item waiting for its
    sender is neither. On time: answered on or before its deadline's day.
    Shared by the station's report and the server's, which hold the same items.
    """
    handled = kept = 0
    first, last = begins.date(), ends.date()
    for answered_at, outcome, due, waiting in items:
        if answered_at is None:
            if waiting:
                continue  # waiting for the sender: not late, not handled yet
            deadline = due.get("forward_by") or due["resolve_by"]
            if deadline >= as_of.date() or not first <= deadline <= last:
                continue
            handled += 1
            continue
        if not begins <= answered_at <= ends:
            continue
        handled += 1
        kept += answered_at.date() <= deadline_for(due, outcome)
    return kept, handled

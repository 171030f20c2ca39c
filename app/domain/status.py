"""The ten national dossier status codes and the moves allowed between them.

"Quá hạn" (overdue) is not a status: it is derived from the appointment time
and the current status, and never stored.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import IntEnum

from app.domain.errors import DomainError


class Status(IntEnum):
    """National portal status codes (mã trạng thái hồ sơ)."""

    NEW = 1
    RECEIVED = 2
    REFUSED = 3
    PROCESSING = 4
    SUPPLEMENT = 5
    FINANCIAL = 6
    WITHDRAWN = 7
    STOPPED = 8
    RESOLVED = 9
    RETURNED = 10

    @property
    def label_vi(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def is_terminal(self) -> bool:
        return not TRANSITIONS[self]

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang.startswith("en") else self.label_vi


_LABELS: dict[Status, tuple[str, str]] = {
    Status.NEW: ("Mới đăng ký", "Newly submitted"),
    Status.RECEIVED: ("Được tiếp nhận", "Received"),
    Status.REFUSED: ("Không được tiếp nhận", "Refused at intake"),
    Status.PROCESSING: ("Đang xử lý", "Processing"),
    Status.SUPPLEMENT: ("Yêu cầu bổ sung giấy tờ", "Supplement requested"),
    Status.FINANCIAL: (
        "Yêu cầu thực hiện nghĩa vụ tài chính",
        "Financial obligation requested",
    ),
    Status.WITHDRAWN: ("Công dân yêu cầu rút hồ sơ", "Withdrawn by the applicant"),
    Status.STOPPED: ("Dừng xử lý", "Processing stopped"),
    Status.RESOLVED: ("Đã xử lý xong", "Resolved"),
    Status.RETURNED: ("Đã trả kết quả", "Result returned"),
}

# How a dossier may begin: online submission (1), accepted at the counter (2),
# refused at the counter (3), or taken in with a request to supplement (5).
INITIAL_STATUSES: frozenset[Status] = frozenset(
    {Status.NEW, Status.RECEIVED, Status.REFUSED, Status.SUPPLEMENT}
)

TRANSITIONS: dict[Status, frozenset[Status]] = {
    # An applicant may withdraw an online submission before it is accepted.
    Status.NEW: frozenset({Status.RECEIVED, Status.REFUSED, Status.SUPPLEMENT, Status.WITHDRAWN}),
    Status.RECEIVED: frozenset(
        {
            Status.PROCESSING,
            Status.SUPPLEMENT,
            Status.FINANCIAL,
            Status.WITHDRAWN,
            Status.STOPPED,
            Status.RESOLVED,
        }
    ),
    Status.REFUSED: frozenset(),
    Status.PROCESSING: frozenset(
        {Status.SUPPLEMENT, Status.FINANCIAL, Status.WITHDRAWN, Status.STOPPED, Status.RESOLVED}
    ),
    Status.SUPPLEMENT: frozenset(
        {Status.RECEIVED, Status.REFUSED, Status.PROCESSING, Status.WITHDRAWN, Status.STOPPED}
    ),
    Status.FINANCIAL: frozenset(
        {Status.PROCESSING, Status.WITHDRAWN, Status.STOPPED, Status.RESOLVED}
    ),
    Status.WITHDRAWN: frozenset(),
    Status.STOPPED: frozenset(),
    Status.RESOLVED: frozenset({Status.RETURNED}),
    Status.RETURNED: frozenset(),
}

# Only while the office holds the dossier does the appointment clock run;
# waiting on the applicant (5, 6) or a finished dossier cannot be late.
OVERDUE_CLOCK_STATUSES: frozenset[Status] = frozenset({Status.RECEIVED, Status.PROCESSING})


def can_transition(a: Status, b: Status) -> bool:
    return Status(b) in TRANSITIONS[Status(a)]


def check_transition(a: Status, b: Status) -> None:
    """Raise ``illegal_transition`` unless a dossier in ``a`` may move to ``b``."""
    a, b = Status(a), Status(b)
    if not can_transition(a, b):
        raise DomainError(
            "illegal_transition",
            f"Không thể chuyển hồ sơ từ trạng thái “{a.label_vi}” sang “{b.label_vi}”.",
            f"A dossier cannot move from status “{a.label_en}” to “{b.label_en}”.",
            field="status",
        )


def parse_status(value: int | str) -> Status:
    """A status from its national code, given as ``2`` or ``"2"``."""
    if isinstance(value, Status):
        return value
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number is not None:
        try:
            return Status(number)
        except ValueError:
            pass
    raise DomainError(
        "bad_status",
        f"Mã trạng thái “{value}” không hợp lệ: cần một số từ 1 đến 10.",
        f"Status code “{value}” is invalid: expected a number from 1 to 10.",
        field="status",
    )


def is_overdue(status: Status, due_at: datetime | None, now: datetime) -> bool:
    """True when the dossier's clock runs and its appointment has passed."""
    return due_at is not None and Status(status) in OVERDUE_CLOCK_STATUSES and due_at < now


def is_due_soon(status: Status, due_at: datetime | None, now: datetime, within: timedelta) -> bool:
    """True when the clock runs and the appointment falls in ``[now, now + within]``."""
    if within < timedelta():
        raise DomainError(
            "bad_due_window",
            "Khoảng thời gian cảnh báo sắp đến hạn không được âm.",
            "The due-soon warning window must not be negative.",
        )
    return (
        due_at is not None
        and Status(status) in OVERDUE_CLOCK_STATUSES
        and now <= due_at <= now + within
    )

"""Early, on time or late: how a result compares with its appointment.

The classification is recorded twice, when the result is ready (status 9) and
when it is handed over (status 10), so that reports can count both. A result
ready on an earlier calendar day than the appointment is early; one ready on
the appointment's day at or before the appointment time is on time; anything
after the appointment is late.

"Overdue" is derived, never stored, and holds for every dossier: an open one
whose clock runs and whose appointment has passed, a paused one that was
already overdue when the clock stopped, and a finished one whose result was
late. A dossier cancelled as an entry made in error, refused, withdrawn or
stopped is never overdue.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from app.domain.status import OVERDUE_CLOCK_STATUSES, Status


class Timeliness(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def label_vi(self) -> str:
        return {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}[self.value]


# Channel codes stored on the dossier (national portal convention) and their names.
CHANNELS: dict[int, str] = {1: "counter", 2: "online", 3: "post"}
CHANNEL_CODES: dict[str, int] = {name: code for code, name in CHANNELS.items()}
CHANNEL_LABELS_VI: dict[str, str] = {
    "counter": "Trực tiếp tại Bộ phận Một cửa",
    "online": "Trực tuyến",
    "post": "Qua dịch vụ bưu chính công ích",
}


def channel_name(code: int | None) -> str:
    return CHANNELS.get(int(code or 1), "counter")


def classify(at: datetime, due_at: datetime | None) -> Timeliness | None:
    """How a result ready (or handed over) at ``at`` compares with ``due_at``."""
    if due_at is None:
        return None
    if at > due_at:
        return Timeliness.LATE
    if at.date() < due_at.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


_NEVER_OVERDUE = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.STOPPED})


def overdue(
    status: int,
    due_at: datetime | None,
    now: datetime,
    *,
    timeliness: str | None = None,
    paused_at: datetime | None = None,
    cancelled: bool = False,
) -> bool:
    """Whether the dossier is (or finished) past its appointment."""
    status = Status(status)
    if cancelled or status in _NEVER_OVERDUE or due_at is None:
        return False
    if status in (Status.RESOLVED, Status.RETURNED):
        if timeliness is not None:
            return timeliness == Timeliness.LATE
        return False
    if paused_at is not None:
        return due_at < paused_at
    if status in OVERDUE_CLOCK_STATUSES or status is Status.NEW:
        return due_at < now
    return False

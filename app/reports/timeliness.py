"""Early, on time or late: the rules a report classifies one dossier by.

Until the dossier itself records its timeliness, it is derived here from the
appointment, the status history and the office's working calendar:

- the time the dossier waited for the citizen's supplement (status 5, from
  entering it to the next status) is excluded: the appointment moves later
  by that much working time;
- more than one request to supplement makes the result late whatever the
  dates (Decision 766 progress rule, see docs/indicators.md);
- a result ready on an earlier day than the (moved) appointment is early; on
  the appointment's day and not after its time, on time; after it, late.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.status import Status
from app.domain.workcalendar import WorkCalendar

EARLY = "early"
ON_TIME = "on_time"
LATE = "late"


@dataclass(frozen=True)
class Wait:
    """A spell with the citizen: from entering status 5 or 6 to the next step."""

    status: int
    since: datetime
    until: datetime | None  # None: still waiting


def working_hours_between(cal: WorkCalendar, a: datetime, b: datetime) -> float:
    """Working time in hours from ``a`` to ``b`` on the office's calendar."""
    if b <= a:
        return 0.0
    total = timedelta()
    day: date = a.date()
    while day <= b.date():
        if cal.is_working_day(day):
            for start, end in cal.hours_on(day).periods:
                lo = max(a, datetime.combine(day, start))
                hi = min(b, datetime.combine(day, end))
                if hi > lo:
                    total += hi - lo
        day += timedelta(days=1)
    return total.total_seconds() / 3600


def supplement_hours(cal: WorkCalendar, waits: Iterable[Wait], until: datetime) -> float:
    """Working hours spent waiting for a supplement (status 5) before ``until``."""
    hours = 0.0
    for w in waits:
        if w.status != Status.SUPPLEMENT or w.since >= until:
            continue
        end = until if w.until is None else min(w.until, until)
        hours += working_hours_between(cal, w.since, end)
    return hours


def waiting_at(waits: Iterable[Wait], moment: datetime) -> bool:
    """True when the dossier was with the citizen (status 5 or 6) just before ``moment``."""
    return any(w.since < moment and (w.until is None or w.until >= moment) for w in waits)


def moved_due(cal: WorkCalendar, due: datetime, paused_hours: float) -> datetime:
    if paused_hours <= 0:
        return due
    return cal.add_working_hours(due, paused_hours)


def classify_result(ready_at: datetime, due: datetime | None, supplements: int) -> str:
    """Early, on time or late, for a result ready at ``ready_at``."""
    if supplements > 1:
        return LATE
    if due is None:
        # No appointment was given (catalogue without a processing time): it
        # cannot be missed.
        return ON_TIME
    if ready_at > due:
        return LATE
    if ready_at.date() < due.date():
        return EARLY
    return ON_TIME

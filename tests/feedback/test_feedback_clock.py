"""The feedback clock on the office calendar: working days, Tết, the office's overrides."""

from __future__ import annotations

from datetime import date, datetime

from app.domain.feedback_clock import (
    FeedbackKind,
    FeedbackTerms,
    deadlines,
    due_after_supply,
    open_deadline,
    standing,
    waiting_for_sender,
)
from app.domain.workcalendar import WorkCalendar

TERMS = FeedbackTerms()


def test_received_the_friday_before_tet_2026_counts_after_the_holiday():
    # Tết Bính Ngọ: Saturday 14/02 to Sunday 22/02/2026 are days off. Friday 13/02
    # from 09:00 is the first working day; 2 working days end on Tuesday 24/02.
    due = deadlines(WorkCalendar(), datetime(2026, 2, 13, 9, 0), FeedbackKind.REGULATION, TERMS)
    assert due == {
        "reject_by": date(2026, 2, 24),
        "request_info_by": date(2026, 2, 27),
        "resolve_by": date(2026, 3, 13),
    }


def test_received_during_tet_starts_on_the_first_working_morning():
    # Counting starts Monday 23/02 07:30: two full days end at the close of Tuesday 24/02.
    due = deadlines(WorkCalendar(), datetime(2026, 2, 17, 10, 0), FeedbackKind.OUTSIDE, TERMS)
    assert due["reject_by"] == date(2026, 2, 24)
    assert due["forward_by"] == date(2026, 2, 27)
    assert "request_info_by" not in due
    assert due["resolve_by"] == date(2026, 3, 13)


def test_publish_deadline_counts_from_the_answer():
    due = deadlines(
        WorkCalendar(),
        datetime(2026, 2, 2, 9, 0),
        FeedbackKind.HANDLING,
        TERMS,
        answered_at=datetime(2026, 2, 12, 16, 0),
    )
    # Thursday 12/02 16:00 + 2 working days crosses Tết: one day to Friday 13/02 16:00,
    # the second to Monday 23/02 16:00.
    assert due["publish_by"] == date(2026, 2, 23)


def test_counts_and_office_overrides_change_the_dates():
    calendar = WorkCalendar(extra_days_off=[date(2026, 3, 2)])
    due = deadlines(
        calendar,
        datetime(2026, 2, 27, 9, 0),
        FeedbackKind.REGULATION,
        FeedbackTerms(reject=1, request_info=3, resolve=10),
    )
    assert due["reject_by"] == date(2026, 3, 3)  # Monday 02/03 is the office's day off
    assert due["request_info_by"] == date(2026, 3, 5)
    assert due["resolve_by"] == date(2026, 3, 16)


def test_running_deadline_and_its_standing_around_tet():
    calendar = WorkCalendar()
    due = {"reject_by": date(2026, 2, 24), "resolve_by": date(2026, 3, 13)}
    assert open_deadline(due, answered=False, published=False) == ("resolve_by", date(2026, 3, 13))
    assert open_deadline({**due, "publish_by": date(2026, 3, 17)}, True, False) == (
        "publish_by",
        date(2026, 3, 17),
    )
    assert open_deadline({**due, "publish_by": date(2026, 3, 17)}, True, True) is None
    # A deadline of Tuesday 24/02 seen on Friday 13/02: the days between are Tết,
    # so only two working days are left (23 and 24/02): due soon.
    assert standing(calendar, date(2026, 2, 24), date(2026, 2, 13)) == "due_soon"
    assert standing(calendar, date(2026, 2, 25), date(2026, 2, 13)) == "ok"
    assert standing(calendar, date(2026, 2, 24), date(2026, 2, 24)) == "due_soon"
    assert standing(calendar, date(2026, 2, 24), date(2026, 2, 25)) == "overdue"


def test_supply_recounts_only_the_answer_across_tet():
    # Asked before Tết, supplied on Friday 13/02 at 15:00: the full 15 days again,
    # from the first working day after the holiday; the other deadlines stay.
    due = deadlines(WorkCalendar(), datetime(2026, 2, 2, 9, 0), FeedbackKind.REGULATION, TERMS)
    after = due_after_supply(due, WorkCalendar(), datetime(2026, 2, 13, 15, 0), TERMS)
    assert after == {**due, "resolve_by": date(2026, 3, 13)}
    assert due["resolve_by"] == date(2026, 3, 2)  # the input is left as it was


def test_waiting_for_the_sender_only_between_request_and_supply():
    asked, supplied = datetime(2026, 3, 2, 9), datetime(2026, 3, 9, 9)
    assert waiting_for_sender(None, asked, None)
    assert not waiting_for_sender(None, None, None)
    assert not waiting_for_sender(None, asked, supplied)
    assert not waiting_for_sender(datetime(2026, 3, 5, 9), asked, None)  # answered meanwhile

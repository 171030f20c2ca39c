"""Properties of the working-day calendar, checked against an independent oracle."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.workcalendar import ProcessingUnit, WorkCalendar, WorkingHours

WD = ProcessingUnit.WORKING_DAYS
WH = ProcessingUnit.WORKING_HOURS
CD = ProcessingUnit.CALENDAR_DAYS

CAL = WorkCalendar()

received_times = st.datetimes(
    min_value=datetime(2024, 12, 1), max_value=datetime(2027, 12, 31)
).map(lambda d: d.replace(second=0, microsecond=0))
custom_hours = st.sampled_from(
    [
        WorkingHours(),
        WorkingHours.parse("08:00-12:00,13:00-17:00"),
        WorkingHours.parse("07:00-11:30,13:00-16:30"),
        WorkingHours.parse("07:00-16:00"),
        WorkingHours.parse("06:00-08:00,09:00-10:00,11:00-12:30"),
    ]
)


def _working_time_between(cal: WorkCalendar, a: datetime, b: datetime) -> timedelta:
    """Working time in [a, b], summed day by day: an oracle independent of the stepping code."""
    total = timedelta()
    day = a.date()
    while day <= b.date():
        if cal.is_working_day(day):
            for s, e in cal.hours.periods:
                lo = max(a, datetime.combine(day, s))
                hi = min(b, datetime.combine(day, e))
                if hi > lo:
                    total += hi - lo
        day += timedelta(days=1)
    return total


def _inside_a_period(cal: WorkCalendar, t: datetime) -> bool:
    """True if ``t`` is in (start, end] of a working period of a working day."""
    return cal.is_working_day(t.date()) and any(s < t.time() <= e for s, e in cal.hours.periods)


@settings(max_examples=150, deadline=None)
@given(received=received_times, days=st.integers(1, 25), hours=custom_hours)
def test_due_consumes_exactly_the_working_time(
    received: datetime, days: int, hours: WorkingHours
) -> None:
    cal = WorkCalendar(hours)
    start = cal.working_start(received)
    due = cal.due_at(received, days, WD)
    assert _inside_a_period(cal, due)
    assert _working_time_between(cal, start, due) == days * hours.day_length
    # Nothing was counted before the start either.
    assert _working_time_between(cal, received, start) == timedelta()


@settings(max_examples=150, deadline=None)
@given(received=received_times, minutes=st.integers(1, 60 * 40))
def test_working_hours_consume_exactly_the_working_time(received: datetime, minutes: int) -> None:
    due = CAL.add_working_hours(received, minutes / 60)
    assert _inside_a_period(CAL, due)
    start = CAL.working_start(received)
    assert _working_time_between(CAL, start, due) == timedelta(minutes=minutes)


@settings(max_examples=150, deadline=None)
@given(received=received_times, days=st.integers(0, 30))
def test_working_days_equal_eight_working_hours_each(received: datetime, days: int) -> None:
    by_days = CAL.due_at(received, days, WD)
    if days:
        assert by_days == CAL.due_at(received, days * 8, WH)
        assert by_days == CAL.add_working_hours(received, days * 8)
        assert by_days == CAL.add_working_days(received, days)
    else:
        start = CAL.working_start(received)
        assert by_days == datetime.combine(start.date(), time(17, 30))


@settings(max_examples=100, deadline=None)
@given(received=received_times, days=st.integers(1, 20), hours=custom_hours)
def test_add_days_equals_add_hours_for_custom_hours(
    received: datetime, days: int, hours: WorkingHours
) -> None:
    cal = WorkCalendar(hours)
    assert cal.add_working_days(received, days) == cal.add_working_hours(
        received, days * hours.hours_per_day
    )


@settings(max_examples=150, deadline=None)
@given(
    received=received_times,
    days=st.integers(0, 20),
    extra=st.integers(1, 5),
    unit=st.sampled_from(list(ProcessingUnit)),
    after_cutoff=st.booleans(),
)
def test_more_time_never_gives_an_earlier_due(
    received: datetime, days: int, extra: int, unit: ProcessingUnit, after_cutoff: bool
) -> None:
    shorter = CAL.due_at(received, days, unit, next_day_after_cutoff=after_cutoff)
    longer = CAL.due_at(received, days + extra, unit, next_day_after_cutoff=after_cutoff)
    assert longer >= shorter
    # "Within the day" (0) may equal one working day counted from an opening time.
    if unit is WD and days >= 1:
        assert longer > shorter


@settings(max_examples=150, deadline=None)
@given(received=received_times, days=st.integers(0, 20), unit=st.sampled_from(list(ProcessingUnit)))
def test_due_is_a_working_moment_not_before_receipt(
    received: datetime, days: int, unit: ProcessingUnit
) -> None:
    due = CAL.due_at(received, days, unit)
    assert due >= received
    assert CAL.is_working_day(due.date())
    assert any(s <= due.time() <= e for s, e in CAL.hours.periods)


@settings(max_examples=150, deadline=None)
@given(received=received_times, days=st.integers(0, 20))
def test_cutoff_rule_never_gives_an_earlier_due(received: datetime, days: int) -> None:
    normal = CAL.due_at(received, days, WD)
    strict = CAL.due_at(received, days, WD, next_day_after_cutoff=True)
    assert strict >= normal
    if not CAL.is_working_day(received.date()) or received.time() < time(15):
        assert strict == normal


@settings(max_examples=150, deadline=None)
@given(received=received_times, days=st.integers(1, 60))
def test_calendar_days_rule(received: datetime, days: int) -> None:
    start = CAL.working_start(received)
    due = CAL.due_at(received, days, CD)
    target = start + timedelta(days=days)
    assert due.time() == target.time()
    if CAL.is_working_day(target.date()):
        assert due == target
    else:
        assert due.date() > target.date()
        # It is the first working day after the target.
        day = target.date() + timedelta(days=1)
        while day < due.date():
            assert not CAL.is_working_day(day)
            day += timedelta(days=1)


@settings(max_examples=100, deadline=None)
@given(received=received_times)
def test_working_start_is_the_next_working_moment(received: datetime) -> None:
    start = CAL.working_start(received)
    assert start >= received
    assert CAL.is_working_day(start.date())
    assert any(s <= start.time() < e for s, e in CAL.hours.periods)
    # No working time was skipped between receipt and start.
    assert _working_time_between(CAL, received, start) == timedelta()

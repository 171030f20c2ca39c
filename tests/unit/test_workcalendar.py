"""Working-day calendar and appointment dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.domain import workcalendar
from app.domain.errors import DomainError
from app.domain.workcalendar import ProcessingUnit, WorkCalendar, WorkingHours

WD = ProcessingUnit.WORKING_DAYS
SD = ProcessingUnit.SAME_DAY
WH = ProcessingUnit.WORKING_HOURS
CD = ProcessingUnit.CALENDAR_DAYS

CAL = WorkCalendar()


def dt(day: int, month: int, year: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute)


# -- working hours -------------------------------------------------------------------


def test_default_working_hours() -> None:
    hours = WorkingHours()
    assert str(hours) == "07:30-11:30,13:30-17:30"
    assert hours.hours_per_day == 8
    assert hours.day_length == timedelta(hours=8)


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("07:30-11:30,13:30-17:30", 8),
        ("08:00-12:00,13:00-17:00", 8),
        ("07:00-11:00,13:00-16:30", 7.5),
        ("07:00-16:00", 9),
        ("7:45-11:15, 13:30-17:00", 7),
        ("06:00-08:00,09:00-10:00,11:00-12:30", 4.5),
    ],
)
def test_parse_working_hours(text: str, per_day: float) -> None:
    hours = WorkingHours.parse(text)
    assert hours.hours_per_day == pytest.approx(per_day)
    # The text form parses back to the same value.
    assert WorkingHours.parse(str(hours)) == hours


def test_parse_gives_periods() -> None:
    assert WorkingHours.parse("08:00-12:00,13:00-17:00").periods == (
        (time(8), time(12)),
        (time(13), time(17)),
    )
    assert str(WorkingHours.parse("7:45-11:15, 13:30-17:00")) == "07:45-11:15,13:30-17:00"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "07:30",
        "07:30-11:30;13:30-17:30",
        "7h30-11h30",
        "11:30-07:30",
        "07:30-07:30",
        "13:30-17:30,07:30-11:30",  # not in order
        "07:30-12:00,11:30-17:30",  # overlapping
        "07:30-11:30,11:30-17:30",  # touching: write one period
        "25:00-26:00",
        "07:60-11:30",
        "07:30-11:30,",
    ],
)
def test_bad_working_hours(text: str) -> None:
    with pytest.raises(DomainError) as info:
        WorkingHours.parse(text)
    assert info.value.code == "bad_working_hours"
    assert info.value.field == "working_hours"


def test_working_hours_are_checked_when_built_directly() -> None:
    with pytest.raises(DomainError):
        WorkingHours(((time(12), time(8)),))
    with pytest.raises(DomainError):
        WorkingHours(())


# -- working days ----------------------------------------------------------------------


# Tết 2026 (16–20/02), New Year, Hùng Kings moved off a Sunday, 30/04–01/05, National
# Day with the substituted 31/08, the substituted 02/05/2025, 31/12/2018 off across New
# Year, and a weekend.
DAYS_OFF = (
    "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-01-01",
    "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02",
    "2025-05-02", "2018-12-31", "2026-02-14", "2026-02-15",
)  # fmt: skip
# Weekdays next to those, and Saturdays worked in exchange for days off
# (22/08/2026, 26/04/2025, and 05/01/2019 across New Year).
WORKING_DAYS = (
    "2026-02-13", "2026-02-23", "2026-05-04", "2026-09-03",
    "2026-08-22", "2025-04-26", "2019-01-05",
)  # fmt: skip


@pytest.mark.parametrize(
    ("day", "working"),
    [(date.fromisoformat(d), False) for d in DAYS_OFF]
    + [(date.fromisoformat(d), True) for d in WORKING_DAYS],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working
    # A datetime is judged by its date.
    assert CAL.is_working_day(datetime.combine(day, time(10))) is working


def test_swaps_filed_under_the_neighbouring_year_are_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A day off on Tue 31/12/2030 worked back on Sat 04/01/2031, with the package
    # filing both under 2030 only.
    filed = {2030: (frozenset({date(2030, 12, 31)}), frozenset({date(2031, 1, 4)}))}
    empty: tuple[frozenset[date], frozenset[date]] = (frozenset(), frozenset())
    monkeypatch.setattr(workcalendar, "_vn_year_raw", lambda year: filed.get(year, empty))
    workcalendar._vn_year.cache_clear()
    try:
        assert not CAL.is_working_day(date(2030, 12, 31))
        assert CAL.is_working_day(date(2031, 1, 4))
        assert not CAL.is_working_day(date(2031, 1, 5))
    finally:
        workcalendar._vn_year.cache_clear()


def test_extra_working_day_wins_over_weekend_and_holiday() -> None:
    cal = WorkCalendar(extra_working_days=[date(2026, 3, 7), date(2026, 4, 30)])
    assert cal.is_working_day(date(2026, 3, 7))
    assert cal.is_working_day(date(2026, 4, 30))
    assert not cal.is_working_day(date(2026, 3, 8))


def test_extra_day_off_removes_a_working_day() -> None:
    cal = WorkCalendar(extra_days_off=[date(2026, 3, 9)])
    assert not cal.is_working_day(date(2026, 3, 9))
    assert cal.is_working_day(date(2026, 3, 10))
    assert cal.next_working_day(date(2026, 3, 6)) == date(2026, 3, 10)


def test_a_day_cannot_be_both_off_and_working() -> None:
    with pytest.raises(DomainError) as info:
        WorkCalendar(extra_days_off=[date(2026, 3, 9)], extra_working_days=[date(2026, 3, 9)])
    assert info.value.code == "conflicting_calendar_days"
    assert "09/03/2026" in info.value.message_vi


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2026, 2, 13), date(2026, 2, 23)), (date(2026, 2, 14), date(2026, 2, 23)),
     (date(2026, 3, 9), date(2026, 3, 10)), (date(2026, 4, 29), date(2026, 5, 4)),
     (date(2026, 8, 28), date(2026, 9, 3)), (date(2026, 8, 21), date(2026, 8, 22))],
)  # fmt: skip
def test_next_working_day_is_strictly_after(day: date, expected: date) -> None:
    assert CAL.next_working_day(day) == expected


def test_no_working_day_at_all_is_reported() -> None:
    first = date(2030, 1, 1)
    cal = WorkCalendar(extra_days_off=[first + timedelta(days=i) for i in range(3700)])
    with pytest.raises(DomainError) as info:
        cal.next_working_day(first)
    assert info.value.code == "no_working_day"


# -- working start ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "start"),
    [
        (dt(10, 3, 2026, 9, 0), dt(10, 3, 2026, 9, 0)),
        (dt(10, 3, 2026, 7, 30), dt(10, 3, 2026, 7, 30)),
        (dt(10, 3, 2026, 6, 0), dt(10, 3, 2026, 7, 30)),
        (dt(10, 3, 2026, 11, 30), dt(10, 3, 2026, 13, 30)),
        (dt(10, 3, 2026, 12, 15), dt(10, 3, 2026, 13, 30)),
        (dt(10, 3, 2026, 17, 29), dt(10, 3, 2026, 17, 29)),
        (dt(10, 3, 2026, 17, 30), dt(11, 3, 2026, 7, 30)),
        (dt(10, 3, 2026, 22, 0), dt(11, 3, 2026, 7, 30)),
        (dt(7, 3, 2026, 10, 0), dt(9, 3, 2026, 7, 30)),  # Saturday
        (dt(13, 2, 2026, 18, 0), dt(23, 2, 2026, 7, 30)),  # Friday evening before Tết
    ],
)
def test_working_start(received: datetime, start: datetime) -> None:
    assert CAL.working_start(received) == start


# -- due dates: the examples -------------------------------------------------------------


def test_one_working_day_over_tet_2026() -> None:
    due = CAL.due_at(dt(13, 2, 2026, 9, 0), 1, WD)
    assert due.date() == date(2026, 2, 23)
    # 6.5 h on Friday, the remaining 1.5 h on Monday morning.
    assert due == dt(23, 2, 2026, 9, 0)


def test_after_cutoff_counts_from_next_working_day() -> None:
    due = CAL.due_at(dt(13, 2, 2026, 15, 30), 1, WD, next_day_after_cutoff=True)
    assert due == dt(23, 2, 2026, 17, 30)


def test_cutoff_is_strict_after_15h() -> None:
    # "sau 15 giờ": 15:00:00 itself is still the same day; one second later is not.
    at_cutoff = CAL.due_at(dt(13, 2, 2026, 15, 0), 0, SD, next_day_after_cutoff=True)
    assert at_cutoff == dt(13, 2, 2026, 17, 30)
    after = CAL.due_at(datetime(2026, 2, 13, 15, 0, 1), 0, SD, next_day_after_cutoff=True)
    assert after == dt(23, 2, 2026, 17, 30)
    before = CAL.due_at(dt(13, 2, 2026, 14, 59), 1, WD, next_day_after_cutoff=True)
    # 2 h 31 min on Friday, then 4 h and 1 h 29 min on Monday.
    assert before == dt(23, 2, 2026, 14, 59)


def test_cutoff_rule_off_counts_the_rest_of_the_day() -> None:
    due = CAL.due_at(dt(13, 2, 2026, 15, 30), 1, WD)
    assert due == dt(23, 2, 2026, 15, 30)


def test_custom_cutoff() -> None:
    due = CAL.due_at(dt(10, 3, 2026, 16, 1), 1, WD, next_day_after_cutoff=True, cutoff=time(16))
    assert due == dt(11, 3, 2026, 17, 30)
    due = CAL.due_at(dt(10, 3, 2026, 16, 0), 1, WD, next_day_after_cutoff=True, cutoff=time(16, 30))
    assert due == dt(11, 3, 2026, 16, 0)


def test_cutoff_on_a_day_off_changes_nothing() -> None:
    saturday = dt(7, 3, 2026, 16, 0)
    with_rule = CAL.due_at(saturday, 1, WD, next_day_after_cutoff=True)
    assert with_rule == CAL.due_at(saturday, 1, WD) == dt(9, 3, 2026, 17, 30)


def test_received_on_saturday() -> None:
    assert CAL.due_at(dt(7, 3, 2026, 10, 0), 1, WD) == dt(9, 3, 2026, 17, 30)
    assert CAL.due_at(dt(7, 3, 2026, 10, 0), 3, WD) == dt(11, 3, 2026, 17, 30)


def test_received_at_lunch_break_ends_at_the_morning_close() -> None:
    # 13:30–17:30 then 07:30–11:30: the boundary is the end of the morning.
    assert CAL.due_at(dt(10, 3, 2026, 12, 15), 1, WD) == dt(11, 3, 2026, 11, 30)


def test_received_after_close() -> None:
    assert CAL.due_at(dt(10, 3, 2026, 17, 45), 1, WD) == dt(11, 3, 2026, 17, 30)
    assert CAL.due_at(dt(10, 3, 2026, 17, 30), 2, WD) == dt(12, 3, 2026, 17, 30)


def test_day_boundary_is_the_evening_not_the_next_morning() -> None:
    assert CAL.due_at(dt(10, 3, 2026, 7, 30), 1, WD) == dt(10, 3, 2026, 17, 30)
    assert CAL.due_at(dt(10, 3, 2026, 7, 30), 5, WD) == dt(16, 3, 2026, 17, 30)
    assert CAL.due_at(dt(10, 3, 2026, 7, 30), 4, WH) == dt(10, 3, 2026, 11, 30)


@pytest.mark.parametrize(
    ("received", "hours", "due"),
    [
        (dt(10, 3, 2026, 9, 0), 8, dt(11, 3, 2026, 9, 0)),
        (dt(10, 3, 2026, 9, 0), 4, dt(10, 3, 2026, 15, 0)),
        (dt(10, 3, 2026, 9, 0), 2, dt(10, 3, 2026, 11, 0)),
        (dt(13, 3, 2026, 16, 0), 8, dt(16, 3, 2026, 16, 0)),  # over a weekend
        (dt(13, 2, 2026, 16, 0), 8, dt(23, 2, 2026, 16, 0)),  # over Tết
        (dt(10, 3, 2026, 12, 0), 1, dt(10, 3, 2026, 14, 30)),
        (dt(10, 3, 2026, 9, 0), 40, dt(17, 3, 2026, 9, 0)),
    ],
)
def test_working_hours_unit(received: datetime, hours: int, due: datetime) -> None:
    assert CAL.due_at(received, hours, WH) == due


def test_add_fractional_working_hours() -> None:
    assert CAL.add_working_hours(dt(10, 3, 2026, 9, 0), 2.5) == dt(10, 3, 2026, 11, 30)
    assert CAL.add_working_hours(dt(10, 3, 2026, 11, 0), 0.75) == dt(10, 3, 2026, 13, 45)
    assert CAL.add_working_hours(dt(10, 3, 2026, 12, 0), 0) == dt(10, 3, 2026, 13, 30)


def test_add_working_days() -> None:
    assert CAL.add_working_days(dt(10, 3, 2026, 9, 0), 1) == dt(11, 3, 2026, 9, 0)
    assert CAL.add_working_days(dt(10, 3, 2026, 9, 0), 0) == dt(10, 3, 2026, 9, 0)
    assert CAL.add_working_days(dt(28, 4, 2026, 10, 0), 2) == dt(4, 5, 2026, 10, 0)


def test_calendar_days_over_a_holiday() -> None:
    # 30/04 is a holiday: the deadline moves to the next working day, same clock time.
    assert CAL.due_at(dt(29, 4, 2026, 9, 0), 1, CD) == dt(4, 5, 2026, 9, 0)
    # 10 days from 29/04 is Saturday 09/05.
    assert CAL.due_at(dt(29, 4, 2026, 9, 0), 10, CD) == dt(11, 5, 2026, 9, 0)
    # Landing on Saturday or on the Monday after gives the same moment.
    assert CAL.due_at(dt(6, 5, 2026, 14, 0), 3, CD) == CAL.due_at(dt(6, 5, 2026, 14, 0), 5, CD)


def test_calendar_days_on_a_working_day_keep_the_clock_time() -> None:
    assert CAL.due_at(dt(9, 3, 2026, 10, 0), 7, CD) == dt(16, 3, 2026, 10, 0)
    assert CAL.due_at(dt(9, 3, 2026, 10, 0), 30, CD) == dt(8, 4, 2026, 10, 0)
    # Counting starts from the next working hour.
    assert CAL.due_at(dt(9, 3, 2026, 18, 0), 7, CD) == dt(17, 3, 2026, 7, 30)


def test_calendar_days_ignore_holidays_in_between() -> None:
    # 13/02 + 14 days = 27/02; Tết inside the span does not extend it.
    assert CAL.due_at(dt(13, 2, 2026, 9, 0), 14, CD) == dt(27, 2, 2026, 9, 0)


def test_zero_means_within_the_day() -> None:
    assert CAL.due_at(dt(10, 3, 2026, 9, 0), 0, WD) == dt(10, 3, 2026, 17, 30)
    assert CAL.due_at(dt(10, 3, 2026, 18, 0), 0, WD) == dt(11, 3, 2026, 17, 30)
    assert CAL.due_at(dt(13, 2, 2026, 15, 30), 0, WD, next_day_after_cutoff=True) == dt(
        23, 2, 2026, 17, 30
    )
    assert CAL.due_at(dt(10, 3, 2026, 9, 0), 0, CD) == dt(10, 3, 2026, 17, 30)
    assert CAL.due_at(dt(10, 3, 2026, 12, 0), 0, WH) == dt(10, 3, 2026, 13, 30)


def test_span_over_30_april_and_1_may_2026() -> None:
    # Wed 29/04 09:00: 6.5 h, then Mon 04/05 and Tue 05/05, then 1.5 h on Wed 06/05.
    assert CAL.due_at(dt(29, 4, 2026, 9, 0), 3, WD) == dt(6, 5, 2026, 9, 0)


def test_span_over_30_april_to_2_may_2025() -> None:
    assert CAL.due_at(dt(29, 4, 2025, 10, 0), 1, WD) == dt(5, 5, 2025, 10, 0)


def test_swapped_working_saturday_counts() -> None:
    # 26/04/2025 was a working Saturday.
    assert CAL.due_at(dt(25, 4, 2025, 13, 30), 1, WD) == dt(26, 4, 2025, 11, 30)


def test_span_over_national_day_2026() -> None:
    # Fri 28/08 09:00; 31/08, 01/09 and 02/09 off; Thu 03/09 full; 1.5 h on Fri 04/09.
    assert CAL.due_at(dt(28, 8, 2026, 9, 0), 2, WD) == dt(4, 9, 2026, 9, 0)


def test_office_extra_day_off() -> None:
    cal = WorkCalendar(extra_days_off=[date(2026, 3, 9)])
    assert CAL.due_at(dt(6, 3, 2026, 9, 0), 1, WD) == dt(9, 3, 2026, 9, 0)
    assert cal.due_at(dt(6, 3, 2026, 9, 0), 1, WD) == dt(10, 3, 2026, 9, 0)


def test_office_working_saturday() -> None:
    cal = WorkCalendar(extra_working_days=[date(2026, 3, 7)])
    assert cal.due_at(dt(6, 3, 2026, 9, 0), 1, WD) == dt(7, 3, 2026, 9, 0)
    assert cal.working_start(dt(7, 3, 2026, 6, 0)) == dt(7, 3, 2026, 7, 30)


def test_office_working_day_on_a_holiday() -> None:
    cal = WorkCalendar(extra_working_days=[date(2026, 2, 16)])
    assert cal.due_at(dt(13, 2, 2026, 9, 0), 1, WD) == dt(16, 2, 2026, 9, 0)


def test_custom_working_hours() -> None:
    cal = WorkCalendar(WorkingHours.parse("08:00-12:00,13:00-17:00"))
    # 1 h on Tuesday, then 4 h + 3 h on Wednesday.
    assert cal.due_at(dt(10, 3, 2026, 16, 0), 1, WD) == dt(11, 3, 2026, 16, 0)
    assert cal.due_at(dt(10, 3, 2026, 7, 30), 1, WD) == dt(10, 3, 2026, 17, 0)
    assert cal.working_start(dt(10, 3, 2026, 12, 30)) == dt(10, 3, 2026, 13, 0)


def test_single_period_working_day() -> None:
    cal = WorkCalendar(WorkingHours.parse("07:00-16:00"))
    assert cal.due_at(dt(10, 3, 2026, 10, 0), 1, WD) == dt(11, 3, 2026, 10, 0)
    assert cal.due_at(dt(10, 3, 2026, 10, 0), 0, WD) == dt(10, 3, 2026, 16, 0)


def test_three_periods_of_unequal_length() -> None:
    cal = WorkCalendar(WorkingHours.parse("07:00-09:00,10:00-11:00,13:00-14:30"))
    assert cal.hours.hours_per_day == 4.5
    # 1 h in the second period, the last 1.5 h, then 2 h in the next morning.
    assert cal.due_at(dt(10, 3, 2026, 10, 0), 1, WD) == dt(11, 3, 2026, 9, 0)


@pytest.mark.parametrize("value", [-1, 1.5, True, "1", None])
def test_bad_processing_time(value: object) -> None:
    with pytest.raises(DomainError) as info:
        CAL.due_at(dt(10, 3, 2026, 9, 0), value, WD)  # type: ignore[arg-type]
    assert info.value.code == "bad_processing_time"


@pytest.mark.parametrize("value", [-0.5, float("nan"), float("inf")])
def test_bad_working_hours_amount(value: float) -> None:
    with pytest.raises(DomainError):
        CAL.add_working_hours(dt(10, 3, 2026, 9, 0), value)


def test_negative_working_days_refused() -> None:
    with pytest.raises(DomainError):
        CAL.add_working_days(dt(10, 3, 2026, 9, 0), -2)


def test_unit_may_be_given_as_text() -> None:
    assert CAL.due_at(dt(13, 2, 2026, 9, 0), 1, "working_days") == dt(23, 2, 2026, 9, 0)  # type: ignore[arg-type]
    with pytest.raises(DomainError) as info:
        CAL.due_at(dt(13, 2, 2026, 9, 0), 1, "weeks")  # type: ignore[arg-type]
    assert info.value.code == "bad_processing_unit"


def test_aware_datetimes_refused() -> None:
    with pytest.raises(DomainError) as info:
        CAL.due_at(datetime(2026, 3, 10, 9, tzinfo=UTC), 1, WD)
    assert info.value.code == "bad_datetime"

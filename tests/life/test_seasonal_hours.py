"""Seasonal office hours: part of the year on other hours, deadlines counted on them.

Many provinces keep summer and winter hours (winter mornings start later and
the lunch break is shorter). The office sets them once; each day is counted
on its own season's periods, and a season whose working day would be shorter
or longer than the usual one is refused, since deadlines are counted in days.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.domain.errors import DomainError
from app.domain.workcalendar import WorkCalendar, WorkingHours, parse_seasons
from app.office import settings, settings_admin, station

WINTER = "15/10-31/03: 07:30-12:00,13:00-16:30"


def _calendar(text: str = WINTER) -> WorkCalendar:
    return WorkCalendar(seasons=parse_seasons(text))


def test_a_winter_day_is_counted_on_winter_hours_a_summer_day_on_the_usual_ones():
    cal = _calendar()
    # Monday 7 December 2026, 12:30: winter lunch is over at 13:00.
    assert cal.working_start(datetime(2026, 12, 7, 12, 30)) == datetime(2026, 12, 7, 13, 0)
    assert cal.add_working_days(datetime(2026, 12, 7, 12, 30), 1) == datetime(2026, 12, 8, 12, 0)
    # Monday 8 June 2026 on the usual hours: lunch until 13:30.
    assert cal.working_start(datetime(2026, 6, 8, 12, 30)) == datetime(2026, 6, 8, 13, 30)
    assert cal.add_working_days(datetime(2026, 6, 8, 12, 30), 1) == datetime(2026, 6, 9, 11, 30)
    # A season over the new year covers January as well.
    assert cal.hours_on(date(2027, 1, 4)) == WorkingHours.parse("07:30-12:00,13:00-16:30")
    assert cal.hours_on(date(2026, 4, 1)) == WorkingHours()
    # A day of each: one working day of time either way.
    monday = datetime(2026, 12, 7, 0, 0)
    assert cal.working_days_between(monday, datetime(2026, 12, 8, 0, 0)) == 1.0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("15/10-31/03: 07:30-11:30,13:00-16:30", "dài bằng ngày thường"),
        (WINTER + "; 01/03-30/04: 07:00-11:00,13:00-17:00", "trùng nhau"),
        ("31/02-31/03: 07:30-12:00,13:00-16:30", "không có thật"),
        ("mùa đông: 07:30-12:00", "cần dạng"),
    ],
)
def test_bad_seasons_are_refused_in_vietnamese(text, words):
    with pytest.raises(DomainError) as caught:
        _calendar(text)
    assert words in caught.value.message_vi
    assert caught.value.field == "working_hours_seasonal"


def test_the_office_sets_its_seasons_and_a_bad_one_writes_nothing(db, admin):
    settings_admin.update(db, admin, {"working_hours_seasonal": WINTER})
    with db.read() as session:
        assert settings.get(session, "working_hours_seasonal") == WINTER
        cal = station.work_calendar(session)
    assert cal.working_start(datetime(2026, 12, 7, 12, 30)) == datetime(2026, 12, 7, 13, 0)
    with pytest.raises(DomainError) as caught:
        settings_admin.update(
            db, admin, {"working_hours_seasonal": "01/06-31/08: 07:00-11:00,13:30-17:00"}
        )
    assert "dài bằng ngày thường" in caught.value.message_vi
    with db.read() as session:
        assert settings.get(session, "working_hours_seasonal") == WINTER

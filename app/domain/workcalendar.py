"""Working-day calendar and appointment (due) dates.

Rules, in the order they apply:

* All datetimes are naive office-local time.
* A working day is Monday–Friday minus Vietnamese public holidays (from the
  ``holidays`` package, including Tết, substituted days off and the
  government's swapped working Saturdays), then the office's overrides: an
  extra working day always counts (it wins over a weekend or holiday), an
  extra day off never does. One date may not be in both lists.
* Working time is the union of the working periods of each working day
  (default 07:30–11:30 and 13:30–17:30, 8 hours).
* Counting starts at :meth:`WorkCalendar.working_start` of the time received:
  that time itself if it lies inside a working period, else the start of the
  next working period (a dossier received at lunch, after hours or on a day
  off counts from the next working hour). When a procedure has the "after the
  cut-off counts from the next working day" setting and the dossier arrives
  on a working day strictly after the cut-off (default 15:00; the rules say
  "sau 15 giờ", so a dossier received at 15:00:00 is still counted that day),
  counting starts at the first working period of the next working day.
* "Same working day" (unit ``same_day``) is due at the close of the working
  day on which counting starts, like 0 working days.
* N working days are N × (working hours per day) working hours from the
  start; N working hours likewise. A result that lands exactly on a period
  boundary is the end of the earlier period (17:30, never the next 07:30).
* 0 working days or 0 calendar days means "within the day": due at the close
  of the working day on which counting starts. 0 working hours is the start.
* N calendar days are the start plus N days at the same clock time. If that
  day is not a working day, the deadline moves to the next working day at the
  same clock time. (The Civil Code, 2015 art. 148(5), moves such a deadline
  to the end of the next working day; keeping the clock time instead means a
  longer period never gives an earlier deadline: 2 days landing on a Saturday
  and 4 days landing on the Monday give the same moment, whereas moving only
  the day-off case to a close would make the 2-day deadline the later one.)
* Negative amounts are refused.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache

from app.domain.errors import DomainError

_ONE_HOUR = timedelta(hours=1)
# Long enough for any real run of days off (Tết is under two weeks); a
# calendar without a working day for ten years is a configuration error.
_MAX_SEARCH_DAYS = 3660
_PERIOD_RE = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", re.ASCII)


class ProcessingUnit(StrEnum):
    """The unit a procedure's processing time is expressed in."""

    SAME_DAY = "same_day"
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    CALENDAR_DAYS = "calendar_days"


def _bad_hours(text: str, reason_vi: str, reason_en: str) -> DomainError:
    return DomainError(
        "bad_working_hours",
        f"Giờ làm việc “{text}” không hợp lệ: {reason_vi}",
        f"Working hours “{text}” are invalid: {reason_en}",
        field="working_hours",
    )


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


@dataclass(frozen=True)
class WorkingHours:
    """The working periods of every working day, in order."""

    periods: tuple[tuple[time, time], ...] = (
        (time(7, 30), time(11, 30)),
        (time(13, 30), time(17, 30)),
    )

    def __post_init__(self) -> None:
        text = str(self)
        if not self.periods:
            raise _bad_hours(text, "cần ít nhất một khoảng.", "at least one period is needed.")
        previous_end: time | None = None
        for start, end in self.periods:
            if start.tzinfo is not None or end.tzinfo is not None:
                raise _bad_hours(
                    text, "giờ không được kèm múi giờ.", "times must not carry a time zone."
                )
            if start >= end:
                raise _bad_hours(
                    text,
                    f"khoảng {_hhmm(start)}-{_hhmm(end)} phải bắt đầu trước khi kết thúc.",
                    f"period {_hhmm(start)}-{_hhmm(end)} must start before it ends.",
                )
            # Touching periods would make "end of the earlier period" ambiguous;
            # such a day should be written as one period.
            if previous_end is not None and start <= previous_end:
                raise _bad_hours(
                    text,
                    "các khoảng phải theo thứ tự thời gian và không chồng lên nhau.",
                    "periods must be in time order and must not overlap or touch.",
                )
            previous_end = end

    @classmethod
    def parse(cls, text: str) -> WorkingHours:
        """Parse ``"07:30-11:30,13:30-17:30"``."""
        raw = text if isinstance(text, str) else ""
        periods: list[tuple[time, time]] = []
        for part in raw.split(","):
            match = _PERIOD_RE.fullmatch(part)
            if not match:
                raise _bad_hours(
                    raw,
                    "cần dạng HH:MM-HH:MM, các khoảng cách nhau bằng dấu phẩy.",
                    "expected HH:MM-HH:MM periods separated by commas.",
                )
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            try:
                periods.append((time(h1, m1), time(h2, m2)))
            except ValueError:
                raise _bad_hours(
                    raw,
                    f"“{part.strip()}” không phải giờ có thật.",
                    f"“{part.strip()}” is not a real time of day.",
                ) from None
        return cls(tuple(periods))

    def __str__(self) -> str:
        return ",".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in self.periods)

    @property
    def day_length(self) -> timedelta:
        """Working time in one working day."""
        anchor = date(2000, 1, 1)
        return sum(
            (datetime.combine(anchor, e) - datetime.combine(anchor, s) for s, e in self.periods),
            timedelta(),
        )

    @property
    def hours_per_day(self) -> float:
        return self.day_length / _ONE_HOUR


_SEASON_RE = re.compile(r"\s*(\d{1,2})/(\d{1,2})\s*-\s*(\d{1,2})/(\d{1,2})\s*:(.*)", re.ASCII)


def _bad_seasons(text: str, reason_vi: str, reason_en: str) -> DomainError:
    return DomainError(
        "bad_seasonal_hours",
        f"Giờ làm việc theo mùa “{text}” không hợp lệ: {reason_vi}",
        f"Seasonal working hours “{text}” are invalid: {reason_en}",
        field="working_hours_seasonal",
    )


@dataclass(frozen=True)
class Season:
    """Working hours for part of every year, ``first`` to ``last`` (month, day) inclusive.

    A season may run over the new year (15/10 to 31/3, winter hours).
    """

    first: tuple[int, int]
    last: tuple[int, int]
    hours: WorkingHours

    def covers(self, d: date) -> bool:
        key = (d.month, d.day)
        if self.first <= self.last:
            return self.first <= key <= self.last
        return key >= self.first or key <= self.last

    def __str__(self) -> str:
        (m1, d1), (m2, d2) = self.first, self.last
        return f"{d1:02d}/{m1:02d}-{d2:02d}/{m2:02d}: {self.hours}"


def parse_seasons(text: str) -> tuple[Season, ...]:
    """``"15/10-31/03: 07:30-12:00,13:00-16:30"``, several separated by ``;`` or lines.

    Empty text: no seasons (the same hours all year).
    """
    raw = text if isinstance(text, str) else ""
    seasons: list[Season] = []
    for part in re.split(r"[;\n]+", raw):
        if not part.strip():
            continue
        match = _SEASON_RE.fullmatch(part)
        if not match:
            raise _bad_seasons(
                raw,
                "cần dạng ngày/tháng-ngày/tháng: HH:MM-HH:MM,HH:MM-HH:MM, các mùa cách nhau "
                "bằng dấu chấm phẩy.",
                "expected dd/mm-dd/mm: HH:MM-HH:MM,… with seasons separated by semicolons.",
            )
        d1, m1, d2, m2 = (int(g) for g in match.groups()[:4])
        try:
            date(2000, m1, d1), date(2000, m2, d2)  # a leap year: 29/02 is a real day
        except ValueError:
            raise _bad_seasons(
                raw, f"“{part.strip()}” có ngày không có thật.", "a day does not exist."
            ) from None
        seasons.append(Season((m1, d1), (m2, d2), WorkingHours.parse(match.group(5))))
    return tuple(seasons)


@lru_cache(maxsize=256)
def _vn_year_raw(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Holidays and swapped working weekend days as the package gives them for one year."""
    # Imported on first use: the package is large and a start-up needs no calendar.
    import holidays

    calendar = holidays.country_holidays("VN", years=year)
    return frozenset(calendar), frozenset(getattr(calendar, "weekend_workdays", ()))


@lru_cache(maxsize=256)
def _vn_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Holidays and working weekend days falling in ``year``.

    A swap may cross New Year (a day off on 31/12 worked back on a Saturday in
    January), and the package files it under one of the two years, so the
    neighbouring years are consulted too.
    """
    days_off: set[date] = set()
    workdays: set[date] = set()
    for y in (year - 1, year, year + 1):
        if 1 <= y <= 9999:
            off, work = _vn_year_raw(y)
            days_off.update(d for d in off if d.year == year)
            workdays.update(d for d in work if d.year == year)
    return frozenset(days_off), frozenset(workdays)


def _check_amount(value: float, what_vi: str, what_en: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DomainError(
            "bad_processing_time",
            f"{what_vi} “{value}” không hợp lệ.",
            f"{what_en} “{value}” is invalid.",
            field="processing_time",
        )
    if value < 0:
        raise DomainError(
            "bad_processing_time",
            f"{what_vi} không được là số âm ({value}).",
            f"{what_en} must not be negative ({value}).",
            field="processing_time",
        )


class WorkCalendar:
    """Vietnamese public holidays plus one office's hours and day overrides."""

    def __init__(
        self,
        hours: WorkingHours | None = None,
        extra_days_off: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
        seasons: Iterable[Season] = (),
    ) -> None:
        self.hours = hours if hours is not None else WorkingHours()
        self.seasons = tuple(seasons)
        self._check_seasons()
        self.extra_days_off = frozenset(extra_days_off)
        self.extra_working_days = frozenset(extra_working_days)
        both = sorted(self.extra_days_off & self.extra_working_days)
        if both:
            shown = ", ".join(d.strftime("%d/%m/%Y") for d in both)
            raise DomainError(
                "conflicting_calendar_days",
                f"Ngày {shown} vừa là ngày nghỉ thêm vừa là ngày làm việc thêm.",
                f"{shown} is listed both as an extra day off and as an extra working day.",
                field="calendar",
            )
        self._day_length = self.hours.day_length

    def _check_seasons(self) -> None:
        """Seasons may move the hours but not the length of a working day, nor overlap.

        A working day is the unit deadlines are counted in; if summer days were
        shorter than winter ones, "5 working days" would mean two things.
        """
        text = "; ".join(str(s) for s in self.seasons)
        for season in self.seasons:
            if season.hours.day_length != self.hours.day_length:
                raise _bad_seasons(
                    text,
                    f"mỗi ngày làm việc theo mùa phải dài bằng ngày thường "
                    f"({self.hours.hours_per_day:g} giờ), mùa {season} dài "
                    f"{season.hours.hours_per_day:g} giờ.",
                    f"a seasonal working day must be as long as a normal one "
                    f"({self.hours.hours_per_day:g} h); {season} has "
                    f"{season.hours.hours_per_day:g} h.",
                )
        day = date(2000, 1, 1)
        while day.year == 2000:
            if sum(season.covers(day) for season in self.seasons) > 1:
                raise _bad_seasons(
                    text,
                    f"các mùa trùng nhau vào ngày {day:%d/%m}.",
                    f"seasons overlap on {day:%d/%m}.",
                )
            day += timedelta(days=1)

    def hours_on(self, d: date) -> WorkingHours:
        """The working hours of day ``d``: its season's, or the office's usual ones."""
        for season in self.seasons:
            if season.covers(d):
                return season.hours
        return self.hours

    # -- days ---------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        if isinstance(d, datetime):
            d = d.date()
        if d in self.extra_working_days:
            return True
        if d in self.extra_days_off:
            return False
        days_off, weekend_workdays = _vn_year(d.year)
        if d.weekday() >= 5:
            return d in weekend_workdays
        return d not in days_off

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        if isinstance(d, datetime):
            d = d.date()
        for offset in range(1, _MAX_SEARCH_DAYS + 1):
            candidate = d + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise DomainError(
            "no_working_day",
            f"Không tìm thấy ngày làm việc nào sau ngày {d:%d/%m/%Y}.",
            f"No working day found after {d:%d/%m/%Y}.",
            field="calendar",
        )

    # -- instants -----------------------------------------------------------

    def _periods_on(self, d: date) -> list[tuple[datetime, datetime]]:
        return [
            (datetime.combine(d, s), datetime.combine(d, e)) for s, e in self.hours_on(d).periods
        ]

    def _first_start(self, d: date) -> datetime:
        return datetime.combine(d, self.hours_on(d).periods[0][0])

    def _close_of(self, d: date) -> datetime:
        return datetime.combine(d, self.hours_on(d).periods[-1][1])

    def working_start(self, dt: datetime) -> datetime:
        """``dt`` if it lies inside a working period, else the next period's start.

        A period's end belongs to no period: at 11:30 sharp no working time is
        left in the morning, so counting starts at 13:30.
        """
        _check_naive(dt)
        if self.is_working_day(dt.date()):
            for start, end in self._periods_on(dt.date()):
                if dt < start:
                    return start
                if dt < end:
                    return dt
        return self._first_start(self.next_working_day(dt.date()))

    def _add(self, start: datetime, amount: timedelta) -> datetime:
        cursor = self.working_start(start)
        if amount <= timedelta():
            return cursor
        remaining = amount
        while True:
            day = cursor.date()
            for period_start, period_end in self._periods_on(day):
                if period_end <= cursor:
                    continue
                available = period_end - max(cursor, period_start)
                if remaining <= available:
                    return max(cursor, period_start) + remaining
                remaining -= available
            cursor = self._first_start(self.next_working_day(day))
            # Skip whole days at once so a long span costs days, not periods. The
            # strict comparison leaves a last full day to the loop above, which
            # then ends at that day's close rather than the next morning.
            while remaining > self._day_length:
                remaining -= self._day_length
                cursor = self._first_start(self.next_working_day(cursor.date()))

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time in ``[start, end)``; zero when ``end`` is not after ``start``."""
        _check_naive(start)
        _check_naive(end)
        total = timedelta()
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                for period_start, period_end in self._periods_on(day):
                    lo, hi = max(period_start, start), min(period_end, end)
                    if hi > lo:
                        total += hi - lo
            day += timedelta(days=1)
        return total

    def working_days_between(self, start: datetime, end: datetime) -> float:
        """``working_time_between`` in working days (a full working day is 1.0)."""
        return self.working_time_between(start, end) / self._day_length

    def extend_by(self, due: datetime, amount: timedelta) -> datetime:
        """``due`` moved later by ``amount`` of working time (unchanged for zero)."""
        if amount <= timedelta():
            return due
        return self._add(due, amount)

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """``hours`` of working time after ``working_start(start)``."""
        _check_amount(hours, "Số giờ làm việc", "Number of working hours")
        return self._add(start, timedelta(hours=hours))

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """``days`` × hours-per-day of working time after ``working_start(start)``."""
        _check_int(days, "Số ngày làm việc", "Number of working days")
        return self._add(start, days * self._day_length)

    def due_at(
        self,
        received_at: datetime,
        value: int,
        unit: ProcessingUnit,
        *,
        next_day_after_cutoff: bool = False,
        cutoff: time = time(15, 0),
    ) -> datetime:
        """The appointment time for a dossier received at ``received_at``."""
        _check_naive(received_at)
        _check_int(value, "Thời hạn giải quyết", "Processing time")
        try:
            unit = ProcessingUnit(unit)
        except ValueError:
            raise DomainError(
                "bad_processing_unit",
                f"Đơn vị thời hạn “{unit}” không hợp lệ.",
                f"Processing time unit “{unit}” is invalid.",
                field="processing_unit",
            ) from None
        if (
            next_day_after_cutoff
            and self.is_working_day(received_at.date())
            and received_at.time() > cutoff
        ):
            start = self._first_start(self.next_working_day(received_at.date()))
        else:
            start = self.working_start(received_at)

        if unit is ProcessingUnit.WORKING_HOURS:
            return self._add(start, value * _ONE_HOUR)
        if value == 0 or unit is ProcessingUnit.SAME_DAY:
            return self._close_of(start.date())
        if unit is ProcessingUnit.WORKING_DAYS:
            return self._add(start, value * self._day_length)
        deadline = start + timedelta(days=value)
        if self.is_working_day(deadline.date()):
            return deadline
        # The clock time lies inside a working period (it is the start's), so
        # it is a working moment on any working day too.
        return datetime.combine(self.next_working_day(deadline.date()), deadline.time())


def _check_int(value: int, what_vi: str, what_en: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(
            "bad_processing_time",
            f"{what_vi} “{value}” phải là số nguyên.",
            f"{what_en} “{value}” must be a whole number.",
            field="processing_time",
        )
    _check_amount(value, what_vi, what_en)


def _check_naive(dt: datetime) -> None:
    if not isinstance(dt, datetime):
        raise DomainError(
            "bad_datetime",
            f"Cần ngày và giờ, nhận được “{dt}”.",
            f"A date and time is needed, got “{dt}”.",
        )
    if dt.tzinfo is not None:
        raise DomainError(
            "bad_datetime",
            "Thời điểm phải là giờ địa phương của cơ quan, không kèm múi giờ.",
            "Times must be the office's local time, without a time zone.",
        )

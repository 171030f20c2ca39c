"""A reporting period: whole days from ``start`` to ``end`` inclusive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.domain.errors import DomainError

# A yearly report is the longest the forms ask for; ten years guards against typos.
MAX_DAYS = 3660


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DomainError(
                "bad_period",
                f"Kỳ báo cáo không hợp lệ: ngày kết thúc {self.end:%d/%m/%Y} trước ngày bắt đầu "
                f"{self.start:%d/%m/%Y}.",
                f"Invalid period: it ends ({self.end:%d/%m/%Y}) before it starts "
                f"({self.start:%d/%m/%Y}).",
                field="period",
            )
        if (self.end - self.start).days + 1 > MAX_DAYS:
            raise DomainError(
                "period_too_long",
                "Kỳ báo cáo dài quá 10 năm.",
                "The period is longer than ten years.",
                field="period",
            )

    @property
    def begins(self) -> datetime:
        return datetime.combine(self.start, time())

    @property
    def ends(self) -> datetime:
        """The first instant after the period (exclusive bound)."""
        return datetime.combine(self.end + timedelta(days=1), time())

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before: the month, quarter or year before
        when this one is a whole month, quarter or year, else as many days before."""
        months = _whole_months(self)
        if months:
            first = _add_months(self.start, -months)
            return Period(first, self.start - timedelta(days=1))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def label(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _whole_months(p: Period) -> int:
    if p.start.day != 1 or (p.end + timedelta(days=1)).day != 1:
        return 0
    after = p.end + timedelta(days=1)
    return (after.year - p.start.year) * 12 + after.month - p.start.month


def parse_day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise DomainError(
            "bad_date",
            f"Ngày “{text}” không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-01-31.",
            f"Invalid date “{text}”; use YYYY-MM-DD, e.g. 2026-01-31.",
            field=field,
        ) from None


def parse(start: str, end: str) -> Period:
    return Period(parse_day(start, "from"), parse_day(end, "to"))


def month(year: int, m: int) -> Period:
    first = date(year, m, 1)
    return Period(first, _add_months(first, 1) - timedelta(days=1))


def quarter(year: int, q: int) -> Period:
    first = date(year, 3 * (q - 1) + 1, 1)
    return Period(first, _add_months(first, 3) - timedelta(days=1))


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31))

"""Office-local time.

Every timestamp the station stores is naive Vietnam time (UTC+7, no daylight
saving), which is what the forms print and the working-day rules count in.
Times arriving with an offset are converted on the way in.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.errors import DomainError

VN_TZ = timezone(timedelta(hours=7), "ICT")


def now() -> datetime:
    return datetime.now(VN_TZ).replace(tzinfo=None, microsecond=0)


def to_local(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value
    return value.astimezone(VN_TZ).replace(tzinfo=None)


def to_wire(value: datetime | None) -> str | None:
    """ISO 8601 with the +07:00 offset, so the server never guesses."""
    if value is None:
        return None
    return value.replace(tzinfo=VN_TZ).isoformat()


def parse_datetime(text: str, field: str = "received_at") -> datetime:
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise DomainError(
            "bad_datetime",
            f"Thời điểm “{text}” không hợp lệ; dùng dạng ISO 8601, ví dụ 2026-02-13T09:00.",
            f"Invalid date and time “{text}”; use ISO 8601, e.g. 2026-02-13T09:00.",
            field=field,
        ) from None
    return to_local(value).replace(microsecond=0)

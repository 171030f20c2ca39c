"""What an intake promises: the appointment, the fee, the channel and postal details.

Kept apart from ``intake`` so the window's preview and the intake itself
compute them the same way. Nothing here blocks an intake because the
catalogue lacks data: where it has no processing time the clerk enters the
promised date and a supervisor confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.domain import fees
from app.domain.errors import DomainError
from app.domain.timeliness import CHANNEL_CODES
from app.domain.workcalendar import ProcessingUnit
from app.infra import clock
from app.office import auth, settings, station
from app.office.auth import Actor
from db.models import Procedure

MAX_TEXT = 500


@dataclass(frozen=True)
class Terms:
    due_at: datetime
    confirmed_by: str | None
    channel: int
    fee_amount: int
    fee_exemption: str | None
    postal_address: str | None
    postal_tracking: str | None
    return_by_post: bool
    return_address: str | None


def supervisor(session: Session, username: str | None) -> Actor | None:
    """The supervisor named to confirm something the clerk may not decide alone."""
    if not username:
        return None
    who = auth.actor_for(session, username)
    auth.require(who, "dossier.confirm")
    return who


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise DomainError(
            "bad_text",
            f"Trường “{key}” phải là chuỗi tối đa {MAX_TEXT} ký tự.",
            f"Field “{key}” must be text of at most {MAX_TEXT} characters.",
            field=key,
        )
    return " ".join(value.split()) or None


def channel(data: dict[str, Any]) -> int:
    name = data.get("channel", "counter")
    if name not in CHANNEL_CODES:
        raise DomainError(
            "bad_channel",
            f"Kênh nộp “{name}” không hợp lệ (counter, post, online).",
            f"Channel “{name}” is invalid (counter, post, online).",
            field="channel",
        )
    return CHANNEL_CODES[name]


def processing_days(proc: Procedure, data: dict[str, Any]) -> tuple[int, str]:
    """Value and unit for this dossier: the clerk may choose up to the maximum."""
    chosen = data.get("processing_days")
    if chosen is None:
        return proc.processing_value, proc.processing_unit
    top = proc.processing_max_value
    if top is None:
        raise DomainError(
            "fixed_processing_time",
            f"Thủ tục {proc.code} có thời hạn cố định; không chọn được số ngày xử lý.",
            f"Procedure {proc.code} has a fixed processing time.",
            field="processing_days",
        )
    if isinstance(chosen, bool) or not isinstance(chosen, int) or not 0 <= chosen <= top:
        raise DomainError(
            "bad_processing_days",
            f"Số ngày xử lý phải từ 0 đến {top} ngày làm việc.",
            f"Processing days must be 0–{top} working days.",
            field="processing_days",
        )
    return chosen, "working_days" if chosen else "same_day"


def due_at(
    session: Session,
    proc: Procedure,
    data: dict[str, Any],
    received: datetime,
    confirmer: Actor | None,
) -> tuple[datetime, str | None]:
    given = data.get("due_at")
    if proc.processing_value is None or proc.processing_unit is None:
        if given in (None, ""):
            raise DomainError(
                "missing_due_at",
                f"Thủ tục {proc.code} chưa có thời hạn trong danh mục: nhập ngày hẹn trả "
                "(due_at) và lãnh đạo bộ phận xác nhận.",
                f"Procedure {proc.code} has no processing time: enter the promised date "
                "(due_at), confirmed by a supervisor.",
                field="due_at",
            )
        if confirmer is None:
            raise DomainError(
                "needs_supervisor",
                "Ngày hẹn nhập tay cần lãnh đạo bộ phận xác nhận (--confirm-by).",
                "A promised date entered by hand needs a supervisor (--confirm-by).",
                field="due_at",
            )
        due = clock.parse_datetime(str(given), field="due_at")
        if due <= received:
            raise DomainError(
                "bad_due_at",
                "Ngày hẹn trả phải sau thời điểm tiếp nhận.",
                "The promised date must be after the time of receipt.",
                field="due_at",
            )
        return due, confirmer.username
    if given not in (None, ""):
        raise DomainError(
            "due_from_catalogue",
            f"Thủ tục {proc.code} có thời hạn trong danh mục; ngày hẹn được tính tự động.",
            f"Procedure {proc.code} has a processing time; the date is computed.",
            field="due_at",
        )
    value, unit = processing_days(proc, data)
    calendar = station.work_calendar(session)
    due = calendar.due_at(
        received,
        value,
        ProcessingUnit(unit),
        next_day_after_cutoff=proc.next_day_after_cutoff,
        cutoff=settings.get_time(session, "cutoff_time"),
    )
    return due, None


def fee(proc: Procedure, data: dict[str, Any], components: list) -> tuple[int, str | None]:
    exemption = data.get("fee_exemption")
    allowed = {e.get("code") for e in (proc.fee_exemptions or [])}
    if exemption is not None and exemption not in allowed:
        shown = ", ".join(sorted(c for c in allowed if c)) or "không có"
        raise DomainError(
            "bad_fee_exemption",
            f"Đối tượng miễn phí “{exemption}” không áp dụng cho thủ tục {proc.code} ({shown}).",
            f"Exemption “{exemption}” does not apply to procedure {proc.code}.",
            field="fee_exemption",
        )
    counts = [fees.ComponentCount(c.index, c.originals, c.copies, c.pages) for c in components]
    amount = fees.compute(proc.fee_amount, proc.fee_rule, counts, exempt=exemption is not None)
    return amount, exemption


def terms(
    session: Session,
    proc: Procedure,
    data: dict[str, Any],
    received: datetime,
    components: list,
    confirmer: Actor | None,
) -> Terms:
    due, confirmed = due_at(session, proc, data, received, confirmer)
    amount, exemption = fee(proc, data, components)
    kind = channel(data)
    postal_address = _text(data, "postal_address")
    tracking = _text(data, "postal_tracking")
    if kind == CHANNEL_CODES["post"] and not (postal_address and tracking):
        raise DomainError(
            "missing_postal",
            "Hồ sơ nhận qua bưu chính cần địa chỉ người gửi (postal_address) và số hiệu "
            "bưu gửi (postal_tracking).",
            "A postal intake needs the sender's address and the tracking number.",
            field="postal_address",
        )
    return_by_post = data.get("return_by_post", False)
    if not isinstance(return_by_post, bool):
        raise DomainError(
            "bad_flag",
            "Trường “return_by_post” phải là true hoặc false.",
            "Field “return_by_post” must be true or false.",
            field="return_by_post",
        )
    return_address = _text(data, "return_address") or (postal_address if return_by_post else None)
    if return_by_post and not return_address:
        raise DomainError(
            "missing_return_address",
            "Trả kết quả qua bưu chính cần địa chỉ nhận (return_address).",
            "Returning the result by post needs an address (return_address).",
            field="return_address",
        )
    return Terms(
        due,
        confirmed,
        kind,
        amount,
        exemption,
        postal_address,
        tracking,
        return_by_post,
        return_address,
    )

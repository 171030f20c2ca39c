"""Checking what a sender gives before it enters the register.

The rules require the sender's name, address and phone (anonymous feedback
is not received); the content has a limit so a pasted file cannot fill the
register, the sync queue or the public page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.domain import codes
from app.domain.errors import DomainError
from app.domain.feedback_clock import CHANNEL_LABELS, CHANNELS, FeedbackKind
from app.domain.text import require_fit_text
from app.infra import clock

# About eight printed pages; a longer letter is summarised and kept on paper.
MAX_CONTENT = 20_000
MAX_ANSWER = 20_000
MAX_NAME = 200
MAX_ADDRESS = 500
FUTURE_TOLERANCE = timedelta(minutes=5)
_PHONE = re.compile(r"^\+?[0-9][0-9 .-]{7,18}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_SENDER_LABELS = {
    "full_name": "họ và tên",
    "address": "địa chỉ",
    "phone": "số điện thoại",
}


@dataclass(frozen=True)
class Sender:
    full_name: str
    address: str
    phone: str
    email: str | None = None


@dataclass(frozen=True)
class FeedbackInput:
    sender: Sender
    content: str
    channel: str
    dossier_code: str | None
    kind: FeedbackKind | None
    received_at: datetime


def _line(value: Any, field: str, label: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise DomainError(
            "bad_field",
            f"Trường “{label}” không hợp lệ.",
            f"Field “{field}” is invalid.",
            field=field,
        )
    text = require_fit_text(" ".join(str(value).split()), field, label)
    if len(text) > limit:
        raise DomainError(
            "too_long",
            f"Trường “{label}” dài quá {limit} ký tự (hiện có {len(text)}).",
            f"Field “{field}” is longer than {limit} characters ({len(text)}).",
            field=field,
        )
    return text


def parse_sender(data: Any) -> Sender:
    """Name, address and phone are required: an anonymous sender is refused with the reason."""
    if data is not None and not isinstance(data, dict):
        raise DomainError(
            "bad_sender",
            "Thông tin người gửi (sender) phải là một đối tượng JSON.",
            "The sender must be a JSON object.",
            field="sender",
        )
    data = data or {}
    name = _line(data.get("full_name"), "full_name", "Họ và tên", MAX_NAME)
    address = _line(data.get("address"), "address", "Địa chỉ", MAX_ADDRESS)
    phone = _line(data.get("phone"), "phone", "Số điện thoại", 40)
    email = _line(data.get("email"), "email", "Thư điện tử", 200) or None
    missing = [
        label
        for key, label in _SENDER_LABELS.items()
        if not {"full_name": name, "address": address, "phone": phone}[key]
    ]
    if missing:
        raise DomainError(
            "anonymous_feedback",
            "Không tiếp nhận phản ánh, kiến nghị nặc danh: người gửi phải ghi rõ họ tên, "
            "địa chỉ và số điện thoại (Nghị định 20/2008/NĐ-CP). Còn thiếu: "
            + ", ".join(missing)
            + ".",
            "Anonymous feedback is not received: the sender's name, address and phone are "
            "required (Decree 20/2008/ND-CP). Missing: "
            + ", ".join(k for k in _SENDER_LABELS if _SENDER_LABELS[k] in missing)
            + ".",
            field="sender",
        )
    if not _PHONE.match(phone):
        raise DomainError(
            "bad_phone",
            f"Số điện thoại “{phone}” không hợp lệ (cần 9–20 chữ số).",
            f"Phone number “{phone}” is invalid (9–20 digits expected).",
            field="phone",
        )
    if email and not _EMAIL.match(email):
        raise DomainError(
            "bad_email",
            f"Thư điện tử “{email}” không hợp lệ.",
            f"E-mail address “{email}” is invalid.",
            field="email",
        )
    return Sender(name, address, phone, email)


def long_text(value: Any, field: str, label_vi: str, limit: int) -> str:
    """A multi-line text: lines kept, blank edges trimmed, a clear refusal over ``limit``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise DomainError(
            "empty_text",
            f"Chưa có {label_vi.lower()}.",
            f"The {field} is empty.",
            field=field,
        )
    if not isinstance(value, str):
        raise DomainError(
            "bad_field",
            f"{label_vi} phải là văn bản.",
            f"The {field} must be text.",
            field=field,
        )
    text = require_fit_text(value.replace("\r\n", "\n").strip(), field, label_vi)
    if len(text) > limit:
        raise DomainError(
            "too_long",
            f"{label_vi} dài {len(text):,} ký tự, quá giới hạn {limit:,} ký tự. Hãy tóm tắt "
            "nội dung chính; bản đầy đủ gửi kèm bằng văn bản giấy.".replace(",", "."),
            f"The {field} is {len(text):,} characters long, over the {limit:,} limit. "
            "Summarise it; keep the full text on paper.",
            field=field,
        )
    return text


def _channel(value: Any) -> str:
    channel = "counter" if value in (None, "") else value
    if channel not in CHANNELS:
        raise DomainError(
            "bad_channel",
            f"Kênh tiếp nhận “{value}” không hợp lệ; dùng một trong: "
            + ", ".join(f"{c} ({CHANNEL_LABELS[c].lower()})" for c in CHANNELS)
            + ".",
            f"Channel “{value}” is invalid; use one of: {', '.join(CHANNELS)}.",
            field="channel",
        )
    return channel


def _kind(value: Any) -> FeedbackKind | None:
    if value in (None, ""):
        return None
    try:
        return FeedbackKind(value)
    except ValueError:
        raise DomainError(
            "bad_kind",
            f"Phân loại “{value}” không hợp lệ; dùng regulation (về quy định), handling "
            "(về việc giải quyết hồ sơ) hoặc outside (không thuộc thẩm quyền).",
            f"Kind “{value}” is invalid; use regulation, handling or outside.",
            field="kind",
        ) from None


def _received_at(value: Any, now: datetime) -> datetime:
    if value in (None, ""):
        return now
    received = clock.parse_datetime(str(value))
    if received > now + FUTURE_TOLERANCE:
        raise DomainError(
            "future_received_at",
            "Thời điểm tiếp nhận không thể ở tương lai.",
            "The time of receipt cannot be in the future.",
            field="received_at",
        )
    return received


def parse(data: Any, now: datetime) -> FeedbackInput:
    if not isinstance(data, dict):
        raise DomainError(
            "bad_feedback",
            "Dữ liệu phản ánh phải là một đối tượng JSON.",
            "Feedback data must be a JSON object.",
        )
    sender = parse_sender(data.get("sender"))
    content = long_text(data.get("content"), "content", "Nội dung phản ánh", MAX_CONTENT)
    raw_code = data.get("dossier_code")
    dossier_code = None
    if raw_code not in (None, ""):
        dossier_code = str(codes.parse_code(str(raw_code)))
    return FeedbackInput(
        sender=sender,
        content=content,
        channel=_channel(data.get("channel")),
        dossier_code=dossier_code,
        kind=_kind(data.get("kind")),
        received_at=_received_at(data.get("received_at"), now),
    )


def classify(given: FeedbackKind | None, dossier_code: str | None, agency: str) -> FeedbackKind:
    """The register's class: what the clerk chose, else what the dossier code tells.

    A dossier of another agency is outside this office's competence; one of
    this office makes it feedback on handling a dossier; none, on a regulation.
    """
    if given is not None:
        return given
    if dossier_code is None:
        return FeedbackKind.REGULATION
    if codes.parse_code(dossier_code).agency != agency.upper():
        return FeedbackKind.OUTSIDE
    return FeedbackKind.HANDLING

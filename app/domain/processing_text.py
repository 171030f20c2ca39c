"""Reading a processing time as provinces publish it ("05 ngày làm việc", "Ngay trong ngày…").

Returns the catalogue's model of it: a value and unit, an optional maximum (in
working days) for "the clerk chooses" times, and whether a dossier received
after 15:00 counts from the next working day. Text it cannot read raises
``unparsed_processing`` so a supervisor can enter the time by hand.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.domain.errors import DomainError


@dataclass(frozen=True)
class ProcessingTime:
    value: int
    unit: str
    max_value: int | None = None
    after_cutoff: bool = False


_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "bảy": 7, "mười": 10}
_AMOUNT = r"(\d{1,3}|một|hai|ba|bốn|năm|bảy|mười)"
_UNIT = r"(ngày làm việc|giờ làm việc|ngày)"


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text]


def _unit(text: str) -> str:
    return {"ngày làm việc": "working_days", "giờ làm việc": "working_hours"}.get(
        text, "calendar_days"
    )


def parse(text: str) -> ProcessingTime:
    raw = unicodedata.normalize("NFC", " ".join(str(text or "").split()))
    low = raw.lower()
    after_cutoff = bool(re.search(r"sau 15\s*(giờ|h|:00)", low))
    same_day = bool(re.search(r"(ngay )?trong (ngày|ngày làm việc)( tiếp nhận| làm việc)?", low))
    found = [
        (m.start(), _number(m.group(1)), _unit(m.group(2)))
        for m in re.finditer(_AMOUNT + r"\s+" + _UNIT, low)
    ]
    if same_day and (not found or low.find("trong ngày") < found[0][0]):
        later = [v for _, v, u in found if u == "working_days"]
        return ProcessingTime(0, "same_day", max(later) if later else None, after_cutoff)
    if found:
        _, value, unit = found[0]
        extra = re.search(r"(?:cộng thêm|thêm|kéo dài)[^;.]*?" + _AMOUNT + r"\s+ngày làm việc", low)
        max_value = None
        if extra and unit == "working_days":
            max_value = value + _number(extra.group(1))
        elif len(found) > 1 and found[1][2] == "working_days" and found[1][1] > value:
            max_value = found[1][1]
        return ProcessingTime(value, unit, max_value, after_cutoff)
    raise DomainError(
        "unparsed_processing",
        f"Không đọc được thời hạn giải quyết “{raw}”; lãnh đạo bộ phận cần nhập tay.",
        f"Cannot read the processing time “{raw}”; a supervisor must enter it.",
        field="processing",
    )

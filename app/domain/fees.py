"""Fees as the rules set them: per case, per copy or per page, with caps and exemptions.

A procedure's ``fee_rule`` (stored as JSON) is one of

* ``None`` — the procedure's ``fee_amount`` once per dossier;
* ``{"kind": "per_copy", "rate": N, "component": I}`` — ``rate`` for each copy
  of component ``I``;
* ``{"kind": "per_page", "component": I, "first_pages": 2, "first_rate": 2000,
  "rate": 1000, "cap_per_copy": 200000}`` — certified copies (2.000815): each
  copy of component ``I`` costs ``first_rate`` for each of its first pages and
  ``rate`` for each page after them, at most ``cap_per_copy``.

A dossier whose applicant belongs to one of the procedure's exemption
categories (chosen at intake) pays nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.errors import DomainError

# Categories civil-status fees are waived for by law (Thông tư 85/2019/TT-BTC, art. 5).
CIVIL_STATUS_EXEMPTIONS: tuple[dict[str, str], ...] = (
    {"code": "revolution_family", "label": "Người thuộc gia đình có công với cách mạng"},
    {"code": "poor_household", "label": "Người thuộc hộ nghèo"},
    {"code": "disability", "label": "Người khuyết tật"},
    {"code": "child", "label": "Trẻ em (dưới 16 tuổi)"},
)


@dataclass(frozen=True)
class ComponentCount:
    index: int
    originals: int
    copies: int
    pages: int | None


def _bad_rule(reason_vi: str, reason_en: str) -> DomainError:
    return DomainError(
        "bad_fee_rule",
        f"Quy tắc tính phí không hợp lệ: {reason_vi}",
        f"Invalid fee rule: {reason_en}",
        field="fee_rule",
    )


def _amount(rule: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = rule.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000_000:
        raise _bad_rule(f"“{key}” phải là số nguyên không âm.", f"“{key}” must be a whole number.")
    return value


def check_rule(rule: Any) -> dict[str, Any] | None:
    """Validate a rule as stored; returns it normalised."""
    if rule is None:
        return None
    if not isinstance(rule, Mapping):
        raise _bad_rule("phải là một đối tượng.", "must be an object.")
    kind = rule.get("kind")
    if kind == "per_copy":
        return {"kind": kind, "rate": _amount(rule, "rate"), "component": rule.get("component")}
    if kind == "per_page":
        return {
            "kind": kind,
            "component": rule.get("component"),
            "first_pages": _amount(rule, "first_pages", 0),
            "first_rate": _amount(rule, "first_rate", 0),
            "rate": _amount(rule, "rate"),
            "cap_per_copy": rule.get("cap_per_copy") and _amount(rule, "cap_per_copy"),
        }
    raise _bad_rule(f"loại “{kind}” không có (per_copy, per_page).", f"no kind “{kind}”.")


def _copies_of(rule: Mapping[str, Any], comps: Iterable[ComponentCount]) -> list[ComponentCount]:
    index = rule.get("component")
    return [c for c in comps if index is None or c.index == index]


def copy_fee(rule: Mapping[str, Any], pages: int) -> int:
    """The fee for one copy of ``pages`` pages under a per-page rule."""
    first = min(pages, rule.get("first_pages") or 0)
    fee = first * (rule.get("first_rate") or 0) + (pages - first) * rule["rate"]
    cap = rule.get("cap_per_copy")
    return min(fee, cap) if cap else fee


def compute(
    fee_amount: int,
    rule: Mapping[str, Any] | None,
    components: Iterable[ComponentCount],
    exempt: bool = False,
) -> int:
    """The fee of one dossier (one set; the caller multiplies by sets if it must)."""
    if exempt:
        return 0
    if rule is None:
        return fee_amount
    comps = _copies_of(rule, components)
    if rule["kind"] == "per_copy":
        return sum(c.copies for c in comps) * rule["rate"]
    total = 0
    for comp in comps:
        if comp.copies and comp.pages is None:
            raise DomainError(
                "missing_pages",
                f"Thành phần {comp.index}: cần nhập số trang mỗi bản (pages) để tính phí.",
                f"Component {comp.index}: pages per copy are needed for the fee.",
                field="components",
            )
        total += comp.copies * copy_fee(rule, comp.pages or 0)
    return total


_NUM = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"


def _money(text: str) -> int:
    return int(re.sub(r"[.,]", "", text))


def parse_fee_text(text: str) -> tuple[int, dict[str, Any] | None]:
    """``(fee_amount, fee_rule)`` from a published fee text, or ``bad_fee_text``.

    Understands "Không thu phí", "50.000 đồng/hồ sơ", "2.000 đồng/trang …; từ
    trang thứ ba trở đi 1.000 đồng/trang; tối đa 200.000 đồng/bản" and
    "10.000 đồng/bản".
    """
    raw = unicodedata.normalize("NFC", " ".join(str(text or "").split()))
    low = raw.lower()
    if not low or re.fullmatch(r"(không( thu)?( phí,?)?( lệ phí)?|miễn( phí| lệ phí)?|0)\.?", low):
        return 0, None
    if re.fullmatch(_NUM, low):
        return _money(low), None
    amounts = [(m.group(1), m.end()) for m in re.finditer(_NUM + r"\s*(?:đồng|đ|vnđ)\b", low)]
    if not amounts:
        raise DomainError(
            "bad_fee_text",
            f"Không đọc được mức phí “{raw}”: cần số tiền kèm “đồng”.",
            f"Cannot read the fee “{raw}”: an amount in đồng is needed.",
            field="fee",
        )
    first = _money(amounts[0][0])
    if "/trang" in low or "/ trang" in low:
        rate = first
        first_pages = 0
        later = re.search(r"từ trang thứ (\w+)[^;]*?" + _NUM + r"\s*(?:đồng|đ)", low)
        if later:
            nth = {"hai": 2, "ba": 3, "tư": 4, "năm": 5}.get(later.group(1))
            nth = nth or (int(later.group(1)) if later.group(1).isdigit() else 3)
            first_pages, rate = nth - 1, _money(later.group(2))
        cap = re.search(r"tối đa (?:không quá )?" + _NUM + r"\s*(?:đồng|đ)", low)
        rule = {
            "kind": "per_page",
            "component": None,
            "first_pages": first_pages,
            "first_rate": first,
            "rate": rate,
            "cap_per_copy": _money(cap.group(1)) if cap else None,
        }
        return 0, rule
    if re.search(r"/\s*bản\b", low):
        return 0, {"kind": "per_copy", "rate": first, "component": None}
    return first, None

"""How a fee was paid, and the cashless share Decision 766 asks about.

Pure: the station and the server both count with it, so their figures agree.
A fee recorded paid without saying how (before the station asked, or from
the command line without ``--method``) has no method: it is left out of the
share rather than guessed to be cash.
"""

from __future__ import annotations

from app.domain.errors import DomainError

# Stored and sent as these keys; the labels are what the counter shows.
METHODS: dict[str, str] = {
    "cash": "Tiền mặt",
    "transfer": "Chuyển khoản (mã VietQR trên giấy tiếp nhận)",
    "online": "Thanh toán trực tuyến qua Cổng Dịch vụ công",
    "pos": "Thẻ qua máy POS",
}
CASHLESS = frozenset({"transfer", "online", "pos"})


def parse_method(value: str | None) -> str | None:
    """A method key from what a clerk or a caller gave; ``None`` for none given."""
    if value is None or not str(value).strip():
        return None
    key = str(value).strip().lower()
    if key not in METHODS:
        raise DomainError(
            "bad_payment_method",
            f"Hình thức nộp phí không hợp lệ: “{value}”; chọn một trong {', '.join(METHODS)}.",
            f"Unknown payment method “{value}”; use one of {', '.join(METHODS)}.",
            field="method",
        )
    return key


def is_cashless(method: str | None) -> bool:
    return method in CASHLESS


def cashless_share(cashless: int, known: int) -> float | None:
    """Fees paid without cash ÷ fees paid whose method is known; ``None`` when none is."""
    return round(cashless / known, 4) if known else None


# Why the share is not computed (station and server alike).
CASHLESS_UNKNOWN = "Không có hồ sơ nào trong kỳ đã nộp phí với hình thức nộp phí được ghi nhận."

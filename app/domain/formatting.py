"""How money, dates and times are written on screens and paper forms."""

from __future__ import annotations

from datetime import date, datetime


def format_money(amount: int | None) -> str:
    """50000 → '50.000 đ' (Vietnamese thousands separator, dong sign)."""
    value = int(amount or 0)
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,} đ".replace(",", ".")


def format_money_official(amount: int | None) -> str:
    """50000 → '50.000 đồng': official paper writes the currency out."""
    return format_money(amount).removesuffix(" đ") + " đồng"


def format_bytes(size: int) -> str:
    """1288490 → '1,2 MB': binary units, one decimal with a comma, as Windows shows sizes."""
    value = float(max(0, int(size)))
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    if unit == "B":
        return f"{int(value)} B"
    return f"{value:.1f} {unit}".replace(".", ",")


def format_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, or an empty string for a missing date."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    """HH:MM dd/mm/yyyy, as shown in tables."""
    return value.strftime("%H:%M %d/%m/%Y") if value else ""


def format_long_datetime(value: datetime) -> str:
    """'09 giờ 05 phút, ngày 13 tháng 02 năm 2026', as on the receipt."""
    return f"{value:%H} giờ {value:%M} phút, {format_long_date(value)}"


def format_long_date(value: date) -> str:
    """'ngày 13 tháng 02 năm 2026', 'ngày 07 tháng 5 năm 2019'.

    Decree 30/2020/NĐ-CP (Appendix I) writes a leading zero only before days
    below 10 and months 1 and 2, so a "1" cannot be added in front later.
    """
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value:%d} tháng {month} năm {value:%Y}"


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def number_in_words(value: int) -> str:
    """0–999 in Vietnamese words: 1 → 'một', 15 → 'mười lăm', 21 → 'hai mươi mốt'."""
    if not 0 <= value <= 999:
        raise ValueError(value)
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds:
        words += [_DIGITS[hundreds], "trăm"]
        if rest and tens == 0:
            words.append("linh")
    if tens == 1:
        words.append("mười")
    elif tens > 1:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 5 and (tens or hundreds and rest > 9):
            words.append("lăm")
        elif units == 1 and tens > 1:
            words.append("mốt")
        else:
            words.append(_DIGITS[units])
    elif not words:
        words.append(_DIGITS[0])
    return " ".join(words)

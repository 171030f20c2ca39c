"""What the receipt says, shared by the A4 and the 80 mm roll layouts."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.domain.errors import DomainError
from app.domain.formatting import format_money_official
from app.domain.vietqr import build_vietqr, transfer_note_for
from app.paper.render.layout import long_datetime, text, two_digits
from app.paper.render.model import DossierInfo, OfficeInfo
from app.paper.render.templates import FREE_OF_CHARGE, RECEIPT

log = logging.getLogger(__name__)

RECEIPT_TITLE = RECEIPT.title
COPY_LABELS = RECEIPT.wording[:2]
LOOKUP_HINT = "Quét mã QR để tra cứu tình trạng hồ sơ"
PAY_LABEL = "Quét để nộp phí"
PAID = "Đã nộp"
UNPAID = "Chưa nộp"
FREE = FREE_OF_CHARGE


def check_receipt_inputs(dossier: DossierInfo) -> None:
    """A receipt without an appointment or a look-up link would mislead the applicant."""
    if dossier.due_at is None:
        raise DomainError(
            "receipt.no_due_date",
            "Hồ sơ chưa có ngày hẹn trả kết quả nên không in được giấy tiếp nhận.",
            "The dossier has no appointment date, so no receipt can be printed.",
        )
    if not dossier.lookup_url:
        raise DomainError(
            "receipt.no_lookup_url",
            "Thiếu đường dẫn tra cứu hồ sơ để in mã QR.",
            "The look-up link for the QR code is missing.",
        )


def fee_status(dossier: DossierInfo) -> str:
    """'50.000 đồng – Chưa nộp', or 'Không thu phí, lệ phí' when nothing is due (escaped)."""
    if dossier.fee_amount <= 0:
        status = FREE
    else:
        status = (
            f"{format_money_official(dossier.fee_amount)} – {PAID if dossier.fee_paid else UNPAID}"
        )
    if dossier.fee_note:
        status += f" ({dossier.fee_note})"
    return text(status)


@dataclass(frozen=True)
class PaymentQR:
    payload: str
    amount: int
    note: str
    account: str
    account_name: str | None


def payment_qr(office: OfficeInfo, dossier: DossierInfo) -> PaymentQR | None:
    """The VietQR for the unpaid fee, when the office takes transfers.

    A wrongly configured bank account must not stop the counter from handing
    out receipts, so it only drops the payment code and leaves a log line.
    """
    if not (office.bank_bin and office.bank_account):
        return None
    if dossier.fee_amount <= 0 or dossier.fee_paid:
        return None
    note = transfer_note_for(dossier.code)
    if note is None:
        log.warning("Dossier code %s does not fit a transfer note; no VietQR", dossier.code)
        return None
    try:
        payload = build_vietqr(
            office.bank_bin, office.bank_account, amount=dossier.fee_amount, note=note
        )
    except DomainError as exc:
        log.warning("No VietQR on receipt %s: %s", dossier.code, exc.message_en)
        return None
    return PaymentQR(
        payload=payload,
        amount=dossier.fee_amount,
        note=note,
        account=office.bank_account,
        account_name=office.bank_account_name,
    )


def numbered_lines(dossier: DossierInfo) -> list[tuple[str, str, bool]]:
    """Items 2–7 of the receipt as (label, escaped value, bold)."""
    assert dossier.due_at is not None
    return [
        ("2. Số lượng hồ sơ", f"{two_digits(dossier.sets)} (bộ)", False),
        ("3. Thời gian giải quyết hồ sơ theo quy định là", text(dossier.processing_text), False),
        (
            "4. Thời gian nhận hồ sơ",
            long_datetime(dossier.received_at, breakable=False),
            True,
        ),
        (
            "5. Thời gian trả kết quả giải quyết hồ sơ",
            long_datetime(dossier.due_at, breakable=False),
            True,
        ),
        ("6. Đăng ký nhận kết quả tại", text(dossier.result_place), False),
        ("7. Phí, lệ phí", fee_status(dossier), False),
    ]


def logbook_reference(dossier: DossierInfo) -> str:
    """'Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 123' (escaped)."""
    book = text(book_number(dossier.logbook_book)) or "……"
    line = text(dossier.logbook_line) or "……"
    return f"Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {line}"


def book_number(book: str | None) -> str:
    """The book number a clerk writes: '2026/Q01' (year and station, as stored) → '01'."""
    value = (book or "").strip()
    _, _, tail = value.rpartition("/")
    tail = tail.removeprefix("Q")
    return tail if tail.isdigit() else value


def summary_line(dossier: DossierInfo) -> str | None:
    """The 'Trích yếu' text, or None when it only repeats the procedure's name."""
    summary = " ".join((dossier.summary or "").split())
    if not summary:
        return None
    folded, name = (
        summary.casefold().rstrip("."),
        " ".join(dossier.procedure_name.split()).casefold(),
    )
    if folded in name or name in folded:
        return None
    return summary

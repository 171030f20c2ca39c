"""Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu số 04).

A letter (công văn) in the form of Decree 30/2020: number and symbol with a
"V/v" line instead of a title, addressed to the applicant by name, signed by
the head on behalf of the body ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"). Printed
before the appointment it says the result cannot be returned on time;
printed after, that it was not.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, Spacer

from app.domain.formatting import format_long_date
from app.paper.render.layout import (
    Para,
    header_block,
    letter_signature,
    long_datetime,
    recipients,
    salutation_line,
    signature_row,
    styles,
    text,
)
from app.paper.render.model import ApologyLetter, DossierInfo, OfficeInfo
from app.paper.render.pages import A4_WIDTH, build_a4
from app.paper.render.templates import APOLOGY

TITLE = APOLOGY.title
SUBJECT = "V/v xin lỗi và hẹn lại thời gian trả kết quả giải quyết hồ sơ"


def render_apology(
    office: OfficeInfo,
    dossier: DossierInfo,
    letter: ApologyLetter,
    *,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The apology letter as PDF bytes."""
    st = styles(13)
    width = A4_WIDTH
    issuer = text(office.unit_name if office.letters_by_unit else office.name)
    you = text(dossier.applicant.salutation)
    due = long_datetime(dossier.due_at) if dossier.due_at else "…………"
    if dossier.due_at is not None and letter.issued_at < dossier.due_at:
        late = (
            f"Tuy nhiên, đến nay hồ sơ chưa giải quyết xong và {issuer} không thể trả kết quả "
            f"cho {you} đúng thời gian đã hẹn trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
        )
        sorry = f"Việc chậm trễ này sẽ gây phiền hà cho {you}."
    else:
        late = (
            f"Tuy nhiên, đến nay {issuer} chưa trả kết quả giải quyết hồ sơ cho {you} đúng "
            "thời gian đã hẹn trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
        )
        sorry = f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của {you}."
    story: list[Flowable] = [
        header_block(
            office,
            st,
            width,
            when=letter.issued_at,
            number=letter.number,
            include_unit=False,
            subject=SUBJECT,
        ),
        Spacer(1, st.size * 0.8),
        Para(salutation_line(dossier), st.body_center),
        Spacer(1, st.size * 0.6),
        Para(
            f"{_day(dossier.received_at)}, {issuer} tiếp nhận hồ sơ của {you}, mã hồ "
            f"sơ: <b>{text(dossier.code)}</b>; nội dung yêu cầu giải quyết: "
            f"{text(dossier.procedure_name)}.",
            st.body_indent,
        ),
        Para(f"Thời gian hẹn trả kết quả giải quyết hồ sơ: <b>{due}</b>.", st.body_indent),
        Para(late, st.body_indent),
        Para(f"Lý do: {text(letter.reason)}", st.body_indent),
        Para(
            f"{sorry} {issuer} trân trọng xin lỗi {you} và sẽ trả kết quả giải quyết hồ sơ "
            f"cho {you} vào <b>{long_datetime(letter.new_due_at)}</b>.",
            st.body_indent,
        ),
        Para(f"Xin trân trọng cảm ơn sự hợp tác của {you}./.", st.body_indent),
        signature_row(
            [letter_signature(office, letter.head_name, letter.head_title)],
            st,
            width,
            left=recipients(
                [f"{dossier.applicant.salutation} {dossier.applicant.full_name};", "Lưu: VT."], st
            ),
        ),
    ]
    return build_a4(
        story,
        title=f"{TITLE} {dossier.code}",
        reprint=reprint,
        printed_at=printed_at,
        reference=dossier.code or None,
    )


def _day(value: datetime) -> str:
    """'Ngày 29 tháng 4 năm 2026' at the start of a sentence (Decree 30/2020 digits)."""
    return "N" + format_long_date(value)[1:]

"""Phiếu xin lỗi và hẹn lại ngày trả kết quả (apology for a late result).

Circular 03/2025 calls it "Văn bản xin lỗi và đề nghị gia hạn"; the content
is the same: the original appointment, why it was missed, an apology and the
new appointment, signed by the head of the agency.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, Spacer

from app.domain.formatting import format_date
from app.paper.render.layout import (
    Para,
    Signature,
    header_block,
    long_datetime,
    recipients,
    signature_row,
    styles,
    text,
    title_block,
)
from app.paper.render.model import ApologyLetter, DossierInfo, OfficeInfo
from app.paper.render.pages import A4_WIDTH, build_a4

TITLE = "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
SEAL_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"


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
    agency = text(office.name)
    name = text(dossier.applicant.full_name)
    due = long_datetime(dossier.due_at) if dossier.due_at else "…………"
    story: list[Flowable] = [
        header_block(
            office, st, width, when=letter.issued_at, number=letter.number, include_unit=False
        ),
        *title_block(TITLE, st),
        Para(f"Kính gửi: Ông/Bà <b>{name}</b>", st.body_center),
        Spacer(1, st.size * 0.6),
        Para(
            f"Ngày {format_date(dossier.received_at)}, {agency} tiếp nhận giải quyết hồ sơ "
            f"của Ông/Bà, mã hồ sơ: <b>{text(dossier.code)}</b>; nội dung yêu cầu giải quyết: "
            f"{text(dossier.procedure_name)}.",
            st.body_indent,
        ),
        Para(f"Thời gian hẹn trả kết quả giải quyết hồ sơ: <b>{due}</b>.", st.body_indent),
        Para(
            f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hạn "
            "ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
            st.body_indent,
        ),
        Para(f"Lý do: {text(letter.reason)}", st.body_indent),
        Para(
            f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. {agency} "
            "xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào "
            f"<b>{long_datetime(letter.new_due_at)}</b>.",
            st.body_indent,
        ),
        Para("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.", st.body_indent),
        signature_row(
            [Signature(letter.head_title, letter.head_name, hint=SEAL_HINT)],
            st,
            width,
            left=recipients([f"Ông/Bà {dossier.applicant.full_name};", "Lưu: VT."], st),
        ),
    ]
    return build_a4(
        story,
        title=f"{TITLE} {dossier.code}",
        reprint=reprint,
        printed_at=printed_at,
        reference=dossier.code or None,
    )

"""Thông báo dừng giải quyết hồ sơ (Mẫu số 05), at the applicant's request."""

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
    title_block,
)
from app.paper.render.model import DossierInfo, OfficeInfo, StopNotice
from app.paper.render.pages import A4_WIDTH, build_a4

TITLE = "Thông báo"
SUBTITLE = "Về việc dừng giải quyết hồ sơ"


def render_stop_notice(
    office: OfficeInfo,
    dossier: DossierInfo,
    notice: StopNotice,
    *,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The notice of stopping as PDF bytes."""
    st = styles(13)
    width = A4_WIDTH
    issuer = text(office.unit_name if office.letters_by_unit else office.name)
    you = text(dossier.applicant.salutation)
    story: list[Flowable] = [
        header_block(
            office, st, width, when=notice.issued_at, number=notice.number, include_unit=False
        ),
        *title_block(TITLE, st, subtitle=SUBTITLE),
        Para(salutation_line(dossier), st.body_center),
        Spacer(1, st.size * 0.6),
        Para(
            f"N{format_long_date(notice.requested_at)[1:]}, {issuer} nhận được đề nghị dừng giải "
            f"quyết hồ sơ của {you} đối với hồ sơ mã số <b>{text(dossier.code)}</b>, tiếp nhận "
            f"lúc {long_datetime(dossier.received_at)}; nội dung yêu cầu giải "
            f"quyết: {text(dossier.procedure_name)}.",
            st.body_indent,
        ),
        Para(f"Lý do: {text(notice.reason)}", st.body_indent),
        Para(
            f"{issuer} thông báo dừng giải quyết hồ sơ nêu trên kể từ "
            f"{format_long_date(notice.issued_at)}.",
            st.body_indent,
        ),
    ]
    if notice.returned_documents:
        story.append(
            Para(f"Giấy tờ trả lại cho {you}: {text(notice.returned_documents)}", st.body_indent)
        )
    story.append(
        Para(
            f"Mọi thắc mắc xin liên hệ {text(office.unit_name)}, địa chỉ: {text(office.address)}, "
            f"điện thoại: {text(office.phone)}./.",
            st.body_indent,
        )
    )
    story.append(
        signature_row(
            [letter_signature(office, notice.signer_name, notice.signer_title)],
            st,
            width,
            left=recipients(
                [f"{dossier.applicant.salutation} {dossier.applicant.full_name};", "Lưu: VT."], st
            ),
        )
    )
    return build_a4(
        story,
        title=f"{TITLE} {SUBTITLE} {dossier.code}",
        reprint=reprint,
        printed_at=printed_at,
        reference=dossier.code or None,
    )

"""Phiếu từ chối tiếp nhận giải quyết hồ sơ (refusal at intake)."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, Spacer

from app.paper.render.layout import (
    DOTS,
    Para,
    Signature,
    applicant_fields,
    field,
    header_block,
    signature_row,
    styles,
    text,
    title_block,
)
from app.paper.render.model import DossierInfo, OfficeInfo, RefusalNotice
from app.paper.render.pages import A4_WIDTH, build_a4
from app.paper.render.templates import REFUSAL

TITLE = REFUSAL.title


def render_refusal(
    office: OfficeInfo,
    dossier: DossierInfo,
    notice: RefusalNotice,
    *,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The refusal slip as PDF bytes."""
    st = styles(13)
    width = A4_WIDTH
    unit = text(office.unit_name)
    story: list[Flowable] = [
        header_block(office, st, width, when=notice.issued_at, number=notice.number),
        *title_block(TITLE, st),
    ]
    # A slip handed over at intake, before any dossier is recorded, has no code.
    if dossier.code:
        story.append(Para(f"Mã hồ sơ: <b>{text(dossier.code)}</b>", st.body_center))
        story.append(Spacer(1, st.size * 0.5))
    story += applicant_fields(dossier, st, name_label=f"{office.unit_name} tiếp nhận hồ sơ của")
    basis = text(notice.legal_basis) if notice.legal_basis else DOTS
    story.append(
        Para(
            f"Căn cứ quy định tại {basis}, {unit} từ chối tiếp nhận, giải quyết hồ sơ này "
            "với lý do cụ thể như sau:",
            st.body,
        )
    )
    story.append(Para(text(notice.reason), st.body_indent))
    story.append(field("Thông tin liên hệ", notice.contact, st))
    you = text(dossier.applicant.salutation)
    story.append(Para(f"Xin thông báo để {you} được biết và thực hiện./.", st.body_indent))
    story.append(
        signature_row(
            [
                Signature("Người nộp hồ sơ", dossier.applicant.full_name),
                Signature("Người tiếp nhận hồ sơ", notice.officer),
            ],
            st,
            width,
        )
    )
    return build_a4(
        story,
        title=f"{TITLE} {dossier.code}",
        reprint=reprint,
        printed_at=printed_at,
        reference=dossier.code or None,
    )

"""Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (request to supplement a dossier)."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, Spacer

from app.paper.render.layout import (
    Para,
    Signature,
    Styles,
    applicant_fields,
    field,
    grid_table,
    header_block,
    long_datetime,
    signature_row,
    styles,
    text,
    title_block,
    two_digits,
)
from app.paper.render.model import DossierInfo, OfficeInfo, SupplementRequest
from app.paper.render.pages import A4_WIDTH, build_a4
from app.paper.render.templates import SUPPLEMENT

TITLE = SUPPLEMENT.title


def _items_table(request: SupplementRequest, st: Styles, width: float) -> Flowable:
    count_w = st.size * 4.6
    index_w = st.size * 2.4
    rows: list[list[object]] = [
        [
            Para("STT", st.cell_head),
            Para("Tên thành phần hồ sơ cần bổ sung, hoàn thiện", st.cell_head),
            Para("Bản chính", st.cell_head),
            Para("Bản sao có chứng thực", st.cell_head),
            Para("Bản photocopy", st.cell_head),
        ]
    ]
    for index, item in enumerate(request.items, start=1):
        name = text(item.name)
        if item.note:
            name += f"<br/><i>{text(item.note)}</i>"
        rows.append(
            [
                str(index),
                Para(name, st.cell),
                two_digits(item.originals),
                two_digits(item.certified_copies),
                two_digits(item.photocopies),
            ]
        )
    widths = [index_w, width - index_w - 3 * count_w, count_w, count_w, count_w]
    return grid_table(rows, widths, st, centred_columns=(0, 2, 3, 4))


def render_supplement(
    office: OfficeInfo,
    dossier: DossierInfo,
    request: SupplementRequest,
    *,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The request to supplement as PDF bytes."""
    st = styles(13)
    width = A4_WIDTH
    story: list[Flowable] = [
        header_block(office, st, width, when=request.issued_at, number=request.number),
        *title_block(TITLE, st),
    ]
    # A slip handed over at intake, before any dossier is recorded, has no code.
    if dossier.code:
        story.append(Para(f"Mã hồ sơ: <b>{text(dossier.code)}</b>", st.body_center))
        story.append(Spacer(1, st.size * 0.5))
    story += applicant_fields(dossier, st, name_label="Hồ sơ của")
    received = long_datetime(dossier.received_at)
    story.append(Para(f"Thời gian tiếp nhận: {received}", st.body))
    story.append(Para("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", st.body))
    story.append(_items_table(request, st, width))
    story.append(Spacer(1, st.size * 0.4))
    story.append(field("Lý do", request.reason, st))
    story.append(field("Căn cứ pháp lý, nơi tra cứu quy định", request.guidance, st))
    phone = f", số điện thoại <b>{text(request.contact_phone)}</b>" if request.contact_phone else ""
    story.append(
        Para(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, "
            f"{text(dossier.applicant.salutation)} liên hệ với "
            f"<b>{text(request.contact_officer)}</b>{phone} để được hướng dẫn.",
            st.body,
        )
    )
    story.append(signature_row([Signature("Người hướng dẫn", request.guiding_officer)], st, width))
    return build_a4(
        story,
        title=f"{TITLE} {dossier.code}",
        reprint=reprint,
        printed_at=printed_at,
        reference=dossier.code or None,
    )

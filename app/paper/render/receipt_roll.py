"""The receipt on 80 mm thermal roll paper.

Same content as the A4 receipt in a single narrow column, the look-up QR
first so the applicant sees it at once. Roll paper has no fixed length, so
each page is exactly as tall as its content.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.flowables import HRFlowable

from app.domain.formatting import format_datetime, format_money_official
from app.paper.render.fonts import SERIF_BOLD
from app.paper.render.layout import (
    MOTTO,
    NATIONAL_NAME,
    Para,
    Signature,
    Styles,
    field,
    place_and_date,
    request_text,
    signature_row,
    styles,
    text,
    two_digits,
    underline_rule,
)
from app.paper.render.model import DossierInfo, OfficeInfo
from app.paper.render.pages import (
    Margins,
    PageMarks,
    build_pdf,
    story_height,
)
from app.paper.render.qr import QRFlowable
from app.paper.render.receipt_data import (
    COPY_LABELS,
    LOOKUP_HINT,
    PAY_LABEL,
    RECEIPT_TITLE,
    check_receipt_inputs,
    logbook_reference,
    numbered_lines,
    payment_qr,
    summary_line,
)

ROLL_WIDTH = 80 * mm
ROLL_QR_SIZE = 30 * mm
_BODY_SIZE = 9.0
_SIDE = 4 * mm
_TOP = 4 * mm
# Room above the content for the "BẢN SAO" stamp on a reprint.
_TOP_REPRINT = 14 * mm
_BOTTOM = 6 * mm
# Slack for rounding between measuring and laying out, so a page never spills.
_SLACK = 3 * mm


def _centered(flowable: Flowable) -> Flowable:
    flowable.hAlign = "CENTER"
    return flowable


def _copy_story(
    office: OfficeInfo,
    dossier: DossierInfo,
    copy_label: str,
    st: Styles,
    width: float,
    printed_at: datetime | None,
) -> list[Flowable]:
    applicant = dossier.applicant
    story: list[Flowable] = [
        _centered(QRFlowable(dossier.lookup_url, ROLL_QR_SIZE)),
        Para(f"<b>{text(dossier.code)}</b>", st.body_center),
        Para(text(LOOKUP_HINT), st.small_center),
        Spacer(1, 2 * mm),
    ]
    story.append(Para(text(office.name.upper()), st.header))
    story.append(Para(text(office.unit_name.upper()), st.header_bold))
    story.append(Spacer(1, 1.5 * mm))
    story.append(Para(NATIONAL_NAME, st.header_bold))
    story.append(Para(MOTTO, st.header_bold))
    story.append(underline_rule(MOTTO, SERIF_BOLD, st.header_bold.fontSize))
    story.append(Para(place_and_date(office, dossier.received_at), st.italic_center))
    story.append(Para(text(RECEIPT_TITLE.upper()), st.title))
    story.append(Para(f"Mã hồ sơ: <b>{text(dossier.code)}</b>", st.body_center))
    story.append(Para(f"({text(copy_label)})", st.italic_center))
    story.append(Spacer(1, 2 * mm))

    story.append(
        field(f"{office.unit_name} tiếp nhận hồ sơ của", applicant.full_name, st, bold=True)
    )
    if applicant.id_number:
        story.append(field("Số định danh cá nhân/CCCD", applicant.id_number, st))
    story.append(field("Địa chỉ", applicant.address, st))
    story.append(field("Số điện thoại", applicant.phone, st))
    story.append(field("Email", applicant.email, st))
    story.append(Para(f"Nội dung yêu cầu giải quyết: {request_text(dossier)}", st.body))
    summary = summary_line(dossier)
    if summary:
        story.append(field("Trích yếu", summary, st))
    story.append(Para("1. Thành phần hồ sơ nộp gồm:", st.body))
    if not dossier.components:
        story.append(Para("(Không có giấy tờ kèm theo)", st.body_hanging))
    for line in dossier.components:
        counts = f"bản chính: {two_digits(line.originals)}; bản sao: {two_digits(line.copies)}"
        story.append(Para(f"{line.index}. {text(line.name)} ({counts})", st.body_hanging))
    for label, value, bold in numbered_lines(dossier):
        shown = f"<b>{value}</b>" if bold and value else (value or "…………")
        story.append(Para(f"{text(label)}: {shown}", st.body))
    story.append(Para(logbook_reference(dossier), st.body))

    pay = payment_qr(office, dossier)
    if pay is not None:
        story.append(Spacer(1, 2 * mm))
        story.append(Para(f"<b>{PAY_LABEL}</b>", st.bold_center))
        story.append(_centered(QRFlowable(pay.payload, ROLL_QR_SIZE)))
        story.append(
            Para(
                f"Số tiền: <b>{text(format_money_official(pay.amount))}</b> – "
                f"Tài khoản: {text(pay.account)}",
                st.small_center,
            )
        )
        if pay.account_name:
            story.append(Para(f"Chủ tài khoản: {text(pay.account_name)}", st.small_center))
        story.append(Para(f"Nội dung: {text(pay.note)}", st.small_center))

    story.append(
        signature_row(
            [
                Signature("Người nộp hồ sơ", applicant.full_name),
                Signature("Người tiếp nhận hồ sơ", dossier.receiving_officer or None),
            ],
            st,
            width,
            gap=14 * mm,
        )
    )
    if printed_at is not None:
        story.append(Spacer(1, 1 * mm))
        story.append(Para(f"<i>In lúc {format_datetime(printed_at)}</i>", st.small_center))
    return story


def _cut_rule() -> Flowable:
    return HRFlowable(
        width="100%",
        thickness=0.6,
        color=colors.Color(0.4, 0.4, 0.4),
        dash=(3, 3),
        spaceBefore=4 * mm,
        spaceAfter=4 * mm,
    )


def render_receipt_roll(
    office: OfficeInfo,
    dossier: DossierInfo,
    *,
    two_copies_per_page: bool = False,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The receipt on 80 mm paper: one page per copy, or both copies on one strip."""
    check_receipt_inputs(dossier)
    st = styles(_BODY_SIZE, justify=False)
    margins = Margins(
        left=_SIDE, right=_SIDE, top=_TOP_REPRINT if reprint else _TOP, bottom=_BOTTOM
    )
    width = ROLL_WIDTH - 2 * _SIDE
    copies = [_copy_story(office, dossier, label, st, width, printed_at) for label in COPY_LABELS]
    pages = [[*copies[0], _cut_rule(), *copies[1]]] if two_copies_per_page else copies
    # Both copies differ only in their label, so one height serves every page.
    content = max(story_height(page, width) for page in pages)
    page_height = content + margins.top + margins.bottom + _SLACK
    pagesize = (ROLL_WIDTH, page_height)
    frame = Frame(
        margins.left,
        margins.bottom,
        width,
        page_height - margins.top - margins.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="roll",
    )
    story: list[Flowable] = []
    for index, page in enumerate(pages):
        if index:
            story.append(PageBreak())
        story += page
    return build_pdf(
        story,
        pagesize=pagesize,
        marks=PageMarks(reprint=reprint, printed_at=printed_at, footer=False, center_stamp=True),
        title=f"{RECEIPT_TITLE} {dossier.code}",
        margins=margins,
        page_templates=[PageTemplate(id="roll", frames=[frame], pagesize=pagesize)],
    )

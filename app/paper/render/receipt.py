"""Giấy tiếp nhận hồ sơ và hẹn trả kết quả (the receipt), A4 layouts.

Two copies are printed: one kept by the office, one given to the applicant.
Either each copy starts its own portrait page, or both share one landscape
sheet as two A5 halves to cut apart; a copy too long for half a sheet falls
back to its own pages rather than being cut.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    FrameBreak,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.formatting import format_money_official
from app.paper.render.fonts import SERIF_BOLD
from app.paper.render.layout import (
    MeasuredTable,
    Para,
    Signature,
    Styles,
    applicant_fields,
    field,
    grid_table,
    header_block,
    signature_row,
    styles,
    text,
    title_block,
    two_digits,
)
from app.paper.render.model import DossierInfo, OfficeInfo
from app.paper.render.pages import (
    Margins,
    PageMarks,
    ScaledBlock,
    SharedDrawing,
    build_pdf,
    frame_width,
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
from app.paper.render.receipt_roll import render_receipt_roll

Layout = Literal["a4", "80mm"]

QR_SIZE = 26 * mm
_HALF_MARGINS = Margins(left=10 * mm, right=10 * mm, top=15 * mm, bottom=11 * mm)
_GUTTER = 14 * mm
_HALF_SIZE = 10.0
# 26 mm × 0.8 keeps the QR above 2 cm and 10 pt text above 8 pt.
_MIN_SCALE = 0.8


def _components_table(dossier: DossierInfo, st: Styles, width: float) -> Table:
    count_w = 2.0 * st.size * 1.45
    index_w = st.size * 2.2
    rows: list[list[object]] = [
        [
            Para("TT", st.cell_head),
            Para("Tên giấy tờ", st.cell_head),
            Para("Bản chính", st.cell_head),
            Para("Bản sao", st.cell_head),
        ]
    ]
    for line in dossier.components:
        rows.append(
            [
                str(line.index),
                Para(text(line.name), st.cell),
                two_digits(line.originals),
                two_digits(line.copies),
            ]
        )
    if not dossier.components:
        rows.append(["", Para("(Không có giấy tờ kèm theo)", st.cell), "", ""])
    widths = [index_w, width - index_w - 2 * count_w, count_w, count_w]
    return grid_table(rows, widths, st, centred_columns=(0, 2, 3))


def _boxed(cells: list[list[object]], widths: list[float], valign: str = "TOP") -> Table:
    table = MeasuredTable(cells, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), valign),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _title_with_qr(dossier: DossierInfo, copy_label: str, st: Styles, width: float) -> Table:
    """Title, code and copy label, with the look-up QR right beside the code."""
    lookup = QRFlowable(dossier.lookup_url, QR_SIZE)
    lookup.hAlign = "CENTER"
    titles = [
        *title_block(RECEIPT_TITLE, st)[:-1],
        Para(
            f"Mã hồ sơ: <b>{text(dossier.code)}</b><br/><i>({text(copy_label)})</i>",
            st.body_center,
        ),
    ]
    qr_cell = [lookup, Para(text(LOOKUP_HINT), st.small_center)]
    return _boxed([[titles, qr_cell]], [width - lookup.width, lookup.width], "MIDDLE")


def _pay_cell(
    office: OfficeInfo, dossier: DossierInfo, st: Styles
) -> tuple[list[Flowable], float] | None:
    """The fee QR with its caption, and the width the caption needs."""
    pay = payment_qr(office, dossier)
    if pay is None:
        return None
    code = QRFlowable(pay.payload, QR_SIZE)
    code.hAlign = "CENTER"
    details = [
        f"Số tiền: <b>{text(format_money_official(pay.amount))}</b>",
        f"Tài khoản: {text(pay.account)}",
    ]
    if pay.account_name:
        details.append(text(pay.account_name))
    # The note on a line of its own: a dossier code must never break in two.
    details += ["Nội dung chuyển khoản:", f"<b>{text(pay.note)}</b>"]
    lines: list[Flowable] = [
        Para(f"<b>{PAY_LABEL}</b>", st.small_center),
        code,
        Para("<br/>".join(details), st.small_center),
    ]
    note_width = stringWidth(pay.note, SERIF_BOLD, st.small_center.fontSize)
    return lines, max(code.width, note_width + 3 * mm)


def _numbered_block(
    office: OfficeInfo, dossier: DossierInfo, st: Styles, width: float
) -> list[Flowable]:
    """Items 2–7 and the log-book line, with the fee QR beside them when one is due."""
    pay = _pay_cell(office, dossier, st)
    # Beside the fee QR the column is narrow: justified lines would gape.
    style = st.body if pay is None else st.body_left
    lines: list[Flowable] = []
    for label, value, bold in numbered_lines(dossier):
        shown = f"<b>{value}</b>" if bold and value else (value or "…………")
        lines.append(Para(f"{text(label)}: {shown}", style))
    lines.append(Para(logbook_reference(dossier), style))
    if pay is None:
        return lines
    cell, pay_width = pay
    gap = 2 * mm
    return [_boxed([[lines, "", cell]], [width - pay_width - gap, gap, pay_width])]


def receipt_copy_story(
    office: OfficeInfo, dossier: DossierInfo, copy_label: str, st: Styles, width: float
) -> list[Flowable]:
    """One copy of the receipt, laid out for a frame ``width`` wide."""
    head, tail = _copy_parts(office, dossier, st, width)
    return [*head, _title_with_qr(dossier, copy_label, st, width), *tail]


def receipt_copy_stories(
    office: OfficeInfo, dossier: DossierInfo, st: Styles, width: float
) -> list[list[Flowable]]:
    """Every copy (COPY_LABELS), sharing the flowables that do not name the copy.

    The copies differ only in their label; the rest is built, and its lines
    broken, once. Drawing a flowable twice is safe: both copies are laid out
    at the same width, each from the top of its own page or half.
    """
    head, tail = (
        [f if isinstance(f, Spacer) else SharedDrawing(f) for f in part]
        for part in _copy_parts(office, dossier, st, width)
    )
    return [[*head, _title_with_qr(dossier, label, st, width), *tail] for label in COPY_LABELS]


def _copy_parts(
    office: OfficeInfo, dossier: DossierInfo, st: Styles, width: float
) -> tuple[list[Flowable], list[Flowable]]:
    """A copy's flowables before and after its title (which names the copy)."""
    head: list[Flowable] = [
        header_block(office, st, width, when=dossier.received_at),
        Spacer(1, st.size * 0.3),
    ]
    story: list[Flowable] = [Spacer(1, st.size * 0.3)]
    story += applicant_fields(dossier, st, name_label=f"{office.unit_name} tiếp nhận hồ sơ của")
    summary = summary_line(dossier)
    if summary:
        story.append(field("Trích yếu", summary, st))
    story.append(Para("1. Thành phần hồ sơ nộp gồm:", st.body))
    story.append(_components_table(dossier, st, width))
    story.append(Spacer(1, st.size * 0.4))
    story += _numbered_block(office, dossier, st, width)
    story.append(
        signature_row(
            [
                Signature("Người nộp hồ sơ", dossier.applicant.full_name),
                Signature("Người tiếp nhận hồ sơ", dossier.receiving_officer or None),
            ],
            st,
            width,
            gap=st.size * 2.2,
        )
    )
    return head, story


def _cut_line(canv: Canvas, doc: object) -> None:
    # Where the clerk cuts the landscape sheet into its two A5 halves.
    width, height = canv._pagesize
    canv.saveState()
    canv.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
    canv.setDash(3, 3)
    canv.setLineWidth(0.5)
    canv.line(width / 2, 8 * mm, width / 2, height - 8 * mm)
    canv.restoreState()


def _two_up(office: OfficeInfo, dossier: DossierInfo, marks: PageMarks) -> bytes | None:
    """Both copies on one landscape sheet, or None when a copy does not fit.

    A copy a little taller than its half is scaled down to fit, but never so
    far that the QR code shrinks below 2 cm or the text becomes unreadable.
    """
    pagesize = landscape(A4)
    m = _HALF_MARGINS
    column = (pagesize[0] - m.left - m.right - _GUTTER) / 2
    height = pagesize[1] - m.top - m.bottom
    st = styles(_HALF_SIZE, justify=False)
    scale = 1.0
    while scale >= _MIN_SCALE:
        # Laid out on a wider virtual column, then shrunk into the real one,
        # so fixed-width tables scale together with the text.
        virtual = column / scale
        copies = receipt_copy_stories(office, dossier, st, virtual)
        tallest = max(story_height(copy, virtual) for copy in copies)
        if tallest * scale <= height:
            break
        scale = min(scale - 0.02, height / tallest)
    else:
        return None
    frames = [
        Frame(
            m.left + i * (column + _GUTTER),
            m.bottom,
            column,
            height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"half{i}",
        )
        for i in range(2)
    ]
    template = PageTemplate(id="two-up", frames=frames, pagesize=pagesize, onPage=_cut_line)
    story: list[Flowable] = [
        ScaledBlock(copies[0], virtual, scale),
        FrameBreak(),
        ScaledBlock(copies[1], virtual, scale),
    ]
    return build_pdf(
        story,
        pagesize=pagesize,
        marks=marks,
        title=f"{RECEIPT_TITLE} {dossier.code}",
        margins=m,
        page_templates=[template],
    )


def render_receipt(
    office: OfficeInfo,
    dossier: DossierInfo,
    *,
    layout: Layout = "a4",
    two_copies_per_page: bool = False,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The receipt as PDF bytes, both copies included.

    ``layout="80mm"`` gives the roll-printer version (see receipt_roll).
    ``two_copies_per_page`` puts both A4 copies side by side on one landscape
    sheet; otherwise each copy starts a new portrait page.
    """
    check_receipt_inputs(dossier)
    if layout == "80mm":
        return render_receipt_roll(
            office,
            dossier,
            two_copies_per_page=two_copies_per_page,
            reprint=reprint,
            printed_at=printed_at,
        )
    if layout != "a4":
        raise ValueError(f"Unknown receipt layout: {layout!r}")
    marks = PageMarks(reprint=reprint, printed_at=printed_at, reference=dossier.code)
    if two_copies_per_page:
        pdf = _two_up(office, dossier, marks)
        if pdf is not None:
            return pdf
    st = styles(13)
    width = frame_width(A4)
    story: list[Flowable] = []
    for index, copy in enumerate(receipt_copy_stories(office, dossier, st, width)):
        if index:
            story.append(PageBreak())
        story += copy
    return build_pdf(story, pagesize=A4, marks=marks, title=f"{RECEIPT_TITLE} {dossier.code}")

"""Phiếu kiểm soát quá trình giải quyết hồ sơ (control sheet).

The sheet travels with the paper dossier from unit to unit; each hand-over
is signed by the giver and the receiver on it. Hand-overs not yet made print
as rows of dots to fill in by hand.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from app.paper.render.layout import (
    DOTS,
    Para,
    Styles,
    applicant_fields,
    field,
    grid_table,
    header_block,
    long_datetime,
    styles,
    text,
    title_block,
)
from app.paper.render.model import ControlSheet, DossierInfo, HandoverRow, OfficeInfo
from app.paper.render.pages import A4_WIDTH, build_a4

TITLE = "Phiếu kiểm soát quá trình giải quyết hồ sơ"
BLANK_TIME = "…… giờ …… phút, ngày …/…/……"
SHORT_DOTS = "………………"
RESULT_HINT = "(Trước hạn / Đúng hạn / Quá hạn)"
_SIGN_SPACE = 13 * mm


def _signatures(row: HandoverRow, st: Styles, width: float) -> Table:
    """'Người giao' and 'Người nhận' with room to sign and the names, if known."""
    names = [
        Para(text(row.giver), st.cell_center) if row.giver else "",
        Para(text(row.receiver), st.cell_center) if row.receiver else "",
    ]
    table = Table(
        [
            [
                Para("<i>Người giao</i>", st.cell_center),
                Para("<i>Người nhận</i>", st.cell_center),
            ],
            names,
        ],
        colWidths=[width / 2, width / 2],
    )
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 0),
                ("TOPPADDING", (0, 1), (-1, 1), _SIGN_SPACE),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _handover_cells(number: int, row: HandoverRow, st: Styles, widths: list[float]) -> list[object]:
    units = [
        Para(f"{number}. Giao: {text(row.from_unit) or SHORT_DOTS}", st.cell),
        Para(f"Nhận: {text(row.to_unit) or SHORT_DOTS}", st.cell),
    ]
    when = long_datetime(row.handed_at) if row.handed_at else BLANK_TIME
    timing = [Para(when, st.cell_center), _signatures(row, st, widths[1] - 6)]
    result = Para(text(row.result) if row.result else SHORT_DOTS, st.cell_center)
    note = Para(text(row.note), st.cell) if row.note else ""
    return [units, timing, result, note]


def render_control_sheet(
    office: OfficeInfo,
    dossier: DossierInfo,
    sheet: ControlSheet,
    *,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> bytes:
    """The control sheet as PDF bytes, known hand-overs first, then blank rows."""
    st = styles(13)
    width = A4_WIDTH
    due = long_datetime(dossier.due_at) if dossier.due_at else DOTS
    story: list[Flowable] = [
        header_block(office, st, width, when=dossier.received_at),
        *title_block(TITLE, st),
        Para(f"Mã hồ sơ: <b>{text(dossier.code)}</b>", st.body_center),
        Para("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng mã hồ sơ)", st.italic_center),
        Spacer(1, st.size * 0.5),
        field("Cơ quan (bộ phận) giải quyết hồ sơ", sheet.resolving_unit, st),
        field("Cơ quan phối hợp giải quyết hồ sơ", sheet.coordinating_units, st),
    ]
    story += applicant_fields(dossier, st, name_label="Tên tổ chức, cá nhân")
    received = long_datetime(dossier.received_at)
    story.append(Para(f"Thời gian nhận hồ sơ: {received}", st.body))
    story.append(Para(f"Thời gian hẹn trả kết quả: {due}", st.body))
    story.append(Spacer(1, st.size * 0.4))

    widths = [width * 0.27, width * 0.38, width * 0.19]
    widths.append(width - sum(widths))
    rows: list[list[object]] = [
        [
            Para("TÊN CƠ QUAN", st.cell_head),
            Para("THỜI GIAN GIAO, NHẬN HỒ SƠ", st.cell_head),
            Para(f"KẾT QUẢ GIẢI QUYẾT HỒ SƠ<br/><i>{RESULT_HINT}</i>", st.cell_head),
            Para("GHI CHÚ", st.cell_head),
        ]
    ]
    handovers = list(sheet.rows) + [HandoverRow()] * max(sheet.blank_rows, 0)
    if not handovers:
        handovers = [HandoverRow()]
    for number, row in enumerate(handovers, start=1):
        rows.append(_handover_cells(number, row, st, widths))
    table = grid_table(rows, widths, st)
    table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, -1), "TOP")]))
    story.append(table)
    return build_a4(
        story,
        title=f"{TITLE} {dossier.code}",
        reprint=reprint,
        printed_at=printed_at,
        reference=dossier.code or None,
    )

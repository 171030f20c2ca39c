"""The periodic report as a PDF on A4 landscape, set like the other forms."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.paper.render.layout import (
    Para,
    Signature,
    grid_table,
    header_block,
    signature_row,
    styles,
    text,
    title_block,
)
from app.paper.render.model import OfficeInfo
from app.paper.render.pages import Margins, PageMarks, build_pdf
from app.reports import tables
from app.reports.indicators import IndicatorReport

PAGESIZE = landscape(A4)
MARGINS = Margins(left=12 * mm, right=12 * mm, top=14 * mm, bottom=13 * mm)


def render(rep: IndicatorReport, office: OfficeInfo) -> bytes:
    st = styles(11)
    width = PAGESIZE[0] - MARGINS.left - MARGINS.right
    story: list[Flowable] = [
        header_block(office, st, width, when=rep.made_at, include_unit=False),
        Spacer(1, 2 * mm),
        Para(f"<i>{text(tables.FORM)}</i>", st.small),
        *title_block(tables.TITLE, st, subtitle=tables.period_line(rep.period)),
        Para(f"<i>{text(tables.UNIT)}</i>", st.body_right),
    ]
    head_groups: list[object] = []
    for label, span in tables.GROUPS:
        head_groups += [Para(f"<b>{text(label)}</b>", st.cell_head)] + [""] * (span - 1)
    heads = [Para(f"<b>{text(h)}</b>", st.cell_head) for h in tables.HEADERS]
    numbers = [f"({i + 1})" for i in range(len(tables.HEADERS))]
    body = [
        [str(v) if not isinstance(v, str) else v for v in row] for row in tables.table_rows(rep)
    ]
    body = [[row[0], Para(text(row[1]), st.cell), *row[2:]] for row in body]
    col_widths = [10 * mm, 52 * mm] + [(width - 62 * mm) / 11] * 11
    grid = grid_table(
        [head_groups, heads, numbers, *body],
        col_widths,
        st,
        header_rows=3,
        centred_columns=[0, *range(2, 13)],
    )
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    col = 2
    for _label, span in tables.GROUPS[1:]:
        spans.append(("SPAN", (col, 0), (col + span - 1, 0)))
        col += span
    grid.setStyle(spans + [("FONTNAME", (0, len(body) + 2), (-1, -1), "MotCuaSerif-Bold")])
    story += [grid, Spacer(1, 4 * mm)]

    summary = [[Para(f"<b>{text(h)}</b>", st.cell_head) for h in ("Chỉ số", "Giá trị", "Ghi chú")]]
    for line in tables.summary_lines(rep):
        summary.append([Para(text(line.label), st.cell), tables.show(line), line.note])
    story.append(grid_table(summary, [120 * mm, 30 * mm, 70 * mm], st, centred_columns=[1]))
    story.append(
        signature_row(
            [
                Signature("Người lập biểu", hint="(Ký, ghi rõ họ tên)"),
                Signature("Thủ trưởng cơ quan", hint="(Ký tên, đóng dấu)"),
            ],
            st,
            width,
        )
    )
    return build_pdf(
        story,
        pagesize=PAGESIZE,
        marks=PageMarks(printed_at=rep.made_at),
        title=f"{tables.TITLE} {rep.period.label()}",
        margins=MARGINS,
    )

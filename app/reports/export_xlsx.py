"""The periodic report as an Excel workbook (XlsxWriter), with native charts.

Sheet “Biểu II.06a”: the office's header, the table by field and the
signature block; sheet “Chỉ số”: the indicator summary and Decision 766
points, and two charts drawn by Excel (or LibreOffice) from the table's cells.
"""

from __future__ import annotations

import io

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from app.domain.formatting import format_long_date
from app.paper.render.layout import MOTTO, NATIONAL_NAME
from app.paper.render.model import OfficeInfo
from app.reports import tables
from app.reports.indicators import IndicatorReport

SHEET_TABLE = "Biểu II.06a"
SHEET_SUMMARY = "Chỉ số"
FONT = "Times New Roman"


def render(rep: IndicatorReport, office: OfficeInfo) -> bytes:
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    wb.set_properties({"title": f"{tables.TITLE} {rep.period.label()}", "author": "MotCua Desk"})

    def fmt(**kw: object):
        base = {"font_name": FONT, "font_size": 12, "valign": "vcenter"}
        base.update(kw)
        return wb.add_format(base)

    header = fmt(align="center")
    header_bold = fmt(align="center", bold=True)
    title = fmt(align="center", bold=True, font_size=14)
    italic = fmt(align="center", italic=True)
    right_italic = fmt(align="right", italic=True)
    head = fmt(align="center", bold=True, border=1, text_wrap=True, font_size=11)
    cell = fmt(border=1, font_size=11)
    number = fmt(border=1, font_size=11, align="center", num_format="0")
    total_text = fmt(border=1, font_size=11, bold=True)
    total_number = fmt(border=1, font_size=11, bold=True, align="center", num_format="0")

    ws = wb.add_worksheet(SHEET_TABLE)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 28)
    ws.set_column(2, 12, 11)
    last = len(tables.HEADERS) - 1
    agency = [office.parent_name.upper()] if office.parent_name else []
    agency.append(office.name.upper())
    ws.merge_range(0, 0, 0, 4, agency[0], header if len(agency) > 1 else header_bold)
    ws.merge_range(0, 6, 0, last, NATIONAL_NAME, header_bold)
    ws.merge_range(1, 0, 1, 4, agency[-1] if len(agency) > 1 else "", header_bold)
    ws.merge_range(1, 6, 1, last, MOTTO, header_bold)
    ws.merge_range(2, 0, 2, 4, tables.FORM, fmt(align="center", italic=True, font_size=11))
    ws.merge_range(
        2, 6, 2, last, f"{office.province_place}, {format_long_date(rep.made_at)}", italic
    )
    ws.merge_range(4, 0, 4, last, tables.TITLE.upper(), title)
    ws.merge_range(
        5,
        0,
        5,
        last,
        tables.period_line(rep.period),
        italic,
    )
    ws.merge_range(6, 0, 6, last, tables.UNIT, right_italic)

    top = 7
    col = 0
    for label, span in tables.GROUPS:
        if span > 1 and label:
            ws.merge_range(top, col, top, col + span - 1, label, head)
        else:
            for k in range(span):
                ws.write(top, col + k, "", head)
        col += span
    for c, label in enumerate(tables.HEADERS):
        ws.write(top + 1, c, label, head)
    # STT and field head both header rows
    ws.merge_range(top, 0, top + 1, 0, tables.HEADERS[0], head)
    ws.merge_range(top, 1, top + 1, 1, tables.HEADERS[1], head)
    for c in range(len(tables.HEADERS)):
        ws.write(top + 2, c, f"({c + 1})", head)
    ws.set_row(top + 1, 45)

    rows = tables.table_rows(rep)
    first = top + 3
    for r, row in enumerate(rows):
        is_total = r == len(rows) - 1
        for c, value in enumerate(row):
            if c < 2:
                ws.write(first + r, c, value, total_text if is_total else cell)
            else:
                ws.write_number(first + r, c, value, total_number if is_total else number)
    total_row = first + len(rows) - 1

    sign = total_row + 2
    ws.merge_range(sign, 0, sign, 4, "NGƯỜI LẬP BIỂU", header_bold)
    ws.merge_range(sign, 7, sign, last, "THỦ TRƯỞNG CƠ QUAN", header_bold)
    ws.merge_range(sign + 1, 0, sign + 1, 4, "(Ký, ghi rõ họ tên)", italic)
    ws.merge_range(sign + 1, 7, sign + 1, last, "(Ký tên, đóng dấu)", italic)

    _summary(wb, rep, fmt, total_row, first, len(rows) - 1, rows[-1])
    wb.close()
    return buffer.getvalue()


def _summary(
    wb, rep: IndicatorReport, fmt, total_row: int, first: int, fields: int, totals: list
) -> None:
    ws = wb.add_worksheet(SHEET_SUMMARY)
    ws.set_column(0, 0, 52)
    ws.set_column(1, 1, 14)
    ws.set_column(2, 2, 28)
    head = fmt(bold=True, border=1, align="center")
    label = fmt(border=1)
    formats = {
        "count": fmt(border=1, align="right", num_format="0"),
        "percent": fmt(border=1, align="right", num_format="0.0"),
        "days": fmt(border=1, align="right", num_format="0.00"),
        "points": fmt(border=1, align="right", num_format="0.00"),
    }
    ws.merge_range(
        0,
        0,
        0,
        2,
        f"{rep.office_name} — {rep.period.label()}",
        fmt(bold=True, align="center", font_size=13),
    )
    ws.write_row(1, 0, ["Chỉ số", "Giá trị", "Ghi chú"], head)
    for r, line in enumerate(tables.summary_lines(rep), start=2):
        ws.write(r, 0, line.label, label)
        if line.value is None:
            ws.write(r, 1, "—", formats["count"])
        else:
            ws.write_number(r, 1, line.value, formats[line.kind])
        ws.write(r, 2, line.note, label)

    # Charts read the table's cells, so a corrected figure redraws them.
    table = f"'{SHEET_TABLE}'"
    columns = [
        (7, "Trước hạn"),
        (8, "Đúng hạn"),
        (9, "Quá hạn"),
        (11, "Đang trong hạn"),
        (12, "Đang quá hạn"),
    ]
    # The outcome chart needs one contiguous range: formulas below the summary
    # point at the total row of the table.
    for k, (c, name) in enumerate(columns):
        ws.write(40 + k, 0, name)
        # The computed value is stored with the formula, so the chart is right
        # before any recalculation.
        ws.write_formula(
            40 + k, 1, f"={table}!{xl_rowcol_to_cell(total_row, c, True, True)}", None, totals[c]
        )
    outcome = wb.add_chart({"type": "column"})
    outcome.add_series(
        {
            "name": "Số hồ sơ",
            "categories": [SHEET_SUMMARY, 40, 0, 40 + len(columns) - 1, 0],
            "values": [SHEET_SUMMARY, 40, 1, 40 + len(columns) - 1, 1],
            "data_labels": {"value": True},
        }
    )
    outcome.set_title({"name": "Kết quả giải quyết trong kỳ"})
    outcome.set_legend({"none": True})
    ws.insert_chart(1, 4, outcome, {"x_scale": 1.2, "y_scale": 1.1})

    by_field = wb.add_chart({"type": "bar", "subtype": "stacked"})
    for c, name in columns[:3]:
        by_field.add_series(
            {
                "name": name,
                "categories": [SHEET_TABLE, first, 1, first + fields - 1, 1],
                "values": [SHEET_TABLE, first, c, first + fields - 1, c],
            }
        )
    by_field.set_title({"name": "Đã giải quyết theo lĩnh vực"})
    ws.insert_chart(20, 4, by_field, {"x_scale": 1.2, "y_scale": 1.1})

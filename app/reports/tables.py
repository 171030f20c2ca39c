"""The periodic report as rows, shared by the Excel and the PDF export.

Both files are drawn from these same rows, so their figures agree by
construction; the test opens the Excel in LibreOffice and compares it with
the PDF's text anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.formatting import format_date
from app.reports.indicators import IndicatorReport
from app.reports.period import Period

FORM = "Biểu số II.06a/VPCP/KSTT"
TITLE = "Tình hình, kết quả giải quyết thủ tục hành chính"
UNIT = "Đơn vị tính: số hồ sơ thủ tục hành chính"

# Column groups and columns of Biểu II.06a (docs/indicators.md, FORM_06A).
GROUPS = (
    ("", 2),
    ("Số hồ sơ nhận giải quyết", 4),
    ("Số hồ sơ đã giải quyết", 4),
    ("Số hồ sơ đang giải quyết", 3),
)
HEADERS = (
    "STT",
    "Lĩnh vực",
    "Tổng số",
    "Trực tuyến",
    "Trực tiếp, bưu chính",
    "Kỳ trước chuyển sang",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
)
TABLE_FIELDS = (
    "received",
    "received_online",
    "received_direct",
    "carried_over",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "in_progress",
    "in_progress_on_time",
    "in_progress_overdue",
)
TOTAL = "Tổng cộng"


@dataclass(frozen=True)
class Line:
    """One line of the indicator summary: a count, a percentage or points."""

    label: str
    value: float | int | None
    kind: str  # "count", "percent", "days", "points"
    note: str = ""


def table_rows(rep: IndicatorReport) -> list[list[object]]:
    """One row per field, then the total: STT, field, then the eleven figures."""
    rows: list[list[object]] = []
    totals = [0] * len(TABLE_FIELDS)
    for i, row in enumerate(rep.fields, start=1):
        data = row.to_json()
        figures = [int(data[name]) for name in TABLE_FIELDS]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        rows.append([i, row.field, *figures])
    rows.append(["", TOTAL, *totals])
    return rows


def period_line(period: Period) -> str:
    start, end = format_date(period.start), format_date(period.end)
    return f"Kỳ báo cáo: từ ngày {start} đến ngày {end}"


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def summary_lines(rep: IndicatorReport) -> list[Line]:
    c, s = rep.counts, rep.shares
    lines = [
        Line("Hồ sơ tiếp nhận trong kỳ", c["received"], "count"),
        Line("Hồ sơ kỳ trước chuyển sang", c["carried_over"], "count"),
        Line("Đã giải quyết trước hạn", c["resolved_early"], "count"),
        Line("Đã giải quyết đúng hạn", c["resolved_on_time"], "count"),
        Line("Đã giải quyết quá hạn", c["resolved_late"], "count"),
        Line("Trong đó: rút hồ sơ, dừng, trả lại", c["ended_without_result"], "count"),
        Line("Đang giải quyết trong hạn", c["in_progress_on_time"], "count"),
        Line("Đang giải quyết quá hạn", c["in_progress_overdue"], "count"),
        Line("Thời gian giải quyết trung bình (ngày)", rep.average_processing_days, "days"),
        Line("Tỷ lệ giải quyết đúng hạn (%)", _percent(s["on_time_share"]), "percent"),
        Line("Tỷ lệ hồ sơ số hóa khi tiếp nhận (%)", _percent(s["digitized_share"]), "percent"),
        Line("Tỷ lệ thành phần dùng lại (%)", _percent(s["reused_share"]), "percent"),
        Line("Tỷ lệ kết quả được số hóa (%)", _percent(s["result_digitized_share"]), "percent"),
        Line("Tỷ lệ kết quả điện tử (%)", _percent(s["e_result_share"]), "percent"),
        Line("Tỷ lệ hồ sơ trực tuyến (%)", _percent(s["online_share"]), "percent"),
        Line("Tỷ lệ hồ sơ qua bưu chính (%)", _percent(s["post_share"]), "percent"),
        Line(
            "Tỷ lệ nộp phí không dùng tiền mặt (%)",
            _percent(s["cashless_share"]),
            "percent",
            # Of the fees paid whose method was recorded; the rest are unknown, not cash.
            "chưa tính được: chưa ghi hình thức nộp phí"
            if s["cashless_share"] is None
            else f"{c['received_fee_cashless']}/{c['received_fee_method_known']} hồ sơ "
            "đã ghi hình thức nộp",
        ),
        Line(
            "Tỷ lệ thủ tục có hướng dẫn công khai đầy đủ (%)",
            _percent(s["procedure_public_share"]),
            "percent",
            f"{c['procedures_public']}/{c['procedures_handled']} thủ tục",
        ),
        Line(
            "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn (%)",
            _percent(s["feedback_on_time_share"]),
            "percent",
        ),
    ]
    for score in rep.scores:
        note = "chưa xác minh" if not score["verified"] else ""
        if score["partial"]:
            note = f"{note}; tính {score['max']:g}/{score['group_max']:g} điểm".lstrip("; ")
        lines.append(
            Line(
                f"Điểm 766 — {score['name']} (tối đa {score['max']:g})",
                score["points"],
                "points",
                note,
            )
        )
    return lines


def show(line: Line) -> str:
    """The value as printed: Vietnamese decimal comma, a dash when not computed."""
    if line.value is None:
        return "—"
    if line.kind == "count":
        return f"{int(line.value)}"
    if line.kind == "points":
        return f"{line.value:.2f}".replace(".", ",")
    return (
        f"{line.value:.1f}".replace(".", ",")
        if line.kind == "percent"
        else (f"{line.value:.2f}".replace(".", ","))
    )

"""The close-of-day summary on one A4 page (more when many dossiers are overdue)."""

from __future__ import annotations

from datetime import date, datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.domain.formatting import format_date, format_datetime
from app.infra import clock, journal
from app.office.auth import Actor
from app.paper.printing import office_info
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
from app.paper.render.pages import A4_MARGINS, PageMarks, build_pdf
from app.reports import daily
from app.reports.daily import DaySummary
from db.engine import Database

TITLE = "Báo cáo cuối ngày"


def render(s: DaySummary, office: OfficeInfo, officer: str) -> bytes:
    st = styles(12)
    width = A4[0] - A4_MARGINS.left - A4_MARGINS.right
    story: list[Flowable] = [
        header_block(office, st, width, when=s.made_at),
        Spacer(1, 3 * mm),
        *title_block(TITLE, st, subtitle=f"Ngày {format_date(s.day)}"),
    ]
    counts = [
        ("Hồ sơ tiếp nhận trong ngày", s.received),
        ("Trong đó: trực tuyến", s.received_online),
        ("Hồ sơ có kết quả trong ngày", s.ready),
        ("Hồ sơ đã trả kết quả trong ngày", s.returned),
        ("Hồ sơ rút, dừng, trả lại trong ngày", s.ended_without_result),
        ("Hồ sơ đang giải quyết cuối ngày", s.in_progress),
        ("Trong đó: quá hạn", s.overdue_count),
    ]
    rows = [[Para("<b>Nội dung</b>", st.cell_head), Para("<b>Số hồ sơ</b>", st.cell_head)]]
    rows += [[Para(text(label), st.cell), str(n)] for label, n in counts]
    story += [grid_table(rows, [120 * mm, 35 * mm], st, centred_columns=[1]), Spacer(1, 5 * mm)]
    if s.overdue:
        shown = "" if len(s.overdue) == s.overdue_count else f", {len(s.overdue)} hồ sơ đầu"
        story.append(Para(f"<b>Hồ sơ quá hạn ({s.overdue_count}{shown})</b>", st.body_left))
        rows = [
            [
                Para(f"<b>{h}</b>", st.cell_head)
                for h in ("STT", "Mã hồ sơ", "Người nộp", "Thủ tục", "Hẹn trả")
            ]
        ]
        for i, d in enumerate(s.overdue, start=1):
            rows.append(
                [
                    str(i),
                    Para(text(d.code), st.cell),
                    Para(text(d.applicant_name), st.cell),
                    Para(text(f"{d.procedure_code} {d.procedure_name}"), st.cell),
                    Para(text(format_datetime(d.due_at)), st.cell),
                ]
            )
        widths = [10 * mm, 52 * mm, 38 * mm, width - 128 * mm, 28 * mm]
        story.append(grid_table(rows, widths, st, centred_columns=[0]))
    else:
        story.append(Para("Không có hồ sơ quá hạn.", st.body_left))
    if s.audit_head is not None:
        h = s.audit_head
        story += [
            Spacer(1, 4 * mm),
            Para(
                text(
                    f"Nhật ký kiểm toán đến mục {h.id}, mã đầu chuỗi (SHA-256): "
                    f"{h.hash[:32]} {h.hash[32:]}"
                ),
                st.body_left,
            ),
        ]
    story.append(signature_row([Signature("Người lập", officer)], st, width))
    return build_pdf(
        story,
        pagesize=A4,
        marks=PageMarks(printed_at=s.made_at),
        title=f"{TITLE} {format_date(s.day)}",
    )


def print_day(db: Database, actor: Actor, day: date, now: datetime | None = None) -> bytes:
    """The summary of ``day`` as a PDF; the print is recorded in the audit log."""
    now = now or clock.now()
    data = daily.summary(db, actor, day, now)
    with db.read() as session:
        office = office_info(session)
    pdf = render(data, office, actor.full_name)
    with db.write() as session:
        journal.audit(session, actor.username, "print.day_summary", day.isoformat(), now)
    return pdf

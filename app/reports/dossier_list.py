"""A filtered list of dossiers (the Hồ sơ screen's table) as a PDF or an Excel workbook.

What the clerk narrowed the table to is what prints: the filter is named in
the title, every matching dossier is listed (newest received first), up to
``MAX_ROWS``; a longer list says so rather than stop silently.
"""

from __future__ import annotations

import io
from datetime import datetime

from app.domain.errors import DomainError
from app.domain.formatting import format_datetime
from app.domain.status import Status
from app.dossiers import dossier_query
from app.dossiers.dossier_query import DossierFilter, DossierRow
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from app.paper.printing import office_info
from app.paper.render.model import OfficeInfo
from db.engine import Database

FORMATS = ("pdf", "xlsx")
MAX_ROWS = 20_000
HEADERS = ("STT", "Mã hồ sơ", "Người nộp", "Thủ tục", "Tiếp nhận", "Hẹn trả", "Trạng thái")


def describe_filter(flt: DossierFilter) -> str:
    """The filter in words, for the list's subtitle."""
    parts = []
    if flt.status is not None:
        parts.append(f"trạng thái “{Status(flt.status).label_vi}”")
    if flt.procedure_code:
        parts.append(f"thủ tục {flt.procedure_code}")
    if flt.received_from or flt.received_to:
        since = f"{flt.received_from:%d/%m/%Y}" if flt.received_from else "…"
        until = f"{flt.received_to:%d/%m/%Y}" if flt.received_to else "…"
        parts.append(f"tiếp nhận từ {since} đến {until}")
    if flt.due_on:
        parts.append(f"đến hạn trả ngày {flt.due_on:%d/%m/%Y}")
    if flt.overdue:
        parts.append("quá hạn")
    if flt.due_within_days is not None:
        parts.append(f"sắp đến hạn ({flt.due_within_days} ngày)")
    return "; ".join(parts) if parts else "tất cả hồ sơ"


def collect(
    db: Database, actor: Actor, flt: DossierFilter, now: datetime
) -> tuple[list[DossierRow], bool]:
    """Every matching row (at most ``MAX_ROWS``) and whether there were more."""
    rows: list[DossierRow] = []
    after = None
    while len(rows) < MAX_ROWS:
        page = dossier_query.fetch_page(db, actor, flt, after, dossier_query.MAX_PAGE_SIZE, now=now)
        rows.extend(page.rows)
        if page.next_cursor is None or not page.rows:
            return rows[:MAX_ROWS], len(rows) > MAX_ROWS
        after = page.next_cursor
    return rows[:MAX_ROWS], True


def _cells(i: int, r: DossierRow) -> list[str]:
    return [
        str(i),
        r.code,
        r.applicant_name,
        f"{r.procedure_code} — {r.procedure_name}",
        format_datetime(r.received_at),
        format_datetime(r.due_at) if r.due_at else "",
        r.status_label + (" (quá hạn)" if r.overdue else ""),
    ]


def to_xlsx(rows: list[DossierRow], title: str, subtitle: str, office: OfficeInfo) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Danh sách")
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#DDE5EE", "text_wrap": True})
    cell = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    sheet.write(0, 0, office.name or "", bold)
    sheet.write(1, 0, title, bold)
    sheet.write(2, 0, subtitle)
    for c, name in enumerate(HEADERS):
        sheet.write(4, c, name, head)
    for i, r in enumerate(rows, start=1):
        for c, value in enumerate(_cells(i, r)):
            sheet.write(4 + i, c, int(value) if c == 0 else value, cell)
    for c, width in enumerate((6, 28, 26, 50, 17, 17, 24)):
        sheet.set_column(c, c, width)
    sheet.freeze_panes(5, 0)
    sheet.autofilter(4, 0, 4 + len(rows), len(HEADERS) - 1)
    book.close()
    return out.getvalue()


def to_pdf(
    rows: list[DossierRow], title: str, subtitle: str, office: OfficeInfo, now: datetime
) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from app.paper.render.layout import grid_table, styles, text
    from app.paper.render.pages import Margins, PageMarks, build_pdf

    st = styles(10, justify=False)
    story = [
        Paragraph(text(office.name or ""), st.body_left),
        Paragraph(f"<b>{text(title.upper())}</b>", st.body_center),
        Paragraph(f"<i>{text(subtitle)}</i>", st.body_center),
        Spacer(1, 4 * mm),
    ]
    table = [[Paragraph(f"<b>{h}</b>", st.cell_center) for h in HEADERS]]
    for i, r in enumerate(rows, start=1):
        values = _cells(i, r)
        table.append([values[0], values[1], *(Paragraph(text(v), st.cell) for v in values[2:])])
    widths = [10 * mm, 48 * mm, 42 * mm, 82 * mm, 27 * mm, 27 * mm, 34 * mm]
    story.append(grid_table(table, widths, st, centred_columns=(0,)))
    margins = Margins(left=12 * mm, right=12 * mm, top=12 * mm, bottom=14 * mm)
    return build_pdf(
        story,
        pagesize=landscape(A4),
        marks=PageMarks(printed_at=now),
        title=title,
        margins=margins,
    )


def export(
    db: Database,
    actor: Actor,
    flt: DossierFilter,
    fmt: str,
    now: datetime | None = None,
) -> bytes:
    """The list's file; the export is recorded in the audit log."""
    auth.require(actor, "dossier.lookup")
    if fmt not in FORMATS:
        raise DomainError(
            "bad_format",
            f"Định dạng “{fmt}” không hỗ trợ; chọn pdf hoặc xlsx.",
            f"Format “{fmt}” is not supported; choose pdf or xlsx.",
            field="format",
        )
    now = now or clock.now()
    rows, more = collect(db, actor, flt, now)
    title = "Danh sách hồ sơ"
    subtitle = f"{describe_filter(flt)} — {len(rows)} hồ sơ, lập lúc {now:%H:%M %d/%m/%Y}"
    if more:
        subtitle += f" (chỉ {MAX_ROWS} hồ sơ đầu; hãy lọc hẹp hơn)"
    with db.read() as session:
        office = office_info(session)
    data = (
        to_xlsx(rows, title, subtitle, office)
        if fmt == "xlsx"
        else to_pdf(rows, title, subtitle, office, now)
    )
    with db.write() as session:
        journal.audit(
            session,
            actor.username,
            "dossier.list_export",
            describe_filter(flt),
            now,
            {"format": fmt, "rows": len(rows)},
        )
    return data

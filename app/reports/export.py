"""Exporting the periodic report of a period as an Excel workbook or a PDF."""

from __future__ import annotations

from datetime import datetime

from app.domain.errors import DomainError
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from app.paper.printing import office_info
from app.reports import indicators
from app.reports.period import Period
from db.engine import Database

FORMATS = ("xlsx", "pdf")


def export(
    db: Database,
    actor: Actor,
    period: Period,
    fmt: str,
    *,
    office: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """The report file's bytes; the export is recorded in the audit log."""
    auth.require(actor, "report.view")
    if fmt not in FORMATS:
        raise DomainError(
            "bad_format",
            f"Định dạng “{fmt}” không hỗ trợ; chọn xlsx hoặc pdf.",
            f"Format “{fmt}” is not supported; choose xlsx or pdf.",
            field="format",
        )
    now = now or clock.now()
    rep = indicators.compute(db, period, office=office, now=now)
    with db.read() as session:
        head = office_info(session)
    if fmt == "xlsx":
        from app.reports import export_xlsx

        data = export_xlsx.render(rep, head)
    else:
        from app.reports import export_pdf

        data = export_pdf.render(rep, head)
    with db.write() as session:
        journal.audit(
            session,
            actor.username,
            "report.export",
            f"{period.start}..{period.end}",
            now,
            {"format": fmt, "bytes": len(data)},
        )
    return data

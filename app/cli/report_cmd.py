"""``report``: the office's indicators and periodic report tables."""

from __future__ import annotations

import argparse
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import Output, write_atomically
from app.reports import period as periods

if TYPE_CHECKING:
    # The parser imports this module for its options; the database layer and
    # the reports are loaded only when ``report`` runs.
    from db.engine import Database

FIGURE_LABELS = (
    ("received", "Tiếp nhận trong kỳ", "Received in the period"),
    ("carried_over", "Kỳ trước chuyển sang", "Carried over"),
    ("resolved_early", "Giải quyết trước hạn", "Resolved early"),
    ("resolved_on_time", "Giải quyết đúng hạn", "Resolved on time"),
    ("resolved_late", "Giải quyết quá hạn", "Resolved late"),
    ("in_progress_on_time", "Đang giải quyết trong hạn", "In progress, on time"),
    ("in_progress_overdue", "Đang giải quyết quá hạn", "In progress, overdue"),
)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("report", help="báo cáo, chỉ số phục vụ (Quyết định 766/QĐ-TTg)")
    rsub = s.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    r = rsub.add_parser("indicators", help="các chỉ số của một kỳ")
    r.add_argument("--from", dest="date_from", required=True, help="từ ngày YYYY-MM-DD")
    r.add_argument("--to", dest="date_to", required=True, help="đến ngày YYYY-MM-DD")
    r.add_argument("--office", help="mã cơ quan (mặc định: cơ quan của trạm)")
    r = rsub.add_parser("day", help="báo cáo cuối ngày (số hồ sơ, danh sách quá hạn)")
    r.add_argument("--date", dest="day", help="ngày YYYY-MM-DD (mặc định: hôm nay)")
    r.add_argument("--out", help="in ra tệp PDF")
    r = rsub.add_parser("export", help="xuất biểu báo cáo của kỳ ra Excel hoặc PDF")
    r.add_argument("--from", dest="date_from", required=True, help="từ ngày YYYY-MM-DD")
    r.add_argument("--to", dest="date_to", required=True, help="đến ngày YYYY-MM-DD")
    r.add_argument("--format", dest="fmt", required=True, choices=["xlsx", "pdf"])
    r.add_argument("--out", required=True, help="tệp đầu ra")
    r.add_argument("--office", help="mã cơ quan (mặc định: cơ quan của trạm)")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def cmd_report(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.reports import indicators

    if args.report_command == "day":
        return _day(args, db, out)
    p = periods.parse(args.date_from, args.date_to)
    if args.report_command == "export":
        return _export(args, db, out, p)
    rep = indicators.report(db, actor(db, args), p, office=args.office)
    lines = [f"{rep.office_name} ({rep.office_code}) — {p.label()}"]
    for key, vi, en in FIGURE_LABELS:
        lines.append(f"  {out.t(vi, en)}: {rep.counts[key]}")
    for key, vi, en in (
        ("digitized_share", "Tỷ lệ hồ sơ số hóa", "Digitized share"),
        ("reused_share", "Tỷ lệ thành phần dùng lại", "Reused share"),
        ("online_share", "Tỷ lệ hồ sơ trực tuyến", "Online share"),
        ("cashless_share", "Tỷ lệ nộp phí không dùng tiền mặt", "Cashless share"),
        ("procedure_public_share", "Tỷ lệ thủ tục công khai đầy đủ", "Procedures fully published"),
        ("feedback_on_time_share", "Tỷ lệ phản ánh xử lý đúng hạn", "Feedback handled on time"),
    ):
        lines.append(f"  {out.t(vi, en)}: {_pct(rep.shares[key])}")
    for s in rep.scores:
        mark = "" if s["verified"] else out.t(" (chưa xác minh)", " (unverified)")
        lines.append(f"  766 — {s['name']}: {s['points']:g}/{s['max']:g}{mark}")
    out.emit(rep.to_json(), lines)
    return 0


def _export(args: Namespace, db: Database, out: Output, p: periods.Period) -> int:
    from app.cli.acting import actor
    from app.reports.export import export

    data = export(db, actor(db, args), p, args.fmt, office=args.office)
    target = Path(args.out)
    write_atomically(target, data)
    out.emit(
        {"format": args.fmt, "from": p.start, "to": p.end, "out": str(target), "bytes": len(data)},
        [out.t(f"Đã xuất báo cáo ra {target}", f"Report written to {target}")],
    )
    return 0


def _day(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.infra import clock
    from app.reports import daily, daily_pdf

    day = periods.parse_day(args.day, "date") if args.day else clock.now().date()
    who = actor(db, args)
    s = daily.summary(db, who, day)
    data = s.to_json()
    if args.out:
        pdf = daily_pdf.print_day(db, who, day)
        write_atomically(Path(args.out), pdf)
        data["out"] = args.out
    lines = [
        f"{s.office_name} — {day:%d/%m/%Y}",
        out.t(f"  Tiếp nhận: {s.received}", f"  Received: {s.received}"),
        out.t(f"  Có kết quả: {s.ready}", f"  Ready: {s.ready}"),
        out.t(f"  Đã trả: {s.returned}", f"  Returned: {s.returned}"),
        out.t(f"  Đang giải quyết: {s.in_progress}", f"  In progress: {s.in_progress}"),
        out.t(f"  Quá hạn: {s.overdue_count}", f"  Overdue: {s.overdue_count}"),
    ] + [f"    {d.code}  {d.applicant_name}" for d in s.overdue]
    out.emit(data, lines)
    return 0

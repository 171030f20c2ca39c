"""``enroll`` and ``sync``: connecting the station to the central server."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from app.cli.acting import actor
from app.cli.output import Output
from app.sync import enrolment
from app.sync.round import run_round
from db.engine import Database


def cmd_enroll(args: Namespace, db: Database, out: Output) -> int:
    row = enrolment.enroll(
        db, Path(args.data_dir_resolved), actor(db, args), args.server, args.code
    )
    out.emit(
        {
            "server": args.server,
            "station": row.number,
            "sequence_start": row.sequence_start,
            "sequence_end": row.sequence_end,
        },
        [
            out.t(
                f"Đã đăng ký quầy {row.number} với {args.server}",
                f"Station {row.number} enrolled with {args.server}",
            )
        ],
    )
    return 0


def cmd_sync(args: Namespace, db: Database, out: Output) -> int:
    report = run_round(db, Path(args.data_dir_resolved))
    lines = [
        out.t(
            f"Đã gửi {report.pushed} thay đổi, nhận {report.pulled} cập nhật; "
            f"còn chờ {report.pending}.",
            f"Pushed {report.pushed}, pulled {report.pulled}; {report.pending} waiting.",
        ),
        *report.errors,
    ]
    out.emit(report.to_json(), lines)
    return 0 if report.ok else 1

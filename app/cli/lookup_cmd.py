"""``lookup``: find dossiers by code, receipt QR, ID card QR, ID number or name.

Its own module, away from the other commands, so a look-up from a script loads
only the look-up: not the intake, the working-day calendar or the catalogue.
"""

from __future__ import annotations

from argparse import Namespace

from app.cli.acting import actor
from app.cli.output import Output
from app.domain.formatting import format_datetime
from app.dossiers import lookup
from db.engine import Database


def cmd_lookup(args: Namespace, db: Database, out: Output) -> int:
    result = lookup.lookup(db, actor(db, args), " ".join(args.query))
    lines = [
        f"{d.code}  {d.applicant_name}  {d.procedure_name}  [{d.status_label}"
        + (out.t(", quá hạn", ", overdue") if d.overdue else "")
        + f"]  {out.t('hẹn', 'due')} {format_datetime(d.due_at)}"
        for d in result.items
    ] or [out.t("Không tìm thấy hồ sơ nào.", "No dossier found.")]
    out.emit(
        {
            "kind": result.kind,
            "query": result.query,
            "results": [d.to_json() for d in result.items],
        },
        lines,
    )
    return 0

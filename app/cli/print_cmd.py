"""``print FORM CODE --out FILE.pdf`` and ``print logbook --from --to --out``."""

from __future__ import annotations

from argparse import Namespace
from datetime import date
from pathlib import Path

from app.cli.acting import actor
from app.cli.output import Output, write_atomically
from app.domain.errors import DomainError
from app.paper import printing
from db.engine import Database


def _day(value: str | None, option: str) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        raise DomainError(
            "bad_date",
            f"{option} phải là ngày dạng YYYY-MM-DD.",
            f"{option} must be a date like YYYY-MM-DD.",
            field=option,
        ) from None


def cmd_print(args: Namespace, db: Database, out: Output) -> int:
    if args.form == "cover":
        from app.cli.capture_cmd import print_cover

        return print_cover(args, db, out)
    who = actor(db, args)
    target = Path(args.out)
    if args.form == "guide":
        from app.paper.guide_print import print_guide

        if not args.code:
            raise DomainError(
                "missing_code",
                "Cần mã thủ tục để in hướng dẫn (vd 1.001193).",
                "A procedure code is required (e.g. 1.001193).",
                field="code",
            )
        pdf = print_guide(db, who, args.code, layout=args.layout or "a4")
        subject = args.code
    elif args.form == "logbook":
        date_from, date_to = _day(args.date_from, "--from"), _day(args.date_to, "--to")
        pdf = printing.print_logbook(db, who, date_from, date_to, paper=args.paper or "a4")
        subject = f"{date_from:%d/%m/%Y}–{date_to:%d/%m/%Y}"
    else:
        if not args.code:
            raise DomainError(
                "missing_code",
                "Cần mã hồ sơ để in.",
                "A dossier code is required.",
                field="code",
            )
        options = printing.parse_options(
            reason=args.reason,
            missing=args.missing,
            guidance=args.guidance,
            contact=args.contact,
            new_date=args.new_date,
            requested_at=args.requested_at,
        )
        pdf = printing.print_form(
            db,
            who,
            args.form,
            args.code,
            layout=args.layout,
            two_per_page=True if args.two_per_page else None,
            reprint=True if args.reprint else None,
            options=options,
        )
        subject = args.code
    write_atomically(target, pdf)
    out.emit(
        {"form": args.form, "target": subject, "out": str(target), "bytes": len(pdf)},
        [
            out.t(
                f"Đã in {printing.FORM_LABELS_VI[args.form]} ({subject}) ra {target}",
                f"Printed {args.form} ({subject}) to {target}",
            )
        ],
    )
    return 0

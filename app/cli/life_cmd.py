"""Subcommands for a dossier's life after intake and for editing the catalogue.

``supplement``, ``supplied``, ``extend``, ``stop``, ``refuse``, ``withdraw``,
``cancel``; ``catalogue set`` and ``catalogue import``.
"""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from app.cli.acting import actor
from app.cli.output import Output, write_atomically
from app.domain import payment
from app.domain.errors import DomainError
from app.domain.formatting import format_datetime
from app.domain.status import Status
from app.dossiers import lifecycle
from app.infra import clock
from db.engine import Database


def _yes_no(value: str | None) -> bool | None:
    if value is None:
        return None
    if value not in ("yes", "no"):
        raise DomainError(
            "bad_flag", "Giá trị phải là yes hoặc no.", "The value must be yes or no."
        )
    return value == "yes"


def _emit_slip(out: Output, code: str, status: int, pdf: bytes | None, target: str | None):
    if target and pdf is not None:
        write_atomically(Path(target), pdf)
    label = Status(status).label_vi
    out.emit(
        {"code": code, "status": status, "status_label": label, "out": target},
        [out.t(f"Hồ sơ {code}: {label}", f"Dossier {code}: status {status}")]
        + ([out.t(f"Phiếu đã lưu: {target}", f"Slip written to {target}")] if target else []),
    )


def cmd_supplement(args: Namespace, db: Database, out: Output) -> int:
    from app.paper import dossier_slips

    reason = args.reason or "Hồ sơ chưa đầy đủ, chưa hợp lệ"
    result = dossier_slips.request_supplement(db, actor(db, args), args.code, reason, args.missing)
    _emit_slip(out, result.code, result.status, result.pdf, args.out)
    return 0


def cmd_refuse(args: Namespace, db: Database, out: Output) -> int:
    from app.paper import dossier_slips

    result = dossier_slips.refuse(db, actor(db, args), args.code, args.reason)
    _emit_slip(out, result.code, result.status, result.pdf, args.out)
    return 0


def cmd_stop(args: Namespace, db: Database, out: Output) -> int:
    from app.paper import dossier_slips

    result = dossier_slips.stop(db, actor(db, args), args.code, args.reason)
    _emit_slip(out, result.code, result.status, result.pdf, args.out)
    return 0


def cmd_extend(args: Namespace, db: Database, out: Output) -> int:
    from app.paper import dossier_slips

    new_due = clock.parse_datetime(args.to, field="to")
    result = dossier_slips.extend(db, actor(db, args), args.code, new_due, args.reason)
    if args.out and result.pdf is not None:
        write_atomically(Path(args.out), result.pdf)
    out.emit(
        {"code": result.code, "status": result.status, "due_at": new_due, "out": args.out},
        [out.t("Hẹn lại ngày trả kết quả: ", "New appointment: ") + format_datetime(new_due)],
    )
    return 0


def _emit_change(out: Output, change) -> None:
    label = Status(change.to_status).label_vi
    out.emit(
        {
            "code": change.code,
            "from_status": change.from_status,
            "to_status": change.to_status,
            "status_label": label,
            "at": change.at,
        },
        [out.t(f"Hồ sơ {change.code}: {label}", f"Dossier {change.code}: {change.to_status}")],
    )


def cmd_supplied(args: Namespace, db: Database, out: Output) -> int:
    _emit_change(out, lifecycle.supplied(db, actor(db, args), args.code, args.note))
    return 0


def cmd_withdraw(args: Namespace, db: Database, out: Output) -> int:
    _emit_change(out, lifecycle.withdraw(db, actor(db, args), args.code, args.reason))
    return 0


def cmd_cancel(args: Namespace, db: Database, out: Output) -> int:
    change = lifecycle.cancel(db, actor(db, args), args.code, args.reason)
    out.emit(
        {"code": change.code, "cancelled": True, "cancelled_at": change.at},
        [out.t(f"Đã hủy hồ sơ {change.code} (nhập nhầm)", f"Cancelled {change.code}")],
    )
    return 0


def _json_list(path: str | None, field: str) -> list | None:
    """A JSON list from ``path`` (``-`` = stdin), or None when the option was not given."""
    if path is None:
        return None
    import json
    import sys

    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DomainError(
            "bad_json",
            f"Không đọc được tệp JSON “{path}” ({exc.__class__.__name__}).",
            f"Cannot read JSON file “{path}” ({exc.__class__.__name__}).",
            field=field,
        ) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise DomainError(
            "bad_json",
            f"Tệp “{path}” phải là một danh sách JSON các đối tượng.",
            f"File “{path}” must hold a JSON list of objects.",
            field=field,
        )
    return data


def catalogue_set(args: Namespace, db: Database, out: Output) -> int:
    from app.office import catalogue_edit

    edit = catalogue_edit.ProcedureEdit(
        processing=args.processing,
        processing_value=args.processing_value,
        processing_unit=args.processing_unit,
        processing_max_value=args.max_days,
        fee=args.fee,
        after_15h=_yes_no(args.after_15h),
        result_place=args.result_place,
        portal_url=args.portal_url,
        components=_json_list(args.components, "components"),
        exemptions=_json_list(args.exemptions, "fee_exemptions"),
    )
    row = catalogue_edit.set_procedure(db, actor(db, args), args.code, edit)
    from app.office.catalogue import processing_text

    text = processing_text(row.processing_value, row.processing_unit, row.processing_max_value)
    out.emit(
        {
            "code": row.code,
            "processing_value": row.processing_value,
            "processing_unit": row.processing_unit,
            "processing_max_value": row.processing_max_value,
            "processing_text": text,
            "next_day_after_cutoff": row.next_day_after_cutoff,
            "fee_amount": row.fee_amount,
            "fee_rule": row.fee_rule,
            "result_place": row.result_place,
            "portal_url": row.portal_url,
            "fee_exemptions": row.fee_exemptions,
            "components": [
                {
                    "index": c.index,
                    "name": c.name,
                    "originals": c.originals,
                    "copies": c.copies,
                    "required": c.required,
                }
                for c in sorted(row.components, key=lambda c: c.index)
            ],
            "office_edits": sorted(row.office_edits or {}),
        },
        [out.t(f"Đã cập nhật thủ tục {row.code}: {text}", f"Updated {row.code}: {text}")],
    )
    return 0


def catalogue_import(args: Namespace, db: Database, out: Output) -> int:
    from app.office import catalogue_import as importer

    result = importer.import_file(db, actor(db, args), Path(args.file))
    lines = [
        out.t(
            f"Đã nhập: {result.created} thủ tục mới, {result.updated} cập nhật; "
            f"{len(result.flagged)} chỗ cần lãnh đạo xem lại",
            f"Imported: {result.created} new, {result.updated} updated; "
            f"{len(result.flagged)} flagged for a supervisor",
        )
    ] + [f"  dòng {f.row} {f.code or ''} [{f.field}]: {f.message}" for f in result.flagged]
    out.emit(result.to_json(), lines)
    return 0


def cmd_pay(args: Namespace, db: Database, out: Output) -> int:
    method = None if args.unpaid else args.method
    paid = lifecycle.record_payment(db, actor(db, args), args.code, not args.unpaid, method=method)
    how_vi = f" ({payment.METHODS[method].lower()})" if method else ""
    how_en = f" ({method})" if method else ""
    out.emit(
        {"code": args.code, "fee_paid": paid, "fee_payment_method": method},
        [
            out.t(
                f"Hồ sơ {args.code}: " + ("đã nộp phí" + how_vi if paid else "chưa nộp phí"),
                f"Dossier {args.code}: fee " + ("paid" + how_en if paid else "unpaid"),
            )
        ],
    )
    return 0

"""What each CLI subcommand does; every one goes through the app use cases."""

from __future__ import annotations

import getpass
import json
import sys
from argparse import Namespace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.cli.acting import actor
from app.cli.output import Output
from app.domain.errors import DomainError
from app.domain.formatting import format_datetime, format_money
from app.domain.status import Status
from app.domain.workcalendar import ProcessingUnit, WorkCalendar
from app.dossiers import intake, progress
from app.dossiers.views import by_code, view
from app.infra import clock
from app.infra.storage import open_database
from app.office import auth, catalogue, office_setup, settings, station
from app.protect import keys
from db.engine import Database
from db.models import DossierResult


def cmd_init(args: Namespace, data_dir: Path, out: Output) -> int:
    password = args.admin_password
    if password is None:
        if not sys.stdin.isatty():
            raise DomainError(
                "missing_password",
                "Thiếu mật khẩu quản trị (--admin-password).",
                "The admin password is missing (--admin-password).",
            )
        password = getpass.getpass(out.t("Mật khẩu quản trị: ", "Admin password: "))
    req = office_setup.SetupRequest(
        office_code=args.office_code,
        office_name=args.office_name,
        station_number=args.station,
        admin_user=args.admin_user,
        admin_password=password,
        admin_full_name=" ".join((args.admin_full_name or "").split()),
        parent_name=args.parent_name,
        address=args.address,
        phone=args.phone,
        place_name=args.place,
    )
    db = office_setup.initialise(data_dir, req)
    with db.read() as session:
        info = station.load(session)
    code = keys.recovery_code(db.key) if db.key else None
    db.dispose()
    data = {
        "data_dir": str(data_dir),
        "office_code": info.agency_code,
        "station": info.station_number,
        "sequence_start": info.sequence.start,
        "sequence_end": info.sequence.end,
        "recovery_code": code,
    }
    out.emit(
        data,
        [
            out.t(f"Đã khởi tạo {data_dir}", f"Initialised {data_dir}"),
            out.t(
                f"Cơ quan {info.agency_code}, quầy {info.station_number} "
                f"(số thứ tự {info.sequence.start:04d}–{info.sequence.end:04d} mỗi ngày)",
                f"Office {info.agency_code}, station {info.station_number} "
                f"(daily numbers {info.sequence.start:04d}–{info.sequence.end:04d})",
            ),
            out.t(
                "Mã khôi phục khóa dữ liệu (in ra, cất nơi an toàn; cần khi máy hỏng "
                f"hoặc đổi mật khẩu Windows): {code}",
                "Data key recovery code (print it and keep it safe; needed if the PC "
                f"dies or the Windows password is reset): {code}",
            ),
        ],
    )
    return 0


def cmd_catalogue(args: Namespace, db: Database, out: Output) -> int:
    if args.catalogue_command in ("set", "import"):
        from app.cli import life_cmd

        return getattr(life_cmd, f"catalogue_{args.catalogue_command}")(args, db, out)
    if args.catalogue_command == "set-fee":
        catalogue.set_fee(db, actor(db, args), args.code, args.amount, args.note)
        out.emit(
            {"code": args.code, "fee_amount": args.amount},
            [
                out.t(f"Đã cập nhật lệ phí {args.code}: ", f"Fee of {args.code} set to ")
                + format_money(args.amount)
            ],
        )
        return 0
    items = catalogue.list_procedures(db, getattr(args, "search", ""))
    lines = [
        f"{p.code}  {p.name}  [{p.processing_text}; {format_money(p.fee_amount)}]"
        + ("" if p.verified else out.t("  (chưa xác minh)", "  (unverified)"))
        for p in items
    ]
    out.emit([p.to_json() for p in items], lines)
    return 0


def _read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(
            "unreadable_file",
            f"Không đọc được tệp “{path}”: {exc.__class__.__name__}.",
            f"Cannot read file “{path}”: {exc.__class__.__name__}.",
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DomainError(
            "bad_json",
            f"Tệp “{path}” không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}).",
            f"File “{path}” is not valid JSON (line {exc.lineno}, column {exc.colno}).",
        ) from None


def cmd_receive(args: Namespace, db: Database, out: Output) -> int:
    data = _read_json(args.file)
    result = intake.receive(db, actor(db, args), data, confirm_by=args.confirm_by)
    out.emit(
        {
            "uuid": result.uuid,
            "code": result.code,
            "received_at": result.received_at,
            "due_at": result.due_at,
            "lookup_secret": result.lookup_secret,
            "lookup_url": result.lookup_url,
            "logbook_book": result.logbook_book,
            "logbook_line": result.logbook_line,
            "fee_amount": result.fee_amount,
        },
        [
            out.t("Đã tiếp nhận hồ sơ ", "Received dossier ") + result.code,
            out.t("Hẹn trả kết quả: ", "Appointment: ") + format_datetime(result.due_at),
            out.t("Mã tra cứu: ", "Look-up secret: ") + result.lookup_secret,
        ],
    )
    return 0


def cmd_show(args: Namespace, db: Database, out: Output) -> int:
    auth.require(actor(db, args), "dossier.lookup")
    with db.read() as session:
        dossier = by_code(session, args.code.strip())
        d = view(dossier, clock.now(), detail=True)
        kept = session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))
        result = (
            {
                "number": kept.number,
                "date": kept.issued_on.isoformat() if kept.issued_on else None,
                "digitized": True,
                "sha256": kept.sha256,
                "kind": kept.kind,
                "issuer": kept.issuer,
                "source": kept.source,
            }
            if kept is not None
            else None
        )
    lines = [
        f"{d.code} — {d.status_label}",
        f"{d.applicant_name} ({d.applicant_id_number or ''})",
        f"{d.procedure_code} {d.procedure_name}",
        out.t("Tiếp nhận: ", "Received: ") + format_datetime(d.received_at),
        out.t("Hẹn trả: ", "Due: ") + format_datetime(d.due_at),
    ] + [f"  {h.at:%d/%m/%Y %H:%M}  {h.status_label}  {h.note or ''}" for h in d.history]
    if result is not None:
        lines.append(out.t("Kết quả đã số hóa: ", "Digitized result: ") + (result["number"] or ""))
    out.emit({**d.to_json(), "result": result}, lines)
    return 0


def cmd_status(args: Namespace, db: Database, out: Output) -> int:
    change = progress.change_status(db, actor(db, args), args.code, args.to_status, args.note)
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
    return 0


def _result_args(args: Namespace):
    from app.capture import results

    details = results.ResultDetails(
        kind=args.result_kind,
        number=args.result_number,
        issued_on=results.parse_issued_on(args.result_date),
        issuer=args.result_issuer,
    )
    return results, details


def cmd_return(args: Namespace, db: Database, out: Output) -> int:
    who = actor(db, args)
    if args.result_files:
        # The capture stack loads only when a result file comes with the return.
        results, details = _result_args(args)
        change, kept = results.return_with_files(
            db,
            who,
            args.code,
            args.collector,
            collector_id_number=args.collector_id,
            note=args.note,
            files=args.result_files,
            electronic=args.electronic,
            details=details,
        )
    else:
        change = progress.record_return(
            db, who, args.code, args.collector, args.collector_id, args.note
        )
        kept = None
    out.emit(
        {
            "code": change.code,
            "from_status": change.from_status,
            "to_status": change.to_status,
            "returned_at": change.at,
            "result": kept.to_json() if kept is not None else None,
        },
        [out.t(f"Đã trả kết quả hồ sơ {change.code}", f"Result of {change.code} returned")],
    )
    return 0


def cmd_result(args: Namespace, db: Database, out: Output) -> int:
    if args.result_command != "attach":
        raise DomainError(
            "missing_action",
            "Thiếu thao tác: dùng “result attach”.",
            "Missing action: use “result attach”.",
        )
    who = actor(db, args)
    results, details = _result_args(args)
    prepared = results.prepare(db, who, args.code, args.result_files, electronic=args.electronic)
    kept = results.attach(db, who, args.code, prepared, details)
    out.emit(
        kept.to_json(),
        [
            out.t(
                f"Đã lưu bản số hóa kết quả hồ sơ {kept.code} ({kept.pages} trang)",
                f"Result of {kept.code} kept ({kept.pages} pages)",
            )
        ],
    )
    return 0


def cmd_due(args: Namespace, data_dir: Path, out: Output) -> int:
    received = clock.parse_datetime(args.received, field="received")
    db = open_database(data_dir) if office_setup.is_initialised(data_dir) else None
    try:
        if db is not None:
            with db.read() as session:
                calendar = station.work_calendar(session)
                cutoff_time = settings.get_time(session, "cutoff_time")
                proc = catalogue.get(session, args.procedure) if args.procedure else None
                spec = _due_spec(args, proc)
        else:
            from app.office.catalogue_seed import load_seed

            calendar, cutoff_time = WorkCalendar(), datetime.strptime("15:00", "%H:%M").time()
            seeds = {p.code: p for p in load_seed().procedures}
            seed = seeds.get(args.procedure.strip()) if args.procedure else None
            if args.procedure and seed is None:
                raise DomainError(
                    "unknown_procedure",
                    f"Không có thủ tục mã “{args.procedure}” trong danh mục.",
                    f"No procedure with code “{args.procedure}” in the catalogue.",
                )
            spec = _due_spec(args, seed)
    finally:
        if db is not None:
            db.dispose()
    value, unit, after_cutoff = spec
    due = calendar.due_at(
        received,
        value,
        ProcessingUnit(unit),
        next_day_after_cutoff=after_cutoff,
        cutoff=cutoff_time,
    )
    out.emit(
        {
            "received_at": received,
            "due_at": due,
            "processing_value": value,
            "processing_unit": unit,
            "next_day_after_cutoff": after_cutoff,
        },
        [out.t("Hẹn trả kết quả: ", "Due: ") + format_datetime(due)],
    )
    return 0


def _due_spec(args: Namespace, proc: Any) -> tuple[int, str, bool]:
    if proc is None:
        if args.working_days is None or args.working_days < 0:
            raise DomainError(
                "bad_days",
                "Số ngày làm việc phải là số nguyên không âm.",
                "Working days must be a non-negative whole number.",
            )
        return args.working_days, "working_days", False
    if proc.processing_value is None or proc.processing_unit is None:
        raise DomainError(
            "procedure_without_time",
            f"Thủ tục {proc.code} chưa có thời hạn giải quyết đã xác minh.",
            f"Procedure {proc.code} has no confirmed processing time.",
        )
    # A "clerk chooses" time defaults to the shortest.
    return proc.processing_value, str(proc.processing_unit), proc.next_day_after_cutoff

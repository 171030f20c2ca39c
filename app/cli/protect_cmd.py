"""Subcommands that protect the station's data: the key, backups, the audit chain."""

from __future__ import annotations

import argparse
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import Output
from app.domain.errors import DomainError

if TYPE_CHECKING:
    # The parser imports this module for its options; the database layer is
    # loaded only by the commands that open one.
    from app.infra.storage import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser(
        "restore-key",
        help="khôi phục khóa mã hóa dữ liệu của quầy từ mã khôi phục đã in hoặc từ máy chủ",
    )
    how = s.add_mutually_exclusive_group(required=True)
    how.add_argument("--code", help="mã khôi phục in lúc khởi tạo (init)")
    how.add_argument(
        "--server-code",
        help="mã dùng một lần do quản trị máy chủ cấp (python -m server admin recovery-code)",
    )
    s.add_argument("--server", help="địa chỉ máy chủ (mặc định: máy chủ quầy đã đăng ký)")
    s.add_argument("--office", help="mã cơ quan (mặc định: như khi đăng ký)")
    s.add_argument("--station", type=int, help="số quầy (mặc định: như khi đăng ký)")

    s = sub.add_parser("backup", help="sao lưu dữ liệu của quầy (đã kiểm tra, mã hóa)")
    s.add_argument("--to", help="thư mục đích (mặc định: sao lưu hằng ngày trong thư mục dữ liệu)")
    bsub = s.add_subparsers(dest="backup_command", metavar="ACTION")
    b = bsub.add_parser("list", help="liệt kê các bản sao lưu")
    b.add_argument("--to", default=argparse.SUPPRESS, help="thư mục sao lưu cần liệt kê")
    b = bsub.add_parser("verify", help="kiểm tra một bản sao lưu")
    b.add_argument("file", metavar="FILE")

    s = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (giữ bản an toàn)")
    s.add_argument("file", metavar="FILE", nargs="?")
    s.add_argument(
        "--from-server",
        action="store_true",
        help="tải bản sao lưu mới nhất của quầy từ máy chủ rồi khôi phục từ đó",
    )

    s = sub.add_parser("audit", help="nhật ký thao tác")
    asub = s.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    a = asub.add_parser("verify", help="kiểm tra nhật ký không bị sửa, xóa hay đổi chỗ")
    a.add_argument(
        "--printed",
        action="append",
        default=[],
        metavar="ID:HASH",
        help="đầu chuỗi in trên báo cáo cuối ngày (có thể nhắc lại)",
    )
    a = asub.add_parser("list", help="xem nhật ký, lọc theo cán bộ, thao tác, ngày")
    a.add_argument("--officer", help="tên đăng nhập của cán bộ")
    a.add_argument("--action", help="thao tác hoặc phần đầu của nó, vd person.lookup, print.")
    a.add_argument("--from", dest="day_from", help="từ ngày YYYY-MM-DD")
    a.add_argument("--to", dest="day_to", help="đến ngày YYYY-MM-DD")
    a.add_argument("--limit", type=int, default=200)


def cmd_restore_key(args: Namespace, data_dir: Path, out: Output) -> int:
    from app.infra import datadir
    from app.protect import recovery

    if args.code is not None:
        store = recovery.restore_from_code(data_dir, datadir.db_path(data_dir), args.code)
        source = "code"
    else:
        store = _from_server(args, data_dir)
        source = "server"
    out.emit(
        {"ok": True, "store": store, "data_dir": str(data_dir), "source": source},
        [
            out.t(
                f"Đã khôi phục khóa dữ liệu (lưu ở: {store}).",
                f"The data key is restored (kept in: {store}).",
            )
        ],
    )
    return 0


def _from_server(args: Namespace, data_dir: Path) -> str:
    from app.infra import datadir
    from app.sync import enrolment, key_escrow

    known = key_escrow.identity(data_dir)
    url = args.server or known.get("server_url")
    office = args.office or known.get("office_code")
    number = args.station or known.get("station_number")
    if not url or not office or not number:
        raise key_escrow.missing_identity()
    return key_escrow.recover_from_server(
        data_dir,
        datadir.db_path(data_dir),
        args.server_code,
        server_url=enrolment.check_server_url(str(url)),
        office_code=str(office),
        station_number=int(number),
    )


def cmd_audit(args: Namespace, db: Database, out: Output) -> int:
    from app.protect import audit_chain

    if args.audit_command == "list":
        return _audit_list(args, db, out)
    anchors = []
    for text in args.printed:
        try:
            anchors.append(audit_chain.parse_anchor(text))
        except ValueError:
            raise DomainError(
                "bad_printed_head",
                f"“{text}” không phải đầu chuỗi dạng SỐ:MÃ (64 ký tự hệ 16) như in trên báo cáo.",
                f"“{text}” is not a head in the form ID:HASH (64 hex digits) as printed.",
            ) from None
    with db.read() as session:
        report = audit_chain.verify(session, anchors)
    lines = [
        out.t(
            f"Nhật ký: {report.entries} mục, {report.chained} mục trong chuỗi; "
            f"đầu chuỗi {report.head_id} ({report.head_hash[:16]}…).",
            f"Audit log: {report.entries} entries, {report.chained} chained; "
            f"head {report.head_id} ({report.head_hash[:16]}…).",
        )
    ]
    lines += [out.t(p.message_vi, p.message_en) for p in report.problems]
    lines.append(
        out.t("Nhật ký nguyên vẹn.", "The audit log is intact.")
        if report.ok
        else out.t("NHẬT KÝ ĐÃ BỊ CAN THIỆP.", "THE AUDIT LOG HAS BEEN TAMPERED WITH.")
    )
    out.emit(report.to_json(), lines)
    return 0 if report.ok else 1


def _audit_list(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.office import audit_log
    from app.reports import period as periods

    page = audit_log.entries(
        db,
        actor(db, args),
        officer=args.officer,
        action=args.action,
        day_from=periods.parse_day(args.day_from, "from") if args.day_from else None,
        day_to=periods.parse_day(args.day_to, "to") if args.day_to else None,
        limit=args.limit,
    )
    out.emit(
        {"total": page.total, "entries": [e.to_json() for e in page.entries]},
        [
            f"{e.at:%d/%m/%Y %H:%M:%S}  {e.officer or '-':<12} {e.action:<24} {e.target or ''}"
            for e in page.entries
        ]
        + [out.t(f"{page.total} mục khớp.", f"{page.total} entries match.")],
    )
    return 0


def _officer(args: Namespace) -> str | None:
    return getattr(args, "user", None)


def cmd_backup(args: Namespace, data_dir: Path, out: Output) -> int:
    from app.backup import archive, daily
    from app.infra.storage import open_database
    from app.protect import keys

    if args.backup_command == "list":
        folders = [archive.default_destination(data_dir)]
        if args.to:
            folders = [Path(args.to).expanduser()]
        items = archive.list_backups(folders)
        from app.sync import backup_copy

        unknown = backup_copy.mark_listed(data_dir, items)
        mark = {True: "  [máy chủ]", False: "", None: ""}
        out.emit(
            {"backups": items, "server_unknown": unknown},
            [
                f"{b['created_at']}  {b['size']:>12,} B  {b['file']}{mark[b['on_server']]}"
                for b in items
            ]
            or [out.t("Chưa có bản sao lưu nào.", "No backups yet.")],
        )
        return 0
    if args.backup_command == "verify":
        key = keys.load_key(data_dir)
        if key is None:
            raise keys.key_lost(data_dir)
        result = archive.verify_backup(Path(args.file).expanduser(), key)
        lines = (
            [out.t(f"Bản sao lưu tốt: {result.file}", f"The backup is good: {result.file}")]
            if result.ok
            else [out.t(result.problem_vi or "", archive.problem_error(result).message_en)]
        )
        out.emit(result.to_json(), lines)
        return 0 if result.ok else 1
    db = open_database(data_dir)
    try:
        if args.to:
            made = archive.make_backup(db, data_dir, Path(args.to).expanduser(), _officer(args))
            result = made.to_json()
        else:
            result = daily.run(db, data_dir, _officer(args))
            _copy_to_server(db, data_dir, result)
    finally:
        db.dispose()
    lines = [
        out.t(
            f"Đã sao lưu và kiểm tra: {result['file']}", f"Backed up and verified: {result['file']}"
        ),
        f"SHA-256 {result['sha256']}",
        out.t(
            f"Kèm {result.get('files') or 0} tệp số hóa/phiếu lưu (đã mã hóa).",
            f"With {result.get('files') or 0} scanned/slip files (encrypted).",
        ),
    ]
    if result.get("server_copy"):
        lines.append(out.t("Đã sao lưu lên máy chủ.", "Copied to the server."))
    elif result.get("server_copy_error"):
        lines.append(
            out.t(
                f"Chưa sao lưu lên máy chủ ({result['server_copy_error']}); "
                "lần đồng bộ sau sẽ gửi.",
                f"Not copied to the server ({result['server_copy_error']}); the next sync will.",
            )
        )
    if result.get("second_copy"):
        lines.append(
            out.t(f"Bản thứ hai: {result['second_copy']}", f"Second copy: {result['second_copy']}")
        )
    elif result.get("second_copy_error"):
        lines.append(
            out.t(
                f"Không chép được sang nơi sao lưu thứ hai ({result['second_copy_error']}).",
                f"Could not copy to the second destination ({result['second_copy_error']}).",
            )
        )
    out.emit(result, lines)
    return 0


def _copy_to_server(db: Database, data_dir: Path, result: dict) -> None:
    """When online, the day's backup goes to the server too; offline, the next sync sends it."""
    from app.sync import backup_copy

    transport = backup_copy.transport_for(data_dir)
    if transport is None:
        return
    try:
        copied = backup_copy.send_newest(db, data_dir, transport)
        result["server_copy"] = (copied or {}).get("sha256")
    except DomainError as exc:
        result["server_copy"] = None
        result["server_copy_error"] = exc.message_vi
    finally:
        transport.close()


def cmd_restore(args: Namespace, data_dir: Path, out: Output) -> int:
    from app.backup import archive, skip_ahead

    if args.from_server:
        from app.sync import backup_copy

        file = backup_copy.fetch_newest(data_dir)
    elif args.file:
        file = Path(args.file).expanduser()
    else:
        raise DomainError(
            "no_backup_file",
            "Hãy chỉ ra tệp sao lưu (restore TỆP) hoặc dùng --from-server.",
            "Name the backup file (restore FILE) or use --from-server.",
        )
    result = archive.restore_backup(data_dir, file, _officer(args))
    out.emit(
        result,
        [
            out.t(
                f"Đã khôi phục từ {result['file']} (tạo lúc {result['created_at']}).",
                f"Restored from {result['file']} (made {result['created_at']}).",
            ),
            out.t(
                f"Tệp số hóa/phiếu lưu: {result['files'] or 0}, "
                f"chép lại {result['files_restored']} tệp còn thiếu.",
                f"Scanned/slip files: {result['files'] or 0}, "
                f"{result['files_restored']} missing ones copied back.",
            ),
            out.t(
                f"Bản an toàn của dữ liệu cũ: {result['safety_copy']}",
                f"Safety copy of the replaced data: {result['safety_copy']}",
            ),
            *[
                out.t(
                    f"Số thứ tự ngày {m['day']} nhảy từ {m['from']:04d} lên {m['to']:04d} để không "
                    "cấp lại mã hồ sơ có thể đã dùng sau bản sao lưu (ghi vào nhật ký).",
                    f"Sequence of {m['day']} moved from {m['from']:04d} to {m['to']:04d} so no "
                    "code used after the backup is issued again (recorded in the audit log).",
                )
                for m in result["skipped_ahead"]
            ],
            *(
                [
                    out.t(
                        "Quầy chưa cấp mã hồ sơ mới cho tới khi đồng bộ với máy chủ (lệnh “sync”): "
                        "máy chủ cho biết số thứ tự đã cấp và trả lại các hồ sơ nhận sau bản sao "
                        "lưu. Nếu không có mạng, lần đồng bộ đó cho phép tiếp nhận với số thứ tự "
                        f"nhảy trước {skip_ahead.MARGIN} số.",
                        "No new dossier code until the station syncs with the server (“sync”): "
                        "the server tells the sequence numbers used and gives back the dossiers "
                        "received after the backup. Without a network, that attempt lets intake "
                        f"go on with the sequence skipped ahead by {skip_ahead.MARGIN}.",
                    )
                ]
                if result.get("relearning")
                else []
            ),
        ],
    )
    return 0

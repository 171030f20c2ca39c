"""The ``backup`` and ``restore`` sub-commands of ``python -m server``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from server import backup
from server.config import Settings


def add_parsers(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = subparsers.add_parser(
        "backup", parents=[common], help="sao lưu cơ sở dữ liệu, server.key và tệp đính kèm"
    )
    cmd.add_argument(
        "action", nargs="?", choices=("list", "verify", "check-files"), help="mặc định: sao lưu"
    )
    cmd.add_argument("file", nargs="?", type=Path, help="tệp sao lưu (với verify)")
    cmd.add_argument("--to", type=Path, help="thư mục sao lưu (mặc định: backups/ trong dữ liệu)")
    cmd.add_argument("--json", action="store_true")
    cmd = subparsers.add_parser(
        "restore", parents=[common], help="khôi phục từ một bản sao lưu (dừng máy chủ trước)"
    )
    cmd.add_argument("file", type=Path)
    cmd.add_argument("--json", action="store_true")


def _emit(args: argparse.Namespace, data, lines: list[str]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        if args.command == "restore":
            result = backup.restore_backup(settings, args.file)
            _emit(
                args,
                result,
                [
                    f"Đã khôi phục từ {result['file']} (tạo lúc {result['created_at']}).",
                    f"Bản an toàn của dữ liệu cũ: {result['safety_copy']}",
                    f"Tệp đính kèm chép lại: {result['files_restored']}",
                ],
            )
            return 0
        dest = args.to or backup.default_destination(settings)
        if args.action == "list":
            items = backup.list_backups(dest)
            _emit(
                args,
                {"backups": items},
                [f"{b['created_at']}  {b['size']:>12,} B  {b['file']}" for b in items]
                or ["Chưa có bản sao lưu nào."],
            )
            return 0
        if args.action == "check-files":
            bad = backup.damaged_attachments(settings.attachments_dir)
            _emit(
                args,
                {"damaged": bad},
                [f"Tệp đính kèm hỏng: {name}" for name in bad]
                or ["Mọi tệp đính kèm khớp mã băm của chúng."],
            )
            return 1 if bad else 0
        if args.action == "verify":
            if args.file is None:
                raise backup.BackupError("Cần tên tệp sao lưu: backup verify TỆP")
            result = backup.verify_backup(args.file)
            _emit(
                args,
                result,
                [f"Bản sao lưu tốt: {result['file']}" if result["ok"] else result["message"]],
            )
            return 0 if result["ok"] else 1
        result = backup.make_backup(settings, dest)
        _emit(
            args,
            result,
            [
                f"Đã sao lưu và kiểm tra: {result['file']}",
                f"SHA-256 {result['sha256']}",
                f"Tệp đính kèm: {result['files']} (mới chép {result['files_copied']})",
            ],
        )
        return 0
    except backup.BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 1

"""``python -m server``: run the central server, or ``python -m server admin …``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import uvicorn

from server import admin, backup_cli
from server.app import create_app, prepare
from server.config import ENV_DB, Settings, default_data_dir
from server.logs import configure_logging


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # On sub-commands the defaults are suppressed so that options given
    # before the sub-command are not overwritten by the sub-command's defaults.
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        help="thư mục dữ liệu (SQLite, tệp đính kèm); mặc định theo hệ điều hành "
        "hoặc biến MOTCUA_SERVER_DATA_DIR",
    )
    parser.add_argument(
        "--db",
        default=default,
        help="URL cơ sở dữ liệu, ví dụ postgresql+psycopg://user@host/motcua; "
        f"mặc định SQLite trong thư mục dữ liệu (hoặc biến {ENV_DB})",
    )
    parser.add_argument(
        "--log-level",
        default=argparse.SUPPRESS if suppress else "info",
        choices=("debug", "info", "warning", "error"),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m server", description="Máy chủ trung tâm MotCua Desk."
    )
    _common_options(parser, suppress=False)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument(
        "--graceful-timeout",
        type=float,
        default=120.0,
        help="số giây chờ các yêu cầu đang chạy (tải tệp) khi dừng máy chủ",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="địa chỉ của reverse proxy được tin cậy cho X-Forwarded-For",
    )
    parser.add_argument(
        "--secure-cookies",
        action="store_true",
        help="cookie chỉ gửi qua HTTPS (bật khi chạy sau proxy TLS)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="số tiến trình phục vụ (nhiều hơn 1 cần PostgreSQL)",
    )
    parser.add_argument("--lookup-miss-limit", type=int, default=10)
    parser.add_argument(
        "--auth-miss-limit",
        type=int,
        default=Settings.auth_miss_limit,
        help="số lần đăng ký/đăng nhập sai từ một địa chỉ trước khi bị chặn tạm thời",
    )
    parser.add_argument("--upload-expiry-hours", type=float, default=24.0)
    parser.add_argument(
        "--station-backups-keep",
        type=int,
        default=Settings.station_backups_keep,
        help="số bản sao lưu (đã mã hóa) của mỗi quầy mà máy chủ giữ",
    )
    parser.add_argument(
        "--max-backup-bytes",
        type=int,
        default=Settings.max_backup_bytes,
        help="cỡ lớn nhất của một bản sao lưu quầy gửi lên",
    )
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, suppress=True)
    subparsers = parser.add_subparsers(dest="command")
    admin.add_parser(subparsers, common)
    backup_cli.add_parsers(subparsers, common)
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    return Settings(
        host=args.host,
        port=args.port,
        data_dir=args.data_dir or default_data_dir(),
        db_url=args.db or os.environ.get(ENV_DB) or None,
        log_level=args.log_level,
        graceful_timeout=args.graceful_timeout,
        forwarded_allow_ips=args.forwarded_allow_ips,
        secure_cookies=args.secure_cookies,
        lookup_miss_limit=args.lookup_miss_limit,
        workers=args.workers,
        auth_miss_limit=args.auth_miss_limit,
        upload_expiry_hours=args.upload_expiry_hours,
        station_backups_keep=max(1, args.station_backups_keep),
        max_backup_bytes=args.max_backup_bytes,
    )


def serve(settings: Settings) -> None:
    options = dict(
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        timeout_graceful_shutdown=int(settings.graceful_timeout),
        server_header=False,
        # Longer than uvicorn's 5 s: a station whose next request comes a
        # little later would otherwise race the server closing the connection
        # and see it reset (nginx keeps idle upstream connections 60 s).
        timeout_keep_alive=75,
    )
    if settings.workers > 1:
        if settings.database_url.startswith("sqlite"):
            raise SystemExit("Nhiều tiến trình phục vụ (--workers) cần PostgreSQL (--db).")
        # Migrations and the server key once, here; then the workers start.
        prepare(settings).dispose()
        settings.to_env()
        uvicorn.run("server.app:app_from_env", factory=True, workers=settings.workers, **options)
        return
    uvicorn.Server(uvicorn.Config(create_app(settings), **options)).run()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from_args(args)
    # Admin commands talk to a person: only problems go to the log.
    quiet = args.command in ("admin", "backup", "restore") and "--log-level" not in (
        argv or sys.argv
    )
    configure_logging("warning" if quiet else settings.log_level)
    if args.command in ("backup", "restore"):
        # No migrations and no server key here: a backup copies what is there.
        return backup_cli.run(args, settings)
    if args.command == "admin":
        db = prepare(settings)
        try:
            return admin.run(args, settings, db)
        finally:
            db.dispose()
    serve(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())

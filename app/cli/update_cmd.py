"""``update check|apply|rollback [--from DIR] [--server URL]``: signed updates."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from app.cli.output import Output
from app.domain.errors import DomainError
from app.update import client, install, layout


def _source(args: Namespace, data_dir: Path) -> client.Source:
    if args.from_dir:
        folder = Path(args.from_dir).expanduser()
        if not (folder / "metadata").is_dir():
            raise DomainError(
                "update_no_folder",
                f"Thư mục {folder} không chứa bản cập nhật (thiếu thư mục metadata).",
                f"{folder} holds no update (no metadata folder).",
            )
        return client.Source.directory(folder)
    url = args.server
    if not url:
        from app.sync import credentials

        cred = credentials.load(data_dir)
        url = cred.server_url if cred else None
    if not url:
        raise DomainError(
            "update_no_source",
            "Quầy chưa đăng ký với máy chủ: dùng --from THƯ_MỤC (USB) hoặc --server ĐỊA_CHỈ.",
            "This station is not enrolled: use --from DIR (USB stick) or --server URL.",
        )
    return client.Source.server(url)


def cmd_update(args: Namespace, data_dir: Path, out: Output) -> int:
    home = layout.app_home()
    current = layout.running_version()
    if args.update_command == "rollback":
        now = install.rollback(home) or layout.running_version()
        out.emit(
            {"current": now, "previous": current},
            [out.t(f"Đã quay lại phiên bản {now}.", f"Back to version {now}.")],
        )
        return 0
    source = _source(args, data_dir)
    if args.update_command == "check":
        available = client.check(home, source, current)
        out.emit(
            {
                "current": current,
                "available": available.version if available else None,
                "up_to_date": available is None,
                "source": source.label,
            },
            [
                out.t(
                    f"Có bản cập nhật {available.version} (đang dùng {current}).",
                    f"Update {available.version} available (running {current}).",
                )
                if available
                else out.t(f"Đang dùng phiên bản mới nhất ({current}).", f"Up to date ({current}).")
            ],
        )
        return 0
    applied = install.apply(home, data_dir, source, current)
    if applied is None:
        out.emit(
            {
                "from_version": current,
                "to_version": current,
                "switched": False,
                "backup": None,
                "source": source.label,
            },
            [out.t(f"Đang dùng phiên bản mới nhất ({current}).", f"Up to date ({current}).")],
        )
        return 0
    out.emit(
        {
            "from_version": applied.from_version,
            "to_version": applied.to_version,
            "switched": True,
            "backup": str(applied.backup) if applied.backup else None,
            "source": source.label,
        },
        [
            out.t(
                f"Đã cập nhật {applied.from_version} → {applied.to_version}; phiên bản "
                f"{applied.from_version} được giữ lại để quay về nếu cần.",
                f"Updated {applied.from_version} → {applied.to_version}; "
                f"{applied.from_version} is kept for rollback.",
            )
        ],
    )
    return 0

"""Restoring a backup from the window: close the database, swap it, open it again.

The swap itself is ``app.backup.archive.restore_backup``, the one the
``restore`` command runs; this module only gets the window out of its way.
It refuses to swap a file under open connections, so the window first stops
its timers, the sync and every worker, and closes its connections. The
restore runs on a worker (it verifies the backup again, which takes a while
on a large station) with the window disabled. Whatever happens the database
in the folder is opened again: the restored one (and everyone signs in
again, since its officers may differ), or, when the restore failed, the live
one it left in place, and the officer works on with the reason in front of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from app import overview
from app.infra.storage import Database, open_database
from app.office.auth import Actor
from app.protect.windowlock import WindowLock
from ui.widgets.messages import Banner


@dataclass
class Outcome:
    db: Database | None
    result: dict[str, Any] | None = None
    error: BaseException | None = None
    office_name: str = ""


def restore_and_reopen(data_dir: Path, actor: Actor, file: str, lock: WindowLock | None) -> Outcome:
    """Worker: the restore, then the folder's database opened again either way."""
    from app.backup import from_window

    result = error = None
    try:
        result = from_window.restore(data_dir, actor, file, lock)
    except Exception as exc:  # noqa: BLE001 - shown to the officer, the database reopened
        error = exc
    try:
        db = open_database(data_dir)
    except Exception as exc:  # noqa: BLE001
        return Outcome(None, result, error or exc)
    office_name, _language = overview.startup_info(db)
    return Outcome(db, result, error, office_name)


class WindowRestore(QObject):
    # ``window`` is the ``MainWindow`` (not imported: it imports this module).
    def __init__(self, window: Any, banner: Banner) -> None:
        super().__init__(window)
        self.window = window
        self.banner = banner

    def start(self, file: str) -> None:
        w, ctx = self.window, self.window.ctx
        actor = ctx.require_actor()
        self.banner.show_message(self.tr("Đang khôi phục từ bản sao lưu…"))
        w.idle.stop()
        w.stop_background()
        if ctx.db is not None:
            ctx.db.dispose()
        ctx.db = None
        w.work.setEnabled(False)
        ctx.tasks.run(
            restore_and_reopen,
            ctx.data_dir,
            actor,
            file,
            ctx.window_lock,
            on_done=self._done,
            on_error=self._crashed,
            label=self.tr("Đang khôi phục…"),
        )

    def _done(self, outcome: Outcome) -> None:
        w = self.window
        w.ctx.db = outcome.db
        w.work.setEnabled(True)
        if outcome.error is None and outcome.result is not None:
            w.restored(outcome.office_name, self.summary(outcome.result))
            return
        if outcome.db is None:
            # Not even the live database opens again: nothing can be served.
            w.sign_out()
            w.sign_in.setEnabled(False)
            w.sign_in.banner.show_error(outcome.error or self.tr("Không mở được dữ liệu."))
            return
        w.resume_background()
        self.banner.show_error(outcome.error or self.tr("Khôi phục không thành công."))

    def _crashed(self, exc: BaseException) -> None:
        self._done(Outcome(None, None, exc))

    def summary(self, result: dict[str, Any]) -> str:
        text = self.tr(
            "Đã khôi phục từ bản sao lưu tạo lúc {made}. Bản an toàn của dữ liệu cũ: {safety}. "
            "Hãy đăng nhập lại."
        ).format(
            made=(result.get("created_at") or "").replace("T", " "),
            safety=result.get("safety_copy") or "",
        )
        if result.get("relearning"):
            text += " " + self.tr("Quầy chưa cấp mã hồ sơ mới cho tới lần đồng bộ tới với máy chủ.")
        elif result.get("skipped_ahead"):
            text += " " + self.tr(
                "Số thứ tự hồ sơ đã nhảy trước để không cấp lại mã đã dùng sau bản sao lưu."
            )
        return text

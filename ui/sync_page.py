"""Đồng bộ: what waits to be sent to the central server (sync itself comes later)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.counter_status import CounterStatus
from app.domain.formatting import format_datetime
from ui.context import Context
from ui.forms import heading


class SyncPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 18, 24, 18)
        root.addWidget(heading(self.tr("Đồng bộ với máy chủ"), 17))
        note = QLabel(self.tr(
            "Mọi hồ sơ được lưu ngay trên máy này và làm việc được khi mất mạng. Chức năng gửi "
            "hồ sơ lên máy chủ trung tâm sẽ có trong bản cập nhật tới; các thay đổi đang chờ "
            "sẽ được gửi đi khi chức năng này hoạt động."))
        note.setWordWrap(True)
        root.addWidget(note)
        self.details = QLabel()
        self.details.setObjectName("sync_details")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("font-size:14px; padding-top:10px;")
        root.addWidget(self.details)
        root.addStretch(1)

    def show_status(self, st: CounterStatus) -> None:
        server = self.ctx.settings.get("server_url") or self.tr("chưa cấu hình")
        last = format_datetime(st.last_sync_at) if st.last_sync_at else self.tr("chưa có")
        self.details.setText(self.tr(
            "Máy chủ: {server}\nThay đổi chờ gửi: {n}\nĐồng bộ lần cuối: {last}").format(
                server=server, n=st.pending_changes, last=last))

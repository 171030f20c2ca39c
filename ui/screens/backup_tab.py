"""Cài đặt › Sao lưu: back up now, the backups kept, checking one, the second place,
and restoring one (``ui.widgets.restore_panel``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup import archive, from_window
from app.domain.formatting import format_bytes
from ui.shell.context import Context
from ui.widgets.forms import form_layout, group
from ui.widgets.messages import Banner
from ui.widgets.restore_panel import RestorePanel


class BackupTab(QWidget):
    def __init__(
        self,
        ctx: Context,
        banner: Banner,
        second_destination: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banner = banner
        self.items: list[dict] = []
        layout = QVBoxLayout(self)
        place = group(self.tr("Nơi sao lưu"))
        form = form_layout()
        place.setLayout(form)
        here = QLineEdit(str(archive.default_destination(ctx.data_dir)))
        here.setReadOnly(True)
        here.setObjectName("backup_folder")
        form.addRow(self.tr("Bản sao lưu hằng ngày"), here)
        form.addRow(self.tr("Nơi sao lưu thứ hai (USB, thư mục mạng)"), second_destination)
        layout.addWidget(place)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Sao lưu ngay"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.verify_button = QPushButton(self.tr("Kiểm tra bản đã chọn"))
        self.verify_button.setObjectName("backup_verify")
        self.verify_button.clicked.connect(self.verify_selected)
        self.refresh_button = QPushButton(self.tr("Tải lại danh sách"))
        self.refresh_button.clicked.connect(self.refresh)
        for b in (self.backup_button, self.verify_button, self.refresh_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("backup_list")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tạo lúc"),
                self.tr("Dung lượng"),
                self.tr("Hồ sơ"),
                self.tr("Tệp số hóa"),
                self.tr("Tệp sao lưu"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.restore_panel = RestorePanel(ctx, banner, self.selected_file)
        layout.addWidget(self.restore_panel)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.tasks.run(
            from_window.recent,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            on_done=self.show_list,
            on_error=self.banner.show_error,
        )

    def show_list(self, items: list[dict]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for r, b in enumerate(items):
            values = [
                (b.get("created_at") or "").replace("T", " "),
                format_bytes(b.get("size") or 0),
                str(b.get("dossiers") if b.get("dossiers") is not None else ""),
                str(b.get("files") or 0),
                b["file"],
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if items:
            self.table.selectRow(0)

    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.banner.show_message(self.tr("Đang sao lưu và kiểm tra bản sao lưu…"))
        self.ctx.tasks.run(
            from_window.backup_now,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            on_done=self._backed_up,
            on_error=self._failed,
            label=self.tr("Đang sao lưu…"),
        )

    def _backed_up(self, result: dict) -> None:
        self.backup_button.setEnabled(True)
        text = self.tr("Đã sao lưu và kiểm tra: {file} ({files} tệp số hóa kèm theo).").format(
            file=Path(result["file"]).name, files=result.get("files") or 0
        )
        if result.get("second_copy"):
            text += " " + self.tr("Đã chép sang nơi thứ hai.")
        elif result.get("second_copy_error"):
            text += " " + self.tr("Không chép được sang nơi thứ hai ({error}).").format(
                error=result["second_copy_error"]
            )
        self.banner.show_message(text, "error" if result.get("second_copy_error") else "success")
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.banner.show_error(exc)

    def selected_file(self) -> str | None:
        row = self.table.currentRow()
        return self.items[row]["file"] if 0 <= row < len(self.items) else None

    def verify_selected(self) -> None:
        file = self.selected_file()
        if file is None:
            self.banner.show_error(self.tr("Chọn một bản sao lưu trong danh sách để kiểm tra."))
            return
        self.ctx.tasks.run(
            from_window.verify,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            file,
            on_done=self._verified,
            on_error=self.banner.show_error,
            label=self.tr("Đang kiểm tra bản sao lưu…"),
        )

    def _verified(self, result) -> None:
        if result.ok:
            self.banner.show_message(
                self.tr("Bản sao lưu tốt: {file}").format(file=Path(result.file).name), "success"
            )
        else:
            self.banner.show_error(result.problem_vi or self.tr("Bản sao lưu không dùng được."))

"""Cài đặt › Sao lưu › Khôi phục: choose a backup, check it, say what it replaces.

Only the choosing and the asking live here. A backup that does not verify is
refused before anything is closed; the confirmed file goes to the window
(``MainWindow.restore_from``), which closes its database and runs the
restore the ``restore`` command runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backup import archive, from_window
from app.office import auth
from ui.shell.context import Context
from ui.widgets.messages import Banner


class RestorePanel(QWidget):
    # The backup file, verified and confirmed.
    confirmed = Signal(str)

    def __init__(
        self,
        ctx: Context,
        banner: Banner,
        selected: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banner = banner
        self.selected = selected
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.selected_button = QPushButton(self.tr("Khôi phục bản đã chọn…"))
        self.selected_button.setObjectName("restore_selected")
        self.selected_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("Khôi phục từ tệp…"))
        self.file_button.setObjectName("restore_file")
        self.file_button.clicked.connect(self.choose_file)
        buttons.addWidget(self.selected_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        hint = QLabel(
            self.tr(
                "Khôi phục thay toàn bộ dữ liệu của quầy bằng bản sao lưu (chỉ quản trị). "
                "Dữ liệu đang dùng được giữ lại một bản an toàn trước khi thay; sau đó mọi "
                "người đăng nhập lại."
            )
        )
        hint.setObjectName("backup_restore_hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#57606a;")
        layout.addWidget(hint)
        allowed = auth.can(ctx.require_actor(), "backup.restore")
        for b in (self.selected_button, self.file_button):
            b.setEnabled(allowed)

    def restore_selected(self) -> None:
        file = self.selected()
        if file is None:
            self.banner.show_error(self.tr("Chọn một bản sao lưu trong danh sách để khôi phục."))
            return
        self.check(file)

    def choose_file(self) -> None:
        # Not the native dialog: it must open on the window's screen and in a test.
        dialog = QFileDialog(self, self.tr("Chọn tệp sao lưu"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Bản sao lưu (*{suffix})").format(suffix=archive.SUFFIX))
        dialog.fileSelected.connect(self.check)
        self.file_dialog = dialog
        dialog.open()

    def check(self, file: str) -> None:
        """Verify ``file`` completely before offering to restore it."""
        self.banner.show_message(self.tr("Đang kiểm tra bản sao lưu trước khi khôi phục…"))
        self.ctx.tasks.run(
            from_window.verify,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            file,
            on_done=self._checked,
            on_error=self.banner.show_error,
            label=self.tr("Đang kiểm tra bản sao lưu…"),
        )

    def _checked(self, v: archive.Verification) -> None:
        if not v.ok:
            self.banner.show_error(
                self.tr("Không khôi phục: {problem} Không có gì bị thay đổi.").format(
                    problem=v.problem_vi or self.tr("Bản sao lưu không dùng được.")
                )
            )
            return
        self.banner.clear_message()
        made = (v.created_at or "").replace("T", " ")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Khôi phục từ bản sao lưu"),
            self.tr(
                "Thay toàn bộ dữ liệu đang dùng của quầy (hồ sơ, cán bộ, thiết lập) bằng bản "
                "sao lưu tạo lúc {made} ({dossiers} hồ sơ)? Những gì ghi sau lúc đó sẽ không "
                "còn trên máy này; quầy đã đăng ký với máy chủ lấy lại hồ sơ ở lần đồng bộ sau."
            ).format(made=made, dossiers=v.rows.get("dossier", 0)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "Dữ liệu đang dùng được giữ nguyên một bản an toàn trong thư mục sao lưu trước "
                "khi thay. Cửa sổ đóng dữ liệu trong lúc khôi phục, rồi mọi người đăng nhập lại."
            )
        )
        box.setDetailedText(str(Path(v.file)))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Khôi phục"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: (
                self.confirmed.emit(v.file)
                if box.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        self.confirm_box = box
        box.open()

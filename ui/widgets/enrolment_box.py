"""Cài đặt → Máy chủ đồng bộ: enrolling the station with the one-time code from the server.

The use case (``app.sync.enrolment.enroll``) checks the officer's role, the
address and the office; this box only collects the two values, runs it off
the GUI thread and shows its answer beside the field at fault.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.sync import credentials
from ui.shell.context import Context
from ui.widgets.forms import form_layout, group, with_error
from ui.widgets.messages import Banner, FieldErrors


def enrol(ctx: Context, server_url: str, code: str) -> credentials.Credential | None:
    """Worker: enrol, then read back what was stored."""
    from app.sync import enrolment

    enrolment.enroll(ctx.require_db(), ctx.data_dir, ctx.require_actor(), server_url, code)
    return credentials.load(ctx.data_dir)


def stored_credential(data_dir: Path) -> credentials.Credential | None:
    """Worker: the keyring may answer slowly."""
    return credentials.load(data_dir)


class EnrolmentBox(QWidget):
    enrolled = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = group(self.tr("Máy chủ đồng bộ"))
        outer.addWidget(box)
        layout = QVBoxLayout(box)
        self.state = QLabel(self.tr("Đang đọc trạng thái đăng ký…"))
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setObjectName("enrolment_state")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        form = form_layout()
        layout.addLayout(form)
        self.server_url = QLineEdit()
        self.server_url.setObjectName("enrol_server_url")
        self.server_url.setPlaceholderText("https://motcua.example.gov.vn")
        self.code = QLineEdit()
        self.code.setObjectName("enrol_code")
        self.code.setPlaceholderText(self.tr("mã dùng một lần do quản trị máy chủ cấp"))
        self.button = QPushButton(self.tr("Đăng ký"))
        self.button.setObjectName("enrol_button")
        self.button.clicked.connect(self.submit)
        self.code.returnPressed.connect(self.submit)
        code_row = QWidget()
        row = QHBoxLayout(code_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(with_error(self.code, self.errors, "code"), 1)
        row.addWidget(self.button)
        form.addRow(
            self.tr("Địa chỉ máy chủ"), with_error(self.server_url, self.errors, "server_url")
        )
        form.addRow(self.tr("Mã đăng ký"), code_row)
        hint = QLabel(
            self.tr(
                "Quản trị máy chủ in mã bằng lệnh “python -m server admin enroll-station”. "
                "Sau khi đăng ký, quầy tự gửi hồ sơ lên máy chủ và nhận cập nhật về."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#57606a;")
        layout.addWidget(hint)

    def load(self, server_url: str) -> None:
        if not self.server_url.text():
            self.server_url.setText(server_url)
        self.ctx.tasks.run(
            stored_credential,
            self.ctx.data_dir,
            on_done=self._show_state,
            on_error=lambda _exc: self._show_state(None),
        )

    def _show_state(self, cred: credentials.Credential | None) -> None:
        if cred is None:
            self.state.setText(self.tr("Quầy chưa đăng ký: hồ sơ chỉ lưu trên máy này."))
            self.state.setStyleSheet("color:#9a6700; font-weight:bold;")
            return
        self.state.setText(
            self.tr("Đã đăng ký: quầy số {n} của cơ quan {office} với máy chủ {url}").format(
                n=cred.station_number, office=cred.office_code, url=cred.server_url
            )
        )
        self.state.setStyleSheet("color:#145a2e; font-weight:bold;")
        if not self.server_url.text():
            self.server_url.setText(cred.server_url)

    def submit(self) -> None:
        self.errors.clear()
        self.button.setEnabled(False)
        self.ctx.tasks.run(
            enrol,
            self.ctx,
            self.server_url.text(),
            self.code.text(),
            on_done=self._done,
            on_error=self._failed,
            label=self.tr("Đang đăng ký với máy chủ…"),
        )

    def _done(self, cred: credentials.Credential | None) -> None:
        self.button.setEnabled(True)
        self.code.clear()
        self._show_state(cred)
        self.banner.show_message(
            self.tr("Đã đăng ký quầy với máy chủ; đồng bộ bắt đầu."), "success", 8000
        )
        self.enrolled.emit()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.errors.show(exc)

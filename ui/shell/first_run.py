"""First start on a data folder with no office: set up office, station and admin.

The same rules as ``main.py init`` apply, because both call
``app.office.office_setup.initialise``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.infra.storage import Database
from app.office import office_setup
from ui.shell.context import Context
from ui.widgets.forms import card, form_layout, heading, with_error
from ui.widgets.messages import Banner, FieldErrors


class FirstRunPage(QWidget):
    """Creates the data folder's office, counter station and administrator."""

    initialised = Signal(object, str, str)  # Database, admin username, office name

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addStretch(1)
        box = card()
        box.setFixedWidth(620)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 18, 28, 18)
        inner.addWidget(heading(self.tr("Thiết lập lần đầu"), 18))
        intro = QLabel(
            self.tr(
                "Thư mục dữ liệu {path} chưa có cơ quan. Nhập thông tin cơ quan, "
                "số quầy và tài khoản quản trị."
            ).format(path=ctx.data_dir)
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color:#57606a;")
        inner.addWidget(intro)
        self.banner = Banner()
        inner.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        form = form_layout()

        def line(name: str, placeholder: str = "", password: bool = False) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder)
            if password:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            return edit

        self.office_code = line("office_code", "000.00.24.H47")
        self.office_name = line("office_name", self.tr("Ủy ban nhân dân xã …"))
        self.parent_name = line("parent_name", self.tr("Cơ quan cấp trên (dòng đầu văn bản)"))
        self.place_name = line("place_name", self.tr("Địa danh ghi trên văn bản, ví dụ Hà Nội"))
        self.address = line("address")
        self.phone = line("phone")
        self.station = QSpinBox()
        self.station.setObjectName("station_number")
        self.station.setRange(1, 99)
        self.admin_user = line("admin_user", "quantri")
        self.admin_name = line("admin_full_name")
        self.password = line("admin_password", password=True)
        self.confirm = line("admin_confirm", password=True)
        rows = [
            (self.tr("Mã định danh cơ quan"), self.office_code, "office_code"),
            (self.tr("Tên cơ quan"), self.office_name, "office_name"),
            (self.tr("Cơ quan cấp trên"), self.parent_name, None),
            (self.tr("Địa danh"), self.place_name, None),
            (self.tr("Địa chỉ"), self.address, None),
            (self.tr("Điện thoại"), self.phone, None),
            (self.tr("Số quầy"), self.station, "station"),
            (self.tr("Tài khoản quản trị"), self.admin_user, "username"),
            (self.tr("Họ tên quản trị"), self.admin_name, None),
            (self.tr("Mật khẩu"), self.password, "password"),
            (self.tr("Nhập lại mật khẩu"), self.confirm, "confirm"),
        ]
        for label, widget, field in rows:
            form.addRow(label, with_error(widget, self.errors, field) if field else widget)
        self.errors.alias("agency_code", "office_code")
        self.errors.alias("sequence_slice", "station")
        inner.addLayout(form)
        self.submit = QPushButton(self.tr("Khởi tạo"))
        self.submit.setObjectName("initialise")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.initialise)
        inner.addWidget(self.submit, alignment=Qt.AlignmentFlag.AlignRight)
        row.addWidget(box)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

    def initialise(self) -> None:
        if self._busy:
            return
        self.errors.clear()
        if self.password.text() != self.confirm.text():
            self.errors.set("confirm", self.tr("Hai lần nhập mật khẩu không khớp."))
            self.confirm.setFocus()
            return
        request = office_setup.SetupRequest(
            office_code=self.office_code.text().strip(),
            office_name=self.office_name.text().strip(),
            station_number=self.station.value(),
            admin_user=self.admin_user.text().strip(),
            admin_password=self.password.text(),
            admin_full_name=self.admin_name.text().strip(),
            parent_name=self.parent_name.text().strip() or None,
            address=self.address.text().strip() or None,
            phone=self.phone.text().strip() or None,
            place_name=self.place_name.text().strip() or None,
        )
        self._busy = True
        self.submit.setEnabled(False)
        self.ctx.tasks.run(
            office_setup.initialise,
            self.ctx.data_dir,
            request,
            on_done=lambda db: self._done(db, request),
            on_error=self._failed,
            label=self.tr("Đang khởi tạo dữ liệu…"),
        )

    def _done(self, db: Database, request: office_setup.SetupRequest) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.initialised.emit(db, request.admin_user.lower(), request.office_name)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.errors.show(exc)

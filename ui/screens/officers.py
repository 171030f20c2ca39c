"""Cài đặt → Cán bộ: one's own password; for an administrator, the station's officers.

The rules (who may, password length, never the last administrator) live in
``app.office.officers``; this tab only collects what was typed. Password
hashing takes a noticeable moment, so every change runs on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.office import auth, officers
from app.office.auth import ROLE_LABELS_VI
from app.office.officers import OfficerRow
from ui.shell import i18n
from ui.shell.context import Context
from ui.widgets.forms import form_layout, group, with_error
from ui.widgets.messages import Banner, FieldErrors, describe


def _role_label(role: str) -> str:
    # The role's own name in English; the Vietnamese one the slips and the status bar use.
    return role if i18n.language() == "en" else ROLE_LABELS_VI.get(role, role)


def _password_box(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class OfficersTab(QWidget):
    """Change one's password; add, reset and deactivate officers (administrators)."""

    def __init__(self, ctx: Context, banner: Banner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banner = banner
        self.errors = FieldErrors(banner)
        self.rows: list[OfficerRow] = []
        root = QVBoxLayout(self)

        own = group(self.tr("Mật khẩu của tôi"))
        own_form = form_layout()
        own.setLayout(own_form)
        self.current = _password_box(self.tr("mật khẩu đang dùng"))
        self.current.setObjectName("own_current_password")
        self.new = _password_box(self.tr("ít nhất 8 ký tự"))
        self.new.setObjectName("own_new_password")
        self.repeat = _password_box("")
        self.repeat.setObjectName("own_repeat_password")
        self.change_button = QPushButton(self.tr("Đổi mật khẩu"))
        self.change_button.setObjectName("change_own_password")
        own_form.addRow(
            self.tr("Mật khẩu hiện tại"),
            with_error(self.current, self.errors, "current_password"),
        )
        own_form.addRow(self.tr("Mật khẩu mới"), with_error(self.new, self.errors, "password"))
        own_form.addRow(
            self.tr("Nhập lại mật khẩu mới"), with_error(self.repeat, self.errors, "repeat")
        )
        own_form.addRow("", self.change_button)
        root.addWidget(own)

        self.manage = group(self.tr("Cán bộ của quầy (quản trị)"))
        manage = QVBoxLayout(self.manage)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("officers_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tên đăng nhập"), self.tr("Họ tên"), self.tr("Vai trò"), self.tr("Tình trạng")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 150), (2, 170), (3, 200)):
            self.table.setColumnWidth(col, width)
        manage.addWidget(self.table, 1)

        chosen = QHBoxLayout()
        self.reset_password = _password_box(self.tr("mật khẩu mới cho cán bộ đã chọn"))
        self.reset_password.setObjectName("reset_password")
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu"))
        self.reset_button.setObjectName("reset_officer_password")
        self.toggle_button = QPushButton(self.tr("Khóa tài khoản"))
        self.toggle_button.setObjectName("toggle_officer")
        chosen.addWidget(with_error(self.reset_password, self.errors, "reset_password"), 1)
        chosen.addWidget(self.reset_button)
        chosen.addWidget(self.toggle_button)
        manage.addLayout(chosen)

        add_form = form_layout()
        self.username = QLineEdit()
        self.username.setObjectName("new_officer_username")
        self.username.setPlaceholderText(self.tr("chữ không dấu, ví dụ canbo2"))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("new_officer_name")
        self.role = QComboBox()
        self.role.setObjectName("new_officer_role")
        for role in auth.ROLES:
            self.role.addItem(_role_label(role), role)
        self.password = _password_box(self.tr("ít nhất 8 ký tự; cán bộ tự đổi sau"))
        self.password.setObjectName("new_officer_password")
        self.add_button = QPushButton(self.tr("Thêm cán bộ"))
        self.add_button.setObjectName("add_officer")
        add_form.addRow(
            self.tr("Tên đăng nhập"), with_error(self.username, self.errors, "username")
        )
        add_form.addRow(self.tr("Họ tên"), with_error(self.full_name, self.errors, "full_name"))
        add_form.addRow(self.tr("Vai trò"), self.role)
        add_form.addRow(
            self.tr("Mật khẩu ban đầu"), with_error(self.password, self.errors, "new_password")
        )
        add_form.addRow("", self.add_button)
        manage.addLayout(add_form)
        root.addWidget(self.manage, 1)

        self.change_button.clicked.connect(self.change_own)
        self.repeat.returnPressed.connect(self.change_own)
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.toggle_button.clicked.connect(self.toggle)
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())

    # --- loading -----------------------------------------------------------------------

    def load(self) -> None:
        actor = self.ctx.require_actor()
        admin = auth.can(actor, "officer.manage")
        self.manage.setVisible(admin)
        if admin:
            self.ctx.tasks.run(
                officers.list_officers,
                self.ctx.require_db(),
                actor,
                on_done=self._show,
                on_error=self.banner.show_error,
            )

    def _show(self, rows: list[OfficerRow]) -> None:
        keep = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            state = (
                self.tr("Đã khóa")
                if not row.active
                else self.tr("Tạm khóa (đăng nhập sai)")
                if row.locked
                else self.tr("Đang hoạt động")
            )
            values = (row.username, row.full_name, _role_label(row.role), state)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not row.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
            if keep is not None and row.username == keep.username:
                self.table.selectRow(r)
        self._selection_changed()

    def selected(self) -> OfficerRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.reset_button.setEnabled(row is not None)
        self.toggle_button.setEnabled(row is not None)
        active = row is None or row.active
        self.toggle_button.setText(self.tr("Khóa tài khoản") if active else self.tr("Mở lại"))

    # --- actions -----------------------------------------------------------------------

    def _run(self, fn, *args, done: str, clear: tuple[QLineEdit, ...]) -> None:
        self.errors.clear()

        def finished(_result) -> None:
            for edit in clear:
                edit.clear()
            self.banner.show_message(done, "success", 5000)
            self.load()

        self.ctx.tasks.run(
            fn,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            *args,
            on_done=finished,
            on_error=self.errors.show,
            label=self.tr("Đang lưu…"),
        )

    def change_own(self) -> None:
        self.errors.clear()
        if self.new.text() != self.repeat.text():
            self.errors.set("repeat", self.tr("Hai lần nhập mật khẩu mới không khớp."))
            self.repeat.setFocus()
            return
        self._run(
            officers.change_own_password,
            self.current.text(),
            self.new.text(),
            done=self.tr("Đã đổi mật khẩu của bạn."),
            clear=(self.current, self.new, self.repeat),
        )

    def add(self) -> None:
        username = self.username.text().strip().lower()
        self.errors.clear()
        # The initial password's rule is checked here too, so its message sits beside it.
        try:
            auth.check_password_rules(self.password.text())
        except DomainError as exc:
            self.errors.set("new_password", describe(exc))
            return
        self._run(
            officers.add,
            username,
            self.full_name.text(),
            self.role.currentData(),
            self.password.text(),
            done=self.tr("Đã thêm cán bộ {name}.").format(name=username),
            clear=(self.username, self.full_name, self.password),
        )

    def reset(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.errors.clear()
        try:
            auth.check_password_rules(self.reset_password.text())
        except DomainError as exc:
            self.errors.set("reset_password", describe(exc))
            return
        self._run(
            officers.reset_password,
            row.username,
            self.reset_password.text(),
            done=self.tr("Đã đặt lại mật khẩu cho {name}.").format(name=row.username),
            clear=(self.reset_password,),
        )

    def toggle(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._run(
            officers.set_active,
            row.username,
            not row.active,
            done=(
                self.tr("Đã mở lại tài khoản {name}.")
                if not row.active
                else self.tr("Đã khóa tài khoản {name}; cán bộ này không đăng nhập được nữa.")
            ).format(name=row.username),
            clear=(),
        )

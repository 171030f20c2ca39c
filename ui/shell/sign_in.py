"""Signing in at the counter, offline, against the station's own officer table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.office import auth
from app.office.auth import Actor
from ui.shell.context import Context
from ui.widgets.forms import card, form_layout, heading
from ui.widgets.messages import Banner


class SignInPage(QWidget):
    """Username and password; repeated failures lock the account (``app.office.auth``)."""

    signed_in = Signal(object)  # Actor

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        box = card()
        box.setFixedWidth(440)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 24, 28, 24)
        self.title = heading(self.tr("Đăng nhập MotCua Desk"), 18)
        inner.addWidget(self.title)
        self.office = QLabel()
        self.office.setTextFormat(Qt.TextFormat.PlainText)
        self.office.setWordWrap(True)
        self.office.setStyleSheet("color:#57606a;")
        inner.addWidget(self.office)
        self.banner = Banner()
        inner.addWidget(self.banner)
        form = form_layout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("ví dụ: canbo1"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        inner.addLayout(form)
        # Shown only to an officer whose record has no name yet (the
        # administrator made by ``init``): the slips they sign print it.
        self.name_label = QLabel(
            self.tr("Tài khoản chưa có họ tên. Nhập họ tên để in trên các phiếu bạn ký:")
        )
        self.name_label.setWordWrap(True)
        self.full_name = QLineEdit()
        self.full_name.setObjectName("own_full_name")
        self.full_name.setPlaceholderText(self.tr("ví dụ: Nguyễn Văn An"))
        inner.addWidget(self.name_label)
        inner.addWidget(self.full_name)
        self.name_label.hide()
        self.full_name.hide()
        self._pending: Actor | None = None
        self.submit = QPushButton(self.tr("Đăng nhập"))
        self.submit.setObjectName("sign_in")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.sign_in)
        inner.addWidget(self.submit, alignment=Qt.AlignmentFlag.AlignRight)
        hint = QLabel(
            self.tr("Đăng nhập không cần mạng. Sai mật khẩu nhiều lần, tài khoản sẽ tạm khóa.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#57606a; font-size:11px;")
        inner.addWidget(hint)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.sign_in)
        self.full_name.returnPressed.connect(self.sign_in)

    def reset(self, office_name: str = "", username: str = "") -> None:
        self.office.setText(office_name)
        self.username.setText(username)
        self.password.clear()
        self.banner.clear_message()
        self._pending = None
        self.name_label.hide()
        self.full_name.hide()
        (self.password if username else self.username).setFocus()

    def sign_in(self) -> None:
        if self._busy:
            return
        self.banner.clear_message()
        if self._pending is not None:
            self._save_name()
            return
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self.banner.show_error(self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        self._set_busy(True)
        self.ctx.tasks.run(
            auth.login,
            self.ctx.require_db(),
            name,
            password,
            self.ctx.now(),
            on_done=self._done,
            on_error=self._failed,
            label=self.tr("Đang đăng nhập…"),
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit.setEnabled(not busy)

    def _done(self, actor: Actor) -> None:
        self._set_busy(False)
        self.password.clear()
        if not actor.full_name.strip():
            self._pending = actor
            self.name_label.show()
            self.full_name.show()
            self.full_name.setFocus()
            return
        self._finish(actor)

    def _save_name(self) -> None:
        assert self._pending is not None
        self._set_busy(True)
        self.ctx.tasks.run(
            auth.set_own_full_name,
            self.ctx.require_db(),
            self._pending,
            self.full_name.text(),
            self.ctx.now(),
            on_done=self._finish,
            on_error=self._name_failed,
            label=self.tr("Đang lưu họ tên…"),
        )

    def _name_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.banner.show_error(exc)
        self.full_name.setFocus()

    def _finish(self, actor: Actor) -> None:
        self._set_busy(False)
        self._pending = None
        self.name_label.hide()
        self.full_name.hide()
        self.full_name.clear()
        self.signed_in.emit(actor)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        self.password.setFocus()
        self.banner.show_error(exc)

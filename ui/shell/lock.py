"""Locking the window after the office's idle time, and unlocking with a password.

Unlocking goes through ``app.office.auth.login`` for the same officer, so wrong
passwords count towards the account's lock-out exactly as at sign-in.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
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

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without keyboard or mouse input.

    Keys and clicks reach a top-level window (``QWindow``) before its widgets,
    so the watcher filters the windows, not the application: a Python filter
    on the application is called for every event of every object (paints,
    timers, layouts, workers' results) and each call waits for the interpreter
    while a worker holds it, which froze the window while a receipt's preview
    was built. The windows are looked up again whenever the focus moves to
    another one (a dialog, a message box).
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        app.focusWindowChanged.connect(self._watch_windows)
        self._watch_windows()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self, interval_ms: int) -> None:
        self._watch_windows()
        self._timer.start(max(1, interval_ms))

    def _watch_windows(self, *_focus: object) -> None:
        # Installing a filter twice on a window keeps one (Qt moves it to the front).
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False

    def detach(self) -> None:
        app = QApplication.instance()
        if app is None:
            return
        with contextlib.suppress(RuntimeError, TypeError):  # already detached
            app.focusWindowChanged.disconnect(self._watch_windows)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)


class LockPage(QWidget):
    """Covers the work area; only the signed-in officer's password opens it."""

    unlocked = Signal(object)  # Actor
    switch_user = Signal()

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
        inner.addWidget(heading(self.tr("Màn hình đã khóa"), 18))
        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setWordWrap(True)
        inner.addWidget(self.who)
        self.banner = Banner()
        inner.addWidget(self.banner)
        form = form_layout()
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mật khẩu"), self.password)
        inner.addLayout(form)
        buttons = QHBoxLayout()
        self.other = QPushButton(self.tr("Đăng nhập tài khoản khác"))
        self.other.setObjectName("switch_user")
        self.other.clicked.connect(self.switch_user)
        self.submit = QPushButton(self.tr("Mở khóa"))
        self.submit.setObjectName("unlock")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.unlock)
        buttons.addWidget(self.other)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        inner.addLayout(buttons)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.password.returnPressed.connect(self.unlock)

    def prepare(self, actor: Actor) -> None:
        self.who.setText(
            self.tr(
                "Cán bộ {name} ({user}) đang đăng nhập. Nhập mật khẩu để tiếp tục làm việc."
            ).format(name=actor.full_name, user=actor.username)
        )
        self.password.clear()
        self.banner.clear_message()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        if self._busy:
            return
        actor = self.ctx.require_actor()
        if not self.password.text():
            self.banner.show_error(self.tr("Hãy nhập mật khẩu."))
            return
        self._busy = True
        self.submit.setEnabled(False)
        self.ctx.tasks.run(
            auth.login,
            self.ctx.require_db(),
            actor.username,
            self.password.text(),
            self.ctx.now(),
            on_done=self._done,
            on_error=self._failed,
            label=self.tr("Đang kiểm tra mật khẩu…"),
        )

    def _done(self, actor: Actor) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.password.clear()
        self.unlocked.emit(actor)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.banner.show_error(exc)

"""The screen facing the citizen: rate the service with a touch, a numeric keypad or a QR.

It opens full-screen on a second monitor the station picks (setting
``customer_screen``) when a dossier is received and when its result is handed
over, and never takes the keyboard from the clerk: it shows without
activating and accepts no focus. A USB numeric keypad types into whatever
window has focus, so while a rating is awaited the keypad's 1, 2 and 3 are
caught application-wide (they carry Qt's keypad modifier; without Num Lock
they arrive as End, Down and Page Down), except while the clerk is typing in
a text field. The clerk's own keys are left alone.

The rating is written by ``app.dossiers.ratings`` like any change, so it works
offline and syncs later; it never names the officer on the counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeyEvent, QPainter, QPixmap, QScreen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import satisfaction
from ui.shell.context import Context

if TYPE_CHECKING:
    from app.dossiers.ratings import RatingQuestion, RatingReceipt

# Unanswered, the question goes away by itself: the next citizen is not asked about it.
WAIT_MS = 90_000
THANKS_MS = 3_000
_COLOURS = {1: "#c62828", 2: "#d98200", 3: "#2e7d32"}
_KEYPAD = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    # The same keys with Num Lock off.
    Qt.Key.Key_End: 1,
    Qt.Key.Key_Down: 2,
    Qt.Key.Key_PageDown: 3,
}
_SUBMIT_KEYS = (Qt.Key.Key_Enter, Qt.Key.Key_Return)
_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


@dataclass
class _Row:
    key: str  # "" for the overall question
    label: QLabel
    buttons: dict[int, QPushButton]
    score: int | None = None


def pick_screen(setting: str, beside: QScreen | None) -> QScreen | None:
    """The screen the setting names: ``off``; ``auto`` (any screen but the clerk's);
    a screen's name; or its number counted from 1."""
    value = (setting or "auto").strip()
    screens = QGuiApplication.screens()
    if value.lower() in ("off", "0", "tắt"):
        return None
    if value.lower() == "auto":
        others = [s for s in screens if s is not beside]
        return others[0] if others else None
    if value.isdigit():
        index = int(value) - 1
        return screens[index] if 0 <= index < len(screens) else None
    named = [s for s in screens if s.name() == value]
    return named[0] if named else None


def qr_pixmap(text: str, size: int) -> QPixmap:
    # Loaded with the first QR shown: the PDF and array libraries stay out of the start.
    from app.paper.render.qr import qr_matrix

    matrix = qr_matrix(text)
    count = len(matrix) + 8  # four modules of quiet zone each side
    image = QImage(count, count, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x + 4, y + 4, 1, 1, QColor("black"))
    painter.end()
    scaled = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio)
    return QPixmap.fromImage(scaled)


def _question(*args: Any) -> RatingQuestion | None:
    # The ratings use case loads on the worker when first asked: the window
    # builds this screen at start, long before any citizen rates.
    from app.dossiers import ratings

    return ratings.question(*args)


def _record(*args: Any) -> RatingReceipt:
    from app.dossiers import ratings

    return ratings.record(*args)


class CustomerScreen(QWidget):
    """The citizen's rating window; one per main window."""

    # The rating stored (a RatingReceipt), or the question dropped unanswered.
    rated = Signal(object)
    dismissed = Signal()

    def __init__(self, ctx: Context, counter: QWidget | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.ctx = ctx
        # The clerk's window: the citizen's screen is another one.
        self.counter = counter
        self.setObjectName("customer_screen")
        self.setWindowTitle(self.tr("Đánh giá mức độ hài lòng"))
        # The clerk keeps the keyboard: showing this window must not take it away.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.question: RatingQuestion | None = None
        self.rows: list[_Row] = []
        self.current = 0
        self.receipt: RatingReceipt | None = None
        self._sending = False
        self._shut = False
        self._via = "screen"
        self.wait_ms = WAIT_MS
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self.dismiss)
        self._after = QTimer(self)
        self._after.setSingleShot(True)
        self._after.timeout.connect(self._finish)
        self._build()
        # The keypad filter watches the whole application only while a question is
        # on screen (see showEvent): a Python filter there costs every Qt event of the
        # counter window a call into the interpreter.
        self._filtering = False

    # --- layout ----------------------------------------------------------------------

    def set_office(self, name: str) -> None:
        self.office.setText(name)

    def _build(self) -> None:
        self.setStyleSheet(
            "#customer_screen { background: #f4f7fb; }"
            "QLabel { color: #1a2733; }"
            "QLabel#customer_title { font-size: 30px; font-weight: bold; }"
            "QLabel#customer_office { font-size: 18px; color: #3b5068; }"
            "QLabel#customer_row { font-size: 22px; }"
            'QLabel#customer_row[current="true"] { font-weight: bold; color: #0b57d0; }'
            "QLabel#customer_hint { font-size: 17px; color: #3b5068; }"
            "QLabel#customer_thanks { font-size: 40px; font-weight: bold; color: #2e7d32; }"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)

        ask = QWidget()
        layout = QVBoxLayout(ask)
        layout.setSpacing(14)
        self.office = office = QLabel()
        office.setObjectName("customer_office")
        office.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("customer_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("customer_office")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(office)
        layout.addWidget(self.title)
        layout.addWidget(self.code)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(20)
        for column in (1, 2, 3):
            self.grid.setColumnStretch(column, 1)
        self.grid.setVerticalSpacing(10)
        layout.addWidget(self.grid_host, 1)

        bottom = QHBoxLayout()
        hints = QVBoxLayout()
        self.keypad_hint = QLabel(
            self.tr(
                "Chạm vào một nút, hoặc bấm phím 1, 2, 3 trên bàn phím số.\n"
                "Đánh giá là ẩn danh: cán bộ không xem được đánh giá của từng người."
            )
        )
        self.keypad_hint.setObjectName("customer_hint")
        self.keypad_hint.setWordWrap(True)
        hints.addWidget(self.keypad_hint)
        self.send = QPushButton(self.tr("Gửi đánh giá"))
        self.send.setObjectName("customer_send")
        self.send.setMinimumHeight(64)
        self.send.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.send.setStyleSheet("font-size: 22px; padding: 8px 28px;")
        self.send.clicked.connect(lambda: self.submit("screen"))
        hints.addWidget(self.send, 0, Qt.AlignmentFlag.AlignLeft)
        bottom.addLayout(hints, 1)
        qr_box = QVBoxLayout()
        self.qr = QLabel()
        self.qr.setObjectName("customer_qr")
        self.qr_hint = QLabel(self.tr("Hoặc quét mã để đánh giá\ntrên điện thoại"))
        self.qr_hint.setObjectName("customer_hint")
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr_box.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignCenter)
        qr_box.addWidget(self.qr_hint)
        bottom.addLayout(qr_box)
        layout.addLayout(bottom)
        self.pages.addWidget(ask)

        self.thanks = QLabel()
        self.thanks.setObjectName("customer_thanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)
        self.pages.addWidget(self.thanks)

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.label.deleteLater()
            for button in row.buttons.values():
                button.deleteLater()
        self.rows = []

    def _add_row(self, key: str, text: str, big: bool) -> None:
        index = len(self.rows)
        label = QLabel(text)
        label.setObjectName("customer_row")
        label.setWordWrap(True)
        label.setMinimumWidth(200)
        buttons: dict[int, QPushButton] = {}
        height = 150 if big else 56
        for column, score in enumerate(satisfaction.SCORES, start=1):
            name = satisfaction.SCORES[score]
            button = QPushButton(f"{score}\n{name}" if big else f"{score}  {name}")
            button.setObjectName(f"rate_{key or 'overall'}_{score}")
            button.setMinimumHeight(height)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCheckable(True)
            button.setStyleSheet(
                f"QPushButton {{ font-size: {30 if big else 18}px; font-weight: bold;"
                f" color: white; background: {_COLOURS[score]}; border-radius: 14px;"
                " padding: 6px 14px; }"
                " QPushButton:checked { border: 6px solid #0b1f33; }"
            )
            button.clicked.connect(
                lambda _checked=False, i=index, s=score: self.answer(s, "screen", row=i)
            )
            buttons[score] = button
            self.grid.addWidget(button, index, column)
        self.grid.addWidget(label, index, 0)
        self.rows.append(_Row(key, label, buttons))

    # --- asking ----------------------------------------------------------------------

    def target_screen(self) -> QScreen | None:
        beside = self.counter.screen() if self.counter is not None else None
        return pick_screen(
            self.ctx.settings.get("customer_screen", "auto"),
            beside or QGuiApplication.primaryScreen(),
        )

    def ask(self, code: str, stage: str) -> None:
        """Ask the citizen about ``code`` at ``stage`` if the station has a screen for it."""
        if self.ctx.db is None or self.ctx.actor is None:
            return
        screen = self.target_screen()
        if screen is None:
            return
        self.ctx.tasks.run(
            _question,
            self.ctx.db,
            self.ctx.actor,
            code,
            stage,
            on_done=lambda question: self.present(question, screen),
            # Nothing to ask (cancelled, not this office's): the counter goes on.
            on_error=lambda _exc: None,
            label=self.tr("Chuẩn bị màn hình đánh giá…"),
        )

    def present(self, question: RatingQuestion | None, screen: QScreen | None = None) -> None:
        if question is None:
            return
        self.question = question
        self.receipt = None
        self._sending = False
        self._clear_rows()
        what = (
            self.tr("Ông/bà hài lòng thế nào với việc tiếp nhận hồ sơ?")
            if question.stage == "intake"
            else self.tr("Ông/bà hài lòng thế nào với việc trả kết quả?")
        )
        self.title.setText(what)
        self.code.setText(self.tr("Hồ sơ {code}").format(code=question.code))
        self._add_row("", self.tr("Đánh giá chung"), big=not question.criteria)
        for key, label in question.criteria:
            self._add_row(key, label, big=False)
        # With one question, the three buttons say it all.
        self.rows[0].label.setVisible(bool(question.criteria))
        self.send.setVisible(bool(question.criteria))
        self.send.setEnabled(False)
        if question.public_url:
            # Smaller beside the criteria, so every row keeps its height on 768 lines.
            size = 140 if question.criteria else 200
            self.qr.setPixmap(qr_pixmap(question.public_url, size))
        self.qr.setVisible(bool(question.public_url))
        self.qr_hint.setVisible(bool(question.public_url))
        self._move_to(0)
        self.pages.setCurrentIndex(0)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self._after.stop()
        self._wait.start(self.wait_ms)

    @property
    def waiting(self) -> bool:
        return self.isVisible() and self.question is not None and self.receipt is None

    def _move_to(self, index: int) -> None:
        self.current = index
        for i, row in enumerate(self.rows):
            row.label.setProperty("current", "true" if i == index else "false")
            row.label.style().unpolish(row.label)
            row.label.style().polish(row.label)

    def answer(self, score: int, via: str, row: int | None = None) -> None:
        """The citizen chose ``score`` for a row (the current one by default)."""
        if not self.waiting or self._sending:
            return
        index = self.current if row is None else row
        target = self.rows[index]
        target.score = score
        for value, button in target.buttons.items():
            button.setChecked(value == score)
        self._via = via
        self.send.setEnabled(self.rows[0].score is not None)
        unanswered = [i for i, r in enumerate(self.rows) if r.score is None]
        if not unanswered:
            self.submit(via)
            return
        later = [i for i in unanswered if i > index]
        self._move_to(later[0] if later else unanswered[0])
        self._wait.start(self.wait_ms)

    def submit(self, via: str | None = None) -> None:
        if not self.waiting or self._sending or not self.rows or self.rows[0].score is None:
            return
        assert self.question is not None
        self._sending = True
        self._wait.stop()
        criteria = {r.key: r.score for r in self.rows[1:] if r.score is not None}
        self.ctx.tasks.run(
            _record,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.question.code,
            self.question.stage,
            self.rows[0].score,
            criteria,
            via or self._via,
            on_done=self._recorded,
            on_error=self._refused,
            label=self.tr("Đang ghi nhận đánh giá…"),
        )

    def _recorded(self, receipt: RatingReceipt) -> None:
        self.receipt = receipt
        self.thanks.setText(self.tr("Cảm ơn ông/bà đã đánh giá!"))
        self.pages.setCurrentIndex(1)
        self._after.start(THANKS_MS)
        self.rated.emit(receipt)

    def _refused(self, exc: BaseException) -> None:
        message = getattr(exc, "message_vi", None) or self.tr("Chưa ghi nhận được đánh giá.")
        self.receipt = None
        self.question = None
        self.thanks.setText(message)
        self.pages.setCurrentIndex(1)
        self._after.start(THANKS_MS)

    def _finish(self) -> None:
        self.question = None
        self.hide()

    def dismiss(self) -> None:
        """The citizen did not rate: nothing is stored."""
        if self.isVisible() and self.receipt is None:
            self.dismissed.emit()
        self._after.stop()
        self._wait.stop()
        self.question = None
        self.hide()

    # --- keys ------------------------------------------------------------------------

    def _key(self, event: QKeyEvent, keypad_only: bool) -> bool:
        """Handle a key meant for the rating; ``True`` when it was one."""
        key = Qt.Key(event.key())
        from_keypad = bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)
        if keypad_only and not from_keypad:
            return False
        if key in _KEYPAD and (from_keypad or key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)):
            self.answer(_KEYPAD[key], "keypad")
            return True
        if key in _SUBMIT_KEYS and self.rows and self.rows[0].score is not None:
            self.submit("keypad")
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if self.waiting and self._key(event, keypad_only=False):
            return
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or not self.waiting:
            return False
        if not isinstance(watched, QWidget) or watched is self or self.isAncestorOf(watched):
            return False
        focus = QApplication.focusWidget()
        typing = isinstance(focus, _TEXT_INPUTS) or (
            isinstance(focus, QComboBox) and focus.isEditable()
        )
        if typing:
            return False
        # Each key press reaches the filter once per widget it is offered to.
        if watched is not (focus or QApplication.activeWindow()):
            return False
        return self._key(event, keypad_only=True)  # type: ignore[arg-type]

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._filtering:
            QApplication.instance().installEventFilter(self)
            self._filtering = True

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._stop_filtering()
        super().hideEvent(event)

    def _stop_filtering(self) -> None:
        app = QApplication.instance()
        if self._filtering and app is not None:
            app.removeEventFilter(self)
        self._filtering = False

    def shut(self) -> None:
        """The counter window is closing: this one goes with it, for good."""
        self._shut = True
        self._wait.stop()
        self._after.stop()
        self._stop_filtering()
        self.close()
        self.deleteLater()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self._shut:
            # Closed from the system (no window manager should): just drop the question.
            event.ignore()
            self.dismiss()
            return
        super().closeEvent(event)

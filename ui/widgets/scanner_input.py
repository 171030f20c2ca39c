"""Recognising an ID card QR typed by a USB scanner into whatever field has focus.

A scanner in keyboard mode "types" the payload ``id|old id|name|birth|sex|
address|issued`` followed (usually) by Enter. The payload always starts with
the 12-digit ID number and a ``|``, which nobody types by hand, so that is
the signal: from the ``|`` on, keystrokes are captured instead of delivered,
the 12 digits already typed are taken back out of the field, and when the
scanner stops (Enter, Tab, or a short pause) the payload is parsed and
handed over by signal. The raw payload never stays in a field.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.domain import cccd
from app.domain.errors import DomainError

# A scanner stops typing for good after this long; people pause longer between fields.
END_PAUSE_MS = 250
# Digits typed further apart than this are not one burst.
RESET_GAP_S = 2.0
_ID_TAIL = re.compile(r"\d{12}$")
_ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


class ScannerWatcher(QObject):
    """Watches key presses inside ``root`` and turns a CCCD QR burst into ``scanned``."""

    scanned = Signal(object)  # app.domain.cccd.CccdData
    scan_failed = Signal(object)  # DomainError
    capturing_changed = Signal(bool)

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self._root = root
        self._recent = ""
        self._recent_at = 0.0
        self._recent_target: QObject | None = None
        self._buffer: list[str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._finish)
        QApplication.instance().installEventFilter(self)
        root.destroyed.connect(self._detach)

    @property
    def capturing(self) -> bool:
        return self._buffer is not None

    def _detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if self._buffer is not None:
            if kind == QEvent.Type.ShortcutOverride:
                # Keep keys of the payload from triggering window shortcuts.
                event.accept()
                return True
            return self._capture(event)
        if kind != QEvent.Type.KeyPress or not self._inside(obj):
            return False
        return self._watch(obj, event)

    def _inside(self, obj: QObject) -> bool:
        return (
            isinstance(obj, QWidget)
            and self._root.isVisible()
            and (obj is self._root or self._root.isAncestorOf(obj))
        )

    def _watch(self, obj: QObject, event: QKeyEvent) -> bool:
        text = event.text()
        now = time.monotonic()
        if obj is not self._recent_target or now - self._recent_at > RESET_GAP_S:
            self._recent = ""
            self._recent_target = obj
        self._recent_at = now
        if text == "|" and _ID_TAIL.search(self._recent):
            digits = self._recent[-12:]
            self._recent = ""
            self._take_back(obj, digits)
            self._buffer = [digits, "|"]
            self._timer.start(END_PAUSE_MS)
            self.capturing_changed.emit(True)
            return True
        if text and text.isprintable():
            self._recent = (self._recent + text)[-40:]
        elif event.key() == Qt.Key.Key_Backspace:
            self._recent = self._recent[:-1]
        return False

    @staticmethod
    def _take_back(obj: QObject, digits: str) -> None:
        if not isinstance(obj, QLineEdit):
            return
        pos = obj.cursorPosition()
        value = obj.text()
        if value[:pos].endswith(digits):
            obj.setText(value[: pos - len(digits)] + value[pos:])
            obj.setCursorPosition(pos - len(digits))

    def _capture(self, event: QKeyEvent) -> bool:
        if event.key() in _ENDS:
            self._finish()
            return True
        text = event.text()
        if text and (text.isprintable() or text == " "):
            self._buffer.append(text)
        self._timer.start(END_PAUSE_MS)
        return True

    def _finish(self) -> None:
        if self._buffer is None:
            return
        payload = "".join(self._buffer)
        self._buffer = None
        self._timer.stop()
        self.capturing_changed.emit(False)
        try:
            card = cccd.parse_cccd_qr(payload)
        except DomainError as exc:
            self.scan_failed.emit(exc)
            return
        self.scanned.emit(card)

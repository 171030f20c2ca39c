"""Recognising what a USB scanner types (ID card QR, receipt QR) into whatever has focus.

A scanner in keyboard mode types its payload as keystrokes, holding Shift
for ``|`` or ``:`` (or AltGr, or Shift for the digits on some layouts), and
usually ends with Enter. ``app.domain.scanstream`` decides from the stream of
*characters* when a burst starts and how long a silence ends it; this module
feeds it from Qt's key and input-method events:

* keys without text (Shift, AltGr, Ctrl, dead keys) are not characters and
  change nothing; a dead key's composed letter arrives as an input-method
  commit and counts as one character;
* a key event that the focused widget ignores travels on to its parents; that
  is the same keystroke, counted once;
* the digits of an Alt+numpad code are not characters (the letter comes when
  Alt is released).

From the start of a burst on, keys are captured instead of delivered, and the
characters already typed into the field are taken back out, so the raw payload
never stays in a field.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.domain import cccd, scanstream
from app.domain.errors import DomainError

_ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_ALT_CODE = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.KeypadModifier


class ScannerWatcher(QObject):
    """Watches keys inside ``root``; an ID card burst becomes ``scanned``, a receipt ``receipt``."""

    scanned = Signal(object)  # app.domain.cccd.CccdData
    receipt = Signal(str)  # the look-up link printed on a receipt
    scan_failed = Signal(object)  # DomainError
    capturing_changed = Signal(bool)

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self._root = root
        self.stream = scanstream.KeyStream()
        self._last_event = (0, None)  # (C++ address, receiver) of the last key press seen
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._finish)
        # The watcher filters the whole application only while ``root`` is on screen
        # or a burst is being read: a Python filter there is called for every Qt
        # event of the window, and off this screen it has nothing to do.
        self._filtering = False
        self._visibility = _Visibility(root, self._root_shown)
        if root.isVisible():
            self._root_shown(True)
        root.destroyed.connect(self._detach)

    @property
    def capturing(self) -> bool:
        return self.stream.capturing

    def _root_shown(self, shown: bool) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if shown and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        elif not shown and self._filtering and not self.capturing:
            app.removeEventFilter(self)
            self._filtering = False

    def _detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._filtering = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            if self.capturing:
                # Keep keys of the payload from triggering window shortcuts.
                event.accept()
                return True
            return False
        if kind == QEvent.Type.KeyRelease:
            self._last_event = (0, None)
            return False
        if kind == QEvent.Type.InputMethod:
            return self._input_method(obj, event)
        if kind != QEvent.Type.KeyPress:
            return False
        if not self.capturing and not self._inside(obj):
            return False
        if self._propagated(obj, event):
            return self.capturing
        return self._key(obj, event)

    def _inside(self, obj: QObject) -> bool:
        return (
            isinstance(obj, QWidget)
            and self._root.isVisible()
            and (obj is self._root or self._root.isAncestorOf(obj))
        )

    def _propagated(self, obj: QObject, event: QEvent) -> bool:
        """Is this the same key press, passed on to a parent by a widget that ignored it?"""
        address = shiboken6.getCppPointer(event)[0]
        last_address, last_obj = self._last_event
        self._last_event = (address, obj)
        return (
            address == last_address
            and isinstance(last_obj, QWidget)
            and isinstance(obj, QWidget)
            and obj is not last_obj
            and obj.isAncestorOf(last_obj)
        )

    def _key(self, obj: QObject, event: QKeyEvent) -> bool:
        if self.capturing and event.key() in _ENDS:
            self._finish()
            return True
        if event.key() == Qt.Key.Key_Backspace:
            self.stream.backspace()
            return self.capturing
        if (event.modifiers() & _ALT_CODE) == _ALT_CODE:
            return self.capturing  # a digit of an Alt+numpad code, not a character
        text = event.text()
        if not text or not all(ch.isprintable() for ch in text):
            return self.capturing
        return self._chars(obj, text)

    def _input_method(self, obj: QObject, event: QInputMethodEvent) -> bool:
        text = event.commitString()
        if not text or (not self.capturing and not self._inside(obj)):
            return False
        return self._chars(obj, text)

    def _chars(self, obj: QObject, text: str) -> bool:
        step = self.stream.char(text, time.monotonic(), obj)
        if step.take_back:
            self._take_back(obj, step.take_back)
        if step.started:
            self.capturing_changed.emit(True)
        if self.capturing:
            self._timer.start(round(self.stream.pause_s() * 1000))
        return step.swallow

    @staticmethod
    def _take_back(obj: QObject, typed: str) -> None:
        if not isinstance(obj, QLineEdit):
            return
        pos = obj.cursorPosition()
        value = obj.text()
        if value[:pos].endswith(typed):
            obj.setText(value[: pos - len(typed)] + value[pos:])
            obj.setCursorPosition(pos - len(typed))

    def _finish(self) -> None:
        self._timer.stop()
        burst = self.stream.finish()
        if burst is None:
            return
        self.capturing_changed.emit(False)
        if not self._root.isVisible():
            self._root_shown(False)  # the burst outlived the screen
        self.deliver(burst.kind, burst.payload)

    def deliver(self, kind: str, payload: str) -> None:
        """A payload read by any scanner (keyboard burst or serial line) reaches the screen."""
        if kind == scanstream.RECEIPT:
            if scanstream.receipt_link(payload):
                self.receipt.emit(payload.strip())
            else:
                self.scan_failed.emit(
                    DomainError(
                        "bad_receipt_qr",
                        "Mã QR vừa quét không phải mã tra cứu trên giấy tiếp nhận.",
                        "The scanned QR code is not a receipt's look-up code.",
                    )
                )
            return
        try:
            card = cccd.parse_cccd_qr(payload)
        except DomainError as exc:
            self.scan_failed.emit(exc)
            return
        self.scanned.emit(card)


def classify(payload: str) -> str | None:
    """The kind of a whole payload (from a serial scanner): CCCD, RECEIPT or ``None``."""
    text = payload.strip()
    if cccd.looks_like_cccd_qr(text):
        return scanstream.CCCD
    if scanstream.receipt_link(text):
        return scanstream.RECEIPT
    return None


class _Visibility(QObject):
    """Tells when a widget is shown or hidden (a filter on that widget alone)."""

    def __init__(self, widget: QWidget, changed: Callable[[bool], None]) -> None:
        super().__init__(widget)
        self._changed = changed
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.Show:
            self._changed(True)
        elif kind == QEvent.Type.Hide:
            self._changed(False)
        return False

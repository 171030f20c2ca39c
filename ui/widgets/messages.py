"""Showing problems where the clerk is looking: beside the field, in Vietnamese.

A ``DomainError`` carries its own Vietnamese and English text and often the
name of the field at fault; anything else is an unexpected failure, logged
with its traceback and shown as one plain sentence. No traceback ever
reaches the screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.domain.errors import DomainError, DomainErrors
from ui.shell import i18n

log = logging.getLogger("motcua.ui")

_STYLES = {
    "error": "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0;",
    "info": "background:#e8f1fb; color:#123d6a; border:1px solid #b9d3f0;",
    "success": "background:#e7f6ec; color:#145a2e; border:1px solid #b5e0c2;",
}


def describe(exc: BaseException) -> str:
    """The sentence to show for ``exc`` in the window's language."""
    if isinstance(exc, DomainError):
        return exc.message(i18n.language())
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "messages",
        "Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện. "
        "Chi tiết đã được ghi vào nhật ký.",
    )


def field_of(exc: BaseException) -> str | None:
    return exc.field if isinstance(exc, DomainError) else None


class Banner(QLabel):
    """A one-line message strip at the top of a page (never a modal box)."""

    def __init__(self, parent: QWidget | None = None, *, reserve: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        if reserve:
            # On a form being typed into, a message must not push the fields away from
            # under the clerk's eyes (or the mouse): the strip keeps two lines' room.
            policy.setRetainSizeWhenHidden(True)
            self.setFixedHeight(2 * self.fontMetrics().lineSpacing() + 16)
        self.setSizePolicy(policy)
        self.setObjectName("banner")
        self.kind = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self.hide()

    def show_message(self, text: str, kind: str = "info", timeout_ms: int = 0) -> None:
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(
            f"QLabel#banner {{ {_STYLES[kind]} padding:6px 10px; border-radius:4px; }}"
        )
        self.setAccessibleDescription(text)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def show_error(self, exc: BaseException | str) -> None:
        self.show_message(exc if isinstance(exc, str) else describe(exc), "error")

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()


class FieldErrors:
    """Inline error labels, one under each input, keyed by the use case's field names."""

    def __init__(self, banner: Banner) -> None:
        self._labels: dict[str, QLabel] = {}
        self._banner = banner

    def label_for(self, field: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(f"error_{field}")
        label.setStyleSheet("color:#b3261e; font-size:11px;")
        label.setWordWrap(True)
        label.hide()
        self._labels[field] = label
        return label

    def alias(self, field: str, same_as: str) -> None:
        """Errors about ``field`` are shown where ``same_as`` shows its own."""
        self._labels[field] = self._labels[same_as]

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()
        self._banner.clear_message()

    def set(self, field: str, message: str) -> None:
        label = self._labels[field]
        label.setText(message)
        label.show()

    def show(self, exc: BaseException) -> str | None:
        """Place ``exc`` beside its field if there is one, else in the banner.

        Several mistakes (``DomainErrors``) are each placed beside their own
        field at once; those without one share the banner. Returns the first
        field a message was shown beside, if any.
        """
        shown = self.show_all(exc)
        return shown[0] if shown else None

    def show_all(self, exc: BaseException) -> list[str]:
        """Like :meth:`show`; returns every field a message was shown beside."""
        errors = exc.errors if isinstance(exc, DomainErrors) else (exc,)
        shown: list[str] = []
        loose: list[str] = []
        for error in errors:
            message = describe(error)
            field = field_of(error)
            if field in self._labels and field not in shown:
                self.set(field, message)
                shown.append(field)
            elif field in self._labels:
                # A second mistake in the same field goes on the next line.
                self.set(field, self.text(field) + "\n" + message)
            else:
                loose.append(message)
        if loose:
            self._banner.show_error("\n".join(loose))
        return shown

"""The intake screen's strip saying the station was restored from a backup.

The status bar's warnings are for supervisors; this one is for whoever is at
the counter: after a restore the codes are held back until the next sync, or
skipped ahead when the server was out of reach, and the clerk must know why
a code jumped or an intake is refused before the citizen asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class RestoreNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_notice")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "QLabel#restore_notice { background:#fff4e5; color:#8a4b00; font-weight:bold;"
            " border:1px solid #f0c36d; padding:6px 10px; border-radius:4px; }"
        )
        self.hide()

    def show_notice(self, text: str | None) -> None:
        """``text`` from the counter's status; None hides the strip."""
        self.setText("⚠ " + text if text else "")
        self.setAccessibleDescription(text or "")
        self.setVisible(bool(text))

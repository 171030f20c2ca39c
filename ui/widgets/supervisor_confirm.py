"""A supervisor's confirmation at the counter: their username and password, typed there.

Used where the clerk may not decide alone: an appointment date typed by hand
for a procedure the catalogue gives no processing time, or an applicant whose
ID number disagrees with the card. The password is checked by the use case
(with the sign-in lock-out) and never kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget


class SupervisorConfirm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.username = QLineEdit()
        self.username.setObjectName("confirm_user")
        self.username.setPlaceholderText(self.tr("Tên đăng nhập lãnh đạo"))
        self.password = QLineEdit()
        self.password.setObjectName("confirm_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Mật khẩu"))
        row.addWidget(self.username, 1)
        row.addWidget(self.password, 1)

    def credentials(self) -> tuple[str, str] | None:
        """``(username, password)`` when anything was typed, else None."""
        user, password = self.username.text().strip(), self.password.text()
        return (user, password) if user or password else None

    def clear(self) -> None:
        self.username.clear()
        self.password.clear()

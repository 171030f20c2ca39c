"""The receive screen's "fee paid" tick and, once ticked, how the citizen paid.

Most fees are paid at the counter while the dossier is received; without the
method those fees would stay out of the cashless share. The list is the pay
dialog's, and so is the memory of the method last chosen: a counter mostly
takes one kind (its POS, its transfer QR), so the next fee starts there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.domain.errors import DomainError, ErrorCollector
from ui.widgets.forms import with_error
from ui.widgets.life_dialog import LifeDialog, fill_methods
from ui.widgets.messages import FieldErrors

FIELD = "fee_payment_method"


class FeePaidBox(QWidget):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self.tr("Đã thu lệ phí"))
        self.box.setObjectName("fee_paid")
        self.method = QComboBox()
        self.method.setObjectName(FIELD)
        fill_methods(self.method)
        self.method_label = QLabel(self.tr("Hình thức nộp"))
        self.method_field = with_error(self.method, errors, FIELD)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.method_label)
        layout.addWidget(self.method_field, 1)
        self.box.toggled.connect(self._ticked)
        self._show_method()

    def tab_chain(self) -> list[QWidget]:
        return [self.box, self.method]

    def asks_method(self) -> bool:
        # A fee of 0 is ticked paid and locked: nothing was paid in any way.
        return self.box.isChecked() and self.box.isEnabled()

    def _ticked(self, checked: bool) -> None:
        if checked and self.method.currentData() is None and LifeDialog.last_method:
            self.method.setCurrentIndex(self.method.findData(LifeDialog.last_method))
        self._show_method()

    def _show_method(self) -> None:
        shown = self.asks_method()
        self.method_label.setVisible(shown)
        self.method_field.setVisible(shown)

    def set_free(self, free: bool) -> None:
        """The procedure's fee is known: none to pay ticks and locks the box."""
        self.box.setChecked(free)
        self.box.setEnabled(not free)
        self._show_method()

    def reset(self) -> None:
        self.box.setChecked(False)
        self.box.setEnabled(True)
        self.method.setCurrentIndex(0)
        self._show_method()

    def values(self) -> dict[str, Any]:
        """``fee_paid`` and, when asked and chosen, ``fee_payment_method`` for the intake."""
        found: dict[str, Any] = {"fee_paid": self.box.isChecked()}
        if self.asks_method() and self.method.currentData() is not None:
            found[FIELD] = self.method.currentData()
        return found

    def require_method(self, found: ErrorCollector) -> None:
        """Receiving with the box ticked: the method must be chosen (listed with the rest)."""
        if self.asks_method() and self.method.currentData() is None:
            found.add(
                DomainError(
                    "payment_method_required",
                    self.tr("Chọn hình thức công dân đã nộp phí, lệ phí."),
                    field=FIELD,
                )
            )

    def remember(self) -> None:
        """The dossier was received: its method is where the next fee starts."""
        if self.asks_method() and self.method.currentData() is not None:
            LifeDialog.last_method = self.method.currentData()

"""Small layout helpers shared by the screens' forms."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.messages import FieldErrors


def with_error(widget: QWidget, errors: FieldErrors, field: str) -> QWidget:
    """``widget`` with its inline error line underneath."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    label = errors.label_for(field, box)
    layout.addWidget(label)
    hide_on_edit(widget, label)
    return box


def hide_on_edit(widget: QWidget, label: QWidget) -> None:
    """An error message goes as soon as the clerk changes what it was about."""
    for signal in ("textEdited", "currentIndexChanged", "valueChanged", "itemChanged"):
        if hasattr(widget, signal):
            getattr(widget, signal).connect(lambda *_a, lab=label: lab.hide())
            return


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(4)
    return form


def group(title: str) -> QGroupBox:
    box = QGroupBox(title)
    box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
    return box


def heading(text: str, size: int = 15) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"font-size:{size}px; font-weight:bold;")
    return label


def card() -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setStyleSheet(
        "QFrame#card { background:#ffffff; border:1px solid #d0d7de; border-radius:6px; }"
    )
    return frame


class ElidedLabel(QLabel):
    """One line that gives way when squeezed instead of pushing its neighbours off.

    When the text does not fit, ``fallback`` (a shorter wording) is shown, and
    only if that does not fit either is it cut with "…". Clicking emits ``clicked``.
    """

    clicked = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.fallback = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def shown_text(self) -> str:
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        for text in (self.text(), self.fallback):
            if text and metrics.horizontalAdvance(text) <= width:
                return text
        return metrics.elidedText(self.fallback or self.text(), Qt.TextElideMode.ElideRight, width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(0, super().minimumSizeHint().height())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.shown_text(),
        )

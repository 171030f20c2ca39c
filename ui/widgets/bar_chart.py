"""A few labelled bars painted with QPainter into a QImage.

The report screen used to draw its five bars with matplotlib on a worker:
importing and running it took seconds of interpreter time, and every one of
them competed with the window's thread for the interpreter lock. Five bars
need a few milliseconds of QPainter on the window's thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

_TOP = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
_BOTTOM = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom


def render_bars(
    title: str,
    bars: Sequence[tuple[str, int, str]],
    width: int = 540,
    height: int = 320,
) -> QImage:
    """``bars`` as (label, value, colour), each value written above its bar."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setPixelSize(13)
        painter.setFont(font)
        painter.setPen(QColor("#1f3b5c"))
        painter.drawText(
            QRectF(0, 6, width, 22),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            title,
        )
        left, right, top, bottom = 16.0, width - 16.0, 44.0, height - 40.0
        painter.setPen(QPen(QColor("#8a97a5"), 1))
        painter.drawLine(int(left), int(bottom), int(right), int(bottom))
        highest = max((value for _, value, _ in bars), default=0) or 1
        slot = (right - left) / max(1, len(bars))
        font.setPixelSize(11)
        painter.setFont(font)
        for i, (label, value, colour) in enumerate(bars):
            x = left + i * slot + slot * 0.15
            w = slot * 0.7
            # Headroom above the tallest bar for its figure.
            h = (bottom - top - 18) * value / highest
            painter.fillRect(QRectF(x, bottom - h, w, h), QColor(colour))
            painter.setPen(QColor("#1f3b5c"))
            painter.drawText(
                QRectF(x - 10, bottom - h - 18, w + 20, 16),
                _BOTTOM,
                str(value),
            )
            painter.setPen(QColor("#4a5a6a"))
            painter.drawText(
                QRectF(left + i * slot, bottom + 4, slot, height - bottom - 4),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                label,
            )
    finally:
        painter.end()
    return image

"""One tile of the capture tray: the page's picture, number, name and warnings.

The thumbnail is made by a worker (``make_thumbnail``) from the unturned page,
with the page's size and resolution, which are what its warnings are about.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.capture.clean import estimated_dpi
from app.capture.pages import CaptureWarning, Page

THUMB_SIDE = 150
PageRole = Qt.ItemDataRole.UserRole + 1
WarningsRole = Qt.ItemDataRole.UserRole + 2
MetricsRole = Qt.ItemDataRole.UserRole + 3  # (width px, height px, dpi) of the unturned page
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Thumbnail:
    image: QImage
    width: int
    height: int
    dpi: float


def make_thumbnail(page: Page, side: int = THUMB_SIDE) -> Thumbnail:
    """Worker: the unturned page, small, with the size and resolution the warnings need."""
    image = page.opener()
    width, height = image.size
    # The cleaning step takes a page that does not say its resolution for A4; so do we.
    dpi = page.dpi or estimated_dpi(image)
    image.thumbnail((side, side))
    rgb = image.convert("RGB") if image.mode != "RGB" else image
    data = rgb.tobytes()
    small = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return Thumbnail(small.copy(), width, height, dpi)


def to_image(image: QImage) -> Image.Image:
    """A Qt image as Pillow's (a camera frame)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    stride = rgb.bytesPerLine()
    raw = bytes(rgb.constBits())[: stride * rgb.height()]
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), raw, "raw", "RGB", stride, 1)


class TrayDelegate(QStyledItemDelegate):
    """A tile: the page, its number and name, and its warnings in red under it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        # Room for three text lines under the picture: number, file name, warnings.
        return QSize(THUMB_SIDE + 22, THUMB_SIDE + 76)

    def short_warning(self, warning: CaptureWarning, metrics: tuple | None) -> str:
        if warning.code == "low_dpi" and metrics is not None:
            return self.tr("{dpi} dpi").format(dpi=round(metrics[2]))
        if warning.code == "small_page":
            return self.tr("khổ nhỏ")
        return warning.code

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        tile = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        warnings = index.data(WarningsRole) or []
        painter.fillRect(tile, QColor("#dbe9f8") if selected else QColor("#ffffff"))
        border = "#2f6aa8" if selected else ("#d9822b" if warnings else "#d0d7de")
        painter.setPen(QPen(QColor(border), 2 if selected or warnings else 1))
        painter.drawRect(tile)
        area = QRect(
            tile.left() + (tile.width() - THUMB_SIDE) // 2, tile.top() + 6, THUMB_SIDE, THUMB_SIDE
        )
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), size)
            target.moveCenter(area.center())
            painter.drawPixmap(target, pixmap)
            painter.setPen(QPen(QColor("#8c959f"), 1))
            painter.drawRect(target.adjusted(0, 0, -1, -1))
        else:
            sheet = QRect(0, 0, THUMB_SIDE * 7 // 10, THUMB_SIDE)
            sheet.moveCenter(area.center())
            painter.fillRect(sheet, QColor("#f3f4f6"))
            painter.setPen(QPen(QColor("#c4c9cf"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(sheet)
        text = QRect(tile.left() + 6, area.bottom() + 4, tile.width() - 12, 17)
        font = painter.font()
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1f2328"))
        page = index.data(PageRole)
        number = self.tr("Trang {n}").format(n=index.row() + 1)
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)
        if page is not None and page.rotation:
            painter.setPen(QColor("#57606a"))
            painter.drawText(
                text,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"↻{page.rotation}°",
            )
        painter.setFont(font)
        label = page.label if page is not None else ""
        text.translate(0, 17)
        painter.setPen(QColor("#57606a"))
        metrics = painter.fontMetrics()
        painter.drawText(
            text,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, text.width()),
        )
        if warnings:
            text.translate(0, 17)
            found = index.data(MetricsRole)
            short = " · ".join(self.short_warning(w, found) for w in warnings)
            painter.setPen(QColor("#b3261e"))
            painter.drawText(
                text,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText("⚠ " + short, Qt.TextElideMode.ElideRight, text.width()),
            )
        painter.restore()

"""Print preview of the PDF forms ``app.paper.printing`` renders, and printing them.

The preview's pages are rasterised on a worker thread (``prepare``), so
opening the preview only draws ready images on the GUI thread. Printing for
real renders the pages at the printer's resolution, also on a worker thread
(Qt allows painting on a ``QPrinter`` outside the GUI thread). The dialog is
made by a factory the window holds, so tests replace it with one that keeps
the PDF instead of showing anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

log = logging.getLogger("motcua.ui.print")

# Enough for a sharp preview; the printer gets its own rendering.
PREVIEW_DPI = 110
# Higher costs memory (an A4 page at 600 dpi is 140 MB) for no visible gain on forms.
MAX_PRINT_DPI = 300


@dataclass
class PrintJob:
    """A rendered form, ready to preview and print."""

    pdf: bytes
    title: str
    pages: list[QImage] = field(default_factory=list)
    # Page sizes in points, as the PDF gives them.
    sizes: list[QSizeF] = field(default_factory=list)


def _rasterise(pdf: bytes, dpi: int) -> tuple[list[QImage], list[QSizeF]]:
    doc = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    pages, sizes = [], []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        sizes.append(size)
        pages.append(
            doc.render(i, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
        )
    doc.close()
    buffer.close()
    return pages, sizes


def prepare(pdf: bytes, title: str, dpi: int = PREVIEW_DPI) -> PrintJob:
    """Rasterise every page of ``pdf`` for the preview (worker thread)."""
    pages, sizes = _rasterise(pdf, dpi)
    return PrintJob(pdf, title, pages, sizes)


def configure_printer(printer: QPrinter, job: PrintJob, printer_name: str = "") -> None:
    """Use the office's printer when it is installed, and the form's own paper size."""
    if printer_name and printer_name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(printer_name)
    printer.setDocName(job.title)
    if job.sizes:
        size = job.sizes[0]
        page = QPageSize(
            QSizeF(size.width(), size.height()),
            QPageSize.Unit.Point,
            "",
            QPageSize.SizeMatchPolicy.FuzzyMatch,
        )
        printer.setPageLayout(
            QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
    printer.setFullPage(True)


def _paint(printer: QPrinter, pages: list[QImage]) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot print to {printer.printerName() or printer.outputFileName()}")
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, image)
    finally:
        painter.end()


def print_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Render ``pdf`` at the printer's resolution and print it (worker thread)."""
    pages, _sizes = _rasterise(pdf, min(printer.resolution(), MAX_PRINT_DPI))
    _paint(printer, pages)


def warm_up() -> None:
    """Load the forms' fonts and the PDF renderer before the first receipt needs them.

    Both cost a few hundred milliseconds once per process, partly holding the
    interpreter lock; paying that right after sign-in keeps the first receipt
    as quick as the others.
    """
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from app.paper.render import register_fonts
    from app.paper.render.fonts import SERIF

    register_fonts()
    out = BytesIO()
    canvas = Canvas(out)
    canvas.setFont(SERIF, 12)
    canvas.drawString(72, 72, "Giấy tiếp nhận hồ sơ")
    canvas.save()
    _rasterise(out.getvalue(), 20)


def clone_printer(printer: QPrinter) -> QPrinter:
    """A printer with the settings the clerk chose, owned by the print job."""
    copy = QPrinter(QPrinter.PrinterMode.HighResolution)
    copy.setOutputFormat(printer.outputFormat())
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        copy.setPrinterName(printer.printerName())
    copy.setOutputFileName(printer.outputFileName())
    copy.setPageLayout(printer.pageLayout())
    copy.setFullPage(True)
    copy.setCopyCount(printer.copyCount())
    copy.setCollateCopies(printer.collateCopies())
    copy.setDuplex(printer.duplex())
    copy.setColorMode(printer.colorMode())
    copy.setDocName(printer.docName())
    return copy


def paint_job(
    printer: QPrinter,
    job: PrintJob,
    tasks: Any = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """The preview draws the ready images; a real print goes to a worker thread."""
    engine = printer.paintEngine()
    if engine is not None and engine.type() == QPaintEngine.Type.Picture:
        _paint(printer, job.pages)
        return
    if tasks is None:
        print_pdf(printer, job.pdf)
        return
    tasks.run(
        print_pdf,
        clone_printer(printer),
        job.pdf,
        on_error=on_error,
        label=QCoreApplication.translate("print_preview", "Đang in…"),
    )


PreviewFactory = Callable[[QWidget, PrintJob, str], QDialog | None]


def default_preview(
    parent: QWidget, job: PrintJob, printer_name: str, tasks: Any = None
) -> QDialog:
    """A ``QPrintPreviewDialog`` opened window-modal without a nested event loop."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, job, printer_name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(job.title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    banner = getattr(parent, "banner", None)
    on_error = banner.show_error if banner is not None else None
    dialog.paintRequested.connect(lambda p: paint_job(p, job, tasks, on_error))
    dialog.resize(900, 700)
    # The dialog only borrows the printer; keep it alive as long as the dialog.
    dialog._printer = printer
    dialog.open()
    return dialog

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
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMarginsF,
    QObject,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from app.office import settings

log = logging.getLogger("motcua.ui.print")

# Enough for a sharp preview; the printer gets its own rendering.
PREVIEW_DPI = 110
# Higher costs memory (an A4 page at 600 dpi is 140 MB) for no visible gain on forms.
MAX_PRINT_DPI = 300
MM_PER_PT = 25.4 / 72


@dataclass
class PrintJob:
    """A rendered form, ready to preview and print."""

    pdf: bytes
    title: str
    pages: list[QImage] = field(default_factory=list)
    # Page sizes in points, as the PDF gives them.
    sizes: list[QSizeF] = field(default_factory=list)


def _rasterise(pdf: bytes, dpi: int) -> tuple[list[QImage], list[QSizeF]]:
    """Every page as an image at ``dpi``, and its size in points (worker thread).

    Drawn by PDFium, the engine QtPdf wraps, called through pypdfium2: its
    ctypes calls let go of the interpreter lock while a page is drawn, where
    ``QPdfDocument.render`` held it for the whole page (tens of milliseconds
    each), and the window froze while a worker prepared a preview. Same
    size and flags as QtPdf's rendering, on white paper.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from app.infra.pdfium import LOCK

    pages, sizes = [], []
    with LOCK:
        doc = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(doc)):
                page = doc[index]
                width_pt, height_pt = page.get_size()
                sizes.append(QSizeF(width_pt, height_pt))
                width, height = round(width_pt * dpi / 72), round(height_pt * dpi / 72)
                bitmap = pdfium.PdfBitmap.new_native(width, height, pdfium_c.FPDFBitmap_BGRx)
                bitmap.fill_rect((255, 255, 255, 255), 0, 0, width, height)
                pdfium_c.FPDF_RenderPageBitmap(
                    bitmap, page, 0, 0, width, height, 0, pdfium_c.FPDF_ANNOT
                )
                # BGRx bytes are QImage's RGB32 on every little-endian PC; copied
                # out before PDFium's buffer is freed.
                image = QImage(
                    bitmap.buffer, width, height, bitmap.stride, QImage.Format.Format_RGB32
                ).copy()
                pages.append(image)
                bitmap.close()
                page.close()
        finally:
            doc.close()
    return pages, sizes


def prepare(pdf: bytes, title: str, dpi: int = PREVIEW_DPI) -> PrintJob:
    """Rasterise every page of ``pdf`` for the preview (worker thread)."""
    pages, sizes = _rasterise(pdf, dpi)
    return PrintJob(pdf, title, pages, sizes)


def page_size(size: QSizeF) -> QPageSize:
    """The form's own paper, in whole tenths of a millimetre: A4 stays A4, and an 80 mm
    receipt gets a custom size of its exact length rather than the nearest standard one."""
    width = round(size.width() * MM_PER_PT, 1)
    height = round(size.height() * MM_PER_PT, 1)
    return QPageSize(
        QSizeF(width, height),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def configure_printer(printer: QPrinter, job: PrintJob, printer_name: str = "") -> None:
    """Use the office's printer when it is installed, and the form's own paper size."""
    if printer_name and printer_name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(printer_name)
    printer.setDocName(job.title)
    if job.sizes:
        printer.setPageLayout(
            QPageLayout(
                page_size(job.sizes[0]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
            )
        )
    printer.setFullPage(True)


def _paint(printer: QPrinter, pages: list[QImage], sizes: list[QSizeF]) -> None:
    """Each page at its true size (never stretched to the paper), centred across the paper."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot print to {printer.printerName() or printer.outputFileName()}")
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    dots_per_pt = printer.resolution() / 72
    try:
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            size = sizes[i] if i < len(sizes) else QSizeF(paper.width(), paper.height())
            width, height = size.width() * dots_per_pt, size.height() * dots_per_pt
            left = max(0.0, (paper.width() - width) / 2)
            painter.drawImage(QRectF(left, 0, width, height), image)
    finally:
        painter.end()


def cups_queue(printer: QPrinter) -> str | None:
    """The CUPS queue this printer is, when the PDF can go to it as it is (vector)."""
    if sys.platform == "win32" or shutil.which("lp") is None:
        return None
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    return printer.printerName() or None


def cups_media(size: QSizeF) -> str:
    """CUPS's name for the form's paper: A4, or ``Custom.80x265.5mm`` for a receipt roll."""
    width = round(size.width() * MM_PER_PT, 1)
    height = round(size.height() * MM_PER_PT, 1)
    if (width, height) == (210.0, 297.0):
        return "A4"
    return f"Custom.{width:g}x{height:g}mm"


def send_to_cups(queue: str, pdf: bytes, title: str, copies: int = 1) -> None:
    """Hand the PDF itself to CUPS (worker thread): the driver gets vectors and text,
    at the form's paper size, unscaled."""
    sizes = _rasterise(pdf, 1)[1]
    media = cups_media(sizes[0]) if sizes else "A4"
    command = [
        "lp", "-d", queue, "-t", title or "MotCua Desk", "-n", str(max(1, copies)),
        "-o", f"media={media}", "-o", "print-scaling=none", "-o", "fit-to-page=false",
    ]  # fmt: skip
    done = subprocess.run(command, input=pdf, capture_output=True, timeout=60)
    if done.returncode:
        why = done.stderr.decode(errors="replace").strip() or f"lp exited {done.returncode}"
        raise OSError(why)


def print_pdf(printer: QPrinter, pdf: bytes, title: str = "", vector: bool = True) -> None:
    """Print ``pdf`` (worker thread): as a PDF to a CUPS queue, or else rendered at the
    printer's resolution and painted at true size."""
    queue = cups_queue(printer) if vector else None
    if queue is not None:
        send_to_cups(queue, pdf, title or printer.docName(), printer.copyCount())
        return
    pages, sizes = _rasterise(pdf, min(printer.resolution(), MAX_PRINT_DPI))
    _paint(printer, pages, sizes)


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
        _paint(printer, job.pages, job.sizes)
        return
    if tasks is None:
        print_pdf(printer, job.pdf, job.title)
        return
    tasks.run(
        print_pdf,
        clone_printer(printer),
        job.pdf,
        job.title,
        on_error=on_error,
        label=QCoreApplication.translate("print_preview", "Đang in…"),
    )


def print_direct(
    job: PrintJob,
    printer_name: str,
    tasks: Any = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_done: Callable[[Any], None] | None = None,
) -> None:
    """Print without a preview ("In ngay", or Enter in the preview) on the office's printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, job, printer_name)
    if tasks is None:
        print_pdf(printer, job.pdf, job.title)
        return
    tasks.run(
        print_pdf,
        printer,
        job.pdf,
        job.title,
        on_done=on_done,
        on_error=on_error,
        label=QCoreApplication.translate("print_preview", "Đang in…"),
    )


class _PrintKeys(QObject):
    """Enter, Return and Ctrl+P anywhere in the preview print (the preview's own widgets
    would otherwise take Enter and do nothing)."""

    def __init__(self, action: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        wanted = (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain) or (
            key == Qt.Key.Key_P and mods == Qt.KeyboardModifier.ControlModifier
        )
        if not wanted:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        self._action()
        return True


PreviewFactory = Callable[[QWidget, PrintJob, str], QDialog | None]


def show_job(parent: QWidget, ctx: Any, job: PrintJob, banner: Any) -> QDialog | None:
    """The preview of ``job``, or straight to the printer when the station prints at once.

    ``ctx`` is the window's context (settings, tasks, preview factory);
    ``banner`` says that the job went to the printer, or why it did not.
    """
    printer = ctx.settings.get("printer_name", "")
    if settings.is_on(ctx.settings.get("print_immediately"), default=False):
        print_direct(
            job,
            printer,
            ctx.tasks,
            on_error=banner.show_error,
            on_done=lambda _none: banner.show_message(
                QCoreApplication.translate("print_preview", "Đã gửi “{title}” tới máy in.").format(
                    title=job.title
                ),
                "success",
                5000,
            ),
        )
        return None
    return ctx.preview_factory(parent, job, printer)


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

    def print_now() -> None:
        # Enter or Ctrl+P prints on the printer the preview shows, no further dialog.
        print_direct(job, printer.printerName(), tasks, on_error)
        dialog.accept()

    keys = _PrintKeys(print_now, dialog)
    for widget in (dialog, *dialog.findChildren(QWidget)):
        if not isinstance(widget, QLineEdit):  # Enter in the zoom box sets the zoom
            widget.installEventFilter(keys)
    dialog.print_now = print_now
    # The dialog only borrows the printer; keep it alive as long as the dialog.
    dialog._printer = printer
    dialog.open()
    return dialog

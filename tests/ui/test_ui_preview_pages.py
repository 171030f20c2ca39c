"""The preview's page images: PDFium through pypdfium2, looking as QtPdf drew them."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from app.paper.render import render_receipt
from tests.documents.conftest import applicant, dossier, office  # noqa: F401 - fixtures
from ui.widgets.print_preview import PREVIEW_DPI, _rasterise


def _qtpdf_pages(pdf: bytes, dpi: int) -> list[QImage]:
    doc = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    pages = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        image = doc.render(
            i, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
        )
        # QtPdf leaves the paper transparent; the preview shows it white.
        paper = QImage(image.size(), QImage.Format.Format_RGB32)
        paper.fill(0xFFFFFFFF)
        painter = QPainter(paper)
        painter.drawImage(0, 0, image)
        painter.end()
        pages.append(paper)
    return pages


def _differing(a: QImage, b: QImage) -> int:
    """Pixels whose grey level differs by more than a quarter of the range."""
    grey_a = a.convertToFormat(QImage.Format.Format_Grayscale8)
    grey_b = b.convertToFormat(QImage.Format.Format_Grayscale8)
    count = 0
    for y in range(grey_a.height()):
        row_a = bytes(grey_a.constScanLine(y))[: grey_a.width()]
        row_b = bytes(grey_b.constScanLine(y))[: grey_b.width()]
        if row_a != row_b:
            count += sum(abs(p - q) > 64 for p, q in zip(row_a, row_b, strict=True))
    return count


def test_receipt_pages_look_as_qtpdf_drew_them(qapp, office, dossier):  # noqa: F811
    pdf = render_receipt(office, dossier)
    pages, sizes = _rasterise(pdf, PREVIEW_DPI)
    expected = _qtpdf_pages(pdf, PREVIEW_DPI)
    assert len(pages) == len(expected) == len(sizes) == 2
    for page, want, size in zip(pages, expected, sizes, strict=True):
        assert page.size() == want.size()
        assert round(size.width()) == 595 and round(size.height()) == 842
        # The same engine draws both; only anti-aliased edges may differ a shade.
        assert _differing(page, want) < page.width() * page.height() // 1000


def test_drawing_pages_lets_other_threads_run(qapp, office, dossier):  # noqa: F811
    # The preview is drawn on a worker; the window's thread must keep running.
    pdf = render_receipt(office, dossier)
    _rasterise(pdf, 30)
    ticks: list[float] = []
    done = threading.Event()

    def work() -> None:
        for _ in range(3):
            _rasterise(pdf, 300)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    # Six A4 pages at 300 dpi take most of a second. Drawn with the interpreter
    # lock held (QPdfDocument.render), the waiting thread woke about once per
    # page (some twenty times); drawn without it, every millisecond or so.
    assert len(ticks) > 60

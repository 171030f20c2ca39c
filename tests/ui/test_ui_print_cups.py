"""Receipts printed for real: through CUPS to a cups-pdf queue, both layouts, both paths.

The PDF cups-pdf writes is what a printer would have put on paper: its page
must be the form's own size (an 80 mm roll receipt is neither stretched to A4
nor cut to a standard length) and its QR must still decode.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from app.dossiers import intake
from app.office import settings
from app.paper import printing
from tests.app.test_printing import decode_qr
from tests.conftest import INTAKE
from tests.ui.cups import available, cups_pdf_server

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not available() and not os.environ.get("CI"),
    reason="needs root, cups and printer-driver-cups-pdf (.ci/debian-packages)",
)

PRINT = """
import sys
from pathlib import Path
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.widgets import print_preview as pp
pdf, title, queue, mode = Path(sys.argv[1]).read_bytes(), sys.argv[2], sys.argv[3], sys.argv[4]
job = pp.prepare(pdf, title)
printer = QPrinter(QPrinter.PrinterMode.HighResolution)
pp.configure_printer(printer, job, queue)
assert printer.printerName() == queue, "Qt does not see the CUPS queue"
if mode == "a4-paper":
    # The queue's (or the print dialog's) paper wins over the form's size.
    from PySide6.QtGui import QPageSize
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
pp.print_pdf(printer, pdf, title, vector=mode == "vector")
"""


def print_through_cups(cups, pdf: Path, mode: str) -> Path:
    title = f"motcuatest{uuid.uuid4().hex[:10]}"
    subprocess.run(
        [sys.executable, "-c", PRINT, str(pdf), title, cups.queue, mode],
        cwd=ROOT,
        env={**cups.env, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
        timeout=120,
    )
    return cups.output(title)


def ink_width_mm(pdf: Path, tmp_path: Path) -> float:
    """How wide the printed marks on page 1 are."""
    from PIL import Image, ImageOps

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(tmp_path / "ink"),
        ],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("ink*.png")))
    box = ImageOps.invert(image).point(lambda v: 255 if v > 40 else 0).getbbox()
    return (box[2] - box[0]) / 50 * 25.4


def page_sizes(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    ]


@pytest.fixture(scope="module")
def cups():
    with cups_pdf_server() as server:
        yield server


@pytest.mark.parametrize("layout", ["a4", "80mm"])
@pytest.mark.parametrize("mode", ["vector", "raster"])
def test_a_receipt_prints_at_its_true_size_with_a_qr_that_decodes(
    cups, db, clerk, tmp_path, layout, mode
):
    with db.write() as session:
        settings.put(session, "public_base_url", "https://motcua.hanoi.gov.vn")
    received = intake.receive(db, clerk, INTAKE)
    pdf = printing.print_form(db, clerk, "receipt", received.code, layout=layout)
    source = tmp_path / "receipt.pdf"
    source.write_bytes(pdf)
    printed = print_through_cups(cups, source, mode)
    try:
        want = page_sizes(source)[0]
        got = page_sizes(printed)
        assert got, "cups-pdf wrote no page"
        # Within a point (cups-pdf rounds to whole points): no stretching, no cut.
        assert abs(got[0][0] - want[0]) <= 1.5 and abs(got[0][1] - want[1]) <= 1.5, (got, want)
        expected = f"https://motcua.hanoi.gov.vn/tra-cuu/{received.code}?k={received.lookup_secret}"
        assert expected in decode_qr(printed.read_bytes(), tmp_path)
    finally:
        printed.unlink(missing_ok=True)


def test_a_roll_receipt_on_a4_paper_keeps_its_size(cups, db, clerk, tmp_path):
    received = intake.receive(db, clerk, INTAKE)
    source = tmp_path / "receipt.pdf"
    source.write_bytes(printing.print_form(db, clerk, "receipt", received.code, layout="80mm"))
    printed = print_through_cups(cups, source, "a4-paper")
    try:
        width, height = page_sizes(printed)[0]
        assert abs(width - 595) <= 1.5 and abs(height - 842) <= 1.5  # the paper is A4
        # The marks keep the receipt's 80 mm width (the old print stretched them 2.6×).
        assert ink_width_mm(printed, tmp_path) <= 80
        assert received.code in decode_qr(printed.read_bytes(), tmp_path)
    finally:
        printed.unlink(missing_ok=True)


def test_the_clerk_picks_the_roll_for_one_receipt_and_the_next_is_a4_again(
    cups, qtbot, clerk_window, previews, tmp_path
):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import type_text
    from tests.ui.test_ui_counter_flow import CARD, pick_procedure
    from tests.ui.test_ui_receive_inputs import ctrl_enter

    page = clerk_window.pages["receive"]
    assert page.paper.currentData() == "a4"  # the station's default paper

    def receive_one(choose_roll: bool) -> Path:
        pick_procedure(qtbot, page, "chung thuc ban sao", "2.000815")
        page.applicant.id_number.setFocus()
        type_text(page.applicant.id_number, CARD + "\n")
        if choose_roll:
            page.paper.setFocus()
            qtbot.keyClick(page.paper, Qt.Key.Key_Down)
            assert page.paper.currentData() == "80mm"
        count = len(previews.jobs)
        ctrl_enter(qtbot, page)
        qtbot.waitUntil(lambda: len(previews.jobs) == count + 1, timeout=30_000)
        source = tmp_path / f"receipt{count}.pdf"
        source.write_bytes(previews.last_pdf)
        return source

    roll = receive_one(choose_roll=True)
    assert page.paper.currentData() == "a4"  # this receipt only
    printed = print_through_cups(cups, roll, "vector")
    try:
        width, height = page_sizes(printed)[0]
        assert abs(width - 80 / 25.4 * 72) <= 1.5 and height < 842, (width, height)
        assert page.last_result.code in decode_qr(printed.read_bytes(), tmp_path)
    finally:
        printed.unlink(missing_ok=True)

    # Ctrl+P prints the last receipt again on the paper it was received on.
    qtbot.keyClick(clerk_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(previews.jobs) == 2, timeout=30_000)
    assert abs(previews.jobs[-1].sizes[0].width() - 80 / 25.4 * 72) <= 1.5

    a4 = receive_one(choose_roll=False)
    printed = print_through_cups(cups, a4, "vector")
    try:
        width, height = page_sizes(printed)[0]
        assert abs(width - 595) <= 1.5 and abs(height - 842) <= 1.5, (width, height)
    finally:
        printed.unlink(missing_ok=True)

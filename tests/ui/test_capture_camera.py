"""The camera tab with a camera that is not there: frames sent through a QVideoFrameInput.

The frames are a synthetic A4 form photographed crooked on a dark desk. They
take the path a webcam's do (capture session, preview, QImageCapture, JPEG
off the GUI thread, the tray, the dialog's save), so what is checked at the
end is the stored PDF: one page, from the camera, straightened to A4 and level.
"""

from __future__ import annotations

import io

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QImage
from sqlalchemy import select

from app.capture import attachments
from app.capture.pdf import read_metadata
from db.models import Attachment, Dossier, DossierComponent
from tests.capture.synth import MARK, marker_angle, photographed, text_page
from tests.ui.test_ui_capture import close, open_dialog
from tests.ui.test_ui_dossiers import receive as receive_directly
from ui.capture.camera import CameraPanel

QtMultimedia = pytest.importorskip("PySide6.QtMultimedia")

PAGE_DPI = 200
A4_RATIO = 297 / 210
# Centre to centre, the two markers span this share of the page's width (see synth).
MARKER_SPAN = 1 - 2 * 0.11 - MARK


def as_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    # RGB32 is a layout QVideoFrame wraps as it is; RGB888 would be converted every frame.
    return QImage(
        data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888
    ).convertToFormat(QImage.Format.Format_RGB32)


def marker_span(image: Image.Image, page_width: int) -> float:
    """Distance between the markers' centres as a share of the image's width.

    Near the top of a photograph taken from below the page, the sheet is
    narrower than at the bottom; cropping to the sheet without undoing the
    perspective keeps that, and the markers come out closer together.
    """
    import cv2

    gray = np.asarray(image.convert("L"))
    _, mask = cv2.threshold(gray, 100, 255, cv2.THRESH_BINARY_INV)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask)
    side = page_width * MARK
    xs = sorted(
        centroids[i][0]
        for i in range(1, count)
        if 0.6 * side < stats[i, cv2.CC_STAT_WIDTH] < 1.5 * side
        and 0.6 * side < stats[i, cv2.CC_STAT_HEIGHT] < 1.5 * side
        and centroids[i][1] < gray.shape[0] * 0.4
    )
    assert len(xs) == 2, f"found {len(xs)} markers"
    return (xs[1] - xs[0]) / gray.shape[1]


class Feeder(QObject):
    """A document camera's stream: the same picture sent every few tens of milliseconds."""

    def __init__(self, feed: QObject, image: QImage, interval_ms: int = 40) -> None:
        # A child of the input: a test that fails half-way leaves no timer sending to it.
        super().__init__(feed)
        self.feed = feed
        self.image = image
        self.sent = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.send)
        self.timer.start(interval_ms)

    def send(self) -> None:
        # A new frame each time: a sink ignores the frame it already shows. A full
        # queue refuses the frame; a camera drops frames the same way.
        if self.feed.sendVideoFrame(QtMultimedia.QVideoFrame(self.image)):
            self.sent += 1

    def stop(self) -> None:
        self.timer.stop()


def camera_tab(qtbot, dialog, frame: Image.Image) -> tuple[CameraPanel, Feeder]:
    """The camera tab with a frame input chosen and turned on, frames flowing."""
    panel = dialog.camera
    dialog.sources.setCurrentWidget(panel)
    feed = panel.add_frame_input("Máy ảnh thử nghiệm")
    panel.device.setCurrentIndex(panel.device.findText("Máy ảnh thử nghiệm"))
    assert panel.available and panel.start_button.isEnabled()
    assert not panel.take_button.isEnabled()
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.start_button.isChecked() and panel.session is not None
    assert panel.camera is None, "no device is opened for a frame input"
    assert not panel.device.isEnabled() and panel.status.text() == "Máy ảnh đang bật."
    return panel, Feeder(feed, as_qimage(frame))


def test_the_preview_receives_the_frames_and_turning_off_detaches(qtbot, clerk_window, db, clerk):
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    shot = photographed(text_page(60, seed=5, lines=20), 4.0)
    panel, feeder = camera_tab(qtbot, dialog, shot)
    sink = panel.preview.videoSink()
    with qtbot.waitSignal(sink.videoFrameChanged, timeout=5000) as blocker:
        pass
    frame = blocker.args[0]
    assert frame.isValid() and (frame.width(), frame.height()) == shot.size
    # The preview shows the desk's brown where the desk is, and the paper in the middle.
    image = frame.toImage()
    desk, paper = image.pixelColor(5, 5), image.pixelColor(shot.width // 2, shot.height // 2)
    assert abs(desk.red() - 70 * 0.8) < 12 and abs(desk.blue() - 45 * 0.8) < 12
    assert min(paper.red(), paper.green(), paper.blue()) > 150
    qtbot.waitUntil(panel.take_button.isEnabled, timeout=5000)
    assert panel.preview.isVisible()

    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert not panel.start_button.isChecked() and panel.session is None
    assert not panel.take_button.isEnabled() and panel.device.isEnabled()
    panel.take()  # F6 with the camera off: nothing happens

    # On again, then the dialog closed with the camera running: the source is let go.
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.preview.videoSink().videoFrameChanged, timeout=5000):
        pass
    feeder.stop()
    dialog.reject()
    assert panel.session is None and panel.capture is None
    assert not panel.start_button.isChecked()
    dialog.runner.wait_for_done(10_000)
    assert len(dialog.model.tray) == 0


@pytest.mark.parametrize("angle", [-6.5, 4.0])
def test_a_photographed_page_is_captured_saved_straightened_and_level(
    qtbot, clerk_window, db, clerk, angle
):
    code = receive_directly(db, clerk).code
    _detail, dialog = open_dialog(qtbot, clerk_window, code)
    page = text_page(PAGE_DPI, seed=21, lines=30)
    shot = photographed(page, angle, seed=int(angle * 10) + 300)
    panel, feeder = camera_tab(qtbot, dialog, shot)
    qtbot.waitUntil(panel.take_button.isEnabled, timeout=5000)

    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.model.tray) == 1 and dialog.model.ready(), timeout=20_000)
    feeder.stop()
    taken = dialog.model.tray[0]
    assert taken.label == "anh-chup-001.jpg" and taken.source == "camera" and taken.camera
    # The tray holds the whole frame, JPEG-encoded, before any correction.
    assert taken.opener().size == shot.size
    assert "đưa vào khay" in panel.status.text()
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(dialog.saved, timeout=60_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind in ("success", "info") and "1 trang" in dialog.banner.text()
    assert len(dialog.model.tray) == 0

    pdf = attachments.read_component(db, clerk, code, 1)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 1
        box = doc.pages[0].mediabox
        width, height = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
    assert read_metadata(pdf)["MotCuaSource"] == "camera"
    with db.read() as session:
        source = session.scalar(
            select(Attachment.source)
            .join(DossierComponent, DossierComponent.id == Attachment.dossier_component_id)
            .join(Dossier, Dossier.id == DossierComponent.dossier_id)
            .where(Dossier.code == code, DossierComponent.index == 1)
        )
    assert source == "camera"
    # Perspective undone: the desk is gone and the sheet is A4 again.
    assert height / width == pytest.approx(A4_RATIO, rel=0.03)
    document = pdfium.PdfDocument(pdf)
    try:
        # Rendered at the resolution the page was drawn at, so the markers have their size.
        rendered = document[0].render(scale=PAGE_DPI / 72).to_pil().convert("RGB")
    finally:
        document.close()
    assert rendered.height / rendered.width == pytest.approx(A4_RATIO, rel=0.03)
    assert marker_angle(shot, page.width) == pytest.approx(angle, abs=1.5), (
        "the frame really was crooked"
    )
    assert abs(marker_angle(rendered, page.width)) < 0.5
    # The keystone undone too, not only the sheet cropped: 8% narrower at the top otherwise.
    assert marker_span(rendered, page.width) == pytest.approx(MARKER_SPAN, rel=0.03)
    close(qtbot, dialog)

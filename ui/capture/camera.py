"""Photographing pages with a webcam or document camera through Qt Multimedia.

Cameras are listed when the clerk first opens the camera tab; a camera is
opened only when the clerk turns it on, and closed with the dialog: it is a
shared device, and a preview left running costs a core. A station without
any camera still opens the dialog; the buttons say why they are disabled.
Frames are encoded to JPEG off the GUI thread, so a page in the tray holds
a few hundred kilobytes rather than a raw 12-megapixel frame.

Besides the devices, the list can hold frame inputs (``add_frame_input``):
frames that code sends go through the very session, preview and image
capture a webcam's do, which is how the panel is tested without a camera.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.capture.pages import Page
from app.capture.sources import import_bytes
from ui.capture.sources import CaptureHost, note, say
from ui.capture.tile import to_image

JPEG_QUALITY = 92


def frame_pages(frame: QImage, label: str) -> list[Page]:
    """Worker: a captured frame as a page (perspective is corrected when it is saved)."""
    buffer = io.BytesIO()
    to_image(frame).save(buffer, "JPEG", quality=JPEG_QUALITY)
    return import_bytes(label, buffer.getvalue(), source="camera", camera=True)


class CameraPanel(QWidget):
    """Live preview and a button that adds the current frame to the tray."""

    def __init__(self, host: CaptureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.camera: Any = None
        self.session: Any = None
        self.capture: Any = None
        self.preview: Any = None
        self.frame_inputs: list[tuple[str, Any]] = []
        self._cameras: list[Any] = []
        self._ready = False
        self._shots = itertools.count(1)
        layout = QVBoxLayout(self)
        self.device = QComboBox()
        self.device.setObjectName("camera_device")
        layout.addWidget(self.device)
        self.preview_box = QVBoxLayout()
        layout.addLayout(self.preview_box, 1)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Bật máy ảnh"))
        self.start_button.setObjectName("camera_start")
        self.start_button.setCheckable(True)
        self.start_button.toggled.connect(self._toggled)
        self.take_button = QPushButton(self.tr("Chụp (F6)"))
        self.take_button.setObjectName("camera_take")
        self.take_button.setEnabled(False)
        self.take_button.clicked.connect(self.take)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.take_button, 1)
        layout.addLayout(buttons)
        self.status = note("camera_status")
        layout.addWidget(self.status)
        self.devices: Any = None
        for button in (self.start_button, self.take_button):
            button.setEnabled(False)

    def activated(self) -> None:
        """First look at the panel: list the cameras.

        Loading Qt Multimedia's backend takes about a tenth of a second, which
        a clerk who never uses a camera should not wait for on every dialog.
        """
        if self.devices is not None:
            return
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:  # a build without Qt Multimedia: no camera, nothing else lost
            self.devices = False
            self.refresh([])
            return
        self.devices = QMediaDevices(self)
        self.devices.videoInputsChanged.connect(lambda: self.refresh(QMediaDevices.videoInputs()))
        self.refresh(QMediaDevices.videoInputs())

    def add_frame_input(self, description: str) -> Any:
        """A ``QVideoFrameInput`` listed after the cameras; send it frames once it is on."""
        from PySide6.QtMultimedia import QVideoFrameInput

        feed = QVideoFrameInput(self)
        self.frame_inputs.append((description, feed))
        if self.devices is None:
            self.activated()
        else:
            self.refresh(self._cameras)
        return feed

    @property
    def available(self) -> bool:
        return self.device.count() > 0

    def refresh(self, inputs: list[Any]) -> None:
        self._cameras = list(inputs)
        chosen = self.device.currentText()
        self.device.clear()
        for camera in inputs:
            self.device.addItem(camera.description(), camera)
        for description, feed in self.frame_inputs:
            self.device.addItem(description, feed)
        if chosen:
            self.device.setCurrentIndex(max(0, self.device.findText(chosen)))
        if self.device.count():
            self.start_button.setEnabled(True)
            self.start_button.setToolTip("")
            self.take_button.setToolTip(self.tr("Chụp trang đang đặt dưới máy ảnh (F6)"))
            if not self.start_button.isChecked():
                say(self.status, self.tr("Đặt trang dưới máy ảnh, bật máy ảnh rồi chụp."))
            return
        self.stop()
        why = self.tr(
            "Không tìm thấy máy ảnh nào trên máy tính này; hãy cắm webcam hoặc máy chụp tài liệu."
        )
        for button in (self.start_button, self.take_button):
            button.setEnabled(False)
            button.setToolTip(why)
        say(self.status, why)

    def _toggled(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        from PySide6.QtMultimedia import QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        device = self.device.currentData()
        if device is None:
            self.start_button.setChecked(False)
            return
        # Not stop(): that would also turn the button back off, leaving a camera
        # running behind a button that says it is off.
        self._close()
        if self.preview is None:
            self.preview = QVideoWidget(self)
            self.preview.setMinimumHeight(200)
            self.preview_box.addWidget(self.preview)
        self.session = QMediaCaptureSession(self)
        self.capture = QImageCapture(self)
        self.capture.setQuality(QImageCapture.Quality.VeryHighQuality)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.preview)
        self.capture.readyForCaptureChanged.connect(self._ready_changed)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(lambda _id, _e, text: self._failed(text))
        # Last: a frame input is live at once and reports "ready" while being attached.
        self._attach_source(device)
        self.device.setEnabled(False)
        say(self.status, self.tr("Máy ảnh đang bật."))

    def _attach_source(self, device: Any) -> None:
        """Where the session's frames come from: the chosen camera or a frame input."""
        from PySide6.QtMultimedia import QCamera, QVideoFrameInput

        if isinstance(device, QVideoFrameInput):
            self.session.setVideoFrameInput(device)
            return
        self.camera = QCamera(device, self)
        self.camera.errorOccurred.connect(lambda _e, text: self._failed(text))
        self.session.setCamera(self.camera)
        self.camera.start()

    def stop(self) -> None:
        self._close()
        if self.start_button.isChecked():
            self.start_button.blockSignals(True)
            self.start_button.setChecked(False)
            self.start_button.blockSignals(False)

    def _close(self) -> None:
        if self.session is not None:
            # A camera goes inactive after stop() returns; its "not ready" must not
            # reach the take button of the session started next.
            self.capture.readyForCaptureChanged.disconnect(self._ready_changed)
            if self.camera is not None:
                self.camera.stop()
                self.session.setCamera(None)
            self.session.setVideoFrameInput(None)
            for obj in (self.capture, self.session, self.camera):
                if obj is not None:
                    obj.deleteLater()
        self.camera = self.session = self.capture = None
        self._ready = False
        self.take_button.setEnabled(False)
        self.device.setEnabled(True)

    def _ready_changed(self, ready: bool) -> None:
        # QImageCapture.isReadyForCapture() is False whenever the session has no
        # QCamera, even while a frame input feeds it and capture() works; the
        # backend's signal is right for both sources.
        self._ready = ready
        self.take_button.setEnabled(ready)

    def take(self) -> None:
        if self.capture is not None and self._ready:
            self.capture.capture()

    def _captured(self, _request: int, frame: QImage) -> None:
        label = self.tr("anh-chup-{n}.jpg").format(n=f"{next(self._shots):03d}")
        self.host.fetch_pages(frame_pages, frame, label)
        say(self.status, self.tr("Đã chụp; đang đưa vào khay…"))

    def _failed(self, text: str) -> None:
        say(self.status, self.tr("Máy ảnh báo lỗi: {why}").format(why=text), True)

"""Where pages come from in the capture dialog: files, the scanner's folder, a scanner.

Each panel only gathers pages and hands them to its host (the dialog), which
keeps them in arrival order; all disk, scanner and database work runs on the
task runner. The camera and reuse have modules of their own
(``ui.capture.camera``, ``ui.capture.reuse``).
"""

from __future__ import annotations

import shlex
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.capture import sane
from app.capture.attachments import AttachResult
from app.capture.pages import Page
from app.capture.sane import DeviceOptions, ScanDevice, ScanSettings
from app.capture.scanners import default_scanner
from app.capture.sources import import_files
from app.capture.watch import SETTLE_SECONDS, FolderWatcher
from app.domain.errors import DomainError
from app.office import settings_admin
from ui.shell.context import Context
from ui.shell.tasks import Stream, TaskRunner
from ui.widgets.messages import describe

WATCH_SETTING = "capture_watch_folder"
FILE_TYPES = "*.jpg *.jpeg *.png *.tif *.tiff *.pdf"


def read_files(paths: list[str], source: str) -> list[Page]:
    """Worker: every page of ``paths`` in order (files are refused all together)."""
    return import_files(paths, source=source)


def majority_source(pages: list[Page]) -> str:
    """The source recorded for a component whose pages came from several places."""
    counts = Counter(p.source for p in pages)
    best = max(counts.values())
    return next(p.source for p in pages if counts[p.source] == best)


class CaptureHost(Protocol):
    """What a source panel needs from the dialog it sits in."""

    ctx: Context
    runner: TaskRunner
    code: str

    def import_paths(self, paths: list[str], source: str) -> None: ...

    def fetch_pages(self, fn: Callable[..., list[Page]], *args: Any) -> None: ...

    def add_pages(self, pages: list[Page]) -> None: ...

    def component_index(self) -> int | None: ...

    def component_name(self) -> str: ...

    def reused(self, result: AttachResult) -> None: ...


def note(object_name: str) -> QLabel:
    """A status line under a panel's controls; red when it reports a problem."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def say(label: QLabel, text: str, error: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet("color:#b3261e;" if error else "color:#57606a;")


class FilesPanel(QWidget):
    """Files picked or dropped, and the folder a network scanner saves into."""

    def __init__(self, host: CaptureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.poll_ms = 1000
        self.settle_seconds = SETTLE_SECONDS
        self.watcher: FolderWatcher | None = None
        self.received = 0
        self._generation = 0
        self._polling = False
        layout = QVBoxLayout(self)
        self.add_button = QPushButton(self.tr("Thêm tệp… (Ctrl+O)"))
        self.add_button.setObjectName("add_files")
        self.add_button.clicked.connect(self.choose_files)
        layout.addWidget(self.add_button)
        hint = QLabel(
            self.tr("Ảnh JPEG, PNG, TIFF nhiều trang hoặc tệp PDF. Có thể kéo thả tệp vào khay.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#57606a;")
        layout.addWidget(hint)
        layout.addSpacing(10)
        title = QLabel(self.tr("Thư mục máy quét lưu tệp"))
        title.setStyleSheet("font-weight:bold;")
        layout.addWidget(title)
        self.folder = QLineEdit()
        self.folder.setObjectName("watch_folder")
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(self.tr("chưa chọn thư mục"))
        choose = QPushButton(self.tr("Chọn…"))
        choose.setObjectName("choose_folder")
        choose.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.watch_button = QPushButton(self.tr("Theo dõi thư mục"))
        self.watch_button.setObjectName("watch_toggle")
        self.watch_button.setCheckable(True)
        self.watch_button.toggled.connect(self._toggled)
        layout.addWidget(self.watch_button)
        self.status = note("watch_status")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._poll)
        remembered = host.ctx.settings.get(WATCH_SETTING, "")
        if remembered:
            self.folder.setText(remembered)
            self.watch_button.setChecked(True)

    # --- files -------------------------------------------------------------------------

    def choose_files(self) -> None:
        # Opened with open(), not exec(): no nested event loop under the dialog.
        dialog = QFileDialog(self, self.tr("Chọn ảnh hoặc tệp PDF"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [self.tr("Ảnh và PDF ({types})").format(types=FILE_TYPES), self.tr("Mọi tệp (*)")]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda files: self.host.import_paths(list(files), "file"))
        dialog.open()

    # --- watched folder ----------------------------------------------------------------

    def choose_folder(self) -> None:
        dialog = QFileDialog(
            self, self.tr("Chọn thư mục máy quét lưu tệp"), self.folder.text() or str(Path.home())
        )
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.set_folder)
        dialog.open()

    def set_folder(self, folder: str) -> None:
        """Watch ``folder`` from now on, and remember it for this station."""
        self.folder.setText(folder)
        self.host.ctx.settings[WATCH_SETTING] = folder
        self.host.runner.run(
            settings_admin.update,
            self.host.ctx.require_db(),
            self.host.ctx.require_actor(),
            {WATCH_SETTING: folder},
            on_error=lambda exc: say(self.status, describe(exc), True),
        )
        if self.watch_button.isChecked():
            self.start_watching()
        else:
            self.watch_button.setChecked(True)

    def _toggled(self, on: bool) -> None:
        self.watch_button.setText(
            self.tr("Đang theo dõi — bấm để dừng") if on else self.tr("Theo dõi thư mục")
        )
        if on:
            self.start_watching()
        else:
            self.stop_watching()
            say(self.status, self.tr("Đã dừng theo dõi."))

    def start_watching(self) -> None:
        self.stop_watching()
        folder = self.folder.text().strip()
        if not folder:
            self.watch_button.setChecked(False)
            say(self.status, self.tr("Chưa chọn thư mục để theo dõi."), True)
            return
        generation = self._generation
        say(self.status, self.tr("Đang mở thư mục…"))
        # Listing a network share can take a while: the watcher is made off the GUI thread.
        self.host.runner.run(
            FolderWatcher,
            Path(folder),
            settle_seconds=self.settle_seconds,
            on_done=lambda w: self._watching(generation, w),
            on_error=lambda exc: self._watch_failed(generation, exc),
        )

    def _watching(self, generation: int, watcher: FolderWatcher) -> None:
        if generation != self._generation:
            return
        self.watcher = watcher
        self.timer.start(self.poll_ms)
        self._show_watching()

    def _show_watching(self) -> None:
        text = self.tr("Đang theo dõi: tệp mới lưu vào thư mục sẽ vào khay.")
        if self.received:
            text += " " + self.tr("Đã nhận {n} tệp.").format(n=self.received)
        say(self.status, text)

    def _watch_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.watch_button.setChecked(False)
        say(self.status, describe(exc), True)

    def stop_watching(self) -> None:
        self._generation += 1
        self.timer.stop()
        self.watcher = None

    def _poll(self) -> None:
        # A poll is one directory listing; a slow share must not queue them up.
        if self._polling or self.watcher is None:
            return
        self._polling = True
        generation = self._generation
        self.host.runner.run(
            self.watcher.poll,
            on_done=lambda p: self._polled(generation, p),
            on_error=lambda exc: self._polled(generation, []),
        )

    def _polled(self, generation: int, paths: list[Path]) -> None:
        self._polling = False
        if generation != self._generation:
            return
        for path in paths:
            # One file at a time: a damaged file must not hold back the good ones.
            self.host.import_paths([str(path)], "folder")
        if paths:
            self.received += len(paths)
            self._show_watching()


class ScannerPanel(QWidget):
    """A scanner (SANE, or WIA on Windows): pages reach the tray while the feeder runs."""

    def __init__(self, host: CaptureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.scanner = default_scanner()
        self.options: DeviceOptions | None = None
        self.scanning = False
        self.scanned = 0
        self._cancel = threading.Event()
        self._asked_for = ""
        self._stream = Stream(self._page, self)
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.device = QComboBox()
        self.device.setObjectName("scan_device")
        self.device.setEditable(True)
        self.device.lineEdit().setPlaceholderText(self.tr("tên thiết bị"))
        self.find_button = QPushButton(self.tr("Tìm lại"))
        self.find_button.setObjectName("scan_find")
        self.find_button.clicked.connect(self.find_devices)
        device_row = QHBoxLayout()
        device_row.addWidget(self.device, 1)
        device_row.addWidget(self.find_button)
        grid.addWidget(QLabel(self.tr("Máy quét")), 0, 0)
        grid.addLayout(device_row, 0, 1)
        self.resolution = QSpinBox()
        self.resolution.setObjectName("scan_resolution")
        self.resolution.setRange(75, 1200)
        self.resolution.setSingleStep(50)
        self.resolution.setValue(sane.DEFAULT_DPI)
        self.resolution.setSuffix(" dpi")
        grid.addWidget(QLabel(self.tr("Độ phân giải")), 1, 0)
        grid.addWidget(self.resolution, 1, 1)
        self.mode = QComboBox()
        self.mode.setObjectName("scan_mode")
        grid.addWidget(QLabel(self.tr("Chế độ quét")), 2, 0)
        grid.addWidget(self.mode, 2, 1)
        self.feed = QComboBox()
        self.feed.setObjectName("scan_feed")
        grid.addWidget(QLabel(self.tr("Nguồn giấy")), 3, 0)
        grid.addWidget(self.feed, 3, 1)
        self.pages = QSpinBox()
        self.pages.setObjectName("scan_pages")
        self.pages.setRange(0, 500)
        self.pages.setSpecialValueText(self.tr("đến hết giấy"))
        self.pages.setToolTip(
            self.tr("Chỉ dùng với khay nạp giấy; mặt kính quét một trang mỗi lần.")
        )
        grid.addWidget(QLabel(self.tr("Số trang")), 4, 0)
        grid.addWidget(self.pages, 4, 1)
        self.extra = QLineEdit()
        self.extra.setObjectName("scan_extra")
        self.extra.setPlaceholderText(self.tr("tùy chọn riêng của máy quét (nếu cần)"))
        grid.addWidget(QLabel(self.tr("Nâng cao")), 5, 0)
        grid.addWidget(self.extra, 5, 1)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        self.scan_button = QPushButton(self.tr("Quét (F5)"))
        self.scan_button.setObjectName("scan_start")
        self.scan_button.clicked.connect(self.scan)
        self.stop_button = QPushButton(self.tr("Dừng"))
        self.stop_button.setObjectName("scan_stop")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        buttons.addWidget(self.scan_button, 1)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        self.status = note("scan_status")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._fill_modes(sane.MODES)
        self._fill_feeds(("flatbed",))
        self._options_timer = QTimer(self)
        self._options_timer.setSingleShot(True)
        self._options_timer.setInterval(500)
        self._options_timer.timeout.connect(self.load_options)
        self.device.currentTextChanged.connect(lambda _t: self._options_timer.start())
        self._found = False

    def activated(self) -> None:
        """First look at the panel: find the scanners (``scanimage -L`` takes seconds)."""
        if not self._found:
            self._found = True
            self.find_devices()

    def _fill_modes(self, modes: tuple[str, ...]) -> None:
        current = self.mode.currentData() or "color"
        self.mode.clear()
        labels = {"color": self.tr("Màu"), "gray": self.tr("Xám"), "lineart": self.tr("Đen trắng")}
        for mode in modes:
            self.mode.addItem(labels[mode], mode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(current)))

    def _fill_feeds(self, feeds: tuple[str, ...]) -> None:
        self.feed.clear()
        labels = {
            "flatbed": self.tr("Mặt kính"),
            "adf": self.tr("Khay nạp giấy (ADF)"),
            "duplex": self.tr("Hai mặt (duplex)"),
        }
        for feed in feeds:
            self.feed.addItem(labels[feed], feed)

    def device_name(self) -> str:
        index = self.device.currentIndex()
        text = self.device.currentText().strip()
        if index >= 0 and self.device.itemText(index) == text:
            return str(self.device.itemData(index))
        return text

    def find_devices(self) -> None:
        say(self.status, self.tr("Đang tìm máy quét…"))
        self.find_button.setEnabled(False)
        self.host.runner.run(
            self.scanner.devices, on_done=self._devices, on_error=self._devices_failed
        )

    def _devices(self, devices: list[ScanDevice]) -> None:
        self.find_button.setEnabled(True)
        typed = self.device.currentText()
        self.device.clear()
        for d in devices:
            self.device.addItem(f"{d.vendor} {d.model} ({d.name})", d.name)
        if devices:
            say(self.status, self.tr("Tìm thấy {n} máy quét.").format(n=len(devices)))
        else:
            self.device.setEditText(typed)
            say(
                self.status,
                self.tr(
                    "Không tìm thấy máy quét nào. Kiểm tra cáp và nguồn rồi "
                    "bấm “Tìm lại”, hoặc gõ tên thiết bị."
                ),
                True,
            )

    def _devices_failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        say(self.status, describe(exc), True)
        # No scanning software at all (rather than no scanner plugged in).
        if isinstance(exc, DomainError) and exc.code in (
            "sane_missing",
            "wia_unavailable",
            "wia_missing",
            "wia_service",
        ):
            self.scan_button.setEnabled(False)
            self.scan_button.setToolTip(describe(exc))

    def load_options(self) -> None:
        device = self.device_name()
        if not device or self.scanning:
            return
        self._asked_for = device
        self.host.runner.run(
            self.scanner.options,
            device,
            on_done=lambda o: self._options(device, o),
            on_error=lambda exc: self._options_failed(device, exc),
        )

    def _options(self, device: str, options: DeviceOptions) -> None:
        if device != self._asked_for:
            return
        self.options = options
        self._fill_modes(sane.modes_offered(options))
        self._fill_feeds(sane.feeds_offered(options))
        if options.resolution_range and len(options.resolutions) == 2:
            low, high = options.resolutions
            self.resolution.setRange(max(1, low), high)
        say(self.status, self.tr("Máy quét sẵn sàng."))

    def _options_failed(self, device: str, exc: BaseException) -> None:
        if device == self._asked_for:
            self.options = None
            say(self.status, describe(exc), True)

    def settings(self) -> ScanSettings:
        try:
            extra = tuple(shlex.split(self.extra.text()))
        except ValueError:
            raise DomainError(
                "bad_scan_option",
                "Tùy chọn riêng của máy quét bị thiếu dấu nháy đóng.",
                "The scanner's extra options lack a closing quote.",
                field="extra",
            ) from None
        # A device that names no paper sources takes none on its command line.
        feed = self.feed.currentData() if self.options and self.options.sources else None
        return ScanSettings(
            resolution=self.resolution.value(),
            mode=self.mode.currentData() or "color",
            feed=feed,
            max_pages=self.pages.value() or None,
            extra=extra,
        )

    def scan(self) -> None:
        if self.scanning or not self.scan_button.isEnabled():
            return
        device = self.device_name()
        if not device:
            say(self.status, self.tr("Chưa chọn máy quét."), True)
            return
        try:
            settings = self.settings()
        except DomainError as exc:
            say(self.status, describe(exc), True)
            return
        self._cancel = threading.Event()
        self._set_scanning(True)
        self.scanned = 0
        say(self.status, self.tr("Đang quét…"))
        self.host.runner.run(
            self.scanner.scan,
            device,
            settings,
            on_page=self._stream.put,
            cancel=self._cancel.is_set,
            on_done=self._done,
            on_error=self._failed,
            label=self.tr("Đang quét…"),
        )

    def _page(self, page: Page) -> None:
        self.scanned += 1
        self.host.add_pages([page])
        say(self.status, self.tr("Đang quét… đã nhận {n} trang.").format(n=self.scanned))

    def _done(self, pages: list[Page]) -> None:
        self._set_scanning(False)
        say(self.status, self.tr("Đã quét {n} trang.").format(n=len(pages)))

    def _failed(self, exc: BaseException) -> None:
        self._set_scanning(False)
        if isinstance(exc, DomainError) and exc.code == "cancelled":
            say(self.status, self.tr("Đã dừng quét; {n} trang đã vào khay.").format(n=self.scanned))
        else:
            say(self.status, describe(exc), True)

    def stop(self) -> None:
        if self.scanning:
            self._cancel.set()
            say(self.status, self.tr("Đang dừng sau trang hiện tại…"))

    def _set_scanning(self, on: bool) -> None:
        self.scanning = on
        self.scan_button.setEnabled(not on)
        self.stop_button.setEnabled(on)
        for w in (
            self.device,
            self.find_button,
            self.resolution,
            self.mode,
            self.feed,
            self.pages,
            self.extra,
        ):
            w.setEnabled(not on)

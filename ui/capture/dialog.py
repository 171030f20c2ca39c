"""Số hóa: capturing one dossier component's pages and saving them as its PDF.

Pages come from files, the scanner's folder, a SANE scanner or a camera,
land in the tray in the order they arrived, and are turned, ordered, removed
or re-taken there. "Lưu" cleans and encodes them into the component's PDF
in the background, with progress and a way to cancel; "Dùng lại" links the
applicant's earlier file instead. Once saved, the component's text is
recognised (OCR) in the background when the station has OCR and the
``capture_ocr`` setting is on; the clerk goes on meanwhile.

The dialog is window-modal over the counter window and steps aside while
the window is locked: a citizen's papers are never left on screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.capture.attachments import AttachResult
from app.capture.pages import Page
from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import dossier_query
from app.dossiers.views import DossierView
from ui.capture.camera import CameraPanel
from ui.capture.reuse import ReusePanel
from ui.capture.saving import RESULT_ITEM, SavingMixin
from ui.capture.sources import (
    FilesPanel,
    ScannerPanel,
    read_files,
)
from ui.capture.text_layer import TextLayerMixin
from ui.capture.tray import TrayModel, TrayView
from ui.shell.context import Context
from ui.shell.tasks import Stream
from ui.widgets.forms import heading
from ui.widgets.messages import Banner

SOURCES_WIDTH = 380


def _check_ocr() -> bool:
    from app.capture import ocr

    return ocr.available()


class CaptureDialog(SavingMixin, TextLayerMixin, QDialog):
    """Digitizing the components of one dossier."""

    saved = Signal(str)  # the dossier code, after a component was saved or reused
    # (code, component, ok) once a background recognition ended (tests wait on it).
    text_layer_finished = Signal(str, int, bool)

    def __init__(
        self, ctx: Context, code: str, component: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.runner = ctx.capture_tasks
        self.view_data: DossierView | None = None
        self.saving = False
        self._wanted = component
        self._close_when_idle = False
        self._cancel_save = threading.Event()
        self._saving_keys: list[str] = []
        self._retake_key: str | None = None
        self._next_ticket = 0
        self._flushed = 0
        self._outcomes: dict[int, Any] = {}
        self._hidden_by_lock = False
        self._advance = False
        self._recognising: list[int] = []
        self.setObjectName("capture_dialog")
        self.setWindowTitle(self.tr("Số hóa hồ sơ {code}").format(code=code))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build()
        self._wire()
        top = parent.window() if parent is not None else None
        if top is not None and top.width() > 1000:
            self.resize(top.width() - 40, top.height() - 40)
        else:
            self.resize(1300, 720)
        mode_changed = getattr(top, "mode_changed", None)
        if mode_changed is not None:
            mode_changed.connect(self._window_mode)
        self.load_components()
        self.reuse.load()
        if ctx.ocr_ready is None and self.ocr_wanted():
            ctx.ocr_tasks.run(_check_ocr, on_done=self._ocr_checked, on_error=lambda exc: None)

    def _ocr_checked(self, ready: bool) -> None:
        self.ctx.ocr_ready = ready

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 10)
        self.title = heading(self.tr("Số hóa hồ sơ {code}").format(code=self.code), 15)
        self.title.setObjectName("capture_title")
        self.subtitle = QLabel()
        # The applicant's name: data, never markup.
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setStyleSheet("color:#57606a;")
        root.addWidget(self.title)
        root.addWidget(self.subtitle)
        self.banner = Banner()
        root.addWidget(self.banner)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Thành phần")))
        self.component = QComboBox()
        self.component.setObjectName("capture_component")
        self.component.setMinimumContentsLength(30)
        self.component.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        choose.addWidget(self.component, 1)
        choose.addSpacing(12)
        choose.addWidget(QLabel(self.tr("Màu khi lưu")))
        self.colour = QComboBox()
        self.colour.setObjectName("capture_colour")
        for text, value in (
            (self.tr("Tự động"), "auto"),
            (self.tr("Màu"), "colour"),
            (self.tr("Xám"), "gray"),
            (self.tr("Đen trắng"), "bw"),
        ):
            self.colour.addItem(text, value)
        self.colour.setToolTip(
            self.tr(
                "Tự động: giữ màu khi trang có dấu đỏ, chữ ký màu; trang chỉ có chữ lưu đen trắng."
            )
        )
        choose.addWidget(self.colour)
        root.addLayout(choose)
        self.component_note = QLabel()
        self.component_note.setObjectName("component_note")
        self.component_note.setStyleSheet("color:#9a6700;")
        self.component_note.hide()
        root.addWidget(self.component_note)

        body = QHBoxLayout()
        root.addLayout(body, 1)
        self.sources = QTabWidget()
        self.sources.setObjectName("capture_sources")
        self.sources.setFixedWidth(SOURCES_WIDTH)
        self.files = FilesPanel(self)
        self.scanner = ScannerPanel(self)
        self.camera = CameraPanel(self)
        self.reuse = ReusePanel(self)
        self.sources.addTab(self.files, self.tr("Tệp"))
        self.sources.addTab(self.scanner, self.tr("Máy quét"))
        self.sources.addTab(self.camera, self.tr("Máy ảnh"))
        self.sources.addTab(self.reuse, self.tr("Dùng lại"))
        body.addWidget(self.sources)

        right = QVBoxLayout()
        body.addLayout(right, 1)
        self.model = TrayModel(self.runner, parent=self)
        self.tray = TrayView(self.model)
        tools = QHBoxLayout()
        for action in (
            self.tray.act_rotate_left,
            self.tray.act_rotate_right,
            self.tray.act_earlier,
            self.tray.act_later,
            self.tray.act_delete,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            tools.addWidget(button)
        self.retake = QToolButton()
        self.retake.setObjectName("retake")
        self.retake.setText(self.tr("Chụp lại trang này"))
        self.retake.setCheckable(True)
        self.retake.setToolTip(self.tr("Trang chụp hoặc quét tiếp theo sẽ thay trang đang chọn"))
        tools.addWidget(self.retake)
        tools.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("tray_summary")
        tools.addWidget(self.summary)
        right.addLayout(tools)
        right.addWidget(self.tray, 1)
        self.page_info = QLabel()
        self.page_info.setObjectName("page_info")
        self.page_info.setWordWrap(True)
        self.page_info.setTextFormat(Qt.TextFormat.PlainText)
        self.page_info.setMinimumHeight(36)
        right.addWidget(self.page_info)

        bottom = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("save_progress")
        self.progress.setFormat(self.tr("Đang lưu %v/%m trang"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Hủy lưu"))
        self.cancel_button.setObjectName("cancel_save")
        self.cancel_button.hide()
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"))
        self.save_button.setObjectName("save")
        self.save_button.setStyleSheet(
            "QPushButton { background:#1a7f37; color:white; font-weight:bold; padding:6px 18px; }"
            "QPushButton:disabled { background:#8fbf9b; }"
        )
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setObjectName("close")
        self.ocr_status = QLabel()
        self.ocr_status.setObjectName("ocr_status")
        self.ocr_status.setTextFormat(Qt.TextFormat.PlainText)
        self.ocr_status.hide()
        bottom.addWidget(self.ocr_status, 1)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(0)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        root.addLayout(bottom)

    def _wire(self) -> None:
        self._progress_stream = Stream(self._progress, self)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel_save)
        self.close_button.clicked.connect(self.reject)
        self.component.currentIndexChanged.connect(self._component_changed)
        self.sources.currentChanged.connect(self._source_shown)
        self.tray.files_dropped.connect(lambda paths: self.import_paths(paths, "file"))
        self.tray.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.retake.toggled.connect(self._retake_toggled)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
            self.model.dataChanged,
            self.model.modelReset,
        ):
            signal.connect(lambda *_: self._refresh())
        for key, handler in (
            ("Ctrl+S", self.save),
            ("Ctrl+O", self.files.choose_files),
            ("F5", self.scanner.scan),
            ("F6", self.camera.take),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(handler)
        self._refresh()

    # --- the dossier and its components ------------------------------------------------

    def load_components(self) -> None:
        self.runner.run(
            dossier_query.detail,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.code,
            on_done=self._show_components,
            on_error=self.banner.show_error,
        )

    def _show_components(self, view: DossierView) -> None:
        self.view_data = view
        self.subtitle.setText(f"{view.applicant_name} · {view.procedure_name}")
        wanted = self.component_index() if self.component.count() else self._wanted
        if self._advance and any(not c.digitized for c in view.components):
            wanted = None
        self._advance = False
        if wanted is None:
            # Right after receiving: the first component still on paper.
            wanted = next(
                (c.index for c in view.components if not c.digitized),
                view.components[0].index if view.components else None,
            )
        self.component.blockSignals(True)
        self.component.clear()
        for c in view.components:
            state = (
                self.tr("dùng lại")
                if c.reused
                else self.tr("đã số hóa")
                if c.digitized
                else self.tr("chưa số hóa")
            )
            self.component.addItem(f"{c.index}. {c.name} — {state}", c.index)
        if view.status in (int(Status.RESOLVED), int(Status.RETURNED)):
            # The result paper, scanned or photographed before it is handed over.
            self.component.addItem(
                self.tr("Kết quả giải quyết (bản số hóa kèm hồ sơ)"), RESULT_ITEM
            )
        self.component.setCurrentIndex(max(0, self.component.findData(wanted)))
        self.component.blockSignals(False)
        self._component_changed()

    def component_index(self) -> int | None:
        value = self.component.currentData()
        return int(value) if value is not None else None

    def component_name(self) -> str:
        index = self.component_index()
        if self.view_data is None or index is None:
            return ""
        if index == RESULT_ITEM:
            return self.tr("Kết quả giải quyết")
        return next((c.name for c in self.view_data.components if c.index == index), "")

    def _component_changed(self, *_args: Any) -> None:
        index = self.component_index()
        comp = next(
            (c for c in (self.view_data.components if self.view_data else []) if c.index == index),
            None,
        )
        if comp is not None and comp.reused:
            text = self.tr(
                "Thành phần này đang dùng lại tệp của hồ sơ trước; lưu sẽ thay bằng bản mới."
            )
        elif comp is not None and comp.digitized:
            text = self.tr("Thành phần này đã được số hóa; lưu lần nữa sẽ thay bản đã lưu.")
        else:
            text = ""
        self.component_note.setText(text)
        self.component_note.setVisible(bool(text))
        if self.reuse.loaded:
            self.reuse.match_component()

    def _source_shown(self, index: int) -> None:
        panel = self.sources.widget(index)
        if panel in (self.scanner, self.camera):
            panel.activated()

    # --- pages arriving ----------------------------------------------------------------

    def import_paths(self, paths: list[str], source: str) -> None:
        """Read ``paths`` in the background; their pages join the tray in request order."""
        if paths:
            self.fetch_pages(read_files, list(paths), source)

    def fetch_pages(self, fn: Callable[..., list[Page]], *args: Any) -> None:
        ticket = self._next_ticket
        self._next_ticket += 1
        self.runner.run(
            fn,
            *args,
            on_done=lambda pages: self._arrived(ticket, pages),
            on_error=lambda exc: self._arrived(ticket, exc),
            label=self.tr("Đang đọc tệp…"),
        )

    def _arrived(self, ticket: int, outcome: Any) -> None:
        # Two files read at once may finish in either order; the tray keeps the asked one.
        self._outcomes[ticket] = outcome
        while self._flushed in self._outcomes:
            result = self._outcomes.pop(self._flushed)
            self._flushed += 1
            if isinstance(result, BaseException):
                self.banner.show_error(result)
            else:
                self.add_pages(result)

    def add_pages(self, pages: list[Page]) -> None:
        """New pages: at the end of the tray, or in place of the page being re-taken."""
        if not pages:
            return
        try:
            row = self.model.row_of(self._retake_key) if self._retake_key else None
            if row is not None and not self.model.locked:
                self.model.replace(row, pages[0])
                self.model.add(pages[1:], at=row + 1)
                self.retake.setChecked(False)
                self.tray.select_rows([row])
                self.banner.show_message(
                    self.tr("Đã thay trang {n}.").format(n=row + 1), "info", 4000
                )
            else:
                self.model.add(pages)
                self.tray.scrollToBottom()
        except DomainError as exc:
            self.banner.show_error(exc)

    def _retake_toggled(self, on: bool) -> None:
        rows = self.tray.selected_rows()
        if on and len(rows) == 1:
            self._retake_key = self.model.tray[rows[0]].key
            self.banner.show_message(
                self.tr("Trang {n} sẽ được thay bằng trang chụp hoặc quét tiếp theo.").format(
                    n=rows[0] + 1
                ),
                "info",
            )
        else:
            self._retake_key = None
            if on:
                self.retake.setChecked(False)
            elif self.banner.kind == "info":
                self.banner.clear_message()

    # --- tray state --------------------------------------------------------------------

    def _refresh(self) -> None:
        count = len(self.model.tray)
        warned = sum(1 for row in range(count) if self.model.warnings(row))
        text = self.tr("{n} trang").format(n=count)
        if warned:
            text += " · " + self.tr("{n} trang có cảnh báo").format(n=warned)
        self.summary.setText(text)
        self.summary.setStyleSheet("color:#b3261e;" if warned else "color:#1f2328;")
        self.save_button.setEnabled(bool(count) and not self.saving)
        self._selection()

    def _selection(self) -> None:
        rows = self.tray.selected_rows() if len(self.model.tray) else []
        editable = bool(rows) and not self.model.locked
        for action in (self.tray.act_rotate_left, self.tray.act_rotate_right, self.tray.act_delete):
            action.setEnabled(editable)
        self.tray.act_earlier.setEnabled(editable and rows[0] > 0)
        self.tray.act_later.setEnabled(editable and rows[-1] < len(self.model.tray) - 1)
        self.retake.setEnabled(len(rows) == 1 and not self.model.locked or self.retake.isChecked())
        if len(rows) == 1:
            warnings = self.model.warnings(rows[0])
            lines = self.model.describe_row(rows[0]).split("\n")
            head = lines[: len(lines) - len(warnings)]
            self.page_info.setText(
                "\n".join([" · ".join(head), *("⚠ " + w for w in lines[len(head) :])])
            )
            warned = bool(warnings)
            self.page_info.setStyleSheet("color:#b3261e;" if warned else "color:#57606a;")
        elif not len(self.model.tray):
            self.page_info.setText(
                self.tr(
                    "Khay trống. Thêm tệp, quét hoặc chụp các trang theo đúng thứ tự; kéo thả để "
                    "đổi thứ tự, Ctrl+↑/↓ để đưa trang lên hoặc xuống, Del để xóa."
                )
            )
            self.page_info.setStyleSheet("color:#57606a;")
        else:
            self.page_info.clear()

    def reused(self, result: AttachResult) -> None:
        self.banner.show_message(
            self.tr("Thành phần {n} dùng lại tệp của hồ sơ {origin}.").format(
                n=result.component_index, origin=(result.reused_from or "").split("/")[0]
            ),
            "success",
        )
        self._after_change()

    def _after_change(self) -> None:
        self.saved.emit(self.code)
        if self._close_when_idle:
            self.reject()
            return
        # The next component still on paper comes up, so a whole dossier goes in one sitting.
        self._advance = True
        self.load_components()

    # --- closing and locking -----------------------------------------------------------

    def reject(self) -> None:
        if self.saving:
            # Closing must not leave a half-made PDF behind a closed dialog: stop first.
            self._close_when_idle = True
            self.cancel_save()
            self.banner.show_message(self.tr("Đang dừng lưu…"), "info")
            return
        self._shutdown()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.saving:
            event.ignore()
            self.reject()
            return
        self._shutdown()
        super().closeEvent(event)

    def _shutdown(self) -> None:
        self.scanner.stop()
        self.files.stop_watching()
        self.camera.stop()

    def _window_mode(self, mode: str) -> None:
        if mode == "locked" and self.isVisible():
            self._hidden_by_lock = True
            self.camera.stop()
            self.hide()
        elif mode == "work" and self._hidden_by_lock:
            self._hidden_by_lock = False
            self.show()
        elif mode not in ("work", "locked"):
            self.hide()
            self.reject()


def open_capture(
    parent: QWidget, ctx: Context, code: str, component: int | None = None
) -> CaptureDialog:
    """Open the capture dialog for ``code`` over ``parent`` (without a nested event loop)."""
    dialog = CaptureDialog(ctx, code, component, parent)
    dialog.open()
    return dialog

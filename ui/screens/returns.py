"""Trả kết quả: find the dossier, confirm who collects the result, record the return."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_datetime
from app.domain.status import Status
from app.dossiers import dossier_query, lookup, progress
from app.dossiers.views import DossierView
from app.infra.storage import Database
from app.office import settings
from app.office.auth import Actor
from ui.shell import i18n
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.widgets.forms import form_layout, group, heading, with_error
from ui.widgets.messages import Banner, FieldErrors, describe
from ui.widgets.print_preview import PrintJob, prepare, show_job

CONFIRM_MS = 5000
CONFIRM_STYLE = "QPushButton { font-weight:bold; padding:6px 14px; }"
ARMED_STYLE = " QPushButton { color:#8a4b00; }"


def hand_over(
    db: Database,
    actor: Actor,
    code: str,
    collector: str,
    collector_id: str,
    note: str | None,
    files: list[str],
    electronic: bool,
    number: str,
    issued: str,
) -> progress.StatusChange:
    """Worker: record the return, with the digitized result when files were chosen."""
    if not files:
        return progress.record_return(db, actor, code, collector, collector_id, note)
    # The capture stack loads on first use, not with the window.
    from app.capture import results

    details = results.ResultDetails(number=number, issued_on=results.parse_issued_on(issued))
    change, _kept = results.return_with_files(
        db,
        actor,
        code,
        collector,
        collector_id_number=collector_id,
        note=note,
        files=files,
        electronic=electronic,
        details=details,
    )
    return change


def print_slip(db: Database, actor: Actor, code: str, title: str) -> PrintJob:
    """Worker: the control sheet with the hand-over just recorded, for the collector to sign."""
    from app.paper import printing

    return prepare(printing.print_form(db, actor, "control", code), f"{title} {code}")


class ReturnPage(Screen):
    returned = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier: DossierView | None = None
        self._rows: list[tuple[str, str, str, str, str]] = []
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 10, 14, 8)
        self.banner = Banner()
        root.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setObjectName("return_query")
        self.query.setPlaceholderText(
            self.tr("Mã hồ sơ, quét mã QR trên giấy tiếp nhận, số CCCD hoặc họ tên người nộp")
        )
        self.query.setStyleSheet("font-size:15px; padding:4px;")
        self.find_button = QPushButton(self.tr("Tìm (Enter)"))
        self.find_button.setObjectName("return_find")
        row.addWidget(self.query, 1)
        row.addWidget(self.find_button)
        root.addLayout(row)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.list_title = QLabel(self.tr("Hồ sơ đã có kết quả, chờ trả"))
        self.list_title.setObjectName("return_list_title")
        left.addWidget(self.list_title)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("return_candidates")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Hẹn trả"), self.tr("Trạng thái")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 218), (2, 130), (3, 120)):
            self.table.setColumnWidth(col, width)
        left.addWidget(self.table, 1)
        columns.addLayout(left, 3)

        box = group(self.tr("Trả kết quả"))
        right = QVBoxLayout(box)
        self.title = heading(self.tr("Chưa chọn hồ sơ"), 15)
        self.title.setObjectName("return_title")
        right.addWidget(self.title)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("return_summary")
        self.summary.setWordWrap(True)
        right.addWidget(self.summary)
        form = form_layout()
        self.same_person = QCheckBox(self.tr("Người nộp hồ sơ nhận trực tiếp"))
        self.same_person.setObjectName("same_person")
        self.collector = QLineEdit()
        self.collector.setObjectName("collector_name")
        self.collector_id = QLineEdit()
        self.collector_id.setObjectName("collector_id")
        self.note = QLineEdit()
        self.note.setObjectName("return_note")
        self.note.setPlaceholderText(self.tr("ví dụ: nhận thay theo giấy ủy quyền"))
        form.addRow("", self.same_person)
        form.addRow(
            self.tr("Họ tên người nhận"), with_error(self.collector, self.errors, "collector_name")
        )
        form.addRow(self.tr("Số CCCD người nhận"), self.collector_id)
        form.addRow(self.tr("Ghi chú"), with_error(self.note, self.errors, "note"))
        # The result paper, digitized before it leaves the counter (optional unless
        # the office requires it): files from disk or from the scanner's folder.
        files_box = QWidget()
        files_row = QHBoxLayout(files_box)
        files_row.setContentsMargins(0, 0, 0, 0)
        self.result_label = QLabel(self.tr("Chưa chọn"))
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setObjectName("result_files_label")
        self.result_pick = QPushButton(self.tr("Chọn tệp…"))
        self.result_pick.setObjectName("result_pick")
        self.result_capture = QPushButton(self.tr("Quét / chụp…"))
        self.result_capture.setObjectName("result_capture")
        files_row.addWidget(self.result_label, 1)
        files_row.addWidget(self.result_pick)
        files_row.addWidget(self.result_capture)
        self.result_electronic = QCheckBox(self.tr("Kết quả điện tử (giữ nguyên tệp PDF)"))
        self.result_electronic.setObjectName("result_electronic")
        self.result_number = QLineEdit()
        self.result_number.setObjectName("result_number")
        self.result_date = QLineEdit()
        self.result_date.setObjectName("result_date")
        self.result_date.setPlaceholderText("dd/mm/yyyy")
        form.addRow(
            self.tr("Bản số hóa kết quả"), with_error(files_box, self.errors, "result_file")
        )
        form.addRow("", self.result_electronic)
        form.addRow(
            self.tr("Số kết quả"), with_error(self.result_number, self.errors, "result_number")
        )
        form.addRow(self.tr("Ngày cấp"), with_error(self.result_date, self.errors, "result_date"))
        self.result_files: list[str] = []
        self.capture_dialog = None
        right.addLayout(form)
        self.print_slip = QCheckBox(self.tr("In phiếu kiểm soát để người nhận ký"))
        self.print_slip.setObjectName("return_print_slip")
        form.addRow("", self.print_slip)
        self.confirm = QPushButton(self.tr("Xác nhận đã trả kết quả"))
        self.confirm.setObjectName("confirm_return")
        self.confirm.setStyleSheet(CONFIRM_STYLE)
        self.confirm.setEnabled(False)
        right.addWidget(self.confirm, alignment=Qt.AlignmentFlag.AlignRight)
        # A hand-over cannot be undone: the first press names the dossier and the
        # collector, the second (within CONFIRM_MS) records it.
        self._armed = ""
        self._armed_timer = QTimer(self)
        self._armed_timer.setSingleShot(True)
        self._armed_timer.timeout.connect(self._disarm)
        self.preview_dialog = None
        right.addStretch(1)
        columns.addWidget(box, 2)
        root.addLayout(columns, 1)
        self.errors.alias("code", "collector_name")
        self.errors.alias("status", "collector_name")

        self.query.returnPressed.connect(lambda: self.find(self.query.text()))
        self.find_button.clicked.connect(lambda: self.find(self.query.text()))
        self.table.currentCellChanged.connect(lambda r, *_: self._pick_row(r))
        self.same_person.toggled.connect(self._same_person)
        self.collector.returnPressed.connect(self.record)
        self.confirm.clicked.connect(self.record)
        for field in (self.collector, self.collector_id, self.note):
            field.textEdited.connect(self._disarm)
        self.result_pick.clicked.connect(self._pick_result_files)
        self.result_capture.clicked.connect(self.capture_result)

    def activated(self) -> None:
        self.print_slip.setChecked(
            settings.is_on(self.ctx.settings.get("return_print_slip"), default=True)
        )
        self.load_waiting()
        self.query.setFocus()

    def load_waiting(self) -> None:
        flt = dossier_query.DossierFilter(status=int(Status.RESOLVED))
        self.ctx.tasks.run(
            dossier_query.fetch_page,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            flt,
            None,
            100,
            on_done=self._show_waiting,
            on_error=self.banner.show_error,
        )

    def _show_waiting(self, page: dossier_query.Page) -> None:
        self.list_title.setText(self.tr("Hồ sơ đã có kết quả, chờ trả"))
        self._fill(
            [
                (
                    r.code,
                    r.applicant_name,
                    format_datetime(r.due_at),
                    Status(r.status).label(i18n.language()),
                    "",
                )
                for r in page.rows
            ]
        )

    def _fill(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values[:4]):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def find(self, query: str) -> None:
        self.query.setText(query)
        self.errors.clear()
        self.ctx.tasks.run(
            lookup.lookup,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            query,
            on_done=self._found,
            on_error=self.errors.show,
            label=self.tr("Đang tìm hồ sơ…"),
        )

    def _found(self, result: lookup.LookupResult) -> None:
        if not result.items:
            self.banner.show_error(self.tr("Không tìm thấy hồ sơ nào."))
            return
        self.list_title.setText(self.tr("Kết quả tìm: {n} hồ sơ").format(n=len(result.items)))
        self._fill(
            [
                (
                    d.code,
                    d.applicant_name,
                    format_datetime(d.due_at),
                    Status(d.status).label(i18n.language()),
                    "",
                )
                for d in result.items
            ]
        )
        self.table.selectRow(0)
        if len(result.items) == 1:
            self.show_dossier(result.items[0].code)

    def _pick_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.show_dossier(self._rows[row][0])

    def show_dossier(self, code: str) -> None:
        self.ctx.tasks.run(
            dossier_query.detail,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            code,
            on_done=self._show,
            on_error=self.errors.show,
        )

    def _show(self, d: DossierView) -> None:
        if self._armed != d.code:
            self._disarm()
        self.dossier = d
        self.title.setText(d.code)
        lang = i18n.language()
        self.summary.setText(
            self.tr(
                "Người nộp: {name} ({id})\nThủ tục: {proc}\nHẹn trả: {due}\nTrạng thái: {status}"
            ).format(
                name=d.applicant_name,
                id=d.applicant_id_number or "—",
                proc=d.procedure_name,
                due=format_datetime(d.due_at),
                status=Status(d.status).label(lang),
            )
        )
        ready = d.status == int(Status.RESOLVED)
        self.confirm.setEnabled(ready)
        if d.status == int(Status.RETURNED):
            pass  # just recorded here, or looked up afterwards: the summary says it all
        elif not ready:
            self.errors.clear()
            self.banner.show_message(
                self.tr(
                    "Hồ sơ đang ở trạng thái “{status}”; chỉ trả kết quả khi hồ sơ đã xử lý xong."
                ).format(status=Status(d.status).label(lang)),
                "info",
            )
        elif not self._armed:
            # A refresh of the dossier being confirmed keeps the question on screen.
            self.banner.clear_message()
        if not self._armed:
            self.same_person.setChecked(ready)
            self._same_person(self.same_person.isChecked())
        if ready:
            self.collector.setFocus()

    def _same_person(self, checked: bool) -> None:
        if checked and self.dossier is not None:
            self.collector.setText(self.dossier.applicant_name)
            self.collector_id.setText(self.dossier.applicant_id_number or "")
        elif not checked:
            self.collector.clear()
            self.collector_id.clear()

    def _pick_result_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn tệp kết quả"),
            self.ctx.settings.get("capture_watch_folder", ""),
            self.tr("Ảnh hoặc PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)"),
        )
        if paths:
            self.set_result_files(paths)

    def capture_result(self) -> None:
        """The digitizing dialog (scanner, camera, watched folder, files) on the result."""
        if self.dossier is None:
            return
        # The capture stack loads on first use, not with the window.
        from ui.capture.dialog import RESULT_ITEM, open_capture

        self.capture_dialog = open_capture(self, self.ctx, self.dossier.code, RESULT_ITEM)
        self.capture_dialog.saved.connect(self._result_captured)

    def _result_captured(self, code: str) -> None:
        if self.dossier is not None and self.dossier.code == code:
            # Files picked earlier would replace it at hand-over: the scan wins.
            self.set_result_files([])
            self.result_label.setText(self.tr("Đã lưu bản số hóa kết quả"))

    def set_result_files(self, paths: list[str]) -> None:
        """The result's files, in page order (the file dialog, or a test)."""
        self.result_files = list(paths)
        names = ", ".join(Path(p).name for p in self.result_files)
        self.result_label.setText(names or self.tr("Chưa chọn"))

    def _clear_result(self) -> None:
        self.set_result_files([])
        self.result_electronic.setChecked(False)
        self.result_number.clear()
        self.result_date.clear()

    def record(self) -> None:
        """The button (or Enter): the first press asks, the second records the hand-over."""
        if self.dossier is None or not self.confirm.isEnabled():
            return
        code = self.dossier.code
        if self._armed != code:
            self._arm(code)
            return
        self._disarm()
        self.errors.clear()
        self.confirm.setEnabled(False)
        self.ctx.tasks.run(
            hand_over,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.dossier.code,
            self.collector.text(),
            self.collector_id.text(),
            self.note.text() or None,
            list(self.result_files),
            self.result_electronic.isChecked(),
            self.result_number.text(),
            self.result_date.text(),
            on_done=self._recorded,
            on_error=self._failed,
            label=self.tr("Đang ghi nhận trả kết quả…"),
        )

    def _arm(self, code: str) -> None:
        self._armed = code
        collector = " ".join(self.collector.text().split()) or self.tr("(chưa nhập người nhận)")
        self.confirm.setText(self.tr("Bấm lần nữa để trả hồ sơ {code}").format(code=code))
        self.confirm.setStyleSheet(CONFIRM_STYLE + ARMED_STYLE)
        self.banner.show_message(
            self.tr(
                "Trả kết quả hồ sơ {code} cho {collector}? Việc này không hoàn tác được. "
                "Bấm nút lần nữa (hoặc Enter) trong {s} giây để xác nhận."
            ).format(code=code, collector=collector, s=CONFIRM_MS // 1000),
            "info",
            CONFIRM_MS,
        )
        self._armed_timer.start(CONFIRM_MS)

    def _disarm(self) -> None:
        if self._armed:
            self.banner.clear_message()
        self._armed = ""
        self._armed_timer.stop()
        self.confirm.setText(self.tr("Xác nhận đã trả kết quả"))
        self.confirm.setStyleSheet(CONFIRM_STYLE)

    def _failed(self, exc: BaseException) -> None:
        self.confirm.setEnabled(True)
        self.errors.show(exc)

    def _recorded(self, change: progress.StatusChange) -> None:
        self.banner.show_message(
            self.tr("Đã trả kết quả hồ sơ {code} lúc {at}.").format(
                code=change.code, at=format_datetime(change.at)
            ),
            "success",
        )
        self.note.clear()
        self._clear_result()
        self.returned.emit(change.code)
        self.data_changed.emit()
        self.show_dossier(change.code)
        self.load_waiting()
        if self.print_slip.isChecked():
            self.ctx.tasks.run(
                print_slip,
                self.ctx.require_db(),
                self.ctx.require_actor(),
                change.code,
                self.tr("Phiếu kiểm soát"),
                on_done=self._slip_ready,
                on_error=lambda exc: self.banner.show_error(
                    self.tr("Đã trả kết quả nhưng chưa in được phiếu kiểm soát: {why}").format(
                        why=describe(exc)
                    )
                ),
                label=self.tr("Đang in phiếu kiểm soát…"),
            )

    def _slip_ready(self, job: PrintJob) -> None:
        self.preview_dialog = show_job(self, self.ctx, job, self.banner)

"""Tiếp nhận: receive a dossier and hand over the printed receipt.

Keyboard flow: type the procedure, Enter; scan the ID card (or type the
applicant); Tab through the checklist; Ctrl+Enter receives and opens the
receipt's print preview. F2 starts a new dossier, Esc twice abandons the one
being typed, Ctrl+P prints the last receipt again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.cccd import CccdData
from app.domain.errors import DomainError, DomainErrors, ErrorCollector
from app.dossiers import intake, intake_preview
from app.dossiers.intake_preview import ProcedureForm
from app.infra import clock
from app.infra.storage import Database
from app.office import auth, catalogue, settings
from app.office.auth import Actor
from ui.shell import i18n
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.widgets.applicant_form import ApplicantForm
from ui.widgets.components_table import ComponentsTable
from ui.widgets.fee_paid_box import FeePaidBox
from ui.widgets.forms import form_layout, group, with_error
from ui.widgets.messages import Banner, FieldErrors, describe
from ui.widgets.print_preview import PrintJob, prepare, show_job
from ui.widgets.procedure_picker import ProcedurePicker
from ui.widgets.restore_notice import RestoreNotice
from ui.widgets.supervisor_confirm import SupervisorConfirm

PREVIEW_REFRESH_MS = 60_000
# The receipt's preview is built and painted on the GUI thread; the refreshes a
# receipt starts (the status bar, the day's counts and lists, the citizen's
# screen) run on workers that hold the interpreter in turns with it. They start
# this long after the preview opened, so the window never freezes between the
# two (a stall over 100 ms on a busy two-core PC otherwise).
ANNOUNCE_AFTER_PREVIEW_MS = 400
ESC_CONFIRM_MS = 3_000


# The PDF stack (reportlab, fonts) is imported by the workers on first use, so the
# window does not wait for it at start.


def receive_and_print(
    db: Database,
    actor: Actor,
    data: dict[str, Any],
    title: str,
    layout: str | None = None,
    confirm: tuple[str, str] | None = None,
) -> tuple:
    """Worker: receive, render the receipt, rasterise it. A failed print keeps the dossier.

    ``confirm`` is a supervisor's username and password, checked here, for
    what the clerk may not decide alone (a date typed by hand, an ID warning).
    """
    confirm_by = None
    if confirm is not None:
        confirm_by = auth.confirm(db, *confirm, "dossier.confirm", clock.now()).username
    result = intake.receive(db, actor, data, confirm_by=confirm_by)
    try:
        from app.paper import printing

        pdf = printing.print_form(db, actor, "receipt", result.code, layout=layout)
        return result, prepare(pdf, f"{title} {result.code}"), None
    except Exception as exc:  # the dossier is received either way; say the print failed
        return result, None, exc


def print_receipt(
    db: Database, actor: Actor, code: str, title: str, layout: str | None = None
) -> PrintJob:
    from app.paper import printing

    pdf = printing.print_form(db, actor, "receipt", code, layout=layout)
    return prepare(pdf, f"{title} {code}")


def render_slip(
    db: Database, actor: Actor, form: str, data: dict[str, Any], reason: str, title: str
) -> PrintJob:
    from app.paper import slips as intake_slips

    return prepare(intake_slips.print_slip(db, actor, form, data, reason), title)


def render_guide(db: Database, actor: Actor, code: str, title: str) -> PrintJob:
    from app.office import settings
    from app.paper.guide_print import print_guide

    with db.read() as session:
        layout = settings.get(session, "receipt_layout")
    return prepare(print_guide(db, actor, code, layout=layout), f"{title} {code}")


def load_procedure(db: Database, code: str, at: datetime) -> tuple:
    form = intake_preview.procedure_form(db, code)
    due = intake_preview.preview_due(db, code, at) if form.receivable else None
    return form, due


class ReceivePage(Screen):
    received = Signal(object)  # ReceiveResult

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form: ProcedureForm | None = None
        self.last_result: intake.ReceiveResult | None = None
        self.last_job: PrintJob | None = None
        self.last_layout: str | None = None
        self.preview_dialog = None
        self._busy = False
        # Ctrl+Enter pressed while the picked procedure is still loading: received
        # as soon as it has loaded (a scanner and a quick hand are faster than it).
        self._receive_when_loaded = False
        self._esc_armed = False
        self._returning_asked = 0
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 10, 14, 8)
        self.restore_notice = RestoreNotice()
        root.addWidget(self.restore_notice)
        self.banner = Banner(reserve=True)
        root.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        columns = QHBoxLayout()
        root.addLayout(columns, 1)

        left = QVBoxLayout()
        proc_box = group(self.tr("1. Thủ tục hành chính"))
        proc_layout = QVBoxLayout(proc_box)
        self.picker = ProcedurePicker()
        proc_layout.addWidget(with_error(self.picker, self.errors, "procedure"))
        # The citizen's take-home guide to the procedure picked (what to bring,
        # fee, time, where to collect), before anything is filed.
        self.guide_button = QPushButton(self.tr("In hướng dẫn thủ tục"))
        self.guide_button.setObjectName("procedure_guide")
        self.guide_button.clicked.connect(self.print_guide)
        proc_layout.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignRight)
        left.addWidget(proc_box, 1)
        app_box = group(self.tr("2. Người nộp hồ sơ (quét mã QR trên CCCD để điền tự động)"))
        app_layout = QVBoxLayout(app_box)
        self.applicant = ApplicantForm(self.errors)
        app_layout.addWidget(self.applicant)
        left.addWidget(app_box)
        columns.addLayout(left, 5)

        right = QVBoxLayout()
        comp_box = group(self.tr("3. Thành phần hồ sơ đã nộp"))
        comp_layout = QVBoxLayout(comp_box)
        self.components = ComponentsTable()
        comp_layout.addWidget(with_error(self.components, self.errors, "components"), 1)
        self.components.counts_changed.connect(
            lambda: self.form and self.fee.setText(self.components.fee_text(self.form.fee_amount))
        )
        extra = form_layout()
        self.sets = QSpinBox()
        self.sets.setObjectName("sets")
        self.sets.setRange(1, 99)
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(self.tr("mặc định: tên thủ tục"))
        extra.addRow(self.tr("Số bộ hồ sơ"), with_error(self.sets, self.errors, "sets"))
        extra.addRow(self.tr("Nội dung yêu cầu"), with_error(self.summary, self.errors, "summary"))
        comp_layout.addLayout(extra)
        right.addWidget(comp_box, 1)
        due_box = group(self.tr("4. Lệ phí và hẹn trả kết quả"))
        due_layout = form_layout()
        due_box.setLayout(due_layout)
        self.fee = QLabel("—")
        self.fee.setObjectName("fee")
        self.fee_box = FeePaidBox(self.errors)
        fee_row = QHBoxLayout()
        fee_row.addWidget(self.fee)
        fee_row.addStretch(1)
        fee_row.addWidget(self.fee_box)
        due_layout.addRow(self.tr("Lệ phí"), fee_row)
        self.processing = QLabel("—")
        self.processing.setObjectName("processing_time")
        due_layout.addRow(self.tr("Thời hạn giải quyết"), self.processing)
        self.due = QLabel("—")
        self.due.setObjectName("due_preview")
        self.due.setStyleSheet("font-weight:bold; color:#0b5394;")
        self.due.setWordWrap(True)
        due_layout.addRow(self.tr("Hẹn trả (nếu nhận bây giờ)"), self.due)
        # A procedure the catalogue gives no processing time is still received: the
        # clerk types the promised date and a supervisor confirms it here.
        self.manual_due = QDateTimeEdit()
        self.manual_due.setObjectName("manual_due")
        self.manual_due.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.manual_due.setCalendarPopup(True)
        self.manual_due_row = with_error(self.manual_due, self.errors, "due_at")
        due_layout.addRow(self.tr("Ngày hẹn trả (nhập tay)"), self.manual_due_row)
        self.confirm = SupervisorConfirm()
        self.confirm_row = with_error(self.confirm, self.errors, "confirm_by")
        due_layout.addRow(self.tr("Lãnh đạo xác nhận"), self.confirm_row)
        self.due_layout = due_layout
        self._show_manual_due(False)
        self._show_confirm(False)
        right.addWidget(due_box)
        columns.addLayout(right, 6)

        actions = QHBoxLayout()
        self.receive_button = QPushButton(self.tr("Tiếp nhận (Ctrl+Enter)"))
        self.receive_button.setObjectName("receive")
        self.receive_button.setStyleSheet(
            "QPushButton { background:#1a7f37; color:white; font-weight:bold; padding:6px 16px; }"
            "QPushButton:disabled { background:#8fbf9b; }"
        )
        self.receive_button.clicked.connect(self.receive)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Lý do (khi không tiếp nhận)"))
        self.supplement_button = QPushButton(self.tr("Phiếu yêu cầu bổ sung"))
        self.supplement_button.setObjectName("supplement_slip")
        self.supplement_button.clicked.connect(lambda: self.print_slip("supplement"))
        self.refusal_button = QPushButton(self.tr("Phiếu từ chối"))
        self.refusal_button.setObjectName("refusal_slip")
        self.refusal_button.clicked.connect(lambda: self.print_slip("refusal"))
        self.new_button = QPushButton(self.tr("Hồ sơ mới (F2)"))
        self.new_button.setObjectName("new_dossier")
        self.new_button.clicked.connect(self.new_dossier)
        # The station's paper is the default; a citizen who wants the other one gets it
        # for this receipt only (the next dossier starts from the default again).
        self.paper = QComboBox()
        self.paper.setObjectName("receipt_paper")
        self.paper.setToolTip(self.tr("Khổ giấy của biên nhận này"))
        self.paper.addItem(self.tr("Khổ A4"), "a4")
        self.paper.addItem(self.tr("Cuộn 80 mm"), "80mm")
        actions.addWidget(self.receive_button)
        actions.addWidget(self.paper)
        actions.addSpacing(12)
        actions.addWidget(with_error(self.reason, self.errors, "reason"), 1)
        actions.addWidget(self.supplement_button)
        actions.addWidget(self.refusal_button)
        actions.addWidget(self.new_button)
        root.addLayout(actions)
        self.errors.alias("missing", "reason")
        self.result = QLabel()
        self.result.setObjectName("last_result")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setStyleSheet("font-size:14px; color:#145a2e; font-weight:bold;")
        self.digitize_button = QPushButton(self.tr("Số hóa hồ sơ"))
        self.digitize_button.setObjectName("digitize")
        self.digitize_button.setToolTip(self.tr("Quét hoặc chụp giấy tờ của hồ sơ vừa tiếp nhận"))
        self.digitize_button.clicked.connect(self.digitize)
        self.digitize_button.hide()
        self.capture_dialog = None
        self.link_warning = QLabel(
            self.tr("⚠ Chưa có địa chỉ tra cứu công khai: mã QR trên biên nhận chỉ mang mã hồ sơ.")
        )
        self.link_warning.setToolTip(
            self.tr(
                "Người dân chưa tra cứu được bằng điện thoại. Đặt địa chỉ trong "
                "Cài đặt → Tra cứu và VietQR."
            )
        )
        self.link_warning.setObjectName("link_warning")
        self.link_warning.setWordWrap(True)
        self.link_warning.setStyleSheet("color:#8a4b00;")
        done = QHBoxLayout()
        done.addWidget(self.result, 1)
        done.addWidget(self.link_warning, 2)
        done.addWidget(self.digitize_button)
        root.addLayout(done)

        self._tab_order()
        self._shortcut("Ctrl+Return", self.receive)
        self._shortcut("Ctrl+Enter", self.receive)
        self._shortcut("Escape", self.cancel)
        from ui.widgets.scanner_input import ScannerWatcher

        self.scanner = ScannerWatcher(self)
        self.scanner.scanned.connect(self.card_scanned)
        self.scanner.scan_failed.connect(self.banner.show_error)
        self.scanner.receipt.connect(self._receipt_scanned)
        self.serial = None
        self._open_serial()
        self.picker.picked.connect(self._procedure_picked)
        self.applicant.id_entered.connect(self._check_returning)
        self._preview_timer = QTimer(self)
        self._preview_timer.timeout.connect(self._refresh_due)
        self._preview_timer.start(PREVIEW_REFRESH_MS)
        self.picker.set_procedures(catalogue.list_procedures(ctx.require_db()))
        self._show_link_warning()

    def _shortcut(self, key: str, handler) -> None:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(handler)

    def _tab_order(self) -> None:
        chain = [
            self.picker.search,
            self.picker.list,
            *self.applicant.fields_in_tab_order(),
            self.components,
            self.sets,
            self.summary,
            *self.fee_box.tab_chain(),
            self.receive_button,
            self.paper,
            self.reason,
            self.supplement_button,
            self.refusal_button,
            self.new_button,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def activated(self) -> None:
        if not self._has_input():
            self._default_paper()
        self._open_serial()
        self._show_link_warning()
        if self.focusWidget() is None or not self.isAncestorOf(self.focusWidget()):
            self.picker.search.setFocus()

    def _open_serial(self) -> None:
        """Listen to a scanner in serial mode when the station names its port."""
        port = self.ctx.settings.get("scanner_serial_port", "").strip()
        if self.serial is not None and self.serial.port_name == port:
            return
        if self.serial is not None:
            self.serial.close()
            self.serial.deleteLater()
            self.serial = None
        if not port:
            return
        from ui.widgets.serial_scanner import SerialScanner

        self.serial = SerialScanner(port, self)
        self.serial.line.connect(self._serial_line)
        self.serial.failed.connect(self.banner.show_error)
        self.serial.open()

    def _serial_line(self, text: str) -> None:
        from ui.widgets.scanner_input import classify

        kind = classify(text)
        if kind is None:
            self.banner.show_error(
                self.tr("Máy quét gửi một mã không phải mã QR trên CCCD hay giấy tiếp nhận.")
            )
            return
        self.scanner.deliver(kind, text)

    def _receipt_scanned(self, link: str) -> None:
        from app.domain.scanstream import receipt_code

        self.open_dossier.emit(receipt_code(link))

    # --- procedure and preview -------------------------------------------------------

    def _procedure_picked(self, proc: catalogue.ProcedureSummary) -> None:
        self.errors.clear()
        self._receive_when_loaded = False
        self.ctx.tasks.run(
            load_procedure,
            self.ctx.require_db(),
            proc.code,
            self.ctx.now(),
            on_done=self._show_procedure,
            on_error=self._procedure_failed,
            label=self.tr("Đang tải thủ tục…"),
        )
        self.applicant.id_number.setFocus()

    def _procedure_failed(self, exc: BaseException) -> None:
        self._receive_when_loaded = False
        self.errors.show(exc)

    def _procedure_loading(self) -> bool:
        current = self.picker.current
        return current is not None and (self.form is None or self.form.code != current.code)

    def _show_procedure(self, loaded: tuple) -> None:
        form, due = loaded
        if self.picker.current is None or self.picker.current.code != form.code:
            return  # the clerk picked another procedure meanwhile
        self.form = form
        self.components.set_components(form.components, form.fee_rule)  # shows the fee
        self.processing.setText(form.processing_text)
        self.fee_box.set_free(form.fee_amount == 0 and form.fee_rule is None)
        self._show_due(due)
        self._show_manual_due(not form.receivable)
        self._show_confirm(not form.receivable)
        if not form.receivable:
            # A warning, not a refusal: the dossier is received with a confirmed date.
            now = self.ctx.now()
            self.manual_due.setDateTime(
                QDateTime(QDate(now.year, now.month, now.day).addDays(1), QTime(16, 30))
            )
            self.banner.show_message(
                self.tr(
                    "Thủ tục chưa có thời hạn giải quyết trong danh mục: nhập ngày hẹn trả; "
                    "lãnh đạo bộ phận xác nhận bằng tên đăng nhập và mật khẩu của mình."
                ),
                "info",
            )
        if self._receive_when_loaded:
            self._receive_when_loaded = False
            if form.receivable:  # a date typed by hand is the clerk's to fill first
                self.receive()

    def _show_manual_due(self, shown: bool) -> None:
        # The computed date and the typed one never show together.
        self.due_layout.setRowVisible(self.manual_due_row, shown)
        self.due_layout.setRowVisible(self.due, not shown)

    def _show_confirm(self, shown: bool) -> None:
        self.due_layout.setRowVisible(self.confirm_row, shown)

    def _show_due(self, due: datetime | None) -> None:
        self.due.setText(i18n.long_datetime(due) if due else "—")

    def _refresh_due(self) -> None:
        if self.form is None or not self.form.receivable or not self.isVisible():
            return
        code = self.form.code

        def show(due: datetime) -> None:
            if self.form is not None and self.form.code == code:
                self._show_due(due)

        self.ctx.tasks.run(
            intake_preview.preview_due,
            self.ctx.require_db(),
            code,
            self.ctx.now(),
            on_done=show,
            on_error=lambda exc: None,
        )

    # --- applicant -------------------------------------------------------------------

    def card_scanned(self, card: CccdData) -> None:
        self.errors.clear()
        self.applicant.fill_from_card(card)
        self.banner.show_message(
            self.tr("Đã đọc CCCD của {name}.").format(name=card.full_name), "info", 5000
        )
        self._check_returning(card.id_number)
        self.applicant.phone.setFocus()

    def _check_returning(self, number: str) -> None:
        self._returning_asked += 1
        if len("".join(number.split())) < 9:
            self.applicant.hide_offer()
            return
        asked = self._returning_asked

        def show(saved) -> None:
            if asked == self._returning_asked:  # an answer to an older number is stale
                self.applicant.offer_saved(saved)

        self.ctx.tasks.run(
            intake_preview.returning_applicant,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            number,
            on_done=show,
            on_error=lambda exc: None,
        )

    # --- receive ---------------------------------------------------------------------

    def collect(self, found: ErrorCollector | None = None) -> dict[str, Any]:
        """The intake as ``app.dossiers.intake.receive`` takes it.

        A mistyped date raises, or with ``found`` is noted there and left out.
        """
        data: dict[str, Any] = {
            "procedure": self.picker.current.code if self.picker.current else "",
            "applicant": self.applicant.values(found),
            "components": self.components.checked_components(),
            "sets": self.sets.value(),
            **self.fee_box.values(),
        }
        if self.summary.text().strip():
            data["summary"] = self.summary.text()
        if self.form is not None and not self.form.receivable:
            data["due_at"] = self.manual_due.dateTime().toPython().replace(second=0).isoformat()
        return data

    def _start(self, receiving: bool = False) -> dict[str, Any] | None:
        """The form's data, or None after every mistake in it has been shown."""
        if self._busy:
            return None
        self.errors.clear()
        self._esc_armed = False
        found = ErrorCollector()
        if self.picker.current is None:
            found.add(DomainError("no_procedure", self.tr("Chưa chọn thủ tục."), field="procedure"))
        data = self.collect(found)
        self.components.require_pages(found)
        if receiving:  # a slip receives nothing: no fee taken
            self.fee_box.require_method(found)
        if not found.errors:
            return data
        # The window already knows one mistake; the use case names all the others
        # (without writing; it never checks pages) so the clerk hears of every one.
        mine = {e.field for e in found.errors if e.code != "missing_pages"}
        if "procedure" in mine:
            mine.add("components")  # nothing to tick before a procedure is chosen
        local = list(found.errors)
        self._show_error(DomainErrors(local))
        self.ctx.tasks.run(
            intake.problems,
            self.ctx.require_db(),
            data,
            self.ctx.now(),
            on_done=lambda more: self._show_error(
                DomainErrors(local + [e for e in more if e.field not in mine])
            ),
            on_error=self._failed,
            label=self.tr("Đang kiểm tra hồ sơ…"),
        )
        return None

    def receive(self) -> None:
        if self._procedure_loading():
            self._receive_when_loaded = True
            self.banner.show_message(
                self.tr("Đang tải thủ tục; hồ sơ được tiếp nhận ngay khi tải xong.")
            )
            return
        data = self._start(receiving=True)
        if data is None:
            return
        self._set_busy(True)
        self.ctx.tasks.run(
            receive_and_print,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            data,
            self.tr("Giấy tiếp nhận"),
            self.paper.currentData(),
            self.confirm.credentials(),
            on_done=self._received,
            on_error=self._failed,
            label=self.tr("Đang tiếp nhận và in biên nhận…"),
        )

    def _received(self, outcome: tuple) -> None:
        result, job, print_error = outcome
        self._set_busy(False)
        self.last_result, self.last_job = result, job
        self.last_layout = self.paper.currentData()  # Ctrl+P prints it again on the same paper
        self.fee_box.remember()
        self.result.setText(
            self.tr("Đã tiếp nhận hồ sơ {code} — hẹn trả {due}").format(
                code=result.code, due=i18n.long_datetime(result.due_at)
            )
        )
        self.clear_form()
        self.digitize_button.show()
        if print_error is not None:
            self.banner.show_error(
                self.tr(
                    "Hồ sơ đã được tiếp nhận nhưng chưa in được biên nhận: "
                    "{why} Nhấn Ctrl+P để in lại."
                ).format(why=describe(print_error))
            )
            self._announce(result)
            return
        # The preview opens on the next event-loop turn: clearing the form and
        # building the preview dialog are each tens of milliseconds on a busy
        # PC, and done in one turn they froze the window for their sum.
        # With ``self`` as context the call is dropped if the page goes (sign-out).
        QTimer.singleShot(0, self, lambda: self._preview_received(result, job))

    def _preview_received(self, result: intake.ReceiveResult, job: PrintJob) -> None:
        self.open_preview(job)
        QTimer.singleShot(ANNOUNCE_AFTER_PREVIEW_MS, self, lambda: self._announce(result))

    def _announce(self, result: intake.ReceiveResult) -> None:
        """Tell the window (citizen's screen, counts, lists) that a dossier was received."""
        self.received.emit(result)
        self.data_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.confirm.password.clear()
        if isinstance(exc, DomainError) and exc.code == "needs_supervisor":
            # A date typed by hand or an ID/card disagreement: a supervisor confirms
            # right here, beside the fields for it (the CLI's message names --confirm-by).
            self._show_confirm(True)
            exc = DomainError(
                exc.code,
                exc.message_vi.replace(" (--confirm-by)", ""),
                exc.message_en.replace(" (--confirm-by)", ""),
                field="confirm_by",
            )
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        shown = self.errors.show_all(exc)
        a = self.applicant
        # Focus goes to the first field at fault in the order the form is filled.
        for field, widget in (
            ("procedure", self.picker.search),
            ("id_number", a.id_number),
            ("tax_code", a.id_number),
            ("full_name", a.full_name),
            ("applicant", a.full_name),
            ("birth_date", a.birth_date),
            ("sex", a.sex),
            ("address", a.address),
            ("phone", a.phone),
            ("email", a.email),
            ("components", self.components),
            ("sets", self.sets),
            ("summary", self.summary),
            ("reason", self.reason),
            ("missing", self.reason),
            ("due_at", self.manual_due),
            ("fee_payment_method", self.fee_box.method),
            ("confirm_by", self.confirm.username),
        ):
            if field in shown:
                widget.setFocus()
                return

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for b in (self.receive_button, self.supplement_button, self.refusal_button):
            b.setEnabled(not busy)

    def open_preview(self, job: PrintJob | None) -> None:
        if job is not None:
            self.preview_dialog = show_job(self, self.ctx, job, self.banner)

    def _show_link_warning(self) -> None:
        """Say, before any receipt, when its QR could not take a citizen to the look-up page."""
        base = self.ctx.settings.get("public_base_url") or self.ctx.settings.get("server_url")
        reachable = bool(base) and settings.link_reaches_citizens(base)
        self.link_warning.setVisible(not reachable)

    def print_current(self) -> None:
        """Ctrl+P: the last receipt again (marked as a copy once printed)."""
        if self.last_result is None or self._busy:
            self.banner.show_message(self.tr("Chưa có biên nhận nào để in."), "info", 4000)
            return
        self._set_busy(True)
        self.ctx.tasks.run(
            print_receipt,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.last_result.code,
            self.tr("Giấy tiếp nhận"),
            self.last_layout,
            on_done=self._printed,
            on_error=self._failed,
            label=self.tr("Đang in…"),
        )

    def _printed(self, job: PrintJob) -> None:
        self._set_busy(False)
        self.last_job = job
        self.open_preview(job)

    def print_guide(self) -> None:
        if self.picker.current is None:
            self.errors.set("procedure", self.tr("Chọn thủ tục để in hướng dẫn."))
            self.picker.search.setFocus()
            return
        self._set_busy(True)
        self.ctx.tasks.run(
            render_guide,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.picker.current.code,
            self.tr("Hướng dẫn thực hiện thủ tục hành chính"),
            on_done=self._printed,
            on_error=self._failed,
            label=self.tr("Đang in hướng dẫn…"),
        )

    def print_slip(self, form: str) -> None:
        data = self._start()
        if data is None:
            return
        self._set_busy(True)
        title = {
            "supplement": self.tr("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            "refusal": self.tr("Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        }[form]
        self.ctx.tasks.run(
            render_slip,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            form,
            data,
            self.reason.text(),
            title,
            on_done=self._printed,
            on_error=self._failed,
            label=self.tr("Đang in phiếu…"),
        )

    # --- new / cancel ----------------------------------------------------------------

    def clear_form(self) -> None:
        self.form = None
        self.picker.clear()
        self.applicant.clear()
        self.components.clear_components()
        self.sets.setValue(1)
        self.summary.clear()
        self.reason.clear()
        self.fee.setText("—")
        self.fee_box.reset()
        self.processing.setText("—")
        self.due.setText("—")
        self.confirm.clear()
        self._show_manual_due(False)
        self._show_confirm(False)
        self.errors.clear()
        self._esc_armed = False
        self._default_paper()
        self.picker.search.setFocus()

    def _default_paper(self) -> None:
        layout = self.ctx.settings.get("receipt_layout", "a4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(layout)))

    def new_dossier(self) -> None:
        self.clear_form()
        self.result.clear()
        self.digitize_button.hide()

    def digitize(self) -> None:
        """Capture the papers of the dossier just received, component by component."""
        from ui.capture.dialog import open_capture

        if self.last_result is None:
            return
        self.capture_dialog = open_capture(self, self.ctx, self.last_result.code)
        self.capture_dialog.saved.connect(lambda _code: self.data_changed.emit())

    def _has_input(self) -> bool:
        a = self.applicant
        return self.picker.current is not None or any(
            w.text().strip() for w in (a.id_number, a.full_name, a.address, a.phone, a.email)
        )

    def cancel(self) -> None:
        """Esc: a second Esc within a few seconds abandons what was typed."""
        if self.scanner.capturing:
            return
        if not self._has_input() or self._esc_armed:
            self.clear_form()
            return
        self._esc_armed = True
        self.banner.show_message(
            self.tr("Nhấn Esc lần nữa để hủy hồ sơ đang nhập."), "info", ESC_CONFIRM_MS
        )
        QTimer.singleShot(ESC_CONFIRM_MS, self._disarm)

    def _disarm(self) -> None:
        self._esc_armed = False

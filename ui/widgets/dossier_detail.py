"""One dossier in full: applicant, components, status timeline and the legal actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_date, format_datetime, format_money
from app.domain.status import Status
from app.dossiers import dossier_actions, dossier_query
from app.dossiers.views import DossierView
from app.infra.storage import Database
from app.office import auth
from app.office.auth import Actor
from ui.shell import i18n
from ui.shell.context import Context
from ui.widgets.forms import heading, with_error
from ui.widgets.life_dialog import LifeDialog
from ui.widgets.messages import Banner, FieldErrors
from ui.widgets.print_preview import PrintJob, prepare

# How long the first click of a status change waits for the second.
CONFIRM_MS = 5000


def run_action(
    db: Database, actor: Actor, action: str, code: str, reason: str, missing: str
) -> tuple[dossier_actions.ActionResult, PrintJob | None]:
    """Worker: apply ``action`` and rasterise its slip, if it has one."""
    # The PDF stack loads on first use, not with the window.
    from app.paper import dossier_slips

    if action == "supplement":
        result = dossier_slips.request_supplement(db, actor, code, reason, missing)
    elif action == "refuse":
        result = dossier_slips.refuse(db, actor, code, reason)
    else:
        result = dossier_actions.move(db, actor, code, action, reason or None)
    job = prepare(result.pdf, f"{code}") if result.pdf else None
    return result, job


def run_life_step(
    db: Database, actor: Actor, action: str, code: str, values: dict
) -> tuple[str, int, PrintJob | None]:
    """Worker: one life step through the use case the CLI uses, and its slip if any.

    Returns the dossier's code, its status afterwards and the slip to preview
    (the apology letter, the stop notice, the receipt reprinted as paid).
    """
    from app.dossiers import lifecycle
    from app.paper import dossier_slips, printing

    reason = values.get("reason") or ""
    pdf: bytes | None = None
    if action == "supplied":
        status = lifecycle.supplied(db, actor, code, reason or None).to_status
    elif action == "extend":
        result = dossier_slips.extend(db, actor, code, values["new_due_at"], reason)
        status, pdf = result.status, result.pdf
    elif action == "stop":
        result = dossier_slips.stop(db, actor, code, reason)
        status, pdf = result.status, result.pdf
    elif action == "withdraw":
        status = lifecycle.withdraw(db, actor, code, reason).to_status
    elif action == "cancel":
        status = lifecycle.cancel(db, actor, code, reason).to_status
    elif action == "pay":
        lifecycle.record_payment(db, actor, code, True, method=values.get("method"))
        pdf = printing.print_form(db, actor, "receipt", code)
        status = dossier_query.detail(db, actor, code).status
    else:
        raise ValueError(f"unknown life step {action!r}")
    return code, status, prepare(pdf, code) if pdf else None


def render_reprint(
    db: Database, actor: Actor, form: str, code: str, title: str, layout: str | None = None
) -> PrintJob:
    from app.paper import printing

    return prepare(printing.print_form(db, actor, form, code, layout=layout), f"{title} {code}")


class DossierDetail(QWidget):
    """Shows ``DossierView`` details; emits when the dossier changed or must be returned."""

    changed = Signal(str)
    return_requested = Signal(str)
    loaded = Signal(object)  # DossierView

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: DossierView | None = None
        self._wanted = ""
        # A status change cannot be undone: the first click asks, the second acts.
        self._armed = ""
        self._armed_timer = QTimer(self)
        self._armed_timer.setSingleShot(True)
        self._armed_timer.timeout.connect(self._disarm)
        self.preview_dialog = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Everything wraps to the pane's width; only long histories scroll, vertically.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 6, 10, 6)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        self.title = heading(self.tr("Chọn một hồ sơ để xem chi tiết"), 15)
        self.title.setObjectName("detail_title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.status = QLabel()
        self.status.setObjectName("detail_status")
        layout.addWidget(self.status)
        self.info = QFormLayout()
        self.info.setVerticalSpacing(2)
        layout.addLayout(self.info)
        self.components = QTableWidget(0, 4)
        self.components.setObjectName("detail_components")
        self.components.setHorizontalHeaderLabels(
            [self.tr("Thành phần"), self.tr("Chính"), self.tr("Sao"), self.tr("Số hóa")]
        )
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The digitizing column holds buttons, which ResizeToContents does not measure.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.components.verticalHeader().hide()
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setWordWrap(True)
        self.components.setMaximumHeight(112)
        self.components.setMinimumWidth(0)
        self.components.cellDoubleClicked.connect(lambda row, _col: self.digitize_row(row))
        self.capture_dialog = None
        layout.addWidget(QLabel(self.tr("Thành phần hồ sơ")))
        layout.addWidget(self.components)
        layout.addWidget(QLabel(self.tr("Quá trình xử lý")))
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.setMaximumHeight(84)
        layout.addWidget(self.timeline)
        layout.addStretch(1)
        # The actions stay in view below the details, whatever the pane scrolls:
        # on a 768-pixel screen they would otherwise sit below the fold.
        footer = QWidget(self)
        footer.setObjectName("detail_actions")
        outer.addWidget(footer)
        bottom = QVBoxLayout(footer)
        bottom.setContentsMargins(10, 2, 10, 6)
        bottom.setSpacing(3)
        self.reason = QLineEdit()
        self.reason.setObjectName("action_reason")
        self.reason.setPlaceholderText(self.tr("Lý do / ghi chú"))
        self.missing = QLineEdit()
        self.missing.setObjectName("action_missing")
        self.missing.setPlaceholderText(self.tr("Giấy tờ cần bổ sung, ví dụ: 2, Giấy ủy quyền"))
        self.missing.setToolTip(
            self.tr("Số thứ tự thành phần hoặc tên giấy tờ, cách nhau bằng dấu phẩy")
        )
        bottom.addWidget(with_error(self.reason, self.errors, "reason"))
        bottom.addWidget(with_error(self.missing, self.errors, "missing"))
        self.actions = QGridLayout()
        self.actions.setHorizontalSpacing(6)
        self.actions.setColumnStretch(0, 1)
        self.actions.setColumnStretch(1, 1)
        self.buttons: dict[str, QPushButton] = {}
        labels = {
            "supplement": self.tr("Yêu cầu bổ sung"),
            "refuse": self.tr("Từ chối"),
            "processing": self.tr("Chuyển xử lý"),
            "resolved": self.tr("Đã có kết quả"),
            "return": self.tr("Trả kết quả"),
        }
        for name, text in labels.items():
            button = QPushButton(text, footer)
            button.setObjectName(f"action_{name}")
            button.clicked.connect(lambda _=False, n=name: self.clicked(n))
            self.buttons[name] = button
        # Life steps, three to a row under the status moves.
        self.life_actions = QGridLayout()
        self.life_actions.setHorizontalSpacing(6)
        for col in range(3):
            self.life_actions.setColumnStretch(col, 1)
        self.life_buttons: dict[str, QPushButton] = {}
        life_labels = {
            "supplied": self.tr("Đã bổ sung xong"),
            "extend": self.tr("Gia hạn…"),
            "pay": self.tr("Đã nộp phí…"),
            "stop": self.tr("Dừng xử lý…"),
            "withdraw": self.tr("Rút hồ sơ…"),
            "cancel": self.tr("Hủy hồ sơ…"),
        }
        for name in dossier_actions.LIFE_ACTIONS:
            button = QPushButton(life_labels[name], footer)
            button.setObjectName(f"life_{name}")
            button.clicked.connect(lambda _=False, n=name: self.open_life(n))
            self.life_buttons[name] = button
        self.life_buttons["cancel"].setToolTip(
            self.tr("Hủy hồ sơ nhập nhầm (chỉ lãnh đạo bộ phận)")
        )
        self.life_dialog: LifeDialog | None = None
        self.reprint_button = QToolButton(footer)
        self.reprint_button.setObjectName("reprint")
        self.reprint_button.setText(self.tr("In lại…"))
        self.reprint_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.reprint_button)
        self.form_titles = {
            "receipt": self.tr("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            "control": self.tr("Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        }
        for form in dossier_actions.REPRINTABLE:
            action = menu.addAction(self.form_titles[form])
            action.setData((form, None))
            action.triggered.connect(lambda _=False, f=form: self.reprint(f))
        # The receipt on the other paper for this one reprint, as at the counter
        # (the station's paper is what the plain entry and Ctrl+P use).
        menu.addSeparator()
        for layout, paper in (("a4", self.tr("khổ A4")), ("80mm", self.tr("cuộn 80 mm"))):
            action = menu.addAction(
                self.tr("{form} — {paper}").format(form=self.form_titles["receipt"], paper=paper)
            )
            action.setData(("receipt", layout))
            action.triggered.connect(lambda _=False, p=layout: self.reprint("receipt", p))
        self.reprint_button.setMenu(menu)
        self.acting_on = QLabel()
        self.acting_on.setObjectName("acting_on")
        self.acting_on.setWordWrap(True)
        bottom.addWidget(self.acting_on)
        bottom.addLayout(self.actions)
        bottom.addLayout(self.life_actions)
        self._show_actions(None)

    # --- loading ---------------------------------------------------------------------

    def load(self, code: str) -> None:
        """Show ``code``; until it arrives nothing is shown, so nothing acts on another dossier."""
        if self.view is None or self.view.code != code:
            self.clear()
            self.title.setText(self.tr("Đang tải hồ sơ {code}…").format(code=code))
        self._wanted = code
        self.ctx.tasks.run(
            dossier_query.detail,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            code,
            on_done=self._loaded,
            on_error=self._load_failed,
            label=self.tr("Đang tải hồ sơ…"),
        )

    def _loaded(self, d: DossierView) -> None:
        # An answer for a dossier the clerk has since moved away from is dropped.
        if d.code == self._wanted:
            self.show_view(d)

    def _load_failed(self, exc: BaseException) -> None:
        self.clear()
        self.banner.show_error(exc)

    def clear(self) -> None:
        self._disarm()
        self.view = None
        self._wanted = ""
        self.title.setText(self.tr("Chọn một hồ sơ để xem chi tiết"))
        self.status.clear()
        self._clear_info()
        self.components.setRowCount(0)
        self.timeline.clear()
        self._show_actions(None)

    def _clear_info(self) -> None:
        while self.info.rowCount():
            self.info.removeRow(0)

    def show_view(self, d: DossierView) -> None:
        same = self.view is not None and self.view.code == d.code
        if not same:
            self._disarm()
        self.view = d
        if not (same and self._armed):
            # A refresh of the same dossier keeps the question waiting for the second click.
            self.errors.clear()
        self.title.setText(d.code)
        lang = i18n.language()
        label = Status(d.status).label(lang)
        if d.cancelled:
            label += " — " + self.tr("ĐÃ HỦY (nhập nhầm)")
        elif d.overdue:
            label += " — " + self.tr("QUÁ HẠN")
        self.status.setText(label)
        self.status.setStyleSheet(
            "font-weight:bold; color:%s;" % ("#b3261e" if d.overdue else "#0b5394")
        )
        self._clear_info()
        rows = [
            (self.tr("Người nộp"), d.applicant_name),
            (self.tr("Số CCCD/MST"), d.applicant_id_number or ""),
            (self.tr("Ngày sinh"), format_date(d.applicant_birth_date)),
            (self.tr("Địa chỉ"), d.applicant_address or ""),
            (self.tr("Điện thoại"), d.applicant_phone or ""),
            (self.tr("Thủ tục"), f"{d.procedure_code} — {d.procedure_name}"),
            (self.tr("Tiếp nhận"), format_datetime(d.received_at)),
            (self.tr("Hẹn trả"), format_datetime(d.due_at)),
            (
                self.tr("Hẹn ban đầu"),
                format_datetime(d.original_due_at)
                if d.original_due_at and d.original_due_at != d.due_at
                else "",
            ),
            (self.tr("Đã trả"), format_datetime(d.returned_at)),
            (
                self.tr("Lệ phí"),
                format_money(d.fee_amount)
                + (self.tr(" (đã nộp)") if d.fee_paid else self.tr(" (chưa nộp)")),
            ),
        ]
        if d.sync_error:
            rows.append(
                (
                    self.tr("Đồng bộ"),
                    self.tr("Máy chủ từ chối: {reason}").format(reason=d.sync_error),
                )
            )
        for caption, value in rows:
            if not value:
                continue
            text = QLabel(value)
            # Names, addresses and server messages: data, never markup.
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if caption == self.tr("Đồng bộ"):
                text.setObjectName("detail_sync_error")
                text.setStyleSheet("color:#8a1c1c; font-weight:bold;")
            self.info.addRow(caption, text)
        self.components.setRowCount(len(d.components))
        for r, c in enumerate(d.components):
            digitized = (
                self.tr("Tái sử dụng")
                if c.reused
                else (self.tr("Đã số hóa") if c.digitized else self.tr("Chưa"))
            )
            for col, value in enumerate(
                (f"{c.index}. {c.name}", str(c.originals), str(c.copies), digitized)
            ):
                self.components.setItem(r, col, QTableWidgetItem(value))
            self.components.setCellWidget(
                r, 3, self._digitize_button(c.index, c.digitized, digitized)
            )
        widths = [
            self.components.cellWidget(r, 3).sizeHint().width() for r in range(len(d.components))
        ]
        self.components.horizontalHeader().resizeSection(3, max([72, *widths]) + 4)
        self.components.resizeRowsToContents()
        self.timeline.clear()
        for h in d.history:
            parts = [format_datetime(h.at), Status(h.status).label(lang)]
            if h.officer:
                parts.append(h.officer)
            if h.note:
                parts.append(h.note)
            self.timeline.addItem(" — ".join(parts))
        self._show_actions(d)
        self.loaded.emit(d)

    def _show_actions(self, d: DossierView | None) -> None:
        # A dossier cancelled as entered in error takes no further step.
        legal = dossier_actions.legal_actions(d.status) if d and not d.cancelled else []
        life = (
            dossier_actions.life_actions(
                d.status, cancelled=d.cancelled, fee_due=d.fee_amount > 0 and not d.fee_paid
            )
            if d
            else []
        )
        shown = [b for name, b in self.buttons.items() if name in legal]
        shown_life = [b for name, b in self.life_buttons.items() if name in life]
        if d is not None:
            shown.append(self.reprint_button)
            # Roles are enforced by the use case; the button only says so beforehand.
            self.life_buttons["cancel"].setEnabled(
                auth.can(self.ctx.require_actor(), "dossier.cancel")
            )
        everything = [*self.buttons.values(), *self.life_buttons.values(), self.reprint_button]
        for button in everything:
            self.actions.removeWidget(button)
            self.life_actions.removeWidget(button)
        # Two to a row, equal widths: the pane is narrow on a 1366-pixel screen.
        for i, button in enumerate(shown):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.actions.addWidget(button, i // 2, i % 2)
        for i, button in enumerate(shown_life):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.life_actions.addWidget(button, i // 3, i % 3)
        shown += shown_life
        # Only after the layout has adopted them: showing a widget without a parent
        # would open it as a window of its own.
        for button in everything:
            button.setVisible(button in shown)
        # The buttons say which dossier they act on: the clerk checks it before a click.
        self.acting_on.setText(
            self.tr("Thao tác trên hồ sơ <b>{code}</b>:").format(code=d.code) if d else ""
        )
        self.acting_on.setVisible(d is not None)
        if d is not None:
            self.reprint_button.setText(self.tr("In lại {code}…").format(code=d.code))
        self.reason.setVisible(bool(set(legal) - {"return"}))
        self.missing.setVisible("supplement" in legal)

    # --- actions ---------------------------------------------------------------------

    def clicked(self, action: str) -> None:
        """A button's click: hand-over opens its own screen; a status change asks first."""
        if action == "return" or self.view is None:
            self.act(action)
            return
        if self._armed == action:
            self._disarm()
            self.act(action)
            return
        self._disarm()
        self._armed = action
        button = self.buttons[action]
        button.setProperty("label", button.text())
        button.setText(self.tr("Bấm lần nữa: {action}").format(action=button.text()))
        button.setStyleSheet("font-weight:bold; color:#8a4b00;")
        self.banner.show_message(
            self.tr(
                "Thao tác này không hoàn tác được. Bấm “{action}” lần nữa trong {s} giây "
                "để áp dụng cho hồ sơ {code}."
            ).format(action=button.property("label"), s=CONFIRM_MS // 1000, code=self.view.code),
            "info",
            CONFIRM_MS,
        )
        self._armed_timer.start(CONFIRM_MS)

    def _disarm(self) -> None:
        if self._armed:
            button = self.buttons[self._armed]
            button.setText(button.property("label") or button.text())
            button.setStyleSheet("")
        self._armed = ""
        self._armed_timer.stop()

    def act(self, action: str) -> None:
        if self.view is None:
            return
        if action == "return":
            self.return_requested.emit(self.view.code)
            return
        self.errors.clear()
        self.ctx.tasks.run(
            run_action,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            action,
            self.view.code,
            self.reason.text(),
            self.missing.text(),
            on_done=self._acted,
            on_error=self.errors.show,
            label=self.tr("Đang cập nhật hồ sơ…"),
        )

    def _acted(self, outcome: tuple) -> None:
        result, job = outcome
        self.reason.clear()
        self.missing.clear()
        self.banner.show_message(
            self.tr("Đã cập nhật hồ sơ {code}: {status}").format(
                code=result.code, status=Status(result.status).label(i18n.language())
            ),
            "success",
            6000,
        )
        if job is not None:
            self._preview(job)
        self.changed.emit(result.code)
        self.load(result.code)

    def open_life(self, action: str) -> None:
        """Open the dialog of one life step for the dossier shown."""
        if self.view is None:
            return
        self._disarm()
        self.life_dialog = LifeDialog(action, self.view, self.ctx.now(), self)
        self.life_dialog.submitted.connect(self._run_life)
        self.life_dialog.open()

    def _run_life(self, action: str, values: dict) -> None:
        dialog = self.life_dialog
        if self.view is None or dialog is None:
            return
        self.ctx.tasks.run(
            run_life_step,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            action,
            dialog.code,
            values,
            on_done=lambda outcome, d=dialog: self._life_done(d, outcome),
            on_error=dialog.failed,
            label=self.tr("Đang cập nhật hồ sơ…"),
        )

    def _life_done(self, dialog: LifeDialog, outcome: tuple) -> None:
        code, status, job = outcome
        dialog.succeeded()
        self.banner.show_message(
            self.tr("Đã cập nhật hồ sơ {code}: {status}").format(
                code=code, status=Status(status).label(i18n.language())
            ),
            "success",
            6000,
        )
        if job is not None:
            self._preview(job)
        self.changed.emit(code)
        self.load(code)

    def _digitize_button(self, index: int, done: bool, state: str) -> QWidget:
        """The component's digitizing state, and the way to (re)capture it, in one cell."""
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(2, 0, 2, 0)
        button = QToolButton(cell)
        box.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        button.setObjectName(f"digitize_{index}")
        if done:
            button.setText("✓ " + state)
            button.setAutoRaise(True)
            button.setStyleSheet("color:#145a2e;")
            button.setToolTip(self.tr("Số hóa lại thành phần này…"))
        else:
            button.setText(self.tr("Số hóa…"))
            button.setToolTip(self.tr("Quét, chụp hoặc thêm tệp cho thành phần này"))
        button.clicked.connect(lambda _=False, i=index: self.digitize(i))
        return cell

    def digitize_row(self, row: int) -> None:
        if self.view is not None and 0 <= row < len(self.view.components):
            self.digitize(self.view.components[row].index)

    def digitize(self, component: int) -> None:
        """Open the capture dialog on one component of the dossier shown."""
        from ui.capture.dialog import open_capture

        if self.view is None:
            return
        self.capture_dialog = open_capture(self, self.ctx, self.view.code, component)
        self.capture_dialog.saved.connect(self._digitized)

    def _digitized(self, code: str) -> None:
        self.changed.emit(code)
        if self.view is not None and self.view.code == code:
            self.load(code)

    def reprint(self, form: str, layout: str | None = None) -> None:
        """Print ``form`` again, on ``layout``'s paper or the station's."""
        if self.view is None:
            return
        self.ctx.tasks.run(
            render_reprint,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            form,
            self.view.code,
            self.form_titles[form],
            layout,
            on_done=self._preview,
            on_error=self.banner.show_error,
            label=self.tr("Đang in…"),
        )

    def _preview(self, job: PrintJob) -> None:
        self.preview_dialog = self.ctx.preview_factory(
            self, job, self.ctx.settings.get("printer_name", "")
        )

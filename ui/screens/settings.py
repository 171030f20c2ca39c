"""Cài đặt: office, hours and calendar, printing, sync server, VietQR, security, language,
backups.

Tabs an officer may not change are shown disabled, but the rule lives in
``app.office.settings_admin``: a clerk's attempt to save an admin-only key fails
there whatever the screen allows.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtSerialPort import QSerialPortInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import satisfaction
from app.infra.storage import Database
from app.office import auth, settings_admin
from app.office.auth import Actor
from app.office.settings_admin import OfficeDetails, SettingsSnapshot
from ui.screens.audit_tab import AuditTab
from ui.screens.backup_tab import BackupTab
from ui.screens.catalogue import CatalogueTab
from ui.screens.officers import OfficersTab
from ui.shell import i18n
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.widgets.enrolment_box import EnrolmentBox
from ui.widgets.forms import form_layout, group, with_error
from ui.widgets.messages import Banner, FieldErrors


def save_all(
    db: Database, actor: Actor, changes: dict[str, str], office: OfficeDetails | None
) -> SettingsSnapshot:
    """Worker: office details (admin) and settings, then the fresh snapshot."""
    if office is not None:
        settings_admin.update_office(db, actor, office)
    settings_admin.update(db, actor, changes)
    return settings_admin.snapshot(db, actor)


class SettingsPage(Screen):
    settings_saved = Signal(dict)
    station_enrolled = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snap: SettingsSnapshot | None = None
        self.fields: dict[str, QWidget] = {}
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 10, 14, 8)
        self.banner = Banner()
        root.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        # Every tab stays in sight: with larger text the titles shorten ("…") rather than
        # hiding tabs behind scroll arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        root.addWidget(self.tabs, 1)
        self.office_tab = self._office_tab()
        self.hours_tab = self._hours_tab()
        self.print_tab = self._print_tab()
        self.sync_tab = self._sync_tab()
        self.connect_tab = self._connection_tab()
        self.security_tab = self._security_tab()
        self.catalogue_tab = CatalogueTab(ctx, self.banner)
        self.officers_tab = OfficersTab(ctx, self.banner)
        self.backup_tab = BackupTab(
            ctx,
            self.banner,
            self._line("backup_second_destination", self.tr("để trống: không chép đi đâu")),
        )
        self.audit_tab = AuditTab(ctx, self.banner)
        for tab, title in (
            (self.print_tab, self.tr("In ấn và ngôn ngữ")),
            (self.office_tab, self.tr("Cơ quan")),
            (self.hours_tab, self.tr("Giờ làm việc và lịch")),
            (self.sync_tab, self.tr("Máy chủ đồng bộ")),
            (self.connect_tab, self.tr("Tra cứu và VietQR")),
            (self.security_tab, self.tr("Bảo mật")),
            (self.catalogue_tab, self.tr("Thủ tục")),
            (self.officers_tab, self.tr("Cán bộ và mật khẩu")),
            (self.backup_tab, self.tr("Sao lưu")),
            (self.audit_tab, self.tr("Nhật ký")),
        ):
            self.tabs.setTabToolTip(self.tabs.addTab(tab, title), title)
        bottom = QHBoxLayout()
        self.rights = QLabel()
        self.rights.setObjectName("settings_rights")
        self.rights.setWordWrap(True)
        self.rights.setStyleSheet("color:#57606a;")
        self.save_button = QPushButton(self.tr("Lưu thay đổi"))
        self.save_button.setObjectName("save_settings")
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.rights, 1)
        bottom.addWidget(self.save_button)
        root.addLayout(bottom)
        self.load()

    # --- tabs ------------------------------------------------------------------------

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"setting_{key}")
        edit.setPlaceholderText(placeholder)
        self.fields[key] = edit
        return edit

    def _spin(self, key: str, lo: int, hi: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(f"setting_{key}")
        spin.setRange(lo, hi)
        spin.setSuffix(suffix)
        self.fields[key] = spin
        return spin

    def _row(self, form, label: str, key: str, widget: QWidget) -> None:
        form.addRow(label, with_error(widget, self.errors, key))

    def _office_tab(self) -> QWidget:
        tab = QWidget()
        form = form_layout()
        tab.setLayout(form)
        self.agency = QLabel()
        self.station = QLabel()
        self.office_name = QLineEdit()
        self.office_name.setObjectName("office_name")
        self.parent_name = QLineEdit()
        self.office_address = QLineEdit()
        self.office_phone = QLineEdit()
        form.addRow(self.tr("Mã định danh cơ quan"), self.agency)
        form.addRow(self.tr("Quầy"), self.station)
        form.addRow(
            self.tr("Tên cơ quan"), with_error(self.office_name, self.errors, "office_name")
        )
        form.addRow(self.tr("Cơ quan cấp trên"), self.parent_name)
        form.addRow(self.tr("Địa chỉ"), self.office_address)
        form.addRow(self.tr("Điện thoại"), self.office_phone)
        self._row(form, self.tr("Địa danh trên văn bản"), "place_name", self._line("place_name"))
        self._row(form, self.tr("Họ tên thủ trưởng"), "head_name", self._line("head_name"))
        self._row(form, self.tr("Chức vụ thủ trưởng"), "head_title", self._line("head_title"))
        require = QCheckBox(self.tr("Bắt buộc số hóa kết quả trước khi trả cho người dân"))
        require.setObjectName("setting_require_result_at_handover")
        self.fields["require_result_at_handover"] = require
        form.addRow("", require)
        slip = QCheckBox(self.tr("In phiếu kiểm soát khi trả kết quả để người nhận ký"))
        slip.setObjectName("setting_return_print_slip")
        self.fields["return_print_slip"] = slip
        form.addRow("", slip)
        criteria = self._line(
            "rating_criteria", self.tr("để trống: chỉ hỏi đánh giá chung; vd attitude, waiting")
        )
        criteria.setToolTip(
            "\n".join(f"{key}: {label}" for key, label in satisfaction.CRITERIA.items())
        )
        self._row(form, self.tr("Tiêu chí đánh giá hài lòng"), "rating_criteria", criteria)
        return tab

    def _hours_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.hours_form = QWidget()
        form = form_layout()
        self.hours_form.setLayout(form)
        self._row(
            form,
            self.tr("Giờ làm việc"),
            "working_hours",
            self._line("working_hours", "07:30-11:30,13:30-17:30"),
        )
        self._row(
            form,
            self.tr("Giờ làm việc theo mùa"),
            "working_hours_seasonal",
            self._line(
                "working_hours_seasonal", "15/10-31/03: 07:30-12:00,13:00-16:30 (để trống: cả năm)"
            ),
        )
        self._row(
            form,
            self.tr("Sau giờ này tính sang ngày sau"),
            "cutoff_time",
            self._line("cutoff_time", "15:00"),
        )
        layout.addWidget(self.hours_form)
        layout.addWidget(QLabel(self.tr("Ngày nghỉ thêm và ngày làm bù của cơ quan")))
        self.overrides = QTableWidget(0, 3)
        self.overrides.setObjectName("calendar_overrides")
        self.overrides.setHorizontalHeaderLabels(
            [self.tr("Ngày"), self.tr("Loại"), self.tr("Ghi chú")]
        )
        self.overrides.verticalHeader().hide()
        self.overrides.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.overrides.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overrides.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.overrides, 1)
        self.calendar_row = QWidget()
        add = QHBoxLayout(self.calendar_row)
        add.setContentsMargins(0, 0, 0, 0)
        self.override_day = QDateEdit(QDate.currentDate())
        self.override_day.setDisplayFormat("dd/MM/yyyy")
        self.override_day.setCalendarPopup(True)
        self.override_kind = QComboBox()
        self.override_kind.addItem(self.tr("Ngày nghỉ thêm"), "off")
        self.override_kind.addItem(self.tr("Ngày làm bù"), "work")
        self.override_note = QLineEdit()
        self.override_note.setPlaceholderText(self.tr("Căn cứ, ví dụ Quyết định số …"))
        self.add_override = QPushButton(self.tr("Thêm"))
        self.add_override.setObjectName("add_override")
        self.remove_override = QPushButton(self.tr("Xóa ngày đã chọn"))
        self.remove_override.setObjectName("remove_override")
        for w in (self.override_day, self.override_kind):
            add.addWidget(w)
        add.addWidget(self.override_note, 1)
        add.addWidget(self.add_override)
        add.addWidget(self.remove_override)
        layout.addWidget(self.calendar_row)
        self.add_override.clicked.connect(self._add_override)
        self.remove_override.clicked.connect(self._remove_override)
        return tab

    def _print_tab(self) -> QWidget:
        tab = QWidget()
        form = form_layout()
        tab.setLayout(form)
        printer = QComboBox()
        printer.setObjectName("setting_printer_name")
        printer.setEditable(True)
        printer.addItem(self.tr("(máy in mặc định của Windows/hệ thống)"), "")
        for name in QPrinterInfo.availablePrinterNames():
            printer.addItem(name, name)
        self.fields["printer_name"] = printer
        layout = QComboBox()
        layout.setObjectName("setting_receipt_layout")
        layout.addItem(self.tr("Khổ A4"), "a4")
        layout.addItem(self.tr("Giấy cuộn 80 mm"), "80mm")
        self.fields["receipt_layout"] = layout
        two = QCheckBox(self.tr("In hai liên biên nhận trên một trang A4"))
        two.setObjectName("setting_receipt_two_per_page")
        self.fields["receipt_two_per_page"] = two
        now = QCheckBox(self.tr("In ngay, không mở bản xem trước"))
        now.setObjectName("setting_print_immediately")
        self.fields["print_immediately"] = now
        ocr = QCheckBox(self.tr("Nhận dạng chữ (OCR) sau khi số hóa, khi máy có cài OCR"))
        ocr.setObjectName("setting_capture_ocr")
        self.fields["capture_ocr"] = ocr
        serial = QComboBox()
        serial.setObjectName("setting_scanner_serial_port")
        serial.setEditable(True)
        serial.addItem(self.tr("(không dùng: máy quét gõ như bàn phím)"), "")
        for port in QSerialPortInfo.availablePorts():
            serial.addItem(f"{port.portName()} — {port.description()}", port.portName())
        self.fields["scanner_serial_port"] = serial
        lang = QComboBox()
        lang.setObjectName("setting_language")
        for code, name in i18n.LANGUAGES.items():
            lang.addItem(name, code)
        self.fields["language"] = lang
        self._row(form, self.tr("Máy in"), "printer_name", printer)
        self._row(form, self.tr("Khổ giấy biên nhận"), "receipt_layout", layout)
        form.addRow("", two)
        form.addRow("", now)
        form.addRow("", ocr)
        self._row(
            form,
            self.tr("Số điện thoại in trên phiếu"),
            "contact_phone",
            self._line("contact_phone"),
        )
        self._row(form, self.tr("Máy quét mã QR (USB serial)"), "scanner_serial_port", serial)
        self._row(
            form, self.tr("Màn hình đánh giá của người dân"), "customer_screen", self._screens()
        )
        size = QComboBox()
        size.setObjectName("setting_font_size")
        size.addItem(self.tr("Như hệ thống"), "")
        size.addItem(self.tr("Vừa (11 điểm)"), "11")
        size.addItem(self.tr("Lớn (12 điểm)"), "12")
        size.addItem(self.tr("Rất lớn (14 điểm)"), "14")
        self.fields["font_size"] = size
        self._row(form, self.tr("Ngôn ngữ giao diện"), "language", lang)
        self._row(form, self.tr("Cỡ chữ trên màn hình"), "font_size", size)
        return tab

    def _screens(self) -> QComboBox:
        """The monitor facing the citizen: the second one found, none, or one by number."""
        box = QComboBox()
        box.setObjectName("setting_customer_screen")
        box.addItem(self.tr("Tự chọn (màn hình thứ hai, nếu có)"), "auto")
        box.addItem(self.tr("Không dùng"), "off")
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry()
            box.addItem(
                self.tr("Màn hình {n}: {name} ({w}×{h})").format(
                    n=number, name=screen.name(), w=size.width(), h=size.height()
                ),
                str(number),
            )
        self.fields["customer_screen"] = box
        return box

    def _sync_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        # The server address is stored by enrolling, never typed into a setting
        # alone: an address without a credential would only look connected.
        self.enrolment = EnrolmentBox(self.ctx)
        self.enrolment.enrolled.connect(self._enrolled)
        layout.addWidget(self.enrolment)
        timing = group(self.tr("Đồng bộ tự động và cảnh báo"))
        form = form_layout()
        timing.setLayout(form)
        self._row(
            form,
            self.tr("Đồng bộ tự động mỗi"),
            "sync_interval_seconds",
            self._spin("sync_interval_seconds", 10, 86_400, self.tr(" giây")),
        )
        self._row(
            form,
            self.tr("Cảnh báo khi hồ sơ chờ gửi quá"),
            "stale_outbox_hours",
            self._spin("stale_outbox_hours", 1, 720, self.tr(" giờ")),
        )
        self._row(
            form,
            self.tr("Cảnh báo khi danh mục và lịch cũ quá"),
            "stale_master_days",
            self._spin("stale_master_days", 1, 365, self.tr(" ngày")),
        )
        layout.addWidget(timing)
        layout.addStretch(1)
        return tab

    def _connection_tab(self) -> QWidget:
        tab = QWidget()
        form = form_layout()
        tab.setLayout(form)
        self._row(
            form,
            self.tr("Trang tra cứu công khai"),
            "public_base_url",
            self._line("public_base_url", self.tr("để trống: dùng địa chỉ máy chủ")),
        )
        self._row(form, self.tr("Mã BIN ngân hàng"), "bank_bin", self._line("bank_bin", "970423"))
        self._row(
            form, self.tr("Số tài khoản nhận phí"), "bank_account", self._line("bank_account")
        )
        self._row(
            form, self.tr("Tên tài khoản"), "bank_account_name", self._line("bank_account_name")
        )
        return tab

    def _security_tab(self) -> QWidget:
        tab = QWidget()
        form = form_layout()
        tab.setLayout(form)
        self._row(
            form,
            self.tr("Khóa màn hình sau"),
            "idle_lock_minutes",
            self._spin("idle_lock_minutes", 1, 240, self.tr(" phút không thao tác")),
        )
        self._row(
            form,
            self.tr("Số lần đăng nhập sai tối đa"),
            "login_max_failures",
            self._spin("login_max_failures", 1, 20, self.tr(" lần")),
        )
        self._row(
            form,
            self.tr("Thời gian khóa tài khoản"),
            "login_lock_minutes",
            self._spin("login_lock_minutes", 1, 1440, self.tr(" phút")),
        )
        return tab

    # --- values ----------------------------------------------------------------------

    def load(self) -> None:
        self.show_snapshot(settings_admin.snapshot(self.ctx.require_db(), self.ctx.require_actor()))
        self.catalogue_tab.load()
        self.officers_tab.load()

    def show_snapshot(self, snap: SettingsSnapshot) -> None:
        self.snap = snap
        for key, widget in self.fields.items():
            value = snap.values.get(key, "")
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value) if value.isdigit() else widget.minimum())
            elif isinstance(widget, QCheckBox):
                widget.setChecked(value == "1")
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index >= 0:
                    widget.setCurrentIndex(index)
                else:
                    widget.setEditText(value)
        self.agency.setText(snap.agency_code)
        self.station.setText(
            self.tr("Quầy số {n} (số thứ tự {a}–{b} mỗi ngày)").format(
                n=snap.station_number, a=snap.sequence_start, b=snap.sequence_end
            )
        )
        self.office_name.setText(snap.office.name)
        self.parent_name.setText(snap.office.parent_name or "")
        self.office_address.setText(snap.office.address or "")
        self.office_phone.setText(snap.office.phone or "")
        self._show_overrides()
        self._apply_rights()
        self.enrolment.load(snap.values.get("server_url", ""))

    def _show_overrides(self) -> None:
        rows = self.snap.overrides if self.snap else []
        self.overrides.setRowCount(len(rows))
        for r, o in enumerate(rows):
            kind = self.tr("Ngày nghỉ thêm") if o.kind == "off" else self.tr("Ngày làm bù")
            for c, value in enumerate((o.day.strftime("%d/%m/%Y"), kind, o.note or "")):
                self.overrides.setItem(r, c, QTableWidgetItem(value))

    def _apply_rights(self) -> None:
        snap = self.snap
        admin = bool(snap and snap.can_edit_office)
        calendar = bool(snap and snap.can_edit_calendar)
        for tab in (self.office_tab, self.sync_tab, self.connect_tab, self.security_tab):
            self.tabs.setTabEnabled(self.tabs.indexOf(tab), admin)
        self.hours_form.setEnabled(admin)
        self.fields["backup_second_destination"].setEnabled(admin)
        self.tabs.setTabEnabled(
            self.tabs.indexOf(self.audit_tab), auth.can(self.ctx.require_actor(), "audit.view")
        )
        self.calendar_row.setEnabled(calendar)
        self.tabs.setTabEnabled(self.tabs.indexOf(self.hours_tab), admin or calendar)
        if admin:
            self.rights.setText(self.tr("Bạn có quyền quản trị: được sửa mọi thiết lập."))
        else:
            self.rights.setText(
                self.tr(
                    "Chỉ quản trị được sửa thông tin cơ quan, giờ làm việc, máy chủ và bảo mật; "
                    "bạn được chỉnh phần in ấn và ngôn ngữ của quầy này."
                )
            )

    def value_of(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QSpinBox):
            return str(widget.value())
        if isinstance(widget, QCheckBox):
            return "1" if widget.isChecked() else "0"
        text = widget.currentText().strip()
        index = widget.findText(text)
        if index >= 0 and widget.itemData(index) is not None:
            return widget.itemData(index)
        return text

    def changes(self) -> dict[str, str]:
        """Keys this officer may change whose value differs from what is stored."""
        actor = self.ctx.require_actor()
        stored = self.snap.values if self.snap else {}
        return {
            key: self.value_of(key)
            for key in self.fields
            if settings_admin.may_change(actor, key) and self.value_of(key) != stored.get(key, "")
        }

    def save(self) -> None:
        self.errors.clear()
        office = None
        if self.snap and self.snap.can_edit_office:
            office = OfficeDetails(
                self.office_name.text(),
                self.parent_name.text(),
                self.office_address.text(),
                self.office_phone.text(),
            )
            if office == self.snap.office:
                office = None
        changes = self.changes()
        self.save_changes(changes, office)

    def save_changes(self, changes: dict[str, str], office: OfficeDetails | None = None) -> None:
        language_changed = "language" in changes
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(
            save_all,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            changes,
            office,
            on_done=lambda snap: self._saved(snap, language_changed),
            on_error=self._failed,
            label=self.tr("Đang lưu thiết lập…"),
        )

    def _saved(self, snap: SettingsSnapshot, language_changed: bool) -> None:
        self.save_button.setEnabled(True)
        self.show_snapshot(snap)
        text = self.tr("Đã lưu thiết lập.")
        if language_changed:
            text += " " + self.tr("Ngôn ngữ mới có hiệu lực khi mở lại chương trình.")
        self.banner.show_message(text, "success", 6000)
        self.settings_saved.emit(dict(snap.values))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)

    def _enrolled(self) -> None:
        # The server assigns the station's number and daily range: show the new ones.
        self.load()
        self.station_enrolled.emit()

    def _add_override(self) -> None:
        self.errors.clear()
        self.ctx.tasks.run(
            self._override_then_snapshot,
            "set",
            self.override_day.date().toPython(),
            self.override_kind.currentData(),
            self.override_note.text(),
            on_done=self.show_snapshot,
            on_error=self.errors.show,
        )

    def _remove_override(self) -> None:
        row = self.overrides.currentRow()
        if self.snap is None or not 0 <= row < len(self.snap.overrides):
            self.banner.show_error(self.tr("Chọn một ngày trong bảng để xóa."))
            return
        self.ctx.tasks.run(
            self._override_then_snapshot,
            "remove",
            self.snap.overrides[row].day,
            on_done=self.show_snapshot,
            on_error=self.errors.show,
        )

    def _override_then_snapshot(
        self, op: str, day, kind: str = "", note: str = ""
    ) -> SettingsSnapshot:
        db, actor = self.ctx.require_db(), self.ctx.require_actor()
        if op == "set":
            settings_admin.set_override(db, actor, day, kind, note)
        else:
            settings_admin.remove_override(db, actor, day)
        return settings_admin.snapshot(db, actor)

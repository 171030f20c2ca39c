"""Cài đặt → Thủ tục: the office's catalogue, edited by a supervisor.

Processing time as the province publishes it ("05 ngày làm việc", "Ngay
trong ngày…; sau 15 giờ…"), the maximum a clerk may choose, the fee as text
("2.000 đồng/trang …"), the after-15:00 rule and the result place. The rules
and the permission check live in ``app.office.catalogue_edit``; this screen
only collects what was typed. A spreadsheet import sits beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_money
from app.office import auth, catalogue, catalogue_edit, catalogue_import
from app.office.catalogue import ProcedureSummary
from ui.shell.context import Context
from ui.widgets.forms import form_layout
from ui.widgets.list_editor import Column, ListEditor
from ui.widgets.messages import Banner

COLUMNS = ("Mã", "Tên thủ tục", "Thời hạn", "Lệ phí", "Văn phòng sửa")


class CatalogueTab(QWidget):
    """The list of procedures and the edit form for the selected one."""

    def __init__(self, ctx: Context, banner: Banner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banner = banner
        self.items: list[ProcedureSummary] = []
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("catalogue_search")
        self.search.setPlaceholderText(self.tr("Tìm theo tên (không dấu) hoặc mã"))
        self.search.textChanged.connect(self.load)
        self.import_button = QPushButton(self.tr("Nhập từ Excel…"))
        self.import_button.setObjectName("catalogue_import")
        self.import_button.clicked.connect(self._choose_import)
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        root.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("catalogue_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        root.addWidget(self.table, 1)
        form = form_layout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.processing = QLineEdit()
        self.processing.setObjectName("catalogue_processing")
        self.processing.setPlaceholderText(self.tr("vd: 05 ngày làm việc"))
        self.max_days = QSpinBox()
        self.max_days.setObjectName("catalogue_max_days")
        self.max_days.setRange(0, 365)
        self.max_days.setSpecialValueText(self.tr("không"))
        self.fee = QLineEdit()
        self.fee.setObjectName("catalogue_fee")
        self.fee.setPlaceholderText(self.tr("vd: 50.000 đồng hoặc 2.000 đồng/trang …"))
        self.after_15h = QCheckBox(self.tr("Nhận sau 15 giờ tính từ ngày làm việc sau"))
        self.after_15h.setObjectName("catalogue_after_15h")
        self.result_place = QLineEdit()
        self.result_place.setObjectName("catalogue_result_place")
        form.addRow(self.tr("Thủ tục"), self.title)
        form.addRow(self.tr("Thời hạn giải quyết"), self.processing)
        form.addRow(self.tr("Tối đa khi cần xác minh"), self.max_days)
        form.addRow(self.tr("Phí, lệ phí"), self.fee)
        form.addRow("", self.after_15h)
        form.addRow(self.tr("Nơi trả kết quả"), self.result_place)
        self.portal_url = QLineEdit()
        self.portal_url.setObjectName("catalogue_portal_url")
        self.portal_url.setPlaceholderText(
            self.tr("https://… (mã QR trên tờ hướng dẫn thủ tục dẫn tới trang này)")
        )
        form.addRow(self.tr("Trang trên Cổng DVC quốc gia"), self.portal_url)
        root.addLayout(form)
        self.save_button = QPushButton(self.tr("Lưu thủ tục"))
        self.save_button.setObjectName("catalogue_save")
        self.save_button.clicked.connect(self.save)
        # Lists are edited in a dialog of their own: the form stays one screen high.
        self.components_button = QPushButton(self.tr("Thành phần hồ sơ…"))
        self.components_button.setObjectName("catalogue_components")
        self.components_button.clicked.connect(self.edit_components)
        self.exemptions_button = QPushButton(self.tr("Đối tượng miễn, giảm phí…"))
        self.exemptions_button.setObjectName("catalogue_exemptions")
        self.exemptions_button.clicked.connect(self.edit_exemptions)
        actions = QHBoxLayout()
        actions.addWidget(self.components_button)
        actions.addWidget(self.exemptions_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        root.addLayout(actions)
        self.list_dialog: ListEditor | None = None
        self._shown: ProcedureSummary | None = None

    # --- list ---------------------------------------------------------------------

    def load(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        # The rule is enforced in app.office.catalogue_edit; this only spares a
        # clerk a form that would be refused.
        actor = self.ctx.actor
        editable = actor is not None and auth.can(actor, "catalogue.edit")
        for widget in (
            self.save_button,
            self.import_button,
            self.components_button,
            self.exemptions_button,
        ):
            widget.setEnabled(editable)
        self.ctx.tasks.run(
            catalogue.list_procedures, db, self.search.text(), on_done=self._show_list
        )

    def _show_list(self, items: list[ProcedureSummary]) -> None:
        keep = self._shown.code if self._shown else None
        self.items = items
        self.table.setRowCount(len(items))
        for row, p in enumerate(items):
            values = (
                p.code,
                p.name,
                p.processing_text,
                format_money(p.fee_amount) if not p.fee_rule else self.tr("theo trang/bản"),
                ", ".join(p.office_edits or []) and "✓",
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
            if p.code == keep:
                self.table.selectRow(row)

    def select_code(self, code: str) -> bool:
        for row, p in enumerate(self.items):
            if p.code == code:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        p = self.items[row]
        self._shown = p
        self.title.setText(f"{p.code} {p.name}")
        self.processing.setText(p.processing_text if p.processing_value is not None else "")
        self.max_days.setValue(p.processing_max_value or 0)
        self.fee.setText("" if p.fee_rule else str(p.fee_amount))
        self.after_15h.setChecked(p.next_day_after_cutoff)
        self.result_place.setText(p.result_place or "")
        self.portal_url.setText(p.portal_url or "")

    # --- saving -------------------------------------------------------------------

    def edit(self) -> catalogue_edit.ProcedureEdit:
        p = self._shown
        assert p is not None
        text = self.processing.text().strip()
        unchanged = p.processing_value is not None and text == p.processing_text
        fee = self.fee.text().strip()
        return catalogue_edit.ProcedureEdit(
            processing=None if unchanged or not text else text,
            processing_max_value=self.max_days.value() or None,
            clear_max=self.max_days.value() == 0 and p.processing_max_value is not None,
            fee=None if not fee or (not p.fee_rule and fee == str(p.fee_amount)) else fee,
            after_15h=self.after_15h.isChecked(),
            result_place=self.result_place.text() or None,
            # Unchanged is left alone; emptied removes the link.
            portal_url=None
            if self.portal_url.text().strip() == (p.portal_url or "")
            else self.portal_url.text(),
        )

    def save(self) -> None:
        if self._shown is None:
            self.banner.show_error(self.tr("Chọn một thủ tục trong bảng."))
            return
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(
            catalogue_edit.set_procedure,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self._shown.code,
            self.edit(),
            on_done=self._saved,
            on_error=self._failed,
            label=self.tr("Đang lưu thủ tục…"),
        )

    def _saved(self, row) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_message(self.tr("Đã lưu thủ tục ") + row.code, "success", 6000)
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_error(exc)

    # --- lists --------------------------------------------------------------------

    def edit_components(self) -> None:
        if self._shown is None:
            self.banner.show_error(self.tr("Chọn một thủ tục trong bảng."))
            return
        self.ctx.tasks.run(
            catalogue.components_of,
            self.ctx.require_db(),
            self._shown.code,
            on_done=self._open_components,
            on_error=self._failed,
        )

    def _open_components(self, rows: list[dict]) -> None:
        columns = [
            Column("name", self.tr("Tên thành phần hồ sơ"), stretch=True),
            Column("originals", self.tr("Bản chính"), "count", 1),
            Column("copies", self.tr("Bản sao"), "count", 0),
            Column("required", self.tr("Bắt buộc"), "flag", True),
        ]
        self._open_list(
            self.tr("Thành phần hồ sơ"),
            self.tr(
                "Thành phần hồ sơ của thủ tục {code}, theo thứ tự in trên giấy tiếp nhận. "
                "Hồ sơ đã nhận giữ nguyên thành phần của mình."
            ).format(code=self._shown.code),
            columns,
            rows,
            "components",
        )

    def edit_exemptions(self) -> None:
        if self._shown is None:
            self.banner.show_error(self.tr("Chọn một thủ tục trong bảng."))
            return
        columns = [
            Column("code", self.tr("Mã")),
            Column("label", self.tr("Đối tượng được miễn, giảm"), stretch=True),
        ]
        self._open_list(
            self.tr("Đối tượng miễn, giảm phí, lệ phí"),
            self.tr(
                "Đối tượng cán bộ chọn khi tiếp nhận hồ sơ thủ tục {code} "
                "(ví dụ: hộ nghèo, người có công, trẻ em)."
            ).format(code=self._shown.code),
            columns,
            list(self._shown.fee_exemptions or []),
            "exemptions",
        )

    def _open_list(
        self, title: str, intro: str, columns: list[Column], rows: list[dict], what: str
    ) -> None:
        self.list_dialog = ListEditor(title, intro, columns, rows, self)
        self.list_dialog.setObjectName(f"catalogue_{what}_dialog")
        self.list_dialog.submitted.connect(lambda values, w=what: self._save_list(w, values))
        self.list_dialog.open()

    def _save_list(self, what: str, values: list) -> None:
        dialog, shown = self.list_dialog, self._shown
        if dialog is None or shown is None:
            return
        edit = (
            catalogue_edit.ProcedureEdit(components=values)
            if what == "components"
            else catalogue_edit.ProcedureEdit(exemptions=values)
        )
        self.ctx.tasks.run(
            catalogue_edit.set_procedure,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            shown.code,
            edit,
            on_done=lambda row, d=dialog: (d.succeeded(), self._saved(row)),
            on_error=dialog.failed,
            label=self.tr("Đang lưu thủ tục…"),
        )

    # --- import -------------------------------------------------------------------

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn danh mục thủ tục"), "", self.tr("Bảng tính Excel (*.xlsx)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self.ctx.tasks.run(
            catalogue_import.import_file,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            path,
            on_done=self._imported,
            on_error=self._failed,
            label=self.tr("Đang nhập danh mục…"),
        )

    def _imported(self, result: catalogue_import.ImportResult) -> None:
        text = self.tr("Đã nhập {0} thủ tục mới, cập nhật {1}; {2} chỗ cần xem lại.").format(
            result.created, result.updated, len(result.flagged)
        )
        if result.flagged:
            text += " " + "; ".join(
                f"dòng {f.row} {f.code or ''}: {f.message}" for f in result.flagged[:5]
            )
        self.banner.show_message(text, "info" if result.flagged else "success", 12000)
        self.load()

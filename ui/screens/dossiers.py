"""Hồ sơ: every dossier of the station, filtered, coloured by deadline, with details."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.status import Status
from app.dossiers.dossier_query import DUE_SOON_DAYS, DossierFilter
from app.office import catalogue
from ui.shell import i18n
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.widgets.dossier_detail import DossierDetail
from ui.widgets.dossier_model import DossierTableModel
from ui.widgets.flow_layout import flow_row
from ui.widgets.messages import Banner
from ui.widgets.print_preview import PrintJob, prepare, show_job

ROW_HEIGHT = 24


def read_day(db, actor, data_dir, now) -> tuple:
    """Worker: today's counts, the changes waiting to sync, and late or close feedback."""
    from app import overview
    from app.dossiers import today

    status = overview.read(db, data_dir, now)
    return today.counts(db, actor, now), status.pending_changes, status


def export_list(db, actor, flt: DossierFilter, fmt: str, path: Path | None, title: str):
    """Worker: the filtered list as an Excel file written to ``path``, or a print job."""
    from app.reports import dossier_list

    data = dossier_list.export(db, actor, flt, fmt)
    if path is not None:
        path.write_bytes(data)
        return path
    return prepare(data, title)


def logbook_job(db, actor, first: date, last: date, title: str) -> PrintJob:
    from app.paper import printing

    pdf = printing.print_logbook(db, actor, first, last)
    days = f"{first:%d/%m/%Y}" if first == last else f"{first:%d/%m/%Y}–{last:%d/%m/%Y}"
    return prepare(pdf, f"{title} {days}")


class DossiersPage(Screen):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending_code: str | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 10, 14, 8)
        self.banner = Banner()
        root.addWidget(self.banner)
        self._build_day(root)
        bar = QHBoxLayout()
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        self.status.addItem(self.tr("Mọi trạng thái"), None)
        for s in Status:
            self.status.addItem(f"{int(s)}. {s.label(i18n.language())}", int(s))
        self.procedure = QComboBox()
        self.procedure.setObjectName("filter_procedure")
        for combo, chars in ((self.status, 16), (self.procedure, 22)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
        self.procedure.addItem(self.tr("Mọi thủ tục"), None)
        for p in catalogue.list_procedures(ctx.require_db()):
            self.procedure.addItem(f"{p.code} — {p.name}", p.code)
        self.use_dates = QCheckBox(self.tr("Tiếp nhận từ"))
        self.use_dates.setObjectName("filter_use_dates")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        for w in (self.date_from, self.date_to):
            w.setDisplayFormat("dd/MM/yyyy")
            w.setCalendarPopup(True)
        self.overdue = QCheckBox(self.tr("Quá hạn"))
        self.overdue.setObjectName("filter_overdue")
        self.overdue.setToolTip(
            self.tr(
                "Hồ sơ đang giải quyết đã quá hạn hẹn, và hồ sơ đã có kết quả nhưng trễ hạn "
                "(không tính hồ sơ đã hủy)"
            )
        )
        self.due_soon = QCheckBox(self.tr("Sắp đến hạn ({n} ngày)").format(n=DUE_SOON_DAYS))
        self.due_soon.setObjectName("filter_due_soon")
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.refresh_button.setObjectName("refresh")
        bar.addWidget(QLabel(self.tr("Lọc:")))
        bar.addWidget(self.status)
        bar.addWidget(self.procedure, 1)
        bar.addWidget(self.refresh_button)
        root.addLayout(bar)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("đến")))
        dates.addWidget(self.date_to)
        dates.addSpacing(16)
        dates.addWidget(self.overdue)
        dates.addWidget(self.due_soon)
        dates.addStretch(1)
        # The list as filtered, on paper or in Excel; the log book of the same days.
        self.print_list_button = QPushButton(self.tr("In danh sách"))
        self.print_list_button.setObjectName("print_list")
        self.print_list_button.setToolTip(self.tr("In danh sách hồ sơ đang lọc (khổ A4 ngang)"))
        self.export_list_button = QPushButton(self.tr("Xuất tệp…"))
        self.export_list_button.setToolTip(
            self.tr("Lưu danh sách đang lọc thành tệp Excel hoặc PDF")
        )
        self.export_list_button.setObjectName("export_list")
        self.logbook_button = QPushButton(self.tr("In sổ theo dõi"))
        self.logbook_button.setObjectName("print_logbook")
        self.logbook_button.setToolTip(
            self.tr("Sổ theo dõi hồ sơ của các ngày đang lọc (hoặc hôm nay)")
        )
        for button in (self.print_list_button, self.export_list_button, self.logbook_button):
            dates.addWidget(button)
        self.print_list_button.clicked.connect(lambda: self.export_list("pdf"))
        self.export_list_button.clicked.connect(self._choose_export)
        self.logbook_button.clicked.connect(self.print_logbook)
        self.preview_dialog = None
        root.addLayout(dates)

        self.model = DossierTableModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("dossier_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ROW_HEIGHT)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The code column leaves room for the warning icon of a refused dossier.
        for col, width in ((0, 232), (1, 128), (3, 88), (4, 124), (5, 112)):
            self.table.setColumnWidth(col, width)
        self.detail = DossierDetail(ctx)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([790, 370])
        root.addWidget(split, 1)
        legend = QLabel(
            self.tr(
                "Màu đỏ: quá hạn · màu vàng: sắp đến hạn trong {n} ngày · "
                "⚠ chữ đỏ: máy chủ từ chối (rê chuột để xem lý do)"
            ).format(n=DUE_SOON_DAYS)
        )
        legend.setStyleSheet("color:#57606a; font-size:11px;")
        root.addWidget(legend)

        for w in (self.status, self.procedure):
            w.currentIndexChanged.connect(self.apply_filter)
        for w in (self.use_dates, self.overdue, self.due_soon):
            w.toggled.connect(self.apply_filter)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self.apply_filter())
        self.refresh_button.clicked.connect(self.model.reload)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.load_failed.connect(self.banner.show_error)
        self.model.page_loaded.connect(self._page_loaded)
        self.detail.changed.connect(self._dossier_changed)
        self.detail.return_requested.connect(self.return_dossier)
        self._started = False

    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.model.reload()
        self.table.setFocus()
        self.refresh_day()

    def operation_did_execute(self) -> None:
        if self.isVisible():
            self.refresh_day()

    # --- the day at a glance ---------------------------------------------------------

    def _build_day(self, root: QVBoxLayout) -> None:
        # The counts wrap onto a second line rather than widen the window past the
        # screen (a bigger text size, 125–150 % scaling).
        box, row = flow_row()
        box.setObjectName("day_counts")
        title = QLabel(self.tr("Hôm nay:"))
        title.setStyleSheet("font-weight:bold;")
        row.addWidget(title)
        labels = {
            "received": self.tr("Đã tiếp nhận"),
            "due_today": self.tr("Đến hạn trả"),
            "overdue": self.tr("Quá hạn"),
            "supplement": self.tr("Chờ bổ sung"),
            "ready": self.tr("Có kết quả, chờ trả"),
            "sync": self.tr("Chờ đồng bộ"),
            "feedback_overdue": self.tr("PAKN quá hạn"),
            "feedback_due_soon": self.tr("PAKN sắp đến hạn"),
        }
        self.day_labels = labels
        self.day_buttons: dict[str, QPushButton] = {}
        for kind, text in labels.items():
            button = QPushButton(f"{text}: …")
            button.setObjectName(f"day_{kind}")
            button.setToolTip(
                self.tr("Mở sổ phản ánh, kiến nghị (PAKN)")
                if kind.startswith("feedback")
                else self.tr("Mở danh sách hồ sơ này")
            )
            button.clicked.connect(lambda _=False, k=kind: self.open_day_list(k))
            self.day_buttons[kind] = button
            row.addWidget(button)
        root.addWidget(box)
        self.day_filter = None

    def refresh_day(self) -> None:
        self.ctx.tasks.run(
            read_day,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.ctx.data_dir,
            self.ctx.now(),
            on_done=self._show_day,
            on_error=lambda exc: None,
        )

    def _show_day(self, found: tuple) -> None:
        day, pending, status = found
        for kind, button in self.day_buttons.items():
            if kind == "sync":
                n = pending
            elif kind.startswith("feedback"):
                n = getattr(status, kind)
            else:
                n = day.get(kind)
            button.setText(f"{self.day_labels[kind]}: {i18n.number(n)}")
            alarm = kind in ("overdue", "feedback_overdue") and n > 0
            button.setStyleSheet("color:#8a1c1c; font-weight:bold;" if alarm else "")

    def open_day_list(self, kind: str) -> None:
        """Show the dossiers behind one of today's counts."""
        if kind == "sync" or kind.startswith("feedback"):
            window = self.window()
            page = window.show_page("sync" if kind == "sync" else "feedback")
            if page is not None and kind.startswith("feedback"):
                page.show_only(kind.removeprefix("feedback_"))
            return
        from app.dossiers import today

        flt = today.filter_for(kind, self.ctx.now())
        widgets = (self.status, self.procedure, self.use_dates, self.overdue, self.due_soon)
        for w in widgets:
            w.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(flt.status)))
        self.procedure.setCurrentIndex(0)
        self.use_dates.setChecked(flt.received_from is not None)
        if flt.received_from is not None:
            self.date_from.setDate(flt.received_from)
            self.date_to.setDate(flt.received_to)
        self.overdue.setChecked(flt.overdue)
        self.due_soon.setChecked(False)
        for w in widgets:
            w.blockSignals(False)
        self.day_filter = flt if flt.due_on is not None else None
        self._started = True
        self.detail.clear()
        self.model.set_filter(flt)

    def current_filter(self) -> DossierFilter:
        dates = self.use_dates.isChecked()
        self.day_filter = None  # any change of the visible filters leaves "due today"
        return DossierFilter(
            status=self.status.currentData(),
            procedure_code=self.procedure.currentData(),
            received_from=self.date_from.date().toPython() if dates else None,
            received_to=self.date_to.date().toPython() if dates else None,
            overdue=self.overdue.isChecked(),
            due_within_days=DUE_SOON_DAYS if self.due_soon.isChecked() else None,
        )

    def apply_filter(self) -> None:
        self.banner.clear_message()
        try:
            flt = self.current_filter()
        except Exception as exc:
            self.banner.show_error(exc)
            return
        self._started = True
        self.detail.clear()
        self.model.set_filter(flt)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if row is not None:
            self.detail.load(row.code)

    def _page_loaded(self, _count: int) -> None:
        if self._pending_code:
            self._select(self._pending_code)

    def _select(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        self._pending_code = None
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_dossier(self, code: str) -> None:
        """Open ``code`` in the detail pane (and select it if it is loaded)."""
        self._started = True
        if not self._select(code):
            self._pending_code = code
            if not self.model.rows and not self.model.loading:
                self.model.reload()
        self.detail.load(code)

    def _dossier_changed(self, code: str) -> None:
        self.data_changed.emit()
        self.model.reload()
        self._pending_code = code

    # --- the list and the log book on paper ------------------------------------------

    def _list_filter(self) -> DossierFilter | None:
        try:
            return self.day_filter or self.current_filter()
        except Exception as exc:
            self.banner.show_error(exc)
            return None

    def _choose_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        excel, pdf = self.tr("Bảng tính Excel (*.xlsx)"), self.tr("Tệp PDF (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Xuất danh sách hồ sơ"),
            f"danh-sach-ho-so-{self.ctx.now():%Y%m%d-%H%M}.xlsx",
            f"{excel};;{pdf}",
        )
        if path:
            target = Path(path)
            fmt = "pdf" if chosen == pdf or target.suffix.lower() == ".pdf" else "xlsx"
            self.export_list(fmt, target.with_suffix(f".{fmt}"))

    def export_list(self, fmt: str, path: Path | None = None) -> None:
        """The filtered list: a PDF to the print preview, or an Excel file to ``path``."""
        flt = self._list_filter()
        if flt is None:
            return
        self.ctx.tasks.run(
            export_list,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            flt,
            fmt,
            path,
            self.tr("Danh sách hồ sơ"),
            on_done=self._list_done,
            on_error=self.banner.show_error,
            label=self.tr("Đang lập danh sách…"),
        )

    def _list_done(self, outcome: object) -> None:
        if isinstance(outcome, Path):
            self.banner.show_message(
                self.tr("Đã xuất danh sách ra {path}.").format(path=outcome), "success", 8000
            )
        else:
            self.preview_dialog = show_job(self, self.ctx, outcome, self.banner)

    def print_logbook(self) -> None:
        """Sổ theo dõi hồ sơ of the days in the date filter, or of today."""
        if self.use_dates.isChecked():
            first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        else:
            first = last = self.ctx.now().date()
        self.ctx.tasks.run(
            logbook_job,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            first,
            last,
            self.tr("Sổ theo dõi hồ sơ"),
            on_done=self._list_done,
            on_error=self.banner.show_error,
            label=self.tr("Đang lập sổ theo dõi…"),
        )

    def print_current(self) -> None:
        if self.detail.view is not None:
            self.detail.reprint("receipt")

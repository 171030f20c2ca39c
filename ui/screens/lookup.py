"""Tra cứu: one field for a code, a scanned receipt QR, an ID number or a name."""

from __future__ import annotations

import time
from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_datetime
from app.domain.status import Status, is_due_soon
from app.dossiers import lookup
from app.dossiers.dossier_query import DUE_SOON_DAYS
from app.dossiers.lookup import LookupResult
from ui.shell import i18n
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.widgets.dossier_detail import DossierDetail
from ui.widgets.dossier_model import DUE_SOON_BG, OVERDUE_BG
from ui.widgets.messages import Banner

KIND_LABELS = {
    "code": "mã hồ sơ",
    "id_number": "số định danh",
    "tax_code": "mã số thuế",
    "name": "họ tên",
}


class LookupPage(Screen):
    # Seconds from Enter to the results on screen (the bench reads it).
    results_shown = Signal(float)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: LookupResult | None = None
        self._started = 0.0
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 10, 14, 8)
        self.banner = Banner()
        root.addWidget(self.banner)
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setObjectName("lookup_query")
        self.query.setPlaceholderText(
            self.tr(
                "Mã hồ sơ, quét mã QR trên giấy tiếp nhận hoặc CCCD, số CCCD, mã số thuế, họ tên…"
            )
        )
        self.query.setClearButtonEnabled(True)
        self.query.setStyleSheet("font-size:15px; padding:4px;")
        self.search = QPushButton(self.tr("Tra cứu (Enter)"))
        self.search.setObjectName("lookup_search")
        row.addWidget(self.query, 1)
        row.addWidget(self.search)
        root.addLayout(row)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("lookup_summary")
        root.addWidget(self.summary)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("lookup_results")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Người nộp"),
                self.tr("Thủ tục"),
                self.tr("Hẹn trả"),
                self.tr("Trạng thái"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 212), (1, 140), (3, 124), (4, 130)):
            self.table.setColumnWidth(col, width)
        self.detail = DossierDetail(ctx)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([790, 370])
        root.addWidget(split, 1)
        self.query.returnPressed.connect(self.run_query)
        self.search.clicked.connect(self.run_query)
        self.table.currentCellChanged.connect(lambda r, *_: self._show_row(r))
        self.detail.changed.connect(lambda _code: self.data_changed.emit())
        self.detail.return_requested.connect(self.return_dossier)

    def activated(self) -> None:
        self.focus_query()

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run_query(self) -> None:
        self.banner.clear_message()
        self._started = time.perf_counter()
        self.ctx.tasks.run(
            lookup.lookup,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.query.text(),
            on_done=self.show_result,
            on_error=self._failed,
            label=self.tr("Đang tra cứu…"),
        )

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_error(exc)
        self.query.setFocus()

    def show_result(self, result: LookupResult) -> None:
        # A new search starts with nothing selected: the detail pane and every action
        # follow only a row the clerk picks (or the single result).
        self.result = None
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        self.detail.clear()
        self.result = result
        lang = i18n.language()
        now, window = self.ctx.now(), timedelta(days=DUE_SOON_DAYS)
        self.table.setRowCount(len(result.items))
        for r, d in enumerate(result.items):
            cells = (
                d.code,
                d.applicant_name,
                d.procedure_name,
                format_datetime(d.due_at),
                Status(d.status).label(lang),
            )
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if d.overdue:
                    item.setBackground(OVERDUE_BG)
                elif is_due_soon(Status(d.status), d.due_at, now, window):
                    item.setBackground(DUE_SOON_BG)
                self.table.setItem(r, c, item)
        kind = KIND_LABELS.get(result.kind, result.kind)
        if lang == "en":
            kind = result.kind.replace("_", " ")
        self.summary.setText(
            self.tr("{n} hồ sơ (tìm theo {kind}: {q})").format(
                n=len(result.items), kind=kind, q=result.query
            )
        )
        if len(result.items) == 1:
            self.table.selectRow(0)
        self.results_shown.emit(time.perf_counter() - self._started)

    def _show_row(self, row: int) -> None:
        if self.result is not None and 0 <= row < len(self.result.items):
            self.detail.load(self.result.items[row].code)
        else:
            self.detail.clear()

    def print_current(self) -> None:
        if self.detail.view is None:
            self.banner.show_message(self.tr("Chọn một hồ sơ trong danh sách để in."), "info", 4000)
            return
        self.detail.reprint("receipt")

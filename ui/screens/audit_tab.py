"""Cài đặt › Nhật ký: the audit log, filtered by officer, action and day (supervisors).

Who looked up which person, who printed, exported or backed up what: the
log ``audit verify`` proves untouched, made readable. Opening it with a
filter is itself recorded (``app.office.audit_log``).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.office import audit_log
from ui.shell.context import Context
from ui.widgets.messages import Banner

ALL = ""


class AuditTab(QWidget):
    def __init__(self, ctx: Context, banner: Banner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banner = banner
        self.page: audit_log.Page | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.officer = QComboBox()
        self.officer.setObjectName("audit_officer")
        self.officer.addItem(self.tr("Mọi cán bộ"), ALL)
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.action.setEditable(True)
        self.action.addItem(self.tr("Mọi thao tác"), ALL)
        self.action.setMinimumWidth(220)
        self.use_dates = QCheckBox(self.tr("Từ ngày"))
        self.day_from = QDateEdit(QDate.currentDate())
        self.day_to = QDateEdit(QDate.currentDate())
        for edit in (self.day_from, self.day_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.filter_button = QPushButton(self.tr("Lọc"))
        self.filter_button.setObjectName("audit_filter")
        self.filter_button.clicked.connect(self.load)
        filters.addWidget(QLabel(self.tr("Cán bộ")))
        filters.addWidget(self.officer)
        filters.addWidget(QLabel(self.tr("Thao tác")))
        filters.addWidget(self.action)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.day_from)
        filters.addWidget(QLabel(self.tr("đến")))
        filters.addWidget(self.day_to)
        filters.addWidget(self.filter_button)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.count = QLabel()
        self.count.setObjectName("audit_count")
        layout.addWidget(self.count)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Thời gian"),
                self.tr("Cán bộ"),
                self.tr("Thao tác"),
                self.tr("Đối tượng"),
                self.tr("Chi tiết"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.page is None:
            self.load()

    def load(self) -> None:
        dated = self.use_dates.isChecked()
        action = self.action.currentText().strip()
        if self.action.currentIndex() == 0 and action == self.action.itemText(0):
            action = ALL
        self.ctx.tasks.run(
            audit_log.entries,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            officer=self.officer.currentData() or None,
            action=action or None,
            day_from=self.day_from.date().toPython() if dated else None,
            day_to=self.day_to.date().toPython() if dated else None,
            on_done=self.show_page,
            on_error=self.banner.show_error,
            label=self.tr("Đang đọc nhật ký…"),
        )

    def show_page(self, page: audit_log.Page) -> None:
        self.page = page
        self._fill_choices(self.officer, page.officers)
        self._fill_choices(self.action, page.actions)
        shown = len(page.entries)
        text = self.tr("{n} mục khớp").format(n=page.total)
        if shown < page.total:
            text += self.tr(" (hiện {shown} mục mới nhất)").format(shown=shown)
        self.count.setText(text)
        self.table.setRowCount(shown)
        for r, e in enumerate(page.entries):
            detail = json.dumps(e.detail, ensure_ascii=False) if e.detail is not None else ""
            values = [e.at.strftime("%d/%m/%Y %H:%M:%S"), e.officer or "", e.action]
            values += [e.target or "", detail]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    @staticmethod
    def _fill_choices(combo: QComboBox, values: list[str]) -> None:
        known = {combo.itemData(i) for i in range(combo.count())}
        for value in values:
            if value not in known:
                combo.addItem(value, value)

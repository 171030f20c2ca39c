"""The dossier table's model: pages fetched lazily, off the GUI thread.

The view asks for more rows only when it is scrolled near the end of what is
loaded (``canFetchMore``/``fetchMore``); each request fetches one keyset page
from ``app.dossiers.dossier_query`` on a worker thread. A station with a million
dossiers therefore costs what the rows on screen cost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.domain.formatting import format_date, format_datetime
from app.domain.status import Status
from app.dossiers import dossier_query
from app.dossiers.dossier_query import Cursor, DossierFilter, DossierRow, Page
from ui.shell import i18n
from ui.shell.context import Context

OVERDUE_BG = QColor("#fbd5d3")
DUE_SOON_BG = QColor("#fff0c2")
SYNC_ERROR_FG = QColor("#8a1c1c")

Index = QModelIndex | QPersistentModelIndex


class DossierTableModel(QAbstractTableModel):
    """Newest dossiers first; ``set_filter`` starts over from the first page."""

    page_loaded = Signal(int)  # rows in the page just added
    load_failed = Signal(object)

    COLUMNS = ("code", "applicant", "procedure", "received", "due", "status")

    def __init__(self, ctx: Context, page_size: int = dossier_query.PAGE_SIZE) -> None:
        super().__init__()
        self.ctx = ctx
        self.page_size = page_size
        self.rows: list[DossierRow] = []
        self.filter = DossierFilter()
        self._cursor: Cursor | None = None
        self._exhausted = False
        self._loading = False
        self._generation = 0
        # What has been read from the database so far (the scale test checks it).
        self.rows_fetched = 0
        self.pages_fetched = 0
        self._warning_icon: QIcon | None = None
        self._headers = [
            self.tr("Mã hồ sơ"),
            self.tr("Người nộp"),
            self.tr("Thủ tục"),
            self.tr("Tiếp nhận"),
            self.tr("Hẹn trả"),
            self.tr("Trạng thái"),
        ]

    # --- loading ---------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def set_filter(self, flt: DossierFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self.rows = []
        self._cursor = None
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent) or self.ctx.db is None or self.ctx.actor is None:
            return
        self._loading = True
        generation = self._generation
        self.ctx.tasks.run(
            dossier_query.fetch_page,
            self.ctx.db,
            self.ctx.actor,
            self.filter,
            self._cursor,
            self.page_size,
            self.ctx.now(),
            on_done=lambda page: self._add_page(generation, page),
            on_error=lambda exc: self._failed(generation, exc),
            label=self.tr("Đang tải danh sách hồ sơ…"),
        )

    def _add_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # a filter changed while this page was on its way
        self._loading = False
        self.pages_fetched += 1
        self.rows_fetched += len(page.rows)
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.page_loaded.emit(len(page.rows))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
            self.load_failed.emit(exc)

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.code == code), -1)

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, self.COLUMNS[index.column()])
        if row.sync_error:
            # Refused by the server for good: kept here, and impossible to miss.
            if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
                return self.warning_icon()
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(SYNC_ERROR_FG)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Máy chủ từ chối hồ sơ này: {reason}").format(reason=row.sync_error)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.overdue:
                return QBrush(OVERDUE_BG)
            if row.due_soon:
                return QBrush(DUE_SOON_BG)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.overdue:
                return self.tr("Quá hạn")
            if row.due_soon:
                return self.tr("Sắp đến hạn (trong 2 ngày)")
            column = self.COLUMNS[index.column()]
            if column == "received":
                return format_datetime(row.received_at)
            return self._display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def warning_icon(self) -> QIcon:
        if self._warning_icon is None:
            self._warning_icon = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            )
        return self._warning_icon

    @staticmethod
    def _display(row: DossierRow, column: str) -> str:
        if column == "code":
            return row.code
        if column == "applicant":
            return row.applicant_name
        if column == "procedure":
            return row.procedure_name
        if column == "received":
            return format_date(row.received_at)
        if column == "due":
            return format_datetime(row.due_at)
        return Status(row.status).label(i18n.language())

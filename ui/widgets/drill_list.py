"""The dossiers behind a report figure, as a model the drill-down view reads.

A figure can stand for thousands of dossiers. A QTableWidget item per cell,
sized to its contents, built 25,000 objects and measured every row on the
GUI thread; this model formats a cell only when the view paints it, so
showing 5,000 lines costs what showing twenty does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.formatting import format_datetime
from app.reports.drilldown import DossierLine

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class DrillModel(QAbstractTableModel):
    """Code, applicant, procedure, received and due, one line per dossier."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self._headers = headers
        self.lines: list[DossierLine] = []
        # Cells formatted so far (the test checks a long list is not walked whole).
        self.cells_formatted = 0

    def set_lines(self, lines: list[DossierLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 (Qt name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        line = self.lines[index.row()]
        self.cells_formatted += 1
        column = index.column()
        if column == 0:
            return line.code
        if column == 1:
            return line.applicant_name
        if column == 2:
            return f"{line.procedure_code} {line.procedure_name}"
        if column == 3:
            return format_datetime(line.received_at)
        return format_datetime(line.due_at)

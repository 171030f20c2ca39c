"""The procedure's components as a checklist with counts of originals and copies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
)

from app.dossiers.intake_preview import ComponentSpec


class ComponentsTable(QTableWidget):
    """One row per component: ticked when handed in, with its counts (Space ticks)."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("components")
        self.setHorizontalHeaderLabels(
            [self.tr("Thành phần hồ sơ (* bắt buộc)"), self.tr("Bản chính"), self.tr("Bản sao")]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(1, 78)
        self.setColumnWidth(2, 78)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self._specs: list[ComponentSpec] = []

    def set_components(self, specs: tuple[ComponentSpec, ...] | list[ComponentSpec]) -> None:
        self._specs = list(specs)
        self.setRowCount(len(self._specs))
        for row, spec in enumerate(self._specs):
            mark = " *" if spec.required else ""
            item = QTableWidgetItem(f"{spec.index}. {spec.name}{mark}")
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            # The usual case is a complete dossier: required papers start ticked.
            item.setCheckState(Qt.CheckState.Checked if spec.required else Qt.CheckState.Unchecked)
            if not spec.verified:
                item.setToolTip(self.tr("Thành phần chưa được xác minh trong CSDL quốc gia"))
            self.setItem(row, 0, item)
            for col, value in ((1, spec.originals), (2, spec.copies)):
                spin = QSpinBox()
                spin.setRange(0, 99)
                spin.setValue(value)
                spin.setObjectName(f"count_{spec.index}_{col}")
                self.setCellWidget(row, col, spin)
        self.resizeRowsToContents()
        if self._specs:
            self.setCurrentCell(0, 0)

    def clear_components(self) -> None:
        self._specs = []
        self.setRowCount(0)

    def set_checked(self, index: int, checked: bool) -> None:
        for row, spec in enumerate(self._specs):
            if spec.index == index:
                self.item(row, 0).setCheckState(
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Space and self.currentRow() >= 0:
            item = self.item(self.currentRow(), 0)
            item.setCheckState(
                Qt.CheckState.Unchecked
                if item.checkState() == Qt.CheckState.Checked
                else Qt.CheckState.Checked
            )
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.resizeRowsToContents()

    def checked_components(self) -> list[dict[str, Any]]:
        """Ticked components as ``app.dossiers.intake.receive`` expects them."""
        out = []
        for row, spec in enumerate(self._specs):
            if self.item(row, 0).checkState() == Qt.CheckState.Checked:
                out.append(
                    {
                        "index": spec.index,
                        "originals": self.cellWidget(row, 1).value(),
                        "copies": self.cellWidget(row, 2).value(),
                    }
                )
        return out

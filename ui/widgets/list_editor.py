"""A small table dialog for editing a list of rows: a procedure's components, its fee exemptions.

Rows are typed in place; "Thêm dòng", "Xóa dòng" and the arrows add, drop and
reorder them. The dialog stays open while the list is saved, so a refusal
(an empty name, a repeated code) is shown in it and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.forms import heading
from ui.widgets.messages import Banner


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"  # text, count (a whole number), flag (a tick)
    default: Any = ""
    stretch: bool = False


class ListEditor(QDialog):
    """Edits ``rows`` (dicts keyed by the columns' keys); emits ``submitted`` with the list."""

    submitted = Signal(list)

    def __init__(
        self,
        title: str,
        intro: str,
        columns: list[Column],
        rows: list[dict[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.setWindowTitle(title)
        self.setModal(True)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 14))
        note = QLabel(intro)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName("list_table")
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for i, column in enumerate(columns):
            stretch = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(
                i, stretch if column.stretch else QHeaderView.ResizeMode.ResizeToContents
            )
        layout.addWidget(self.table, 1)
        for row in rows:
            self.add_row(row)
        tools = QHBoxLayout()
        for text, name, slot in (
            (self.tr("Thêm dòng"), "list_add", lambda: self.add_row({})),
            (self.tr("Xóa dòng"), "list_remove", self.remove_row),
            ("↑", "list_up", lambda: self.move_row(-1)),
            ("↓", "list_down", lambda: self.move_row(1)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            tools.addWidget(button)
        tools.addStretch(1)
        layout.addLayout(tools)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("list_save")
        buttons.addButton(self.tr("Đóng, không lưu"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add_row(self, values: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, column in enumerate(self.columns):
            value = values.get(column.key, column.default)
            item = QTableWidgetItem()
            if column.kind == "flag":
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            else:
                item.setText(str(value))
            self.table.setItem(row, col, item)
        self.table.setCurrentCell(row, 0)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = self.values()
        values[row], values[target] = values[target], values[row]
        self.table.setRowCount(0)
        for item in values:
            self.add_row(item)
        self.table.setCurrentCell(target, 0)

    def values(self) -> list[dict[str, Any]]:
        """The rows as typed; a count that is not a whole number stays text for the check."""
        out = []
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for col, column in enumerate(self.columns):
                item = self.table.item(row, col)
                if column.kind == "flag":
                    values[column.key] = item.checkState() == Qt.CheckState.Checked
                    continue
                text = item.text().strip() if item else ""
                if column.kind == "count":
                    values[column.key] = int(text) if text.isdigit() else text
                else:
                    values[column.key] = text
            out.append(values)
        return out

    def submit(self) -> None:
        self.banner.clear_message()
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.values())

    def failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.banner.show_error(exc)

    def succeeded(self) -> None:
        self.accept()

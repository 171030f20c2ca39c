"""Picking the procedure by typing part of its name (diacritics optional) or code."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.dossiers.intake_preview import rank_procedures
from app.office.catalogue import ProcedureSummary


class ProcedurePicker(QWidget):
    """A search line over the catalogue; Up/Down move, Enter picks."""

    picked = Signal(object)  # ProcedureSummary
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[ProcedureSummary] = []
        self.current: ProcedureSummary | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.search = QLineEdit()
        self.search.setObjectName("procedure_search")
        self.search.setPlaceholderText(self.tr("Gõ tên thủ tục (có dấu hay không dấu) hoặc mã…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("procedure_list")
        self.list.setMinimumHeight(96)
        self.chosen = QLabel()
        self.chosen.setObjectName("procedure_chosen")
        self.chosen.setWordWrap(True)
        self.chosen.setStyleSheet("color:#0b5394; font-weight:bold;")
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.chosen)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._pick_current)
        self.list.itemActivated.connect(lambda item: self._pick(item))
        self.list.itemClicked.connect(lambda item: self._pick(item))

    def set_procedures(self, procedures: list[ProcedureSummary]) -> None:
        self._all = list(procedures)
        self._filter(self.search.text())

    def clear(self) -> None:
        self.current = None
        self.search.clear()
        self.chosen.clear()
        self._filter("")

    def _filter(self, text: str) -> None:
        self.list.clear()
        procs = rank_procedures(self._all, text) if text.strip() else self._all
        for proc in procs:
            item = QListWidgetItem(f"{proc.code} — {proc.name}")
            item.setData(Qt.ItemDataRole.UserRole, proc)
            if not proc.verified:
                item.setToolTip(self.tr("Thông tin thủ tục chưa được xác minh đầy đủ"))
            self.list.addItem(item)
        # Enter picks the best match of what was typed, never a procedure nobody asked for.
        if self.list.count() and text.strip():
            self.list.setCurrentRow(0)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {
                    Qt.Key.Key_Down: 1,
                    Qt.Key.Key_Up: -1,
                    Qt.Key.Key_PageDown: 5,
                    Qt.Key.Key_PageUp: -5,
                }[key]
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
        return False

    def _pick_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._pick(item)

    def pick_code(self, code: str) -> bool:
        for proc in self._all:
            if proc.code == code:
                self._choose(proc)
                return True
        return False

    def _pick(self, item: QListWidgetItem) -> None:
        self._choose(item.data(Qt.ItemDataRole.UserRole))

    def _choose(self, proc: ProcedureSummary) -> None:
        self.current = proc
        self.chosen.setText(f"{proc.code} — {proc.name}")
        self.picked.emit(proc)

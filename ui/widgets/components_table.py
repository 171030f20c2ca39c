"""The procedure's components as a checklist with counts of originals and copies.

A procedure charged per page (certified copies) also asks the pages of each copy
of the charged component: the fee cannot be known without them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
)

from app.domain import fees
from app.domain.errors import DomainError, ErrorCollector
from app.domain.formatting import format_money
from app.dossiers.intake_preview import ComponentSpec

PAGES = 3  # the pages column, shown only for a per-page fee rule


class ComponentsTable(QTableWidget):
    """One row per component: ticked when handed in, with its counts (Space ticks)."""

    # A tick or a count changed: the fee the counts make may have changed.
    counts_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("components")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Thành phần hồ sơ (* bắt buộc)"),
                self.tr("Bản chính"),
                self.tr("Bản sao"),
                self.tr("Số trang/bản"),
            ]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, PAGES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, 78)
        self.setColumnHidden(PAGES, True)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self._specs: list[ComponentSpec] = []
        self._rule: dict[str, Any] | None = None
        self.itemChanged.connect(lambda _item: self.counts_changed.emit())

    def set_components(
        self,
        specs: tuple[ComponentSpec, ...] | list[ComponentSpec],
        fee_rule: dict[str, Any] | None = None,
    ) -> None:
        self._specs = list(specs)
        self._rule = fee_rule
        per_page = bool(fee_rule) and fee_rule.get("kind") == "per_page"
        self.setColumnHidden(PAGES, not per_page)
        # No fee to recompute until every row has its counts.
        self.blockSignals(True)
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
                spin.valueChanged.connect(self.counts_changed)
                self.setCellWidget(row, col, spin)
            if per_page and self._charged(spec.index):
                # 0 means "not counted yet": receiving then names the missing pages.
                pages = QSpinBox()
                pages.setRange(0, 9999)
                pages.setSpecialValueText("—")
                pages.setObjectName(f"pages_{spec.index}")
                pages.valueChanged.connect(self.counts_changed)
                self.setCellWidget(row, PAGES, pages)
            else:
                self.removeCellWidget(row, PAGES)
        self.blockSignals(False)
        self.resizeRowsToContents()
        self.counts_changed.emit()
        if self._specs:
            self.setCurrentCell(0, 0)

    def clear_components(self) -> None:
        self._specs = []
        self._rule = None
        self.setRowCount(0)
        self.setColumnHidden(PAGES, True)

    def _charged(self, index: int) -> bool:
        wanted = (self._rule or {}).get("component")
        return wanted is None or wanted == index

    def pages_spin(self, index: int) -> QSpinBox | None:
        """The pages-per-copy box of component ``index``, if its copies are charged by page."""
        for row, spec in enumerate(self._specs):
            if spec.index == index:
                return self.cellWidget(row, PAGES)
        return None

    def fee(self, fee_amount: int) -> int | None:
        """The fee the ticked counts make under the procedure's rule (None: pages missing)."""
        counts = [
            fees.ComponentCount(c["index"], c["originals"], c["copies"], c.get("pages"))
            for c in self.checked_components()
        ]
        try:
            return fees.compute(fee_amount, fees.check_rule(self._rule), counts)
        except DomainError:
            return None

    def require_pages(self, found: ErrorCollector) -> None:
        """Copies charged by the page with no pages typed: listed with the other mistakes."""
        for comp in self.checked_components():
            if comp["copies"] and "pages" not in comp and self.pages_spin(comp["index"]):
                found.add(
                    DomainError(
                        "missing_pages",
                        self.tr("Thành phần %1: nhập số trang mỗi bản để tính lệ phí.").replace(
                            "%1", str(comp["index"])
                        ),
                        field="components",
                    )
                )

    def fee_text(self, fee_amount: int) -> str:
        """The fee as the receive screen shows it, from the same rule the dossier is charged by."""
        amount = self.fee(fee_amount)
        if amount is None:
            return self.tr("Nhập số trang mỗi bản để tính lệ phí")
        if amount == 0 and self._rule is None:
            return self.tr("Không thu lệ phí")
        return format_money(amount)

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
                item = {
                    "index": spec.index,
                    "originals": self.cellWidget(row, 1).value(),
                    "copies": self.cellWidget(row, 2).value(),
                }
                pages = self.cellWidget(row, PAGES)
                if pages is not None and pages.value() > 0:
                    item["pages"] = pages.value()
                out.append(item)
        return out

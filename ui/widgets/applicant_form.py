"""The applicant part of the receive screen, including ID card scans and return visits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain import cccd
from app.domain.cccd import CccdData
from app.domain.errors import ErrorCollector
from app.domain.formatting import format_date
from app.dossiers.intake_preview import SavedApplicant, parse_display_date
from ui.widgets.forms import hide_on_edit
from ui.widgets.messages import FieldErrors


class ApplicantForm(QWidget):
    """Person or organisation details, laid out two fields to a row where they fit."""

    id_entered = Signal(str)
    saved_offer_used = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self._saved: SavedApplicant | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)

        def edit(name: str, placeholder: str = "") -> QLineEdit:
            w = QLineEdit()
            w.setObjectName(name)
            w.setPlaceholderText(placeholder)
            return w

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Cá nhân"), "person")
        self.kind.addItem(self.tr("Tổ chức"), "organisation")
        self.id_number = edit("id_number", self.tr("12 số CCCD, hoặc quét mã QR trên thẻ"))
        self.full_name = edit("full_name")
        self.birth_date = edit("birth_date", self.tr("ngày/tháng/năm"))
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        self.sex.addItem("", "")
        self.sex.addItem(self.tr("Nam"), "Nam")
        self.sex.addItem(self.tr("Nữ"), "Nữ")
        self.address = edit("address")
        self.phone = edit("phone")
        self.email = edit("email")
        self.id_label = QLabel(self.tr("Số CCCD"))

        def cell(
            row: int,
            col: int,
            label: str | QLabel,
            widget: QWidget,
            field: str | None,
            span: int = 1,
        ) -> None:
            text = label if isinstance(label, QLabel) else QLabel(label)
            grid.addWidget(text, row * 2, col * 2)
            grid.addWidget(widget, row * 2, col * 2 + 1, 1, span)
            if field:
                error = errors.label_for(field, self)
                hide_on_edit(widget, error)
                grid.addWidget(error, row * 2 + 1, col * 2 + 1, 1, span)

        cell(0, 0, self.tr("Đối tượng"), self.kind, "kind")
        cell(0, 1, self.id_label, self.id_number, "id_number")
        cell(1, 0, self.tr("Họ và tên"), self.full_name, "full_name", 3)
        cell(2, 0, self.tr("Ngày sinh"), self.birth_date, "birth_date")
        cell(2, 1, self.tr("Giới tính"), self.sex, "sex")
        cell(3, 0, self.tr("Địa chỉ"), self.address, "address", 3)
        cell(4, 0, self.tr("Điện thoại"), self.phone, "phone")
        cell(4, 1, self.tr("Thư điện tử"), self.email, "email")
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        errors.alias("tax_code", "id_number")
        errors.alias("applicant", "full_name")

        self.offer = QWidget()
        offer = QHBoxLayout(self.offer)
        offer.setContentsMargins(0, 2, 0, 0)
        self.offer_text = QLabel()
        self.offer_text.setObjectName("saved_offer")
        self.offer_text.setWordWrap(True)
        self.offer_text.setStyleSheet("color:#123d6a;")
        self.use_saved = QPushButton(self.tr("Dùng thông tin đã lưu"))
        self.use_saved.setObjectName("use_saved")
        self.use_saved.clicked.connect(self.apply_saved)
        offer.addWidget(self.offer_text, 1)
        offer.addWidget(self.use_saved)
        grid.addWidget(self.offer, 10, 0, 1, 4)
        self.offer.hide()

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.id_number.editingFinished.connect(
            lambda: self.id_entered.emit(self.id_number.text().strip())
        )
        # A complete ID number needs no Tab to look for a returning applicant.
        self.id_number.textChanged.connect(self._id_typed)

    def _id_typed(self, text: str) -> None:
        compact = "".join(text.split())
        wanted = 12 if self.kind.currentData() == "person" else 10
        if compact.isdigit() and len(compact) == wanted:
            # The ID number says the sex; propose it, the clerk can still change it.
            proposed = cccd.sex_from_id(compact) if wanted == 12 else None
            if proposed and not self.sex.currentData():
                self.sex.setCurrentIndex(max(0, self.sex.findData(proposed)))
            self.id_entered.emit(compact)

    def fields_in_tab_order(self) -> list[QWidget]:
        return [
            self.kind,
            self.id_number,
            self.full_name,
            self.birth_date,
            self.sex,
            self.address,
            self.phone,
            self.email,
        ]

    def _kind_changed(self) -> None:
        person = self.kind.currentData() == "person"
        self.id_label.setText(self.tr("Số CCCD") if person else self.tr("Mã số thuế"))
        self.birth_date.setEnabled(person)
        self.sex.setEnabled(person)

    def clear(self) -> None:
        self.kind.setCurrentIndex(0)
        for w in (
            self.id_number,
            self.full_name,
            self.birth_date,
            self.address,
            self.phone,
            self.email,
        ):
            w.clear()
        self.sex.setCurrentIndex(0)
        self.hide_offer()

    def fill_from_card(self, card: CccdData) -> None:
        self.kind.setCurrentIndex(0)
        self.id_number.setText(card.id_number)
        self.full_name.setText(card.full_name)
        self.birth_date.setText(format_date(card.birth_date))
        self.sex.setCurrentIndex(max(0, self.sex.findData(card.sex)))
        if card.address:
            self.address.setText(card.address)

    def offer_saved(self, saved: SavedApplicant | None) -> None:
        self._saved = saved
        if saved is None:
            self.hide_offer()
            return
        details = ", ".join(x for x in (saved.phone, saved.email, saved.address) if x)
        self.offer_text.setText(
            self.tr("Người nộp đã có trong hệ thống: {name}{details}.").format(
                name=saved.full_name, details=f" — {details}" if details else ""
            )
        )
        self.offer.show()

    def hide_offer(self) -> None:
        self._saved = None
        self.offer.hide()

    def apply_saved(self) -> None:
        """Fill the fields still empty from the returning applicant's saved details."""
        s = self._saved
        if s is None:
            return
        pairs = [
            (self.full_name, s.full_name),
            (self.address, s.address),
            (self.phone, s.phone),
            (self.email, s.email),
            (self.birth_date, format_date(s.birth_date) if s.birth_date else None),
        ]
        for widget, value in pairs:
            if value and not widget.text().strip():
                widget.setText(value)
        if s.sex and not self.sex.currentData():
            self.sex.setCurrentIndex(max(0, self.sex.findData(s.sex)))
        self.hide_offer()
        self.saved_offer_used.emit()

    def values(self, found: ErrorCollector | None = None) -> dict[str, Any]:
        """The applicant as ``app.dossiers.intake.receive`` expects it.

        A date that cannot be read raises, or with ``found`` is noted there and left out.
        """
        person = self.kind.currentData() == "person"
        number = "".join(self.id_number.text().split())
        out: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "full_name": self.full_name.text(),
            "address": self.address.text().strip() or None,
            "phone": self.phone.text().strip() or None,
            "email": self.email.text().strip() or None,
        }
        if person:
            out["id_number"] = number or None
            text = self.birth_date.text()
            birth = found.take(parse_display_date, text) if found else parse_display_date(text)
            out["birth_date"] = birth.isoformat() if birth else None
            out["sex"] = self.sex.currentData() or None
        else:
            out["tax_code"] = number or None
        return out

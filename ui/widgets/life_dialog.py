"""The dialog a life step of a dossier opens: it names the dossier and asks what the law needs.

Extension asks for the new appointment and its reason (the apology letter
prints both); stop, withdrawal and cancellation ask for a reason; papers
supplied asks only to confirm, with an optional note; fee paid asks how it was
paid (the cashless share of the reports counts it), offering the last method
chosen in this window. The dialog
stays open while the step runs, so a refusal (a clerk cancelling, a date past
the legal maximum) is shown beside the field at fault and nothing typed is lost.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.formatting import format_datetime, format_money
from app.dossiers.views import DossierView
from ui.widgets.forms import form_layout, heading, with_error
from ui.widgets.messages import Banner, FieldErrors

translate = QCoreApplication.translate  # read by lupdate as Qt's own


def fill_methods(combo: QComboBox) -> None:
    """The payment methods, none chosen at first: a guess would skew the cashless share.

    The pay dialog and the receive screen's fee box both ask with this list.
    """
    combo.addItem(translate("LifeDialog", "— Chọn hình thức nộp —"), None)
    # The keys of app.domain.payment.METHODS, in words the window translates.
    labels = {
        "cash": translate("LifeDialog", "Tiền mặt"),
        "transfer": translate("LifeDialog", "Chuyển khoản (mã VietQR trên giấy tiếp nhận)"),
        "online": translate("LifeDialog", "Thanh toán trực tuyến qua Cổng Dịch vụ công"),
        "pos": translate("LifeDialog", "Thẻ qua máy POS"),
    }
    for key, label in labels.items():
        combo.addItem(label, key)


class LifeDialog(QDialog):
    """Asks for one life step's details; emits ``submitted`` with them, closes on success."""

    submitted = Signal(str, dict)  # action, values
    # The payment method last recorded in this window: a counter mostly takes
    # one kind (its POS, its transfer QR), so the next payment starts there.
    last_method: str | None = None

    def __init__(
        self, action: str, view: DossierView, now: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.action = action
        self.code = view.code
        self.setObjectName(f"life_dialog_{action}")
        self.setModal(True)
        self.setMinimumWidth(480)
        texts = self._texts(view)
        title, intro, ok = texts[action]
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        # The title again inside: a dialog's frame is not always drawn (kiosk set-ups).
        layout.addWidget(heading(title, 14))
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.errors = FieldErrors(self.banner)
        what = QLabel(intro)
        what.setObjectName("life_intro")
        what.setWordWrap(True)
        layout.addWidget(what)
        form = form_layout()
        layout.addLayout(form)
        self.new_due: QDateTimeEdit | None = None
        if action == "extend":
            self.new_due = QDateTimeEdit(_default_new_due(view, now))
            self.new_due.setObjectName("life_new_due")
            self.new_due.setDisplayFormat("HH:mm dd/MM/yyyy")
            self.new_due.setCalendarPopup(True)
            form.addRow(self.tr("Ngày hẹn mới"), with_error(self.new_due, self.errors, "new_date"))
        self.method: QComboBox | None = None
        if action == "pay":
            self.method = QComboBox()
            self.method.setObjectName("life_method")
            # No method chosen at first: a guess would skew the cashless share.
            fill_methods(self.method)
            if LifeDialog.last_method is not None:
                self.method.setCurrentIndex(self.method.findData(LifeDialog.last_method))
            form.addRow(self.tr("Hình thức nộp"), with_error(self.method, self.errors, "method"))
        self.reason = QLineEdit()
        self.reason.setObjectName("life_reason")
        self.reason.setMaxLength(2000)
        needs_reason = action in ("extend", "stop", "withdraw", "cancel")
        self.reason.setPlaceholderText(
            self.tr("Bắt buộc: lý do cụ thể") if needs_reason else self.tr("Không bắt buộc")
        )
        caption = self.tr("Lý do") if needs_reason else self.tr("Ghi chú")
        form.addRow(caption, with_error(self.reason, self.errors, "reason"))
        self.errors.alias("note", "reason")
        if action != "pay":
            self.reason.setFocus()
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(ok)
        self.ok_button.setObjectName("life_ok")
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Đóng, không thay đổi"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _texts(self, view: DossierView) -> dict[str, tuple[str, str, str]]:
        code = view.code
        due = format_datetime(view.due_at) or self.tr("chưa có")
        return {
            "supplied": (
                self.tr("Công dân đã bổ sung hồ sơ"),
                self.tr(
                    "Hồ sơ {code}: công dân đã nộp đủ giấy tờ bổ sung. Thời hạn giải quyết "
                    "tính tiếp; thời gian chờ bổ sung không tính vào hạn trả."
                ).format(code=code),
                self.tr("Ghi nhận đã bổ sung"),
            ),
            "extend": (
                self.tr("Gia hạn (hẹn lại ngày trả kết quả)"),
                self.tr(
                    "Hồ sơ {code}, hẹn trả hiện tại: {due}. In Phiếu xin lỗi và hẹn lại ngày "
                    "trả kết quả. Hẹn lại lần thứ hai cần lãnh đạo bộ phận."
                ).format(code=code, due=due),
                self.tr("Gia hạn và in phiếu"),
            ),
            "pay": (
                self.tr("Ghi nhận đã nộp phí, lệ phí"),
                self.tr(
                    "Hồ sơ {code}: công dân đã nộp {amount}. Giấy tiếp nhận được in lại "
                    "với trạng thái đã nộp."
                ).format(code=code, amount=format_money(view.fee_amount)),
                self.tr("Đã nộp phí, in lại giấy"),
            ),
            "stop": (
                self.tr("Dừng xử lý hồ sơ"),
                self.tr(
                    "Hồ sơ {code} chuyển sang “Dừng xử lý” và in Thông báo dừng xử lý. "
                    "Không hoàn tác được."
                ).format(code=code),
                self.tr("Dừng xử lý và in thông báo"),
            ),
            "withdraw": (
                self.tr("Công dân rút hồ sơ"),
                self.tr(
                    "Hồ sơ {code} chuyển sang “Công dân yêu cầu rút hồ sơ”. Không hoàn tác được."
                ).format(code=code),
                self.tr("Ghi nhận rút hồ sơ"),
            ),
            "cancel": (
                self.tr("Hủy hồ sơ nhập nhầm"),
                self.tr(
                    "Hồ sơ {code} được đánh dấu hủy do nhập nhầm: không xóa, giữ nguyên mã và "
                    "lịch sử, không còn tính là đang giải quyết. Chỉ lãnh đạo bộ phận được hủy."
                ).format(code=code),
                self.tr("Hủy hồ sơ"),
            ),
        }

    def values(self) -> dict:
        found: dict = {"reason": self.reason.text()}
        if self.new_due is not None:
            found["new_due_at"] = self.new_due.dateTime().toPython().replace(second=0)
        if self.method is not None:
            found["method"] = self.method.currentData()
        return found

    def submit(self) -> None:
        self.errors.clear()
        values = self.values()
        if self.method is not None and values["method"] is None:
            self.errors.show(
                DomainError(
                    "payment_method_required",
                    self.tr("Chọn hình thức công dân đã nộp phí, lệ phí."),
                    field="method",
                )
            )
            return
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.action, values)

    def failed(self, exc: BaseException) -> None:
        """The step was refused: say why, keep what was typed."""
        self.ok_button.setEnabled(True)
        self.errors.show(exc)

    def succeeded(self) -> None:
        if self.method is not None:
            LifeDialog.last_method = self.method.currentData()
        self.accept()


def _default_new_due(view: DossierView, now: datetime) -> QDateTime:
    """One day after the current appointment, at its hour (the clerk adjusts it)."""
    base = view.due_at or now.replace(hour=16, minute=0, second=0, microsecond=0)
    moved = base + timedelta(days=1)
    return QDateTime(QDate(moved.year, moved.month, moved.day), QTime(moved.hour, moved.minute))

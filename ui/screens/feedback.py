"""Phản ánh, kiến nghị: the feedback register — list, filter, receive, answer, print."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.feedback_clock import (
    CHANNEL_LABELS,
    CHANNELS,
    DEADLINE_LABELS,
    KIND_LABELS,
    OUTCOME_LABELS,
    OUTCOMES,
)
from app.feedback.queries import FeedbackItem
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.widgets.messages import Banner
from ui.widgets.print_preview import PrintJob, prepare, show_job

ROW_HEIGHT = 24
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_LATE = QColor("#f8d7d7")
_SOON = QColor("#fff1c2")
# What the deadline now running asks for, in a table cell.
_SHORT = {
    "reject_by": "từ chối",
    "request_info_by": "bổ sung",
    "forward_by": "chuyển đi",
    "resolve_by": "trả lời",
    "publish_by": "công khai",
}
# The filter's choices: (label, what list_feedback keeps).
FILTERS = (
    ("Tất cả", "all"),
    ("Chưa trả lời", "open"),
    ("Quá hạn", "overdue"),
    ("Sắp đến hạn", "due_soon"),
)


def load_register(db, show: str) -> list[FeedbackItem]:
    """Worker: the register as the filter asks."""
    from app.feedback import queries

    items = queries.list_feedback(db, overdue=show == "overdue")
    if show == "open":
        items = [i for i in items if i.answered_at is None]
    elif show == "due_soon":
        items = [i for i in items if i.standing == "due_soon"]
    return items


def receive_feedback(db, actor, data: dict[str, Any], title: str):
    """Worker: enter the item, then render its acknowledgement for the preview."""
    from app.feedback import register
    from app.paper import feedback_slips

    result = register.receive(db, actor, data)
    return result, prepare(feedback_slips.acknowledgement(db, actor, result.code), title)


def answer_feedback(db, actor, code: str, text: str, outcome: str, title: str) -> PrintJob:
    from app.feedback import register
    from app.paper import feedback_slips

    register.answer(db, actor, code, text, outcome=outcome)
    return prepare(feedback_slips.answer_letter(db, actor, code), title)


def ask_info(db, actor, code: str, text: str, title: str) -> PrintJob:
    """Worker: record the request for more information, then render its letter."""
    from app.feedback import register
    from app.paper import feedback_slips

    register.ask_info(db, actor, code, text)
    return prepare(feedback_slips.info_request_letter(db, actor, code), title)


def info_supplied(db, actor, code: str):
    from app.feedback import register

    return register.info_supplied(db, actor, code)


def print_paper(db, actor, code: str, answer: bool, title: str) -> PrintJob:
    from app.paper import feedback_slips

    pdf = (
        feedback_slips.answer_letter(db, actor, code)
        if answer
        else feedback_slips.acknowledgement(db, actor, code)
    )
    return prepare(pdf, title)


class FeedbackModel(QAbstractTableModel):
    HEADERS = ("Mã phản ánh", "Ngày nhận", "Người gửi", "Hạn đang chạy", "Tình trạng")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FeedbackItem] = []

    def set_rows(self, rows: list[FeedbackItem]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = {"overdue": _LATE, "due_soon": _SOON}.get(item.standing)
            return QBrush(colour) if colour else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            item.code,
            item.received_at.strftime("%d/%m/%Y"),
            item.sender_name,
            f"{item.next_due:%d/%m/%Y} · {_SHORT[item.next_deadline]}" if item.next_due else "—",
            ("QUÁ HẠN · " if item.standing == "overdue" else "") + item.state_label,
        )[index.column()]

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.code == code), -1)


class FeedbackPage(Screen):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: FeedbackItem | None = None
        self._select_after: str | None = None
        self._generation = 0
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 10, 14, 8)
        self.banner = Banner()
        root.addWidget(self.banner)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Sổ tiếp nhận phản ánh, kiến nghị"))
        title.setStyleSheet("font-weight:bold; font-size:15px;")
        bar.addWidget(title)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Hiển thị:")))
        self.filter = QComboBox()
        self.filter.setObjectName("feedback_filter")
        for label, key in FILTERS:
            self.filter.addItem(self.tr(label), key)
        bar.addWidget(self.filter)
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("Tiếp nhận phản ánh mới"))
        self.new_button.setObjectName("feedback_new")
        bar.addWidget(self.new_button)
        root.addLayout(bar)

        self.model = FeedbackModel()
        self.table = QTableView()
        self.table.setObjectName("feedback_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setDefaultSectionSize(ROW_HEIGHT)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 196), (1, 84), (3, 170), (4, 190)):
            self.table.setColumnWidth(col, width)

        self.side = QStackedWidget()
        self.side.setMinimumWidth(340)
        self.side.addWidget(self._build_detail())
        self.side.addWidget(self._build_intake())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 400])
        root.addWidget(split, 1)
        legend = QLabel(
            self.tr(
                "Hạn tính theo ngày làm việc trên lịch của cơ quan (Nghị định 20/2008/NĐ-CP). "
                "Màu đỏ: quá hạn · màu vàng: còn hai ngày làm việc trở xuống."
            )
        )
        legend.setStyleSheet("color:#57606a; font-size:11px;")
        root.addWidget(legend)

        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.new_button.clicked.connect(self.start_intake)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._started = False

    # --- building ------------------------------------------------------------------

    def _build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        self.detail_text = QLabel(self.tr("Chọn một phản ánh trong sổ để xem chi tiết."))
        self.detail_text.setObjectName("feedback_detail")
        self.detail_text.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_text.setWordWrap(True)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_text, 1)
        group = QGroupBox(self.tr("Trả lời"))
        g = QVBoxLayout(group)
        self.answer_text = QPlainTextEdit()
        self.answer_text.setObjectName("feedback_answer")
        self.answer_text.setPlaceholderText(self.tr("Nội dung trả lời của cơ quan…"))
        self.answer_text.setFixedHeight(96)
        self.outcome = QComboBox()
        self.outcome.setObjectName("feedback_outcome")
        # The longest outcome is elided in a narrow pane; the open list shows it whole.
        self.outcome.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outcome.setMinimumContentsLength(16)
        for key in OUTCOMES:
            self.outcome.addItem(
                {
                    "answered": self.tr("Trả lời"),
                    "rejected": self.tr("Từ chối tiếp nhận (ghi lý do)"),
                    "forwarded": self.tr("Chuyển cơ quan có thẩm quyền (ghi nơi nhận)"),
                }[key],
                key,
            )
        g.addWidget(self.outcome)
        g.addWidget(self.answer_text)
        buttons = QHBoxLayout()
        self.answer_button = QPushButton(self.tr("Ghi trả lời"))
        self.answer_button.setObjectName("feedback_answer_button")
        self.print_ack = QPushButton(self.tr("In phiếu tiếp nhận"))
        self.print_ack.setToolTip(self.tr("In lại phiếu tiếp nhận có mã QR tra cứu"))
        self.print_ack.setObjectName("feedback_print_ack")
        self.print_answer = QPushButton(self.tr("In trả lời"))
        self.print_answer.setToolTip(self.tr("In văn bản trả lời gửi người phản ánh"))
        self.print_answer.setObjectName("feedback_print_answer")
        for b in (self.answer_button, self.print_ack, self.print_answer):
            buttons.addWidget(b)
        g.addLayout(buttons)
        # Asking the sender for more information stops the answer's clock until it arrives.
        # One above the other: side by side they do not fit the pane at 150 % or larger text.
        more = QVBoxLayout()
        self.ask_button = QPushButton(self.tr("Yêu cầu bổ sung thông tin"))
        self.ask_button.setToolTip(
            self.tr("Ghi nội dung ở trên thành yêu cầu người phản ánh bổ sung và in văn bản")
        )
        self.ask_button.setObjectName("feedback_ask_button")
        self.supplied_button = QPushButton(self.tr("Đã nhận thông tin bổ sung"))
        self.supplied_button.setToolTip(self.tr("Hạn trả lời được tính lại từ hôm nay"))
        self.supplied_button.setObjectName("feedback_supplied_button")
        more.addWidget(self.ask_button)
        more.addWidget(self.supplied_button)
        g.addLayout(more)
        self.ask_button.clicked.connect(self.ask_info)
        self.supplied_button.clicked.connect(self.record_supplied)
        layout.addWidget(group)
        self.answer_button.clicked.connect(self.record_answer)
        self.print_ack.clicked.connect(lambda: self.print_paper(answer=False))
        self.print_answer.clicked.connect(lambda: self.print_paper(answer=True))
        self._enable_actions()
        return box

    def _build_intake(self) -> QWidget:
        box = QGroupBox(self.tr("Tiếp nhận phản ánh, kiến nghị"))
        form = QFormLayout(box)
        self.f_name = QLineEdit()
        self.f_address = QLineEdit()
        self.f_phone = QLineEdit()
        self.f_email = QLineEdit()
        for w, name in (
            (self.f_name, "full_name"),
            (self.f_address, "address"),
            (self.f_phone, "phone"),
            (self.f_email, "email"),
        ):
            w.setObjectName(f"feedback_{name}")
        self.f_channel = QComboBox()
        self.f_channel.setObjectName("feedback_channel")
        for c in CHANNELS:
            self.f_channel.addItem(CHANNEL_LABELS[c], c)
        self.f_dossier = QLineEdit()
        self.f_dossier.setObjectName("feedback_dossier_code")
        self.f_dossier.setPlaceholderText("000.00.24.H47-260213-0001")
        self.f_kind = QComboBox()
        self.f_kind.setObjectName("feedback_kind")
        self.f_kind.addItem(self.tr("Tự phân loại theo mã hồ sơ"), None)
        for key, label in KIND_LABELS.items():
            self.f_kind.addItem(label, str(key))
        self.f_content = QPlainTextEdit()
        self.f_content.setObjectName("feedback_content")
        form.addRow(self.tr("Họ và tên *"), self.f_name)
        form.addRow(self.tr("Địa chỉ *"), self.f_address)
        form.addRow(self.tr("Điện thoại *"), self.f_phone)
        form.addRow(self.tr("Thư điện tử"), self.f_email)
        form.addRow(self.tr("Kênh tiếp nhận"), self.f_channel)
        form.addRow(self.tr("Về hồ sơ (mã)"), self.f_dossier)
        form.addRow(self.tr("Phân loại"), self.f_kind)
        form.addRow(self.tr("Nội dung *"), self.f_content)
        row = QHBoxLayout()
        self.receive_button = QPushButton(self.tr("Vào sổ và in phiếu tiếp nhận"))
        self.receive_button.setObjectName("feedback_receive")
        self.cancel_button = QPushButton(self.tr("Hủy"))
        row.addWidget(self.receive_button)
        row.addWidget(self.cancel_button)
        form.addRow(row)
        self.receive_button.clicked.connect(self.submit_intake)
        self.cancel_button.clicked.connect(lambda: self.side.setCurrentIndex(0))
        return box

    # --- screen hooks --------------------------------------------------------------

    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.reload()

    def operation_did_execute(self) -> None:
        if self.isVisible():
            self.reload()

    def show_only(self, kind: str) -> None:
        """Open the list behind a count of the day's overview (``overdue`` or ``due_soon``)."""
        self._started = True
        index = self.filter.findData(kind)
        if index == self.filter.currentIndex():
            self.reload()
        else:
            self.filter.setCurrentIndex(max(0, index))

    def print_current(self) -> None:
        if self.current is not None:
            self.print_paper(answer=self.current.answer is not None)

    # --- list ----------------------------------------------------------------------

    def reload(self) -> None:
        # Only the newest read may fill the table: an older one (another filter) may end later.
        self._generation += 1
        generation = self._generation
        self.ctx.tasks.run(
            load_register,
            self.ctx.require_db(),
            self.filter.currentData(),
            on_done=lambda rows: generation == self._generation and self._loaded(rows),
            on_error=self.banner.show_error,
        )

    def _loaded(self, rows: list[FeedbackItem]) -> None:
        keep = self._select_after or (self.current.code if self.current else None)
        self._select_after = None
        self.model.set_rows(rows)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show(None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        self._show(item)

    def _show(self, item: FeedbackItem | None) -> None:
        self.current = item
        self.side.setCurrentIndex(0)
        if item is None:
            self.detail_text.setText(self.tr("Chọn một phản ánh trong sổ để xem chi tiết."))
        else:
            standing = {
                "overdue": "QUÁ HẠN",
                "due_soon": "Sắp đến hạn",
                "ok": "Trong hạn",
                "done": "Đã xong",
                "waiting": "Tạm dừng tính hạn",
            }[item.standing]
            lines = [
                f"{item.code}  (số {item.register_line:04d})",
                f"{item.state_label} · {standing}"
                + (f" · {item.next_label}: {item.next_due:%d/%m/%Y}" if item.next_due else ""),
                f"{item.kind_label} · {item.channel_label} · "
                f"nhận {item.received_at:%H:%M %d/%m/%Y}",
                f"Người gửi: {item.sender_name}",
                f"Địa chỉ: {item.sender_address}",
                f"Điện thoại: {item.sender_phone}"
                + (f" · {item.sender_email}" if item.sender_email else ""),
            ]
            if item.dossier_code:
                lines.append(f"Về hồ sơ: {item.dossier_code}")
            content = item.content if len(item.content) <= 1200 else item.content[:1200] + " …"
            lines += ["", content, ""]
            lines += [f"{DEADLINE_LABELS[k]}: {v:%d/%m/%Y}" for k, v in item.due.items()]
            if item.info_requested_at is not None:
                lines += [
                    "",
                    f"Yêu cầu bổ sung thông tin {item.info_requested_at:%H:%M %d/%m/%Y} "
                    f"({item.info_requested_by or ''}):",
                    item.info_request or "",
                ]
                if item.info_supplied_at is not None:
                    lines.append(
                        f"Đã nhận thông tin bổ sung {item.info_supplied_at:%H:%M %d/%m/%Y}; "
                        "hạn trả lời tính lại từ ngày này."
                    )
            if item.answer is not None:
                lines += [
                    "",
                    f"{OUTCOME_LABELS.get(item.outcome or 'answered', '')} "
                    f"{item.answered_at:%H:%M %d/%m/%Y} ({item.answered_by or ''}):",
                    item.answer,
                ]
                if item.published_at:
                    lines.append(f"Đã công khai {item.published_at:%H:%M %d/%m/%Y}.")
            self.detail_text.setText("\n".join(lines))
        self.answer_text.setPlainText("")
        closing = "forwarded" if item is not None and item.kind == "outside" else "answered"
        self.outcome.setCurrentIndex(self.outcome.findData(closing))
        self._enable_actions()

    def _enable_actions(self) -> None:
        item = self.current
        open_item = item is not None and item.answer is None
        self.answer_text.setEnabled(open_item)
        self.outcome.setEnabled(open_item)
        self.answer_button.setEnabled(open_item)
        self.print_ack.setEnabled(item is not None)
        self.print_answer.setEnabled(item is not None and item.answer is not None)
        self.ask_button.setEnabled(
            open_item
            and item is not None
            and "request_info_by" in item.due
            and item.info_requested_at is None
        )
        self.supplied_button.setEnabled(item is not None and item.waiting_for_sender)

    # --- actions -------------------------------------------------------------------

    def start_intake(self) -> None:
        for w in (self.f_name, self.f_address, self.f_phone, self.f_email, self.f_dossier):
            w.clear()
        self.f_content.clear()
        self.f_channel.setCurrentIndex(0)
        self.f_kind.setCurrentIndex(0)
        self.side.setCurrentIndex(1)
        self.f_name.setFocus()

    def intake_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sender": {
                "full_name": self.f_name.text(),
                "address": self.f_address.text(),
                "phone": self.f_phone.text(),
                "email": self.f_email.text() or None,
            },
            "content": self.f_content.toPlainText(),
            "channel": self.f_channel.currentData(),
            "dossier_code": self.f_dossier.text().strip() or None,
        }
        if self.f_kind.currentData():
            data["kind"] = self.f_kind.currentData()
        return data

    def submit_intake(self) -> None:
        self.banner.clear_message()
        self.receive_button.setEnabled(False)
        self.ctx.tasks.run(
            receive_feedback,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.intake_data(),
            self.tr("Phiếu tiếp nhận phản ánh"),
            on_done=self._received,
            on_error=self._failed,
            label=self.tr("Đang vào sổ…"),
        )

    def _received(self, found: tuple) -> None:
        result, job = found
        self.receive_button.setEnabled(True)
        self.banner.show_message(
            self.tr("Đã vào sổ phản ánh {code}; hạn trả lời {due}.").format(
                code=result.code, due=result.due["resolve_by"].strftime("%d/%m/%Y")
            ),
            "success",
            8000,
        )
        self._select_after = result.code
        self.side.setCurrentIndex(0)
        self.data_changed.emit()
        self.reload()
        self.preview_dialog = show_job(self, self.ctx, job, self.banner)

    def _failed(self, exc: BaseException) -> None:
        self.receive_button.setEnabled(True)
        self.answer_button.setEnabled(self.current is not None and self.current.answer is None)
        self.banner.show_error(exc)

    def record_answer(self) -> None:
        if self.current is None:
            return
        self.banner.clear_message()
        self.answer_button.setEnabled(False)
        self._select_after = self.current.code
        self.ctx.tasks.run(
            answer_feedback,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.current.code,
            self.answer_text.toPlainText(),
            self.outcome.currentData(),
            self.tr("Văn bản trả lời phản ánh"),
            on_done=self._answered,
            on_error=self._failed,
            label=self.tr("Đang ghi trả lời…"),
        )

    def _answered(self, job: PrintJob) -> None:
        self.banner.show_message(self.tr("Đã ghi câu trả lời."), "success", 6000)
        self.data_changed.emit()
        self.reload()
        self.preview_dialog = show_job(self, self.ctx, job, self.banner)

    def ask_info(self) -> None:
        if self.current is None:
            return
        self.banner.clear_message()
        self.ask_button.setEnabled(False)
        self._select_after = self.current.code
        self.ctx.tasks.run(
            ask_info,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.current.code,
            self.answer_text.toPlainText(),
            self.tr("Văn bản đề nghị bổ sung thông tin"),
            on_done=self._asked,
            on_error=self._step_failed,
            label=self.tr("Đang ghi yêu cầu bổ sung…"),
        )

    def _asked(self, job: PrintJob) -> None:
        self.banner.show_message(self.tr("Đã ghi yêu cầu bổ sung thông tin."), "success", 6000)
        self.data_changed.emit()
        self.reload()
        self.preview_dialog = show_job(self, self.ctx, job, self.banner)

    def record_supplied(self) -> None:
        if self.current is None:
            return
        self.banner.clear_message()
        self.supplied_button.setEnabled(False)
        self._select_after = self.current.code
        self.ctx.tasks.run(
            info_supplied,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.current.code,
            on_done=self._supplied,
            on_error=self._step_failed,
            label=self.tr("Đang ghi nhận thông tin bổ sung…"),
        )

    def _supplied(self, result) -> None:
        self.banner.show_message(
            self.tr("Đã ghi nhận thông tin bổ sung; hạn trả lời mới: {date}").format(
                date=f"{result.resolve_by:%d/%m/%Y}"
            ),
            "success",
            8000,
        )
        self.data_changed.emit()
        self.reload()

    def _step_failed(self, exc: BaseException) -> None:
        self._enable_actions()
        self.banner.show_error(exc)

    def print_paper(self, *, answer: bool) -> None:
        if self.current is None:
            return
        title = (
            self.tr("Văn bản trả lời phản ánh") if answer else self.tr("Phiếu tiếp nhận phản ánh")
        )
        self.ctx.tasks.run(
            print_paper,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.current.code,
            answer,
            f"{title} {self.current.code}",
            on_done=lambda job: setattr(
                self, "preview_dialog", show_job(self, self.ctx, job, self.banner)
            ),
            on_error=self.banner.show_error,
            label=self.tr("Đang chuẩn bị bản in…"),
        )

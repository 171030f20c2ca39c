"""Reusing a component the applicant already brought in an earlier dossier.

Linking the earlier file (verified against its hash first) takes a moment
and a database write, so it runs on the task runner like every capture.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.capture import attachments
from app.capture.attachments import AttachResult, ReusableAttachment
from app.domain.formatting import format_date
from ui.capture.sources import CaptureHost, note, say
from ui.widgets.messages import describe


class ReusePanel(QWidget):
    """The applicant's components digitized in earlier dossiers, linked instead of captured."""

    def __init__(self, host: CaptureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.items: list[ReusableAttachment] = []
        self.loaded = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Giấy tờ người nộp đã số hóa trong hồ sơ trước đây; chọn một "
                "tệp để dùng lại cho thành phần đang chọn thay vì chụp lại."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("reuse_list")
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _i: self.reuse())
        layout.addWidget(self.list, 1)
        self.reuse_button = QPushButton(self.tr("Dùng lại cho thành phần này"))
        self.reuse_button.setObjectName("reuse")
        self.reuse_button.setEnabled(False)
        self.reuse_button.clicked.connect(self.reuse)
        layout.addWidget(self.reuse_button)
        self.status = note("reuse_status")
        layout.addWidget(self.status)
        self._busy = False
        self.list.currentRowChanged.connect(
            lambda row: self.reuse_button.setEnabled(row >= 0 and not self._busy)
        )

    def load(self) -> None:
        ctx = self.host.ctx
        self.host.runner.run(
            attachments.reusable_for,
            ctx.require_db(),
            ctx.require_actor(),
            self.host.code,
            on_done=self._show,
            on_error=lambda exc: say(self.status, describe(exc), True),
        )

    def _show(self, items: list[ReusableAttachment]) -> None:
        self.items = items
        self.loaded = True
        self.list.clear()
        for item in items:
            text = self.tr("{name}\nHồ sơ {code}, nhận ngày {day} · {pages} trang").format(
                name=item.component_name,
                code=item.dossier_code,
                day=format_date(item.received_at),
                pages=item.pages,
            )
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, item.attachment_uuid)
            row.setToolTip(item.procedure_name)
            self.list.addItem(row)
        if not items:
            say(self.status, self.tr("Người nộp chưa có giấy tờ nào được số hóa ở hồ sơ trước."))
        else:
            self.status.clear()
            self.match_component()

    def match_component(self) -> None:
        """Preselect the earlier file of the component with the same name, if there is one."""
        name = " ".join(self.host.component_name().lower().split())
        for row, item in enumerate(self.items):
            if " ".join(item.component_name.lower().split()) == name:
                self.list.setCurrentRow(row)
                return

    def reuse(self) -> None:
        row = self.list.currentItem()
        index = self.host.component_index()
        if row is None or index is None or self._busy:
            return
        ctx = self.host.ctx
        self._busy = True
        self.reuse_button.setEnabled(False)
        self.host.runner.run(
            attachments.mark_reused,
            ctx.require_db(),
            ctx.require_actor(),
            self.host.code,
            index,
            row.data(Qt.ItemDataRole.UserRole),
            on_done=self._reused,
            on_error=self._failed,
            label=self.tr("Đang liên kết tệp…"),
        )

    def _reused(self, result: AttachResult) -> None:
        self._busy = False
        self.reuse_button.setEnabled(True)
        say(
            self.status,
            self.tr("Đã dùng lại tệp của hồ sơ {origin} cho thành phần {n}.").format(
                origin=(result.reused_from or "").split("/")[0], n=result.component_index
            ),
        )
        self.host.reused(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.reuse_button.setEnabled(self.list.currentRow() >= 0)
        say(self.status, describe(exc), True)

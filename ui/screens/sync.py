"""Đồng bộ: the link with the central server, its warnings, the last rounds and refusals.

Everything shown here comes from ``app``: the station's state from
``app.overview`` (handed over by the window, which refreshes it after
every round), the rounds from ``app.sync.roundlog`` and the refused
dossiers from ``app.dossiers.dossier_query``; the running round's progress comes
from the ``SyncController``'s signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_bytes, format_datetime
from app.dossiers import dossier_query
from app.dossiers.dossier_query import DossierRow
from app.infra.storage import Database
from app.office.auth import Actor
from app.overview import CounterStatus
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.shell.sync_controller import SyncController
from ui.widgets.forms import card, heading

OK_FG = QColor("#145a2e")
ERROR_FG = QColor("#8a1c1c")
WARN_FG = QColor("#7a4d00")
WARNINGS_STYLE = (
    "QLabel#sync_warnings { background:#fff4d6; color:#5c3b00; "
    "border:1px solid #e8c66a; border-radius:4px; padding:8px 10px; "
    "font-size:13px; }"
)


def link_state(st: CounterStatus | None, sync: SyncController | None) -> tuple[str, str, str]:
    """(text, colour, tooltip) for the link with the server, as the status bar shows it."""
    translate = QCoreApplication.translate
    if st is None or not st.enrolled:
        return (
            translate("SyncLink", "● Chưa đăng ký máy chủ"),
            "#57606a",
            translate(
                "SyncLink",
                "Hồ sơ chỉ lưu trên máy này cho đến khi quản trị đăng ký quầy với máy chủ.",
            ),
        )
    report = sync.last_report if sync is not None else None
    error = "\n".join(report.errors) if report is not None and not report.ok else ""
    if sync is not None and sync.running:
        return translate("SyncLink", "● Đang đồng bộ…"), "#0b5394", ""
    online = sync.online if sync is not None else None
    if online is None:
        return translate("SyncLink", "● Đang kết nối…"), "#9a6700", st.server_url or ""
    if not online:
        return translate("SyncLink", "● Ngoại tuyến"), "#b3261e", error
    if error:
        return translate("SyncLink", "● Trực tuyến · đồng bộ lỗi"), "#9a6700", error
    return translate("SyncLink", "● Trực tuyến"), "#1a7f37", st.server_url or ""


def load_lists(db: Database, data_dir: Path, actor: Actor, refused: bool) -> tuple[list, list]:
    """Worker: the logged rounds and, when the server refused anything, those dossiers."""
    from app.sync import roundlog

    failures = dossier_query.sync_failures(db, actor) if refused else []
    return roundlog.recent(data_dir), failures


class SyncPage(Screen):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync = ctx.sync
        self.status: CounterStatus | None = None
        self.rounds: list = []
        self.failures: list[DossierRow] = []
        self._loading = False
        self._stale = False
        root = QVBoxLayout(self)
        root.setContentsMargins(20, 14, 20, 10)
        root.setSpacing(8)
        root.addWidget(heading(self.tr("Đồng bộ với máy chủ"), 17))
        self.warnings = QLabel()
        self.warnings.setObjectName("sync_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet(WARNINGS_STYLE)
        self.warnings.hide()
        root.addWidget(self.warnings)
        root.addWidget(self._summary())
        root.addLayout(self._actions())
        root.addWidget(QLabel(self.tr("Các lần đồng bộ gần đây")))
        self.log = self._table(
            "sync_log",
            [
                self.tr("Thời gian"),
                self.tr("Gửi lên"),
                self.tr("Nhận về"),
                self.tr("Tải tệp lên"),
                self.tr("Kết quả"),
            ],
            stretch=4,
        )
        for col, width in ((0, 130), (1, 80), (2, 80), (3, 96)):
            self.log.setColumnWidth(col, width)
        # A log to read, not to edit: no current cell, no focus frame.
        self.log.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.log.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        root.addWidget(self.log, 3)
        self.failures_title = QLabel(
            self.tr("Hồ sơ bị máy chủ từ chối (vẫn lưu trên máy này; nhấn đúp để mở)")
        )
        self.failures_title.setStyleSheet("color:#8a1c1c; font-weight:bold;")
        self.failures_table = self._table(
            "sync_failures",
            [self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Tiếp nhận"), self.tr("Lý do")],
            stretch=3,
        )
        for col, width in ((0, 212), (1, 170), (2, 130)):
            self.failures_table.setColumnWidth(col, width)
        self.failures_table.cellDoubleClicked.connect(self._open_failure)
        root.addWidget(self.failures_title)
        root.addWidget(self.failures_table, 1)
        self.failures_title.hide()
        self.failures_table.hide()
        if self.sync is not None:
            self.sync.progress_changed.connect(self._show_progress)
            self.sync.state_changed.connect(self._show_state)
        self._show_state()

    # --- layout ----------------------------------------------------------------------

    def _summary(self) -> QWidget:
        box = card()
        grid = QGridLayout(box)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        captions = [
            ("server", self.tr("Máy chủ")),
            ("station", self.tr("Quầy")),
            ("link", self.tr("Kết nối")),
            ("pending", self.tr("Chờ gửi")),
            ("last_success", self.tr("Đồng bộ thành công lần cuối")),
            ("last_attempt", self.tr("Lần thử gần nhất")),
        ]
        for i, (key, caption) in enumerate(captions):
            name = QLabel(caption)
            name.setStyleSheet("color:#57606a;")
            value = QLabel("—")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setObjectName(f"sync_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            row, col = i // 2, (i % 2) * 2
            grid.addWidget(name, row, col)
            grid.addWidget(value, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Đồng bộ ngay"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.setMinimumWidth(150)
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setFixedWidth(260)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.phase = QLabel()
        self.phase.setObjectName("sync_phase")
        self.phase.setStyleSheet("color:#57606a;")
        row.addWidget(self.sync_button)
        row.addWidget(self.progress)
        row.addWidget(self.phase, 1)
        return row

    def _table(self, name: str, headers: list[str], stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(24)
        return table

    # --- state -----------------------------------------------------------------------

    def activated(self) -> None:
        if self.sync_button.isEnabled():
            self.sync_button.setFocus()
        self.reload()

    def sync_now(self) -> None:
        if self.sync is not None and self.sync.active:
            self.sync.sync_now()
            self.phase.setText(self.tr("Đang bắt đầu đồng bộ…"))

    def show_status(self, st: CounterStatus) -> None:
        """The station's state, as the window read it (after every round, among others)."""
        self.status = st
        v = self.values
        v["server"].setText(st.server_url or self.tr("chưa đăng ký"))
        v["station"].setText(
            self.tr("Quầy số {n} · {office}").format(n=st.station_number, office=st.agency_code)
        )
        pending = self.tr("{n} thay đổi").format(n=st.pending_changes)
        if st.bytes_to_upload:
            pending += " · " + self.tr("{size} tệp chưa tải lên").format(
                size=format_bytes(st.bytes_to_upload)
            )
        v["pending"].setText(pending)
        never = self.tr("chưa có")
        v["last_success"].setText(format_datetime(st.last_sync_at) or never)
        v["last_attempt"].setText(format_datetime(st.last_attempt_at) or never)
        if st.warnings:
            self.warnings.setText("\n".join(f"⚠  {w}" for w in st.warnings))
        self.warnings.setVisible(bool(st.warnings))
        self._show_state()
        self.reload()

    def _show_state(self) -> None:
        text, colour, tip = link_state(self.status, self.sync)
        link = self.values["link"]
        link.setText(text.lstrip("● "))
        link.setStyleSheet(f"color:{colour}; font-weight:bold;")
        link.setToolTip(tip)
        enrolled = bool(self.status and self.status.enrolled)
        running = bool(self.sync and self.sync.running)
        self.sync_button.setEnabled(
            enrolled and bool(self.sync and self.sync.active) and not running
        )
        self.progress.setVisible(running)
        if running:
            self._show_progress()
        elif not enrolled:
            self.phase.setText(
                self.tr("Quản trị đăng ký quầy với máy chủ ở Cài đặt → Máy chủ đồng bộ.")
            )
        else:
            seconds = self.ctx.settings.get("sync_interval_seconds", "60")
            self.phase.setText(
                self.tr("Tự động đồng bộ mỗi {n} giây và ngay khi có mạng trở lại.").format(
                    n=seconds
                )
            )

    def _show_progress(self) -> None:
        news = self.sync.progress if self.sync is not None else None
        if news is None:
            return
        self.progress.show()
        if news.phase == "push" and news.total:
            self.progress.setRange(0, news.total)
            self.progress.setValue(news.done)
            self.phase.setText(
                self.tr("Đang gửi thay đổi: {done}/{total}").format(
                    done=news.done, total=news.total
                )
            )
        elif news.phase == "upload" and news.total:
            # Per mille: a byte count does not fit a progress bar's int.
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * news.done / news.total))
            self.phase.setText(
                self.tr("Đang tải tệp lên: {done} / {total}").format(
                    done=format_bytes(news.done), total=format_bytes(news.total)
                )
            )
        else:
            self.progress.setRange(0, 0)
            self.phase.setText(
                self.tr("Đang nhận cập nhật từ máy chủ…")
                if news.phase == "pull"
                else self.tr("Đang đồng bộ…")
            )

    # --- lists -----------------------------------------------------------------------

    def reload(self) -> None:
        if self.ctx.db is None or self.ctx.actor is None:
            return
        if self._loading:
            self._stale = True
            return
        self._loading = True
        refused = bool(self.status and self.status.rejected_changes)
        self.ctx.tasks.run(
            load_lists,
            self.ctx.db,
            self.ctx.data_dir,
            self.ctx.actor,
            refused,
            on_done=self._show_lists,
            on_error=self._load_failed,
        )

    def _load_failed(self, _exc: BaseException) -> None:
        self._loading = False

    def _show_lists(self, lists: tuple[list, list]) -> None:
        self._loading = False
        self.rounds, self.failures = lists
        self._fill_log()
        self._fill_failures()
        if self._stale:
            self._stale = False
            self.reload()

    def _fill_log(self) -> None:
        self.log.setRowCount(len(self.rounds))
        for r, entry in enumerate(self.rounds):
            report = entry.report
            result, colour = self._result(entry)
            cells = [
                format_datetime(report.finished_at or report.started_at),
                str(report.pushed + report.duplicates),
                str(report.pulled),
                format_bytes(report.uploaded_bytes) if report.uploaded_bytes else "—",
                result,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(result)
                if c == len(cells) - 1:
                    item.setForeground(colour)
                elif c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.log.setItem(r, c, item)

    def _result(self, entry) -> tuple[str, QColor]:
        report = entry.report
        if not report.ok:
            parts, colour = list(report.errors), ERROR_FG
        else:
            parts, colour = [self.tr("Thành công")], OK_FG
            if report.rejected:
                parts.append(self.tr("{n} bị từ chối").format(n=report.rejected))
                colour = WARN_FG
            if report.conflicts:
                parts.append(
                    self.tr("{n} xung đột (giữ cả hai phiên bản)").format(n=report.conflicts)
                )
            if report.master_updated:
                names = {
                    "catalogue": self.tr("danh mục thủ tục"),
                    "calendar": self.tr("lịch làm việc"),
                    "officers": self.tr("cán bộ"),
                }
                parts.append(
                    self.tr("cập nhật {what}").format(
                        what=", ".join(names.get(m, m) for m in report.master_updated)
                    )
                )
            if report.quiet:
                parts.append(self.tr("không có gì mới"))
        if report.warnings:
            parts.extend(report.warnings)
            colour = WARN_FG if report.ok else colour
        if entry.repeats > 1:
            parts.append(
                self.tr("{n} lần từ {time}").format(
                    n=entry.repeats, time=format_datetime(entry.first_started_at)
                )
            )
        return "; ".join(parts), colour

    def _fill_failures(self) -> None:
        rows = self.failures
        self.failures_title.setVisible(bool(rows))
        self.failures_table.setVisible(bool(rows))
        self.failures_table.setRowCount(len(rows))
        # As tall as its rows (up to eight): the log above keeps the room.
        header = self.failures_table.horizontalHeader().height()
        self.failures_table.setMaximumHeight(header + 24 * min(max(len(rows), 1), 8) + 6)
        for r, row in enumerate(rows):
            reason = row.sync_error or ""
            for c, text in enumerate(
                (row.code, row.applicant_name, format_datetime(row.received_at), reason)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(reason)
                if c == 3:
                    item.setForeground(ERROR_FG)
                self.failures_table.setItem(r, c, item)

    def _open_failure(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.failures):
            self.open_dossier.emit(self.failures[row].code)

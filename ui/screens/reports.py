"""Báo cáo: the office's indicators for a period, their trend, points and the dossiers behind them.

Everything slow runs on the task runner: the report and the previous
period's (for the trend), the drill-down list and the exports. The GUI
thread fills labels and tables, paints five bars, and lets go of the reports
it replaces on a worker.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_datetime
from app.reports import bulk, drilldown, indicators
from app.reports import period as periods
from app.reports.indicators import IndicatorReport
from ui.shell.context import Context
from ui.shell.screen import Screen
from ui.widgets.bar_chart import render_bars
from ui.widgets.drill_list import DrillModel
from ui.widgets.messages import Banner

# (figure, title, kind): "count" cards drill down to their dossiers.
CARDS = (
    ("received", "Tiếp nhận trong kỳ", "count"),
    ("carried_over", "Kỳ trước chuyển sang", "count"),
    ("resolved_early", "Giải quyết trước hạn", "count"),
    ("resolved_on_time", "Giải quyết đúng hạn", "count"),
    ("resolved_late", "Giải quyết quá hạn", "count"),
    ("in_progress_on_time", "Đang giải quyết trong hạn", "count"),
    ("in_progress_overdue", "Đang giải quyết quá hạn", "count"),
    ("e_result_share", "Tỷ lệ kết quả điện tử", "share"),
    ("digitized_share", "Tỷ lệ số hóa khi tiếp nhận", "share"),
    ("reused_share", "Tỷ lệ thành phần dùng lại", "share"),
    ("online_share", "Tỷ lệ hồ sơ trực tuyến", "share"),
    ("cashless_share", "Tỷ lệ không dùng tiền mặt", "share"),
)
# Which dossiers a share card lists when clicked.
SHARE_MEMBERS = {
    "digitized_share": "received_digitized",
    "reused_share": "received_with_reuse",
    "online_share": "received_online",
    "e_result_share": "result_electronic",
    "cashless_share": "received_fee_cashless",
}
CHART_BARS = (
    ("resolved_early", "Trước hạn", "#2e7d32"),
    ("resolved_on_time", "Đúng hạn", "#1565c0"),
    ("resolved_late", "Quá hạn", "#c62828"),
    ("in_progress_on_time", "Đang trong hạn", "#90a4ae"),
    ("in_progress_overdue", "Đang quá hạn", "#ef6c00"),
)
KINDS = ("month", "quarter", "year", "custom")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def render_chart(rep: IndicatorReport, width: int = 540, height: int = 320) -> QImage:
    """The period's outcomes as a bar chart (GUI thread: a few milliseconds)."""
    bars = [(label, rep.counts[key], colour) for key, label, colour in CHART_BARS]
    return render_bars(f"Kết quả giải quyết {rep.period.label()}", bars, width, height)


# The interpreter lock changes hands every 5 ms by default. While a report is
# read and counted, up to four worker threads want it at once, and the window's
# thread may lose several rounds in a row before it runs (on a loaded machine,
# each round is a wait for a core). A shorter interval makes every round
# short; it is restored when the last report ends.
_SWITCH_S = 0.001
_switching = threading.Lock()
_switch_users = 0
_switch_before = 0.005


@contextmanager
def quick_switching() -> Iterator[None]:
    """A 1 ms interpreter switch interval for as long as a report computes."""
    global _switch_users, _switch_before
    with _switching:
        if _switch_users == 0:
            _switch_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_SWITCH_S, _switch_before))
        _switch_users += 1
    try:
        yield
    finally:
        with _switching:
            _switch_users -= 1
            if _switch_users == 0:
                sys.setswitchinterval(_switch_before)


def load(ctx_db, actor, period: periods.Period, now) -> dict[str, Any]:
    """The report and the previous period's (worker thread).

    Without the cyclic collector: its passes over the report's objects hold
    the interpreter lock long enough to stall the window.
    """
    with quick_switching(), bulk.without_gc():
        rep = indicators.report(ctx_db, actor, period, now=now, parallel=False)
        previous = indicators.compute(ctx_db, period.previous(), now=now, parallel=False)
        return {"report": rep, "previous": previous}


def _let_go(reports: list) -> None:
    """Drop the reports a new one replaced (worker thread).

    A yearly report holds hundreds of thousands of dossier ids; freeing them
    is one long call under the interpreter lock, better spent off the window's
    thread. Lists still used by a drill-down keep living with it.
    """
    reports.clear()


class Card(QFrame):
    """One figure: title, value, trend against the previous period, points."""

    clicked = Signal(str)

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QFrame { background:#ffffff; border:1px solid #c9d3de; border-radius:6px; }"
            "QLabel { border:none; }"
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 6)
        box.setSpacing(1)
        self.title = QLabel(title)
        self.title.setStyleSheet("color:#4a5a6a; font-size:12px;")
        # A narrow card (125–150 % scaling) breaks its title rather than cut it.
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName(f"value_{key}")
        self.value.setStyleSheet("font-size:22px; font-weight:600; color:#1f3b5c;")
        self.trend = QLabel("")
        self.trend.setObjectName(f"trend_{key}")
        self.trend.setWordWrap(True)
        self.trend.setStyleSheet("color:#4a5a6a; font-size:11px;")
        for w in (self.title, self.value, self.trend):
            box.addWidget(w)
        self.setMinimumWidth(150)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
        super().mousePressEvent(event)


class ReportsPage(Screen):
    # Seconds from asking for a report to its cards and chart on screen.
    report_shown = Signal(float)
    drilled = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: IndicatorReport | None = None
        self.previous: IndicatorReport | None = None
        self.lines: list[drilldown.DossierLine] = []
        self._started = 0.0
        self._chart: QPixmap | None = None
        self._stale = False
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 10, 14, 8)
        self.banner = Banner()
        root.addWidget(self.banner)
        root.addLayout(self._period_bar())
        self.heading = QLabel()
        self.heading.setObjectName("report_heading")
        self.heading.setStyleSheet("font-size:15px; font-weight:600;")
        root.addWidget(self.heading)

        grid = QGridLayout()
        grid.setSpacing(8)
        self.cards: dict[str, Card] = {}
        for i, (key, title, _kind) in enumerate(CARDS):
            card = Card(key, self.tr(title))
            card.clicked.connect(self.drill)
            self.cards[key] = card
            grid.addWidget(card, i // 6, i % 6)
        self.scores = QLabel()
        self.scores.setObjectName("report_scores")
        self.scores.setWordWrap(True)
        self.scores.setTextFormat(Qt.TextFormat.PlainText)
        root.addLayout(grid)
        root.addWidget(self.scores)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.chart = QLabel()
        self.chart.setObjectName("report_chart")
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart.setMinimumSize(300, 200)
        self.chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        split.addWidget(self.chart)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        self.drill_title = QLabel(self.tr("Nhấn vào một chỉ số để xem các hồ sơ."))
        self.drill_title.setObjectName("drill_title")
        rbox.addWidget(self.drill_title)
        self.drill_model = DrillModel(
            [
                self.tr("Mã hồ sơ"),
                self.tr("Người nộp"),
                self.tr("Thủ tục"),
                self.tr("Tiếp nhận"),
                self.tr("Hẹn trả"),
            ]
        )
        self.table = QTableView()
        self.table.setObjectName("drill_table")
        self.table.setModel(self.drill_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for c in (0, 1, 3, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # Columns are sized from the first rows only, not by measuring 5,000 lines.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Enter or a double click on a row opens that dossier.
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        rbox.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([430, 860])
        root.addWidget(split, 1)

    def _period_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        today = self.ctx.now().date()
        self.kind = QComboBox()
        self.kind.setObjectName("period_kind")
        for key, label in zip(
            KINDS,
            (self.tr("Tháng"), self.tr("Quý"), self.tr("Năm"), self.tr("Khoảng ngày")),
            strict=True,
        ):
            self.kind.addItem(label, key)
        self.year = QSpinBox()
        self.year.setObjectName("period_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.part = QSpinBox()
        self.part.setObjectName("period_part")
        self.part.setRange(1, 12)
        self.part.setValue(today.month)
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for w, name in ((self.date_from, "period_from"), (self.date_to, "period_to")):
            w.setObjectName(name)
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy")
        self.show_button = QPushButton(self.tr("Xem báo cáo"))
        self.show_button.setObjectName("report_show")
        self.xlsx_button = QPushButton(self.tr("Xuất Excel…"))
        self.xlsx_button.setObjectName("report_xlsx")
        self.pdf_button = QPushButton(self.tr("Xuất PDF…"))
        self.pdf_button.setObjectName("report_pdf")
        self.day_button = QPushButton(self.tr("Báo cáo cuối ngày"))
        self.day_button.setObjectName("report_day")
        bar.addWidget(QLabel(self.tr("Kỳ:")))
        for w in (self.kind, self.part, self.year, self.date_from, self.date_to):
            bar.addWidget(w)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        for w in (self.xlsx_button, self.pdf_button, self.day_button):
            bar.addWidget(w)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.show_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.day_button.clicked.connect(lambda: self.print_day())
        self._kind_changed()
        return bar

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.part.setVisible(kind in ("month", "quarter"))
        self.year.setVisible(kind != "custom")
        self.date_from.setVisible(kind == "custom")
        self.date_to.setVisible(kind == "custom")
        if kind == "quarter":
            self.part.setRange(1, 4)
            self.part.setPrefix(self.tr("Quý "))
        elif kind == "month":
            self.part.setRange(1, 12)
            self.part.setPrefix(self.tr("Tháng "))

    def period(self) -> periods.Period:
        kind = self.kind.currentData()
        if kind == "month":
            return periods.month(self.year.value(), self.part.value())
        if kind == "quarter":
            return periods.quarter(self.year.value(), self.part.value())
        if kind == "year":
            return periods.year(self.year.value())
        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython()
        return periods.Period(start, end)

    def set_period(self, kind: str, year: int, part: int = 1) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.year.setValue(year)
        self.part.setValue(part)

    # --- the report ------------------------------------------------------------------

    def activated(self) -> None:
        if self.report is None or self._stale:
            self.refresh()

    def operation_did_execute(self) -> None:
        # Recomputing a year on every change would cost seconds; the figures are
        # refreshed when the screen is next brought to the front.
        self._stale = True

    def refresh(self) -> None:
        try:
            period = self.period()
        except Exception as exc:  # noqa: BLE001 - a bad period is shown, not raised
            self.banner.show_error(exc)
            return
        self.banner.clear_message()
        self._stale = False
        self.show_button.setEnabled(False)
        self._started = time.perf_counter()
        self.heading.setText(self.tr("Đang tính {period}…").format(period=period.label()))
        self.ctx.tasks.run(
            load,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            period,
            self.ctx.now(),
            on_done=self._shown,
            on_error=self._failed,
            label=self.tr("Đang tính báo cáo…"),
        )

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.heading.setText("")
        self.banner.show_error(exc)

    def _shown(self, result: dict[str, Any]) -> None:
        self.show_button.setEnabled(True)
        rep, prev = result["report"], result["previous"]
        old = [r for r in (self.report, self.previous) if r is not None]
        self.report, self.previous = rep, prev
        if old:
            self.ctx.tasks.run(_let_go, old, label=self.tr("Đang tính báo cáo…"))
        del old
        self.heading.setText(
            self.tr("{office} — {period} (số liệu đến {as_of})").format(
                office=rep.office_name,
                period=rep.period.label(),
                as_of=format_datetime(rep.as_of),
            )
        )
        for key, _title, kind in CARDS:
            card = self.cards[key]
            if kind == "count":
                now, before = rep.counts[key], prev.counts[key]
                card.value.setText(str(now))
                diff = now - before
                sign = "▲" if diff > 0 else "▼" if diff < 0 else "="
                card.trend.setText(
                    self.tr("{sign} {diff} so với kỳ trước ({before})").format(
                        sign=sign, diff=abs(diff), before=before
                    )
                )
            else:
                now_s, before_s = rep.shares[key], prev.shares[key]
                card.value.setText(_pct(now_s))
                if now_s is None:
                    why = rep.unavailable.get(key)
                    card.trend.setText(
                        self.tr("Chưa tính được") if why else self.tr("Không có hồ sơ")
                    )
                    card.setToolTip(why or "")
                elif before_s is None:
                    card.trend.setText(self.tr("Kỳ trước: —"))
                else:
                    points = (now_s - before_s) * 100
                    sign = "▲" if points > 0 else "▼" if points < 0 else "="
                    card.trend.setText(
                        self.tr("{sign} {points} điểm % so với kỳ trước").format(
                            sign=sign, points=_number(abs(points))
                        )
                    )
        self.scores.setText(self._scores_text(rep, prev))
        # Five bars take a few milliseconds of QPainter here; on the GUI thread
        # the text is drawn with the fonts the window already loaded.
        self._chart = QPixmap.fromImage(render_chart(rep))
        self._fit_chart()
        self.report_shown.emit(time.perf_counter() - self._started)

    def _fit_chart(self) -> None:
        if self._chart is None:
            return
        size = self.chart.size()
        if self._chart.width() <= size.width() and self._chart.height() <= size.height():
            self.chart.setPixmap(self._chart)
        else:
            self.chart.setPixmap(
                self._chart.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_chart()

    def _scores_text(self, rep: IndicatorReport, prev: IndicatorReport) -> str:
        before = {s["group"]: s["points"] for s in prev.scores}
        parts = []
        for s in rep.scores:
            text = self.tr("{name}: {points}/{max} điểm").format(
                name=s["name"], points=_number(s["points"]), max=_number(s["max"])
            )
            if s["partial"]:
                text += self.tr(" (trên {group_max})").format(group_max=_number(s["group_max"]))
            if s["group"] in before:
                text += self.tr(", kỳ trước {points}").format(points=_number(before[s["group"]]))
            if not s["verified"]:
                text += self.tr(" — trọng số chưa xác minh")
            parts.append(text)
        missing = ", ".join(n["name"] for n in rep.not_scored)
        head = self.tr("Điểm theo Quyết định 766/QĐ-TTg: ")
        tail = self.tr(". Chưa tính được: {groups}.").format(groups=missing) if missing else "."
        return head + "; ".join(parts) + tail if parts else head + self.tr("chưa có hồ sơ.")

    # --- drill-down ------------------------------------------------------------------

    def drill(self, key: str) -> None:
        if self.report is None:
            return
        figure = SHARE_MEMBERS.get(key, key)
        ids = self.report.members.get(figure)
        if ids is None:
            self.banner.show_message(
                self.report.unavailable.get(key, self.tr("Chỉ số này không có danh sách hồ sơ.")),
                "info",
                5000,
            )
            return
        title = next(t for k, t, _ in CARDS if k == key)
        self.drill_title.setText(
            self.tr("{title}: {n} hồ sơ").format(title=self.tr(title), n=len(ids))
            + (self.tr(" (hiện 5.000 hồ sơ đầu)") if len(ids) > 5000 else "")
        )
        self.ctx.tasks.run(
            drilldown.dossiers,
            self.ctx.require_db(),
            ids,
            on_done=lambda lines, k=key: self._fill(k, lines),
            on_error=self.banner.show_error,
            label=self.tr("Đang lấy danh sách hồ sơ…"),
        )

    def _fill(self, key: str, lines: list[drilldown.DossierLine]) -> None:
        self.lines = lines
        self.drill_model.set_lines(lines)
        self.drilled.emit(key)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.open_dossier.emit(self.lines[row].code)

    # --- exports and the day's summary -----------------------------------------------

    def _ask_export(self, fmt: str) -> None:
        p = self.period()
        suffix = "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)"
        name = f"bao-cao-{p.start:%Y%m%d}-{p.end:%Y%m%d}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất báo cáo"), name, suffix)
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the period's report to ``path`` on a worker thread."""

        def work() -> Path:
            # The PDF and Excel writers load on first use: the window starts without them.
            from app.reports.export import export

            data = export(self_db, actor, period, fmt, now=now)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
            return path

        self_db, actor, period, now = (
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.period(),
            self.ctx.now(),
        )
        self.ctx.tasks.run(
            work,
            on_done=lambda p: self.banner.show_message(
                self.tr("Đã xuất báo cáo ra {path}").format(path=p), "success", 8000
            ),
            on_error=self.banner.show_error,
            label=self.tr("Đang xuất báo cáo…"),
        )

    def print_day(self, day: date | None = None) -> None:
        """The close-of-day summary of ``day`` (today) in the print preview."""
        from ui.widgets.print_preview import prepare

        db, actor, now = self.ctx.require_db(), self.ctx.require_actor(), self.ctx.now()
        day = day or now.date()
        title = self.tr("Báo cáo cuối ngày")

        def work():
            from app.reports import daily_pdf

            return prepare(daily_pdf.print_day(db, actor, day, now=now), title)

        self.ctx.tasks.run(
            work,
            on_done=self._preview,
            on_error=self.banner.show_error,
            label=self.tr("Đang lập báo cáo cuối ngày…"),
        )

    def _preview(self, job) -> None:
        printer = self.ctx.settings.get("printer_name", "")
        self.preview_dialog = self.ctx.preview_factory(self, job, printer)

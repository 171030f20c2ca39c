"""Báo cáo in the real window: period, cards with trend, drill-down, chart, exports."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer

from app.reports import drilldown
from tests.reports.office_fixture import build


@pytest.fixture
def office_window(qtbot, db, clerk_window):
    codes = build(db)
    return clerk_window, codes


def open_reports(qtbot, win):
    qtbot.keyClick(win, Qt.Key.Key_7, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: win.current_page_name() == "reports", timeout=5000)
    page = win.pages["reports"]
    # the page computes the current month when first shown
    qtbot.waitUntil(lambda: page.report is not None, timeout=30_000)
    return page


def show_march(qtbot, page):
    page.set_period("month", 2026, 3)
    with qtbot.waitSignal(page.report_shown, timeout=30_000):
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)


def test_cards_trend_points_and_chart(qtbot, office_window):
    win, _ = office_window
    page = open_reports(qtbot, win)
    show_march(qtbot, page)
    values = {key: card.value.text() for key, card in page.cards.items()}
    assert values["received"] == "180"
    assert values["carried_over"] == "33"
    assert values["resolved_early"] == "44"
    assert values["resolved_on_time"] == "85"
    assert values["resolved_late"] == "32"
    assert values["in_progress_on_time"] == "29"
    assert values["in_progress_overdue"] == "23"
    assert values["digitized_share"] == "50,0 %"
    assert values["cashless_share"] == "64,3 %"  # 9 of the 14 paid fees whose method is known
    # February: L, M, N, O and T were received (20 + 9 + 7 + 4 + 4)
    assert page.cards["received"].trend.text() == "▲ 136 so với kỳ trước (44)"
    assert "14,84/20 điểm" in page.scores.text()
    assert "chưa xác minh" in page.scores.text()
    pixmap = page.chart.pixmap()
    assert pixmap is not None and pixmap.width() > 300


def test_drill_down_and_open_a_dossier(qtbot, office_window):
    win, codes = office_window
    page = open_reports(qtbot, win)
    show_march(qtbot, page)
    card = page.cards["resolved_late"]
    with qtbot.waitSignal(page.drilled, timeout=10_000):
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    model = page.table.model()
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert shown == set(codes["C late"]) | set(codes["D two supplements"])
    # pick the first row and press Enter: the dossier opens on the Hồ sơ screen
    rect = page.table.visualRect(model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.current_page_name() == "dossiers", timeout=5000)
    detail = win.pages["dossiers"].detail
    qtbot.waitUntil(lambda: detail.view is not None, timeout=10_000)
    assert detail.view.code == page.lines[0].code


def test_export_and_close_of_day(qtbot, office_window, previews, tmp_path):
    win, _ = office_window
    page = open_reports(qtbot, win)
    show_march(qtbot, page)
    target = tmp_path / "march.xlsx"
    page.export_to(target, "xlsx")
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert target.read_bytes()[:2] == b"PK"
    qtbot.waitUntil(lambda: page.banner.kind == "success", timeout=5000)
    qtbot.mouseClick(page.day_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews.jobs), timeout=30_000)
    assert previews.last_pdf.startswith(b"%PDF")
    assert previews.jobs[-1].pages


@pytest.mark.slow
def test_gui_keeps_running_while_a_big_report_is_computed(qtbot, db, data_dir, clerk_window):
    """A long report never holds the GUI thread: its stalls stay far below its duration."""
    from app.infra import datadir
    from tests.ui.bigdb import fill

    fill(datadir.db_path(data_dir), 150_000)
    page = open_reports(qtbot, clerk_window)
    page.kind.setCurrentIndex(3)  # a custom range: the five years the generator filled
    page.date_from.setDate(page.date_from.date().addYears(-6))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(5)
    started = time.perf_counter()
    with qtbot.waitSignal(page.report_shown, timeout=120_000) as shown:
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    timer.stop()
    took = time.perf_counter() - started
    assert shown.args[0] > 0.3, "the report was too quick to tell anything"
    assert int(page.cards["received"].value.text()) > 100_000
    assert max(gaps) < min(0.25, took / 3), (max(gaps), took)


def test_a_long_drill_down_is_not_built_cell_by_cell(qtbot, office_window):
    """5,000 dossiers behind a figure: the list shows them all, but only the
    rows on screen are formatted (a widget item per cell measured every row
    on the GUI thread)."""
    win, _ = office_window
    page = open_reports(qtbot, win)
    show_march(qtbot, page)
    line = drilldown.DossierLine(
        code="000.00.24.H47-260213-0001",
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        applicant_name="Nguyễn Văn An",
        received_at=datetime(2026, 2, 13, 9, 0),
        due_at=datetime(2026, 2, 23, 17, 0),
        returned_at=None,
        status=1,
    )
    page.drill_model.cells_formatted = 0
    page._fill("received", [line] * 5000)
    qtbot.wait(200)
    assert page.table.model().rowCount() == 5000
    assert 0 < page.drill_model.cells_formatted < 5 * 500

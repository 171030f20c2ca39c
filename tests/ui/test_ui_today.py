"""The day at a glance on the Hồ sơ screen: counts that open their own lists."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from app.dossiers import intake
from tests.conftest import INTAKE


def test_todays_counts_open_the_dossiers_they_count(qtbot, clerk_window, db, clerk):
    old = intake.receive(db, clerk, INTAKE).code  # February: long overdue
    fresh = copy.deepcopy(INTAKE)
    del fresh["received_at"]
    new = intake.receive(db, clerk, fresh).code
    page = clerk_window.show_page("dossiers")
    buttons = page.day_buttons
    qtbot.waitUntil(lambda: buttons["received"].text() == "Đã tiếp nhận: 1")
    assert buttons["overdue"].text() == "Quá hạn: 1"
    assert buttons["ready"].text() == "Có kết quả, chờ trả: 0"
    assert buttons["sync"].text() == "Chờ đồng bộ: 2"

    qtbot.mouseClick(buttons["overdue"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r.code for r in page.model.rows] == [old])
    assert page.overdue.isChecked()
    qtbot.mouseClick(buttons["received"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r.code for r in page.model.rows] == [new])
    assert page.use_dates.isChecked() and not page.overdue.isChecked()
    qtbot.mouseClick(buttons["sync"], Qt.MouseButton.LeftButton)
    assert clerk_window.current_page_name() == "sync"


def test_closing_with_changes_waiting_to_sync_asks_for_a_second_close(qtbot, clerk_window):
    import dataclasses

    from app import overview

    win = clerk_window
    win.warn_on_quit = True
    qtbot.waitUntil(lambda: win._last_status is not None)
    win._last_status = dataclasses.replace(win._last_status, enrolled=True, pending_changes=3)
    assert isinstance(win._last_status, overview.CounterStatus)
    win.close()
    assert win.isVisible()
    assert "3 thay đổi chưa gửi" in win.warning_label.text()
    win.close()
    assert not win.isVisible()

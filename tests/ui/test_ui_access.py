"""First run, sign-in, the idle lock, permissions and settings, through the window."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.office import settings
from db.models import AuditLog
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD
from tests.ui.conftest import sign_in, type_text
from ui.shell.tasks import TaskRunner


def test_first_run_sets_up_the_station_then_asks_to_sign_in(qtbot, tmp_path, previews):
    from ui.shell.app import create_window

    data_dir = tmp_path / "new-station"
    win = create_window(data_dir, preview_factory=previews)
    qtbot.addWidget(win)
    win.show()
    assert win.mode == "first_run"
    page = win.first_run
    qtbot.keyClicks(page.office_code, "000.00.24")
    type_text(page.office_name, "Ủy ban nhân dân xã Tân Lập")
    qtbot.keyClicks(page.admin_user, "quantri")
    qtbot.keyClicks(page.password, "matkhau-moi-1")
    qtbot.keyClicks(page.confirm, "matkhau-moi-2")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    assert page.errors.text("confirm") == "Hai lần nhập mật khẩu không khớp."

    page.confirm.clear()
    qtbot.keyClicks(page.confirm, "matkhau-moi-1")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.errors.text("office_code") != "")
    assert win.mode == "first_run"

    qtbot.keyClicks(page.office_code, ".H47")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.mode == "sign_in", timeout=15_000)
    assert win.sign_in.username.text() == "quantri"
    assert win.sign_in.office.text() == "Ủy ban nhân dân xã Tân Lập"
    qtbot.keyClicks(win.sign_in.password, "matkhau-moi-1")
    qtbot.keyClick(win.sign_in.password, Qt.Key.Key_Return)
    # The set-up left the administrator's full name empty: it is asked for
    # now, before any slip could be signed with a placeholder.
    sign = win.sign_in
    qtbot.waitUntil(lambda: sign.full_name.isVisible(), timeout=10_000)
    assert win.mode == "sign_in"
    qtbot.keyClick(sign.full_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sign.banner.kind == "error")
    assert "họ tên" in sign.banner.text().lower()
    type_text(sign.full_name, "Lê Văn An")
    qtbot.keyClick(sign.full_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.mode == "work", timeout=10_000)
    assert win.ctx.actor.full_name == "Lê Văn An"
    assert "Lê Văn An" in win.officer_label.text()
    win.close()
    win.ctx.tasks.wait_for_done()
    win.ctx.db.dispose()


def test_wrong_passwords_are_refused_then_lock_the_account(qtbot, window):
    page = window.sign_in
    assert window.mode == "sign_in"
    for attempt in range(5):
        qtbot.keyClicks(page.username, "canbo1" if attempt == 0 else "")
        qtbot.keyClicks(page.password, "sai-mat-khau")
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.submit.isEnabled() and page.banner.kind == "error")
        assert page.banner.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert page.password.text() == ""
    # After the fifth failure even the right password does not get in for a while.
    qtbot.keyClicks(page.password, CLERK_PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.submit.isEnabled() and page.banner.kind == "error")
    assert "tạm khóa" in page.banner.text() and window.mode == "sign_in"


def test_the_window_locks_when_idle_and_opens_with_the_password(qtbot, clerk_window):
    win = clerk_window
    assert win.idle.running and win.idle.interval_ms == 15 * 60_000
    win.idle.start(50)
    qtbot.waitUntil(lambda: win.mode == "locked", timeout=3000)
    assert not win.work.isVisible()
    lock = win.lock_page
    assert "Trần Thị Hoa" in lock.who.text()
    qtbot.keyClicks(lock.password, "sai-mat-khau")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.banner.kind == "error")
    assert win.mode == "locked"
    qtbot.keyClicks(lock.password, CLERK_PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.mode == "work")
    assert win.idle.running


def test_input_to_the_window_restarts_the_idle_count_and_nothing_else_is_watched(
    qtbot, clerk_window
):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    win = clerk_window
    minutes = 10 * 60_000
    win.idle.start(minutes)
    qtbot.wait(2000)
    # An event for an object that is no window (here a stray mouse move; in the
    # window mostly paints, timers and workers' results) does not reach the watcher:
    # it filters the windows, not every event of the application.
    stray = QWidget()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(stray, move)
    assert win.idle._timer.remainingTime() <= minutes - 1500
    # A key pressed in the window, delivered the way the system delivers it, does.
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_Shift)
    assert win.idle._timer.remainingTime() > minutes - 1000
    qtbot.wait(2000)
    # So does one in a dialog opened over it.
    dialog = QWidget(win, Qt.WindowType.Dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is dialog.windowHandle())
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Shift)
    assert win.idle._timer.remainingTime() > minutes - 1000
    dialog.close()
    assert win.mode == "work"


def test_ctrl_l_locks_and_another_officer_can_sign_in(qtbot, clerk_window):
    win = clerk_window
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.mode == "locked"
    qtbot.mouseClick(win.lock_page.other, Qt.MouseButton.LeftButton)
    assert win.mode == "sign_in" and win.ctx.actor is None and not win.pages
    sign_in(qtbot, win, "admin", ADMIN_PASSWORD)
    assert win.ctx.actor.role == "admin"


def test_a_clerk_cannot_open_or_save_admin_settings(qtbot, clerk_window, db):
    win = clerk_window
    page = win.show_page("settings")
    tabs = page.tabs
    assert not tabs.isTabEnabled(tabs.indexOf(page.office_tab))
    assert not tabs.isTabEnabled(tabs.indexOf(page.security_tab))
    assert not tabs.isTabEnabled(tabs.indexOf(page.connect_tab))
    assert tabs.isTabEnabled(tabs.indexOf(page.print_tab))
    assert "Chỉ quản trị" in page.rights.text()
    # Even if the screen asked, the use case refuses and nothing is stored.
    page.save_changes({"server_url": "https://example.vn"})
    qtbot.waitUntil(lambda: page.banner.kind == "error")
    assert "không có quyền" in page.banner.text()
    with db.read() as session:
        assert settings.get(session, "server_url") == ""
    # What a clerk may set, they can.
    page.fields["receipt_layout"].setCurrentIndex(1)
    ocr = page.fields["capture_ocr"]
    assert ocr.isEnabled() and ocr.isChecked()  # on by default
    ocr.setChecked(False)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.kind == "success")
    with db.read() as session:
        assert settings.get(session, "receipt_layout") == "80mm"
        assert settings.get(session, "capture_ocr") == "0"
    assert win.ctx.settings["receipt_layout"] == "80mm"


def test_admin_settings_are_validated_and_applied(qtbot, admin_window, db):
    win = admin_window
    page = win.show_page("settings")
    assert page.tabs.isTabEnabled(page.tabs.indexOf(page.office_tab))
    page.fields["working_hours"].setText("17:30-07:30")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.errors.text("working_hours") != "")
    assert "không hợp lệ" in page.errors.text("working_hours")
    page.fields["working_hours"].setText("07:00-11:00,13:00-17:00")
    page.fields["idle_lock_minutes"].setValue(5)
    page.office_name.setText("UBND xã Tân Lập mới")
    assert not page.fields["require_result_at_handover"].isChecked()
    qtbot.mouseClick(page.fields["require_result_at_handover"], Qt.MouseButton.LeftButton)
    assert page.fields["return_print_slip"].isChecked()  # on unless the office turns it off
    qtbot.mouseClick(page.fields["return_print_slip"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.kind == "success")
    assert win.idle.interval_ms == 5 * 60_000
    with db.read() as session:
        assert settings.get(session, "working_hours") == "07:00-11:00,13:00-17:00"
        assert settings.get(session, "require_result_at_handover") == "1"
        assert settings.get(session, "return_print_slip") == "0"
        actions = session.scalars(select(AuditLog.action)).all()
    assert "settings.update" in actions and "office.update" in actions
    assert page.snap.office.name == "UBND xã Tân Lập mới"

    page.tabs.setCurrentWidget(page.hours_tab)
    page.override_day.setDate(page.override_day.date().fromString("02/01/2026", "dd/MM/yyyy"))
    qtbot.mouseClick(page.add_override, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.overrides.rowCount() == 1)
    assert page.overrides.item(0, 0).text() == "02/01/2026"
    page.overrides.selectRow(0)
    qtbot.mouseClick(page.remove_override, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.overrides.rowCount() == 0)


def test_slow_work_shows_the_busy_indicator_only_after_300_ms(qtbot):
    runner = TaskRunner()
    seen: list[bool] = []
    runner.busy_changed.connect(lambda busy, _label: seen.append(busy))
    with qtbot.waitSignal(runner.task_finished):
        runner.run(lambda: 1, on_done=lambda _v: None)
    qtbot.wait(400)
    assert seen == []
    results: list[int] = []
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run(lambda: time.sleep(0.6) or 7, on_done=results.append, label="chậm")
    assert results == [7]
    assert seen == [True, False]


def test_errors_from_a_task_reach_the_gui_thread_as_values(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom() -> None:
        raise RuntimeError("hỏng")

    with qtbot.waitSignal(runner.task_finished):
        runner.run(boom, on_error=errors.append)
    assert isinstance(errors[0], RuntimeError)

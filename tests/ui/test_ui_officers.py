"""Cài đặt → Cán bộ và mật khẩu: officers managed in the window, one's own password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.errors import DomainError
from app.infra import clock
from app.office import auth
from tests.conftest import CLERK_PASSWORD
from tests.ui.conftest import type_text


def _tab(qtbot, win):
    page = win.show_page("settings")
    page.tabs.setCurrentWidget(page.officers_tab)
    return page.officers_tab


def _row(tab, username: str) -> int:
    return next(i for i, r in enumerate(tab.rows) if r.username == username)


def test_an_admin_adds_resets_and_deactivates_an_officer(qtbot, admin_window, db):
    tab = _tab(qtbot, admin_window)
    assert tab.manage.isVisible()
    qtbot.waitUntil(lambda: len(tab.rows) == 2)  # admin and canbo1
    # A short first password is said beside its field; nothing is written.
    type_text(tab.username, "canbo2")
    type_text(tab.full_name, "Lê Văn Nam")
    tab.role.setCurrentIndex(tab.role.findData("supervisor"))
    type_text(tab.password, "ngan")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert "ít nhất 8 ký tự" in tab.errors.text("new_password")
    tab.password.clear()
    type_text(tab.password, "mat-khau-dau")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.rows) == 3, timeout=20_000)
    assert tab.banner.kind == "success" and tab.username.text() == ""
    now = clock.now()
    assert auth.login(db, "canbo2", "mat-khau-dau", now).role == "supervisor"
    # The same username again: the use case's message beside the field.
    type_text(tab.username, "canbo2")
    type_text(tab.full_name, "Người khác")
    type_text(tab.password, "mat-khau-dau")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.errors.text("username") != "", timeout=20_000)
    assert "đã có" in tab.errors.text("username")

    tab.table.selectRow(_row(tab, "canbo1"))
    type_text(tab.reset_password, "mat-khau-moi-1")
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã đặt lại mật khẩu" in tab.banner.text(), timeout=20_000)
    assert auth.login(db, "canbo1", "mat-khau-moi-1", now).username == "canbo1"

    tab.table.selectRow(_row(tab, "canbo1"))
    assert tab.toggle_button.text() == "Khóa tài khoản"
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.rows[_row(tab, "canbo1")].active, timeout=20_000)
    with pytest.raises(DomainError):
        auth.login(db, "canbo1", "mat-khau-moi-1", now)
    tab.table.selectRow(_row(tab, "canbo1"))
    assert tab.toggle_button.text() == "Mở lại"
    # Not oneself.
    tab.table.selectRow(_row(tab, "admin"))
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.banner.kind == "error" or tab.errors.text("username") != "")
    assert "chính mình" in tab.banner.text() + tab.errors.text("username")


def test_a_clerk_changes_their_own_password_and_sees_no_one_else(qtbot, clerk_window, db):
    tab = _tab(qtbot, clerk_window)
    assert not tab.manage.isVisible()
    type_text(tab.current, CLERK_PASSWORD)
    type_text(tab.new, "mat-khau-moi-2")
    type_text(tab.repeat, "mat-khau-moi-3")
    qtbot.keyClick(tab.repeat, Qt.Key.Key_Return)
    assert tab.errors.text("repeat") == "Hai lần nhập mật khẩu mới không khớp."
    tab.repeat.clear()
    type_text(tab.repeat, "mat-khau-moi-2")
    tab.current.clear()
    type_text(tab.current, "sai-mat-khau")
    qtbot.keyClick(tab.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.errors.text("current_password") != "", timeout=20_000)
    assert tab.errors.text("current_password") == "Mật khẩu hiện tại không đúng."
    tab.current.clear()
    type_text(tab.current, CLERK_PASSWORD)
    qtbot.keyClick(tab.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.banner.kind == "success", timeout=20_000)
    assert tab.current.text() == tab.new.text() == tab.repeat.text() == ""
    assert auth.login(db, "canbo1", "mat-khau-moi-2", clock.now()).username == "canbo1"

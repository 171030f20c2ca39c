"""Cài đặt › Sao lưu › Khôi phục: the window restores a backup, or refuses one and works on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.backup import archive
from app.dossiers import intake as intake_uc
from app.infra import datadir
from app.protect.windowlock import WindowLock, window_open
from db.models import Dossier
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, INTAKE
from tests.ui.conftest import sign_in


@pytest.fixture
def held(window, data_dir):
    """The window's hold on the data folder, as ``run`` takes it."""
    lock = WindowLock(data_dir)
    assert lock.acquire()
    window.ctx.window_lock = lock
    yield lock
    lock.release()


def _codes(db) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(Dossier.code)))


def _backup_two_then_a_third(db, data_dir, clerk, now) -> tuple[Path, set[str], str]:
    before = {intake_uc.receive(db, clerk, dict(INTAKE), now=now).code for _ in range(2)}
    made = Path(archive.make_backup(db, data_dir).file)
    third = intake_uc.receive(db, clerk, dict(INTAKE), now=now).code
    return made, before, third


def _backup_tab(qtbot, window):
    sign_in(qtbot, window, "admin", ADMIN_PASSWORD)
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.backup_tab)
    qtbot.waitUntil(lambda: page.backup_tab.table.rowCount() == 1, timeout=10_000)
    return page, page.backup_tab.restore_panel


def _asked(qtbot, panel) -> QMessageBox:
    qtbot.mouseClick(panel.selected_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.confirm_box is not None, timeout=30_000)
    return panel.confirm_box


def _look_up(qtbot, window, code: str) -> int:
    page = window.show_page("lookup")
    page.query.setText(code)
    page.table.setRowCount(0)
    page.run_query()
    qtbot.waitUntil(lambda: not window.ctx.tasks.is_busy and window.ctx.tasks.active == 0)
    qtbot.wait(50)
    return page.table.rowCount()


def test_the_admin_restores_a_backup_from_the_window(
    qtbot, window, held, db, data_dir, clerk, fixed_now
):
    made, before, third = _backup_two_then_a_third(db, data_dir, clerk, fixed_now)
    page, panel = _backup_tab(qtbot, window)
    box = _asked(qtbot, panel)
    # It says what goes and that a safety copy stays.
    assert "2 hồ sơ" in box.text() and "bản an toàn" in box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.mode == "sign_in", timeout=60_000)
    assert "Đã khôi phục" in window.sign_in.banner.text()
    assert window.ctx.actor is None and window.ctx.db is not None
    # The window still holds the folder: no ``restore`` from another process meanwhile.
    assert held.held and window_open(data_dir)
    (safety,) = datadir.backup_dir(data_dir).glob("before-restore-*")
    assert (safety / datadir.DB_NAME).stat().st_size > 0
    assert str(safety.resolve()) in window.sign_in.banner.text()

    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    assert window.mode == "work"
    assert _codes(window.ctx.db) == before
    assert _look_up(qtbot, window, third) == 0
    assert _look_up(qtbot, window, sorted(before)[0]) == 1
    # Not enrolled: the day's codes jumped ahead, so the third code is never handed out again.
    fourth = intake_uc.receive(window.ctx.db, clerk, dict(INTAKE), now=fixed_now).code
    assert fourth != third and fourth not in before
    window.grab().save(str(data_dir.parent / "restored.png"))


def test_a_damaged_backup_is_refused_and_the_window_works_on(
    qtbot, window, held, db, data_dir, clerk, fixed_now
):
    made, before, third = _backup_two_then_a_third(db, data_dir, clerk, fixed_now)
    raw = bytearray(made.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    made.write_bytes(bytes(raw))
    page, panel = _backup_tab(qtbot, window)
    qtbot.mouseClick(panel.selected_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.kind == "error", timeout=30_000)
    assert "mã băm" in page.banner.text() and "Không có gì bị thay đổi" in page.banner.text()
    assert panel.confirm_box is None
    assert window.mode == "work" and not list(datadir.backup_dir(data_dir).glob("before-*"))
    assert _look_up(qtbot, window, third) == 1
    assert _codes(window.ctx.db) == before | {third}


def test_a_restore_that_fails_after_closing_reopens_the_live_data(
    qtbot, window, held, db, data_dir, clerk, fixed_now
):
    made, before, third = _backup_two_then_a_third(db, data_dir, clerk, fixed_now)
    page, panel = _backup_tab(qtbot, window)
    box = _asked(qtbot, panel)
    # Changed on disk between the check and the click: the restore itself refuses it.
    raw = bytearray(made.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    made.write_bytes(bytes(raw))
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.banner.kind == "error", timeout=60_000)
    assert "mã băm" in page.banner.text()
    assert window.mode == "work" and window.ctx.actor is not None
    assert window.work.isEnabled() and window.ctx.db is not None
    assert _look_up(qtbot, window, third) == 1
    assert _codes(window.ctx.db) == before | {third}


def test_a_clerk_cannot_restore(qtbot, window, db, data_dir, clerk, fixed_now):
    _backup_two_then_a_third(db, data_dir, clerk, fixed_now)
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    panel = window.show_page("settings").backup_tab.restore_panel
    assert not panel.selected_button.isEnabled() and not panel.file_button.isEnabled()


def test_a_backup_from_a_usb_stick_is_checked_before_asking(
    qtbot, window, db, data_dir, clerk, fixed_now, tmp_path
):
    import shutil

    made, before, third = _backup_two_then_a_third(db, data_dir, clerk, fixed_now)
    usb = tmp_path / "usb"
    usb.mkdir()
    for f in (made, archive.manifest_path(made)):
        shutil.copy(f, usb / f.name)
    page, panel = _backup_tab(qtbot, window)
    qtbot.mouseClick(panel.file_button, Qt.MouseButton.LeftButton)
    dialog = panel.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(usb / made.name))
    dialog.accept()
    qtbot.waitUntil(lambda: panel.confirm_box is not None, timeout=30_000)
    assert str(usb / made.name) in panel.confirm_box.detailedText()
    panel.confirm_box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.mode == "work" and _codes(window.ctx.db) == before | {third}

"""Cài đặt › Sao lưu, and the daily backup the window makes while it runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.backup import archive
from app.dossiers import intake as intake_uc
from app.protect import keys
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, INTAKE
from tests.protect.test_integrity import scramble_a_page
from tests.ui.conftest import sign_in


def _daily_backups(data_dir: Path) -> list[Path]:
    return sorted(archive.default_destination(data_dir).glob(f"*{archive.SUFFIX}"))


def test_back_up_and_check_from_the_settings_tab(qtbot, window, db, data_dir, clerk, fixed_now):
    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    page = window.show_page("settings")
    tab = page.backup_tab
    page.tabs.setCurrentWidget(tab)
    # A clerk backs up; only an administrator chooses the second place.
    assert not page.fields["backup_second_destination"].isEnabled()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.kind == "success", timeout=60_000)
    assert "Đã sao lưu và kiểm tra" in page.banner.text()
    (made,) = _daily_backups(data_dir)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10_000)
    assert tab.table.item(0, 4).text() == str(made.resolve())
    assert tab.table.item(0, 2).text() == "1"
    page.banner.clear_message()
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.banner.kind == "success" and page.banner.isVisible(), timeout=10_000
    )
    assert "Bản sao lưu tốt" in page.banner.text()

    # A backup altered on disk is named as such.
    raw = bytearray(made.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    made.write_bytes(bytes(raw))
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.kind == "error", timeout=10_000)
    assert "mã băm" in page.banner.text()
    tab.grab().save(str(data_dir.parent / "backup-tab.png"))


def test_the_admin_sets_the_second_place(qtbot, window, data_dir, tmp_path):
    sign_in(qtbot, window, "admin", ADMIN_PASSWORD)
    page = window.show_page("settings")
    field = page.fields["backup_second_destination"]
    assert field.isEnabled()
    usb = tmp_path / "usb"
    field.setText(str(usb))
    page.save()
    qtbot.waitUntil(lambda: page.banner.kind == "success", timeout=10_000)
    qtbot.mouseClick(page.backup_tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nơi thứ hai" in page.banner.text(), timeout=60_000)
    (copy,) = usb.glob(f"*{archive.SUFFIX}")
    assert archive.verify_backup(copy, keys.load_key(data_dir)).ok


def test_the_window_makes_the_days_backup_once(qtbot, window, db, data_dir, clerk, fixed_now):
    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    daily = window.daily_backup
    assert daily.timer.isActive()
    with qtbot.waitSignal(daily.finished, timeout=60_000) as got:
        daily.run_if_due()
    assert got.args[0]["ok"] and got.args[0]["rows"]["dossier"] == 1
    assert window.backup_label.isVisible() and "Đã sao lưu" in window.backup_label.text()
    assert len(_daily_backups(data_dir)) == 1
    # Later the same day: nothing more to do.
    daily.run_if_due()
    qtbot.waitUntil(lambda: not daily.running, timeout=30_000)
    assert len(_daily_backups(data_dir)) == 1


def test_a_damaged_database_is_not_backed_up(qtbot, window, db, data_dir, clerk, fixed_now):
    for _ in range(20):
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    scramble_a_page(db)
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    qtbot.waitUntil(lambda: getattr(window, "integrity_box", None) is not None, timeout=10_000)
    window.integrity_box.close()
    window.integrity_box = None
    with qtbot.waitSignal(window.daily_backup.finished, timeout=60_000) as got:
        window.daily_backup.run_if_due()
    assert got.args[0]["ok"] is False and got.args[0]["integrity"]
    assert window.integrity_box is not None
    assert _daily_backups(data_dir) == []

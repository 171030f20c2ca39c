"""Cài đặt › Sao lưu, and the daily backup the window makes while it runs."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from app.backup import archive
from app.dossiers import intake as intake_uc
from app.protect import keys
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, INTAKE
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


def test_a_damaged_database_is_not_backed_up(qtbot, damaged_window, data_dir):
    win, good = damaged_window
    # The good backup is yesterday's: today's is still to be made.
    manifest = json.loads(archive.manifest_path(good).read_text())
    made = datetime.fromisoformat(manifest["created_at"]) - timedelta(days=1)
    manifest["created_at"] = made.isoformat()
    archive.manifest_path(good).write_text(json.dumps(manifest))
    qtbot.waitUntil(lambda: getattr(win, "integrity_box", None) is not None, timeout=20_000)
    win.integrity_box.close()
    win.integrity_box = None
    with qtbot.waitSignal(win.daily_backup.finished, timeout=60_000) as got:
        win.daily_backup.run_if_due()
    assert got.args[0]["ok"] is False and got.args[0]["integrity"]
    assert win.integrity_box is not None
    # Nothing was copied over the good backup made before the damage.
    assert _daily_backups(data_dir) == [good]


def test_the_audit_tab_filters_the_log(qtbot, window, db, clerk, fixed_now, data_dir):
    from app.dossiers import lookup

    lookup.lookup(db, clerk, INTAKE["applicant"]["id_number"])
    sign_in(qtbot, window, "admin", ADMIN_PASSWORD)
    page = window.show_page("settings")
    tab = page.audit_tab
    assert page.tabs.isTabEnabled(page.tabs.indexOf(tab))
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.page is not None, timeout=10_000)
    assert tab.table.rowCount() >= 2
    tab.officer.setCurrentIndex(tab.officer.findData("canbo1"))
    tab.action.setCurrentText("person.lookup")
    tab.page = None
    qtbot.mouseClick(tab.filter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.page is not None, timeout=10_000)
    assert tab.table.rowCount() == 1
    assert [tab.table.item(0, c).text() for c in (1, 2, 3)] == [
        "canbo1",
        "person.lookup",
        "id_number",
    ]
    assert INTAKE["applicant"]["id_number"] not in tab.table.item(0, 4).text()
    assert tab.count.text() == "1 mục khớp"
    window.grab().save(str(data_dir.parent / "audit-tab.png"))


def test_a_clerk_has_no_audit_tab(qtbot, window):
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    page = window.show_page("settings")
    assert not page.tabs.isTabEnabled(page.tabs.indexOf(page.audit_tab))

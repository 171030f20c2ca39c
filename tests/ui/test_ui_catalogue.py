"""Cài đặt → Thủ tục: a supervisor edits the catalogue in the window, with real key events."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import Procedure
from tests.ui.conftest import type_text


def _open_tab(qtbot, win):
    page = win.show_page("settings")
    page.tabs.setCurrentWidget(page.catalogue_tab)
    tab = page.catalogue_tab
    qtbot.waitUntil(lambda: tab.table.rowCount() >= 30, timeout=10_000)
    return page, tab


def _row(db, code: str) -> Procedure:
    with db.read() as session:
        row = session.scalar(select(Procedure).where(Procedure.code == code))
        session.expunge(row)
        return row


def test_a_supervisor_sets_a_missing_processing_time_in_the_window(qtbot, admin_window, db):
    page, tab = _open_tab(qtbot, admin_window)
    assert tab.select_code("1.004884")
    qtbot.waitUntil(lambda: tab.title.text().startswith("1.004884"))
    assert tab.processing.text() == ""
    tab.processing.setFocus()
    type_text(tab.processing, "05 ngày làm việc")
    tab.fee.clear()
    type_text(tab.fee, "8.000 đồng")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _row(db, "1.004884").processing_value == 5, timeout=10_000)
    row = _row(db, "1.004884")
    assert (row.processing_unit, row.fee_amount) == ("working_days", 8000)
    qtbot.waitUntil(lambda: "1.004884" in page.banner.text())


def test_an_unreadable_time_is_refused_with_a_vietnamese_message(qtbot, admin_window, db):
    page, tab = _open_tab(qtbot, admin_window)
    assert tab.select_code("1.004884")
    qtbot.waitUntil(lambda: tab.title.text().startswith("1.004884"))
    type_text(tab.processing, "tùy trường hợp")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Không đọc được thời hạn" in page.banner.text(), timeout=10_000)
    assert _row(db, "1.004884").processing_value is None


def test_import_from_a_spreadsheet_in_the_window(qtbot, admin_window, db, tmp_path: Path):
    page, tab = _open_tab(qtbot, admin_window)
    book = openpyxl.Workbook()
    book.active.append(("Mã", "Tên", "Lĩnh vực", "Cấp", "Thời hạn", "Phí", "Thành phần"))
    book.active.append(("1.009996", "Thủ tục của tỉnh", "Hộ tịch", "Xã", "03 ngày làm việc"))
    path = tmp_path / "ds.xlsx"
    book.save(path)
    tab.import_file(path)
    qtbot.waitUntil(lambda: tab.select_code("1.009996"), timeout=10_000)
    assert _row(db, "1.009996").processing_value == 3


def test_a_clerk_sees_the_catalogue_but_cannot_save(qtbot, clerk_window):
    _, tab = _open_tab(qtbot, clerk_window)
    assert not tab.save_button.isEnabled() and not tab.import_button.isEnabled()

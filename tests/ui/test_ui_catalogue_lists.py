"""Cài đặt → Thủ tục: a procedure's components and fee exemptions edited in the window.

Before, the editor had no way to change either list. Now each opens a table
dialog; what is saved goes through ``catalogue_edit.set_procedure`` (audited,
synced), survives a catalogue refresh, and a bad row is refused in the dialog
with nothing written.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from app.dossiers import dossier_query, intake
from app.office import catalogue
from tests.conftest import INTAKE, snapshot
from tests.ui.test_ui_catalogue import _open_tab

CODE = "1.001193"  # Đăng ký khai sinh


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open(qtbot, tab, button):
    assert tab.select_code(CODE)
    qtbot.waitUntil(lambda: tab.title.text().startswith(CODE))
    _click(qtbot, button)
    qtbot.waitUntil(lambda: tab.list_dialog is not None and tab.list_dialog.isVisible())
    return tab.list_dialog


def test_components_are_edited_kept_across_a_refresh_and_old_dossiers_keep_theirs(
    qtbot, admin_window, db, admin
):
    data = copy.deepcopy(INTAKE)
    data.pop("received_at")
    old = intake.receive(db, admin, data)  # lists components 1 and 2
    page, tab = _open_tab(qtbot, admin_window)
    dialog = _open(qtbot, tab, tab.components_button)
    before = dialog.values()
    assert [r["name"] for r in before] == [c["name"] for c in catalogue.components_of(db, CODE)]

    # An empty name: refused in the dialog, nothing written.
    _click(qtbot, dialog.findChild(type(dialog.ok_button), "list_add"))
    stamp = snapshot(db.path)
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.banner.kind == "error")
    assert "tên" in dialog.banner.text() and dialog.isVisible()
    assert snapshot(db.path) == stamp

    # Name the new row, drop the second one, and save.
    last = dialog.table.rowCount() - 1
    dialog.table.setItem(last, 0, QTableWidgetItem("Giấy xác nhận nơi cư trú"))
    dialog.table.setItem(last, 2, QTableWidgetItem("1"))
    dialog.table.setCurrentCell(1, 0)
    _click(qtbot, dialog.findChild(type(dialog.ok_button), "list_remove"))
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    now = catalogue.components_of(db, CODE)
    assert [c["name"] for c in now] == [
        before[0]["name"],
        *[r["name"] for r in before[2:]],
        "Giấy xác nhận nơi cư trú",
    ]
    assert [c["index"] for c in now] == list(range(1, len(now) + 1))
    assert now[-1]["copies"] == 1

    # A catalogue refresh keeps the office's list.
    with db.write() as session:
        catalogue.import_seed(session)
    assert catalogue.components_of(db, CODE) == now
    # The dossier received before keeps the components it listed.
    kept = dossier_query.detail(db, admin, old.code).components
    assert [c.name for c in kept] == [r["name"] for r in before[:2]]


def test_fee_exemptions_are_edited_and_offered_at_intake(qtbot, admin_window, db):
    page, tab = _open_tab(qtbot, admin_window)
    dialog = _open(qtbot, tab, tab.exemptions_button)
    start = dialog.table.rowCount()
    for code, label in (("HN", "Hộ nghèo"), ("HN", "Người có công")):
        _click(qtbot, dialog.findChild(type(dialog.ok_button), "list_add"))
        row = dialog.table.rowCount() - 1
        dialog.table.setItem(row, 0, QTableWidgetItem(code))
        dialog.table.setItem(row, 1, QTableWidgetItem(label))
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.banner.kind == "error")
    assert "trùng" in dialog.banner.text()
    dialog.table.setItem(start + 1, 0, QTableWidgetItem("NCC"))
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    summary = next(p for p in catalogue.list_procedures(db) if p.code == CODE)
    assert summary.fee_exemptions[-2:] == [
        {"code": "HN", "label": "Hộ nghèo"},
        {"code": "NCC", "label": "Người có công"},
    ]
    assert "fee_exemptions" in summary.office_edits


def test_the_portal_link_is_typed_in_the_editor(qtbot, admin_window, db):
    from tests.ui.conftest import type_text

    page, tab = _open_tab(qtbot, admin_window)
    assert tab.select_code(CODE)
    qtbot.waitUntil(lambda: tab.title.text().startswith(CODE))
    assert tab.portal_url.text() == ""
    type_text(tab.portal_url, "dichvucong.gov.vn/thu-tuc")
    _click(qtbot, tab.save_button)
    qtbot.waitUntil(lambda: page.banner.kind == "error")
    assert "https://" in page.banner.text()
    tab.portal_url.clear()
    type_text(tab.portal_url, "https://dichvucong.gov.vn/thu-tuc/1")
    _click(qtbot, tab.save_button)
    qtbot.waitUntil(lambda: page.banner.kind == "success", timeout=10_000)
    summary = next(p for p in catalogue.list_procedures(db) if p.code == CODE)
    assert summary.portal_url == "https://dichvucong.gov.vn/thu-tuc/1"

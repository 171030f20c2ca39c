"""A keyboard-wedge scanner as the X server delivers it: Shift, AltGr, dead keys, slow codes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.dossiers import intake
from tests.conftest import INTAKE
from tests.ui.conftest import scanner_type
from tests.ui.test_ui_counter_flow import CARD, all_line_edit_text


def assert_card_filled(page) -> None:
    a = page.applicant
    assert a.id_number.text() == "001190012345"
    assert a.full_name.text() == "Trần Thị Hoa"
    assert a.birth_date.text() == "15/07/1990"
    assert a.sex.currentData() == "Nữ"
    assert "|" not in all_line_edit_text(page)


def test_shift_held_for_the_bar_does_not_lose_the_scan(qtbot, clerk_window):
    page = clerk_window.pages["receive"]
    field = page.applicant.id_number
    field.setFocus()
    with qtbot.waitSignal(page.scanner.scanned, timeout=3000):
        scanner_type(qtbot, field, CARD + "\n")
    assert_card_filled(page)


def test_a_scan_into_a_name_field_with_text_keeps_that_text(qtbot, clerk_window):
    page = clerk_window.pages["receive"]
    field = page.applicant.address
    scanner_type(qtbot, field, "abc")
    with qtbot.waitSignal(page.scanner.scanned, timeout=3000):
        scanner_type(qtbot, field, CARD + "\n")
    assert page.applicant.full_name.text() == "Trần Thị Hoa"
    assert "|" not in all_line_edit_text(page)


def test_a_scan_while_a_button_has_focus(qtbot, clerk_window):
    page = clerk_window.pages["receive"]
    page.new_button.setFocus()
    with qtbot.waitSignal(page.scanner.scanned, timeout=3000):
        scanner_type(qtbot, page.new_button, CARD + "\n")
    assert_card_filled(page)


def test_dead_keys_and_shifted_digits(qtbot, clerk_window):
    page = clerk_window.pages["receive"]
    field = page.applicant.phone
    with qtbot.waitSignal(page.scanner.scanned, timeout=3000):
        scanner_type(qtbot, field, CARD + "\n", letters="dead", shift_digits=True)
    assert_card_filled(page)


def test_a_slow_scanner_typing_alt_codes_without_enter(qtbot, clerk_window):
    # Each Vietnamese letter costs four numpad keys 60 ms apart: a quarter of
    # a second with no character, far beyond any "faster than 50 ms" rule.
    page = clerk_window.pages["receive"]
    field = page.picker.search
    with qtbot.waitSignal(page.scanner.scanned, timeout=15_000):
        scanner_type(qtbot, field, CARD, letters="altcode", code_gap_ms=60)
    assert_card_filled(page)
    assert field.text() == ""


def test_a_scanned_receipt_opens_its_dossier(qtbot, clerk_window, db, clerk):
    result = intake.receive(db, clerk, INTAKE)
    page = clerk_window.pages["receive"]
    scanner_type(qtbot, page.applicant.full_name, result.lookup_url + "\n")
    dossiers = clerk_window.pages["dossiers"]
    qtbot.waitUntil(lambda: clerk_window.stack.currentWidget() is dossiers)
    qtbot.waitUntil(lambda: dossiers.detail.view is not None)
    assert dossiers.detail.view.code == result.code
    assert all("tra-cuu" not in e.text() for e in page.findChildren(QLineEdit))


def test_f2_from_every_screen_opens_a_new_dossier(qtbot, clerk_window):
    page = clerk_window.pages["receive"]
    for name in ("dossiers", "lookup", "return", "sync", "settings"):
        clerk_window.show_page(name)
        qtbot.keyClick(QApplication.focusWidget() or clerk_window, Qt.Key.Key_F2)
        assert clerk_window.stack.currentWidget() is page, name
        assert QApplication.focusWidget() is page.picker.search


@pytest.mark.skipif(shutil.which("socat") is None, reason="socat is in .ci/debian-packages")
def test_a_serial_scanner_through_a_pty(qtbot, clerk_window, tmp_path):
    scanner_end, app_end = tmp_path / "scanner", tmp_path / "ttyACM0"
    socat = subprocess.Popen(
        ["socat", f"pty,raw,echo=0,link={scanner_end}", f"pty,raw,echo=0,link={app_end}"],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 5
        while not (scanner_end.exists() and app_end.exists()) and time.monotonic() < deadline:
            time.sleep(0.02)
        clerk_window.ctx.settings["scanner_serial_port"] = str(app_end)
        page = clerk_window.pages["receive"]
        page.activated()
        assert page.serial is not None and page.serial.port.isOpen()
        fd = os.open(scanner_end, os.O_WRONLY)
        try:
            with qtbot.waitSignal(page.scanner.scanned, timeout=3000):
                # Sent in two pieces, as a serial line does; UTF-8, CR at the end.
                raw = (CARD + "\r").encode()
                os.write(fd, raw[:40])
                qtbot.wait(50)
                os.write(fd, raw[40:])
            assert_card_filled(page)
            os.write(fd, b"hello\n")
            qtbot.waitUntil(lambda: page.banner.kind == "error")
            assert "không phải mã QR" in page.banner.text()
        finally:
            os.close(fd)
    finally:
        socat.send_signal(signal.SIGTERM)
        socat.wait(5)

"""The window checks the database once it is up, before anyone signs in."""

from __future__ import annotations

from tests.conftest import CLERK_PASSWORD
from tests.ui.conftest import sign_in


def test_the_window_says_so_before_sign_in_and_names_the_backup(qtbot, damaged_window):
    win, backup = damaged_window
    assert win.mode == "sign_in"
    qtbot.waitUntil(lambda: getattr(win, "integrity_box", None) is not None, timeout=20_000)
    box = win.integrity_box
    assert "restore" in box.text()
    assert str(backup) in box.informativeText()
    assert box.detailedText() == f'motcua-desk restore "{backup}"'
    # Nobody signs in to it: what they would enter could be lost.
    assert not win.sign_in.isEnabled()
    box.close()


def test_an_intact_database_lets_the_clerk_in(qtbot, window):
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    assert window.ctx.tasks.wait_for_done(20_000)
    qtbot.wait(100)  # the check's answer is delivered on the GUI thread
    assert getattr(window, "integrity_box", None) is None and window.sign_in.isEnabled()

"""The window checks the database once it is up and says when a page is damaged."""

from __future__ import annotations

from app.dossiers import intake as intake_uc
from tests.conftest import CLERK_PASSWORD, INTAKE
from tests.protect.test_integrity import scramble_a_page
from tests.ui.conftest import sign_in


def test_the_window_says_so_after_sign_in(qtbot, window, db, clerk, fixed_now):
    for _ in range(20):
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    scramble_a_page(db)
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    qtbot.waitUntil(lambda: getattr(window, "integrity_box", None) is not None, timeout=10_000)
    assert "restore" in window.integrity_box.text()
    window.integrity_box.close()

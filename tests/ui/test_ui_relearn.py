"""After a restore the window refuses a new code in plain words, and says when it skipped ahead."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.backup import skip_ahead
from app.infra import clock
from app.office import relearn_flag
from db.models import Dossier, OutboxEvent
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD
from tests.ui.conftest import sign_in, type_text
from tests.ui.test_ui_counter_flow import CARD, pick_procedure


def _flag(db, state: str) -> None:
    with db.write() as session:
        relearn_flag.put(session, state, date(2026, 2, 12), clock.now())


def _written(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Dossier.id))) + session.scalar(
            select(func.count(OutboxEvent.id))
        )


def test_a_restored_station_refuses_a_new_code_until_it_has_synced(
    qtbot, clerk_window, db, previews
):
    _flag(db, relearn_flag.PENDING)
    page = clerk_window.pages["receive"]
    pick_procedure(qtbot, page, "tam tru", "1.004194")
    a = page.applicant
    a.id_number.setFocus()
    with qtbot.waitSignal(page.scanner.scanned, timeout=2000):
        type_text(a.id_number, CARD + "\n")
    before = _written(db)
    page.components.setFocus()
    qtbot.keyClick(page.components, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "khôi phục" in page.banner.text(), timeout=10_000)
    assert "Đồng bộ" in page.banner.text()
    assert _written(db) == before and not previews.jobs
    # What was typed stays, to receive once the station has synced.
    assert a.full_name.text() == "Trần Thị Hoa"


def test_the_status_bar_says_the_codes_skipped_ahead(qtbot, window, db):
    _flag(db, relearn_flag.OFFLINE)
    sign_in(qtbot, window, "admin", ADMIN_PASSWORD)
    window.refresh_status()
    qtbot.waitUntil(lambda: window.warning_label.isVisible(), timeout=10_000)
    shown = window.warning_label.text() + window.warning_label.toolTip()
    assert f"nhảy trước {skip_ahead.MARGIN}" in shown


def test_a_clerk_sees_at_the_counter_that_codes_skipped_ahead(qtbot, window, db):
    _flag(db, relearn_flag.OFFLINE)
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    page = window.pages["receive"]
    notice = page.restore_notice
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=10_000)
    assert f"nhảy trước {skip_ahead.MARGIN}" in notice.text()
    # The supervisors' status-bar line stays theirs.
    assert not window.warning_label.isVisible()
    # Once the station has relearnt its codes, the strip goes.
    with db.write() as session:
        relearn_flag.clear(session, clock.now())
    window.refresh_status()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=10_000)


def test_a_clerk_sees_at_the_counter_that_codes_are_held_back(qtbot, window, db):
    _flag(db, relearn_flag.PENDING)
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    notice = window.pages["receive"].restore_notice
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=10_000)
    assert "chưa cấp mã hồ sơ mới" in notice.text()

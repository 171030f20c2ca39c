"""The citizen's rating screen, offscreen: touch, keypad, criteria, and the clerk's keys left alone.

The same screen on a real second X screen, with real key events, is
``test_ui_customer_xvfb.py``.
"""

from __future__ import annotations

import copy
from datetime import datetime

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.dossiers import intake as intake_uc
from app.dossiers import ratings
from app.office import settings_admin
from db.models import SatisfactionRating

NOW = datetime(2026, 2, 13, 9, 30)


def _stored(db) -> list[tuple[str, int, str, dict]]:
    with db.read() as session:
        return [
            (r.stage, r.score, r.channel, r.criteria)
            for r in session.scalars(select(SatisfactionRating).order_by(SatisfactionRating.id))
        ]


def _dossier(win, intake) -> str:
    return intake_uc.receive(win.ctx.db, win.ctx.actor, copy.deepcopy(intake), now=NOW).code


def test_one_screen_station_asks_nobody(qtbot, clerk_window, intake):
    win = clerk_window
    code = _dossier(win, intake)
    assert win.customer.target_screen() is None  # offscreen has a single screen
    win.customer.ask(code, "intake")
    win.ctx.tasks.wait_for_done(5000)
    qtbot.wait(50)
    assert not win.customer.isVisible()


def test_the_keypad_rates_while_the_clerk_keeps_the_keyboard(qtbot, clerk_window, intake):
    win = clerk_window
    code = _dossier(win, intake)
    screen = win.customer
    screen.present(ratings.question(win.ctx.db, win.ctx.actor, code, "intake"))
    assert screen.isVisible() and screen.waiting
    assert screen.title.text() == "Ông/bà hài lòng thế nào với việc tiếp nhận hồ sơ?"
    assert not screen.qr.isVisible(), "no public address citizens can reach: no QR"
    # A keypad "3" typed into the clerk's text field stays the clerk's.
    search = win.pages["receive"].picker.search
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)
    assert search.text() == "3" and screen.waiting
    # The same key with the focus elsewhere is the citizen's rating.
    win.nav.setFocus()
    with qtbot.waitSignal(screen.rated, timeout=5000):
        qtbot.keyClick(win.nav, Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)
    assert _stored(win.ctx.db) == [("intake", 3, "keypad", {})]
    assert screen.thanks.text() == "Cảm ơn ông/bà đã đánh giá!"
    qtbot.waitUntil(lambda: not screen.isVisible(), timeout=6000)
    # A keypad key now goes where it always went.
    qtbot.keyClick(win.nav, Qt.Key.Key_1, Qt.KeyboardModifier.KeypadModifier)
    assert _stored(win.ctx.db) == [("intake", 3, "keypad", {})]
    assert ratings.question(win.ctx.db, win.ctx.actor, code, "intake") is None


def test_num_lock_off_keypad_and_criteria_by_touch(qtbot, clerk_window, intake, admin):
    win = clerk_window
    settings_admin.update(win.ctx.db, admin, {"rating_criteria": "attitude,waiting"})
    code = _dossier(win, intake)
    screen = win.customer
    screen.present(ratings.question(win.ctx.db, win.ctx.actor, code, "intake"))
    assert [r.key for r in screen.rows] == ["", "attitude", "waiting"]
    assert screen.send.isVisible() and not screen.send.isEnabled()
    win.nav.setFocus()
    # Num Lock off: the keypad's 2 arrives as Down.
    qtbot.keyClick(win.nav, Qt.Key.Key_Down, Qt.KeyboardModifier.KeypadModifier)
    assert screen.rows[0].score == 2 and screen.current == 1
    assert screen.send.isEnabled()
    qtbot.mouseClick(screen.rows[2].buttons[1], Qt.MouseButton.LeftButton)
    assert screen.current == 1
    with qtbot.waitSignal(screen.rated, timeout=5000):
        qtbot.mouseClick(screen.rows[1].buttons[3], Qt.MouseButton.LeftButton)
    assert _stored(win.ctx.db) == [("intake", 2, "screen", {"attitude": 3, "waiting": 1})]


def test_unanswered_question_goes_away_and_stores_nothing(qtbot, clerk_window, intake):
    win = clerk_window
    code = _dossier(win, intake)
    screen = win.customer
    screen.wait_ms = 300
    with qtbot.waitSignal(screen.dismissed, timeout=3000):
        screen.present(ratings.question(win.ctx.db, win.ctx.actor, code, "intake"))
    assert not screen.isVisible() and _stored(win.ctx.db) == []


def test_settings_choose_the_screen_and_the_criteria(qtbot, admin_window, intake):
    from app.office import settings

    win = admin_window
    page = win.show_page("settings")
    criteria = page.fields["rating_criteria"]
    criteria.setText("attitude, teleport")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.errors.text("rating_criteria") != "")
    assert "Không có tiêu chí đánh giá “teleport”" in page.errors.text("rating_criteria")
    criteria.setText("waiting, attitude")
    screen = page.fields["customer_screen"]
    assert screen.currentData() == "auto"  # the default: a second screen if there is one
    screen.setCurrentIndex(screen.findData("off"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.kind == "success")
    with win.ctx.db.read() as session:
        assert settings.get(session, "rating_criteria") == "attitude,waiting"
        assert settings.get(session, "customer_screen") == "off"
    assert win.ctx.settings["customer_screen"] == "off"
    assert win.customer.target_screen() is None
    code = _dossier(win, intake)
    question = ratings.question(win.ctx.db, win.ctx.actor, code, "intake")
    assert [key for key, _ in question.criteria] == ["attitude", "waiting"]

"""Run by ``test_ui_customer_xvfb.py`` inside an Xvfb with two X screens (``QT_QPA_PLATFORM=xcb``).

Not collected on its own (its name does not start with ``test_``): it needs
the X server that test starts. The clerk works on screen 0; the citizen's
rating screen must open on screen 1 and take real key and mouse events sent
through the X server by xdotool.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from app.domain.status import Status
from app.dossiers import progress
from app.office import settings_admin
from db.models import SatisfactionRating
from tests.conftest import CLERK_PASSWORD
from tests.ui.conftest import confirm_click, sign_in
from tests.ui.test_ui_counter_flow import pick_procedure, receive
from tests.ui.xserver import xdotool

PUBLIC = "https://dichvucong.tanlap.gov.vn"


def _stored(db) -> list[tuple[str, int, str]]:
    with db.read() as session:
        return [
            (r.stage, r.score, r.channel)
            for r in session.scalars(select(SatisfactionRating).order_by(SatisfactionRating.id))
        ]


def _grab(display: str, path: Path) -> None:
    from PIL import ImageGrab

    path.parent.mkdir(parents=True, exist_ok=True)
    ImageGrab.grab(xdisplay=display).save(path)


def test_rating_on_the_second_screen(qtbot, admin, db, data_dir, previews, tmp_path):
    display = os.environ["DISPLAY"]
    shots = Path(os.environ.get("MOTCUA_SCREENSHOT_DIR") or tmp_path)
    settings_admin.update(db, admin, {"public_base_url": PUBLIC})
    screens = QGuiApplication.screens()
    assert [s.geometry().width() for s in screens] == [1366, 1024]

    from ui.shell.app import create_window

    win = create_window(data_dir, db=db, preview_factory=previews)
    win.warn_on_quit = False
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    # No window manager: the X server gives the counter window the focus.
    xdotool(display, "windowfocus", "--sync", str(int(win.winId())))
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    sign_in(qtbot, win, "canbo1", CLERK_PASSWORD)
    assert win.screen() is screens[0]

    # The clerk receives a dossier in the counter window.
    page = win.pages["receive"]
    pick_procedure(qtbot, page, "dang ky khai sinh", "1.001193")
    a = page.applicant
    qtbot.keyClicks(a.id_number, "001085012345")
    qtbot.keyClicks(a.full_name, "Nguyen Van Duc")
    qtbot.keyClicks(a.birth_date, "12/03/1985")
    a.sex.setCurrentIndex(a.sex.findData("Nam"))
    qtbot.keyClicks(a.address, "Thon Dong, xa Tan Lap, Ha Noi")
    a.phone.setFocus()
    code = receive(qtbot, win, page, previews)

    # The citizen's screen opens full-screen on the second monitor.
    customer = win.customer
    qtbot.waitUntil(lambda: customer.isVisible() and customer.waiting, timeout=10_000)
    assert customer.windowHandle().screen() is screens[1]
    assert customer.geometry() == screens[1].geometry()
    assert not customer.isActiveWindow(), "the clerk keeps the keyboard"
    qtbot.wait(400)  # painted
    shot = shots / "customer-screen.png"
    _grab(f"{display}.1", shot)
    decoded = subprocess.run(
        ["zbarimg", "--raw", "-q", str(shot)], capture_output=True, text=True, check=True
    ).stdout.split()
    secret = page.last_result.lookup_secret
    assert decoded == [f"{PUBLIC}/tra-cuu/{code}?k={secret}#danh-gia"]

    # The numeric keypad's 3, pressed through the X server while the clerk's
    # window has the focus (outside any text field).
    win.nav.setFocus()
    assert win.isActiveWindow()
    with qtbot.waitSignal(customer.rated, timeout=10_000):
        xdotool(display, "key", "KP_3")
    assert _stored(db) == [("intake", 3, "keypad")]
    qtbot.waitUntil(lambda: not customer.isVisible(), timeout=10_000)

    # The result is handed over: the citizen touches "Bình thường" on screen 1.
    progress.change_status(db, win.ctx.actor, code, Status.PROCESSING, now=datetime.now())
    progress.change_status(db, win.ctx.actor, code, Status.RESOLVED, now=datetime.now())
    win.return_dossier(code)
    ret = win.pages["return"]
    qtbot.waitUntil(lambda: ret.dossier is not None and ret.confirm.isEnabled(), timeout=10_000)
    confirm_click(qtbot, ret.confirm)  # the first press asks, the second hands over
    qtbot.waitUntil(lambda: customer.isVisible() and customer.waiting, timeout=10_000)
    assert customer.title.text() == "Ông/bà hài lòng thế nào với việc trả kết quả?"
    button = customer.rows[0].buttons[2]
    centre = button.mapToGlobal(button.rect().center())
    with qtbot.waitSignal(customer.rated, timeout=10_000):
        xdotool(
            display, "mousemove", "--screen", "1", str(centre.x()), str(centre.y()), "click", "1"
        )
    assert _stored(db) == [("intake", 3, "keypad"), ("return", 2, "screen")]
    win.close()

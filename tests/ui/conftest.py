"""Fixtures for driving the real window offscreen with pytest-qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD  # noqa: E402
from ui.widgets.print_preview import PrintJob  # noqa: E402


@dataclass
class PreviewSpy:
    """Stands in for the print preview dialog: keeps every job instead of showing it."""

    jobs: list[PrintJob] = field(default_factory=list)

    def __call__(self, parent, job: PrintJob, printer_name: str):
        self.jobs.append(job)
        return None

    @property
    def last_pdf(self) -> bytes:
        return self.jobs[-1].pdf


@pytest.fixture
def previews() -> PreviewSpy:
    return PreviewSpy()


@pytest.fixture
def window(qtbot, db, data_dir, previews) -> Iterator:
    from ui.shell.app import create_window

    win = create_window(data_dir, db=db, preview_factory=previews)
    # Recognising text after every save would cost each capture test seconds
    # of CPU; the tests of that feature turn it back on.
    win.ctx.settings["capture_ocr"] = "0"
    # Tests close the window once at the end; the quit warning has a test of its own.
    win.warn_on_quit = False
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.close()
    win.ctx.tasks.wait_for_done(10_000)


@pytest.fixture
def damaged_window(qtbot, db, data_dir, clerk, fixed_now, previews):
    """A window opened on a database with a scrambled page (a good backup made before)."""
    from app.backup import archive
    from app.dossiers import intake as intake_uc
    from tests.conftest import INTAKE
    from tests.protect.test_integrity import scramble_a_page
    from ui.shell.app import create_window

    for _ in range(20):
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    made = archive.make_backup(db, data_dir)
    scramble_a_page(db)
    win = create_window(data_dir, db=db, preview_factory=previews)
    win.warn_on_quit = False
    qtbot.addWidget(win)
    win.show()
    yield win, Path(made.file).resolve()
    win.close()
    win.ctx.tasks.wait_for_done(10_000)


def sign_in(qtbot, win, username: str, password: str) -> None:
    from PySide6.QtCore import Qt

    page = win.sign_in
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.password, password)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.mode == "work", timeout=10_000)


@pytest.fixture
def clerk_window(qtbot, window):
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    return window


@pytest.fixture
def admin_window(qtbot, window):
    sign_in(qtbot, window, "admin", ADMIN_PASSWORD)
    return window


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, as a keyboard (or a USB scanner) would.

    ``qtbot.keyClicks`` only knows ASCII; Vietnamese letters arrive from a real
    keyboard as key events carrying their text, which is what this sends.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isprintable() else 0
        if ch == "\n":
            key, ch = int(Qt.Key.Key_Return), "\r"
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


# Characters a US-layout keyboard (and so a keyboard-wedge scanner) types with Shift held.
SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')


def scanner_type(
    qtbot,
    widget,
    text: str,
    *,
    gap_ms: int = 0,
    code_gap_ms: int = 0,
    letters: str = "text",
    shift_digits: bool = False,
) -> None:
    """Type ``text`` into ``widget`` the way a keyboard-wedge scanner does.

    Shift is pressed and released around every shifted character (``|``,
    ``:``, capitals), as separate key events without text, exactly as the X
    server delivers them; the events go through ``QApplication.notify``, so a
    key the field ignores travels on to its parents. Letters outside ASCII
    arrive as ``letters`` says:

    * ``"text"``: one key event carrying the letter (a remapped key);
    * ``"dead"``: a dead key (no text), then the composed letter as an
      input-method commit;
    * ``"altcode"``: Alt held, four numpad digits, Alt released, then the
      letter (Windows Alt+numpad codes).

    ``shift_digits`` types digits with Shift held (AZERTY's top row).
    ``gap_ms`` waits between characters and ``code_gap_ms`` between the keys
    of an Alt+numpad code, letting timers run.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QInputMethodEvent, QKeyEvent
    from PySide6.QtWidgets import QApplication

    mods = Qt.KeyboardModifier
    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease

    def send(kind, key, modifiers=mods.NoModifier, ch=""):
        QApplication.sendEvent(widget, QKeyEvent(kind, int(key), modifiers, ch))

    def tap(key, modifiers=mods.NoModifier, ch=""):
        send(press, key, modifiers, ch)
        send(release, key, modifiers, ch)

    for ch in text:
        if ch == "\n":
            tap(Qt.Key.Key_Return, ch="\r")
        elif not ch.isascii():
            if letters == "dead":
                tap(Qt.Key.Key_Dead_Grave)
                event = QInputMethodEvent("", [])
                event.setCommitString(ch)
                QApplication.sendEvent(widget, event)
            elif letters == "altcode":
                send(press, Qt.Key.Key_Alt, mods.AltModifier)
                for digit in f"{ord(ch):04d}"[-4:]:
                    tap(Qt.Key.Key_0 + int(digit), mods.AltModifier | mods.KeypadModifier, digit)
                    if code_gap_ms:
                        qtbot.wait(code_gap_ms)
                send(release, Qt.Key.Key_Alt)
                tap(0, ch=ch)
            else:
                tap(0, ch=ch)
        else:
            shifted = ch in SHIFTED or ch.isupper() or (shift_digits and ch.isdigit())
            key = ord(ch.upper()) if ch.isprintable() else 0
            if shifted:
                send(press, Qt.Key.Key_Shift, mods.ShiftModifier)
            tap(key, mods.ShiftModifier if shifted else mods.NoModifier, ch)
            if shifted:
                send(release, Qt.Key.Key_Shift)
        if gap_ms:
            qtbot.wait(gap_ms)


def confirm_click(qtbot, button) -> None:
    """A status change asks first: click, then click again to confirm."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture(autouse=True, scope="session")
def _collect_on_gui_thread(qapp) -> None:
    """As in the window: widgets made by a test alone are collected on this thread too."""
    from ui.shell import gc_guard

    gc_guard.install()

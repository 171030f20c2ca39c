"""Fixtures for driving the real window offscreen with pytest-qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

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
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
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

"""The running window under a real X server, typed into by xdotool as a scanner would.

``xdotool type`` presses Shift for ``|`` and remaps a spare key for each
Vietnamese letter, as the X server of a counter PC delivers a keyboard-wedge
scanner's payload. The dossier received at the end proves the form was filled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CLERK_PASSWORD
from tests.ui.test_ui_counter_flow import CARD
from tests.ui.xserver import available, map_letters, xdotool, xvfb

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available(), reason="Xvfb and xdotool are in .ci/debian-packages"),
]


def lookup(data_dir: Path, query: str) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "--json", "lookup", query],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return json.loads(out.stdout)["results"]


def typed(display: str, text: str, delay_ms: int) -> None:
    """Type ``text`` then press Enter (``xdotool type`` drops a newline)."""
    xdotool(display, "type", "--delay", str(delay_ms), text)
    xdotool(display, "key", "Return")


def screenshot(display: str, path: Path) -> None:
    from PIL import ImageGrab

    ImageGrab.grab(xdisplay=display).save(path)
    print(f"screen: {path}")


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def test_a_card_typed_by_xdotool_fills_the_form_of_the_running_window(db, data_dir, tmp_path):
    db.dispose()
    with xvfb() as display:
        map_letters(display, CARD)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        log = (tmp_path / "window.log").open("w")
        window = subprocess.Popen(
            [sys.executable, "main.py", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wid = xdotool(
                display, "search", "--sync", "--onlyvisible", "--name", "^MotCua Desk —"
            ).split()[0]
            xdotool(display, "windowfocus", "--sync", wid)
            typed(display, "canbo1", 20)
            typed(display, CLERK_PASSWORD, 20)
            wait_for(
                lambda: "Trần Thị Hoa" in xdotool(display, "getwindowname", wid), 30, "sign-in"
            )
            typed(display, "tam tru", 20)
            # The scanner: 12 ms a key, Shift for every "|", then Enter.
            typed(display, CARD, 12)
            xdotool(display, "key", "ctrl+Return")
            found: list[dict] = []

            def received() -> bool:
                found[:] = lookup(data_dir, "001190012345")
                return bool(found)

            wait_for(received, 60, "the dossier to be received")
        except BaseException:
            screenshot(display, tmp_path / "failed.png")
            raise
        finally:
            window.terminate()
            window.wait(20)
            log.close()
    (dossier,) = found
    assert dossier["applicant_name"] == "Trần Thị Hoa"
    assert dossier["procedure_code"] == "1.004194"
    assert dossier["applicant_birth_date"] == "1990-07-15"


def test_f1_opens_the_help_of_the_screen_in_front_of_the_clerk(db, data_dir, tmp_path):
    db.dispose()
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        log = (tmp_path / "window.log").open("w")
        window = subprocess.Popen(
            [sys.executable, "main.py", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

        def shown(name: str) -> list[str]:
            out = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", name],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
                text=True,
            )
            return out.stdout.split()

        try:
            wid = xdotool(
                display, "search", "--sync", "--onlyvisible", "--name", "^MotCua Desk —"
            ).split()[0]
            xdotool(display, "windowfocus", "--sync", wid)
            typed(display, "canbo1", 20)
            typed(display, CLERK_PASSWORD, 20)
            wait_for(
                lambda: "Trần Thị Hoa" in xdotool(display, "getwindowname", wid), 30, "sign-in"
            )
            xdotool(display, "key", "F1")
            wait_for(lambda: bool(shown("Trợ giúp — Tiếp nhận hồ sơ")), 20, "the receive help")
            screenshot(display, tmp_path / "help.png")
            xdotool(display, "key", "Escape")
            wait_for(lambda: not shown("Trợ giúp"), 20, "the help to close")
            xdotool(display, "windowfocus", "--sync", wid)
            xdotool(display, "key", "alt+4")
            xdotool(display, "key", "F1")
            wait_for(lambda: bool(shown("Trợ giúp — Trả kết quả")), 20, "the return help")
        except BaseException:
            screenshot(display, tmp_path / "failed.png")
            raise
        finally:
            window.terminate()
            window.wait(20)
            log.close()

"""The window on the screens clerks have: 125 % and 150 % scaling, the largest text size.

Each case starts the real window under its own Xvfb screen with Qt's scale
factor set as Windows or GNOME would, fills the screen's available area, walks
every screen (and every settings tab) and reports any control that is cut
off by the window's edge or squeezed below the size its text needs. Controls
inside a scrolled area may lie beyond its edge (they scroll into view) and
are not counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.office import settings
from tests.ui.xserver import available, xvfb

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available(), reason="Xvfb is in .ci/debian-packages"),
]

PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer, QRect, QPoint
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QLabel,
    QLineEdit, QTabWidget, QWidget,
)
app = QApplication([])
from tests.conftest import ADMIN_PASSWORD
from ui.shell.app import create_window
from ui.shell.main_window import PAGES

data_dir, shots = Path(sys.argv[1]), Path(sys.argv[2])


def pump(ms=300):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


win = create_window(data_dir)
win.warn_on_quit = False
area = app.primaryScreen().availableGeometry()
win.setGeometry(area)
win.show()
pump()
win.sign_in.username.setText("admin")
win.sign_in.password.setText(ADMIN_PASSWORD)
win.sign_in.sign_in()
for _ in range(200):
    if win.mode == "work":
        break
    pump(100)
assert win.mode == "work", win.mode
pump(500)
bounds = win.rect()


def scrolled(w):
    parent = w.parentWidget()
    while parent is not None and parent is not win:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()
        ):
            return True
        parent = parent.parentWidget()
    return False


def problems(where):
    found = []
    kinds = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    for w in win.findChildren(QWidget):
        inner = isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
        shown = isinstance(w, kinds) and w.isVisibleTo(win) and w.isVisible()
        if inner or not shown or scrolled(w):
            continue
        if isinstance(w, QLabel) and not w.text().strip():
            continue
        rect = QRect(w.mapTo(win, QPoint(0, 0)), w.size())
        name = w.objectName() or type(w).__name__
        text = w.text() if hasattr(w, "text") else ""
        if not bounds.contains(rect):
            found.append(f"{where}: {name} {text[:40]!r} cut off at {rect.getRect()}")
            continue
        hint = w.minimumSizeHint()
        if w.width() + 1 < hint.width() or w.height() + 1 < hint.height():
            found.append(
                f"{where}: {name} {text[:40]!r} squeezed to {w.width()}x{w.height()}"
                f" < {hint.width()}x{hint.height()}"
            )
    return found


report = {"window": [win.width(), win.height()], "font": app.font().pointSizeF(), "problems": []}
bar = win.statusBar()
if not bar.isVisible() or not bounds.contains(QRect(bar.mapTo(win, QPoint(0, 0)), bar.size())):
    report["problems"].append("status bar not on screen")
for name in PAGES:
    page = win.show_page(name)
    pump(600)
    tabs = page.findChildren(QTabWidget)
    if tabs:
        for i in range(tabs[0].count()):
            tabs[0].setCurrentIndex(i)
            pump(300)
            report["problems"] += problems(f"{name}/{tabs[0].tabText(i)}")
            win.grab().save(str(shots / f"{name}-{i}.png"))
    else:
        report["problems"] += problems(name)
        win.grab().save(str(shots / f"{name}.png"))
print("REPORT " + json.dumps(report, ensure_ascii=False), flush=True)
win.close()
win.ctx.tasks.wait_for_done()
"""


def probe(data_dir: Path, shots: Path, screen: tuple[int, int], scale: float) -> dict:
    shots.mkdir(parents=True, exist_ok=True)
    with xvfb(*screen) as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "QT_SCALE_FACTOR": f"{scale:g}",
        }
        env.pop("WAYLAND_DISPLAY", None)
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(data_dir), str(shots)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    line = next((x for x in out.stdout.splitlines() if x.startswith("REPORT ")), None)
    assert line is not None, out.stdout[-2000:] + out.stderr[-3000:]
    return json.loads(line.removeprefix("REPORT "))


@pytest.mark.parametrize(
    ("screen", "scale", "font"),
    [
        ((1920, 1080), 1.25, ""),
        ((1920, 1080), 1.5, ""),
        ((1366, 768), 1.0, "12"),
        ((1920, 1080), 1.0, "14"),
    ],
    ids=["1080p-125", "1080p-150", "768p-large-text", "1080p-largest-text"],
)
def test_nothing_is_cut_off(db, data_dir, tmp_path, screen, scale, font):
    with db.write() as session:
        settings.put(session, "font_size", font)
    db.dispose()
    report = probe(data_dir, tmp_path / "shots", screen, scale)
    width, height = report["window"]
    assert (width, height) == (round(screen[0] / scale), round(screen[1] / scale))
    if font:  # the station's text size reached every widget
        assert report["font"] == float(font)
    assert report["problems"] == [], "\n".join(report["problems"])

"""The citizen's rating screen on a real second monitor: an Xvfb with two X screens.

The flow itself is ``second_screen_flow.py``, run with pytest-qt in a child
process on the xcb platform (this session's Qt is offscreen).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.xserver import available, xvfb

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available(), reason="Xvfb and xdotool are in .ci/debian-packages"),
]


def test_the_customer_screen_opens_on_the_second_screen_and_takes_real_keys(tmp_path):
    with xvfb(1366, 768, more_screens=((1024, 768),)) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--basetemp",
                str(tmp_path / "child"),
                "tests/ui/second_screen_flow.py",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    assert "1 passed" in proc.stdout

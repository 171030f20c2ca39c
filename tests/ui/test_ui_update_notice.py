"""The window says "Có bản cập nhật" when the enrolled server offers a signed
newer version, and installs nothing itself."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.sync import credentials
from app.update import layout, pack, publish
from tests.conftest import CLERK_PASSWORD
from tests.ui.conftest import sign_in

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def update_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    repo = tmp_path / "server" / "updates"
    root = publish.init(repo, tmp_path / "keys")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / layout.executable_name()).write_text("#!/bin/sh\n")
    archive = pack.pack(bundle, "0.2.0", tmp_path / "out")
    publish.add(repo, tmp_path / "keys", archive, "0.2.0", layout.platform_tag())
    installed = tmp_path / "installed"
    installed.mkdir()
    (installed / layout.VERSION_FILE).write_text("0.1.0\n")
    monkeypatch.setenv("MOTCUA_UPDATE_ROOT", str(root))
    monkeypatch.setenv("MOTCUA_APP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MOTCUA_PACKAGED_DIR", str(installed))
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "server", "--data-dir", str(repo.parent), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)


def test_enrolled_station_is_told_of_a_newer_version(qtbot, update_server, data_dir, window):
    credentials.save(
        data_dir, credentials.Credential(update_server, "token", 1, "000.00.24.H47", 1)
    )
    sign_in(qtbot, window, "canbo1", CLERK_PASSWORD)
    label = window.update_label
    qtbot.waitUntil(label.isVisible, timeout=20_000)
    assert label.text() == "Có bản cập nhật 0.2.0"
    assert "update apply" in label.toolTip()
    # Nothing was installed: the station still starts the packaged version.
    assert layout.read_pointer(layout.app_home()) is None


def test_station_not_enrolled_sees_no_notice(qtbot, clerk_window):
    clerk_window.ctx.tasks.wait_for_done(10_000)
    qtbot.wait(50)
    assert not clerk_window.update_label.isVisible()

"""The server's systemd unit: ``systemd-analyze verify`` accepts it, and its
ExecStart command runs the real server (health check, signed-update files
served, clean stop on SIGTERM within TimeoutStopSec).

The unit is checked with its interpreter swapped for this Python (the venv in
/opt does not exist here); nothing else in it is changed. The container image
is not built here (no Docker daemon and no access to the base image).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "installer" / "server" / "motcua-server.service"
VENV_PYTHON = "/opt/motcua-server/.venv/bin/python"


def _unit_here(tmp_path: Path) -> Path:
    text = UNIT.read_text()
    assert text.count(VENV_PYTHON) == 1
    local = tmp_path / "motcua-server.service"
    local.write_text(text.replace(VENV_PYTHON, sys.executable))
    return local


def _setting(name: str) -> str:
    for line in UNIT.read_text().splitlines():
        if line.startswith(f"{name}="):
            return line.split("=", 1)[1]
    raise AssertionError(f"{name} not in the unit")


def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed")
    proc = subprocess.run(
        [tool, "verify", str(_unit_here(tmp_path))], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "motcua-server" not in proc.stdout + proc.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_units_command_serves_and_stops_cleanly(tmp_path: Path) -> None:
    data = tmp_path / "state"
    (data / "updates" / "metadata").mkdir(parents=True)
    (data / "updates" / "metadata" / "timestamp.json").write_text('{"signed": {}}')
    port = _free_port()
    argv = shlex.split(_setting("ExecStart"))
    assert argv[0] == VENV_PYTHON
    argv[0] = sys.executable
    argv = [a.replace("/var/lib/motcua-server", str(data)) for a in argv]
    argv[argv.index("--port") + 1] = str(port)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_SERVER")}
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                    assert answer.status == 200
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read()[-2000:]
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.2)
        with urllib.request.urlopen(f"{base}/updates/metadata/timestamp.json") as answer:
            assert answer.read() == b'{"signed": {}}'
    finally:
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=int(_setting("TimeoutStopSec")))
        log = proc.stderr.read()
    # uvicorn re-raises SIGTERM after its graceful shutdown; systemd counts
    # death by SIGTERM as a clean stop.
    assert code in (0, -signal.SIGTERM), log[-2000:]
    assert "server stopped" in log
    assert time.monotonic() - started < 30
    assert (data / "server.sqlite3").exists()

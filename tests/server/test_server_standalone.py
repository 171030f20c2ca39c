"""The central server installs and runs without the desktop.

A fresh virtual environment (no system packages, so no PySide6) gets
``pip install ./server`` from the package index alone; the server then
starts there, outside the repository, answers its health check, enrols a
station and takes one pushed dossier.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import httpx
import pytest
import srvkit

from app.sync import protocol as p

pytestmark = pytest.mark.slow

HEAVY = ("PySide6", "reportlab", "numpy", "cv2", "pikepdf", "ocrmypdf", "pypdfium2", "PIL")


@pytest.fixture(scope="module")
def server_python(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("standalone")
    # Built from a copy, so the build leaves nothing in the checkout.
    source = work / "src"
    for folder in ("server", "app", "db"):
        shutil.copytree(
            srvkit.REPO / folder,
            source / folder,
            ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"),
        )
    (source / "resources" / "catalogue").mkdir(parents=True)
    shutil.copy2(
        srvkit.REPO / "resources" / "catalogue" / "procedures.json",
        source / "resources" / "catalogue",
    )
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(source / "server")],
        check=True,
        timeout=600,
    )
    return python


def run(python: Path, *args: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    proc = subprocess.run(
        [str(python), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_server_environment_has_none_of_the_desktop(server_python, tmp_path):
    out = run(
        server_python,
        "-c",
        "import importlib.util, sys, server.app, server.__main__\n"
        f"heavy = {HEAVY!r}\n"
        "print('installed:', [m for m in heavy if importlib.util.find_spec(m)])\n"
        "print('imported:', [m for m in heavy if m in sys.modules])\n"
        "print('from:', server.app.__file__)\n"
        # the 766 scoring reads its definitions file, shipped beside it
        "from server import reports\n"
        "scores = reports._figures(dict.fromkeys(reports.COUNTS, 0) | "
        "{'received': 4, 'resolved_early': 1, 'resolved_on_time': 1})['scores']\n"
        "print('scored:', [(s['group'], s['points'], s['verified']) for s in scores])",
        cwd=tmp_path,
    )
    assert "installed: []" in out
    assert "imported: []" in out
    assert "site-packages" in out
    assert "scored: [('progress', 10.0, False), ('digitization', 0.0, False)]" in out


def test_health_check_enrolment_and_one_push(server_python, tmp_path):
    data_dir = tmp_path / "data"
    db = f"sqlite:///{data_dir / 'server.sqlite3'}"
    common = ("--data-dir", str(data_dir), "--db", db)
    run(server_python, "-m", "server", "admin", "create-office", *common,
        "--code", "000.00.24.H47", "--name", "UBND xã Tân Lập", cwd=tmp_path)  # fmt: skip
    code = run(server_python, "-m", "server", "admin", "enroll-station", *common,
               "--office", "000.00.24.H47", "--number", "1", cwd=tmp_path).split()[0]  # fmt: skip
    port = srvkit.free_port()
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen(
        [str(server_python), "-m", "server", "--host", "127.0.0.1", "--port", str(port), *common],
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        srvkit.ServerProcess.wait_ready(_Waiting(proc, base, tmp_path / "server.log"))
        assert httpx.get(f"{base}/healthz").json()["status"] == "ok"
        enrolled = httpx.post(
            f"{base}/api/v1/enroll",
            json={"enrolment_code": code, "station_name": "Quầy 1"},
            headers={p.PROTOCOL_HEADER: "1"},
        )
        assert enrolled.status_code == 200, enrolled.text
        token = enrolled.json()["station_token"]
        client = httpx.Client(
            base_url=base,
            headers={"Authorization": f"Bearer {token}", p.PROTOCOL_HEADER: "1"},
        )
        station = srvkit.Station(client, "000.00.24.H47", 1, token, enrolled.json())
        event = srvkit.received(station)
        [result] = station.push(event)
        assert result["outcome"] == "applied", result
        [change] = station.changes()
        assert change["code"] == event["payload"]["code"]
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


class _Waiting:
    """Enough of a ``ServerProcess`` for its ``wait_ready``."""

    def __init__(self, process: subprocess.Popen, base_url: str, log_path: Path) -> None:
        self.process, self.base_url, self.log_path = process, base_url, log_path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.kill()


if sys.platform == "win32":  # pragma: no cover - the venv layout differs
    pytestmark = pytest.mark.skip("POSIX virtual environment layout")

"""The Debian package round trip, as an office's IT person would do it.

Builds the frozen bundle and the .deb with ``installer/build.sh deb``, installs
it with apt (which pulls the Qt system libraries it depends on), sets up a
station and runs ``motcua-desk self-test`` from the installed command, opens
the window on a real X server (Xvfb) for a few seconds, removes the package
and checks that the user's data folder is still there.

It installs a system package, so it runs only as root (CI, a throwaway
machine); the build takes one to two minutes on two cores.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISPLAY = ":23"

pytestmark = pytest.mark.slow


def _require(condition: bool, why: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(why)
    pytest.skip(why)


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kw)


def _apt_install(deb: Path) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", str(deb)]
    proc = _run(cmd, env=env)
    if proc.returncode != 0:  # package lists missing or stale on a fresh machine
        _run(["apt-get", "update", "-q"], env=env)
        proc = _run(cmd, env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def _windows_on(display: str) -> str:
    return _run(["xwininfo", "-root", "-tree"], env=dict(os.environ, DISPLAY=display)).stdout


@pytest.fixture
def xvfb():
    proc = subprocess.Popen(
        # -noreset: without it the server resets whenever its last client
        # leaves (each probe below), and a client connecting then is refused.
        ["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while _run(["xwininfo", "-root"], env=dict(os.environ, DISPLAY=DISPLAY)).returncode != 0:
        assert proc.poll() is None, "Xvfb did not start"
        assert time.monotonic() < deadline, "Xvfb did not answer"
        time.sleep(0.2)
    yield DISPLAY
    proc.terminate()
    proc.wait(timeout=10)


def test_deb_installs_runs_and_leaves_data_on_removal(tmp_path: Path, xvfb: str) -> None:
    _require(os.geteuid() == 0, "installing a .deb needs root")
    for tool in ("dpkg-deb", "apt-get", "Xvfb", "xwininfo"):
        _require(shutil.which(tool) is not None, f"{tool} is not installed")
    _require(not Path("/opt/motcua-desk").exists(), "motcua-desk is already installed here")

    started = time.monotonic()
    build = _run(
        ["bash", "installer/build.sh", "deb"],
        cwd=ROOT,
        env=dict(os.environ, MOTCUA_DEB_COMPRESSION="zstd"),
    )
    assert build.returncode == 0, build.stderr[-4000:]
    build_seconds = time.monotonic() - started
    deb = Path(build.stdout.strip().splitlines()[-1])
    assert deb.name.endswith("_amd64.deb") or deb.name.endswith("_arm64.deb")
    info = _run(["dpkg-deb", "--field", str(deb), "Depends"]).stdout
    assert "libxcb-cursor0" in info and "libc6 (>= 2.34)" in info
    listing = _run(["dpkg-deb", "--contents", str(deb)]).stdout
    for path in (
        "./opt/motcua-desk/motcua-desk",
        "./usr/share/applications/motcua-desk.desktop",
        "./usr/share/icons/hicolor/48x48/apps/motcua-desk.png",
        "./usr/share/man/man1/motcua-desk.1.gz",
        "./opt/motcua-desk/_internal/resources/catalogue/procedures.json",
    ):
        assert path in listing, path
    # No server or test stack in the bundle.
    for absent in ("fastapi", "uvicorn", "psycopg", "_pytest", "hypothesis"):
        assert f"/_internal/{absent}/" not in listing, absent

    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    data_dir = home / ".local" / "share" / "MotCuaDesk"
    _apt_install(deb)
    try:
        assert shutil.which("motcua-desk", path="/usr/bin") == "/usr/bin/motcua-desk"
        init = _run(
            [
                "motcua-desk",
                "init",
                "--office-code",
                "000.00.24.H47",
                "--office-name",
                "UBND xã Tân Lập",
                "--station",
                "1",
                "--admin-user",
                "admin",
                "--admin-password",
                "matkhau-quantri",
            ],
            env=env,
        )
        assert init.returncode == 0, init.stderr
        selftest = _run(["motcua-desk", "--json", "self-test"], env=env)
        assert selftest.returncode == 0, selftest.stdout + selftest.stderr
        assert '"passed": true' in selftest.stdout
        assert "33 thủ tục" in selftest.stdout  # the seed catalogue came with the bundle
        # Subcommands whose code is loaded by name are in the bundle too; this
        # one is what the Windows installer schedules daily.
        backup = _run(["motcua-desk", "--json", "backup"], env=env)
        assert backup.returncode == 0, backup.stdout + backup.stderr
        assert '"ok": true' in backup.stdout

        window = subprocess.Popen(
            ["motcua-desk"],
            env=dict(env, DISPLAY=xvfb),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 30
            while "MotCua Desk" not in _windows_on(xvfb):
                assert window.poll() is None, window.communicate()[1][:4000]
                assert time.monotonic() < deadline, "no window appeared"
                time.sleep(0.3)
            time.sleep(3)
            assert window.poll() is None, window.communicate()[1][:4000]
        finally:
            window.terminate()
            window.wait(timeout=20)
    finally:
        removed = _run(
            ["apt-get", "remove", "--purge", "-y", "-q", "motcua-desk"],
            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
        )
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/motcua-desk").exists()
    assert not Path("/usr/bin/motcua-desk").exists()
    assert (data_dir / "motcua.sqlite3").is_file()
    assert any((data_dir).iterdir())
    print(f"deb built in {build_seconds:.0f} s ({deb.stat().st_size / 1e6:.0f} MB)")

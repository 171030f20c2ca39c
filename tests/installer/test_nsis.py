"""The Windows installer script compiles with makensis (Debian's nsis) and holds
the bundle where the updater expects it.

A stand-in bundle is used: PyInstaller cannot build Windows executables on
Linux, so installing, the shortcuts, the scheduled task and uninstalling have
not run here; the Windows workflow builds the real one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "windows" / "motcua-desk.nsi"


def _require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed")
        pytest.skip(f"{tool} is not installed")
    return found


def test_installer_compiles_and_installs_the_bundle_under_app(tmp_path: Path) -> None:
    makensis = _require("makensis")
    seven = shutil.which("7zz") or _require("7z")
    bundle = tmp_path / "motcua-desk"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("motcua-desk.exe", "MotCuaDesk.exe", "_internal/base_library.zip"):
        (bundle / name).write_bytes(b"MZ stand-in")
    out = tmp_path / "MotCuaDesk-0.1.0-setup.exe"
    proc = subprocess.run(
        [
            makensis,
            "-V2",
            "-DVERSION=0.1.0",
            f"-DBUNDLE={bundle}",
            f"-DOUTFILE={out}",
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out.read_bytes()[:2] == b"MZ"
    listing = subprocess.run([seven, "l", str(out)], capture_output=True, text=True).stdout
    names = {line.split()[-1] for line in listing.splitlines() if re.search(r"\s\S+$", line)}
    assert {"app/motcua-desk.exe", "app/MotCuaDesk.exe", "uninstall.exe"} <= names
    assert "app/_internal/base_library.zip" in names


def test_uninstaller_leaves_the_data_folder() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    uninstall = text[text.index('Section "Uninstall"') :]
    removed = re.findall(r"RMDir /r \"([^\"]+)\"", uninstall)
    assert removed, "the uninstaller removes nothing"
    # Only the program's own folders; the data folder is $LOCALAPPDATA\MotCuaDesk.
    for path in removed:
        assert path.startswith(("$INSTDIR\\", "$SMPROGRAMS\\")), path
    assert "RequestExecutionLevel user" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\MotCuaDesk"' in text

"""A signed update repository, installed versions and a station, all in tmp_path.

The bundles here are small folders whose ``motcua-desk`` runs this source
tree's ``main.py`` (so their ``self-test`` is the real one), with a
``version.txt``; the frozen bundle itself is covered by tests/installer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.office.office_setup import SetupRequest, initialise
from app.update import layout, pack, publish

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "matkhau-quantri"


def make_bundle(where: Path, version: str, *, self_test_fails: bool = False) -> Path:
    bundle = where / f"bundle-{version}"
    bundle.mkdir(parents=True)
    exe = bundle / layout.executable_name()
    if self_test_fails:
        body = 'echo "[LỖI] fonts: thiếu ký tự ặ"; exit 1\n'
    else:
        body = f'exec "{sys.executable}" "{ROOT / "main.py"}" "$@"\n'
    exe.write_text("#!/bin/sh\n" + body)
    exe.chmod(0o755)
    (bundle / layout.VERSION_FILE).write_text(version + "\n")
    return bundle


@dataclass
class Station:
    tmp: Path
    repo: Path
    keys: Path
    home: Path
    data_dir: Path
    env: dict[str, str]

    def publish(self, version: str, *, self_test_fails: bool = False) -> Path:
        bundle = make_bundle(self.tmp / "build", version, self_test_fails=self_test_fails)
        archive = pack.pack(bundle, version, self.tmp / "out", layout.platform_tag())
        publish.add(self.repo, self.keys, archive, version, layout.platform_tag())
        return self.repo / "targets" / archive.name

    def cli(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(self.data_dir), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=timeout,
        )

    def started_version(self) -> str | None:
        bundle = layout.start_bundle(self.home, layout.packaged_dir())
        return layout.bundle_version(bundle) if bundle else None


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Station:
    repo, keys, home = tmp_path / "repo", tmp_path / "keys", tmp_path / "home"
    root = publish.init(repo, keys)
    trusted = tmp_path / "trusted-root.json"
    shutil.copy(root, trusted)
    packaged = make_bundle(tmp_path / "installed", "0.1.0")
    data_dir = tmp_path / "station"
    env = dict(
        os.environ,
        MOTCUA_APP_HOME=str(home),
        MOTCUA_PACKAGED_DIR=str(packaged),
        MOTCUA_UPDATE_ROOT=str(trusted),
        LANG="vi_VN.UTF-8",
    )
    env.pop("MOTCUA_DATA_DIR", None)
    for name in ("MOTCUA_APP_HOME", "MOTCUA_PACKAGED_DIR", "MOTCUA_UPDATE_ROOT"):
        monkeypatch.setenv(name, env[name])
    initialise(
        data_dir,
        SetupRequest("000.00.24.H47", "UBND xã Tân Lập", 1, "admin", PASSWORD),
    ).dispose()
    return Station(tmp_path, repo, keys, home, data_dir, env)

"""Running the CLI as office IT staff do: a real subprocess of ``main.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run(
    data_dir: Path,
    *args: str,
    lang: str = "vi_VN.UTF-8",
    stdin: str | None = None,
    **extra_env: str,
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES="", **extra_env)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


def ok_json(data_dir: Path, *args: str) -> Any:
    proc = run(data_dir, "--json", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def init_station(
    data_dir: Path,
    *extra: str,
    station: int = 1,
    office_name: str = "UBND xã Tân Lập",
) -> Path:
    """A station of office 000.00.24.H47 with the administrator quantri."""
    proc = run(
        data_dir,
        "init",
        "--office-code",
        "000.00.24.H47",
        "--office-name",
        office_name,
        "--station",
        str(station),
        "--admin-user",
        "quantri",
        "--admin-password",
        "matkhau-123",
        *extra,
    )
    assert proc.returncode == 0, proc.stderr
    return data_dir

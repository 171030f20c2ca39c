"""The public page as a phone's browser renders it: Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from srvkit import Harness, Station, code_of, received

CHROMIUM = "/usr/bin/chromium"


def _chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("Debian's chromium is required under CI (.ci/debian-packages)")
    pytest.skip("chromium is not installed")


def _render(url: str, profile: Path, *extra: str) -> str:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *extra,
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
# The page does not depend on the database: one back-end is enough.
@pytest.mark.parametrize("harness", ["sqlite"], indirect=True)
def test_public_page_in_headless_chromium(
    harness: Harness, station: Station, tmp_path: Path
) -> None:
    ev = received(station, secret="QR7H2KMN8P", name="Phạm Minh Tuấn")
    station.push(ev)
    base = f"{harness.base_url}/tra-cuu/{code_of(ev)}"
    shown = _render(f"{base}?k=QR7H2KMN8P", tmp_path / "a", "--dump-dom")
    assert "Được tiếp nhận" in shown
    assert "Phạm M. T" in shown and "Phạm Minh Tuấn" not in shown
    assert "Đăng ký khai sinh" in shown and "13/02/2026" in shown
    hidden = _render(f"{base}?k=WRONG1", tmp_path / "b", "--dump-dom")
    assert "Không tìm thấy hồ sơ" in hidden
    assert "Được tiếp nhận" not in hidden and "Phạm" not in hidden and "khai sinh" not in hidden
    shot = tmp_path / "page.png"
    _render(
        f"{base}?k=QR7H2KMN8P",
        tmp_path / "c",
        f"--screenshot={shot}",
        "--window-size=390,844",
        "--hide-scrollbars",
    )
    assert shot.stat().st_size > 5000


@pytest.mark.slow
@pytest.mark.parametrize("harness", ["sqlite"], indirect=True)
def test_code_alone_and_qr_link_in_headless_chromium(
    harness: Harness, station: Station, tmp_path: Path
) -> None:
    ev = received(station, secret="QR9H2K77AB", name="Lê Thị Mai")
    station.push(ev)
    base = f"{harness.base_url}/tra-cuu/{code_of(ev)}"
    by_code = _render(base, tmp_path / "a", "--dump-dom")
    assert "Được tiếp nhận" in by_code and "Đăng ký khai sinh" in by_code
    assert "13/02/2026" in by_code and "Chưa có kết quả" in by_code
    assert "Lê" not in by_code and "Mai" not in by_code and "Người nộp" not in by_code
    by_qr = _render(f"{base}?k=QR9H2K77AB", tmp_path / "b", "--dump-dom")
    assert "Được tiếp nhận" in by_qr and "Lê T. M" in by_qr and "Lê Thị Mai" not in by_qr
    # The page's own form, submitted with the code only, lands on the code-only view.
    form = _render(
        f"{harness.base_url}/tra-cuu?ma={code_of(ev).lower()}", tmp_path / "c", "--dump-dom"
    )
    assert "Đăng ký khai sinh" in form and "Lê" not in form

"""``report`` on the command line, as a real subprocess over the fixture office."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reports.office_fixture import build

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, LANG="vi_VN.UTF-8", LC_ALL="", LC_MESSAGES="")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def office(db, data_dir):
    build(db)
    return data_dir


def test_indicators_json(office):
    proc = run(
        office, "--json", "report", "indicators", "--from", "2026-03-01", "--to", "2026-03-31"
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    expected = {
        "received": 180,
        "carried_over": 33,
        "resolved_early": 44,
        "resolved_on_time": 85,
        "resolved_late": 32,
        "in_progress_on_time": 29,
        "in_progress_overdue": 23,
    }
    for key, value in expected.items():
        assert type(data[key]) is int and data[key] == value, key
    assert data["digitized_share"] == 0.5
    assert data["reused_share"] == 0.0306
    assert data["online_share"] == 0.0889
    assert data["cashless_share"] == 0.6429 and "cashless_share" not in data["unavailable"]
    groups = {s["group"]: s for s in data["scores"]}
    assert groups["progress"]["points"] == 14.84 and groups["progress"]["max"] == 20
    for s in data["scores"]:
        assert set(s) >= {"group", "points", "max", "verified"}
        assert s["verified"] is False


def test_period_may_end_after_today(office):
    proc = run(
        office, "--json", "report", "indicators", "--from", "2026-03-01", "--to", "2030-12-31"
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["received"] == 183 and data["to"] == "2030-12-31"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-03-31", "--to", "2026-03-01"), "trước ngày bắt đầu"),
        (("--from", "31/03/2026", "--to", "2026-04-01"), "YYYY-MM-DD"),
        (("--from", "2026-03-01", "--to", "2026-03-31", "--office", "000.00.99.H99"), "chỉ giữ"),
    ],
)
def test_bad_input_is_refused_in_vietnamese(office, args, message):
    proc = run(office, "--json", "report", "indicators", *args)
    assert proc.returncode == 1
    assert message in proc.stderr and proc.stdout == ""

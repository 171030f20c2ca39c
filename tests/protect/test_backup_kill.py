"""Power lost in the middle of a backup or a restore: SIGKILL at random points, 20 times."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.backup import archive
from app.dossiers import intake as intake_uc
from app.infra import datadir
from app.infra.storage import connect_file, open_database
from app.protect import audit_chain, keys
from tests.conftest import INTAKE

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20


def _count(data_dir: Path) -> int:
    db = open_database(data_dir)  # also finishes or undoes what the kill left
    try:
        with db.read() as session:
            report = audit_chain.verify(session)
        assert report.ok, report.problems
        conn = connect_file(db.path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            return conn.execute("SELECT count(*) FROM dossier").fetchone()[0]
        finally:
            conn.close()
    finally:
        db.dispose()


def _killed_after(cmd: list[str], delay: float) -> int | None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


@pytest.mark.slow
def test_sigkill_during_backup_and_restore_never_leaves_a_half_station(
    db, data_dir, clerk, fixed_now, tmp_path
):
    from tests.ui.bigdb import fill

    db.dispose()
    fill(datadir.db_path(data_dir), 5_000, applicants=1_000)
    db = open_database(data_dir)
    for _ in range(3):
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    first = Path(archive.make_backup(db, data_dir).file)
    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    db.dispose()
    older, newer = _count(data_dir) - 1, _count(data_dir)
    base = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)]
    dest = tmp_path / "usb"
    # How long one uninterrupted run takes on this machine sets the kill window.
    started = time.perf_counter()
    subprocess.run([*base, "backup", "--to", str(dest)], check=True, capture_output=True)
    window = time.perf_counter() - started
    rng = random.Random(14)
    outcomes = {"killed": 0, "finished": 0}
    checked: set[Path] = set()
    for n in range(KILLS):
        action = ["backup", "--to", str(dest)] if n % 2 == 0 else ["restore", str(first)]
        cmd = [*base, *action]
        rc = _killed_after(cmd, rng.uniform(0.2, window * 1.3))
        outcomes["killed" if rc is None else "finished"] += 1
        assert _count(data_dir) in (older, newer)
        for file in dest.glob(f"*{archive.SUFFIX}"):
            if file not in checked and not file.name.startswith(archive.PARTIAL_PREFIX):
                checked.add(file)
                # A backup under its final name has always verified.
                assert archive.verify_backup(file, keys.load_key(data_dir)).ok, file.name
        assert not list(data_dir.glob("*.restoring"))
    assert outcomes["killed"] >= KILLS // 2, outcomes
    listed = json.loads(
        subprocess.run(
            [*base, "--json", "backup", "list", "--to", str(dest)], capture_output=True, text=True
        ).stdout
    )
    assert listed["backups"]

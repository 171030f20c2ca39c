"""SIGKILL the sync process at random moments, again and again: nothing lost or doubled."""

from __future__ import annotations

import copy
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.dossiers import intake as intake_uc
from app.infra.storage import connect_file
from app.sync.round import run_round
from db.models import OutboxEvent
from tests.integration.conftest import server_count

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 2, 13, 9, 30)
ROUNDS = 20
PER_ROUND = 20


def test_killed_sync_rounds_converge_exactly_once(server, db, data_dir, clerk, intake, enrolled):
    _, sdb, _ = server
    rng = random.Random(int(os.environ.get("MOTCUA_KILL_SEED", "20261123")))
    codes: list[str] = []
    killed = 0
    for _ in range(ROUNDS):
        for _ in range(PER_ROUND):
            codes.append(intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code)
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "sync"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 1.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
    assert killed >= ROUNDS // 4, "most kills should land while a round is running"

    final = run_round(db, data_dir)
    assert final.ok, final.errors
    assert final.pending == 0
    assert server_count(sdb, codes) == len(codes) == len(set(codes))
    with db.read() as session:
        unsent = session.scalar(
            select(func.count(OutboxEvent.id)).where(OutboxEvent.sent_at.is_(None))
        )
        rejected = session.scalar(
            select(func.count(OutboxEvent.id)).where(OutboxEvent.rejected.is_(True))
        )
    assert (unsent, rejected) == (0, 0)
    conn = connect_file(data_dir / "motcua.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()

"""The audit log shows an edited, deleted or reordered entry, and says which."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.dossiers import intake as intake_uc
from app.infra import journal
from app.infra.storage import connect_file
from app.protect import audit_chain
from db.models import AuditKey
from tests.conftest import INTAKE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def busy(db, clerk):
    """A station with a few days of audited work."""
    start = datetime(2026, 2, 9, 8, 0)
    for day in range(4):
        for n in range(2):
            at = start + timedelta(days=day, hours=n)
            intake_uc.receive(db, clerk, dict(INTAKE, received_at=at.isoformat()), now=at)
    return db


def verify(db) -> audit_chain.Report:
    with db.read() as session:
        return audit_chain.verify(session)


def raw(db, sql: str, *params) -> None:
    conn = connect_file(db.path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def ids(db) -> list[int]:
    conn = connect_file(db.path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM audit_log ORDER BY id")]
    finally:
        conn.close()


def test_an_untouched_log_verifies_and_the_day_key_moves_on(busy):
    report = verify(busy)
    assert report.ok, report.problems
    assert report.chained == report.entries >= 9
    assert report.macs_checked == report.entries  # all sealed with the current day key
    with busy.read() as session:
        key_row = session.get(AuditKey, 1)
        day, old_key = key_row.day, key_row.key
        assert key_row.head_id == report.head_id
    later = datetime.combine(day + timedelta(days=2), datetime.min.time()).replace(hour=9)
    with busy.write() as session:
        journal.audit(session, "canbo1", "test.next_day", None, later)
    with busy.read() as session:
        key_row = session.get(AuditKey, 1)
        assert key_row.day == later.date()
        assert key_row.key == audit_chain.evolve(old_key, 2) != old_key
    report = verify(busy)
    assert report.ok, report.problems
    # Yesterday's key is gone: only the new day's entry can be checked by its HMAC.
    assert report.macs_checked == 1


def test_a_one_byte_edit_is_found_and_named(busy):
    conn = connect_file(busy.path)
    target, code = conn.execute(
        "SELECT id, target FROM audit_log WHERE target LIKE '%-0001' ORDER BY id LIMIT 1"
    ).fetchone()
    conn.close()
    assert target < ids(busy)[-1]  # in the middle of the chain
    raw(busy, "UPDATE audit_log SET target = ? WHERE id = ?", code[:-1] + "2", target)
    report = verify(busy)
    assert not report.ok
    assert [(p.id, p.kind) for p in report.problems] == [(target, "edited")]


def test_a_deleted_entry_is_found(busy):
    target = ids(busy)[4]
    raw(busy, "DELETE FROM audit_log WHERE id = ?", target)
    report = verify(busy)
    assert (target, "deleted") in [(p.id, p.kind) for p in report.problems]
    assert "edited" not in {p.kind for p in report.problems}


def test_two_swapped_entries_are_called_reordered(busy):
    a, b = ids(busy)[2:4]
    conn = connect_file(busy.path)
    cols = "at, officer, action, target, detail, chain_hash, chain_mac, mac_day"
    row_a = conn.execute(f"SELECT {cols} FROM audit_log WHERE id = ?", (a,)).fetchone()
    row_b = conn.execute(f"SELECT {cols} FROM audit_log WHERE id = ?", (b,)).fetchone()
    sets = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
    conn.execute(f"UPDATE audit_log SET {sets} WHERE id = ?", (*row_b, a))
    conn.execute(f"UPDATE audit_log SET {sets} WHERE id = ?", (*row_a, b))
    conn.commit()
    conn.close()
    report = verify(busy)
    assert {(p.id, p.kind) for p in report.problems} >= {(a, "reordered"), (b, "reordered")}


def test_entries_cut_off_the_end_are_found(busy):
    last = ids(busy)[-1]
    raw(busy, "DELETE FROM audit_log WHERE id >= ?", last - 1)
    report = verify(busy)
    assert [(p.id, p.kind) for p in report.problems] == [(last - 1, "truncated")]


def test_a_resealed_entry_of_today_is_found(busy):
    # Recomputing the chain without the day key still fails the HMAC.
    last = ids(busy)[-1]
    raw(busy, "UPDATE audit_log SET chain_mac = ? WHERE id = ?", "0" * 64, last)
    assert [(p.id, p.kind) for p in verify(busy).problems] == [(last, "edited")]


def test_audit_verify_on_the_command_line(busy, data_dir):
    busy.dispose()
    env = dict(os.environ, LANG="vi_VN.UTF-8")
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--json"]
    proc = subprocess.run([*cmd, "audit", "verify"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["ok"] is True and got["problems"] == []
    target = got["head_id"] - 2
    raw(busy, "UPDATE audit_log SET target = target || 'x' WHERE id = ?", target)
    proc = subprocess.run([*cmd, "audit", "verify"], capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    got = json.loads(proc.stdout)
    assert got["ok"] is False
    assert [(p["id"], p["kind"]) for p in got["problems"]] == [(target, "edited")]
    human = subprocess.run(cmd[:-1] + ["audit", "verify"], capture_output=True, text=True, env=env)
    assert f"Mục nhật ký {target} bị sửa." in human.stdout

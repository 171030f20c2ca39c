"""Backups made, verified and restored; bad backups refused with the live data untouched."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.backup import archive, daily, retention
from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.infra import datadir
from app.infra.storage import open_database
from app.protect import audit_chain, keys, recovery
from tests.conftest import INTAKE, snapshot
from tests.protect.conftest import files_holding_secrets


@pytest.fixture
def served(db, clerk, fixed_now):
    codes = [intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code for _ in range(3)]
    return db, codes


def test_a_backup_verifies_and_restores_on_a_fresh_folder(served, data_dir, tmp_path, clerk):
    db, codes = served
    made = archive.make_backup(db, data_dir, officer="admin")
    file = Path(made.file)
    assert file.is_file() and file.is_absolute()
    assert made.sha256 == archive.sha256_file(file)
    assert made.rows["dossier"] == 3
    assert archive.verify_backup(file, db.key).ok
    assert files_holding_secrets(data_dir) == []
    code = keys.recovery_code(db.key)
    db.dispose()

    # A new PC: the recovery code, then the backup.
    fresh = tmp_path / "new-pc"
    fresh.mkdir()
    keys.forget_cached()
    recovery.restore_from_code(fresh, datadir.db_path(fresh), code)
    result = archive.restore_backup(fresh, file)
    assert result["dossiers"] == 3 and result["safety_copy"] is None
    again = open_database(fresh)
    try:
        found = [lookup.lookup(again, clerk, c).items[0].code for c in codes]
        assert found == codes
        with again.read() as session:
            report = audit_chain.verify(session)
        assert report.ok, report.problems
        assert report.entries and "backup.restore" in _actions(again)
    finally:
        again.dispose()


def _actions(db) -> list[str]:
    from sqlalchemy import select

    from db.models import AuditLog

    with db.read() as session:
        return list(session.scalars(select(AuditLog.action)))


def test_restore_keeps_a_safety_copy_and_the_chain_continues(served, data_dir, clerk, fixed_now):
    db, codes = served
    made = archive.make_backup(db, data_dir)
    later = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code
    db.dispose()
    result = archive.restore_backup(data_dir, Path(made.file))
    safety = Path(result["safety_copy"])
    assert (safety / datadir.DB_NAME).is_file()
    db = open_database(data_dir)
    try:
        assert lookup.lookup(db, clerk, later).items == []
        with db.read() as session:
            assert audit_chain.verify(session).ok
    finally:
        db.dispose()
    assert not list(data_dir.glob("*.restoring"))


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["truncated", "bit_flip", "bit_flip_resealed", "no_manifest"])
def test_a_damaged_backup_is_refused_and_the_live_data_is_untouched(served, data_dir, damage):
    db, _ = served
    file = Path(archive.make_backup(db, data_dir).file)
    db.dispose()
    before = snapshot(datadir.db_path(data_dir))
    if damage == "truncated":
        with open(file, "r+b") as fh:
            fh.truncate(file.stat().st_size // 2)
    elif damage.startswith("bit_flip"):
        _flip_byte(file, file.stat().st_size - 3000)
        if damage == "bit_flip_resealed":  # someone fixed the manifest's hash too
            manifest = json.loads(archive.manifest_path(file).read_text())
            manifest["sha256"] = archive.sha256_file(file)
            archive.manifest_path(file).write_text(json.dumps(manifest))
    else:
        archive.manifest_path(file).unlink()
    expected = {
        "truncated": "sha256",
        "bit_flip": "sha256",
        "bit_flip_resealed": "damaged",
        "no_manifest": "no_manifest",
    }[damage]
    result = archive.verify_backup(file, keys.load_key(data_dir))
    assert (result.ok, result.problem) == (False, expected)
    with pytest.raises(DomainError) as err:
        archive.restore_backup(data_dir, file)
    assert "Không có gì bị thay đổi" in err.value.message_vi
    assert snapshot(datadir.db_path(data_dir)) == before


def test_another_stations_backup_is_refused(served, data_dir, tmp_path, db_factory):
    db, _ = served
    db.dispose()
    other_dir = tmp_path / "other"
    other = db_factory(other_dir, station_number=2)
    theirs = Path(archive.make_backup(other, other_dir).file)
    before = snapshot(datadir.db_path(data_dir))
    result = archive.verify_backup(theirs, keys.load_key(data_dir))
    assert result.problem == "other_station"
    with pytest.raises(DomainError) as err:
        archive.restore_backup(data_dir, theirs)
    assert "quầy khác" in err.value.message_vi
    assert snapshot(datadir.db_path(data_dir)) == before


def test_a_full_destination_is_a_clear_message(served, data_dir, tmp_path, monkeypatch):
    db, _ = served
    real = archive._copy_consistent

    def full(db_, tmp):
        real(db_, tmp)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive, "_copy_consistent", full)
    with pytest.raises(DomainError) as err:
        archive.make_backup(db, data_dir, tmp_path / "usb")
    assert err.value.code == "backup_dest_full"
    assert list((tmp_path / "usb").iterdir()) == []


def test_the_daily_backup_goes_to_the_second_destination_too(served, data_dir, tmp_path):
    db, _ = served
    from app.office import settings

    usb = tmp_path / "usb"
    with db.write() as session:
        settings.put(session, "backup_second_destination", str(usb))
    result = daily.run(db, data_dir)
    copy = Path(result["second_copy"])
    assert archive.sha256_file(copy) == result["sha256"]
    assert archive.verify_backup(copy, db.key).ok
    assert daily.last_backup_day(data_dir) == result["created_at"][:10]
    # The first daily backup is also restored into a temporary folder, once a month.
    assert result["test_restore"] == {"ok": True, "dossiers": 3, "file": result["file"]}
    assert not list(datadir.backup_dir(data_dir).glob(".test-restore-*"))
    assert "test_restore" not in daily.run(db, data_dir)


def test_retention_keeps_7_daily_4_weekly_12_monthly():
    start = datetime(2025, 1, 1, 17, 30)
    stamps = [start + timedelta(days=d, hours=h) for d in range(400) for h in (0, 1)]
    keep = retention.to_keep(stamps)
    newest = max(stamps)
    days = {k.date() for k in keep}
    # The newest of each of the last 7 days ...
    for d in range(7):
        assert (newest - timedelta(days=d)).date() in days
    assert all(k.hour == 18 for k in keep)  # ... always the day's newest backup
    months = {(k.year, k.month) for k in keep}
    assert len(months) == 12
    assert len(keep) <= 7 + 4 + 12
    assert min(keep) >= newest - timedelta(days=366)


def test_prune_removes_files_and_manifests(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    for d in range(30):
        stamp = datetime(2026, 1, 1, 17) + timedelta(days=d)
        name = f"x-{d}{archive.SUFFIX}"
        (folder / name).write_bytes(b"x")
        archive.manifest_path(folder / name).write_text(
            json.dumps({"created_at": stamp.isoformat()})
        )
    (folder / f"foreign{archive.SUFFIX}").write_bytes(b"not ours")
    removed = retention.prune(folder)
    left = sorted(p.name for p in folder.glob(f"*{archive.SUFFIX}"))
    assert len(left) == 31 - len(removed)
    assert f"foreign{archive.SUFFIX}" in left
    assert len(left) <= 1 + 7 + 4 + 12
    assert not [p for p in folder.glob("*.json") if not Path(str(p)[:-5]).exists()]


def test_a_newer_schema_is_refused(served, data_dir):
    db, _ = served
    file = Path(archive.make_backup(db, data_dir).file)
    db.dispose()
    from app.infra.storage import connect_file

    conn = connect_file(file, data_dir=data_dir)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    manifest = json.loads(archive.manifest_path(file).read_text())
    manifest.update(sha256=archive.sha256_file(file), schema="9999")
    archive.manifest_path(file).write_text(json.dumps(manifest))
    assert archive.verify_backup(file, keys.load_key(data_dir)).problem == "newer_schema"


def test_backup_commands_on_the_command_line(served, data_dir, tmp_path):
    import subprocess
    import sys

    db, _ = served
    db.dispose()
    root = Path(__file__).resolve().parents[2]
    base = [sys.executable, str(root / "main.py"), "--data-dir", str(data_dir)]

    def run(*args):
        env = dict(os.environ, LANG="vi_VN.UTF-8")
        return subprocess.run([*base, *args], capture_output=True, text=True, env=env)

    proc = run("backup", "--json", "--to", str(tmp_path / "usb"))
    assert proc.returncode == 0, proc.stderr
    made = json.loads(proc.stdout)
    assert Path(made["file"]).is_absolute() and Path(made["file"]).is_file()
    assert made["sha256"] == archive.sha256_file(Path(made["file"]))
    listed = json.loads(run("--json", "backup", "list", "--to", str(tmp_path / "usb")).stdout)
    assert [b["file"] for b in listed["backups"]] == [made["file"]]
    checked = json.loads(run("--json", "backup", "verify", made["file"]).stdout)
    assert checked["ok"] is True and checked["sha256"] == made["sha256"]
    restored = run("--json", "restore", made["file"])
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["sha256"] == made["sha256"]
    audit = json.loads(run("--json", "audit", "verify").stdout)
    assert audit["ok"] is True
    shutil.copy(made["file"], tmp_path / "copy.mcbak")
    bad = run("backup", "verify", str(tmp_path / "copy.mcbak"))
    assert bad.returncode == 1 and "Thiếu tệp mô tả" in bad.stdout


def test_a_restore_never_reissues_a_code_offline(served, data_dir, clerk, fixed_now):
    db, codes = served
    made = archive.make_backup(db, data_dir)
    after_backup = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code
    assert after_backup.endswith("-0004")
    db.dispose()
    result = archive.restore_backup(data_dir, Path(made.file))
    day = fixed_now.date().isoformat()
    assert {"day": day, "from": 3, "to": 303} in result["skipped_ahead"]
    db = open_database(data_dir)
    try:
        fresh = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code
        assert fresh.endswith("-0304") and fresh != after_backup
        assert "sequence.skip_ahead" in _actions(db)
        with db.read() as session:
            assert audit_chain.verify(session).ok
    finally:
        db.dispose()


def test_restore_refuses_while_the_window_has_the_folder_open(served, data_dir):
    import subprocess
    import sys

    from app.protect import windowlock

    db, _ = served
    file = Path(archive.make_backup(db, data_dir).file)
    db.dispose()
    before = snapshot(datadir.db_path(data_dir))
    # The window is another process: it holds the lock until it ends.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from app.protect.windowlock import WindowLock; "
            "assert WindowLock(Path(sys.argv[1])).acquire(); print('held', flush=True); "
            "time.sleep(60)",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert windowlock.window_open(data_dir)
        with pytest.raises(DomainError) as err:
            archive.restore_backup(data_dir, file)
        assert err.value.code == "window_open"
        # A lock this process does not hold is no pass: only the holding window's is.
        mine = windowlock.WindowLock(data_dir)
        assert not mine.acquire()
        with pytest.raises(DomainError) as err:
            archive.restore_backup(data_dir, file, window_lock=mine)
        assert err.value.code == "window_open"
        assert snapshot(datadir.db_path(data_dir)) == before
    finally:
        holder.kill()
        holder.wait()
    assert not windowlock.window_open(data_dir)  # a killed window leaves no stale lock
    archive.restore_backup(data_dir, file)

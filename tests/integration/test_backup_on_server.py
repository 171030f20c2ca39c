"""The station's verified backup is copied to the real server, kept there, and fetched back."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from app.backup import archive, daily
from app.dossiers import intake as intake_uc
from app.sync import backup_copy, credentials
from app.sync import backup_protocol as bp
from app.sync import protocol as p
from app.sync.round import run_round
from app.sync.transport import Transport
from server import admin as server_admin
from server.models import StationBackup
from server.storage import BlobStore, sha256_file
from tests.conftest import OFFICE_CODE

NOW = datetime(2026, 2, 13, 9, 30)
ROOT = Path(__file__).resolve().parents[2]


def _transport(data_dir: Path) -> Transport:
    cred = credentials.load(data_dir)
    return Transport(cred.server_url, cred.station_token)


def _station_client(proc, sdb, settings, office: str, number: int) -> httpx.Client:
    code = server_admin.enroll_station(sdb, settings, office, number)
    enrolled = httpx.post(
        f"{proc.base_url}/api/v1/enroll",
        json={"enrolment_code": code, "station_name": f"Quầy {number}"},
        headers={p.PROTOCOL_HEADER: "1"},
    )
    assert enrolled.status_code == 200, enrolled.text
    token = enrolled.json()["station_token"]
    return httpx.Client(
        base_url=proc.base_url,
        headers={"Authorization": f"Bearer {token}", p.PROTOCOL_HEADER: "1"},
        timeout=30,
    )


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, LANG="vi_VN.UTF-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--json", *args],
        capture_output=True,
        text=True,
        env=env,
    )


def test_the_backup_reaches_the_server_once_and_only_its_station_sees_it(
    server, db, data_dir, clerk, intake, enrolled
):
    proc, sdb, settings = server
    for _ in range(2):
        intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW)
    made = daily.run(db, data_dir)
    local = Path(made["file"])

    transport = _transport(data_dir)
    try:
        sent = backup_copy.send_newest(db, data_dir, transport)
        assert sent["sha256"] == made["sha256"] and sent["uploaded_bytes"] == local.stat().st_size
        # Again: the station knows the server has it, and asks nothing.
        assert backup_copy.send_newest(db, data_dir, transport)["uploaded_bytes"] == 0
        # Even forgetting that, the server holds the file: nothing is sent, nothing doubled.
        with db.write() as session:
            from app.sync import cursors

            cursors.put(session, backup_copy.SENT_CURSOR, "", NOW)
        assert backup_copy.send_newest(db, data_dir, transport)["uploaded_bytes"] == 0
        fetched = transport.raw("GET", f"{p.API_PREFIX}{bp.BACKUPS_PATH}/{made['sha256']}")
    finally:
        transport.close()
    # The server stored exactly the station's bytes (ciphertext: the data key never left).
    assert hashlib.sha256(fetched.content).hexdigest() == archive.sha256_file(local)
    assert fetched.content == local.read_bytes()
    with sdb.read() as session:
        rows = session.scalars(select(StationBackup).where(StationBackup.station == enrolled)).all()
    assert [r.sha256 for r in rows] == [made["sha256"]]
    assert sha256_file(BlobStore(settings).path_for(made["sha256"])) == made["sha256"]
    assert "files" not in json.loads(rows[0].manifest)

    # Another office's station, and another station of this office, neither list nor fetch it.
    other = f"000.00.{30 + enrolled:02d}.H47"
    server_admin.create_office(sdb, other, "UBND xã khác")
    for client in (
        _station_client(proc, sdb, settings, other, 1),
        _station_client(proc, sdb, settings, OFFICE_CODE, 90 + enrolled),
    ):
        with client:
            assert client.get(f"/api/v1{bp.BACKUPS_PATH}").json()["backups"] == []
            refused = client.get(f"/api/v1{bp.BACKUPS_PATH}/{made['sha256']}")
            assert refused.status_code == 404
            manifest = client.get(f"/api/v1{bp.BACKUPS_PATH}/{made['sha256']}/manifest")
            assert manifest.status_code == 404
    with _station_client(proc, sdb, settings, other, 2) as foreign:
        assert foreign.get(f"/api/v1/attachments/{made['sha256']}").status_code == 404

    db.dispose()
    listed = _cli(data_dir, "backup", "list")
    assert listed.returncode == 0, listed.stderr
    flags = {b["sha256"]: b["on_server"] for b in json.loads(listed.stdout)["backups"]}
    assert flags[made["sha256"]] is True


def test_the_daily_backup_goes_up_at_the_next_round_and_the_newest_few_are_kept(
    server, db, data_dir, clerk, intake, enrolled
):
    _, sdb, settings = server
    made = []
    for n in range(settings.station_backups_keep + 1):
        intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW)
        if made:
            time.sleep(1.0)  # a backup is named by its second
        made.append(archive.make_backup(db, data_dir))
        report = run_round(db, data_dir)
        assert report.ok, report.errors
        assert report.backup_copied["sha256"] == made[-1].sha256, n
    transport = _transport(data_dir)
    try:
        kept = [b.sha256 for b in backup_copy.server_backups(transport)]
        too_big = transport.raw(
            "POST",
            f"{p.API_PREFIX}{bp.BACKUPS_PATH}",
            headers={"Content-Type": "application/json"},
            data=json.dumps(
                {
                    "sha256": "0" * 64,
                    "size": settings.max_backup_bytes + 1,
                    "created_at": "2026-02-13T18:00:00+07:00",
                    "manifest": "{}",
                }
            ).encode(),
            expect=(413,),
        )
    finally:
        transport.close()
    assert kept == [m.sha256 for m in reversed(made)][: settings.station_backups_keep]
    assert too_big.status_code == 413
    assert not BlobStore(settings).path_for(made[0].sha256).exists()
    assert BlobStore(settings).path_for(made[-1].sha256).is_file()


def test_restore_from_server_brings_back_the_newest(
    server, db, data_dir, clerk, intake, enrolled, tmp_path
):
    codes = [intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code for _ in range(3)]
    made = daily.run(db, data_dir)
    report = run_round(db, data_dir)
    assert report.ok and report.backup_copied["sha256"] == made["sha256"], report.errors
    db.dispose()
    # This PC's copies are gone (a disk replaced); the data key and credential remain.
    for item in Path(made["file"]).parent.iterdir():
        if item.is_file():
            item.unlink()
    restored = _cli(data_dir, "restore", "--from-server")
    assert restored.returncode == 0, restored.stderr
    result = json.loads(restored.stdout)
    assert result["sha256"] == made["sha256"] and result["dossiers"] == 3
    assert result["relearning"] is True
    shown = _cli(data_dir, "lookup", codes[-1])
    assert json.loads(shown.stdout)["results"][0]["code"] == codes[-1]
    nothing = _cli(data_dir, "restore")
    assert nothing.returncode == 1 and "--from-server" in nothing.stderr

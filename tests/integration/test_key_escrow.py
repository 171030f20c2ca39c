"""A station whose operating system lost the data key gets it back from the central server.

The real server over HTTP; the station's key in a keyring that then goes away
(taking the station's token with it), as when a Linux desktop's Secret Service
is reset; the command line as a clerk's manager runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.infra.storage import open_database
from app.protect import keys
from app.sync import credentials, enrolment
from app.sync.round import run_round
from server import admin as server_admin
from server.auth import SESSION_COOKIE
from server.common import now
from server.models import KeyEscrow, KeyRecoveryCode
from tests.conftest import INTAKE, OFFICE_CODE
from tests.protect.conftest import (  # noqa: F401 - fixtures
    db_factory,
    keyring_gone,
    memory_keyring,
)

ROOT = Path(__file__).resolve().parents[2]


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    # A fresh process has no keyring here: the key comes back to the 0600 file.
    env = {**os.environ, "MOTCUA_KEY_STORE": "file"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--json", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def _server_admin(settings, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "server", "admin", *args]
        + ["--data-dir", str(settings.data_dir), "--db", settings.database_url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def _server_bytes(settings) -> bytes:
    folder = settings.data_dir
    return b"".join(p.read_bytes() for p in folder.glob("server.sqlite3*") if p.is_file())


def test_key_lost_with_the_keyring_comes_back_from_the_server_with_an_admins_code(
    memory_keyring,  # noqa: F811 - the fixture imported above
    server,
    db_factory,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    admin,
    clerk,
    fixed_now,
) -> None:
    proc, sdb, settings = server
    data_dir = tmp_path / "station"
    number = 41
    db = db_factory(data_dir, number)
    assert json.loads((data_dir / keys.RECORD_NAME).read_text())["store"] == "keyring"
    key = db.key
    code = server_admin.enroll_station(sdb, settings, OFFICE_CODE, number)
    enrolment.enroll(db, data_dir, admin, proc.base_url, code)
    cred = credentials.load(data_dir)
    assert cred is not None

    # Enrolment sealed the key to the server: a copy it can check, never the key itself.
    with sdb.read() as session:
        held = session.get(KeyEscrow, cred.station_id)
    assert held is not None and held.check == keys.check_value(key)
    first_deposit = held.deposited_at
    dossiers = [
        intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now + timedelta(minutes=i)).code
        for i in range(3)
    ]
    report = run_round(db, data_dir)
    assert report.ok, report.to_json()
    with sdb.read() as session:
        assert session.get(KeyEscrow, cred.station_id).deposited_at == first_deposit  # not resent
    db.dispose()
    server_db = _server_bytes(settings)
    assert server_db and key.hex().encode() not in server_db and key not in server_db
    assert key.hex().upper().encode() not in server_db

    # The keyring backend is gone, and the token it held with it.
    keys.forget_cached()
    keyring_gone()
    assert not (data_dir / keys.FILE_KEY_NAME).exists()
    with pytest.raises(DomainError) as err:
        open_database(data_dir)
    assert err.value.code == "key_lost" and "restore-key --server-code" in err.value.message_vi
    assert credentials.load(data_dir) is None
    record_before = (data_dir / keys.RECORD_NAME).read_bytes()

    # No code issued yet, or a wrong one: a clear message, nothing changed.
    run = _cli(data_dir, "restore-key", "--server-code", "ABCD-EFGH-JKMN-PQRS")
    assert run.returncode == 1 and "không đúng" in run.stderr, run.stderr
    assert (data_dir / keys.RECORD_NAME).read_bytes() == record_before

    issued = _server_admin(
        settings, "recovery-code", "--office", OFFICE_CODE, "--station", str(number), "--by", "tp"
    )
    assert issued.returncode == 0, issued.stderr
    admins_code = issued.stdout.strip()
    assert "hết hạn sau 30 phút" in issued.stderr

    # Expired before it was used: refused, and the data folder is as it was.
    with sdb.write() as session:
        session.execute(
            update(KeyRecoveryCode)
            .where(KeyRecoveryCode.station_id == cred.station_id)
            .values(expires_at=now() - timedelta(minutes=1))
        )
    run = _cli(data_dir, "restore-key", "--server-code", admins_code)
    assert run.returncode == 1 and "đã hết hạn" in run.stderr, run.stderr
    assert (data_dir / keys.RECORD_NAME).read_bytes() == record_before

    admins_code = _server_admin(
        settings, "recovery-code", "--office", OFFICE_CODE, "--station", str(number)
    ).stdout.strip()
    run = _cli(data_dir, "restore-key", "--server-code", admins_code)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "ok": True,
        "store": "file",
        "data_dir": str(data_dir),
        "source": "server",
    }
    keys.forget_cached()
    again = open_database(data_dir)
    try:
        for code_ in dossiers:
            assert [d.code for d in lookup.lookup(again, clerk, code_).items] == [code_]
    finally:
        again.dispose()

    # The same code a second time: used, refused, nothing changed.
    record_after = (data_dir / keys.RECORD_NAME).read_bytes()
    run = _cli(data_dir, "restore-key", "--server-code", admins_code)
    assert run.returncode == 1 and "đã được dùng" in run.stderr, run.stderr
    assert (data_dir / keys.RECORD_NAME).read_bytes() == record_after
    with sdb.read() as session:
        grants = session.scalars(
            select(KeyRecoveryCode).where(KeyRecoveryCode.station_id == cred.station_id)
        ).all()
    assert [(g.issued_by, g.used_at is not None) for g in grants] == [("tp", False), (None, True)]
    # The back office sees every code issued for the station and when the key went out.
    username = "bo-recovery"
    server_admin.create_officer(
        sdb, OFFICE_CODE, username, "Lê Thị Thu", "backoffice", "mk-12345678"
    )
    token = httpx.post(
        f"{proc.base_url}/api/v1/backoffice/login",
        json={"username": username, "password": "mk-12345678"},
    ).json()["token"]
    listed = httpx.get(
        f"{proc.base_url}/api/v1/backoffice/stations", headers={"Authorization": f"Bearer {token}"}
    ).json()["stations"]
    (mine,) = [s for s in listed if s["number"] == number]
    assert [(r["issued_by"], r["used_from"]) for r in mine["key_recoveries"]] == [
        (None, "127.0.0.1"),
        ("tp", None),
    ]
    page = httpx.get(f"{proc.base_url}/back-office/may-tram", cookies={SESSION_COOKIE: token})
    assert "đã lấy khóa" in page.text and "127.0.0.1" in page.text
    assert key.hex().encode() not in _server_bytes(settings)


def test_the_printed_code_still_restores_an_enrolled_station(
    server, db, data_dir: Path, enrolled, clerk, fixed_now
) -> None:
    dossier = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    printed = keys.recovery_code(db.key)
    db.dispose()
    (data_dir / keys.FILE_KEY_NAME).unlink()
    keys.forget_cached()
    with pytest.raises(DomainError):
        open_database(data_dir)
    run = _cli(data_dir, "restore-key", "--code", printed)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["source"] == "code"
    keys.forget_cached()
    again = open_database(data_dir)
    try:
        assert [d.code for d in lookup.lookup(again, clerk, dossier.code).items] == [dossier.code]
    finally:
        again.dispose()


def test_a_station_enrolled_before_the_copy_existed_sends_it_at_its_next_sync(
    server, db, data_dir: Path, enrolled
) -> None:
    proc, sdb, settings = server
    cred = credentials.load(data_dir)
    with sdb.write() as session:
        session.delete(session.get(KeyEscrow, cred.station_id))
    report = run_round(db, data_dir)
    assert report.ok and not report.warnings, report.to_json()
    with sdb.read() as session:
        assert session.get(KeyEscrow, cred.station_id).check == keys.check_value(db.key)


def test_restore_key_without_an_enrolment_names_what_is_missing(data_dir: Path, tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = _cli(empty, "restore-key", "--server-code", "ABCD")
    assert run.returncode == 1 and "--server, --office và --station" in run.stderr, run.stderr

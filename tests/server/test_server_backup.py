"""``python -m server backup`` and ``restore`` on a real server, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import srvkit
from sqlalchemy import select

from server import backup
from server.config import Settings
from server.db import Database, normalise_url
from server.lookupkey import KEY_FILE
from server.models import Dossier

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'server.sqlite3'}"
        return
    import psycopg

    from tests.server.conftest import DEFAULT_PG_URL, PG_ENV

    base = normalise_url(os.environ.get(PG_ENV) or DEFAULT_PG_URL)
    libpq = base.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        conn = psycopg.connect(libpq, connect_timeout=5, autocommit=True)
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    schema = f"motcua_backup_{uuid.uuid4().hex[:10]}"
    with conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{base}?options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _cli(data_dir: Path, db_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "server", "--data-dir", str(data_dir), "--db", db_url, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )


def _codes(db_url: str) -> set[str]:
    db = Database(db_url)
    try:
        with db.read() as session:
            return set(session.scalars(select(Dossier.code)))
    finally:
        db.dispose()


def test_backup_verify_and_restore_bring_the_server_back(tmp_path, db_url):
    data_dir = tmp_path / "data"
    server = srvkit.ServerProcess(data_dir, db_url)
    settings = Settings(data_dir=data_dir, db_url=db_url)
    db = Database(db_url)
    try:
        harness = srvkit.Harness(server, db, settings, "x")
        station = harness.enrol(harness.new_office(), 1)
        first = srvkit.received(station)
        station.push(first)
        scan = b"%PDF-1.4 scanned component " + os.urandom(4000)
        srvkit.upload(station, scan)
        stored = data_dir / "attachments" / srvkit.sha(scan)[:2] / srvkit.sha(scan)[2:4]
        stored = stored / srvkit.sha(scan)
        assert stored.is_file()

        # While the server runs and takes pushes.
        made = _cli(data_dir, db_url, "backup", "--json")
        assert made.returncode == 0, made.stderr
        got = json.loads(made.stdout)
        file = Path(got["file"])
        assert file.is_file() and got["files"] == 1 and got["files_copied"] == 1
        assert backup.key_copy_path(file).read_bytes() == (data_dir / KEY_FILE).read_bytes()
        assert oct(file.stat().st_mode & 0o777) == "0o600"
        again = json.loads(_cli(data_dir, db_url, "backup", "--json").stdout)
        assert again["files_copied"] == 0  # attachments are copied once
        # One backup a day is kept (the newest): the first went when the second verified.
        assert again["pruned"] == [file.name] and not file.exists()
        file = Path(again["file"])
        checked = _cli(data_dir, db_url, "backup", "verify", str(file), "--json")
        assert checked.returncode == 0 and json.loads(checked.stdout)["ok"]
        listed = json.loads(_cli(data_dir, db_url, "backup", "list", "--json").stdout)
        assert [b["file"] for b in listed["backups"]] == [again["file"]]

        later = srvkit.received(station)
        station.push(later)
        assert _codes(db_url) == {first["payload"]["code"], later["payload"]["code"]}
    finally:
        db.dispose()
        server.stop()

    os.chmod(stored, 0o600)
    stored.unlink()
    done = _cli(data_dir, db_url, "restore", str(file), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["files_restored"] == 1 and Path(result["safety_copy"]).is_dir()
    assert stored.read_bytes() == scan
    assert _codes(db_url) == {first["payload"]["code"]}

    # The restored server starts, and the station's token still works.
    server = srvkit.ServerProcess(data_dir, db_url)
    try:
        assert station.client.base_url != server.base_url  # a new port
        response = station.client.get(
            f"{server.base_url}/api/v1/changes", params={"cursor": 0, "limit": 10}
        )
        assert response.status_code == 200, response.text
    finally:
        server.stop()


@pytest.mark.parametrize("damage", ["flip", "manifest", "key", "attachment"])
def test_a_damaged_backup_is_refused_and_nothing_changes(tmp_path, damage):
    data_dir = tmp_path / "data"
    db_url = f"sqlite:///{data_dir / 'server.sqlite3'}"
    server = srvkit.ServerProcess(data_dir, db_url)
    settings = Settings(data_dir=data_dir, db_url=db_url)
    db = Database(db_url)
    try:
        harness = srvkit.Harness(server, db, settings, "sqlite")
        station = harness.enrol(harness.new_office(), 1)
        station.push(srvkit.received(station))
        srvkit.upload(station, b"%PDF-1.4 " + os.urandom(3000))
    finally:
        db.dispose()
        server.stop()
    file = Path(backup.make_backup(settings)["file"])
    if damage == "flip":
        raw = bytearray(file.read_bytes())
        raw[len(raw) // 2] ^= 0x01
        file.write_bytes(bytes(raw))
    elif damage == "manifest":
        backup.manifest_path(file).write_text("{")
    elif damage == "key":
        backup.key_copy_path(file).write_bytes(os.urandom(32))
    else:
        victim = next(p for p in (file.parent / backup.POOL).rglob("*") if p.is_file())
        victim.write_bytes(b"x")
    live = data_dir / "server.sqlite3"
    before = live.read_bytes()
    done = _cli(data_dir, db_url, "restore", str(file))
    assert done.returncode == 1
    assert "Không có gì bị thay đổi" in done.stderr
    assert live.read_bytes() == before
    assert not list((data_dir / "backups").glob("before-restore-*"))


def test_retention_prunes_by_the_schedule(tmp_path):
    dest = tmp_path / "b"
    dest.mkdir()
    from datetime import datetime, timedelta

    start = datetime(2026, 1, 1, 22, 0)
    for day in range(40):
        stamp = start + timedelta(days=day)
        name = f"motcua-server-{stamp:%Y%m%d-%H%M%S}.sqlite3"
        (dest / name).write_bytes(b"x")
        backup.manifest_path(dest / name).write_text(
            json.dumps({"file": name, "created_at": stamp.isoformat()})
        )
    removed = backup.prune(dest)
    kept = sorted(p.name[14:22] for p in dest.glob("*.sqlite3"))
    # 7 days (3-9 Feb), the newest of 4 ISO weeks (9, 8, 1 Feb, 25 Jan), of 2 months (31 Jan).
    assert kept == ["20260125", "20260131", "20260201"] + [f"202602{d:02d}" for d in range(3, 10)]
    assert len(removed) == 30
    assert sorted(p.name for p in dest.glob("*.json")) == sorted(
        f"motcua-server-{d}-220000.sqlite3.json" for d in kept
    )


def test_check_files_names_a_damaged_attachment(tmp_path):
    data_dir = tmp_path / "data"
    db_url = f"sqlite:///{data_dir / 'server.sqlite3'}"
    root = data_dir / "attachments"
    good, bad = b"%PDF-1.4 one", b"%PDF-1.4 two"
    for data in (good, bad):
        path = root / srvkit.sha(data)[:2] / srvkit.sha(data)[2:4] / srvkit.sha(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert _cli(data_dir, db_url, "backup", "check-files").returncode == 0
    name = f"{srvkit.sha(bad)[:2]}/{srvkit.sha(bad)[2:4]}/{srvkit.sha(bad)}"
    (root / name).write_bytes(b"%PDF-1.4 tw0")
    run = _cli(data_dir, db_url, "backup", "check-files", "--json")
    assert run.returncode == 1 and json.loads(run.stdout) == {"damaged": [name]}

"""Signed updates from version N to N+1, through a folder and through the server,
and every refusal: the station keeps starting the version that worked."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from app.domain.errors import DomainError
from app.infra import datadir
from app.protect import keys
from app.update import client, install, layout, publish
from db import migrate
from db.engine import Database

ROOT = Path(__file__).resolve().parents[2]


KEEP = "Vẫn dùng phiên bản hiện tại 0.1.0."


def _json(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout)


def _refused(station, *args: str) -> str:
    proc = station.cli("update", "apply", *args)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert station.started_version() == "0.1.0"
    assert layout.read_pointer(station.home) is None
    return proc.stderr.strip()


def _schema(data_dir: Path) -> str | None:
    db = Database(datadir.db_path(data_dir), keys.load_key(data_dir))
    try:
        return migrate.current_revision(db.reader)
    finally:
        db.dispose()


@pytest.mark.slow
def test_folder_update_switches_after_self_test_and_migrates_with_backup(station):
    # The station's database is one migration behind, as after an older release.
    db = Database(datadir.db_path(station.data_dir), keys.load_key(station.data_dir))
    try:
        cfg = migrate.alembic_config()
        with db.writer.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "-1")
    finally:
        db.dispose()
    before = _schema(station.data_dir)
    assert before != migrate.head_revision()
    station.publish("0.2.0")

    checked = _json(station.cli("--json", "update", "check", "--from", str(station.repo)))
    assert checked == {
        "current": "0.1.0",
        "available": "0.2.0",
        "up_to_date": False,
        "source": str(station.repo),
    }
    applied = _json(station.cli("--json", "update", "apply", "--from", str(station.repo)))
    assert applied["from_version"] == "0.1.0" and applied["to_version"] == "0.2.0"
    assert applied["switched"] is True
    assert station.started_version() == "0.2.0"
    assert layout.read_pointer(station.home) == layout.Pointer("0.2.0", None)
    # Migrated only after the switch, by the new version, with the copy kept.
    assert _schema(station.data_dir) == migrate.head_revision()
    backup = Path(applied["backup"])
    assert backup.parent == datadir.backup_dir(station.data_dir)
    # A backup copy is encrypted with the station's key like the database.
    db = Database(backup, keys.load_key(station.data_dir))
    try:
        assert migrate.current_revision(db.reader) == before
    finally:
        db.dispose()

    again = _json(station.cli("--json", "update", "check", "--from", str(station.repo)))
    assert again["up_to_date"] is True and again["current"] == "0.2.0"

    # N+2 keeps N+1 as the previous version and drops N+0's folder (the packaged one stays).
    station.publish("0.3.0")
    _json(station.cli("--json", "update", "apply", "--from", str(station.repo)))
    assert layout.read_pointer(station.home) == layout.Pointer("0.3.0", "0.2.0")
    assert sorted(p.name for p in layout.versions_dir(station.home).iterdir()) == [
        "0.2.0",
        "0.3.0",
    ]
    back = _json(station.cli("--json", "update", "rollback"))
    assert back["current"] == "0.2.0" and station.started_version() == "0.2.0"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_update_through_the_central_server(station, tmp_path: Path):
    station.publish("0.2.0")
    server_dir = tmp_path / "server"
    shutil.copytree(station.repo, server_dir / "updates")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "server", "--data-dir", str(server_dir), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        checked = _json(station.cli("--json", "update", "check", "--server", url))
        assert checked["available"] == "0.2.0"
        applied = _json(station.cli("--json", "update", "apply", "--server", url))
        assert applied["to_version"] == "0.2.0" and station.started_version() == "0.2.0"
        # A bundle cut short on the server is refused; 0.2.0 keeps running.
        station.publish("0.3.0")
        shutil.copytree(station.repo, server_dir / "updates", dirs_exist_ok=True)
        bundle = (
            server_dir / "updates" / "targets" / publish.bundle_name("0.3.0", layout.platform_tag())
        )
        bundle.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
        proc = station.cli("update", "apply", "--server", url)
        assert proc.returncode == 1
        assert "bị cắt ngắn hoặc bị sửa" in proc.stderr
        assert "Vẫn dùng phiên bản hiện tại 0.2.0." in proc.stderr
        assert station.started_version() == "0.2.0"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def test_bad_signature_is_refused(station):
    station.publish("0.2.0")
    targets = station.repo / "metadata" / "targets.json"
    data = json.loads(targets.read_text())
    name = next(iter(data["signed"]["targets"]))
    data["signed"]["targets"][name]["custom"]["version"] = "9.9.9"
    targets.write_text(json.dumps(data))
    message = _refused(station, "--from", str(station.repo))
    assert "Chữ ký của thông tin cập nhật" in message and "không hợp lệ" in message
    assert KEEP in message


def test_signed_by_another_key_is_refused(station, tmp_path: Path):
    other = tmp_path / "other-repo"
    publish.init(other, tmp_path / "other-keys")
    shutil.rmtree(station.repo)
    shutil.copytree(other, station.repo)
    with pytest.raises(DomainError) as err:
        client.check(station.home, client.Source.directory(station.repo), "0.1.0")
    assert err.value.code == "update_bad_signature"


def test_rolled_back_metadata_is_refused(station, tmp_path: Path):
    station.publish("0.2.0")
    old = tmp_path / "old-stick"
    shutil.copytree(station.repo, old)
    station.publish("0.3.0")
    # The station has seen the newer metadata once (a check is enough) ...
    found = client.check(station.home, client.Source.directory(station.repo), "0.1.0")
    assert found is not None and found.version == "0.3.0"
    # ... so an older, validly signed copy is a rollback.
    message = _refused(station, "--from", str(old))
    assert "cũ hơn thông tin máy đã nhận" in message and KEEP in message


def test_older_program_version_is_refused(station, tmp_path: Path):
    station.publish("0.0.9")
    message = _refused(station, "--from", str(station.repo))
    assert "0.0.9, cũ hơn phiên bản đang dùng 0.1.0" in message


def test_expired_metadata_offline_keeps_the_current_version(station):
    # A stick made 30 days ago: its timestamp (21 days) has expired.
    month_ago = datetime.now(UTC) - timedelta(days=30)
    station.publish("0.2.0")
    publish.refresh(station.repo, station.keys, now=month_ago)
    message = _refused(station, "--from", str(station.repo))
    assert "đã hết hạn" in message and KEEP in message


def test_two_weeks_old_stick_is_still_accepted(station):
    station.publish("0.2.0")
    publish.refresh(station.repo, station.keys, now=datetime.now(UTC) - timedelta(days=15))
    found = client.check(station.home, client.Source.directory(station.repo), "0.1.0")
    assert found is not None and found.version == "0.2.0"


def test_truncated_bundle_is_refused(station):
    archive = station.publish("0.2.0")
    archive.write_bytes(archive.read_bytes()[:-1000])
    message = _refused(station, "--from", str(station.repo))
    assert "bị cắt ngắn hoặc bị sửa" in message and KEEP in message
    assert not layout.version_dir(station.home, "0.2.0").exists()


def test_version_failing_its_self_test_is_not_switched_to(station):
    station.publish("0.2.0", self_test_fails=True)
    message = _refused(station, "--from", str(station.repo))
    assert "Phiên bản 0.2.0 không qua được bước tự kiểm tra" in message
    assert "thiếu ký tự" in message


def test_folder_without_update_is_explained(station, tmp_path: Path):
    message = _refused(station, "--from", str(tmp_path / "empty"))
    assert "không chứa bản cập nhật" in message


@pytest.mark.slow
def test_sigkill_during_apply_leaves_a_version_that_starts(station):
    station.publish("0.2.0")
    new_dir = layout.version_dir(station.home, "0.2.0")
    cmd = [
        sys.executable,
        str(ROOT / "main.py"),
        "--data-dir",
        str(station.data_dir),
        "update",
        "apply",
        "--from",
        str(station.repo),
    ]
    # Killed as soon as the new version's folder is unpacked (before the switch),
    # then at growing delays that land in the self-tests, the switch and the migration.
    for delay in (None, 0.5, 2.0, 4.0):
        proc = subprocess.Popen(
            cmd, env=station.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if delay is None:
            while not new_dir.exists() and proc.poll() is None:
                time.sleep(0.005)
        else:
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        started = station.started_version()
        assert started in ("0.1.0", "0.2.0")
        bundle = layout.start_bundle(station.home, layout.packaged_dir())
        assert layout.is_complete(bundle)
        selftest = install.run_self_test(bundle, station.data_dir)
        assert selftest.returncode == 0, selftest.stdout + selftest.stderr
        if delay is None:
            assert started == "0.1.0"
        # Start again from the version that starts, as after a power cut.
        if started == "0.2.0":
            layout.write_pointer(station.home, None)
    done = _json(station.cli("--json", "update", "apply", "--from", str(station.repo)))
    assert done["to_version"] == "0.2.0" and station.started_version() == "0.2.0"
    leftovers = [p.name for p in layout.versions_dir(station.home).iterdir()]
    assert leftovers == ["0.2.0"]
    assert os.access(new_dir / layout.executable_name(), os.X_OK)


def test_installed_command_hands_over_to_the_switched_version(station, tmp_path: Path):
    """What main.py does first in a frozen bundle, with a stand-in for the frozen state."""
    new = layout.version_dir(station.home, "0.2.0")
    new.mkdir(parents=True)
    (new / layout.VERSION_FILE).write_text("0.2.0\n")
    exe = new / layout.executable_name()
    exe.write_text('#!/bin/sh\necho "0.2.0 started with $* from $MOTCUA_PACKAGED_DIR"\n')
    exe.chmod(0o755)
    packaged = layout.packaged_dir()
    probe = (
        "import sys; sys.frozen = True; "
        f"sys.executable = {str(packaged / layout.executable_name())!r}; "
        "from app.update.launcher import hand_over; hand_over(['self-test']); "
        "print('packaged version ran')"
    )
    env = dict(station.env)

    def start() -> str:
        return subprocess.run(
            [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
        ).stdout.strip()

    env.pop("MOTCUA_PACKAGED_DIR")  # as installed: the running bundle is the packaged one
    assert start() == "packaged version ran"  # no update in use
    layout.write_pointer(station.home, layout.Pointer("0.2.0", None))
    assert start() == f"0.2.0 started with self-test from {packaged}"
    (new / layout.VERSION_FILE).unlink()  # a damaged version folder is not started
    assert start() == "packaged version ran"


def test_a_newer_package_installed_over_an_update_wins(station, tmp_path: Path):
    new = layout.version_dir(station.home, "0.2.0")
    new.mkdir(parents=True)
    (new / layout.VERSION_FILE).write_text("0.2.0\n")
    (new / layout.executable_name()).write_text("#!/bin/sh\n")
    layout.write_pointer(station.home, layout.Pointer("0.2.0", None))
    assert layout.start_bundle(station.home, layout.packaged_dir()) == new
    newer_package = tmp_path / "package-0.3.0"
    newer_package.mkdir()
    (newer_package / layout.VERSION_FILE).write_text("0.3.0\n")
    assert layout.start_bundle(station.home, newer_package) == newer_package


def test_publish_command_takes_the_bundle_after_its_options(station, tmp_path: Path):
    """The release command as the README writes it."""
    from app.update import pack

    bundle = tmp_path / "b"
    bundle.mkdir()
    (bundle / layout.executable_name()).write_text("#!/bin/sh\n")
    archive = pack.pack(bundle, "0.4.0", tmp_path / "o")
    publish.main(
        [
            "add",
            "--repo",
            str(station.repo),
            "--keys",
            str(station.keys),
            str(archive),
            "--version",
            "0.4.0",
        ]
    )
    found = client.check(station.home, client.Source.directory(station.repo), "0.1.0")
    assert found is not None and found.version == "0.4.0"

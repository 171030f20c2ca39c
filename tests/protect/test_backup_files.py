"""Scans and slip archives go along with every backup and come back with a restore."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.backup import archive, daily, files
from app.capture import attachments
from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.infra import datadir
from app.infra.storage import open_database
from app.office import settings
from app.paper import archive as paper_archive
from app.paper import printing
from app.protect import keys, recovery
from db.models import AuditLog
from tests.capture.conftest import small_pages
from tests.conftest import INTAKE, snapshot
from tests.protect.conftest import files_holding_secrets

NOW = datetime(2026, 2, 13, 9, 30)


@pytest.fixture
def scanned(db, clerk):
    """A dossier with a scanned component and a printed receipt."""
    code = intake_uc.receive(db, clerk, dict(INTAKE), now=NOW).code
    scan = attachments.attach_component(db, clerk, code, 1, small_pages(2), source="scanner")
    printing.print_form(db, clerk, "receipt", code, layout="a4", now=NOW)
    return code, scan


def _backup_audits(db) -> list[dict]:
    with db.read() as session:
        rows = session.scalars(select(AuditLog).where(AuditLog.action == "backup.create"))
        return [json.loads(r.detail) if isinstance(r.detail, str) else r.detail for r in rows]


def test_a_restore_on_a_new_pc_brings_back_every_dossier_and_file(
    db, data_dir, tmp_path, clerk, scanned
):
    code, scan = scanned
    original = attachments.read_component(db, clerk, code, 1)
    slips = files.gather(data_dir)
    assert len(slips) == 2 and slips[0].startswith("attachments/") and slips[1].startswith("paper/")
    made = archive.make_backup(db, data_dir, tmp_path / "usb")
    assert made.files == 2
    pool = files.pool_of(Path(made.file))
    assert sorted(p.relative_to(pool).as_posix() for p in pool.rglob("*.pdf")) == slips
    # The copies are as encrypted as the originals.
    assert files_holding_secrets(tmp_path / "usb") == []
    assert all(b"%PDF" not in p.read_bytes() for p in pool.rglob("*.pdf"))
    code_text = keys.recovery_code(db.key)
    db.dispose()

    fresh = tmp_path / "new-pc"
    fresh.mkdir()
    keys.forget_cached()
    recovery.restore_from_code(fresh, datadir.db_path(fresh), code_text)
    result = archive.restore_backup(fresh, Path(made.file))
    assert (result["dossiers"], result["files"], result["files_restored"]) == (1, 2, 2)
    again = open_database(fresh)
    try:
        assert attachments.read_component(again, clerk, code, 1) == original
        assert attachments.verify(again, clerk, scan.sha256) == scan.size
        digest = slips[1].rsplit("/", 1)[1].removesuffix(".pdf")
        assert paper_archive.load(fresh, digest)[:5] == b"%PDF-"
    finally:
        again.dispose()


def test_each_backup_copies_only_the_new_files(db, data_dir, tmp_path, clerk, scanned):
    code, _ = scanned
    usb = tmp_path / "usb"
    archive.make_backup(db, data_dir, usb)
    archive.make_backup(db, data_dir, usb)
    attachments.attach_component(db, clerk, code, 2, small_pages(1, seed=9), source="scanner")
    third = archive.make_backup(db, data_dir, usb)
    assert [(a["files"], a["files_copied"]) for a in _backup_audits(db)] == [
        (2, 2),
        (2, 0),
        (3, 1),
    ]
    assert archive.verify_backup(Path(third.file), db.key).ok


@pytest.mark.parametrize("damage", ["deleted", "flipped", "outside"])
def test_a_backup_whose_files_are_damaged_is_refused(db, data_dir, tmp_path, scanned, damage):
    made = archive.make_backup(db, data_dir, tmp_path / "usb")
    file = Path(made.file)
    pool = files.pool_of(file)
    victim = next(pool.rglob("*.pdf"))
    if damage == "deleted":
        victim.unlink()
    elif damage == "flipped":
        os.chmod(victim, 0o600)
        raw = bytearray(victim.read_bytes())
        raw[-5] ^= 0x01
        victim.write_bytes(bytes(raw))
    else:
        # A manifest edited to reach outside the pool is refused, not followed.
        manifest = json.loads(archive.manifest_path(file).read_text())
        manifest["files"].append("attachments/../../key.json")
        archive.manifest_path(file).write_text(json.dumps(manifest))
    check = archive.verify_backup(file, db.key)
    assert (check.ok, check.problem) == (False, "files")
    assert "tệp số hóa" in check.problem_vi
    db.dispose()
    before = snapshot(datadir.db_path(data_dir))
    with pytest.raises(DomainError) as err:
        archive.restore_backup(data_dir, file)
    assert err.value.code == "backup_files"
    assert snapshot(datadir.db_path(data_dir)) == before


def test_the_second_destination_gets_the_files_too(db, data_dir, tmp_path, scanned):
    usb = tmp_path / "usb"
    with db.write() as session:
        settings.put(session, "backup_second_destination", str(usb))
    result = daily.run(db, data_dir)
    copy = Path(result["second_copy"])
    assert len(list(files.pool_of(copy).rglob("*.pdf"))) == 2
    assert archive.verify_backup(copy, db.key).ok
    assert result["test_restore"]["ok"]


def test_the_command_line_reports_the_files(db, data_dir, tmp_path, scanned):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    db.dispose()
    run = subprocess.run(
        [sys.executable, str(root / "main.py"), "--data-dir", str(data_dir), "--json", "backup"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert (
        got["files"] == 2 and archive.verify_backup(Path(got["file"]), keys.load_key(data_dir)).ok
    )

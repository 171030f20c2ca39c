"""The daily backup: into the data folder, pruned, and copied to a second destination."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from app.backup import archive, files, retention
from app.domain.errors import DomainError
from app.infra import clock, datadir
from app.infra.storage import Database
from app.office import settings
from app.protect import hygiene


def second_destination(db: Database) -> Path | None:
    with db.read() as session:
        value = settings.get(session, "backup_second_destination").strip()
    return Path(value).expanduser() if value else None


def copy_to(made: archive.Verification, dest: Path) -> Path:
    """Copy a verified backup and its manifest to ``dest``, checked by hash there."""
    src = Path(made.file)
    hygiene.private_dir(dest)
    tmp = dest / f"{archive.PARTIAL_PREFIX}{src.name}"
    shutil.copyfile(src, tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    if archive.sha256_file(tmp) != made.sha256:
        tmp.unlink(missing_ok=True)
        raise OSError("the copy on the second destination does not match")
    manifest = archive.manifest_path(src).read_bytes()
    names = json.loads(manifest).get("files") or []
    files.copy_new(files.pool_of(src), files.pool_of(dest / src.name), names)
    hygiene.write_private(archive.manifest_path(dest / src.name), manifest, atomic=True)
    os.replace(tmp, dest / src.name)
    hygiene.fsync_dir(dest)
    return dest / src.name


TEST_RESTORE_EVERY_DAYS = 30
TEST_MARKER = "last-test-restore"


def test_restore(data_dir: Path, made: archive.Verification) -> dict[str, Any]:
    """Restore ``made`` into a temporary folder inside the data folder and open it there.

    Proves more than ``verify``: the copy becomes a working station (schema
    upgraded if needed, every dossier readable). The folder is shredded after.
    """
    from sqlalchemy import func, select

    from app.infra.storage import open_database
    from app.protect import keys
    from db.models import Dossier

    tmp = hygiene.private_dir(datadir.backup_dir(data_dir) / f".test-restore-{os.getpid()}")
    try:
        key = keys.load_key(data_dir)
        keys.store_key(tmp, key, [keys.FileStore()])
        archive.restore_backup(tmp, Path(made.file))
        db = open_database(tmp)
        try:
            with db.read() as session:
                dossiers = session.scalar(select(func.count(Dossier.id)))
        finally:
            db.dispose()
        ok = dossiers == made.rows.get("dossier")
    finally:
        keys.forget_cached(tmp)
        for file in sorted(tmp.rglob("*"), reverse=True):
            if file.is_file():
                hygiene.shred(file)
            else:
                file.rmdir()
        tmp.rmdir()
    marker = datadir.backup_dir(data_dir) / TEST_MARKER
    hygiene.write_private(marker, clock.now().date().isoformat().encode(), atomic=True)
    return {"ok": ok, "dossiers": dossiers, "file": made.file}


def test_restore_due(data_dir: Path) -> bool:
    try:
        last = date.fromisoformat((datadir.backup_dir(data_dir) / TEST_MARKER).read_text().strip())
    except (OSError, ValueError):
        return True
    return (clock.now().date() - last).days >= TEST_RESTORE_EVERY_DAYS


def run(db: Database, data_dir: Path, officer: str | None = None) -> dict[str, Any]:
    """Make today's backup, prune by the schedule, and copy it to the second place;
    once a month, restore it into a temporary folder to prove it works."""
    made = archive.make_backup(db, data_dir, officer=officer)
    pruned = retention.prune(archive.default_destination(data_dir))
    result: dict[str, Any] = {**made.to_json(), "pruned": [p.name for p in pruned]}
    if test_restore_due(data_dir):
        try:
            result["test_restore"] = test_restore(data_dir, made)
        except (DomainError, OSError) as exc:
            result["test_restore"] = {"ok": False, "file": made.file, "error": str(exc)}
    second = second_destination(db)
    if second is not None:
        try:
            copy = copy_to(made, second)
            retention.prune(second)
            result["second_copy"] = str(copy.resolve())
        except OSError as exc:
            result["second_copy"] = None
            result["second_copy_error"] = exc.strerror or str(exc)
    return result


def last_backup_day(data_dir: Path):
    folder = archive.default_destination(data_dir)
    newest = None
    for manifest in folder.glob(f"*{archive.SUFFIX}{archive.MANIFEST_SUFFIX}"):
        try:
            stamp = json.loads(manifest.read_text(encoding="utf-8"))["created_at"]
        except (OSError, ValueError, KeyError):
            continue
        newest = max(newest or stamp, stamp)
    return newest[:10] if newest else None

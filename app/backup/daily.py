"""The daily backup: into the data folder, pruned, and copied to a second destination."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from app.backup import archive, retention
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
    hygiene.write_private(archive.manifest_path(dest / src.name), manifest, atomic=True)
    os.replace(tmp, dest / src.name)
    hygiene.fsync_dir(dest)
    return dest / src.name


def run(db: Database, data_dir: Path, officer: str | None = None) -> dict[str, Any]:
    """Make today's backup, prune by the schedule, and copy it to the second place."""
    made = archive.make_backup(db, data_dir, officer=officer)
    pruned = retention.prune(archive.default_destination(data_dir))
    result: dict[str, Any] = {**made.to_json(), "pruned": [p.name for p in pruned]}
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

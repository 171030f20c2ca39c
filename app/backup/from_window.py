"""Backups the window asks for: on demand from Cài đặt, and the daily one while it runs.

The daily one runs at most once a day (the first time the window is up on a
day that has no backup yet, so a missed day is made up at the next start),
after a full check of the live database: a damaged database is reported,
not copied over the good backups.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from app.backup import archive, daily
from app.domain.errors import DomainError
from app.infra import clock
from app.infra.storage import Database
from app.office import auth
from app.office.auth import Actor
from app.protect import integrity, windowlock


def data_dir_of(db: Database) -> Path:
    return db.path.parent


def backup_now(db: Database, actor: Actor) -> dict[str, Any]:
    """Today's backup made now (pruned, copied to the second place), as ``backup`` does."""
    auth.require(actor, "backup.run")
    return daily.run(db, data_dir_of(db), actor.username)


def recent(db: Database, actor: Actor) -> list[dict[str, Any]]:
    """The backups in the data folder and on the second destination, newest first."""
    auth.require(actor, "backup.run")
    folders = [archive.default_destination(data_dir_of(db))]
    second = daily.second_destination(db)
    if second is not None:
        folders.append(second)
    return archive.list_backups(folders)


def verify(db: Database, actor: Actor, file: str) -> archive.Verification:
    auth.require(actor, "backup.run")
    if db.key is None:
        raise DomainError(
            "no_key", "Cơ sở dữ liệu chưa được mã hóa.", "The database is not encrypted."
        )
    return archive.verify_backup(Path(file), db.key)


def restore(
    data_dir: Path, actor: Actor, file: str, window_lock: windowlock.WindowLock | None
) -> dict[str, Any]:
    """The restore ``restore`` runs, for the window that has closed its database."""
    auth.require(actor, "backup.restore")
    return archive.restore_backup(data_dir, Path(file), actor.username, window_lock=window_lock)


def startup_check(db: Database) -> dict[str, Any] | None:
    """The quick page check the window runs once it is up, before anyone signs in.

    None when the database reads back whole; otherwise what was found and the
    newest backup that verifies, to restore from (None if there is none).
    """
    problem = integrity.check(db)
    if not problem:
        return None
    newest = None
    if db.key is not None:
        folders = [archive.default_destination(data_dir_of(db))]
        with contextlib.suppress(Exception):
            second = daily.second_destination(db)  # the damaged database may not say
            if second is not None:
                folders.append(second)
        for item in archive.list_backups(folders)[:5]:
            if archive.verify_backup(Path(item["file"]), db.key).ok:
                newest = item["file"]
                break
    return {"problem": problem, "backup": newest}


def daily_if_due(db: Database, officer: str | None) -> dict[str, Any] | None:
    """The day's check and backup if today has none yet; None when already done."""
    data_dir = data_dir_of(db)
    today = clock.now().date().isoformat()
    if daily.last_backup_day(data_dir) == today:
        return None
    problem = integrity.check(db, full=True)
    if problem:
        return {"ok": False, "integrity": problem}
    return {"ok": True, "integrity": None, **daily.run(db, data_dir, officer)}

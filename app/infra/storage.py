"""Opening the station database and turning storage failures into plain messages."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError

from app.domain.errors import DomainError
from app.infra import datadir
from app.protect import atrest, filecrypt, hygiene, keys
from db import migrate
from db.engine import Database

# The window names the database handle through the core, never through db/.
__all__ = [
    "Database",
    "open_database",
    "storage_error",
    "translating_storage_errors",
    "warm_up",
]

P = ParamSpec("P")
R = TypeVar("R")


def storage_error(exc: BaseException) -> DomainError:
    """Name the storage problem the way an office IT person can act on it."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in text or "read-only" in text or "permission" in text:
        return DomainError(
            "storage_readonly",
            "Thư mục dữ liệu chỉ cho phép đọc; không ghi được. Dữ liệu chưa bị thay đổi.",
            "The data folder is read-only; nothing was written.",
        )
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return DomainError(
            "storage_full",
            "Ổ đĩa đã đầy; không ghi được. Dữ liệu chưa bị thay đổi, hãy giải phóng dung lượng.",
            "The disk is full; nothing was written. Free some space and try again.",
        )
    if "locked" in text or "busy" in text:
        return DomainError(
            "storage_busy",
            "Cơ sở dữ liệu đang bận; vui lòng thử lại sau giây lát.",
            "The database is busy; please try again in a moment.",
        )
    if "unable to open" in text or "not a database" in text or "malformed" in text:
        return DomainError(
            "storage_unreadable",
            "Không mở được tệp cơ sở dữ liệu (hỏng hoặc không truy cập được).",
            "The database file cannot be opened (damaged or inaccessible).",
        )
    return DomainError(
        "storage_error",
        "Lỗi ghi/đọc cơ sở dữ liệu; dữ liệu chưa bị thay đổi.",
        "Database read/write error; nothing was changed.",
    )


def _has_identity(data_dir: Path) -> bool:
    """A folder that has held a station: its data key or its enrolment is there."""
    return keys.record_path(data_dir).exists() or (data_dir / "station-credential.json").exists()


def _cipher_error() -> type[Exception]:
    from db.engine import cipher_module

    return cipher_module().Error


def translating_storage_errors(fn: Callable[P, R]) -> Callable[P, R]:
    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (OperationalError, DBAPIError, sqlite3.Error, _cipher_error(), OSError) as exc:
            raise storage_error(exc) from exc

    return wrapper


@translating_storage_errors
def open_database(data_dir: Path, *, create: bool = False) -> Database:
    """Open (and upgrade) the station database in ``data_dir``.

    The file is encrypted with the station's data key (a plain database
    from an older version is encrypted in place first). The schema is
    brought to the newest migration every time; an existing file is copied
    to ``backups/`` before any upgrade.
    """
    path = datadir.db_path(data_dir)
    if data_dir.is_dir():
        atrest.recover_interrupted(path)
    missing = not path.exists() or path.stat().st_size == 0
    if missing and _has_identity(data_dir):
        raise DomainError(
            "database_missing",
            f"Quầy này đã có danh tính (khóa dữ liệu, đăng ký) nhưng tệp cơ sở dữ liệu "
            f"{path} bị mất hoặc rỗng; không tạo quầy mới để tránh cấp trùng mã hồ sơ. "
            f"Khôi phục bản sao lưu gần nhất: “backup list” rồi “restore TỆP”.",
            f"This station has an identity (data key, enrolment) but its database {path} "
            f"is missing or empty; no new station is made, so no code is issued twice. "
            f"Restore the newest backup: “backup list”, then “restore FILE”.",
        )
    if not path.exists() and not create:
        raise DomainError(
            "not_initialised",
            f"Thư mục dữ liệu {data_dir} chưa được khởi tạo; chạy lệnh “init” trước.",
            f"The data folder {data_dir} is not initialised; run “init” first.",
        )
    hygiene.private_dir(data_dir)
    key = keys.load_key(data_dir)
    if path.exists() and atrest.is_plaintext(path):
        key = key or keys.new_key(data_dir)
        atrest.encrypt_in_place(path, key)
        atrest.encrypt_plain_copies(datadir.backup_dir(data_dir), key)
    elif not path.exists() or path.stat().st_size == 0:
        key = key or keys.new_key(data_dir)
    elif key is None:
        raise keys.key_lost(data_dir)
    # SQLite gives the -wal and -shm files the main file's mode: make it 0600 first.
    if not path.exists():
        hygiene.write_private(path, b"")
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists():
            hygiene.private_file(file)
    db = Database(path, key)
    try:
        copy = migrate.upgrade(db.writer, path, datadir.backup_dir(data_dir))
    except BaseException:
        db.dispose()
        raise
    if copy is not None:
        hygiene.private_dir(copy.parent)
        hygiene.private_file(copy)
    try:
        # What a killed OCR left in clear in the data folder's working folder.
        hygiene.shred_stale(data_dir / "tmp")
        # Scans and slips from before encryption are converted once (a marker says done).
        filecrypt.encrypt_tree(datadir.attachments_dir(data_dir), key, filecrypt.ATTACHMENT)
        filecrypt.encrypt_tree(datadir.paper_archive_dir(data_dir), key, filecrypt.SLIP)
    except BaseException:
        db.dispose()
        raise
    return db


def warm_up() -> None:
    """Set up the ORM's mappers (a one-off cost of a good tenth of a second), meant
    for a worker thread while the window shows, before the first ORM query needs them."""
    from sqlalchemy.orm import configure_mappers

    import db.models  # noqa: F401 - the mappers to configure

    configure_mappers()


def connect_file(path: Path, **kwargs) -> sqlite3.Connection:
    """A raw DB-API connection to a station database file (or a copy of one
    beside it), keyed with the data key of the folder it sits in, or of
    ``data_dir`` when given."""
    data_dir = kwargs.pop("data_dir", None) or path.parent
    from db.engine import connect

    return connect(path, keys.load_key(data_dir), **kwargs)

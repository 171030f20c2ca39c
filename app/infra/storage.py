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
from db import migrate
from db.engine import Database

# The window names the database handle through the core, never through db/.
__all__ = ["Database", "open_database", "storage_error", "translating_storage_errors"]

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


def translating_storage_errors(fn: Callable[P, R]) -> Callable[P, R]:
    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (OperationalError, DBAPIError, sqlite3.OperationalError, OSError) as exc:
            raise storage_error(exc) from exc

    return wrapper


@translating_storage_errors
def open_database(data_dir: Path, *, create: bool = False) -> Database:
    """Open (and upgrade) the station database in ``data_dir``.

    The schema is brought to the newest migration every time; an existing
    file is copied to ``backups/`` before any upgrade.
    """
    path = datadir.db_path(data_dir)
    if not path.exists() and not create:
        raise DomainError(
            "not_initialised",
            f"Thư mục dữ liệu {data_dir} chưa được khởi tạo; chạy lệnh “init” trước.",
            f"The data folder {data_dir} is not initialised; run “init” first.",
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    try:
        migrate.upgrade(db.writer, path, datadir.backup_dir(data_dir))
    except BaseException:
        db.dispose()
        raise
    return db

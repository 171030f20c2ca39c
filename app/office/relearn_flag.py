"""Whether the station is still relearning its codes after a restore.

A database put back from a backup does not know the codes it handed out after
the backup was made, and the server has seen some of them. Until the station
has asked the server (``app.sync.relearn``) it must hand out no new code: the
flag says so, kept in the database itself so that it survives a restart and
goes with the restored copy. When the server cannot be reached the station
may work on with its day counters moved ahead by a margin (``offline``); the
relearn still runs at the next round that reaches the server.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from db.models import SyncCursor

NAME = "relearn"
PENDING = "pending"  # restored, the server not asked yet: no new code
OFFLINE = "offline"  # the server was unreachable: counters skipped ahead, codes allowed


def get(session: Session) -> dict[str, Any] | None:
    """``{"state", "backup_day", "at"}`` while relearning, else None."""
    row = session.get(SyncCursor, NAME)
    if row is None or not row.value:
        return None
    try:
        value = json.loads(row.value)
    except ValueError:
        # Unreadable means someone broke it: treat it as still to do, the safe side.
        return {"state": PENDING, "backup_day": None, "at": None}
    return value if isinstance(value, dict) and value.get("state") else None


def put(session: Session, state: str, backup_day: date, now: datetime) -> None:
    """``backup_day``: when the restored backup was made; what came after it is relearnt."""
    value = json.dumps(
        {"state": state, "backup_day": backup_day.isoformat(), "at": now.isoformat()}
    )
    row = session.get(SyncCursor, NAME)
    if row is None:
        session.add(SyncCursor(name=NAME, value=value, updated_at=now))
    else:
        row.value, row.updated_at = value, now


def clear(session: Session, now: datetime) -> None:
    row = session.get(SyncCursor, NAME)
    if row is not None:
        row.value, row.updated_at = "", now


def backup_day(flag: dict[str, Any], default: date) -> date:
    try:
        return date.fromisoformat(flag.get("backup_day") or "")
    except ValueError:
        return default


def refuse_new_code(session: Session) -> None:
    """Raise while a restored station has not yet learnt its codes from the server."""
    flag = get(session)
    if flag is not None and flag.get("state") == PENDING:
        raise DomainError(
            "relearning",
            "Quầy vừa được khôi phục từ bản sao lưu và chưa hỏi lại máy chủ những hồ sơ, "
            "số thứ tự đã cấp sau bản sao lưu, nên chưa thể cấp mã hồ sơ mới (tránh trùng "
            "mã). Hãy đồng bộ với máy chủ (nút Đồng bộ hoặc lệnh “sync”); nếu không có "
            "mạng, lần đồng bộ đó sẽ cho phép tiếp nhận với số thứ tự nhảy trước.",
            "This station was just restored from a backup and has not yet asked the server "
            "which dossiers and sequence numbers it issued after the backup, so it cannot "
            "issue a new dossier code (it could repeat one). Synchronise with the server "
            "(the Sync button or the “sync” command); without a network, that attempt lets "
            "intake go on with the sequence skipped ahead.",
        )

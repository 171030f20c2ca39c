"""Named values the sync keeps between rounds (pull cursor, master versions, times)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from db.models import SyncCursor


def get(session: Session, name: str) -> str | None:
    row = session.get(SyncCursor, name)
    return row.value if row else None


def put(session: Session, name: str, value: str, now: datetime) -> None:
    row = session.get(SyncCursor, name)
    if row is None:
        session.add(SyncCursor(name=name, value=value, updated_at=now))
    else:
        row.value = value
        row.updated_at = now

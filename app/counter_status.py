"""What the window's status bar shows about the station and its sync backlog."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app import settings, station
from db.engine import Database
from db.models import OutboxEvent, SyncCursor


@dataclass(frozen=True)
class CounterStatus:
    agency_code: str
    office_name: str
    station_number: int
    # Changes recorded here and not yet accepted by the server.
    pending_changes: int
    last_sync_at: datetime | None
    server_configured: bool


def read(db: Database) -> CounterStatus:
    with db.read() as session:
        info = station.load(session)
        pending = session.scalar(
            select(func.count(OutboxEvent.id)).where(
                OutboxEvent.sent_at.is_(None), OutboxEvent.rejected.is_(False)
            )
        )
        last_sent = session.scalar(select(func.max(OutboxEvent.sent_at)))
        last_pull = session.scalar(select(func.max(SyncCursor.updated_at)))
        server = settings.get(session, "server_url")
    stamps = [s for s in (last_sent, last_pull) if s is not None]
    return CounterStatus(
        agency_code=info.agency_code,
        office_name=info.office_name,
        station_number=info.station_number,
        pending_changes=int(pending or 0),
        last_sync_at=max(stamps) if stamps else None,
        server_configured=bool(server),
    )


def startup_info(db: Database) -> tuple[str, str]:
    """The office's name and the window's language, read once at start."""
    with db.read() as session:
        return station.load(session).office_name, settings.get(session, "language")

"""What the window's status bar shows about the station and its sync backlog."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.infra import clock
from app.office import settings, station
from db.engine import Database
from db.models import Office, Setting, Station


@dataclass(frozen=True)
class CounterStatus:
    agency_code: str
    office_name: str
    station_number: int
    # Changes recorded here and not yet accepted by the server.
    pending_changes: int
    # The end of the last round that succeeded, whoever ran it (window or command line).
    last_sync_at: datetime | None
    enrolled: bool
    server_url: str | None = None
    bytes_to_upload: int = 0
    rejected_changes: int = 0
    last_attempt_at: datetime | None = None
    master_refreshed_at: datetime | None = None
    warnings: list[str] = field(default_factory=list)
    # Feedback (phản ánh, kiến nghị) past the deadline now running, or within two working days.
    feedback_overdue: int = 0
    feedback_due_soon: int = 0
    # After a restore, what every officer at the counter must know before an
    # intake (codes held back, or skipped ahead); None once the station has relearnt.
    restore_notice: str | None = None

    @property
    def server_configured(self) -> bool:
        return self.enrolled


def read(db: Database, data_dir: Path | None = None, now: datetime | None = None) -> CounterStatus:
    """The station's state; ``data_dir`` defaults to the folder holding the database."""
    # Imported here: the sync modules bring the wire schema (pydantic), which the
    # window need not load before its first screen; this runs on a worker anyway.
    from app.feedback import queries as feedback
    from app.sync import relearn, upload
    from app.sync.health import sync_health

    now = now or clock.now()
    health = sync_health(db, data_dir or db.path.parent, now)
    with db.read() as session:
        info = station.load(session)
    opinions = feedback.counts(db, now.date())
    return CounterStatus(
        agency_code=info.agency_code,
        office_name=info.office_name,
        station_number=info.station_number,
        pending_changes=health.pending_events,
        last_sync_at=health.last_success,
        enrolled=health.enrolled,
        server_url=health.server_url,
        bytes_to_upload=upload.bytes_left(db),
        rejected_changes=health.rejected_events,
        last_attempt_at=health.last_attempt,
        master_refreshed_at=health.master_refreshed_at,
        warnings=list(health.warnings),
        feedback_overdue=opinions.overdue,
        feedback_due_soon=opinions.due_soon,
        restore_notice=relearn.offline_message({"state": health.relearn})
        if health.relearn
        else None,
    )


def startup_info(db: Database) -> tuple[str, str]:
    """The office's name and the window's language, read once at start.

    Plain table reads: the window's first paint does not wait for the ORM's
    mapper set-up, which a worker does meanwhile (``storage.warm_up``)."""
    office, local, setting = Office.__table__, Station.__table__, Setting.__table__
    with db.read_connection() as conn:
        name = conn.execute(
            select(office.c.name)
            .join_from(office, local, local.c.office_id == office.c.id)
            .where(local.c.is_local.is_(True))
        ).scalar()
        language = conn.execute(select(setting.c.value).where(setting.c.key == "language")).scalar()
    if name is None:
        raise station.not_initialised()
    return name, language if language is not None else settings.SPECS["language"].default

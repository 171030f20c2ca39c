"""One sync round: push the outbox, pull changes, refresh master data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from app import clock, station
from app.capture.store import AttachmentStore
from app.domain.errors import DomainError
from app.sync import credentials, cursors
from app.sync.pull import pull_changes, refresh_master
from app.sync.push import pending_count, push_all
from app.sync.transport import SyncError, Transport
from app.sync.upload import upload_all
from db.engine import Database


@dataclass
class RoundReport:
    started_at: datetime
    finished_at: datetime | None = None
    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    uploaded_bytes: int = 0
    master_updated: list[str] = field(default_factory=list)
    pending: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        return data


def not_enrolled() -> DomainError:
    return DomainError(
        "not_enrolled",
        "Quầy chưa đăng ký với máy chủ; dùng lệnh “enroll” hoặc trang Cài đặt.",
        "This station is not enrolled with a server; use “enroll” or Settings.",
    )


def run_round(db: Database, data_dir: Path) -> RoundReport:
    """Never raises for network trouble: failures are in the report, data stays queued."""
    cred = credentials.load(data_dir)
    if cred is None:
        raise not_enrolled()
    report = RoundReport(started_at=clock.now())
    transport = Transport(cred.server_url, cred.station_token)
    try:
        with db.read() as session:
            number = station.load(session).station_number
        counts = push_all(db, transport)
        report.pushed = counts["applied"]
        report.duplicates = counts["duplicate"]
        report.conflicts = counts["conflict"]
        report.rejected = counts["rejected"]
        report.uploaded_bytes = upload_all(db, transport, AttachmentStore.for_data_dir(data_dir))
        report.pulled = pull_changes(db, transport, number)
        report.master_updated = refresh_master(db, transport, clock.now())
    except SyncError as exc:
        report.errors.append(exc.message_vi)
    except DomainError as exc:
        report.errors.append(exc.message_vi)
    finally:
        transport.close()
    report.finished_at = clock.now()
    report.pending = pending_count(db)
    with db.write() as session:
        cursors.put(session, "last_attempt", report.finished_at.isoformat(), report.finished_at)
        if report.ok:
            cursors.put(session, "last_success", report.finished_at.isoformat(), report.finished_at)
    return report

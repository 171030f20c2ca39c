"""How current the station is: what waits to be sent, and how old its master data is.

The window's status bar and the sync page show this; a supervisor sees the
warnings, which are what a station offline for days needs someone to notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from app.office import relearn_flag, settings
from app.sync import credentials, cursors, relearn
from app.sync.round import CLOCK_SKEW_LIMIT, describe_skew
from db.engine import Database
from db.models import OutboxEvent


@dataclass(frozen=True)
class SyncHealth:
    enrolled: bool
    server_url: str | None
    pending_events: int
    rejected_events: int
    oldest_pending_at: datetime | None
    last_success: datetime | None
    last_attempt: datetime | None
    master_refreshed_at: datetime | None
    warnings: list[str] = field(default_factory=list)
    # After a restore: "pending" (no new code until the server is asked) or "offline".
    relearn: str | None = None


def _stamp(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _seconds(value: str | None) -> timedelta | None:
    try:
        return timedelta(seconds=int(value)) if value else None
    except ValueError:
        return None


def sync_health(db: Database, data_dir: Path, now: datetime) -> SyncHealth:
    cred = credentials.load(data_dir)
    with db.read() as session:
        pending = (
            select(OutboxEvent)
            .where(OutboxEvent.sent_at.is_(None), OutboxEvent.rejected.is_(False))
            .subquery()
        )
        count = session.scalar(select(func.count()).select_from(pending)) or 0
        oldest = session.scalar(select(func.min(pending.c.created_at)))
        rejected = (
            session.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.rejected.is_(True)))
            or 0
        )
        last_success = _stamp(cursors.get(session, "last_success"))
        last_attempt = _stamp(cursors.get(session, "last_attempt"))
        master = _stamp(cursors.get(session, "master_refreshed_at"))
        stale_days = settings.get_int(session, "stale_master_days")
        stale_hours = settings.get_int(session, "stale_outbox_hours")
        skew = _seconds(cursors.get(session, "clock_skew_seconds"))
        restored = relearn_flag.get(session)
    warnings: list[str] = []
    if restored is not None:
        warnings.append(relearn.offline_message(restored) or "")
    if cred is None:
        warnings.append("Quầy chưa đăng ký với máy chủ: hồ sơ chỉ lưu trên máy này.")
    if oldest is not None and now - oldest > timedelta(hours=stale_hours):
        hours = int((now - oldest).total_seconds() // 3600)
        warnings.append(f"Có {count} thay đổi chờ gửi, lâu nhất đã {hours} giờ.")
    if cred is not None and (master is None or now - master > timedelta(days=stale_days)):
        since = f"từ {master:%d/%m/%Y}" if master else "từ khi cài đặt"
        warnings.append(f"Danh mục thủ tục và lịch làm việc chưa được cập nhật {since}.")
    if skew is not None and abs(skew) > CLOCK_SKEW_LIMIT:
        warnings.append(describe_skew(skew))
    if rejected:
        warnings.append(
            f"{rejected} thay đổi bị máy chủ từ chối; các hồ sơ đó vẫn lưu trên "
            "máy này, đánh dấu đỏ kèm lý do."
        )
    return SyncHealth(
        enrolled=cred is not None,
        server_url=cred.server_url if cred else None,
        pending_events=count,
        rejected_events=rejected,
        oldest_pending_at=oldest,
        last_success=last_success,
        last_attempt=last_attempt,
        master_refreshed_at=master,
        warnings=warnings,
        relearn=restored.get("state") if restored else None,
    )

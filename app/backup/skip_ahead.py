"""After a restore, never hand out a code the lost days may already have used.

A backup is older than the database it replaces: dossiers received after it
were given codes the restored copy does not know, and the server has seen
some of them. A station enrolled with a server is marked as relearning: it
issues no code until it has asked the server (``app.sync.relearn``), or, when
the server cannot be reached, until each recent day's counter has jumped
ahead by a margin. A station without a server jumps ahead at once. Every jump
is written to the audit log.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.infra import datadir, journal
from app.office import relearn_flag, station
from db.models import DaySequence

MARGIN = 300
LOOKBACK_DAYS = 7


def skip_ahead(session: Session, backup_day: date, today: date) -> list[dict[str, Any]]:
    """Move the day counters from ``backup_day`` (a week before, for back-dated
    intakes) to ``today`` ahead by ``MARGIN``; returns what moved."""
    info = station.load(session)
    slc = info.sequence
    rows = {
        r.day: r
        for r in session.scalars(
            select(DaySequence).where(DaySequence.station_id == info.station_id)
        )
    }
    days = {today} | {d for d in rows if d >= backup_day - timedelta(days=LOOKBACK_DAYS)}
    if rows:
        days.add(max(rows))
    moved = []
    for day in sorted(days):
        row = rows.get(day)
        last = row.last_used if row is not None else slc.start - 1
        new = min(max(last, slc.start - 1) + MARGIN, slc.end - 1)
        if new <= last:
            continue
        if row is None:
            session.add(DaySequence(day=day, station_id=info.station_id, last_used=new))
        else:
            row.last_used = new
        moved.append({"day": day.isoformat(), "from": last, "to": new})
    return moved


def skip_and_audit(
    session: Session, backup_day: date, now: datetime, officer: str | None, reason: str
) -> list[dict[str, Any]]:
    moved = skip_ahead(session, backup_day, now.date())
    journal.audit(
        session,
        officer,
        "sequence.skip_ahead",
        None,
        now,
        {"reason": reason, "margin": MARGIN, "days": moved},
    )
    return moved


def after_restore(
    session: Session, data_dir: Path, backup_day: date, now: datetime, officer: str | None
) -> tuple[list[dict[str, Any]], bool]:
    """What a restore does to the day counters: ``(moved, relearning)``."""
    if not datadir.enrolled(data_dir):
        return skip_and_audit(session, backup_day, now, officer, "restore"), False
    relearn_flag.put(session, relearn_flag.PENDING, backup_day, now)
    journal.audit(
        session,
        officer,
        "sequence.relearn_pending",
        None,
        now,
        {"reason": "restore", "backup_day": backup_day.isoformat()},
    )
    return [], True

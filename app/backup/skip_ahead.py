"""After a restore, never hand out a code the lost days may already have used.

A backup is older than the database it replaces: dossiers received after it
were given codes the restored copy does not know, and the server has seen
some of them. Until the station has learnt its true sequence from the
server, each recent day's counter jumps ahead by a margin, and the jump is
written to the audit log.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.office import station
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

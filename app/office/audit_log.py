"""Reading the audit log: who did what, when, filtered by officer, action and day.

A supervisor's window onto the log, so the look-ups of a person and every
print, export and backup can be reviewed, not only verified. Reading the log
is itself written to it (with the filter used, never the rows shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from db.engine import Database
from db.models import AuditLog

MAX_ROWS = 1000


@dataclass(frozen=True)
class Entry:
    id: int
    at: datetime
    officer: str | None
    action: str
    target: str | None
    detail: Any

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(sep=" ", timespec="seconds"),
            "officer": self.officer,
            "action": self.action,
            "target": self.target,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    total: int  # how many matched; at most MAX_ROWS of them are in ``entries``
    officers: list[str]
    actions: list[str]


def entries(
    db: Database,
    actor: Actor,
    *,
    officer: str | None = None,
    action: str | None = None,
    day_from: date | None = None,
    day_to: date | None = None,
    limit: int = MAX_ROWS,
) -> Page:
    """The matching entries, newest first; ``action`` matches a prefix (``print.``)."""
    auth.require(actor, "audit.view")
    clauses = []
    if officer:
        clauses.append(AuditLog.officer == officer)
    if action:
        clauses.append(AuditLog.action.startswith(action, autoescape=True))
    if day_from:
        clauses.append(AuditLog.at >= datetime.combine(day_from, time.min))
    if day_to:
        clauses.append(AuditLog.at < datetime.combine(day_to + timedelta(days=1), time.min))
    limit = max(1, min(limit, MAX_ROWS))
    with db.read() as session:
        total = session.scalar(select(func.count(AuditLog.id)).where(*clauses)) or 0
        rows = session.scalars(
            select(AuditLog).where(*clauses).order_by(AuditLog.id.desc()).limit(limit)
        ).all()
        found = [Entry(r.id, r.at, r.officer, r.action, r.target, r.detail) for r in rows]
        officers = sorted(
            o for o in session.scalars(select(AuditLog.officer).distinct()) if o is not None
        )
        actions = sorted(session.scalars(select(AuditLog.action).distinct()))
    with db.write() as session:
        journal.audit(
            session,
            actor.username,
            "audit.view",
            None,
            clock.now(),
            {
                "officer": officer,
                "action": action,
                "from": day_from.isoformat() if day_from else None,
                "to": day_to.isoformat() if day_to else None,
                "matched": total,
            },
        )
    return Page(found, total, officers, actions)

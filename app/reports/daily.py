"""The close-of-day summary: what the counter did today and what is overdue.

The figures come from the same rules as the period reports (a one-day
period), so the day's sheet and the monthly table never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.infra import clock
from app.office import auth
from app.office.auth import Actor
from app.protect import audit_chain
from app.reports import drilldown, indicators
from app.reports.period import Period
from db.engine import Database

OVERDUE_LISTED = 500

_RETURNED = """
SELECT COUNT(DISTINCT dossier_id) FROM status_history WHERE status = 10 AND at >= ? AND at < ?
"""


@dataclass(frozen=True)
class DaySummary:
    day: date
    office_code: str
    office_name: str
    made_at: datetime
    received: int
    received_online: int
    ready: int
    returned: int
    ended_without_result: int
    in_progress: int
    overdue_count: int
    # The first OVERDUE_LISTED of them, oldest first.
    overdue: list[drilldown.DossierLine]
    # The audit chain's newest entry when the summary was made: on paper, it
    # fixes the log as it stood that evening (``audit verify`` shows any later edit).
    audit_head: audit_chain.Head | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "office_code": self.office_code,
            "office_name": self.office_name,
            "made_at": self.made_at.isoformat(),
            "received": self.received,
            "received_online": self.received_online,
            "ready": self.ready,
            "returned": self.returned,
            "ended_without_result": self.ended_without_result,
            "in_progress": self.in_progress,
            "overdue_count": self.overdue_count,
            "overdue": [
                {
                    "code": d.code,
                    "applicant_name": d.applicant_name,
                    "procedure_code": d.procedure_code,
                    "received_at": d.received_at.isoformat(),
                    "due_at": d.due_at.isoformat() if d.due_at else None,
                }
                for d in self.overdue
            ],
            "audit_head": self.audit_head.to_json() if self.audit_head else None,
        }


def summary(db: Database, actor: Actor, day: date, now: datetime | None = None) -> DaySummary:
    auth.require(actor, "report.view")
    now = now or clock.now()
    rep = indicators.compute(db, Period(day, day), now=now)
    start = datetime.combine(day, datetime.min.time())
    with db.read() as session:
        cur = session.connection().connection.dbapi_connection.cursor()
        (returned,) = cur.execute(
            _RETURNED, (start.isoformat(" "), (start + timedelta(days=1)).isoformat(" "))
        ).fetchone()
        cur.close()
        head = audit_chain.head(session)
    c = rep.counts
    return DaySummary(
        day=day,
        office_code=rep.office_code,
        office_name=rep.office_name,
        made_at=now,
        received=c["received"],
        received_online=c["received_online"],
        ready=c["resolved_early"]
        + c["resolved_on_time"]
        + c["resolved_late"]
        - c["ended_without_result"],
        returned=returned,
        ended_without_result=c["ended_without_result"],
        in_progress=rep.in_progress,
        overdue_count=c["in_progress_overdue"],
        overdue=drilldown.dossiers(db, rep.members["in_progress_overdue"], limit=OVERDUE_LISTED),
        audit_head=head,
    )

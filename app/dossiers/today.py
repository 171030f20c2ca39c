"""The counter's day at a glance: what was received, what falls due, what waits.

Each count has the filter that lists exactly the dossiers it counts, so the
start of the Hồ sơ screen can open that list with one click.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import String, func, select, type_coerce

from app.domain.status import OVERDUE_CLOCK_STATUSES, Status
from app.dossiers.dossier_query import DossierFilter, overdue_clause
from app.infra import clock
from app.office import auth
from app.office.auth import Actor
from db.engine import Database
from db.models import Dossier

KINDS = ("received", "due_today", "overdue", "supplement", "ready")


@dataclass(frozen=True)
class DayCounts:
    received: int
    due_today: int
    overdue: int
    supplement: int
    ready: int

    def get(self, kind: str) -> int:
        return int(getattr(self, kind))


def filter_for(kind: str, now: datetime) -> DossierFilter:
    """The dossier list behind one count."""
    today = now.date()
    return {
        "received": DossierFilter(received_from=today, received_to=today),
        "due_today": DossierFilter(due_on=today),
        "overdue": DossierFilter(overdue=True, overdue_open_only=True),
        "supplement": DossierFilter(status=int(Status.SUPPLEMENT)),
        "ready": DossierFilter(status=int(Status.RESOLVED)),
    }[kind]


def counts(db: Database, actor: Actor, now: datetime | None = None) -> DayCounts:
    """Today's counts for the station (one short read)."""
    auth.require(actor, "dossier.lookup")
    now = now or clock.now()
    today = now.date()
    received = type_coerce(Dossier.received_at, String)
    due = type_coerce(Dossier.due_at, String)
    running = Dossier.status.in_([int(s) for s in OVERDUE_CLOCK_STATUSES])
    tomorrow = (today + timedelta(days=1)).isoformat()

    def count(*where) -> int:
        return session.scalar(select(func.count(Dossier.id)).where(*where)) or 0

    with db.read() as session:
        return DayCounts(
            received=count(received >= today.isoformat(), received < tomorrow),
            due_today=count(
                running, Dossier.cancelled_at.is_(None), due >= today.isoformat(), due < tomorrow
            ),
            # What the office can still act on; the list behind it uses the same condition.
            overdue=count(overdue_clause(now, open_only=True)),
            supplement=count(Dossier.status == int(Status.SUPPLEMENT)),
            ready=count(Dossier.status == int(Status.RESOLVED)),
        )

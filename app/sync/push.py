"""Draining the outbox: events go in order, and leave only once acknowledged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from app.infra import clock
from app.sync import protocol as p
from app.sync.transport import SyncError, Transport
from db.engine import Database
from db.models import Dossier, OutboxEvent, StatusHistory

# As many as the server takes in one request: per-request costs are paid once per batch.
BATCH = p.MAX_PUSH_EVENTS
ACKNOWLEDGED = ("applied", "duplicate")


def pending_count(db: Database) -> int:
    from sqlalchemy import func

    with db.read() as session:
        return (
            session.scalar(
                select(func.count(OutboxEvent.id)).where(
                    OutboxEvent.sent_at.is_(None), OutboxEvent.rejected.is_(False)
                )
            )
            or 0
        )


def _wire(event: OutboxEvent) -> dict:
    return {
        "event_uuid": event.uuid,
        "type": event.type,
        "dossier_uuid": event.dossier_uuid,
        "payload": event.payload,
        "client_time": clock.to_wire(event.created_at),
    }


def push_all(
    db: Database,
    transport: Transport,
    now: Callable[[], datetime] = clock.now,
    *,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Send pending events in batches; returns counts by outcome.

    ``progress`` hears how many events each batch settled.
    """
    counts = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    while True:
        with db.read() as session:
            events = session.scalars(
                select(OutboxEvent)
                .where(OutboxEvent.sent_at.is_(None), OutboxEvent.rejected.is_(False))
                .order_by(OutboxEvent.id)
                .limit(BATCH)
            ).all()
        if not events:
            return counts
        try:
            body = transport.call("POST", "/push", json={"events": [_wire(e) for e in events]})
        except SyncError as exc:
            _record_failure(db, [e.id for e in events], exc.message_vi)
            raise
        results = {r["event_uuid"]: r for r in body.get("results", [])}
        answered = _record_results(db, events, results, now())
        for outcome in answered:
            counts[outcome] += 1
        if progress:
            progress(len(answered))
        if len(answered) < len(events):
            # The server stopped part-way; what it did not answer stays queued.
            return counts


def _record_failure(db: Database, ids: list[int], message: str) -> None:
    with db.write() as session:
        for event in session.scalars(select(OutboxEvent).where(OutboxEvent.id.in_(ids))):
            event.attempts += 1
            event.last_error = message


def _record_results(
    db: Database, events: list[OutboxEvent], results: dict, at: datetime
) -> list[str]:
    answered: list[str] = []
    with db.write() as session:
        rows = {
            row.id: row
            for row in session.scalars(
                select(OutboxEvent).where(OutboxEvent.id.in_([e.id for e in events]))
            )
        }
        for stale in events:
            result = results.get(stale.uuid)
            if result is None:
                break
            event = rows[stale.id]
            outcome = result["outcome"]
            message = result.get("message")
            event.attempts += 1
            if outcome in ACKNOWLEDGED:
                event.sent_at = at
                event.last_error = None
            elif outcome == "conflict":
                # The server kept both versions; ours is settled, the pull brings theirs.
                event.sent_at = at
                event.last_error = message
                _note_on_dossier(session, event, f"Xung đột đồng bộ: {message}", at)
            else:
                event.rejected = True
                event.last_error = message
                dossier = _dossier(session, event)
                # A refused rating (the citizen rated that stage on the public
                # page first) says nothing wrong about the dossier itself.
                if dossier is not None and event.type != "dossier.rated":
                    dossier.sync_error = message or "Máy chủ từ chối"
            answered.append(outcome)
    return answered


def _dossier(session, event: OutboxEvent) -> Dossier | None:
    if not event.dossier_uuid:
        return None
    return session.scalar(select(Dossier).where(Dossier.uuid == event.dossier_uuid))


def _note_on_dossier(session, event: OutboxEvent, note: str, at: datetime) -> None:
    dossier = _dossier(session, event)
    if dossier is not None:
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=dossier.status,
                officer=None,
                at=at,
                note=note,
                source="sync",
            )
        )

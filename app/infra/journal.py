"""The outbox and the audit log, written inside the caller's transaction.

Writing the change, its outbox event and its audit entry in one transaction
means a crash leaves all three or none.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.protect import audit_chain
from db.models import AuditLog, OutboxEvent


def add_event(
    session: Session,
    event_type: str,
    payload: dict[str, Any],
    at: datetime,
    dossier_uuid: str | None = None,
) -> OutboxEvent:
    event = OutboxEvent(
        uuid=str(uuid.uuid4()),
        type=event_type,
        dossier_uuid=dossier_uuid,
        payload=payload,
        created_at=at,
        attempts=0,
        rejected=False,
    )
    session.add(event)
    return event


def audit(
    session: Session,
    officer: str | None,
    action: str,
    target: str | None,
    at: datetime,
    detail: dict[str, Any] | None = None,
) -> None:
    entry = AuditLog(at=at, officer=officer, action=action, target=target, detail=detail)
    audit_chain.append(session, entry)

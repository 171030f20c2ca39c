"""Sending the station's audit chain head to the server at each sync round.

The server keeps every head it is sent and flags one that goes backwards or
no longer matches a head reported before (``server/audit_heads.py``). To let
it see an edit behind the newest entry too, the station also sends its
chain's hash now at the id the server recorded last (the anchor).
"""

from __future__ import annotations

from app.infra import clock
from app.protect import audit_chain
from app.sync import cursors
from app.sync import protect_wire as w
from app.sync.transport import SyncError, Transport
from db.engine import Database
from db.models import AuditLog

SENT_CURSOR = "audit_head_sent"


def report_head(db: Database, transport: Transport) -> w.AuditHeadAnswer | None:
    """Send the head; None when it is the one sent last, or the server is older than the call.

    An unchanged head is not sent again: an edit behind it, or entries cut
    off, change the head too.
    """
    with db.read() as session:
        head = audit_chain.head(session)
        if head is None or cursors.get(session, SENT_CURSOR) == f"{head.id}:{head.hash}":
            return None
    try:
        known = w.AuditHeadState.model_validate(transport.call("GET", "/station/audit-head"))
    except SyncError as exc:
        if exc.code == "not_found":
            return None
        raise
    with db.read() as session:
        head = audit_chain.head(session)
        if head is None:
            return None
        entry = session.get(AuditLog, head.id)
        anchor = None
        if known.id is not None:
            then = session.get(AuditLog, known.id)
            anchor = w.AuditAnchor(id=known.id, hash=then.chain_hash if then else None)
    body = w.AuditHeadReport(
        id=head.id,
        hash=head.hash,
        seal=head.seal,
        at=entry.at if entry is not None else clock.now(),
        anchor=anchor,
    )
    answer = transport.call("POST", "/station/audit-head", json=body.model_dump(mode="json"))
    with db.write() as session:
        cursors.put(session, SENT_CURSOR, f"{head.id}:{head.hash}", clock.now())
    return w.AuditHeadAnswer.model_validate(answer)

"""Dossier bookkeeping shared by push, back office and attachments.

Every change that stations should learn about goes through
:func:`append_change`, which numbers it for the feed (:mod:`server.feed`
keeps a puller from stepping over a change that commits later with a
smaller number, without any lock). :func:`lock_office` serialises what must
not interleave within an office: a manifest read against a file's
completion, the registers and versions an office counts.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain.status import Status
from app.sync import protocol as p
from server import feed
from server.common import now
from server.models import (
    Blob,
    BlobOffice,
    ChangeRecord,
    Dossier,
    DossierHistory,
    EventRecord,
    ManifestItem,
    Office,
)


def lock_office(session: Session, office_id: int, *, shared: bool = False) -> None:
    """Lock the office row until commit; ``shared`` lets other shared holders in.

    Pushes hold it shared: they do not wait for each other (each locks the
    dossiers it touches, :func:`lock_dossiers`), only for the writers that
    take it whole (an upload's completion, the back office, registers).
    """
    if session.get_bind().dialect.name == "sqlite":
        # Every SQLite write transaction begins IMMEDIATE and so already
        # holds the only write lock until it commits: the office is locked.
        return
    query = select(Office.id).where(Office.id == office_id)
    session.execute(query.with_for_update(read=shared))


def lock_dossiers(session: Session, uuids: Iterable[uuid.UUID]) -> None:
    """Lock the existing dossiers among ``uuids`` until commit, in id order.

    One order for every locker, so two pushes sharing dossiers never
    deadlock. ``NO KEY UPDATE``: rows that merely refer to a dossier (its
    history) can still be added by others meanwhile.
    """
    if session.get_bind().dialect.name == "sqlite":
        return
    wanted = list(set(uuids))
    if wanted:
        session.execute(
            select(Dossier.id)
            .where(Dossier.uuid.in_(wanted))
            .order_by(Dossier.id)
            .with_for_update(key_share=True)
        )


class Pending:
    """Rows a batch writes and never reads back, inserted together by :meth:`write`.

    A push adds thousands of history lines, feed rows and event records;
    as ORM objects each costs more than its insert. Held here as plain rows,
    they go in one ``executemany`` per table (history after the dossiers it
    names have their ids). Active while set on the session (:meth:`attach`).
    """

    _KEY = "motcua_pending_rows"

    def __init__(self) -> None:
        self.history: list[tuple[Dossier, dict[str, Any]]] = []
        self.changes: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def attach(self, session: Session) -> None:
        session.info[self._KEY] = self

    @classmethod
    def of(cls, session: Session) -> Pending | None:
        return session.info.get(cls._KEY)

    def write(self, session: Session) -> None:
        """Insert what is held (after a flush, so new dossiers have ids) and forget it."""
        history, changes, events = self.history, self.changes, self.events
        self.discard()
        if history:
            rows = [dict(row, dossier_id=dossier.id) for dossier, row in history]
            session.execute(insert(DossierHistory.__table__), rows)
        if changes:
            session.execute(insert(ChangeRecord.__table__), changes)
        if events:
            session.execute(insert(EventRecord.__table__), events)

    def discard(self) -> None:
        """Forget what is held (its savepoint was rolled back)."""
        self.history, self.changes, self.events = [], [], []


def append_change(
    session: Session,
    office_id: int,
    kind: str,
    payload: dict[str, Any],
    dossier: Dossier | None = None,
) -> None:
    row: dict[str, Any] = {
        "office_id": office_id,
        "kind": kind,
        "dossier_uuid": dossier.uuid if dossier else None,
        "code": dossier.code if dossier else None,
        "payload": payload,
        "created_at": now(),
    }
    seq = feed.next_number(session)
    if seq is not None:
        row["seq"] = seq
    pending = Pending.of(session)
    if pending is not None:
        pending.changes.append(row)
    else:
        session.add(ChangeRecord(**row))


def find_by_code(session: Session, office_ids: list[int], code: str) -> Dossier | None:
    return session.scalar(
        select(Dossier).where(
            Dossier.code == code.strip().upper(), Dossier.office_id.in_(office_ids)
        )
    )


def add_history(
    session: Session,
    dossier: Dossier,
    *,
    at: datetime,
    source: str,
    officer: str | None,
    from_status: int | None,
    to_status: int | None,
    note: str | None = None,
    station: int | None = None,
    conflict: bool = False,
    event_uuid: uuid.UUID | None = None,
) -> None:
    row = {
        "at": at,
        "source": source,
        "station": station,
        "officer": officer,
        "from_status": from_status,
        "to_status": to_status,
        "note": note,
        "conflict": conflict,
        "event_uuid": event_uuid,
        "recorded_at": now(),
    }
    pending = Pending.of(session)
    if pending is not None:
        pending.history.append((dossier, row))
    else:
        session.add(DossierHistory(dossier=dossier, **row))


def set_status(
    session: Session,
    dossier: Dossier,
    to_status: int,
    *,
    at: datetime,
    source: str,
    officer: str | None,
    note: str | None,
    station: int | None = None,
    event_uuid: uuid.UUID | None = None,
) -> None:
    """Move the dossier, record the step, and tell the office's stations."""
    from_status = dossier.status
    dossier.status = to_status
    dossier.status_source = source
    dossier.status_changed_at = at
    dossier.updated_at = now()
    if source == "backoffice":
        dossier.backoffice_changed_at = at
    if to_status == Status.PROCESSING and dossier.handed_over_at is None:
        dossier.handed_over_at = at
    if to_status == Status.RETURNED and dossier.returned_at is None:
        dossier.returned_at = at
    add_history(
        session,
        dossier,
        at=at,
        source=source,
        officer=officer,
        from_status=from_status,
        to_status=to_status,
        note=note,
        station=station,
        event_uuid=event_uuid,
    )
    append_change(
        session,
        dossier.office_id,
        "status",
        {
            "dossier_uuid": str(dossier.uuid),
            "code": dossier.code,
            "from_status": from_status,
            "to_status": to_status,
            "at": p.wire_time(at),
            "officer": officer,
            "note": note,
            "source": source,
            "station": station,
        },
        dossier,
    )


def status_label(status: int) -> str:
    try:
        return Status(status).label_vi
    except ValueError:
        return str(status)


def when(value: datetime | None) -> str:
    return value.strftime("%H:%M %d/%m/%Y") if value else ""


_MANIFEST = ManifestItem.__table__
_BLOBS = Blob.__table__
_BLOB_OFFICES = BlobOffice.__table__
# Each manifest file of a dossier and whether its office holds that file.
_MANIFEST_HELD = (
    select(_MANIFEST.c.sha256, _BLOB_OFFICES.c.office_id.is_not(None))
    .select_from(_MANIFEST)
    .outerjoin(
        _BLOB_OFFICES,
        and_(
            _BLOB_OFFICES.c.sha256 == _MANIFEST.c.sha256,
            _BLOB_OFFICES.c.office_id == bindparam("office_id"),
        ),
    )
    .where(_MANIFEST.c.dossier_id == bindparam("dossier_id"))
)
_FREEZE_MANIFEST = (
    update(_MANIFEST)
    .where(_MANIFEST.c.dossier_id == bindparam("dossier"), _MANIFEST.c.frozen.is_(False))
    .values(frozen=True)
)
_FREEZE_BLOBS = (
    update(_BLOBS)
    .where(
        _BLOBS.c.frozen.is_(False),
        _BLOBS.c.sha256.in_(
            select(_MANIFEST.c.sha256).where(_MANIFEST.c.dossier_id == bindparam("dossier"))
        ),
    )
    .values(frozen=True)
)


def refresh_completeness(session: Session, dossier: Dossier) -> None:
    """Mark the dossier complete once every manifest file is verified here, then freeze them.

    The freezing is written straight to the tables: a caller holding manifest
    items as objects reloads them (``populate_existing``) before relying on
    ``frozen``.
    """
    rows = session.execute(
        _MANIFEST_HELD, {"dossier_id": dossier.id, "office_id": dossier.office_id}
    ).all()
    hashes = {sha for sha, _ in rows}
    complete = all(held for _, held in rows)
    if complete and rows:
        session.execute(_FREEZE_MANIFEST, {"dossier": dossier.id})
        session.execute(_FREEZE_BLOBS, {"dossier": dossier.id})
    if complete != dossier.attachments_complete:
        dossier.attachments_complete = complete
        dossier.updated_at = now()
        if complete:
            append_change(
                session,
                dossier.office_id,
                "progress",
                {
                    "dossier_uuid": str(dossier.uuid),
                    "code": dossier.code,
                    "event": "attachments_complete",
                    "content": f"Máy chủ đã nhận và kiểm tra đủ {len(hashes)} tệp số hóa.",
                    "officer": None,
                    "at": p.wire_time(now()),
                    "files": len(hashes),
                },
                dossier,
            )


def summary(dossier: Dossier, office_code: str) -> p.DossierSummary:
    return p.DossierSummary(
        dossier_uuid=dossier.uuid,
        code=dossier.code,
        office_code=office_code,
        procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure_name,
        status=dossier.status,
        status_label=status_label(dossier.status),
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        applicant_name=dossier.applicant_name,
        attachments_complete=dossier.attachments_complete,
    )


def detail(session: Session, dossier: Dossier, office_code: str) -> p.DossierDetail:
    rows = session.scalars(
        select(DossierHistory)
        .where(DossierHistory.dossier_id == dossier.id)
        .order_by(DossierHistory.id)
    ).all()
    return p.DossierDetail(
        **summary(dossier, office_code).model_dump(),
        summary=dossier.intake.get("summary"),
        returned_at=dossier.returned_at,
        history=[
            p.HistoryEntry(
                at=row.at,
                source=row.source,  # type: ignore[arg-type]
                officer=row.officer,
                from_status=row.from_status,
                to_status=row.to_status,
                note=row.note,
                conflict=row.conflict,
            )
            for row in rows
        ],
    )

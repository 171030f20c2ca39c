"""Stations' audit chain heads, as reported at each sync, and the flags they raise.

A station's audit log is a hash chain it keeps itself; whoever holds its
database and today's key can edit an old entry and rebuild the chain after
it. A head recorded here before the edit is what still tells: the server
keeps every head it is sent (rows are only added) and flags a head whose
id goes backwards (entries cut off, or the database restored from an older
copy) or whose hash at an id already reported has changed (rewritten).
A flag never refuses the sync: the station's dossiers still matter most.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sync import protect_wire as w
from server.auth import StationContext
from server.common import now
from server.db import Database
from server.models import AuditHead, KeyEscrow, KeyRecoveryCode, Office, Station

log = logging.getLogger("server.audit")
# Flags shown per station on the back-office page and in its JSON.
MAX_FLAGS_SHOWN = 20


def _latest(session: Session, station_id: int) -> AuditHead | None:
    return session.scalar(
        select(AuditHead)
        .where(AuditHead.station_id == station_id)
        .order_by(AuditHead.row_id.desc())
        .limit(1)
    )


def state(db: Database, station: StationContext) -> w.AuditHeadState:
    with db.read() as session:
        last = _latest(session, station.station_id)
    return w.AuditHeadState(id=last.head_id, hash=last.head_hash) if last else w.AuditHeadState()


def _reported_at(session: Session, station_id: int, head_id: int) -> AuditHead | None:
    """The newest head recorded at ``head_id`` (a restore may have reported it twice)."""
    return session.scalar(
        select(AuditHead)
        .where(AuditHead.station_id == station_id, AuditHead.head_id == head_id)
        .order_by(AuditHead.row_id.desc())
        .limit(1)
    )


def _judge(
    session: Session, station_id: int, last: AuditHead | None, body: w.AuditHeadReport
) -> tuple[str | None, str | None]:
    if last is None:
        return None, None
    if body.id < last.head_id:
        return "backwards", (
            f"Đầu chuỗi nhật ký lùi từ mục {last.head_id} về mục {body.id}: nhật ký bị cắt "
            "bớt, hoặc dữ liệu của máy trạm được khôi phục từ một bản sao cũ."
        )
    checks = [(body.id, body.hash)]
    if body.anchor is not None and body.anchor.id != body.id:
        checks.append((body.anchor.id, body.anchor.hash))
    for head_id, head_hash in checks:
        earlier = _reported_at(session, station_id, head_id)
        if earlier is not None and earlier.head_hash != head_hash:
            return "rewritten", (
                f"Nhật ký đến mục {head_id} không còn khớp mã đầu chuỗi đã báo "
                f"({earlier.head_hash[:16]}…, lúc {earlier.received_at:%d/%m/%Y %H:%M}): "
                "các mục đến đó đã bị sửa hoặc xóa rồi tính lại chuỗi."
            )
    return None, None


def record(db: Database, station: StationContext, body: w.AuditHeadReport) -> w.AuditHeadAnswer:
    """Keep the head (unless it is the one already kept) and say whether it raised a flag."""
    with db.write() as session:
        # One report at a time per station: two rounds at once must not both
        # judge against the same old head.
        session.scalar(select(Station.id).where(Station.id == station.station_id).with_for_update())
        last = _latest(session, station.station_id)
        flag, message = _judge(session, station.station_id, last, body)
        if (
            flag is None
            and last is not None
            and (last.head_id, last.head_hash)
            == (
                body.id,
                body.hash,
            )
        ):
            return w.AuditHeadAnswer(recorded=False)
        session.add(
            AuditHead(
                station_id=station.station_id,
                head_id=body.id,
                head_hash=body.hash,
                seal=body.seal,
                station_at=body.at,
                received_at=now(),
                flag=flag,
                message=message,
            )
        )
    if flag is not None:
        log.warning(
            "station audit head flagged",
            extra={"office": station.office_code, "station": station.station_number, "flag": flag},
        )
    return w.AuditHeadAnswer(recorded=True, flag=flag, message=message)  # type: ignore[arg-type]


def _record(row: AuditHead) -> w.AuditHeadRecord:
    return w.AuditHeadRecord(
        id=row.head_id,
        hash=row.head_hash,
        seal=row.seal,
        at=row.station_at,
        received_at=row.received_at,
        flag=row.flag,  # type: ignore[arg-type]
        message=row.message,
    )


def stations(db: Database, office_ids: Iterable[int]) -> w.StationProtectionList:
    """The stations of these offices: key copy, recovery codes, audit heads and flags."""
    ids = tuple(office_ids)
    result: list[w.StationProtection] = []
    with db.read() as session:
        rows = session.execute(
            select(Station, Office.code, KeyEscrow.deposited_at)
            .join(Office, Office.id == Station.office_id)
            .outerjoin(KeyEscrow, KeyEscrow.station_id == Station.id)
            .where(Station.office_id.in_(ids))
            .order_by(Office.code, Station.number)
        ).all()
        for station, office_code, escrowed in rows:
            last = _latest(session, station.id)
            flags = session.scalars(
                select(AuditHead)
                .where(AuditHead.station_id == station.id, AuditHead.flag.is_not(None))
                .order_by(AuditHead.row_id.desc())
                .limit(MAX_FLAGS_SHOWN)
            ).all()
            grants = session.scalars(
                select(KeyRecoveryCode)
                .where(KeyRecoveryCode.station_id == station.id)
                .order_by(KeyRecoveryCode.id.desc())
                .limit(MAX_FLAGS_SHOWN)
            ).all()
            result.append(
                w.StationProtection(
                    office_code=office_code,
                    number=station.number,
                    name=station.name,
                    enrolled_at=station.enrolled_at,
                    key_escrowed_at=escrowed,
                    last_head=_record(last) if last else None,
                    flags=[_record(f) for f in flags],
                    key_recoveries=[
                        w.KeyRecoveryRecord(
                            issued_by=g.issued_by,
                            issued_at=g.created_at,
                            expires_at=g.expires_at,
                            used_at=g.used_at,
                            used_from=g.used_from,
                        )
                        for g in grants
                    ],
                )
            )
    return w.StationProtectionList(stations=result)

"""Recovery: what a station restored from a backup asks the server about its own dossiers.

Only the calling station's dossiers are ever named or handed back (same
office and same station number): a station never learns another's intakes
this way, nor another office's.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BeforeValidator
from sqlalchemy import select

from app.domain.codes import parse_code
from app.domain.errors import DomainError
from app.sync import protocol as p
from app.sync import recovery_protocol as rp
from server.auth import StationContext, database, station_context
from server.models import Dossier, DossierHistory, ManifestItem

router = APIRouter(prefix=p.API_PREFIX, tags=["sync"])
Station = Annotated[StationContext, Depends(station_context)]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    # Pydantic would also read "0" or "1700000000" as a day (seconds since
    # 1970); the document says YYYY-MM-DD, as the station sends it.
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("ngày phải có dạng YYYY-MM-DD, ví dụ 2026-01-31")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day)]


def _own(station: StationContext):
    return (Dossier.office_id == station.office_id) & (Dossier.station == station.station_number)


@router.get(rp.RECOVERY_PATH, response_model=rp.RecoveryState)
def recovery_state(
    request: Request,
    station: Station,
    since: Annotated[
        IsoDay, Query(description="The first day of pushes asked about (YYYY-MM-DD).")
    ],
) -> rp.RecoveryState:
    """The codes this station first pushed on or after ``since`` (server time), and for
    each day of those codes the highest sequence it pushed, so a restored station hands
    none of them out again.

    Counted by when the server first got the dossier, not by its date of receipt: a
    dossier entered back-dated after the backup was made is found too.
    """
    with database(request).read() as session:
        codes = session.scalars(
            select(Dossier.code)
            .where(_own(station), Dossier.created_at >= datetime.combine(since, time.min))
            .order_by(Dossier.id)
        ).all()
    days: dict[date, rp.RecoveryDay] = {}
    listed: list[str] = []
    for code in codes:
        try:
            parsed = parse_code(code)
        except DomainError:
            continue  # the server accepts only well-formed codes; never fail the answer on one
        found = days.get(parsed.day)
        if found is None:
            days[parsed.day] = rp.RecoveryDay(day=parsed.day, highest=parsed.sequence, count=1)
        else:
            found.highest = max(found.highest, parsed.sequence)
            found.count += 1
        if len(listed) < rp.MAX_RECOVERY_LISTED:
            listed.append(code)
    return rp.RecoveryState(
        station=station.station_number,
        since=since,
        days=[days[d] for d in sorted(days)],
        codes=listed,
        truncated=len(codes) > len(listed),
    )


@router.post(rp.RECOVERY_DOSSIERS_PATH, response_model=rp.RecoveryDossiersResponse)
def recovery_dossiers(
    body: rp.RecoveryDossiersRequest, request: Request, station: Station
) -> rp.RecoveryDossiersResponse:
    """The station's own dossiers named by code, whole: intake, status, history, files.

    A code that is not one of the calling station's dossiers is listed in
    ``unknown``, never handed back.
    """
    wanted = list(dict.fromkeys(code.strip().upper() for code in body.codes))
    with database(request).read() as session:
        rows = session.scalars(
            select(Dossier).where(_own(station), Dossier.code.in_(wanted)).order_by(Dossier.id)
        ).all()
        ids = [row.id for row in rows]
        history: dict[int, list[rp.RecoveredHistory]] = {}
        for h in session.scalars(
            select(DossierHistory)
            .where(DossierHistory.dossier_id.in_(ids))
            .order_by(DossierHistory.at, DossierHistory.id)
        ):
            history.setdefault(h.dossier_id, []).append(
                rp.RecoveredHistory(
                    at=h.at,
                    source=h.source,
                    officer=h.officer,
                    from_status=h.from_status,
                    to_status=h.to_status,
                    note=h.note,
                    conflict=h.conflict,
                )
            )
        files: dict[int, list[rp.RecoveredAttachment]] = {}
        for m in session.scalars(
            select(ManifestItem).where(ManifestItem.dossier_id.in_(ids)).order_by(ManifestItem.id)
        ):
            files.setdefault(m.dossier_id, []).append(
                rp.RecoveredAttachment(
                    component_index=m.component_index,
                    sha256=m.sha256,
                    size=m.size,
                    pages=m.pages,
                    mime=m.mime,
                )
            )
        dossiers = [
            rp.RecoveredDossier(
                dossier_uuid=row.uuid,
                code=row.code,
                intake=dict(row.intake or {}),
                status=row.status,
                due_at=row.due_at,
                returned_at=row.returned_at,
                cancelled_at=row.cancelled_at,
                cancel_reason=row.cancel_reason,
                fee_paid=row.fee_paid,
                extensions=row.extensions or 0,
                history=history.get(row.id, []),
                attachments=files.get(row.id, []),
                updated_at=row.updated_at,
            )
            for row in rows
        ]
    found = {d.code for d in dossiers}
    return rp.RecoveryDossiersResponse(
        dossiers=dossiers, unknown=[code for code in wanted if code not in found]
    )

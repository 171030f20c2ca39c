"""Station tokens that rotate.

The station row holds the current token's digest and when it was issued.
Once that is older than ``station_token_max_age_hours``, answers to the
station carry ``X-MotCua-Token-Rotate: 1`` and the station swaps its token at
its next sync (``POST /api/v1/station/token``). The token it gave up is kept
in ``station_tokens`` and keeps working for a grace period only, so requests
already under way, a second process of the same station, or a rotation whose
answer was lost still get through; then it dies.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from server.auth import StationContext, forget_station
from server.common import ApiError, digest, new_token, now
from server.config import Settings
from server.db import Database
from server.models import Station, StationToken


def rotate(
    db: Database, settings: Settings, station: StationContext, presented: str
) -> tuple[str, datetime]:
    """A new current token for the station; returns it and when ``presented`` stops working."""
    token = new_token("mcs")
    stamp = now()
    grace_end = stamp + timedelta(hours=settings.station_token_grace_hours)
    presented_hash = digest(presented)
    with db.write() as session:
        row = session.scalar(
            select(Station).where(Station.id == station.station_id).with_for_update()
        )
        if row is None or row.revoked or row.token_hash is None:
            raise ApiError(
                401,
                "unauthorized",
                "Mã xác thực máy trạm không hợp lệ hoặc đã bị thu hồi.",
                "Invalid or revoked station credential.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        # The current token retires with a grace period. A retired token that
        # asks again (its first answer was lost) keeps the expiry it has.
        session.add(
            StationToken(token_hash=row.token_hash, station_id=row.id, expires_at=grace_end)
        )
        expires = grace_end
        if presented_hash != row.token_hash:
            retired = session.get(StationToken, presented_hash)
            expires = retired.expires_at if retired is not None else stamp
        row.token_hash = digest(token)
        row.token_issued_at = stamp
        session.execute(delete(StationToken).where(StationToken.expires_at <= stamp))
    forget_station(station.station_id)
    return token, expires


def forget_retired(db: Database) -> int:
    """Delete retired tokens past their grace period; returns how many."""
    with db.write() as session:
        result = session.execute(delete(StationToken).where(StationToken.expires_at <= now()))
    return result.rowcount or 0

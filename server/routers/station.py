"""The station's own credential: swapping it for a fresh one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from app.sync import protocol as p
from server import tokens
from server.auth import StationContext, bearer_token, database, station_context

router = APIRouter(prefix=p.API_PREFIX, tags=["enrolment"])


@router.post("/station/token", response_model=p.TokenRotation)
def rotate_token(
    request: Request, station: Annotated[StationContext, Depends(station_context)]
) -> p.TokenRotation:
    """A fresh token for the calling station.

    The token the request carried keeps working until ``old_token_expires_at``
    (the grace period), so a lost answer is simply asked for again.
    """
    token, expires = tokens.rotate(
        database(request), request.app.state.settings, station, bearer_token(request) or ""
    )
    return p.TokenRotation(station_token=token, old_token_expires_at=expires)

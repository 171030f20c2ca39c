"""Push: a station's batch of events, applied in order, each exactly once."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from app.sync import protocol as p
from server.auth import StationContext, database, station_context
from server.push import push_batch

router = APIRouter(prefix=p.API_PREFIX, tags=["sync"])


@router.post("/push", response_model=p.PushResponse)
def push(
    body: p.RawPushRequest,
    request: Request,
    station: Annotated[StationContext, Depends(station_context)],
) -> p.PushResponse:
    """Apply the events in order; every event gets a final per-event answer.

    ``applied`` and ``duplicate`` acknowledge the event; ``rejected`` (the
    event can never apply) and ``conflict`` (someone else's newer change won,
    both versions kept in the dossier history) are final too: the station
    records the message and moves on to the next event.
    """
    return push_batch(database(request), station, body.events, request.app.state.lookup_key)

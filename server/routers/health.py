"""Liveness and readiness for the reverse proxy and the service manager."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app import __version__
from app.sync import protocol as p
from server.auth import database

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=p.Health, responses={503: {"model": p.Health}})
def healthz(request: Request) -> JSONResponse:
    """200 when the database answers, 503 otherwise."""
    ok = database(request).ping()
    body = p.Health(
        status="ok" if ok else "degraded", database="ok" if ok else "error", version=__version__
    )
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)

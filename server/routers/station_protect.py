"""Stations' data protection: the data key's sealed copy, its recovery, audit chain heads."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.sync import protect_wire as w
from app.sync import protocol as p
from server import audit_heads, keyescrow, station_pages
from server.auth import (
    SESSION_COOKIE,
    OfficerContext,
    StationContext,
    check_protocol,
    client_address,
    database,
    officer_context,
    officer_from_token,
    station_context,
)
from server.backoffice_pages import BASE
from server.common import ApiError
from server.ratelimit import too_many

router = APIRouter(tags=["data protection"])
API = p.API_PREFIX
Caller = Annotated[StationContext, Depends(station_context)]


def _private(request: Request):
    return keyescrow.private_key(request.app.state.settings.data_dir)


@router.get(f"{API}/station/key-escrow", response_model=w.KeyEscrowInfo)
def key_escrow(request: Request, station: Caller) -> w.KeyEscrowInfo:
    """The server's public key, and which copy of the caller's data key it holds."""
    return keyescrow.info(database(request), _private(request), station)


@router.put(f"{API}/station/key-escrow", response_model=w.KeyEscrowInfo)
def deposit_key(body: w.KeyEscrowDeposit, request: Request, station: Caller) -> w.KeyEscrowInfo:
    """Keep the caller's data key, sealed to the server's public key (replaces the last copy)."""
    return keyescrow.deposit(database(request), _private(request), station, body)


@router.post(f"{API}/recovery/key", response_model=w.KeyRecoveryResponse)
def recover_key(body: w.KeyRecoveryRequest, request: Request) -> w.KeyRecoveryResponse:
    """A station's data key, sealed to ``reply_public_key``, for a one-time recovery code.

    No station token: a station that lost its key lost its token with it.
    """
    check_protocol(request)
    settings = request.app.state.settings
    misses = request.app.state.misses
    key = f"recovery:{client_address(request)}"
    too_many(
        misses,
        [(key, settings.auth_miss_limit)],
        "Quá nhiều lần thử sai; hãy đợi ít phút rồi thử lại.",
        "Too many failed attempts; wait a few minutes and try again.",
    )
    try:
        return keyescrow.recover(
            database(request), _private(request), body, client_address(request)
        )
    except ApiError as exc:
        if exc.status == 403:
            misses.miss(key)
        raise


@router.get(f"{API}/station/audit-head", response_model=w.AuditHeadState)
def audit_head(request: Request, station: Caller) -> w.AuditHeadState:
    """The last audit chain head the server recorded for the caller."""
    return audit_heads.state(database(request), station)


@router.post(f"{API}/station/audit-head", response_model=w.AuditHeadAnswer)
def report_audit_head(
    body: w.AuditHeadReport, request: Request, station: Caller
) -> w.AuditHeadAnswer:
    """Record the caller's audit chain head; a head that went backwards or was rewritten
    is recorded with a flag (never refused)."""
    return audit_heads.record(database(request), station, body)


@router.get(f"{API}/backoffice/stations", response_model=w.StationProtectionList)
def stations(
    request: Request, officer: Annotated[OfficerContext, Depends(officer_context)]
) -> w.StationProtectionList:
    """The stations of the officer's offices: key copy held, last audit head, flags."""
    return audit_heads.stations(database(request), officer.office_ids)


@router.get(station_pages.PAGE, response_class=HTMLResponse, include_in_schema=False)
def stations_page(request: Request) -> Response:
    """The same, as the back-office page (signed in by its session cookie)."""
    officer = officer_from_token(database(request), request.cookies.get(SESSION_COOKIE))
    if officer is None:
        return RedirectResponse(BASE, status_code=303)
    return station_pages.stations_page(
        officer, audit_heads.stations(database(request), officer.office_ids)
    )

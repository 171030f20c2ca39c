"""Back-office JSON API for the agencies that resolve dossiers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from app.domain.errors import DomainError
from app.sync import protocol as p
from server import backoffice, reports
from server.auth import OfficerContext, client_address, database, officer_context
from server.common import ApiError, now
from server.ratelimit import too_many

router = APIRouter(prefix=f"{p.API_PREFIX}/backoffice", tags=["back office"])
Officer = Annotated[OfficerContext, Depends(officer_context)]


def guarded_login(
    request: Request, username: str, password: str
) -> tuple[str, object, OfficerContext]:
    """Sign in, counting failures per client address and per account."""
    settings = request.app.state.settings
    misses = request.app.state.misses
    keys = (
        f"backoffice:{client_address(request)}",
        f"signin-user:{username.strip().lower()}",
    )
    too_many(
        misses,
        zip(keys, (settings.auth_miss_limit, settings.account_miss_limit), strict=True),
        "Quá nhiều lần đăng nhập sai; hãy đợi ít phút rồi thử lại.",
        "Too many failed sign-ins; wait a few minutes and try again.",
    )
    try:
        return backoffice.login(database(request), settings, username, password)
    except ApiError:
        misses.miss(*keys)
        raise


@router.post("/login", response_model=p.BackofficeSession)
def login(body: p.BackofficeLoginRequest, request: Request) -> p.BackofficeSession:
    """A session token for an officer of a resolving agency (role ``backoffice``)."""
    token, expires, officer = guarded_login(request, body.username, body.password)
    return p.BackofficeSession(
        token=token, expires_at=expires, officer=backoffice.officer_record(officer)
    )


@router.post("/logout", status_code=204)
def logout(request: Request, officer: Officer) -> None:
    header = request.headers.get("authorization", "")
    backoffice.logout(database(request), header.partition(" ")[2].strip())


@router.get("/dossiers", response_model=p.DossierList)
def dossiers(
    request: Request,
    officer: Officer,
    status: Annotated[int | None, Query(ge=1, le=10)] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
) -> p.DossierList:
    """Dossiers of the officer's agency and the offices under it, newest first."""
    return p.DossierList(dossiers=backoffice.list_dossiers(database(request), officer, status, q))


@router.get("/dossiers/{code}", response_model=p.DossierDetail)
def dossier(code: str, request: Request, officer: Officer) -> p.DossierDetail:
    return backoffice.get_detail(database(request), officer, code)


@router.post("/dossiers/{code}/status", response_model=p.DossierDetail)
def change_status(
    code: str, body: p.StatusChangeRequest, request: Request, officer: Officer
) -> p.DossierDetail:
    """Move a handed-over dossier along a legal transition; stations see it on their next pull."""
    return backoffice.change_status(database(request), officer, code, body.to_status, body.note)


@router.post("/dossiers/{code}/progress", response_model=p.DossierDetail)
def add_progress(
    code: str, body: p.ProgressNoteRequest, request: Request, officer: Officer
) -> p.DossierDetail:
    """Record a processing step without changing the status."""
    return backoffice.add_progress(database(request), officer, code, body.note)


@router.get("/reports/indicators")
def report_indicators(
    request: Request,
    officer: Officer,
    date_from: Annotated[str, Query(alias="from", max_length=10)],
    date_to: Annotated[str, Query(alias="to", max_length=10)],
) -> dict:
    """The indicators of the period for the officer's office and each office under it,
    and their total (figures as in docs/indicators.md)."""
    try:
        start, end = reports.parse_period(date_from, date_to)
    except DomainError as exc:
        raise ApiError(400, exc.code, exc.message_vi, exc.message_en) from None
    return reports.indicators(database(request), officer.office_ids, start, end, now())

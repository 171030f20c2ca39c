"""Station enrolment and officer sign-in from a station."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from sqlalchemy import delete, select

from app.domain.codes import slice_for_station
from app.sync import protocol as p
from server.auth import (
    COUNTER_ROLES,
    StationContext,
    check_protocol,
    client_address,
    database,
    forget_station,
    station_context,
    verify_password,
)
from server.common import ApiError, digest, new_token, normalise_enrolment_code, now
from server.models import Office, Officer, Station, StationToken
from server.ratelimit import too_many

router = APIRouter(prefix=p.API_PREFIX, tags=["enrolment"])


def _too_many(request: Request, *keys: tuple[str, int]) -> None:
    too_many(
        request.app.state.misses,
        keys,
        "Quá nhiều lần thử sai; hãy đợi ít phút rồi thử lại.",
        "Too many failed attempts; wait a few minutes and try again.",
    )


@router.post("/enroll", response_model=p.EnrollResponse)
def enroll(body: p.EnrollRequest, request: Request) -> p.EnrollResponse:
    """Trade a one-time enrolment code for the station's long-lived credential."""
    check_protocol(request)
    key = f"enrol:{client_address(request)}"
    _too_many(request, (key, request.app.state.settings.auth_miss_limit))
    code_hash = digest(normalise_enrolment_code(body.enrolment_code))
    token = new_token("mcs")
    settings = request.app.state.settings
    with database(request).write() as session:
        row = session.execute(
            select(Station, Office)
            .join(Office, Office.id == Station.office_id)
            .where(Station.enrolment_hash == code_hash)
        ).first()
        stamp = now()
        if (
            row is not None
            and not row[0].revoked
            and stamp < (row[0].enrolment_expires_at or stamp)
        ):
            station, office = row
            station.token_hash = digest(token)
            station.token_issued_at = stamp
            # A re-enrolled station's swapped tokens die with the old credential.
            session.execute(delete(StationToken).where(StationToken.station_id == station.id))
            station.enrolment_hash = None
            station.enrolment_expires_at = None
            station.enrolled_at = stamp
            station.name = body.station_name
            forget_station(station.id)
            sequence = slice_for_station(station.number, settings.sequence_slice_size)
            return p.EnrollResponse(
                station_id=station.id,
                station_token=token,
                office_code=office.code,
                office_name=office.name,
                station_number=station.number,
                sequence_start=sequence.start,
                sequence_end=sequence.end,
                server_time=stamp,
            )
    # Counted once the transaction is over: SQLite admits one writer at a time.
    request.app.state.misses.miss(key)
    raise ApiError(
        401,
        "bad_enrolment_code",
        "Mã đăng ký máy trạm không đúng, đã dùng hoặc đã hết hạn.",
        "The enrolment code is wrong, already used or expired.",
    )


def officer_record(officer: Officer, *, with_hash: bool) -> p.OfficerRecord:
    return p.OfficerRecord(
        username=officer.username,
        full_name=officer.full_name,
        title=officer.title,
        role=officer.role,  # type: ignore[arg-type]
        password_hash=officer.password_hash if with_hash else None,
        active=officer.active,
    )


@router.post("/officers/login", response_model=p.OfficerRecord)
def officer_login(
    body: p.OfficerLoginRequest,
    request: Request,
    station: Annotated[StationContext, Depends(station_context)],
) -> p.OfficerRecord:
    """Check an officer's password online and hand the station a fresh credential."""
    username = body.username.strip().lower()
    settings = request.app.state.settings
    key, account = f"login:{station.station_id}:{username}", f"signin-user:{username}"
    _too_many(request, (key, settings.auth_miss_limit), (account, settings.account_miss_limit))
    with database(request).read() as session:
        officer = session.scalar(
            select(Officer).where(
                Officer.username == username, Officer.office_id == station.office_id
            )
        )
        password_ok = verify_password(officer, body.password)
        if password_ok and officer is not None and officer.active and officer.role in COUNTER_ROLES:
            return officer_record(officer, with_hash=True)
    request.app.state.misses.miss(key, account)
    raise ApiError(
        401,
        "invalid_credentials",
        "Tên đăng nhập hoặc mật khẩu không đúng.",
        "Wrong username or password.",
    )

"""Who is calling: stations by their bearer token, officers by a session token.

Every station request is scoped to the station's own office here, once, so a
router cannot forget it: routers receive a :class:`StationContext` and query
with its ``office_id``.
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request, Response
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, TOKEN_ROTATE_HEADER
from server.common import ApiError, digest, now
from server.db import Database
from server.models import Office, Officer, OfficerSession, Station, StationToken

# The same argon2id parameters as the station (argon2-cffi defaults), so a
# hash handed to a station verifies there offline.
password_hasher = PasswordHasher()
BACKOFFICE_ROLES = frozenset({"backoffice", "admin"})
COUNTER_ROLES = frozenset({"clerk", "supervisor", "admin"})
SESSION_COOKIE = "motcua_bo"


@dataclass(frozen=True)
class StationContext:
    station_id: int
    station_number: int
    office_id: int
    office_code: str
    office_name: str


@dataclass(frozen=True)
class OfficerContext:
    officer_id: int
    username: str
    full_name: str
    role: str
    office_id: int
    office_code: str
    csrf_token: str
    # The officer's office and the offices whose dossiers it resolves.
    office_ids: tuple[int, ...]


def database(request: Request) -> Database:
    return request.app.state.db


def bearer_token(request: Request) -> str | None:
    """The bearer token the request carries, if any."""
    return _bearer(request)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def check_protocol(request: Request) -> None:
    sent = request.headers.get(PROTOCOL_HEADER)
    if sent is not None and sent.strip() != str(PROTOCOL_VERSION):
        raise ApiError(
            400,
            "unsupported_protocol",
            f"Phiên bản giao thức {sent} không được hỗ trợ; máy chủ dùng phiên bản "
            f"{PROTOCOL_VERSION}. Hãy cập nhật phần mềm.",
            f"Protocol version {sent} is not supported; this server speaks {PROTOCOL_VERSION}.",
        )


def _unauthorized(message_vi: str, message_en: str) -> ApiError:
    return ApiError(
        401, "unauthorized", message_vi, message_en, headers={"WWW-Authenticate": "Bearer"}
    )


# The upload path's look-ups of a station by its current token, kept a few
# seconds: a station sends file after file, and each request would ask the
# same. Push, pull and token rotation always ask the database (and refresh
# this), so a revoked or re-enrolled station is refused at its next round;
# uploads already under way go on at most this long (at once in the worker
# that rotated or re-enrolled it). Retired tokens are never kept here.
STATION_CACHE_SECONDS = 5.0
_STATION_CACHE_SIZE = 10_000
_station_cache: dict[str, tuple[float, Any]] = {}
_station_cache_lock = threading.Lock()


def forget_station(station_id: int) -> None:
    """Drop the cached look-ups of a station whose tokens changed."""
    with _station_cache_lock:
        for key in [k for k, (_, row) in _station_cache.items() if row.station_id == station_id]:
            del _station_cache[key]


def _forget_token(token_hash: str) -> None:
    with _station_cache_lock:
        _station_cache.pop(token_hash, None)


def _cached_station(token_hash: str) -> Any:
    with _station_cache_lock:
        entry = _station_cache.get(token_hash)
    if entry is None or entry[0] < time.monotonic():
        return None
    return entry[1]


def _keep_station(token_hash: str, row: Any) -> None:
    with _station_cache_lock:
        if len(_station_cache) >= _STATION_CACHE_SIZE:
            _station_cache.clear()
        _station_cache[token_hash] = (time.monotonic() + STATION_CACHE_SECONDS, row)


def station_context(request: Request, response: Response) -> StationContext:
    """FastAPI dependency: the calling station, or 401.

    A token past its maximum age, or one already swapped and in its grace
    period, gets ``X-MotCua-Token-Rotate: 1`` on the answer.
    """
    return _station(request, response, cached=False)


async def upload_station_context(request: Request, response: Response) -> StationContext:
    """:func:`station_context` for the upload path, answered from a few seconds' cache.

    A coroutine, so a station found in the cache (nearly every chunk) costs
    no hop to the thread pool; only a look-up in the database goes there.
    """
    check_protocol(request)
    token = _bearer(request)
    if token is not None:
        row = _cached_station(digest(token))
        if row is not None:
            return _context(request, response, row, retired=False, stamp=now())
    return await run_in_threadpool(_station, request, response, cached=True)


def _station(request: Request, response: Response, *, cached: bool) -> StationContext:
    check_protocol(request)
    token = _bearer(request)
    if token is None:
        raise _unauthorized("Thiếu mã xác thực máy trạm.", "Missing station credential.")
    token_hash, stamp = digest(token), now()
    retired = False
    row = _cached_station(token_hash) if cached else None
    if row is None:
        with database(request).read_rows() as conn:
            row = conn.execute(_STATION_BY_TOKEN, {"token_hash": token_hash}).first()
            if row is None:
                row = conn.execute(
                    _STATION_BY_RETIRED_TOKEN, {"token_hash": token_hash, "now": stamp}
                ).first()
                retired = True
        if row is not None and not retired and not row.revoked:
            _keep_station(token_hash, row)
        else:
            _forget_token(token_hash)
    if row is None or row.revoked:
        raise _unauthorized(
            "Mã xác thực máy trạm không hợp lệ hoặc đã bị thu hồi.",
            "Invalid or revoked station credential.",
        )
    return _context(request, response, row, retired=retired, stamp=stamp)


def _context(
    request: Request, response: Response, row: Any, *, retired: bool, stamp: datetime
) -> StationContext:
    """The calling station; an old or retired token is asked to rotate."""
    max_age = timedelta(hours=request.app.state.settings.station_token_max_age_hours)
    if retired or row.token_issued_at is None or row.token_issued_at <= stamp - max_age:
        response.headers[TOKEN_ROTATE_HEADER] = "1"
    return StationContext(row.station_id, row.number, row.office_id, row.code, row.name)


# Asked on every station request: built once, and only the columns needed.
_STATION_COLUMNS = (
    Station.id.label("station_id"),
    Station.number,
    Station.revoked,
    Station.token_issued_at,
    Office.id.label("office_id"),
    Office.code,
    Office.name,
)
_STATION_BY_TOKEN = (
    select(*_STATION_COLUMNS)
    .join(Office, Office.id == Station.office_id)
    .where(Station.token_hash == bindparam("token_hash"))
)
_STATION_BY_RETIRED_TOKEN = (
    select(*_STATION_COLUMNS)
    .select_from(StationToken)
    .join(Station, Station.id == StationToken.station_id)
    .join(Office, Office.id == Station.office_id)
    .where(
        StationToken.token_hash == bindparam("token_hash"),
        StationToken.expires_at > bindparam("now"),
    )
)


@functools.cache
def _dummy_hash() -> str:
    return password_hasher.hash("no officer has this password")


def verify_password(officer: Officer | None, password: str) -> bool:
    """Check the password; an unknown officer costs the same time as a known one."""
    stored = officer.password_hash if officer is not None else _dummy_hash()
    try:
        return password_hasher.verify(stored, password) and officer is not None
    except (VerificationError, InvalidHashError):
        return False


def resolving_office_ids(session: Session, office: Office) -> tuple[int, ...]:
    """An agency resolves its own dossiers and those of the offices under it."""
    children = session.scalars(select(Office.id).where(Office.parent_code == office.code)).all()
    return (office.id, *children)


def officer_from_token(db: Database, token: str | None) -> OfficerContext | None:
    if not token:
        return None
    with db.read() as session:
        row = session.execute(
            select(OfficerSession, Officer, Office)
            .join(Officer, Officer.id == OfficerSession.officer_id)
            .join(Office, Office.id == Officer.office_id)
            .where(OfficerSession.token_hash == digest(token))
        ).first()
        if row is None:
            return None
        sess, officer, office = row
        if sess.expires_at < now() or not officer.active or officer.role not in BACKOFFICE_ROLES:
            return None
        return OfficerContext(
            officer_id=officer.id,
            username=officer.username,
            full_name=officer.full_name,
            role=officer.role,
            office_id=office.id,
            office_code=office.code,
            csrf_token=sess.csrf_token,
            office_ids=resolving_office_ids(session, office),
        )


def officer_context(request: Request) -> OfficerContext:
    """FastAPI dependency for the back-office JSON API: a bearer session token."""
    officer = officer_from_token(database(request), _bearer(request))
    if officer is None:
        raise _unauthorized(
            "Phiên đăng nhập không hợp lệ hoặc đã hết hạn.", "Invalid or expired officer session."
        )
    return officer


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"

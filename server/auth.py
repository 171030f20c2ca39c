"""Who is calling: stations by their bearer token, officers by a session token.

Every station request is scoped to the station's own office here, once, so a
router cannot forget it: routers receive a :class:`StationContext` and query
with its ``office_id``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request, Response
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

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


def station_context(request: Request, response: Response) -> StationContext:
    """FastAPI dependency: the calling station, or 401.

    A token past its maximum age, or one already swapped and in its grace
    period, gets ``X-MotCua-Token-Rotate: 1`` on the answer.
    """
    check_protocol(request)
    token = _bearer(request)
    if token is None:
        raise _unauthorized("Thiếu mã xác thực máy trạm.", "Missing station credential.")
    token_hash, stamp = digest(token), now()
    retired = False
    with database(request).read_rows() as conn:
        row = conn.execute(_STATION_BY_TOKEN, {"token_hash": token_hash}).first()
        if row is None:
            row = conn.execute(
                _STATION_BY_RETIRED_TOKEN, {"token_hash": token_hash, "now": stamp}
            ).first()
            retired = True
    if row is None or row.revoked:
        raise _unauthorized(
            "Mã xác thực máy trạm không hợp lệ hoặc đã bị thu hồi.",
            "Invalid or revoked station credential.",
        )
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

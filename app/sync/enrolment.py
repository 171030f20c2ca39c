"""Trading a one-time enrolment code for this station's credential and sequence slice."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlparse

from app.domain.errors import DomainError
from app.infra import clock, journal
from app.office import auth, settings, station
from app.office.auth import Actor
from app.sync import credentials, key_escrow
from app.sync import protocol as p
from app.sync.transport import SyncError, Transport
from db.engine import Database
from db.models import Station

log = logging.getLogger("motcua.sync")


def check_server_url(url: str) -> str:
    value = (url or "").strip().rstrip("/")
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise DomainError(
            "bad_server_url",
            f"Địa chỉ máy chủ “{url}” không hợp lệ (ví dụ https://motcua.tinh.gov.vn).",
            f"Invalid server address “{url}” (e.g. https://motcua.province.gov.vn).",
            field="server_url",
        )
    return value


def enroll(db: Database, data_dir: Path, actor: Actor, server_url: str, code: str) -> Station:
    """Enrol this station with the server; the office codes must match."""
    auth.require(actor, "settings.office")
    url = check_server_url(server_url)
    if not (code or "").strip():
        raise DomainError(
            "missing_enrolment_code",
            "Chưa nhập mã đăng ký (mã dùng một lần do quản trị máy chủ cấp).",
            "The one-time enrolment code (from the server's administrator) is missing.",
            field="code",
        )
    with db.read() as session:
        info = station.load(session)
    transport = Transport(url)
    try:
        body = transport.call(
            "POST",
            "/enroll",
            json={"enrolment_code": code.strip(), "station_name": f"Quầy {info.station_number}"},
        )
    except SyncError as exc:
        if exc.code != "credential_rejected":
            raise
        # The station has no credential yet: what the server refused is the code.
        raise DomainError(
            "bad_enrolment_code",
            "Máy chủ từ chối mã đăng ký: mã không đúng, đã dùng hoặc đã hết hạn; "
            "hãy xin quản trị máy chủ cấp mã mới.",
            "The server refused the enrolment code: it is wrong, used or expired; "
            "ask the server's administrator for a new one.",
            field="code",
        ) from None
    finally:
        transport.close()
    reply = p.EnrollResponse.model_validate(body)
    if reply.office_code != info.agency_code:
        raise DomainError(
            "office_mismatch",
            f"Mã đăng ký thuộc cơ quan {reply.office_code}, không phải {info.agency_code}.",
            f"The enrolment code belongs to office {reply.office_code}, not {info.agency_code}.",
        )
    now = clock.now()
    with db.write() as session:
        row = session.get(Station, info.station_id)
        row.number = reply.station_number
        row.sequence_start = reply.sequence_start
        row.sequence_end = reply.sequence_end
        settings.put(session, "server_url", url)
        journal.audit(
            session,
            actor.username,
            "station.enroll",
            url,
            now,
            {"station": reply.station_number, "station_id": reply.station_id},
        )
    credentials.save(
        data_dir,
        credentials.Credential(
            server_url=url,
            station_token=reply.station_token,
            station_id=reply.station_id,
            office_code=reply.office_code,
            station_number=reply.station_number,
        ),
    )
    _seal_key(data_dir, url, reply)
    return row


def _seal_key(data_dir: Path, url: str, reply: p.EnrollResponse) -> None:
    """The key's recovery copy goes to the server now; if that fails, at the next sync."""
    transport = Transport(url, reply.station_token)
    try:
        key_escrow.deposit_if_needed(transport, data_dir, reply.office_code, reply.station_number)
    except (DomainError, OSError) as exc:
        log.warning("data key copy not sent at enrolment: %s", getattr(exc, "code", exc))
    finally:
        transport.close()
